import type { Check, Dialog } from '../dialog.types.js';
import { language } from './helpers.js';
import { BUNDESLIGA, LA_LIGA, LIGUE_1, LIST, PREMIER, SERIE_A } from './lists.b.js';

// Two competitions in one question: the list holds matches of both, and only of those.

const mentionsAny = (names: string[]): Check => ({ kind: 'mentions', any: names });

export const dialogs: Dialog[] = [
  {
    id: 'lists.d.bundesliga-ligue1.en',
    category: 'lists',
    language: 'en',
    turns: [
      {
        user: 'show me bundesliga and ligue 1 matches this weekend',
        checks: [LIST, mentionsAny(BUNDESLIGA), mentionsAny(LIGUE_1), { kind: 'not_mentions', any: ['Lakers', 'Arsenal', 'Barcelona'] }],
      },
    ],
  },
  {
    id: 'lists.d.laliga-premier.es',
    category: 'lists',
    language: 'es',
    turns: [
      {
        user: 'partidos de LaLiga y de la Premier este finde',
        checks: [LIST, mentionsAny(LA_LIGA), mentionsAny(PREMIER), { kind: 'not_mentions', any: ['Lakers', 'Bayern', 'Juventus'] }, language('es')],
      },
      { user: 'más', checks: [LIST, { kind: 'not_mentions', any: ['Lakers', 'Bayern', 'Juventus', 'no entendí'] }] },
    ],
  },
  {
    id: 'lists.d.serie-a-bundesliga.es',
    category: 'lists',
    language: 'es',
    turns: [
      {
        user: '¿qué hay de la Serie A y la Bundesliga este fin de semana?',
        checks: [LIST, mentionsAny(SERIE_A), mentionsAny(BUNDESLIGA), { kind: 'not_mentions', any: ['Lakers', 'Arsenal', 'Barcelona'] }, language('es')],
      },
    ],
  },
  {
    id: 'lists.d.premier-laliga.en',
    category: 'lists',
    language: 'en',
    turns: [
      {
        user: 'Premier League and La Liga fixtures this weekend please',
        checks: [LIST, mentionsAny(PREMIER), mentionsAny(LA_LIGA), { kind: 'not_mentions', any: ['Lakers', 'Bayern', 'Juventus'] }],
      },
    ],
  },
];
