/** A sport as listed by the provider; `nameEs` lets replies follow the user's language. */
export interface Sport {
  id: string;
  name: string;
  nameEs: string;
}

/** Sport ids follow the upstream numbering so ids from either provider mean the same sport. */
export const FOOTBALL_SPORT_ID = '1';
export const BASKETBALL_SPORT_ID = '3';
