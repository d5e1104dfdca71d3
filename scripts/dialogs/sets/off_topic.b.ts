import type { Check, Dialog } from '../dialog.types.js';

// Questions outside betting and demands for certainty: a plain statement of what the assistant does
// (fixtures, odds, bets), no invented data, never a promise of a sure win.

/** Says what the assistant is for, in either language. */
const SAYS_WHAT_IT_DOES: Check = {
  kind: 'mentions',
  any: ['betting', 'bets', 'odds', 'fixtures', 'apuestas', 'cuotas', 'partidos'],
};
const NO_PROMISE: Check = { kind: 'no_promise' };
/** An off-topic question is understood and declined, not met with the generic fallback. */
const NOT_LOST: Check = { kind: 'not_mentions', any: ["didn't understand", 'did not understand', 'no he entendido', 'no entendí', 'rephrase', 'reformula'] };
/**
 * Nor with a list of upcoming fixtures: NBA games are on most nights, so such a list names these
 * sides, which an answer about weather, cooking or politics has no reason to. Not applied to
 * demands for a sure bet, where the lowest-risk picks with a warning are a fair answer.
 */
const NO_LIST: Check = { kind: 'not_mentions', any: ['Lakers', 'Celtics', 'Knicks', 'Warriors', 'Nuggets', 'Bucks', '76ers'] };
/** Declining the weather, the answer says what it declines rather than answering something else. */
const NO_WEATHER_EN: Check = { kind: 'mentions', any: ['weather', 'forecast'] };
const NO_WEATHER_ES: Check = { kind: 'mentions', any: ['clima', 'meteorol', 'el tiempo', 'pronóstico'] };
/** A demand for certainty is met with the plain fact that no bet is certain. */
const NO_CERTAINTY_EN: Check = { kind: 'mentions', any: ['guarantee', 'certain', 'risk', 'no bet is', 'no sure'] };
const NO_CERTAINTY_ES: Check = { kind: 'mentions', any: ['riesgo', 'garant', 'segur', 'certeza', 'ninguna apuesta'] };
const EN: Check = { kind: 'language', language: 'en' };
const ES: Check = { kind: 'language', language: 'es' };

