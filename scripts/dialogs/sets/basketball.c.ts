import type { Check, Dialog, LegRef } from '../dialog.types.js';
import { intents, language } from './helpers.js';

// Held-out basketball: club sections named the way fans do ("el Madrid en la Euroliga", "barça de
// basket"), a EuroLeague side whose football namesake is also covered (Olympiacos), NBA moneyline,
// totals and spread, never a draw.

const BASKET = { sport: 'basketball' } as const;
const NO_DRAW_EN: Check = { kind: 'not_mentions', any: ['draw', '1x2'] };
const NO_DRAW_ES: Check = { kind: 'not_mentions', any: ['empate', 'draw', '1x2'] };
const NO_FOOTBALL: Check = { kind: 'not_mentions', any: ['Arsenal', 'Chelsea', 'Juventus', 'Bayern', 'Atletico', 'Liverpool', 'Newcastle'] };
const NBA_LIST: Check = {
  kind: 'mentions',
  any: ['Celtics', 'Nets', 'Knicks', '76ers', 'Raptors', 'Bulls', 'Cavaliers', 'Pistons', 'Pacers', 'Bucks', 'Hawks', 'Hornets', 'Heat', 'Magic',
    'Wizards', 'Nuggets', 'Timberwolves', 'Thunder', 'Blazers', 'Jazz', 'Warriors', 'Clippers', 'Lakers', 'Suns', 'Kings', 'Mavericks', 'Rockets',
    'Grizzlies', 'Pelicans', 'Spurs'],
};
const EUROLEAGUE_LIST: Check = {
  kind: 'mentions',
  any: ['Olympiacos', 'Panathinaikos', 'Fenerbahçe', 'Fenerbahce', 'Efes', 'Maccabi', 'Žalgiris', 'Zalgiris', 'Partizan', 'Zvezda', 'Red Star', 'Milano', 'Baskonia'],
};
const LIST: Check = { kind: 'mentions', any: [' vs ', ' vs. ', ' v ', ' - ', '–', '—', ' @ '] };
const BUCKS_OVER: LegRef = { team: 'Milwaukee Bucks', ...BASKET, pick: 'over', market: 'over_under' };
const BUCKS_UNDER: LegRef = { team: 'Milwaukee Bucks', ...BASKET, pick: 'under', market: 'over_under' };

export const dialogs: Dialog[] = [
  {
    id: 'basketball.c.madrid-euroliga.es',
    category: 'basketball',
    language: 'es',
    turns: [
      {
        user: 'cuándo juega el madrid en la euroliga?',
        intents: intents('schedule'),
        teams: ['Real Madrid Baloncesto'],
        checks: [{ kind: 'fixture', fixture: { team: 'Real Madrid Baloncesto', ...BASKET } }, language('es')],
      },
      {
        user: '¿cuánto me llevo con 20€ si gana el madrid?',
        intents: intents('payout'),
        teams: ['Real Madrid Baloncesto'],
        checks: [{ kind: 'payout', stake: 20, legs: [{ team: 'Real Madrid Baloncesto', ...BASKET, pick: 'team' }] }, NO_DRAW_ES],
      },
    ],
  },
  {
    id: 'basketball.c.bucks-total-under.en',
    category: 'basketball',
    language: 'en',
    timeZone: 'America/Chicago',
    turns: [
      {
        user: 'bucks odds',
        intents: intents('odds'),
        teams: ['Milwaukee Bucks'],
        checks: [{ kind: 'odds', fixture: { team: 'Milwaukee Bucks', ...BASKET }, selections: ['home', 'away'] }, NO_DRAW_EN],
      },
      {
        user: "what's the total points line?",
        teams: ['Milwaukee Bucks'],
        checks: [{ kind: 'odds', fixture: { team: 'Milwaukee Bucks', ...BASKET }, market: 'over_under', selections: ['over', 'under'] }],
      },
      { user: 'take the under for $20', intents: intents('payout'), checks: [{ kind: 'payout', stake: 20, legs: [BUCKS_UNDER] }] },
    ],
  },
  {
    id: 'basketball.c.knicks-spread.en',
    category: 'basketball',
    language: 'en',
    timeZone: 'America/New_York',
    turns: [
      {
        user: 'knicks spread next game?',
        teams: ['New York Knicks'],
        checks: [{ kind: 'odds', fixture: { team: 'New York Knicks', ...BASKET }, market: 'handicap', selections: ['team', 'opponent'] }, NO_DRAW_EN],
      },
    ],
  },
  {
    id: 'basketball.c.baskonia-olympiacos.es',
    category: 'basketball',
    language: 'es',
    turns: [
      {
        user: 'quién gana el baskonia-olympiacos?',
        intents: intents('verdict'),
        teams: ['Baskonia', 'Olympiacos BC'],
        checks: [{ kind: 'favourite', fixture: { team: 'Baskonia', opponent: 'Olympiacos BC', ...BASKET } }, NO_DRAW_ES, language('es')],
      },
    ],
  },
  {
    id: 'basketball.c.nba-tomorrow-then-lakers.en',
    category: 'basketball',
    language: 'en',
    timeZone: 'America/Los_Angeles',
    turns: [
      { user: 'what nba games are on tomorrow', checks: [LIST, NBA_LIST, NO_FOOTBALL] },
      {
        user: 'lakers moneyline for their next one?',
        intents: intents('odds'),
        teams: ['Los Angeles Lakers'],
        checks: [{ kind: 'odds', fixture: { team: 'Los Angeles Lakers', ...BASKET }, selections: ['team'] }, NO_DRAW_EN],
      },
    ],
  },
  {
    id: 'basketball.c.barca-efes.es',
    category: 'basketball',
    language: 'es',
    turns: [
      {
        user: 'cuotas del barça de baloncesto contra el efes',
        intents: intents('odds'),
        teams: ['FC Barcelona Bàsquet', 'Anadolu Efes'],
        checks: [{ kind: 'odds', fixture: { team: 'FC Barcelona Bàsquet', opponent: 'Anadolu Efes', ...BASKET }, selections: ['home', 'away'] }, NO_DRAW_ES],
      },
    ],
  },
  {
    id: 'basketball.c.warriors-25.en',
    category: 'basketball',
    language: 'en',
    timeZone: 'America/Los_Angeles',
    turns: [
      {
        user: 'dubs next game, 25 bucks on them to win',
        intents: intents('payout'),
        teams: ['Golden State Warriors'],
        checks: [{ kind: 'payout', stake: 25, legs: [{ team: 'Golden State Warriors', ...BASKET, pick: 'team' }] }, NO_DRAW_EN],
      },
    ],
  },
  {
    id: 'basketball.c.nba-then-euroliga.es',
    category: 'basketball',
    language: 'es',
    timeZone: 'America/Bogota',
    turns: [
      { user: 'partidos de la nba de mañana', checks: [LIST, NBA_LIST, NO_FOOTBALL, language('es')] },
      { user: '¿y de la euroliga esta semana?', checks: [LIST, EUROLEAGUE_LIST, { kind: 'not_mentions', any: ['Lakers', 'Celtics', 'Knicks', 'Arsenal', 'Juventus'] }] },
    ],
  },
  {
    id: 'basketball.c.bucks-over-stake.en',
    category: 'basketball',
    language: 'en',
    turns: [
      {
        user: '€10 on the over in the milwaukee game, what comes back?',
        intents: intents('payout'),
        teams: ['Milwaukee Bucks'],
        checks: [{ kind: 'payout', stake: 10, legs: [BUCKS_OVER] }, NO_DRAW_EN],
      },
    ],
  },
];
