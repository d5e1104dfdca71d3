import type { Check, Dialog } from '../dialog.types.js';
import { fixture, intents, language, legPrice, odds, over, payout, bttsYes, wins, draw } from './helpers.js';

// One-shot questions a bettor starts with: when a team plays, its prices, what a stake returns,
// two teams side by side, the competitions covered, and the balance (which needs a login).

const LOGIN_EN: Check = { kind: 'mentions', any: ['log in', 'login', 'sign in', 'signed in', 'logged in'] };
const LOGIN_ES: Check = { kind: 'mentions', any: ['inicia sesión', 'iniciar sesión', 'inicies sesión', 'login', 'identif', 'acced', 'conectad'] };
const FORM_EN: Check = { kind: 'mentions', any: ['form', 'head-to-head', 'head to head', 'h2h', 'last 5', 'last five', 'wins', 'won', 'points', 'goals'] };
const FORM_ES: Check = { kind: 'mentions', any: ['forma', 'racha', 'cara a cara', 'enfrentamientos', 'historial', 'victorias', 'ganó', 'puntos', 'goles', 'últimos'] };
// The covered competitions, under their English or Spanish names.
const COMPETITIONS: Check[] = [
  { kind: 'mentions', all: ['Premier League', 'Serie A', 'Bundesliga', 'Ligue 1', 'NBA'], any: ['La Liga', 'LaLiga'] },
  { kind: 'mentions', any: ['Champions', 'Liga de Campeones'] },
  { kind: 'mentions', any: ['EuroLeague', 'Euroliga'] },
];

