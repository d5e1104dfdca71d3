import type { Language } from './nlu.types.js';

// Words that are frequent in one language and rare in the other; shared forms ("no", "a") are left out.
const EN_MARKERS = new Set([
  'the', 'is', 'are', 'what', 'whats', 'when', 'where', 'which', 'who', 'whos', 'why', 'how', 'does', 'do', 'did',
  'my', 'me', 'i', 'im', 'you', 'your', 'this', 'that', 'of', 'to', 'for', 'with', 'on', 'at', 'in', 'and', 'or',
  'if', 'would', 'will', 'should', 'can', 'much', 'many', 'have', 'has', 'next', 'play', 'plays', 'game', 'match',
  'today', 'tomorrow', 'tonight', 'weekend', 'week', 'odds', 'bet', 'win', 'better', 'hi', 'hello', 'hey', 'thanks',
  'thank', 'please', 'about', 'best', 'money', 'balance', 'help', 'draw', 'against', 'it', 'get', 'there', 'they',
  'an', 'be', 'good', 'morning', 'evening', 'afternoon', 'any', 'some', 'pay', 'pays', 'safest', 'safe', 'than',
  'fixtures', 'games', 'matches', 'league', 'show', 'tell', 'give', 'want', 'need', 'know', 'could', 'was', 'were',
  'from', 'by', 'dollars', 'pounds', 'bucks', 'won', 'wins', 'playing', 'am', 'doing', 'up', 'sup', 'cheers', 'bye',
  'build', 'make', 'find', 'leg', 'legs', 'tips', 'pls', 'plz', 'thx', 'yes', 'yeah', 'nope', 'just', 'now', 'like',
  'got',
]);

const ES_MARKERS = new Set([
  'el', 'la', 'los', 'las', 'un', 'una', 'de', 'del', 'al', 'y', 'que', 'cual', 'quien', 'cuando', 'cuanto', 'cuanta',
  'cuantos', 'como', 'donde', 'por', 'para', 'con', 'es', 'son', 'esta', 'este', 'mi', 'mis', 'tu', 'su', 'me', 'te',
  'se', 'lo', 'le', 'muy', 'mas', 'pero', 'si', 'tengo', 'tiene', 'hay', 'juega', 'juegan', 'partido', 'partidos',
  'hoy', 'manana', 'semana', 'proximo', 'proxima', 'apuesta', 'apuesto', 'apostar', 'cuotas', 'cuota', 'gana',
  'ganar', 'ganaria', 'mejor', 'hola', 'buenas', 'buenos', 'gracias', 'quiero', 'puedo', 'puedes', 'dime', 'dame',
  'contra', 'ahora', 'equipo', 'noche', 'tarde', 'dia', 'domingo', 'sabado', 'empate', 'saldo', 'ayuda', 'paga',
  'pagan', 'segura', 'recomiendas', 'euros', 'dolares', 'libras', 'quiere', 'hacer', 'sabes', 'esto', 'eso', 'ese',
  'entre', 'sobre', 'tambien', 'ya', 'yo', 'nos', 'les', 'siguiente', 'fecha', 'liga', 'ganador', 'saludos', 'chao',
  'chau', 'adios', 'ayudas', 'ayudame', 'ayudar', 'opciones', 'instrucciones', 'comandos', 'nada', 'vale', 'bueno',
  'porfavor', 'porfa', 'cara', 'algo', 'alguna', 'algun', 'mucho', 'muchas', 'cuales', 'fue', 'era', 'nose', 'tal',
  'cuenta', 'dinero', 'plata', 'tienen', 'ha', 'han', 'pasa', 'paso', 'quedo', 'sera', 'eres', 'estas', 'dias',
  'gano', 'gane', 'apuestas', 'juego', 'puede', 'clasificacion', 'tabla', 'hasta', 'luego', 'holi', 'pues', 'aqui',
  'bien', 'gusta', 'sirve', 'soy', 'estoy', 'nuevo', 'eh', 'texto',
]);

// Spanish word endings with no common English counterpart ("-ción", "-ado", "-ando").
const ES_SUFFIX_RE = /(?:cion|ciones|mente|ado|ada|ados|adas|ando|iendo|aria|arias|ito|ita|itos|itas|amos|emos|imos|ais|eis|ativa|ativo)$/;
const EN_SUFFIX_RE = /(?:ing|tion|ly|ness|ful|th|ght|ould|ay)$/;
// Laughter is spelt differently in each language ("jajaja", "jsjs" vs "haha", "lol").
const ES_LAUGH_RE = /^(?:(?:ja|je|ji|js)+j?|(?:xd)+d*)$/;
const EN_LAUGH_RE = /^(?:(?:ha|he)+h?|lol|lmao|rofl)$/;

export interface LanguageEvidence {
  en: number;
  es: number;
}

/**
 * Scores function words, with typography unique to Spanish (¿ ¡ ñ, accented vowels)
 * counting extra; `hint` breaks ties, English is the fallback.
 */
export function detectLanguage(original: string, tokens: readonly string[], hint?: Language): Language {
  const ev = languageEvidence(original, tokens);
  if (ev.es > ev.en) return 'es';
  if (ev.en > ev.es) return 'en';
  return hint ?? 'en';
}

export function languageEvidence(original: string, tokens: readonly string[]): LanguageEvidence {
  let en = 0;
  let es = 0;
  for (const raw of tokens) {
    // Drawn-out spellings ("holaa", "heyyy") count as the plain word.
    const t = EN_MARKERS.has(raw) || ES_MARKERS.has(raw) ? raw : raw.replace(/([a-z])\1+$/, '$1');
    if (EN_MARKERS.has(t)) en += 1;
    else if (EN_LAUGH_RE.test(t)) en += 1;
    else if (t.length >= 5 && EN_SUFFIX_RE.test(t)) en += 0.5;
    if (ES_MARKERS.has(t)) es += 1;
    else if (ES_LAUGH_RE.test(t)) es += 1;
    else if (t.length >= 5 && ES_SUFFIX_RE.test(t)) es += 0.5;
  }
  if (/[¿¡ñÑ]/.test(original)) es += 2;
  if (/[áéíóúÁÉÍÓÚ]/.test(original)) es += 1;
  return { en, es };
}
