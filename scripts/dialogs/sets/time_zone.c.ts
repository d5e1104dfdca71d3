import type { Dialog } from '../dialog.types.js';
import { fixture, intents, language, legPrice, wins } from './helpers.js';

// Held-out kick-off times in the user's zone: the Americas, Asia and Oceania (where the local date
// often differs from Europe's), a zone named in the message, and a second time asked in a follow-up.

const CLASICO = { opponent: 'Real Madrid' };
const KLASSIKER = { opponent: 'Borussia Dortmund' };
const JUVE_MILAN = { opponent: 'AC Milan' };

export const dialogs: Dialog[] = [
  {
    id: 'time_zone.c.north-london-la.en',
    category: 'time_zone',
    language: 'en',
    timeZone: 'America/Los_Angeles',
    turns: [
      {
        user: 'what time is arsenal v chelsea for me',
        teams: ['Arsenal', 'Chelsea'],
        checks: [{ kind: 'local_time', fixture: { team: 'Arsenal', opponent: 'Chelsea' }, zone: 'America/Los_Angeles' }],
      },
    ],
  },
  {
    id: 'time_zone.c.clasico-buenos-aires.es',
    category: 'time_zone',
    language: 'es',
    timeZone: 'America/Argentina/Buenos_Aires',
    turns: [
      {
        user: 'a que hora es el clasico?',
        intents: intents('schedule'),
        teams: ['Barcelona', 'Real Madrid'],
        checks: [{ kind: 'local_time', fixture: { team: 'Barcelona', ...CLASICO }, zone: 'America/Argentina/Buenos_Aires' }, language('es')],
      },
    ],
  },
  {
    id: 'time_zone.c.liverpool-singapore.en',
    category: 'time_zone',
    language: 'en',
    timeZone: 'Asia/Singapore',
    turns: [
      {
        user: 'liverpool kick off time?',
        intents: intents('schedule'),
        teams: ['Liverpool'],
        checks: [fixture('Liverpool'), { kind: 'local_time', fixture: { team: 'Liverpool' }, zone: 'Asia/Singapore' }],
      },
    ],
  },
  {
    id: 'time_zone.c.atleti-finde-bogota.es',
    category: 'time_zone',
    language: 'es',
    timeZone: 'America/Bogota',
    turns: [
      {
        user: '¿a qué hora juega el atleti el fin de semana?',
        intents: intents('schedule'),
        teams: ['Atletico Madrid'],
        checks: [{ kind: 'local_time', fixture: { team: 'Atletico Madrid', date: 'weekend' }, zone: 'America/Bogota' }],
      },
    ],
  },
  {
    id: 'time_zone.c.bucks-sydney.en',
    category: 'time_zone',
    language: 'en',
    timeZone: 'Australia/Sydney',
    turns: [
      {
        user: "when's the next bucks game",
        intents: intents('schedule'),
        teams: ['Milwaukee Bucks'],
        checks: [
          { kind: 'fixture', fixture: { team: 'Milwaukee Bucks', sport: 'basketball' } },
          { kind: 'local_time', fixture: { team: 'Milwaukee Bucks', sport: 'basketball' }, zone: 'Australia/Sydney' },
        ],
      },
    ],
  },
  {
    id: 'time_zone.c.juve-milan-hora-mexico.es',
    category: 'time_zone',
    language: 'es',
    turns: [
      {
        user: '¿a qué hora es el Juve-Milan en hora de México?',
        teams: ['Juventus', 'AC Milan'],
        checks: [{ kind: 'local_time', fixture: { team: 'Juventus', ...JUVE_MILAN }, zone: 'America/Mexico_City' }, language('es')],
      },
    ],
  },
  {
    id: 'time_zone.c.newcastle-chicago-two-games.en',
    category: 'time_zone',
    language: 'en',
    timeZone: 'America/Chicago',
    turns: [
      {
        user: 'newcastle next game, what time is that for me?',
        intents: intents('schedule'),
        teams: ['Newcastle United'],
        checks: [{ kind: 'local_time', fixture: { team: 'Newcastle United' }, zone: 'America/Chicago' }],
      },
      {
        user: 'and the one at the weekend?',
        teams: ['Newcastle United'],
        checks: [
          fixture('Newcastle United', { date: 'weekend' }),
          { kind: 'local_time', fixture: { team: 'Newcastle United', date: 'weekend' }, zone: 'America/Chicago' },
        ],
      },
    ],
  },
  {
    id: 'time_zone.c.klassiker-lima.es',
    category: 'time_zone',
    language: 'es',
    timeZone: 'America/Lima',
    turns: [
      {
        user: 'horario del bayern-dortmund',
        intents: intents('schedule'),
        teams: ['Bayern Munich', 'Borussia Dortmund'],
        checks: [{ kind: 'local_time', fixture: { team: 'Bayern Munich', ...KLASSIKER }, zone: 'America/Lima' }],
      },
      { user: 'y cuánto paga el bayern', teams: ['Bayern Munich'], checks: [legPrice(wins('Bayern Munich', KLASSIKER)), language('es')] },
    ],
  },
  {
    id: 'time_zone.c.real-madrid-tokyo.en',
    category: 'time_zone',
    language: 'en',
    timeZone: 'Asia/Tokyo',
    turns: [
      {
        user: 'real madrid next match, local time please',
        intents: intents('schedule'),
        teams: ['Real Madrid'],
        checks: [fixture('Real Madrid'), { kind: 'local_time', fixture: { team: 'Real Madrid' }, zone: 'Asia/Tokyo' }],
      },
    ],
  },
];
