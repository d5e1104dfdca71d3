import type { Dialog, LegRef } from '../dialog.types.js';
import { draw, intents, language, legPrice, loses, over, payout, wins } from './helpers.js';

// Held-out accumulators: legs named by nickname or in Spanish, legs that are not "to win" (lose,
// draw, goals, both teams to score), stakes given late or changed, legs swapped or removed. Legs
// without a named pairing are teams' next matches from different leagues or different Champions
// League ties; named pairings are the marquee games the schedule always has.

const MANCHESTER_DERBY = { opponent: 'Manchester United' };
const ARSENAL_CHELSEA = { opponent: 'Chelsea' };
const JUVE_MILAN = { opponent: 'AC Milan' };
const KLASSIKER = { opponent: 'Borussia Dortmund' };
const CLASICO = { opponent: 'Real Madrid' };
const KLASSIKER_BTTS: LegRef = { team: 'Bayern Munich', ...KLASSIKER, pick: 'yes', market: 'btts' };

export const dialogs: Dialog[] = [
  {
    id: 'accumulator.c.toon-lazio-girona.en',
    category: 'accumulator',
    language: 'en',
    timeZone: 'Europe/London',
    turns: [
      {
        user: 'acca for me: toon, lazio and girona all to win, tenner on it',
        intents: intents('payout'),
        teams: ['Newcastle United', 'Lazio', 'Girona'],
        checks: [payout(10, wins('Newcastle United'), wins('Lazio'), wins('Girona'))],
      },
      {
        user: 'swap girona for brighton',
        teams: ['Brighton & Hove Albion'],
        checks: [payout(10, wins('Newcastle United'), wins('Lazio'), wins('Brighton & Hove Albion'))],
      },
    ],
  },
  {
    id: 'accumulator.c.juve-bayern-combinada.es',
    category: 'accumulator',
    language: 'es',
    turns: [
      {
        user: 'combinada de 20€: la juve le gana al milan y el bayern al dortmund, cuanto pagaria?',
        intents: intents('payout'),
        teams: ['Juventus', 'Bayern Munich'],
        checks: [payout(20, wins('Juventus', JUVE_MILAN), wins('Bayern Munich', KLASSIKER)), language('es')],
      },
      { user: 'y si en vez de ganar el bayern quedan empate?', checks: [payout(20, wins('Juventus', JUVE_MILAN), draw('Bayern Munich', KLASSIKER))] },
    ],
  },
  {
    id: 'accumulator.c.city-derby-and-draw.en',
    category: 'accumulator',
    language: 'en',
    timeZone: 'America/New_York',
    turns: [
      {
        user: 'parlay: man city over man utd + arsenal chelsea ends level. $10',
        intents: intents('payout'),
        teams: ['Manchester City', 'Arsenal'],
        checks: [payout(10, wins('Manchester City', MANCHESTER_DERBY), draw('Arsenal', ARSENAL_CHELSEA))],
      },
    ],
  },
  {
    id: 'accumulator.c.empate-y-ambos-marcan.es',
    category: 'accumulator',
    language: 'es',
    turns: [
      {
        user: 'doble: empate en el juve-milan y que marquen los dos en el bayern-dortmund, 15 euros',
        intents: intents('payout'),
        teams: ['Juventus', 'Bayern Munich'],
        checks: [payout(15, draw('Juventus', JUVE_MILAN), KLASSIKER_BTTS)],
      },
      { user: 'súbelo a 40€', checks: [payout(40, draw('Juventus', JUVE_MILAN), KLASSIKER_BTTS), language('es')] },
    ],
  },
  {
    id: 'accumulator.c.stake-after-legs.en',
    category: 'accumulator',
    language: 'en',
    turns: [
      {
        user: 'lille and nice both to win, as a double',
        teams: ['Lille', 'Nice'],
        checks: [legPrice(wins('Lille')), legPrice(wins('Nice'))],
      },
      { user: 'put €25 on that', intents: intents('payout'), checks: [payout(25, wins('Lille'), wins('Nice'))] },
    ],
  },
  {
    id: 'accumulator.c.triple-quita-uno.es',
    category: 'accumulator',
    language: 'es',
    turns: [
      {
        user: 'triple: gana el newcastle, el lille y el wolfsburgo. 5 euros',
        intents: intents('payout'),
        teams: ['Newcastle United', 'Lille', 'VfL Wolfsburg'],
        checks: [payout(5, wins('Newcastle United'), wins('Lille'), wins('VfL Wolfsburg'))],
      },
      { user: 'quita el lille', checks: [payout(5, wins('Newcastle United'), wins('VfL Wolfsburg'))] },
      { user: 'y con 30 pavos?', checks: [payout(30, wins('Newcastle United'), wins('VfL Wolfsburg')), language('es')] },
    ],
  },
  {
    id: 'accumulator.c.liverpool-lose-villa-over.en',
    category: 'accumulator',
    language: 'en',
    turns: [
      {
        user: 'double - liverpool to lose their next game and over 2.5 goals in the aston villa match, 20 euros',
        intents: intents('payout'),
        teams: ['Liverpool', 'Aston Villa'],
        checks: [payout(20, loses('Liverpool'), over('Aston Villa'))],
      },
    ],
  },
  {
    id: 'accumulator.c.napoles-atalanta.es',
    category: 'accumulator',
    language: 'es',
    turns: [
      {
        user: 'cuanto pagan 50€ a que ganan el nápoles y el atalanta sus partidos de champions?',
        intents: intents('payout'),
        teams: ['Napoli', 'Atalanta'],
        checks: [payout(50, wins('Napoli'), wins('Atalanta')), language('es')],
      },
    ],
  },
  {
    id: 'accumulator.c.clasico-plus-betis.en',
    category: 'accumulator',
    language: 'en',
    turns: [
      {
        user: 'what would €20 pay on barca beating madrid in the clasico plus celta winning their next one',
        intents: intents('payout'),
        teams: ['Barcelona', 'Celta Vigo'],
        checks: [payout(20, wins('Barcelona', CLASICO), wins('Celta Vigo'))],
      },
      { user: 'and with madrid winning instead?', checks: [payout(20, loses('Barcelona', CLASICO), wins('Celta Vigo'))] },
    ],
  },
  {
    id: 'accumulator.c.doble-sin-cuota.es',
    category: 'accumulator',
    language: 'es',
    turns: [
      {
        user: 'hazme una doble con el Betis y el Valencia ganando',
        teams: ['Real Betis', 'Valencia'],
        checks: [legPrice(wins('Real Betis')), legPrice(wins('Valencia'))],
      },
      { user: '10€', checks: [payout(10, wins('Real Betis'), wins('Valencia'))] },
    ],
  },
];
