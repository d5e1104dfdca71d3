import type { Dialog } from '../dialog.types.js';
import { draw, favourite, fixture, intents, language, legPrice, NO_PROMISE, odds, payout, sidePrices, wins } from './helpers.js';

// Questions that need a verdict (who is the favourite, who wins), answered for the match the user
// means: the next one, the one on the day they name, or the pairing they name. A date-scoped
// verdict also quotes both sides' prices of that match, which tells it from the team's other games.
// Questions about a weekday name the day of the team's next match (Dialog.matchDay), so the day
// named always has a match of theirs.

const CLASICO = { opponent: 'Real Madrid' };
const MANCHESTER_DERBY = { opponent: 'Manchester United' };
const JUVE_MILAN = { opponent: 'AC Milan' };

export const dialogs: Dialog[] = [
  {
    id: 'verdict.a.arsenal-next-favourite.en',
    category: 'verdict',
    language: 'en',
    turns: [
      { user: "Who's the favourite in Arsenal's next match?", intents: intents('verdict'), teams: ['Arsenal'], checks: [favourite('Arsenal'), NO_PROMISE] },
      { user: '10 on arsenal then, what do I get?', teams: ['Arsenal'], checks: [payout(10, wins('Arsenal'))] },
    ],
  },
  {
    id: 'verdict.a.bayern-weekend.en',
    category: 'verdict',
    language: 'en',
    turns: [
      {
        user: 'Is Bayern the favourite this weekend?',
        intents: intents('verdict'),
        teams: ['Bayern Munich'],
        checks: [favourite('Bayern Munich', { date: 'weekend' }), sidePrices('Bayern Munich', { date: 'weekend' })],
      },
    ],
  },
  {
    id: 'verdict.a.chelsea-saturday-odds.en',
    category: 'verdict',
    language: 'en',
    matchDay: { team: 'Chelsea' },
    turns: [{ user: 'Odds for Chelsea on {day}?', intents: intents('odds'), teams: ['Chelsea'], checks: [odds('Chelsea', { date: 'match_day' })] }],
  },
  {
    id: 'verdict.a.clasico-who-wins.en',
    category: 'verdict',
    language: 'en',
    turns: [
      { user: 'who wins the Clásico?', intents: intents('verdict'), teams: ['Barcelona', 'Real Madrid'], checks: [favourite('Barcelona', CLASICO), NO_PROMISE] },
      { user: 'and the draw?', checks: [legPrice(draw('Barcelona', CLASICO))] },
    ],
  },
  {
    id: 'verdict.a.manchester-derby.en',
    category: 'verdict',
    language: 'en',
    timeZone: 'Europe/London',
    turns: [
      {
        user: "who's more likely to win, city or united?",
        intents: intents('verdict'),
        teams: ['Manchester City', 'Manchester United'],
        checks: [favourite('Manchester City', MANCHESTER_DERBY), NO_PROMISE],
      },
    ],
  },
  {
    id: 'verdict.a.liverpool-next.en',
    category: 'verdict',
    language: 'en',
    turns: [
      { user: 'is liverpool favourite in their next game', intents: intents('verdict'), teams: ['Liverpool'], checks: [favourite('Liverpool'), language('en')] },
      { user: 'what are the odds exactly', teams: ['Liverpool'], checks: [odds('Liverpool')] },
    ],
  },
  {
    id: 'verdict.a.city-weekend.en',
    category: 'verdict',
    language: 'en',
    turns: [
      {
        user: "who's favoured in man city's game this weekend?",
        intents: intents('verdict'),
        teams: ['Manchester City'],
        checks: [favourite('Manchester City', { date: 'weekend' }), sidePrices('Manchester City', { date: 'weekend' })],
      },
    ],
  },
  {
    id: 'verdict.a.back-juve-or-milan.en',
    category: 'verdict',
    language: 'en',
    turns: [
      { user: 'should I back juve or milan?', intents: intents('verdict'), teams: ['Juventus', 'AC Milan'], checks: [favourite('Juventus', JUVE_MILAN), NO_PROMISE] },
      { user: 'ok 20 on juve', teams: ['Juventus'], checks: [payout(20, wins('Juventus', JUVE_MILAN))] },
    ],
  },
  {
    id: 'verdict.a.klassiker.en',
    category: 'verdict',
    language: 'en',
    turns: [
      {
        user: "who's the favourite in the bayern dortmund game",
        intents: intents('verdict'),
        teams: ['Bayern Munich', 'Borussia Dortmund'],
        checks: [favourite('Bayern Munich', { opponent: 'Borussia Dortmund' }), sidePrices('Bayern Munich', { opponent: 'Borussia Dortmund' })],
      },
    ],
  },
  {
    id: 'verdict.a.juve-sunday-new-york.en',
    category: 'verdict',
    language: 'en',
    timeZone: 'America/New_York',
    matchDay: { team: 'Juventus' },
    turns: [
      {
        user: 'are juventus favorites on {day}?',
        intents: intents('verdict'),
        teams: ['Juventus'],
        checks: [favourite('Juventus', { date: 'match_day' }), sidePrices('Juventus', { date: 'match_day' })],
      },
    ],
  },
  {
    id: 'verdict.a.arsenal-chelsea-margin.en',
    category: 'verdict',
    language: 'en',
    turns: [
      {
        user: "arsenal v chelsea - who's the fav and by how much?",
        intents: intents('verdict'),
        teams: ['Arsenal', 'Chelsea'],
        checks: [favourite('Arsenal', { opponent: 'Chelsea' }), sidePrices('Arsenal', { opponent: 'Chelsea' })],
      },
    ],
  },
  {
    id: 'verdict.a.bayern-weekend-then-favourite.en',
    category: 'verdict',
    language: 'en',
    turns: [
      { user: 'when do bayern play this weekend?', intents: intents('schedule'), teams: ['Bayern Munich'], checks: [fixture('Bayern Munich', { date: 'weekend' })] },
      { user: 'are they favourites?', teams: ['Bayern Munich'], checks: [favourite('Bayern Munich', { date: 'weekend' })] },
    ],
  },
  {
    id: 'verdict.a.inter-napoli.en',
    category: 'verdict',
    language: 'en',
    turns: [
      {
        user: 'Inter or Napoli, who do the bookies fancy?',
        intents: intents('verdict'),
        teams: ['Inter', 'Napoli'],
        checks: [favourite('Inter', { opponent: 'Napoli' }), sidePrices('Inter', { opponent: 'Napoli' })],
      },
      { user: 'and over 2.5 in that one?', checks: [legPrice({ team: 'Inter', opponent: 'Napoli', pick: 'over', market: 'over_under', line: 2.5 })] },
    ],
  },
  {
    id: 'verdict.a.juve-milan.es',
    category: 'verdict',
    language: 'es',
    turns: [
      {
        user: '¿quién es favorito, Juve o Milan?',
        intents: intents('verdict'),
        teams: ['Juventus', 'AC Milan'],
        checks: [favourite('Juventus', JUVE_MILAN), language('es')],
      },
      { user: '¿y ambos marcan?', checks: [legPrice({ team: 'Juventus', opponent: 'AC Milan', pick: 'yes', market: 'btts' })] },
    ],
  },
  {
    id: 'verdict.a.clasico-quien-gana.es',
    category: 'verdict',
    language: 'es',
    turns: [
      { user: '¿Quién gana el Clásico?', intents: intents('verdict'), teams: ['Barcelona', 'Real Madrid'], checks: [favourite('Barcelona', CLASICO), NO_PROMISE, language('es')] },
      { user: '¿cuánto paga el empate?', checks: [legPrice(draw('Barcelona', CLASICO))] },
    ],
  },
  {
    id: 'verdict.a.bayern-finde.es',
    category: 'verdict',
    language: 'es',
    turns: [
      {
        user: '¿es favorito el Bayern este finde?',
        intents: intents('verdict'),
        teams: ['Bayern Munich'],
        checks: [favourite('Bayern Munich', { date: 'weekend' }), sidePrices('Bayern Munich', { date: 'weekend' })],
      },
    ],
  },
  {
    id: 'verdict.a.chelsea-sabado.es',
    category: 'verdict',
    language: 'es',
    matchDay: { team: 'Chelsea' },
    turns: [
      {
        user: 'cuotas del Chelsea el {day}',
        intents: intents('odds'),
        teams: ['Chelsea'],
        checks: [odds('Chelsea', { date: 'match_day' }), fixture('Chelsea', { date: 'match_day' })],
      },
    ],
  },
  {
    id: 'verdict.a.madrid-proximo.es',
    category: 'verdict',
    language: 'es',
    turns: [
      { user: '¿Quién es el favorito en el próximo partido del Madrid?', intents: intents('verdict'), teams: ['Real Madrid'], checks: [favourite('Real Madrid'), language('es')] },
      { user: 'si apuesto 10 al Madrid, ¿cuánto me llevo?', teams: ['Real Madrid'], checks: [payout(10, wins('Real Madrid'))] },
    ],
  },
  {
    id: 'verdict.a.inter-finde.es',
    category: 'verdict',
    language: 'es',
    turns: [
      {
        user: 'el inter es favorito este fin de semana?',
        intents: intents('verdict'),
        teams: ['Inter'],
        checks: [favourite('Inter', { date: 'weekend' }), sidePrices('Inter', { date: 'weekend' })],
      },
    ],
  },
  {
    id: 'verdict.a.derbi-manchester.es',
    category: 'verdict',
    language: 'es',
    timeZone: 'America/Mexico_City',
    turns: [
      {
        user: 'derbi de Manchester, ¿quién parte como favorito?',
        intents: intents('verdict'),
        teams: ['Manchester City', 'Manchester United'],
        checks: [favourite('Manchester City', MANCHESTER_DERBY), NO_PROMISE],
      },
    ],
  },
  {
    id: 'verdict.a.city-united-opciones.es',
    category: 'verdict',
    language: 'es',
    turns: [
      {
        user: '¿quién tiene más opciones, el City o el United?',
        intents: intents('verdict'),
        teams: ['Manchester City', 'Manchester United'],
        checks: [favourite('Manchester City', MANCHESTER_DERBY), sidePrices('Manchester City', MANCHESTER_DERBY)],
      },
    ],
  },
  {
    id: 'verdict.a.psg-proximo.es',
    category: 'verdict',
    language: 'es',
    turns: [
      { user: '¿el PSG es favorito en su próximo partido?', intents: intents('verdict'), teams: ['Paris Saint-Germain'], checks: [favourite('Paris Saint-Germain')] },
      { user: '¿y las cuotas?', teams: ['Paris Saint-Germain'], checks: [odds('Paris Saint-Germain')] },
    ],
  },
  {
    id: 'verdict.a.inter-napoli.es',
    category: 'verdict',
    language: 'es',
    turns: [
      {
        user: 'quien es favorito en el inter napoles',
        intents: intents('verdict'),
        teams: ['Inter', 'Napoli'],
        checks: [favourite('Inter', { opponent: 'Napoli' }), language('es')],
      },
    ],
  },
  {
    id: 'verdict.a.arsenal-chelsea.es',
    category: 'verdict',
    language: 'es',
    timeZone: 'America/Bogota',
    turns: [
      {
        user: 'Arsenal o Chelsea, ¿a quién ves favorito?',
        intents: intents('verdict'),
        teams: ['Arsenal', 'Chelsea'],
        checks: [favourite('Arsenal', { opponent: 'Chelsea' }), NO_PROMISE],
      },
    ],
  },
  {
    id: 'verdict.a.madrid-sabado-luego-favorito.es',
    category: 'verdict',
    language: 'es',
    matchDay: { team: 'Real Madrid' },
    turns: [
      { user: '¿Juega el Madrid el {day}?', intents: intents('schedule'), teams: ['Real Madrid'], checks: [fixture('Real Madrid', { date: 'match_day' })] },
      { user: '¿y quién es favorito?', teams: ['Real Madrid'], checks: [favourite('Real Madrid', { date: 'match_day' }), sidePrices('Real Madrid', { date: 'match_day' })] },
    ],
  },
];
