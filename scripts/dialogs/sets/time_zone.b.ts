import type { Dialog } from '../dialog.types.js';

// Kick-off times in the user's zone (sent as `time_zone`, or said in the message), named, including
// zones where the local date differs from the UTC date, and a time asked for in another zone.

export const dialogs: Dialog[] = [
  {
    id: 'time_zone.b.barcelona.new-york.en',
    category: 'time_zone',
    language: 'en',
    timeZone: 'America/New_York',
    turns: [
      {
        user: 'when does barcelona play next?',
        intents: ['MATCH_SCHEDULE_QUERY'],
        teams: ['Barcelona'],
        checks: [
          { kind: 'fixture', fixture: { team: 'Barcelona' } },
          { kind: 'local_time', fixture: { team: 'Barcelona' }, zone: 'America/New_York' },
        ],
      },
    ],
  },
  {
    id: 'time_zone.b.barca.mexico.es',
    category: 'time_zone',
    language: 'es',
    timeZone: 'America/Mexico_City',
    turns: [
      {
        user: 'a que hora juega el barça?',
        intents: ['MATCH_SCHEDULE_QUERY'],
        teams: ['Barcelona'],
        checks: [{ kind: 'local_time', fixture: { team: 'Barcelona' }, zone: 'America/Mexico_City' }],
      },
    ],
  },
  {
    id: 'time_zone.b.arsenal.london.en',
    category: 'time_zone',
    language: 'en',
    timeZone: 'Europe/London',
    turns: [
      {
        user: "when's the next arsenal game",
        intents: ['MATCH_SCHEDULE_QUERY'],
        teams: ['Arsenal'],
        checks: [
          { kind: 'fixture', fixture: { team: 'Arsenal' } },
          { kind: 'local_time', fixture: { team: 'Arsenal' }, zone: 'Europe/London' },
        ],
      },
    ],
  },
  {
    id: 'time_zone.b.real-madrid.tokyo.en',
    category: 'time_zone',
    language: 'en',
    timeZone: 'Asia/Tokyo',
    turns: [
      {
        user: 'when does real madrid play next? what time is that for me',
        intents: ['MATCH_SCHEDULE_QUERY'],
        teams: ['Real Madrid'],
        checks: [
          { kind: 'fixture', fixture: { team: 'Real Madrid' } },
          { kind: 'local_time', fixture: { team: 'Real Madrid' }, zone: 'Asia/Tokyo' },
        ],
      },
    ],
  },
  {
    id: 'time_zone.b.real-madrid.bogota.es',
    category: 'time_zone',
    language: 'es',
    timeZone: 'America/Bogota',
    turns: [
      {
        user: '¿A qué hora juega el Real Madrid?',
        intents: ['MATCH_SCHEDULE_QUERY'],
        teams: ['Real Madrid'],
        checks: [{ kind: 'local_time', fixture: { team: 'Real Madrid' }, zone: 'America/Bogota' }],
      },
    ],
  },
  {
    id: 'time_zone.b.atleti.madrid.es',
    category: 'time_zone',
    language: 'es',
    timeZone: 'Europe/Madrid',
    turns: [
      {
        user: 'a qué hora es el próximo partido del atleti',
        intents: ['MATCH_SCHEDULE_QUERY'],
        teams: ['Atletico Madrid'],
        checks: [
          { kind: 'fixture', fixture: { team: 'Atletico Madrid' } },
          { kind: 'local_time', fixture: { team: 'Atletico Madrid' }, zone: 'Europe/Madrid' },
        ],
      },
    ],
  },
  {
    id: 'time_zone.b.knicks.new-york.en',
    category: 'time_zone',
    language: 'en',
    timeZone: 'America/New_York',
    turns: [
      {
        user: 'what time do the knicks tip off next',
        intents: ['MATCH_SCHEDULE_QUERY'],
        teams: ['New York Knicks'],
        checks: [{ kind: 'local_time', fixture: { team: 'New York Knicks', sport: 'basketball' }, zone: 'America/New_York' }],
      },
    ],
  },
  {
    id: 'time_zone.b.lakers.mexico.es',
    category: 'time_zone',
    language: 'es',
    timeZone: 'America/Mexico_City',
    turns: [
      {
        user: 'a q hora juegan los lakers',
        intents: ['MATCH_SCHEDULE_QUERY'],
        teams: ['Los Angeles Lakers'],
        checks: [{ kind: 'local_time', fixture: { team: 'Los Angeles Lakers', sport: 'basketball' }, zone: 'America/Mexico_City' }],
      },
    ],
  },
  {
    id: 'time_zone.b.liverpool.tokyo.en',
    category: 'time_zone',
    language: 'en',
    timeZone: 'Asia/Tokyo',
    turns: [
      {
        user: 'liverpool next match kick off time',
        intents: ['MATCH_SCHEDULE_QUERY'],
        teams: ['Liverpool'],
        checks: [{ kind: 'local_time', fixture: { team: 'Liverpool' }, zone: 'Asia/Tokyo' }],
      },
    ],
  },
  {
    id: 'time_zone.b.barca-madrid.bogota.es',
    category: 'time_zone',
    language: 'es',
    timeZone: 'America/Bogota',
    turns: [
      {
        user: 'cuando juega el barca',
        intents: ['MATCH_SCHEDULE_QUERY'],
        teams: ['Barcelona'],
        checks: [
          { kind: 'fixture', fixture: { team: 'Barcelona' } },
          { kind: 'local_time', fixture: { team: 'Barcelona' }, zone: 'America/Bogota' },
        ],
      },
      {
        user: '¿y el Madrid a qué hora?',
        intents: ['MATCH_SCHEDULE_QUERY'],
        teams: ['Real Madrid'],
        checks: [{ kind: 'local_time', fixture: { team: 'Real Madrid' }, zone: 'America/Bogota' }],
      },
    ],
  },
  {
    id: 'time_zone.b.man-city.london-then-new-york.en',
    category: 'time_zone',
    language: 'en',
    timeZone: 'Europe/London',
    turns: [
      {
        user: 'when do man city play next?',
        intents: ['MATCH_SCHEDULE_QUERY'],
        teams: ['Manchester City'],
        checks: [{ kind: 'local_time', fixture: { team: 'Manchester City' }, zone: 'Europe/London' }],
      },
      {
        user: "and what time is that in new york? my brother's watching from there",
        teams: ['Manchester City'],
        checks: [{ kind: 'local_time', fixture: { team: 'Manchester City' }, zone: 'America/New_York' }],
      },
    ],
  },
  {
    id: 'time_zone.b.sevilla.madrid.es',
    category: 'time_zone',
    language: 'es',
    timeZone: 'Europe/Madrid',
    turns: [
      {
        user: '¿a qué hora juega el Sevilla su próximo partido?',
        intents: ['MATCH_SCHEDULE_QUERY'],
        teams: ['Sevilla'],
        checks: [{ kind: 'local_time', fixture: { team: 'Sevilla' }, zone: 'Europe/Madrid' }],
      },
    ],
  },
  {
    id: 'time_zone.b.psg.mexico.en',
    category: 'time_zone',
    language: 'en',
    timeZone: 'America/Mexico_City',
    turns: [
      {
        user: 'what time is the next psg game',
        intents: ['MATCH_SCHEDULE_QUERY'],
        teams: ['Paris Saint-Germain'],
        checks: [{ kind: 'local_time', fixture: { team: 'Paris Saint-Germain' }, zone: 'America/Mexico_City' }],
      },
    ],
  },
  {
    id: 'time_zone.b.bayern.bogota-odds.es',
    category: 'time_zone',
    language: 'es',
    timeZone: 'America/Bogota',
    turns: [
      {
        user: 'hora y cuotas del próximo partido del bayern',
        teams: ['Bayern Munich'],
        checks: [
          { kind: 'local_time', fixture: { team: 'Bayern Munich' }, zone: 'America/Bogota' },
          { kind: 'odds', fixture: { team: 'Bayern Munich' } },
        ],
      },
    ],
  },
  {
    id: 'time_zone.b.says-new-york.en',
    category: 'time_zone',
    language: 'en',
    // The page sends Madrid, the user says where they are: the answer follows the user.
    timeZone: 'Europe/Madrid',
    turns: [
      {
        user: "i'm in new york this week, what time is the next arsenal game for me?",
        teams: ['Arsenal'],
        checks: [{ kind: 'local_time', fixture: { team: 'Arsenal' }, zone: 'America/New_York' }],
      },
      {
        user: 'and the knicks?',
        teams: ['New York Knicks'],
        checks: [{ kind: 'local_time', fixture: { team: 'New York Knicks', sport: 'basketball' }, zone: 'America/New_York' }],
      },
    ],
  },
  {
    id: 'time_zone.b.dice-bogota.es',
    category: 'time_zone',
    language: 'es',
    timeZone: 'Europe/Madrid',
    turns: [
      {
        user: 'estoy en bogotá, ¿a qué hora me toca ver al barça?',
        teams: ['Barcelona'],
        checks: [{ kind: 'local_time', fixture: { team: 'Barcelona' }, zone: 'America/Bogota' }],
      },
      {
        user: '¿y al Madrid?',
        teams: ['Real Madrid'],
        checks: [{ kind: 'local_time', fixture: { team: 'Real Madrid' }, zone: 'America/Bogota' }],
      },
    ],
  },
];
