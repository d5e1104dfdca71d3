import type { Check, Dialog } from '../dialog.types.js';
import { draw, language, legPrice, payout, wins } from './helpers.js';

// Accumulator legs from the same match: the answer prices what it can and says, for the leg it
// leaves out, that it is in the same match as another leg and why they cannot be combined.

const CLASICO = { opponent: 'Real Madrid' };
const LONDON = { opponent: 'Chelsea' };
const SAME_MATCH_EN: Check = { kind: 'mentions', any: ['same match'] };
const SAME_MATCH_ES: Check = { kind: 'mentions', any: ['mismo partido'] };
const NOT_GENERIC_EN: Check = { kind: 'not_mentions', any: ["didn't understand", 'INVALID', 'went wrong'] };
const NOT_GENERIC_ES: Check = { kind: 'not_mentions', any: ['no entendí', 'INVALID', 'algo salió mal'] };

export const dialogs: Dialog[] = [
  {
    id: 'accumulator.d.clasico-win-and-over.en',
    category: 'accumulator',
    language: 'en',
    turns: [
      {
        user: 'double: Barcelona to beat Real Madrid and over 2.5 goals in Barcelona vs Real Madrid, €10',
        checks: [SAME_MATCH_EN, NOT_GENERIC_EN, legPrice(wins('Barcelona', CLASICO)), payout(10, wins('Barcelona', CLASICO))],
      },
    ],
  },
  {
    id: 'accumulator.d.clasico-gana-y-goles.es',
    category: 'accumulator',
    language: 'es',
    turns: [
      {
        user: 'combinada: gana el Barça contra el Madrid y más de 2.5 goles en el Barça-Madrid, 10 euros',
        checks: [SAME_MATCH_ES, NOT_GENERIC_ES, payout(10, wins('Barcelona', CLASICO)), language('es')],
      },
    ],
  },
  {
    id: 'accumulator.d.both-sides-plus-liverpool.en',
    category: 'accumulator',
    language: 'en',
    turns: [
      {
        user: 'acca: Arsenal to beat Chelsea, Chelsea to beat Arsenal and Liverpool to win, 5 quid',
        checks: [SAME_MATCH_EN, NOT_GENERIC_EN, payout(5, wins('Arsenal', LONDON), wins('Liverpool'))],
      },
    ],
  },
  {
    id: 'accumulator.d.empate-y-gana.es',
    category: 'accumulator',
    language: 'es',
    turns: [
      {
        user: 'doble: empate en el Arsenal-Chelsea y gana el Chelsea al Arsenal, 10 euros',
        checks: [SAME_MATCH_ES, NOT_GENERIC_ES, payout(10, draw('Arsenal', LONDON)), language('es')],
      },
    ],
  },
];
