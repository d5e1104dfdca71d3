import type { Dialog } from '../dialog.types.js';
import { draw, favourite, intents, language, legPrice, NO_PROMISE, payout, sidePrices, VALUE_REASONING, wins } from './helpers.js';

// Held-out verdicts: who is favoured in a pairing, in a team's weekend game rather than its
// midweek one, backed by both prices; value asked of one side; a stake on the verdict afterwards.

const INTER_NAPOLI = { opponent: 'Napoli' };
const MANCHESTER_DERBY = { opponent: 'Manchester United' };
const JUVE_MILAN = { opponent: 'AC Milan' };

export const dialogs: Dialog[] = [
  {
    id: 'verdict.c.toon-weekend-then-midweek.en',
    category: 'verdict',
    language: 'en',
    timeZone: 'Europe/London',
    turns: [
      {
        user: "who's fav in the toon game this weekend?",
        intents: intents('verdict'),
        teams: ['Newcastle United'],
        checks: [favourite('Newcastle United', { date: 'weekend' }), sidePrices('Newcastle United', { date: 'weekend' })],
      },
      {
        user: 'and against monaco?',
        teams: ['Newcastle United', 'Monaco'],
        checks: [favourite('Newcastle United', { opponent: 'Monaco' }), sidePrices('Newcastle United', { opponent: 'Monaco' })],
      },
    ],
  },
  {
    id: 'verdict.c.inter-napoles.es',
    category: 'verdict',
    language: 'es',
    turns: [
      {
        user: '¿quién llega de favorito al Inter-Nápoles?',
        intents: intents('verdict'),
        teams: ['Inter', 'Napoli'],
        checks: [favourite('Inter', INTER_NAPOLI), language('es'), NO_PROMISE],
      },
      { user: '¿y el empate a cuánto se paga?', teams: ['Inter', 'Napoli'], checks: [legPrice(draw('Inter', INTER_NAPOLI))] },
    ],
  },
  {
    id: 'verdict.c.lfc-leverkusen.en',
    category: 'verdict',
    language: 'en',
    turns: [
      {
        user: 'leverkusen vs liverpool, who takes it?',
        intents: intents('verdict'),
        teams: ['Bayer Leverkusen', 'Liverpool'],
        checks: [favourite('Liverpool', { opponent: 'Bayer Leverkusen' }), sidePrices('Liverpool', { opponent: 'Bayer Leverkusen' }), NO_PROMISE],
      },
      { user: 'whats that as a percentage chance', checks: [{ kind: 'mentions', any: ['%', 'percent', 'probability'] }, NO_PROMISE] },
    ],
  },
  {
    id: 'verdict.c.atleti-finde.es',
    category: 'verdict',
    language: 'es',
    turns: [
      {
        user: 'el atleti es favorito el finde o que',
        intents: intents('verdict'),
        teams: ['Atletico Madrid'],
        checks: [favourite('Atletico Madrid', { date: 'weekend' }), sidePrices('Atletico Madrid', { date: 'weekend' }), language('es')],
      },
    ],
  },
  {
    id: 'verdict.c.arsenal-chelsea-bookies.en',
    category: 'verdict',
    language: 'en',
    timeZone: 'Europe/London',
    turns: [
      {
        user: 'arsenal chelsea on sunday - who do the bookies fancy?',
        intents: intents('verdict'),
        teams: ['Arsenal', 'Chelsea'],
        checks: [favourite('Arsenal', { opponent: 'Chelsea' }), sidePrices('Arsenal', { opponent: 'Chelsea' })],
      },
    ],
  },
  {
    id: 'verdict.c.derbi-manchester-opinion.es',
    category: 'verdict',
    language: 'es',
    turns: [
      {
        user: 'quien gana el derbi de manchester? mojate',
        intents: intents('verdict'),
        teams: ['Manchester City', 'Manchester United'],
        checks: [favourite('Manchester City', MANCHESTER_DERBY), NO_PROMISE, language('es')],
      },
      {
        user: 'va, y si le meto 10 al city?',
        intents: intents('payout'),
        teams: ['Manchester City'],
        checks: [payout(10, wins('Manchester City', MANCHESTER_DERBY))],
      },
    ],
  },
  {
    id: 'verdict.c.brighton-value.en',
    category: 'verdict',
    language: 'en',
    turns: [
      {
        user: 'is there any value backing brighton next game or are they priced right',
        teams: ['Brighton & Hove Albion'],
        checks: [legPrice(wins('Brighton & Hove Albion')), VALUE_REASONING, NO_PROMISE],
      },
    ],
  },
  {
    id: 'verdict.c.juve-favorita.es',
    category: 'verdict',
    language: 'es',
    turns: [
      {
        user: '¿la juve es favorita contra el milan?',
        intents: intents('verdict'),
        teams: ['Juventus', 'AC Milan'],
        checks: [favourite('Juventus', JUVE_MILAN), sidePrices('Juventus', JUVE_MILAN), language('es')],
      },
    ],
  },
  {
    id: 'verdict.c.dortmund-brugge.en',
    category: 'verdict',
    language: 'en',
    turns: [
      {
        user: "dortmund away at brugge in the CL, who's favoured?",
        intents: intents('verdict'),
        teams: ['Borussia Dortmund', 'Club Brugge'],
        checks: [favourite('Borussia Dortmund', { opponent: 'Club Brugge' }), sidePrices('Borussia Dortmund', { opponent: 'Club Brugge' })],
      },
    ],
  },
];
