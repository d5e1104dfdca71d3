import type { Dialog } from '../dialog.types.js';
import { bttsYes, draw, intents, language, legPrice, loses, over, payout, under, wins } from './helpers.js';

// Several legs priced together: every leg's price quoted and the return of the whole bet, also
// when legs or the stake change in later turns. Legs without a named opponent are the teams' next
// matches, so teams of one accumulator come from different leagues (two legs must never be one
// match); the two dialogues with named pairings use the marquee games the schedule always has.

const CLASICO = { opponent: 'Real Madrid' };
const ARSENAL_CHELSEA = { opponent: 'Chelsea' };

export const dialogs: Dialog[] = [
  {
    id: 'accumulator.a.clasico-and-arsenal.en',
    category: 'accumulator',
    language: 'en',
    turns: [
      {
        user: "I want an accumulator: Barcelona to beat Real Madrid and Arsenal to beat Chelsea, 20€ stake. What's the payout?",
        intents: intents('payout'),
        teams: ['Barcelona', 'Arsenal'],
        checks: [payout(20, wins('Barcelona', CLASICO), wins('Arsenal', ARSENAL_CHELSEA))],
      },
    ],
  },
  {
    id: 'accumulator.a.double-next-matches.en',
    category: 'accumulator',
    language: 'en',
    turns: [
      {
        user: 'a 20 euro double: Barcelona to win their next match and Liverpool to win theirs',
        intents: intents('payout'),
        teams: ['Barcelona', 'Liverpool'],
        checks: [payout(20, wins('Barcelona'), wins('Liverpool'))],
      },
    ],
  },
  {
    id: 'accumulator.a.treble.en',
    category: 'accumulator',
    language: 'en',
    turns: [
      {
        user: 'treble: bayern, psg and juventus all to win, €10',
        intents: intents('payout'),
        teams: ['Bayern Munich', 'Paris Saint-Germain', 'Juventus'],
        checks: [payout(10, wins('Bayern Munich'), wins('Paris Saint-Germain'), wins('Juventus'))],
      },
    ],
  },
  {
    id: 'accumulator.a.add-leg-then-stake.en',
    category: 'accumulator',
    language: 'en',
    turns: [
      {
        user: 'double on chelsea and juventus to win, 10 euros',
        intents: intents('payout'),
        teams: ['Chelsea', 'Juventus'],
        checks: [payout(10, wins('Chelsea'), wins('Juventus'))],
      },
      {
        user: 'add Bayern to it',
        teams: ['Bayern Munich'],
        checks: [payout(10, wins('Chelsea'), wins('Juventus'), wins('Bayern Munich'))],
      },
      {
        user: 'and with 50?',
        checks: [payout(50, wins('Chelsea'), wins('Juventus'), wins('Bayern Munich'))],
      },
    ],
  },
  {
    id: 'accumulator.a.win-and-over.en',
    category: 'accumulator',
    language: 'en',
    timeZone: 'America/New_York',
    turns: [
      {
        user: 'parlay: Juventus to win and over 2.5 goals in the Liverpool game, $20',
        intents: intents('payout'),
        teams: ['Juventus', 'Liverpool'],
        checks: [payout(20, wins('Juventus'), over('Liverpool'))],
      },
    ],
  },
  {
    id: 'accumulator.a.win-and-btts.en',
    category: 'accumulator',
    language: 'en',
    turns: [
      {
        user: 'Arsenal win + both teams to score in the next Real Madrid match, 15€ acca',
        intents: intents('payout'),
        teams: ['Arsenal', 'Real Madrid'],
        checks: [payout(15, wins('Arsenal'), bttsYes('Real Madrid'))],
      },
    ],
  },
  {
    id: 'accumulator.a.draw-leg.en',
    category: 'accumulator',
    language: 'en',
    turns: [
      {
        user: "what would a 5€ double pay: draw in Atletico's next game and Napoli to win",
        intents: intents('payout'),
        teams: ['Atletico Madrid', 'Napoli'],
        checks: [payout(5, draw('Atletico Madrid'), wins('Napoli'))],
      },
    ],
  },
  {
    id: 'accumulator.a.stake-later.en',
    category: 'accumulator',
    language: 'en',
    timeZone: 'Europe/London',
    turns: [
      {
        user: 'double on barca and dortmund to win',
        teams: ['Barcelona', 'Borussia Dortmund'],
        checks: [legPrice(wins('Barcelona')), legPrice(wins('Borussia Dortmund'))],
      },
      {
        user: '20 quid',
        checks: [payout(20, wins('Barcelona'), wins('Borussia Dortmund'))],
      },
    ],
  },
  {
    id: 'accumulator.a.four-fold.en',
    category: 'accumulator',
    language: 'en',
    turns: [
      {
        user: '4 fold - Real Madrid, Arsenal, Bayern and Inter to win. 5 euros',
        intents: intents('payout'),
        teams: ['Real Madrid', 'Arsenal', 'Bayern Munich', 'Inter'],
        checks: [payout(5, wins('Real Madrid'), wins('Arsenal'), wins('Bayern Munich'), wins('Inter'))],
      },
    ],
  },
  {
    id: 'accumulator.a.lose-leg.en',
    category: 'accumulator',
    language: 'en',
    turns: [
      {
        user: 'acca with chelsea to lose and napoli to win, 10e',
        intents: intents('payout'),
        teams: ['Chelsea', 'Napoli'],
        checks: [payout(10, loses('Chelsea'), wins('Napoli'))],
      },
    ],
  },
  {
    id: 'accumulator.a.raise-stake.en',
    category: 'accumulator',
    language: 'en',
    turns: [
      {
        user: 'Double: Sevilla and Marseille to win, €10',
        intents: intents('payout'),
        teams: ['Sevilla', 'Marseille'],
        checks: [payout(10, wins('Sevilla'), wins('Marseille'))],
      },
      { user: 'what about 25?', checks: [payout(25, wins('Sevilla'), wins('Marseille'))] },
    ],
  },
  {
    id: 'accumulator.a.drop-leg.en',
    category: 'accumulator',
    language: 'en',
    turns: [
      {
        user: 'treble liverpool, bayern and napoli, 10 euro',
        intents: intents('payout'),
        teams: ['Liverpool', 'Bayern Munich', 'Napoli'],
        checks: [payout(10, wins('Liverpool'), wins('Bayern Munich'), wins('Napoli'))],
      },
      { user: 'drop napoli', checks: [payout(10, wins('Liverpool'), wins('Bayern Munich'))] },
    ],
  },
  {
    id: 'accumulator.a.typos.en',
    category: 'accumulator',
    language: 'en',
    turns: [
      {
        user: 'accumalator barcelona and juve to win 30 euro what do i get',
        intents: intents('payout'),
        teams: ['Barcelona', 'Juventus'],
        checks: [payout(30, wins('Barcelona'), wins('Juventus'))],
      },
    ],
  },
  {
    id: 'accumulator.a.under-leg.en',
    category: 'accumulator',
    language: 'en',
    turns: [
      {
        user: "double: under 2.5 goals in inter's game and bayern to win, 20€",
        intents: intents('payout'),
        teams: ['Inter', 'Bayern Munich'],
        checks: [payout(20, under('Inter'), wins('Bayern Munich'))],
      },
    ],
  },
  {
    id: 'accumulator.a.combined-odds.en',
    category: 'accumulator',
    language: 'en',
    turns: [
      {
        user: 'what are the combined odds for Arsenal and Bayern to both win?',
        intents: intents('payout'),
        teams: ['Arsenal', 'Bayern Munich'],
        // The combined price is the return of a stake of 1.
        checks: [payout(1, wins('Arsenal'), wins('Bayern Munich'))],
      },
    ],
  },
  {
    id: 'accumulator.a.combinada-madrid-psg.es',
    category: 'accumulator',
    language: 'es',
    turns: [
      {
        user: 'Combinada: gana el Madrid y gana el PSG, 10 euros',
        intents: intents('payout'),
        teams: ['Real Madrid', 'Paris Saint-Germain'],
        checks: [payout(10, wins('Real Madrid'), wins('Paris Saint-Germain')), language('es')],
      },
    ],
  },
  {
    id: 'accumulator.a.combinada-triple.es',
    category: 'accumulator',
    language: 'es',
    turns: [
      {
        user: 'hazme una combinada con Barça, Juve y Lyon ganando, 5€',
        intents: intents('payout'),
        teams: ['Barcelona', 'Juventus', 'Lyon'],
        checks: [payout(5, wins('Barcelona'), wins('Juventus'), wins('Lyon'))],
      },
    ],
  },
  {
    id: 'accumulator.a.combinada-anade-y-sube.es',
    category: 'accumulator',
    language: 'es',
    turns: [
      {
        user: 'combinada del Inter y el Benfica, 10 euros',
        intents: intents('payout'),
        teams: ['Inter', 'Benfica'],
        checks: [payout(10, wins('Inter'), wins('Benfica'))],
      },
      { user: 'añade al Liverpool', teams: ['Liverpool'], checks: [payout(10, wins('Inter'), wins('Benfica'), wins('Liverpool'))] },
      { user: '¿y con 50?', checks: [payout(50, wins('Inter'), wins('Benfica'), wins('Liverpool')), language('es')] },
    ],
  },
  {
    id: 'accumulator.a.doble-con-over.es',
    category: 'accumulator',
    language: 'es',
    turns: [
      {
        user: 'doble: gana el Bayern y más de 2.5 goles en el partido del Villarreal, 20€',
        intents: intents('payout'),
        teams: ['Bayern Munich', 'Villarreal'],
        checks: [payout(20, wins('Bayern Munich'), over('Villarreal'))],
      },
    ],
  },
  {
    id: 'accumulator.a.parlay-dolares.es',
    category: 'accumulator',
    language: 'es',
    timeZone: 'America/Bogota',
    turns: [
      {
        user: 'parlay de 20 dólares: gana el Real Madrid y gana el Manchester City',
        intents: intents('payout'),
        teams: ['Real Madrid', 'Manchester City'],
        checks: [payout(20, wins('Real Madrid'), wins('Manchester City'))],
      },
    ],
  },
  {
    id: 'accumulator.a.combinada-empate.es',
    category: 'accumulator',
    language: 'es',
    turns: [
      {
        user: 'combinada: empate en el próximo del Atleti y victoria del Milan, 10€',
        intents: intents('payout'),
        teams: ['Atletico Madrid', 'AC Milan'],
        checks: [payout(10, draw('Atletico Madrid'), wins('AC Milan'))],
      },
    ],
  },
  {
    id: 'accumulator.a.combinada-ambos-marcan.es',
    category: 'accumulator',
    language: 'es',
    turns: [
      {
        user: 'combinada de 15 euros: gana el Liverpool y ambos marcan en el del Madrid',
        intents: intents('payout'),
        teams: ['Liverpool', 'Real Madrid'],
        checks: [payout(15, wins('Liverpool'), bttsYes('Real Madrid'))],
      },
    ],
  },
  {
    id: 'accumulator.a.triple-pavos.es',
    category: 'accumulator',
    language: 'es',
    turns: [
      {
        user: 'triple: barça, bayern y psg, 10 pavos',
        intents: intents('payout'),
        teams: ['Barcelona', 'Bayern Munich', 'Paris Saint-Germain'],
        checks: [payout(10, wins('Barcelona'), wins('Bayern Munich'), wins('Paris Saint-Germain'))],
      },
    ],
  },
  {
    id: 'accumulator.a.sin-importe.es',
    category: 'accumulator',
    language: 'es',
    turns: [
      {
        user: 'combinada del Sevilla y el Marsella',
        teams: ['Sevilla', 'Marseille'],
        checks: [legPrice(wins('Sevilla')), legPrice(wins('Marseille'))],
      },
      { user: 'pon 20', checks: [payout(20, wins('Sevilla'), wins('Marseille'))] },
    ],
  },
  {
    id: 'accumulator.a.pierde-y-gana.es',
    category: 'accumulator',
    language: 'es',
    turns: [
      {
        user: 'combinada: pierde el Chelsea y gana el Napoli, 10€',
        intents: intents('payout'),
        teams: ['Chelsea', 'Napoli'],
        checks: [payout(10, loses('Chelsea'), wins('Napoli'))],
      },
    ],
  },
  {
    id: 'accumulator.a.cuota-combinada.es',
    category: 'accumulator',
    language: 'es',
    turns: [
      {
        user: '¿qué cuota tiene la combinada Real Madrid + Bayern?',
        intents: intents('payout'),
        teams: ['Real Madrid', 'Bayern Munich'],
        checks: [payout(1, wins('Real Madrid'), wins('Bayern Munich'))],
      },
    ],
  },
  {
    id: 'accumulator.a.cambia-pierna.es',
    category: 'accumulator',
    language: 'es',
    turns: [
      {
        user: 'combinada: gana el Madrid y gana el Inter, 10€',
        intents: intents('payout'),
        teams: ['Real Madrid', 'Inter'],
        checks: [payout(10, wins('Real Madrid'), wins('Inter'))],
      },
      { user: 'cambia el Inter por el Dortmund', teams: ['Borussia Dortmund'], checks: [payout(10, wins('Real Madrid'), wins('Borussia Dortmund'))] },
    ],
  },
  {
    id: 'accumulator.a.baja-importe.es',
    category: 'accumulator',
    language: 'es',
    turns: [
      {
        user: 'doble con el Betis y el Lille ganando, 20 euros',
        intents: intents('payout'),
        teams: ['Real Betis', 'Lille'],
        checks: [payout(20, wins('Real Betis'), wins('Lille'))],
      },
      { user: '¿y si pongo 5?', checks: [payout(5, wins('Real Betis'), wins('Lille'))] },
    ],
  },
  {
    id: 'accumulator.a.mixta-argentina.es',
    category: 'accumulator',
    language: 'es',
    timeZone: 'America/Argentina/Buenos_Aires',
    turns: [
      {
        user: 'quiero una combinada: gana el Barcelona, más de 2,5 goles en el del Bayern y gana el Liverpool, 10 dólares',
        intents: intents('payout'),
        teams: ['Barcelona', 'Bayern Munich', 'Liverpool'],
        checks: [payout(10, wins('Barcelona'), over('Bayern Munich'), wins('Liverpool'))],
      },
    ],
  },
  {
    id: 'accumulator.a.clasico-y-arsenal.es',
    category: 'accumulator',
    language: 'es',
    turns: [
      {
        user: 'combinada: el Barça gana al Madrid y el Arsenal al Chelsea, 20€. ¿Cuánto me llevo?',
        intents: intents('payout'),
        teams: ['Barcelona', 'Arsenal'],
        checks: [payout(20, wins('Barcelona', CLASICO), wins('Arsenal', ARSENAL_CHELSEA)), language('es')],
      },
    ],
  },
];
