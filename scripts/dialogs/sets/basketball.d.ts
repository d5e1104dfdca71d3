import type { Check, Dialog } from '../dialog.types.js';
import { intents, language } from './helpers.js';

// Sport corrections ("no, I mean the basketball team", "no, el de baloncesto" ask the last question
// again about the club's other side) and carry-over (in a basketball conversation a club named
// without a sport word is its basketball side).

const NO_DRAW_EN: Check = { kind: 'not_mentions', any: ['draw', '1x2'] };
const NO_DRAW_ES: Check = { kind: 'not_mentions', any: ['empate', 'draw', '1x2'] };
const basketFixture = (team: string): Check => ({ kind: 'fixture', fixture: { team, sport: 'basketball' } });
const footballFixture = (team: string): Check => ({ kind: 'fixture', fixture: { team, sport: 'football' } });
const basketOdds = (team: string): Check => ({ kind: 'odds', fixture: { team, sport: 'basketball' }, selections: ['team', 'opponent'] });

export const dialogs: Dialog[] = [
  {
    id: 'basketball.d.barcelona-correction.en',
    category: 'basketball',
    language: 'en',
    turns: [
      { user: 'when do Barcelona play next?', intents: intents('schedule'), teams: ['Barcelona'], checks: [footballFixture('Barcelona')] },
      { user: 'no, the basketball team', intents: intents('schedule'), teams: ['FC Barcelona Bàsquet'], checks: [basketFixture('FC Barcelona Bàsquet')] },
    ],
  },
  {
    id: 'basketball.d.madrid-correccion.es',
    category: 'basketball',
    language: 'es',
    turns: [
      { user: '¿cuándo juega el Madrid?', intents: intents('schedule'), teams: ['Real Madrid'], checks: [footballFixture('Real Madrid'), language('es')] },
      { user: 'no, el de baloncesto', intents: intents('schedule'), teams: ['Real Madrid Baloncesto'], checks: [basketFixture('Real Madrid Baloncesto'), language('es')] },
    ],
  },
  {
    id: 'basketball.d.barca-cuotas-correccion.es',
    category: 'basketball',
    language: 'es',
    turns: [
      { user: 'cuotas del próximo partido del Barça', intents: intents('odds'), teams: ['Barcelona'], checks: [{ kind: 'odds', fixture: { team: 'Barcelona', sport: 'football' } }] },
      { user: 'no, me refiero al de basket', intents: intents('odds'), teams: ['FC Barcelona Bàsquet'], checks: [basketOdds('FC Barcelona Bàsquet'), NO_DRAW_ES] },
    ],
  },
  {
    id: 'basketball.d.madrid-odds-correction.en',
    category: 'basketball',
    language: 'en',
    turns: [
      { user: 'odds for Real Madrid next game', intents: intents('odds'), teams: ['Real Madrid'], checks: [{ kind: 'odds', fixture: { team: 'Real Madrid', sport: 'football' } }] },
      { user: 'sorry, I meant the basketball one', intents: intents('odds'), teams: ['Real Madrid Baloncesto'], checks: [basketOdds('Real Madrid Baloncesto'), NO_DRAW_EN] },
    ],
  },
  {
    id: 'basketball.d.carry-over-barcelona.en',
    category: 'basketball',
    language: 'en',
    turns: [
      { user: 'when does real madrid play in the euroleague?', teams: ['Real Madrid Baloncesto'], checks: [basketFixture('Real Madrid Baloncesto')] },
      { user: 'and what are the odds for Barcelona?', intents: intents('odds'), teams: ['FC Barcelona Bàsquet'], checks: [basketOdds('FC Barcelona Bàsquet'), NO_DRAW_EN] },
    ],
  },
  {
    id: 'basketball.d.carry-over-madrid.es',
    category: 'basketball',
    language: 'es',
    turns: [
      { user: '¿cuándo juega el Barça de baloncesto?', teams: ['FC Barcelona Bàsquet'], checks: [basketFixture('FC Barcelona Bàsquet'), language('es')] },
      { user: '¿y el Real Madrid?', teams: ['Real Madrid Baloncesto'], checks: [basketFixture('Real Madrid Baloncesto'), language('es')] },
      { user: '¿cuánto pagan por que gane?', teams: ['Real Madrid Baloncesto'], checks: [basketOdds('Real Madrid Baloncesto'), NO_DRAW_ES] },
    ],
  },
  {
    id: 'basketball.d.back-to-football.en',
    category: 'basketball',
    language: 'en',
    turns: [
      { user: 'real madrid basketball next game', teams: ['Real Madrid Baloncesto'], checks: [basketFixture('Real Madrid Baloncesto')] },
      { user: 'no, the football team', intents: intents('schedule'), teams: ['Real Madrid'], checks: [footballFixture('Real Madrid')] },
    ],
  },
  {
    id: 'basketball.d.football-club-stays-football.es',
    category: 'basketball',
    language: 'es',
    turns: [
      { user: '¿cuándo juegan los Lakers?', teams: ['Los Angeles Lakers'], checks: [basketFixture('Los Angeles Lakers'), language('es')] },
      // Chelsea has no basketball side: a football question.
      { user: '¿y el Chelsea?', teams: ['Chelsea'], checks: [footballFixture('Chelsea'), language('es')] },
    ],
  },
];