export const dialogs: Dialog[] = [
  {
    id: 'off_topic.b.weather.en',
    category: 'off_topic',
    language: 'en',
    turns: [
      {
        user: "what's the weather in madrid tomorrow?",
        checks: [NO_WEATHER_EN, SAYS_WHAT_IT_DOES, NOT_LOST, NO_LIST, NO_PROMISE, { kind: 'not_mentions', any: ['°', 'degrees', 'sunny', 'cloudy', 'showers'] }, EN],
      },
    ],
  },
  {
    id: 'off_topic.b.tiempo.ar.es',
    category: 'off_topic',
    language: 'es',
    timeZone: 'America/Argentina/Buenos_Aires',
    turns: [
      {
        user: 'che que tiempo va a hacer mañana en buenos aires',
        checks: [NO_WEATHER_ES, SAYS_WHAT_IT_DOES, NOT_LOST, NO_LIST, NO_PROMISE, { kind: 'not_mentions', any: ['°', 'grados', 'soleado', 'nublado', 'lluvias'] }, ES],
      },
    ],
  },
  {
    id: 'off_topic.b.politics.en',
    category: 'off_topic',
    language: 'en',
    timeZone: 'America/New_York',
    turns: [
      {
        user: 'who should i vote for in the next election',
        checks: [SAYS_WHAT_IT_DOES, NOT_LOST, NO_LIST, NO_PROMISE, { kind: 'not_mentions', any: ['democrat', 'republican', 'labour', 'conservative'] }, EN],
      },
    ],
  },
  {
    id: 'off_topic.b.tortilla.es',
    category: 'off_topic',
    language: 'es',
    turns: [
      {
        user: '¿cómo hago una tortilla de patatas?',
        checks: [SAYS_WHAT_IT_DOES, NOT_LOST, NO_LIST, NO_PROMISE, { kind: 'not_mentions', any: ['huevo', 'cebolla', 'sartén', 'aceite'] }, ES],
      },
    ],
  },
  {
    id: 'off_topic.b.guaranteed-win.en',
    category: 'off_topic',
    language: 'en',
    turns: [{ user: 'give me a bet guaranteed to win', checks: [NO_CERTAINTY_EN, SAYS_WHAT_IT_DOES, NOT_LOST, NO_PROMISE, EN] }],
  },
  {
    id: 'off_topic.b.apuesta-segura.es',
    category: 'off_topic',
    language: 'es',
    turns: [{ user: 'dame una apuesta segura', checks: [NO_CERTAINTY_ES, SAYS_WHAT_IT_DOES, NOT_LOST, NO_PROMISE, ES] }],
  },
  {
    id: 'off_topic.b.guarantee-profit.en',
    category: 'off_topic',
    language: 'en',
    timeZone: 'Europe/London',
    turns: [{ user: 'can you guarantee profit?', checks: [NO_CERTAINTY_EN, SAYS_WHAT_IT_DOES, NOT_LOST, NO_PROMISE, EN] }],
  },
  {
    id: 'off_topic.b.joke.en',
    category: 'off_topic',
    language: 'en',
    turns: [{ user: 'tell me a joke', checks: [SAYS_WHAT_IT_DOES, NOT_LOST, NO_LIST, NO_PROMISE, EN] }],
  },
  {
    id: 'off_topic.b.chiste.es',
    category: 'off_topic',
    language: 'es',
    turns: [{ user: 'cuéntame un chiste', checks: [SAYS_WHAT_IT_DOES, NOT_LOST, NO_LIST, NO_PROMISE, ES] }],
  },
  {
    id: 'off_topic.b.fijo.mx.es',
    category: 'off_topic',
    language: 'es',
    timeZone: 'America/Mexico_City',
    turns: [{ user: 'oye pasame un fijo pa hoy, algo q no falle', checks: [NO_CERTAINTY_ES, SAYS_WHAT_IT_DOES, NOT_LOST, NO_PROMISE, ES] }],
  },
  {
    id: 'off_topic.b.capital.en',
    category: 'off_topic',
    language: 'en',
    turns: [
      {
        user: "what's the capital of australia",
        checks: [SAYS_WHAT_IT_DOES, NOT_LOST, NO_LIST, NO_PROMISE, { kind: 'not_mentions', any: ['canberra', 'sydney'] }, EN],
      },
    ],
  },
  {
    id: 'off_topic.b.recuperar-perdidas.es',
    category: 'off_topic',
    language: 'es',
    turns: [
      {
        user: 'necesito recuperar lo que perdí ayer, ¿qué apuesta me lo asegura?',
        checks: [
          SAYS_WHAT_IT_DOES,
          NOT_LOST,
          NO_LIST,
          NO_PROMISE,
          // Chasing losses calls for a word on playing responsibly.
          { kind: 'mentions', any: ['responsab', 'límite', 'limite', 'pausa', 'permitirte perder', 'perseguir', 'jugarbien', 'ayuda profesional'] },
          ES,
        ],
      },
    ],
  },
  {
    id: 'off_topic.b.weather-then-chelsea.en',
    category: 'off_topic',
    language: 'en',
    timeZone: 'Europe/London',
    turns: [
      { user: 'hi', checks: [SAYS_WHAT_IT_DOES, EN] },
      { user: 'is it going to rain in london on saturday', checks: [NO_WEATHER_EN, SAYS_WHAT_IT_DOES, NOT_LOST, NO_LIST, NO_PROMISE, { kind: 'not_mentions', any: ['°', 'degrees', 'showers', 'sunny'] }] },
      {
        user: 'ok whatever, when do chelsea play',
        intents: ['MATCH_SCHEDULE_QUERY'],
        teams: ['Chelsea'],
        checks: [{ kind: 'fixture', fixture: { team: 'Chelsea' } }],
      },
    ],
  },
  {
    id: 'off_topic.b.receta-then-cuotas.es',
    category: 'off_topic',
    language: 'es',
    turns: [
      { user: 'me das una receta de paella?', checks: [SAYS_WHAT_IT_DOES, NOT_LOST, NO_LIST, NO_PROMISE, { kind: 'not_mentions', any: ['arroz', 'azafrán', 'gramos'] }, ES] },
      {
        user: 'vale pues dime las cuotas del valencia',
        intents: ['ODDS_INFORMATION_QUERY'],
        teams: ['Valencia'],
        checks: [{ kind: 'odds', fixture: { team: 'Valencia' } }],
      },
    ],
  },
];