export const dialogs: Dialog[] = [
  {
    id: 'basics.a.next-arsenal.en',
    category: 'basics',
    language: 'en',
    turns: [{ user: 'when do arsenal play next?', intents: intents('schedule'), teams: ['Arsenal'], checks: [fixture('Arsenal'), language('en')] }],
  },
  {
    id: 'basics.a.next-gunners-slang.en',
    category: 'basics',
    language: 'en',
    turns: [{ user: "when's the next gunners game", intents: intents('schedule'), teams: ['Arsenal'], checks: [fixture('Arsenal')] }],
  },
  {
    id: 'basics.a.real-sociedad-terse.en',
    category: 'basics',
    language: 'en',
    turns: [{ user: 'real sociedad next fixture', intents: intents('schedule'), teams: ['Real Sociedad'], checks: [fixture('Real Sociedad')] }],
  },
  {
    id: 'basics.a.odds-liverpool.en',
    category: 'basics',
    language: 'en',
    turns: [{ user: "odds for liverpool's next game?", intents: intents('odds'), teams: ['Liverpool'], checks: [odds('Liverpool')] }],
  },
  {
    id: 'basics.a.payout-chelsea.en',
    category: 'basics',
    language: 'en',
    turns: [{ user: 'How much would I win with €50 on Chelsea?', intents: intents('payout'), teams: ['Chelsea'], checks: [payout(50, wins('Chelsea'))] }],
  },
  {
    id: 'basics.a.payout-man-u-quid.en',
    category: 'basics',
    language: 'en',
    timeZone: 'Europe/London',
    turns: [{ user: 'if i put 25 quid on man u to win what do i get back', intents: intents('payout'), teams: ['Manchester United'], checks: [payout(25, wins('Manchester United'))] }],
  },
  {
    id: 'basics.a.draw-price-bayern.en',
    category: 'basics',
    language: 'en',
    turns: [{ user: "what's the price for the draw in bayern's next game", intents: intents('odds'), teams: ['Bayern Munich'], checks: [legPrice(draw('Bayern Munich'))] }],
  },
  {
    id: 'basics.a.over-juve.en',
    category: 'basics',
    language: 'en',
    turns: [{ user: 'over 2.5 goals odds for juventus next match', intents: intents('odds'), teams: ['Juventus'], checks: [legPrice(over('Juventus'))] }],
  },
  {
    id: 'basics.a.btts-psg.en',
    category: 'basics',
    language: 'en',
    turns: [{ user: "both teams to score in PSG's next game, what's the price?", intents: intents('odds'), teams: ['Paris Saint-Germain'], checks: [legPrice(bttsYes('Paris Saint-Germain'))] }],
  },
  {
    id: 'basics.a.compare-clasico.en',
    category: 'basics',
    language: 'en',
    turns: [{ user: 'compare barcelona and real madrid', intents: intents('comparison'), teams: ['Barcelona', 'Real Madrid'], checks: [FORM_EN, language('en')] }],
  },
  {
    id: 'basics.a.tournaments.en',
    category: 'basics',
    language: 'en',
    turns: [{ user: 'which leagues do you cover?', intents: intents('tournaments'), checks: [...COMPETITIONS, language('en')] }],
  },
  {
    id: 'basics.a.balance-anonymous.en',
    category: 'basics',
    language: 'en',
    turns: [{ user: "what's my balance?", intents: intents('balance'), checks: [LOGIN_EN] }],
  },
  {
    id: 'basics.a.spurs-then-odds.en',
    category: 'basics',
    language: 'en',
    turns: [
      { user: 'when do spurs play', intents: intents('schedule'), teams: ['Tottenham Hotspur'], checks: [fixture('Tottenham Hotspur')] },
      { user: 'what are the odds?', intents: intents('odds'), teams: ['Tottenham Hotspur'], checks: [odds('Tottenham Hotspur')] },
    ],
  },
  {
    id: 'basics.a.betis-next.es',
    category: 'basics',
    language: 'es',
    turns: [{ user: '¿Cuándo juega el Betis?', intents: intents('schedule'), teams: ['Real Betis'], checks: [fixture('Real Betis'), language('es')] }],
  },
  {
    id: 'basics.a.atleti-next.es',
    category: 'basics',
    language: 'es',
    turns: [{ user: 'proximo partido del atleti', intents: intents('schedule'), teams: ['Atletico Madrid'], checks: [fixture('Atletico Madrid'), language('es')] }],
  },
  {
    id: 'basics.a.dortmund-mexico.es',
    category: 'basics',
    language: 'es',
    timeZone: 'America/Mexico_City',
    turns: [{ user: 'cuando juega el dortmund?', intents: intents('schedule'), teams: ['Borussia Dortmund'], checks: [fixture('Borussia Dortmund')] }],
  },
  {
    id: 'basics.a.odds-sevilla.es',
    category: 'basics',
    language: 'es',
    turns: [{ user: 'cuotas del próximo partido del Sevilla', intents: intents('odds'), teams: ['Sevilla'], checks: [odds('Sevilla'), language('es')] }],
  },
  {
    id: 'basics.a.payout-villarreal.es',
    category: 'basics',
    language: 'es',
    turns: [{ user: '¿Cuánto gano si apuesto 20 euros al Villarreal?', intents: intents('payout'), teams: ['Villarreal'], checks: [payout(20, wins('Villarreal'))] }],
  },
  {
    id: 'basics.a.payout-inter-slang.es',
    category: 'basics',
    language: 'es',
    turns: [{ user: 'si le meto 15€ a que gana el inter cuanto me llevo', intents: intents('payout'), teams: ['Inter'], checks: [payout(15, wins('Inter'))] }],
  },
  {
    id: 'basics.a.draw-napoli.es',
    category: 'basics',
    language: 'es',
    turns: [{ user: '¿A cuánto paga el empate en el próximo partido del Napoli?', intents: intents('odds'), teams: ['Napoli'], checks: [legPrice(draw('Napoli')), language('es')] }],
  },
  {
    id: 'basics.a.btts-liverpool.es',
    category: 'basics',
    language: 'es',
    turns: [{ user: 'cuota de ambos marcan en el proximo del liverpool', intents: intents('odds'), teams: ['Liverpool'], checks: [legPrice(bttsYes('Liverpool'))] }],
  },
  {
    id: 'basics.a.over-bayern.es',
    category: 'basics',
    language: 'es',
    turns: [{ user: 'más de 2,5 goles en el partido del Bayern, ¿qué cuota hay?', intents: intents('odds'), teams: ['Bayern Munich'], checks: [legPrice(over('Bayern Munich'))] }],
  },
  {
    id: 'basics.a.compare-derbi.es',
    category: 'basics',
    language: 'es',
    turns: [{ user: 'compara al Madrid con el Atleti', intents: intents('comparison'), teams: ['Real Madrid', 'Atletico Madrid'], checks: [FORM_ES, language('es')] }],
  },
  {
    id: 'basics.a.tournaments.es',
    category: 'basics',
    language: 'es',
    turns: [{ user: '¿qué competiciones tenéis?', intents: intents('tournaments'), checks: [...COMPETITIONS, language('es')] }],
  },
  {
    id: 'basics.a.balance-anonymous.es',
    category: 'basics',
    language: 'es',
    turns: [{ user: 'cuánto saldo tengo', intents: intents('balance'), checks: [LOGIN_ES, language('es')] }],
  },
  {
    id: 'basics.a.marseille-then-odds.es',
    category: 'basics',
    language: 'es',
    timeZone: 'America/Bogota',
    turns: [
      { user: '¿cuándo juega el Marsella?', intents: intents('schedule'), teams: ['Marseille'], checks: [fixture('Marseille')] },
      { user: 'cuotas de ese partido', intents: intents('odds'), teams: ['Marseille'], checks: [odds('Marseille'), language('es')] },
    ],
  },
];
