/**
 * The accounts of the embedded provider (CHATBET_API_BASE_URL unset), for trying the service
 * locally: documented in the README, so their passwords are public and worthless elsewhere. Only
 * scrypt hashes are kept here.
 */
export interface DemoUser {
  id: string;
  username: string;
  displayName: string;
  passwordHash: string;
  /** Euros credited when the account is first opened. */
  openingBalance: number;
}

export const DEMO_USERS: readonly DemoUser[] = [
  {
    id: 'acct_demo',
    username: 'demo',
    displayName: 'Demo User',
    // demo1234
    passwordHash: 'scrypt$16384$8$1$aQa0SLyAYg4G4uC890UNpg$vB-S_n558u6K_fhO2wDzBhI9x9JJcYIK7bPVZgGsWCw',
    openingBalance: 1000,
  },
  {
    id: 'acct_alice',
    username: 'alice',
    displayName: 'Alice',
    // alice1234
    passwordHash: 'scrypt$16384$8$1$bXaT0JJDxCAcxrlfVX1Kww$CTPGXCM67bvCfbFdvZpFPgYDineGFRVtYHKI4DkjGfk',
    openingBalance: 500,
  },
  {
    id: 'acct_bob',
    username: 'bob',
    displayName: 'Bob',
    // bob1234
    passwordHash: 'scrypt$16384$8$1$Enlpcm76GEgQLvweSxag4g$VMNyz9xXro7HIwrN--jvlyDRMCuQXqDP2du9SvLacIM',
    openingBalance: 250,
  },
];
