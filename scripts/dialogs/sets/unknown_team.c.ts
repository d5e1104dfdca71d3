import type { Check, Dialog } from '../dialog.types.js';
import { fixture, intents, language, NO_PROMISE, odds } from './helpers.js';

// Held-out unknown teams: invented clubs, real clubs outside the covered competitions (some sharing
// a word with a covered one: Inter Miami, Rayo Majadahonda, Tottenham Rovers), then a known team.

/** Teams a generic list of upcoming fixtures shows, which an answer about an unknown club has no reason to name. */
const NO_UNRELATED: Check = { kind: 'not_mentions', any: ['Lakers', 'Celtics', 'Knicks', 'Warriors', 'Nuggets', 'Bucks', '76ers', 'Pistons'] };

export const dialogs: Dialog[] = [
  {
    id: 'unknown_team.c.gotham-then-toon.en',
    category: 'unknown_team',
    language: 'en',
    turns: [
      { user: 'odds for FC Gotham United this weekend', checks: [{ kind: 'unknown_team', name: 'FC Gotham United' }, NO_UNRELATED, language('en')] },
      { user: 'ok forget it, newcastle then', intents: intents('odds'), teams: ['Newcastle United'], checks: [odds('Newcastle United')] },
    ],
  },
  {
    id: 'unknown_team.c.chiquitistan.es',
    category: 'unknown_team',
    language: 'es',
    turns: [
      { user: '¿cuándo juega el Deportivo Chiquitistán?', checks: [{ kind: 'unknown_team', name: 'Deportivo Chiquitistan' }, NO_UNRELATED, language('es')] },
    ],
  },
  {
    id: 'unknown_team.c.boca-apuesta.es',
    category: 'unknown_team',
    language: 'es',
    turns: [
      { user: 'cuanto paga el boca juniors si gana, 20 pavos', checks: [{ kind: 'unknown_team', name: 'Boca Juniors' }, NO_UNRELATED, NO_PROMISE, language('es')] },
    ],
  },
  {
    id: 'unknown_team.c.flamengo-then-betis.es',
    category: 'unknown_team',
    language: 'es',
    turns: [
      { user: 'próximo partido del flamengo', checks: [{ kind: 'unknown_team', name: 'Flamengo' }, NO_UNRELATED] },
      { user: 'vale, ¿y el betis?', intents: intents('schedule'), teams: ['Real Betis'], checks: [fixture('Real Betis'), language('es')] },
    ],
  },
  {
    id: 'unknown_team.c.inter-miami.en',
    category: 'unknown_team',
    language: 'en',
    timeZone: 'America/New_York',
    turns: [{ user: 'inter miami odds?', checks: [{ kind: 'unknown_team', name: 'Inter Miami' }, NO_UNRELATED] }],
  },
  {
    id: 'unknown_team.c.rayo-majadahonda.es',
    category: 'unknown_team',
    language: 'es',
    turns: [
      { user: 'apuesta 10€ al Rayo Majadahonda', checks: [{ kind: 'unknown_team', name: 'Rayo Majadahonda' }, NO_UNRELATED, { kind: 'not_mentions', any: ['Villarreal'] }] },
    ],
  },
  {
    id: 'unknown_team.c.wrexham-then-everton.en',
    category: 'unknown_team',
    language: 'en',
    timeZone: 'Europe/London',
    turns: [
      { user: 'wrexham next match?', checks: [{ kind: 'unknown_team', name: 'Wrexham' }, NO_UNRELATED] },
      { user: 'fine, what about everton', intents: intents('schedule'), teams: ['Everton'], checks: [fixture('Everton')] },
    ],
  },
  {
    id: 'unknown_team.c.tottenham-rovers-suggest.en',
    category: 'unknown_team',
    language: 'en',
    turns: [
      {
        user: 'when do Tottenham Rovers play',
        checks: [{ kind: 'unknown_team', name: 'Tottenham Rovers', suggest: 'Tottenham Hotspur' }, NO_UNRELATED],
      },
      { user: 'yeah i meant spurs, the football one', intents: intents('schedule'), teams: ['Tottenham Hotspur'], checks: [fixture('Tottenham Hotspur')] },
    ],
  },
  {
    id: 'unknown_team.c.celtic-rangers.en',
    category: 'unknown_team',
    language: 'en',
    timeZone: 'Europe/London',
    turns: [{ user: 'celtic v rangers price?', checks: [{ kind: 'unknown_team', name: 'Celtic' }, NO_UNRELATED, { kind: 'not_mentions', any: ['Mallorca'] }] }],
  },
];
