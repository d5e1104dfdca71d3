import type { Dialog } from '../dialog.types.js';
import { bttsYes, draw, intents, language, legPrice, loses, over, payout, under, wins } from './helpers.js';

// Several legs priced together: every leg's price quoted and the return of the whole bet, also
// when legs or the stake change in later turns. Legs without a named opponent are the teams' next
// matches, so two legs must never be able to fall in one match: teams of one accumulator come from
// different leagues and at most one of them plays the Champions League (the issue's own examples,
// Barcelona + Liverpool and Madrid + PSG, excepted; the payout check flags a day on which two legs
// meet). The dialogues with named pairings use the marquee games the schedule always has.

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
      { user: 'and with 50?', checks: [payout(50, wins('Barcelona', CLASICO), wins('Arsenal', ARSENAL_CHELSEA))] },
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
      { user: 'make it a treble with lyon', teams: ['Lyon'], checks: [payout(20, wins('Barcelona'), wins('Liverpool'), wins('Lyon'))] },
    ],
  },
  {
    id: 'accumulator.a.treble.en',
    category: 'accumulator',
    language: 'en',
    turns: [
      {
        user: 'treble: bayern, lyon and milan all to win, €10',
        intents: intents('payout'),
        teams: ['Bayern Munich', 'Lyon', 'AC Milan'],
        checks: [payout(10, wins('Bayern Munich'), wins('Lyon'), wins('AC Milan'))],
      },
      { user: 'what if milan only draw?', checks: [payout(10, wins('Bayern Munich'), wins('Lyon'), draw('AC Milan'))] },
    ],
  },
  {
    id: 'accumulator.a.add-leg-then-stake.en',
    category: 'accumulator',
    language: 'en',
    turns: [
      {
        user: 'double on man united and roma to win, 10 euros',
        intents: intents('payout'),
        teams: ['Manchester United', 'Roma'],
        checks: [payout(10, wins('Manchester United'), wins('Roma'))],
      },
      {
        user: 'add Bayern to it',
        teams: ['Bayern Munich'],
        checks: [payout(10, wins('Manchester United'), wins('Roma'), wins('Bayern Munich'))],
      },
      {
        user: 'and with 50?',
        checks: [payout(50, wins('Manchester United'), wins('Roma'), wins('Bayern Munich'))],
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
        user: 'parlay: Real Sociedad to win and over 2.5 goals in the Liverpool game, $20',
        intents: intents('payout'),
        teams: ['Real Sociedad', 'Liverpool'],
        checks: [payout(20, wins('Real Sociedad'), over('Liverpool'))],
      },
      { user: 'and $50?', checks: [payout(50, wins('Real Sociedad'), over('Liverpool'))] },
    ],
  },
  {
    id: 'accumulator.a.win-and-btts.en',
    category: 'accumulator',
    language: 'en',
    turns: [
      {
        user: 'Arsenal win + both teams to score in the next Sevilla match, 15€ acca',
        intents: intents('payout'),
        teams: ['Arsenal', 'Sevilla'],
        checks: [payout(15, wins('Arsenal'), bttsYes('Sevilla'))],
      },
    ],
  },
  {
    id: 'accumulator.a.draw-leg.en',
    category: 'accumulator',
    language: 'en',
    turns: [
      {
        user: "what would a 5€ double pay: draw in Atletico's next game and Roma to win",
        intents: intents('payout'),
        teams: ['Atletico Madrid', 'Roma'],
        checks: [payout(5, draw('Atletico Madrid'), wins('Roma'))],
      },
      { user: 'same thing with 20', checks: [payout(20, draw('Atletico Madrid'), wins('Roma'))] },
    ],
  },
  {
    id: 'accumulator.a.stake-later.en',
    category: 'accumulator',
    language: 'en',
    timeZone: 'Europe/London',
    turns: [
      {
        user: 'double on barca and stuttgart to win',
        teams: ['Barcelona', 'VfB Stuttgart'],
        checks: [legPrice(wins('Barcelona')), legPrice(wins('VfB Stuttgart'))],
      },
      {
        user: '20 quid',
        checks: [payout(20, wins('Barcelona'), wins('VfB Stuttgart'))],
      },
    ],
  },
  {
    id: 'accumulator.a.four-fold.en',
    category: 'accumulator',
    language: 'en',
    turns: [
      {
        user: '4 fold - Real Madrid, Aston Villa, Leipzig and Lazio to win. 5 euros',
        intents: intents('payout'),
        teams: ['Real Madrid', 'Aston Villa', 'RB Leipzig', 'Lazio'],
        checks: [payout(5, wins('Real Madrid'), wins('Aston Villa'), wins('RB Leipzig'), wins('Lazio'))],
      },
      { user: 'take lazio out', checks: [payout(5, wins('Real Madrid'), wins('Aston Villa'), wins('RB Leipzig'))] },
    ],
  },
  {
    id: 'accumulator.a.lose-leg.en',
    category: 'accumulator',
    language: 'en',
    turns: [
      {
        user: 'acca with chelsea to lose and lazio to win, 10e',
        intents: intents('payout'),
        teams: ['Chelsea', 'Lazio'],
        checks: [payout(10, loses('Chelsea'), wins('Lazio'))],
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
        user: 'treble liverpool, leipzig and roma, 10 euro',
        intents: intents('payout'),
        teams: ['Liverpool', 'RB Leipzig', 'Roma'],
        checks: [payout(10, wins('Liverpool'), wins('RB Leipzig'), wins('Roma'))],
      },
      { user: 'drop roma', checks: [payout(10, wins('Liverpool'), wins('RB Leipzig'))] },
    ],
  },
  {
    id: 'accumulator.a.typos.en',
    category: 'accumulator',
    language: 'en',
    turns: [
      {
        user: 'accumalator barcelona and lazio to win 30 euro what do i get',
        intents: intents('payout'),
        teams: ['Barcelona', 'Lazio'],
        checks: [payout(30, wins('Barcelona'), wins('Lazio'))],
      },
      { user: 'and if i put 10 instead', checks: [payout(10, wins('Barcelona'), wins('Lazio'))] },
    ],
  },
  {
    id: 'accumulator.a.under-leg.en',
    category: 'accumulator',
    language: 'en',
    turns: [
      {
        user: "double: under 2.5 goals in inter's game and stuttgart to win, 20€",
        intents: intents('payout'),
        teams: ['Inter', 'VfB Stuttgart'],
        checks: [payout(20, under('Inter'), wins('VfB Stuttgart'))],
      },
    ],
  },
  {
    id: 'accumulator.a.combined-odds.en',
    category: 'accumulator',
    language: 'en',
    turns: [
      {
        user: 'what are the combined odds for Arsenal and Leipzig to both win?',
        intents: intents('payout'),
        teams: ['Arsenal', 'RB Leipzig'],
        // The combined price is the return of a stake of 1.
        checks: [payout(1, wins('Arsenal'), wins('RB Leipzig'))],
      },
      { user: 'and 25 on that?', checks: [payout(25, wins('Arsenal'), wins('RB Leipzig'))] },
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
      { user: '¿y si pongo 25?', checks: [payout(25, wins('Real Madrid'), wins('Paris Saint-Germain'))] },
    ],
  },
  {
    id: 'accumulator.a.combinada-triple.es',
    category: 'accumulator',
    language: 'es',
    turns: [
      {
        user: 'hazme una combinada con Barça, Lazio y Lyon ganando, 5€',
        intents: intents('payout'),
        teams: ['Barcelona', 'Lazio', 'Lyon'],
        checks: [payout(5, wins('Barcelona'), wins('Lazio'), wins('Lyon'))],
      },
      { user: 'quita el Lyon', checks: [payout(5, wins('Barcelona'), wins('Lazio'))] },
    ],
  },
  {
    id: 'accumulator.a.combinada-anade-y-sube.es',
    category: 'accumulator',
    language: 'es',
    turns: [
      {
        user: 'combinada del Inter y el Betis, 10 euros',
        intents: intents('payout'),
        teams: ['Inter', 'Real Betis'],
        checks: [payout(10, wins('Inter'), wins('Real Betis'))],
      },
      { user: 'añade al Lyon', teams: ['Lyon'], checks: [payout(10, wins('Inter'), wins('Real Betis'), wins('Lyon'))] },
      { user: '¿y con 50?', checks: [payout(50, wins('Inter'), wins('Real Betis'), wins('Lyon')), language('es')] },
    ],
  },
  {
    id: 'accumulator.a.doble-con-over.es',
    category: 'accumulator',
    language: 'es',
    turns: [
      {
        user: 'doble: gana el Bayern y más de 2.5 goles en el partido del Valencia, 20€',
        intents: intents('payout'),
        teams: ['Bayern Munich', 'Valencia'],
        checks: [payout(20, wins('Bayern Munich'), over('Valencia'))],
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
        user: 'parlay de 20 dólares: gana el Real Madrid y gana el Manchester United',
        intents: intents('payout'),
        teams: ['Real Madrid', 'Manchester United'],
        checks: [payout(20, wins('Real Madrid'), wins('Manchester United'))],
      },
      { user: 'agregale el Leipzig', teams: ['RB Leipzig'], checks: [payout(20, wins('Real Madrid'), wins('Manchester United'), wins('RB Leipzig'))] },
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
      { user: '¿y con 30 euros?', checks: [payout(30, draw('Atletico Madrid'), wins('AC Milan'))] },
    ],
  },
  {
    id: 'accumulator.a.combinada-ambos-marcan.es',
    category: 'accumulator',
    language: 'es',
    turns: [
      {
        user: 'combinada de 15 euros: gana el Liverpool y ambos marcan en el del Betis',
        intents: intents('payout'),
        teams: ['Liverpool', 'Real Betis'],
        checks: [payout(15, wins('Liverpool'), bttsYes('Real Betis'))],
      },
    ],
  },
  {
    id: 'accumulator.a.triple-pavos.es',
    category: 'accumulator',
    language: 'es',
    turns: [
      {
        user: 'triple: barça, leipzig y lyon, 10 pavos',
        intents: intents('payout'),
        teams: ['Barcelona', 'RB Leipzig', 'Lyon'],
        checks: [payout(10, wins('Barcelona'), wins('RB Leipzig'), wins('Lyon'))],
      },
      { user: 'y con 20 pavos?', checks: [payout(20, wins('Barcelona'), wins('RB Leipzig'), wins('Lyon'))] },
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
        user: 'combinada: pierde el Chelsea y gana la Roma, 10€',
        intents: intents('payout'),
        teams: ['Chelsea', 'Roma'],
        checks: [payout(10, loses('Chelsea'), wins('Roma'))],
      },
    ],
  },
  {
    id: 'accumulator.a.cuota-combinada.es',
    category: 'accumulator',
    language: 'es',
    turns: [
      {
        user: '¿qué cuota tiene la combinada Real Madrid + Stuttgart?',
        intents: intents('payout'),
        teams: ['Real Madrid', 'VfB Stuttgart'],
        checks: [payout(1, wins('Real Madrid'), wins('VfB Stuttgart'))],
      },
      { user: 'vale, ponle 15 €', checks: [payout(15, wins('Real Madrid'), wins('VfB Stuttgart'))] },
    ],
  },
  {
    id: 'accumulator.a.cambia-pierna.es',
    category: 'accumulator',
    language: 'es',
    turns: [
      {
        user: 'combinada: gana el Madrid y gana el Milan, 10€',
        intents: intents('payout'),
        teams: ['Real Madrid', 'AC Milan'],
        checks: [payout(10, wins('Real Madrid'), wins('AC Milan'))],
      },
      { user: 'cambia el Milan por el Leipzig', teams: ['RB Leipzig'], checks: [payout(10, wins('Real Madrid'), wins('RB Leipzig'))] },
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
        user: 'quiero una combinada: gana el Barcelona, más de 2,5 goles en el del Leipzig y gana el Manchester United, 10 dólares',
        intents: intents('payout'),
        teams: ['Barcelona', 'RB Leipzig', 'Manchester United'],
        checks: [payout(10, wins('Barcelona'), over('RB Leipzig'), wins('Manchester United'))],
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
      { user: '¿y si en vez del Arsenal pongo el empate?', checks: [payout(20, wins('Barcelona', CLASICO), draw('Arsenal', ARSENAL_CHELSEA))] },
    ],
  },
];
