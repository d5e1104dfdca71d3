import type { Check, Dialog } from '../dialog.types.js';
import { fixture, intents, language, odds, payout, wins } from './helpers.js';

// What the user tells about themselves and the assistant keeps: the team they support ("I'm a
// Liverpool fan", "soy del Betis") read back as "my team" / "mi equipo" (in the same conversation
// and the next), leading their lists; and the city or zone they are in, or their client's zone,
// used in a later conversation whose requests carry none.

// Asks which team is theirs, and lists no match meanwhile.
const ASKS_WHICH_TEAM: Check[] = [{ kind: 'asks_back' }, { kind: 'not_mentions', any: [' vs ', ' v '] }];
const localTime = (team: string, zone: string): Check => ({ kind: 'local_time', fixture: { team }, zone });

export const dialogs: Dialog[] = [
  {
    id: 'preferences.d.liverpool-fan.en',
    category: 'preferences',
    language: 'en',
    turns: [
      { user: "I'm a Liverpool fan", teams: ['Liverpool'], checks: [{ kind: 'mentions', all: ['Liverpool'] }, fixture('Liverpool')] },
      { user: 'when does my team play next?', intents: intents('schedule'), teams: ['Liverpool'], checks: [fixture('Liverpool')] },
    ],
  },
  {
    id: 'preferences.d.betis.es',
    category: 'preferences',
    language: 'es',
    turns: [
      { user: 'soy del Betis', teams: ['Real Betis'], checks: [{ kind: 'mentions', all: ['Betis'] }, language('es')] },
      { user: '¿cuándo juega mi equipo?', intents: intents('schedule'), teams: ['Real Betis'], checks: [fixture('Real Betis'), language('es')] },
    ],
  },
  {
    id: 'preferences.d.sevilla-next-session.es',
    category: 'preferences',
    language: 'es',
    turns: [
      { user: 'mi equipo es el Sevilla', teams: ['Sevilla'], checks: [{ kind: 'mentions', all: ['Sevilla'] }] },
      { user: 'cuotas del próximo partido de mi equipo', newSession: true, intents: intents('odds'), teams: ['Sevilla'], checks: [odds('Sevilla'), language('es')] },
    ],
  },
  {
    id: 'preferences.d.arsenal-next-session.en',
    category: 'preferences',
    language: 'en',
    turns: [
      { user: 'I support Arsenal', teams: ['Arsenal'], checks: [{ kind: 'mentions', all: ['Arsenal'] }] },
      { user: "what are the odds for my team's next game?", newSession: true, intents: intents('odds'), teams: ['Arsenal'], checks: [odds('Arsenal')] },
    ],
  },
  {
    id: 'preferences.d.chelsea-bet.en',
    category: 'preferences',
    language: 'en',
    turns: [
      { user: "big Chelsea fan here. how much would I win with 10 on my team?", teams: ['Chelsea'], checks: [payout(10, wins('Chelsea'))] },
    ],
  },
  {
    id: 'preferences.d.madrid-apuesta.es',
    category: 'preferences',
    language: 'es',
    turns: [
      { user: 'soy hincha del Atleti', teams: ['Atletico Madrid'], checks: [{ kind: 'mentions', any: ['Atlético', 'Atletico'] }] },
      { user: 'si apuesto 20 euros a que gana mi equipo, ¿cuánto gano?', teams: ['Atletico Madrid'], checks: [payout(20, wins('Atletico Madrid')), language('es')] },
    ],
  },
  {
    id: 'preferences.d.bayern-first-in-list.en',
    category: 'preferences',
    language: 'en',
    turns: [
      { user: "I'm a Bayern fan", teams: ['Bayern Munich'], checks: [{ kind: 'mentions', all: ['Bayern'] }] },
      // An English list leads with the Premier League; the user's own team comes before it.
      { user: 'what games are on this weekend?', newSession: true, checks: [fixture('Bayern Munich', { date: 'weekend' }), { kind: 'says_more' }] },
    ],
  },
  {
    id: 'preferences.d.napoli-first-in-list.es',
    category: 'preferences',
    language: 'es',
    turns: [
      { user: 'soy del Napoli', teams: ['Napoli'], checks: [{ kind: 'mentions', any: ['Napoli', 'Nápoles'] }] },
      { user: 'partidos del finde', checks: [fixture('Napoli', { date: 'weekend' }), { kind: 'says_more' }, language('es')] },
    ],
  },
  {
    id: 'preferences.d.unknown-team.en',
    category: 'preferences',
    language: 'en',
    turns: [{ user: 'when does my team play?', checks: ASKS_WHICH_TEAM }],
  },
  {
    id: 'preferences.d.unknown-team.es',
    category: 'preferences',
    language: 'es',
    turns: [{ user: '¿cuándo juega mi equipo?', checks: [...ASKS_WHICH_TEAM, language('es')] }],
  },
  {
    id: 'preferences.d.mexico-city-next-session.en',
    category: 'preferences',
    language: 'en',
    turns: [
      { user: "I'm in Mexico City", checks: [{ kind: 'mentions', all: ['America/Mexico_City'] }, { kind: 'not_mentions', any: ["didn't understand"] }] },
      { user: 'when does Real Madrid play next?', newSession: true, timeZone: null, teams: ['Real Madrid'], checks: [fixture('Real Madrid'), localTime('Real Madrid', 'America/Mexico_City')] },
    ],
  },
  {
    id: 'preferences.d.bogota-next-session.es',
    category: 'preferences',
    language: 'es',
    turns: [
      { user: 'estoy en Bogotá', checks: [{ kind: 'mentions', all: ['America/Bogota'] }, language('es')] },
      { user: '¿a qué hora juega el Barcelona?', newSession: true, timeZone: null, teams: ['Barcelona'], checks: [localTime('Barcelona', 'America/Bogota'), language('es')] },
    ],
  },
  {
    id: 'preferences.d.client-zone-kept.en',
    category: 'preferences',
    language: 'en',
    timeZone: 'America/New_York',
    turns: [
      { user: 'when do the Knicks play next?', teams: ['New York Knicks'], checks: [localTime('New York Knicks', 'America/New_York')] },
      { user: 'what time do the Celtics play next?', newSession: true, timeZone: null, teams: ['Boston Celtics'], checks: [localTime('Boston Celtics', 'America/New_York')] },
    ],
  },
  {
    id: 'preferences.d.stated-zone-beats-old-client-zone.es',
    category: 'preferences',
    language: 'es',
    timeZone: 'Europe/Madrid',
    turns: [
      { user: 'vivo en Buenos Aires, ¿cuándo juega el Real Madrid?', teams: ['Real Madrid'], checks: [localTime('Real Madrid', 'America/Argentina/Buenos_Aires')] },
      { user: '¿y el Atlético?', newSession: true, timeZone: null, teams: ['Atletico Madrid'], checks: [localTime('Atletico Madrid', 'America/Argentina/Buenos_Aires'), language('es')] },
    ],
  },
  {
    id: 'preferences.d.iana-zone-next-session.en',
    category: 'preferences',
    language: 'en',
    turns: [
      { user: 'my time zone is America/Bogota', checks: [{ kind: 'mentions', all: ['America/Bogota'] }] },
      { user: 'when do Chelsea play next?', newSession: true, timeZone: null, teams: ['Chelsea'], checks: [localTime('Chelsea', 'America/Bogota')] },
    ],
  },
  {
    id: 'preferences.d.hora-de-nueva-york.es',
    category: 'preferences',
    language: 'es',
    turns: [
      { user: 'mi hora es la de Nueva York', checks: [{ kind: 'mentions', all: ['America/New_York'] }, language('es')] },
      { user: '¿a qué hora juegan los Knicks?', newSession: true, timeZone: null, teams: ['New York Knicks'], checks: [localTime('New York Knicks', 'America/New_York'), language('es')] },
    ],
  },
];
