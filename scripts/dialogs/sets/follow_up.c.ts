import type { Check, Dialog, LegRef } from '../dialog.types.js';
import { bttsYes, draw, favourite, fixture, intents, language, legPrice, NO_PROMISE, odds, over, payout, under, wins } from './helpers.js';

// Held-out follow-ups: a stake, a market or a line asked about the match of the previous turn
// ("chuck 15 on the draw", "¿y el over?", "stick 20 on it"), a second team's match, and "why" after a pick.

const KLASSIKER = { opponent: 'Borussia Dortmund' };
const KLASSIKER_BTTS: LegRef = { team: 'Bayern Munich', ...KLASSIKER, pick: 'yes', market: 'btts' };
const ATALANTA_OVER_35: LegRef = { team: 'Atalanta', pick: 'over', market: 'over_under', line: 3.5 };
const NOT_LOST_EN: Check = { kind: 'not_mentions', any: ["didn't understand", 'did not understand', 'rephrase'] };
const NOT_LOST_ES: Check = { kind: 'not_mentions', any: ['no entendí', 'no he entendido', 'reformula'] };
/** A reason for a pick: prices, probabilities or form. */
const REASONS: Check = { kind: 'mentions', any: ['odds', 'price', 'probab', '%', 'form', 'value', 'implied', 'edge', 'cuota', 'forma', 'valor'] };

export const dialogs: Dialog[] = [
  {
    id: 'follow_up.c.magpies-draw-btts.en',
    category: 'follow_up',
    language: 'en',
    timeZone: 'Europe/London',
    turns: [
      { user: 'when are the magpies on next', intents: intents('schedule'), teams: ['Newcastle United'], checks: [fixture('Newcastle United')] },
      { user: 'chuck 15 on the draw', intents: intents('payout'), teams: ['Newcastle United'], checks: [payout(15, draw('Newcastle United'))] },
      { user: 'what about both teams scoring', teams: ['Newcastle United'], checks: [legPrice(bttsYes('Newcastle United'))] },
    ],
  },
  {
    id: 'follow_up.c.betis-over-under.es',
    category: 'follow_up',
    language: 'es',
    turns: [
      { user: 'proximo partido del betis', intents: intents('schedule'), teams: ['Real Betis'], checks: [fixture('Real Betis')] },
      { user: '¿a cuánto está el over 2.5?', intents: intents('odds'), teams: ['Real Betis'], checks: [legPrice(over('Real Betis')), language('es')] },
      { user: 'pues 20€ al under', intents: intents('payout'), teams: ['Real Betis'], checks: [payout(20, under('Real Betis'))] },
    ],
  },
  {
    id: 'follow_up.c.klassiker-btts-stake.en',
    category: 'follow_up',
    language: 'en',
    turns: [
      { user: 'bayern v dortmund odds', intents: intents('odds'), teams: ['Bayern Munich', 'Borussia Dortmund'], checks: [odds('Bayern Munich', KLASSIKER)] },
      { user: "what's btts paying there", teams: ['Bayern Munich'], checks: [legPrice(KLASSIKER_BTTS)] },
      { user: '€10 on yes then', intents: intents('payout'), checks: [payout(10, KLASSIKER_BTTS)] },
    ],
  },
  {
    id: 'follow_up.c.lazio-favorito.es',
    category: 'follow_up',
    language: 'es',
    turns: [
      { user: '¿cuándo juega la Lazio?', intents: intents('schedule'), teams: ['Lazio'], checks: [fixture('Lazio')] },
      { user: '¿y quién es el favorito?', teams: ['Lazio'], checks: [favourite('Lazio'), language('es')] },
    ],
  },
  {
    id: 'follow_up.c.lille-40-then-draw.en',
    category: 'follow_up',
    language: 'en',
    turns: [
      { user: 'whens lille playing', intents: intents('schedule'), teams: ['Lille'], checks: [fixture('Lille')] },
      { user: 'what do i get for 40 on lille', intents: intents('payout'), teams: ['Lille'], checks: [payout(40, wins('Lille'))] },
      { user: 'and if it ends a draw', teams: ['Lille'], checks: [payout(40, draw('Lille'))] },
    ],
  },
  {
    id: 'follow_up.c.girona-then-valencia.es',
    category: 'follow_up',
    language: 'es',
    turns: [
      { user: 'cuotas del girona', intents: intents('odds'), teams: ['Girona'], checks: [odds('Girona')] },
      { user: '¿y las del valencia?', intents: intents('odds'), teams: ['Valencia'], checks: [odds('Valencia'), language('es')] },
    ],
  },
  {
    id: 'follow_up.c.pick-then-why.en',
    category: 'follow_up',
    language: 'en',
    turns: [
      { user: 'give me one pick for the weekend', intents: ['BETTING_RECOMMENDATION'], checks: [NO_PROMISE, NOT_LOST_EN] },
      { user: 'why that one?', checks: [REASONS, NOT_LOST_EN, NO_PROMISE] },
    ],
  },
  {
    id: 'follow_up.c.wolfsburgo-pavos.es',
    category: 'follow_up',
    language: 'es',
    turns: [
      { user: '¿cuándo juega el wolfsburgo?', intents: intents('schedule'), teams: ['VfL Wolfsburg'], checks: [fixture('VfL Wolfsburg')] },
      { user: 'métele 10 pavos a que gana', intents: intents('payout'), teams: ['VfL Wolfsburg'], checks: [payout(10, wins('VfL Wolfsburg')), language('es')] },
    ],
  },
  {
    id: 'follow_up.c.atalanta-over-35.en',
    category: 'follow_up',
    language: 'en',
    turns: [
      { user: 'atalanta next game?', intents: intents('schedule'), teams: ['Atalanta'], checks: [fixture('Atalanta')] },
      { user: 'over 3.5 price?', intents: intents('odds'), teams: ['Atalanta'], checks: [legPrice(ATALANTA_OVER_35)] },
      { user: 'stick 20 on it', intents: intents('payout'), teams: ['Atalanta'], checks: [payout(20, ATALANTA_OVER_35)] },
    ],
  },
  {
    id: 'follow_up.c.villarreal-spurs.es',
    category: 'follow_up',
    language: 'es',
    turns: [
      { user: '¿cuándo juega el villarreal?', intents: intents('schedule'), teams: ['Villarreal'], checks: [fixture('Villarreal')] },
      { user: '¿qué cuota tiene el Tottenham?', intents: intents('odds'), teams: ['Tottenham Hotspur'], checks: [legPrice(wins('Tottenham Hotspur'))] },
      { user: 'apuesta 10 a que gana el villarreal', intents: intents('payout'), teams: ['Villarreal'], checks: [payout(10, wins('Villarreal')), language('es')] },
    ],
  },
  {
    id: 'follow_up.c.recomendacion-porque.es',
    category: 'follow_up',
    language: 'es',
    turns: [
      { user: 'recomiéndame algo para el domingo', intents: ['BETTING_RECOMMENDATION'], checks: [NO_PROMISE, NOT_LOST_ES, language('es')] },
      { user: '¿por qué esa?', checks: [REASONS, NOT_LOST_ES, NO_PROMISE] },
      { user: 'vale, pon 5€', intents: intents('payout'), checks: [{ kind: 'mentions', any: ['5 €', '5€', '€5', '5 euros', '5,00', '5.00'] }, NOT_LOST_ES] },
    ],
  },
];
