import type { Check, Dialog } from '../dialog.types.js';
import { draw, fixture, intents, language, odds, payout, wins } from './helpers.js';

// Held-out one-shot questions (and their natural second turn), written apart from the sets the
// engine was tuned on: nicknames, Spanish club names, stakes in pavos/€, a balance and a comparison.

const LOGIN_EN: Check = { kind: 'mentions', any: ['log in', 'login', 'sign in', 'signed in', 'logged in'] };
const LOGIN_ES: Check = { kind: 'mentions', any: ['inicia sesión', 'iniciar sesión', 'inicies sesión', 'login', 'identif', 'acced', 'conectad'] };
const FORM_EN: Check = { kind: 'mentions', any: ['form', 'head-to-head', 'head to head', 'h2h', 'last 5', 'last five', 'wins', 'won', 'points', 'goals'] };
const FORM_ES: Check = { kind: 'mentions', any: ['forma', 'racha', 'cara a cara', 'enfrentamientos', 'historial', 'victorias', 'ganó', 'puntos', 'goles', 'últimos'] };

export const dialogs: Dialog[] = [
  {
    id: 'basics.c.the-reds-next.en',
    category: 'basics',
    language: 'en',
    timeZone: 'Europe/London',
    turns: [
      { user: 'who are the reds playing next', intents: intents('schedule'), teams: ['Liverpool'], checks: [fixture('Liverpool'), language('en')] },
      { user: 'and the prices for it?', intents: intents('odds'), teams: ['Liverpool'], checks: [odds('Liverpool')] },
    ],
  },
  {
    id: 'basics.c.atleti-next-then-weekend.es',
    category: 'basics',
    language: 'es',
    turns: [
      { user: 'cuando juega el atleti', intents: intents('schedule'), teams: ['Atletico Madrid'], checks: [fixture('Atletico Madrid'), language('es')] },
      { user: '¿y el finde contra quién juega?', intents: intents('schedule'), teams: ['Atletico Madrid'], checks: [fixture('Atletico Madrid', { date: 'weekend' })] },
    ],
  },
  {
    id: 'basics.c.villa-odds.en',
    category: 'basics',
    language: 'en',
    turns: [{ user: 'odds on villa next game pls', intents: intents('odds'), teams: ['Aston Villa'], checks: [odds('Aston Villa')] }],
  },
  {
    id: 'basics.c.girona-20-euros.es',
    category: 'basics',
    language: 'es',
    turns: [
      {
        user: 'si le meto 20€ al girona a que gana cuanto saco',
        intents: intents('payout'),
        teams: ['Girona'],
        checks: [payout(20, wins('Girona')), language('es')],
      },
    ],
  },
  {
    id: 'basics.c.brighton-vs-villa-compare.en',
    category: 'basics',
    language: 'en',
    turns: [
      {
        user: 'brighton or aston villa, which one is in better shape right now?',
        intents: intents('comparison'),
        teams: ['Brighton & Hove Albion', 'Aston Villa'],
        checks: [FORM_EN],
      },
    ],
  },
  {
    id: 'basics.c.napoles-next.es',
    category: 'basics',
    language: 'es',
    turns: [
      { user: 'próximo partido del nápoles?', intents: intents('schedule'), teams: ['Napoli'], checks: [fixture('Napoli')] },
      { user: 'compáralo con el Inter', intents: intents('comparison'), teams: ['Napoli', 'Inter'], checks: [FORM_ES, language('es')] },
    ],
  },
  {
    id: 'basics.c.lazio-draw-15.en',
    category: 'basics',
    language: 'en',
    turns: [
      { user: '€15 on the draw in the lazio game, what are the returns', intents: intents('payout'), teams: ['Lazio'], checks: [payout(15, draw('Lazio'))] },
    ],
  },
  {
    id: 'basics.c.valencia-odds-then-draw.es',
    category: 'basics',
    language: 'es',
    turns: [
      { user: 'cuotas valencia', intents: intents('odds'), teams: ['Valencia'], checks: [odds('Valencia')] },
      { user: '¿y el empate cuánto me paga con 10 pavos?', intents: intents('payout'), teams: ['Valencia'], checks: [payout(10, draw('Valencia')), language('es')] },
    ],
  },
  {
    id: 'basics.c.balance.en',
    category: 'basics',
    language: 'en',
    turns: [{ user: 'how much money have i got left in my account', intents: intents('balance'), checks: [LOGIN_EN] }],
  },
  {
    id: 'basics.c.saldo.es',
    category: 'basics',
    language: 'es',
    turns: [{ user: 'cuanto saldo me queda??', intents: intents('balance'), checks: [LOGIN_ES, language('es')] }],
  },
  {
    id: 'basics.c.west-ham-brentford.en',
    category: 'basics',
    language: 'en',
    timeZone: 'Europe/London',
    turns: [
      {
        user: 'hammers v brentford whats the price',
        intents: intents('odds'),
        teams: ['West Ham United', 'Brentford'],
        checks: [odds('West Ham United', { opponent: 'Brentford' })],
      },
      { user: '10 quid on the hammers', intents: intents('payout'), teams: ['West Ham United'], checks: [payout(10, wins('West Ham United', { opponent: 'Brentford' }))] },
    ],
  },
];
