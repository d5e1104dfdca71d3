import type { Dialog } from '../dialog.types.js';
import { bttsYes, draw, favourite, fixture, intents, language, legPrice, loses, NO_PROMISE, odds, over, payout, under, VALUE_REASONING, wins } from './helpers.js';

// Stakes and markets asked after a first answer, resolved from what the conversation is about:
// "put 10 on them", "¿y si apuesto 50 a que gana?", "¿marcan ambos equipos?", "over 2.5?", "is
// there any value in the draw?", another team, another day.

const CLASICO = { opponent: 'Real Madrid' };

export const dialogs: Dialog[] = [
  {
    id: 'follow_up.a.sevilla-put-10.en',
    category: 'follow_up',
    language: 'en',
    turns: [
      { user: 'When does Sevilla play next?', intents: intents('schedule'), teams: ['Sevilla'], checks: [fixture('Sevilla')] },
      { user: 'Put 10 on them to win', intents: intents('payout'), teams: ['Sevilla'], checks: [payout(10, wins('Sevilla'))] },
    ],
  },
  {
    id: 'follow_up.a.sevilla-apuesto-50.es',
    category: 'follow_up',
    language: 'es',
    turns: [
      { user: '¿Cuándo juega el Sevilla?', intents: intents('schedule'), teams: ['Sevilla'], checks: [fixture('Sevilla')] },
      { user: '¿y si apuesto 50 a que gana?', intents: intents('payout'), teams: ['Sevilla'], checks: [payout(50, wins('Sevilla')), language('es')] },
    ],
  },
  {
    id: 'follow_up.a.madrid-ambos-marcan.es',
    category: 'follow_up',
    language: 'es',
    turns: [
      { user: '¿Cuándo es el próximo partido del Real Madrid?', intents: intents('schedule'), teams: ['Real Madrid'], checks: [fixture('Real Madrid')] },
      { user: '¿Marcan ambos equipos?', intents: intents('odds'), teams: ['Real Madrid'], checks: [legPrice(bttsYes('Real Madrid')), language('es')] },
    ],
  },
  {
    id: 'follow_up.a.juve-over.en',
    category: 'follow_up',
    language: 'en',
    turns: [
      { user: 'when do juventus play next', intents: intents('schedule'), teams: ['Juventus'], checks: [fixture('Juventus')] },
      { user: 'over 2.5?', intents: intents('odds'), teams: ['Juventus'], checks: [legPrice(over('Juventus'))] },
    ],
  },
  {
    id: 'follow_up.a.clasico-value-draw.en',
    category: 'follow_up',
    language: 'en',
    turns: [
      { user: 'odds for the clasico', intents: intents('odds'), teams: ['Barcelona', 'Real Madrid'], checks: [odds('Barcelona', CLASICO)] },
      {
        user: 'Is there any value in the draw?',
        teams: ['Barcelona', 'Real Madrid'],
        checks: [legPrice(draw('Barcelona', CLASICO)), VALUE_REASONING, NO_PROMISE],
      },
    ],
  },
  {
    id: 'follow_up.a.klassiker-valor-empate.es',
    category: 'follow_up',
    language: 'es',
    turns: [
      {
        user: 'cuotas del Bayern-Dortmund',
        intents: intents('odds'),
        teams: ['Bayern Munich', 'Borussia Dortmund'],
        checks: [odds('Bayern Munich', { opponent: 'Borussia Dortmund' })],
      },
      {
        user: '¿tiene valor el empate?',
        teams: ['Bayern Munich', 'Borussia Dortmund'],
        checks: [legPrice(draw('Bayern Munich', { opponent: 'Borussia Dortmund' })), VALUE_REASONING, NO_PROMISE, language('es')],
      },
    ],
  },
  {
    id: 'follow_up.a.liverpool-odds-then-draw-stake.en',
    category: 'follow_up',
    language: 'en',
    turns: [
      { user: 'liverpool next game?', intents: intents('schedule'), teams: ['Liverpool'], checks: [fixture('Liverpool')] },
      { user: 'what are the odds', intents: intents('odds'), teams: ['Liverpool'], checks: [odds('Liverpool')] },
      { user: 'and 20 on the draw?', intents: intents('payout'), teams: ['Liverpool'], checks: [payout(20, draw('Liverpool'))] },
    ],
  },
  {
    id: 'follow_up.a.psg-btts.en',
    category: 'follow_up',
    language: 'en',
    turns: [
      { user: 'when do PSG play', intents: intents('schedule'), teams: ['Paris Saint-Germain'], checks: [fixture('Paris Saint-Germain')] },
      { user: 'both teams to score?', intents: intents('odds'), teams: ['Paris Saint-Germain'], checks: [legPrice(bttsYes('Paris Saint-Germain'))] },
    ],
  },
  {
    id: 'follow_up.a.inter-mas-goles.es',
    category: 'follow_up',
    language: 'es',
    turns: [
      { user: 'próximo partido del Inter', intents: intents('schedule'), teams: ['Inter'], checks: [fixture('Inter')] },
      { user: '¿y más de 2,5 goles?', intents: intents('odds'), teams: ['Inter'], checks: [legPrice(over('Inter'))] },
    ],
  },
  {
    id: 'follow_up.a.barca-pesos-empate.es',
    category: 'follow_up',
    language: 'es',
    timeZone: 'America/Mexico_City',
    turns: [
      { user: 'cuando juega el barcelona', intents: intents('schedule'), teams: ['Barcelona'], checks: [fixture('Barcelona')] },
      { user: 'ponle 100 pesos al empate', intents: intents('payout'), teams: ['Barcelona'], checks: [payout(100, draw('Barcelona'))] },
    ],
  },
  {
    id: 'follow_up.a.arsenal-tenner.en',
    category: 'follow_up',
    language: 'en',
    timeZone: 'Europe/London',
    turns: [
      { user: 'what time do arsenal kick off next', intents: intents('schedule'), teams: ['Arsenal'], checks: [fixture('Arsenal')] },
      { user: 'stick a tenner on them', intents: intents('payout'), teams: ['Arsenal'], checks: [payout(10, wins('Arsenal'))] },
    ],
  },
  {
    id: 'follow_up.a.chelsea-other-side.en',
    category: 'follow_up',
    language: 'en',
    turns: [
      { user: 'next chelsea game', intents: intents('schedule'), teams: ['Chelsea'], checks: [fixture('Chelsea')] },
      { user: 'how much if I bet 30 on the other team?', intents: intents('payout'), checks: [payout(30, loses('Chelsea'))] },
    ],
  },
  {
    id: 'follow_up.a.betis-then-villarreal.es',
    category: 'follow_up',
    language: 'es',
    turns: [
      { user: '¿Contra quién juega el Betis?', intents: intents('schedule'), teams: ['Real Betis'], checks: [fixture('Real Betis')] },
      { user: '¿y el Villarreal?', intents: intents('schedule'), teams: ['Villarreal'], checks: [fixture('Villarreal')] },
      { user: '¿a cuánto paga su victoria?', intents: intents('odds'), teams: ['Villarreal'], checks: [legPrice(wins('Villarreal'))] },
    ],
  },
  {
    id: 'follow_up.a.dortmund-under.en',
    category: 'follow_up',
    language: 'en',
    turns: [
      { user: 'dortmund odds', intents: intents('odds'), teams: ['Borussia Dortmund'], checks: [odds('Borussia Dortmund')] },
      { user: 'and under 2.5 goals?', intents: intents('odds'), teams: ['Borussia Dortmund'], checks: [legPrice(under('Borussia Dortmund'))] },
    ],
  },
  {
    id: 'follow_up.a.napoli-apuesto-25.es',
    category: 'follow_up',
    language: 'es',
    turns: [
      { user: 'cuotas del próximo partido del Napoli', intents: intents('odds'), teams: ['Napoli'], checks: [odds('Napoli')] },
      { user: 'si apuesto 25 a que gana, ¿cuánto me llevo?', intents: intents('payout'), teams: ['Napoli'], checks: [payout(25, wins('Napoli')), language('es')] },
    ],
  },
  {
    id: 'follow_up.a.manchester-derby-favourite-then-united.en',
    category: 'follow_up',
    language: 'en',
    timeZone: 'Europe/London',
    turns: [
      { user: "when's the manchester derby?", intents: intents('schedule'), teams: ['Manchester City', 'Manchester United'], checks: [fixture('Manchester City', { opponent: 'Manchester United' })] },
      { user: "who's favourite?", teams: ['Manchester City', 'Manchester United'], checks: [favourite('Manchester City', { opponent: 'Manchester United' }), NO_PROMISE] },
      { user: '20 on united then', intents: intents('payout'), teams: ['Manchester United'], checks: [payout(20, wins('Manchester United', { opponent: 'Manchester City' }))] },
    ],
  },
  {
    id: 'follow_up.a.juve-empate.es',
    category: 'follow_up',
    language: 'es',
    turns: [
      { user: '¿cuándo juega la Juve?', intents: intents('schedule'), teams: ['Juventus'], checks: [fixture('Juventus')] },
      { user: '¿y el empate cuánto paga?', intents: intents('odds'), teams: ['Juventus'], checks: [legPrice(draw('Juventus'))] },
    ],
  },
  {
    id: 'follow_up.a.bayern-then-weekend.en',
    category: 'follow_up',
    language: 'en',
    turns: [
      { user: 'bayern next match', intents: intents('schedule'), teams: ['Bayern Munich'], checks: [fixture('Bayern Munich')] },
      { user: 'and the weekend?', intents: intents('schedule'), teams: ['Bayern Munich'], checks: [fixture('Bayern Munich', { date: 'weekend' })] },
    ],
  },
  {
    id: 'follow_up.a.napoles-y-el-finde.es',
    category: 'follow_up',
    language: 'es',
    turns: [
      { user: '¿Cuándo juega el Nápoles?', intents: intents('schedule'), teams: ['Napoli'], checks: [fixture('Napoli')] },
      { user: '¿y el finde?', intents: intents('schedule'), teams: ['Napoli'], checks: [fixture('Napoli', { date: 'weekend' }), language('es')] },
    ],
  },
  {
    id: 'follow_up.a.spurs-return.en',
    category: 'follow_up',
    language: 'en',
    turns: [
      { user: 'tottenham odds', intents: intents('odds'), teams: ['Tottenham Hotspur'], checks: [odds('Tottenham Hotspur')] },
      { user: "50 on spurs, what's the return", intents: intents('payout'), teams: ['Tottenham Hotspur'], checks: [payout(50, wins('Tottenham Hotspur'))] },
    ],
  },
  {
    id: 'follow_up.a.liverpool-ambos-y-stake.es',
    category: 'follow_up',
    language: 'es',
    timeZone: 'America/Bogota',
    turns: [
      { user: 'próximo partido del Liverpool', intents: intents('schedule'), teams: ['Liverpool'], checks: [fixture('Liverpool')] },
      { user: '¿ambos marcan?', intents: intents('odds'), teams: ['Liverpool'], checks: [legPrice(bttsYes('Liverpool'))] },
      { user: '¿y si pongo 10 a que sí?', intents: intents('payout'), teams: ['Liverpool'], checks: [payout(10, bttsYes('Liverpool'))] },
    ],
  },
];
