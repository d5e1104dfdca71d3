import { CUE_PATTERNS } from './conversation-cues.js';
import { FAN_PATTERNS } from './fan-cues.js';
import { ACCA_RE } from './leg-extractor.js';
import { BETTING_TERM_PATTERNS } from './betting-terms-extractor.js';
import { EN_FUNCTION_WORDS, ES_FUNCTION_WORDS } from './common-words.js';
import { INTENT_RULES } from './intent-rules.js';

/** Calendar words, so "tomorow" or "domigo" are repaired before date parsing. */
const DATE_WORDS: readonly string[] = [
  'today', 'tonight', 'tomorrow', 'weekend', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday',
  'sunday', 'week', 'month', 'next', 'this', 'coming', 'hoy', 'manana', 'noche', 'semana', 'finde', 'proximo',
  'proxima', 'siguiente', 'lunes', 'martes', 'miercoles', 'jueves', 'viernes', 'sabado', 'domingo', 'pasado',
  'january', 'february', 'march', 'april', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre',
  'diciembre',
];

/**
 * Inflections of keywords that the rules match by stem ("recomiend\w*"); listing them keeps
 * real words known, so they are not "corrected" onto a neighbouring keyword.
 */
const KEYWORD_FORMS: readonly string[] = [
  'compare', 'compared', 'comparing', 'comparison', 'comparar', 'compara', 'comparame', 'comparacion', 'comparativa',
  'recommend', 'recommended', 'recommendation', 'recommendations', 'recomienda', 'recomiendas', 'recomiendame',
  'recomendacion', 'recomendaciones', 'recomendar', 'suggest', 'suggestion', 'suggestions', 'sugieres', 'sugiereme',
  'sugerencia', 'sugerencias', 'simulate', 'simulation', 'simula', 'simular', 'simulacion', 'calculate', 'calcula',
  'calcular', 'predict', 'prediction', 'predictions', 'pronostico', 'pronosticos', 'injured', 'injury', 'injuries',
  'lesionado', 'lesionados', 'lesion', 'lesiones', 'transfer', 'transfers', 'fichaje', 'fichajes', 'entrenador',
  'entrenadores', 'goleador', 'goleadores', 'defence', 'defense', 'apuesta', 'apuestas', 'apostar', 'cuotas',
  'favorito', 'favorita', 'favoritos', 'favorite', 'favourite', 'accumulator', 'combinada', 'underdog', 'handicap',
  'standings', 'balance', 'wallet', 'recently', 'season', 'temporada', 'tournament', 'competition',
];

/** Money words for the amount rules ("eruos" → "euros"). */
const MONEY_WORDS: readonly string[] = ['euros', 'dollars', 'dolares', 'pounds', 'libras', 'bucks'];

/**
 * High-value keywords worth repairing when misspelt ("balnce", "recomiendame", "standigns").
 * Kept deliberately small: every target can pull a correctly spelt but unlisted word onto
 * itself, so only words whose loss would change the intent are listed.
 */
const KEYWORD_TARGETS: readonly string[] = [
  'balance', 'saldo', 'account', 'wallet', 'money', 'dinero', 'cuenta', 'bankroll', 'funds', 'fondos', 'credit',
  'credito', 'disponible', 'cuotas', 'cuota', 'price', 'prices', 'payout', 'recommend', 'recommendation', 'recomienda',
  'recomiendas', 'recomiendame', 'recomendacion', 'suggest', 'suggestion', 'sugerencia', 'compare', 'comparison',
  'compara', 'comparar', 'comparacion', 'standings', 'clasificacion', 'table', 'tabla', 'fixtures', 'fixture',
  'schedule', 'calendario', 'horario', 'partido', 'partidos', 'match', 'matches', 'games', 'apuesta', 'apuestas',
  'apostar', 'apuesto', 'simulate', 'simula', 'calcula', 'calculate', 'winnings', 'ganaria', 'ganancia', 'accumulator',
  'combinada', 'parlay', 'underdog', 'handicap', 'double', 'chance', 'favourite', 'favorite', 'favorito',
  'prediction', 'pronostico', 'tournament', 'tournaments', 'torneo', 'torneos', 'league', 'leagues', 'competition',
  'competitions', 'competiciones', 'ligas', 'instructions', 'instrucciones', 'commands', 'options', 'opciones',
  'ayuda', 'ayudame', 'hello', 'gracias', 'thanks', 'against', 'versus', 'contra', 'better', 'stronger', 'mejor',
  'safest', 'segura', 'value', 'goals', 'goles', 'scorer', 'goleador', 'injured', 'lesionado', 'entrenador', 'coach',
  'ranking', 'posiciones', 'empate', 'visitante', 'result', 'resultado', 'winner', 'ganador', 'ambos', 'marcan',
  'oportunidad', 'upcoming', 'kickoff', 'proximos', 'siguiente', 'jornada', 'historial', 'estadisticas', 'head',
  'statistics', 'recomendar', 'aconsejas', 'consejo',
];

/** Words the typo corrector may rewrite a misspelt token into. */
export function correctionTargets(): Set<string> {
  return new Set([...KEYWORD_TARGETS, ...DATE_WORDS, ...MONEY_WORDS]);
}

/**
 * Every word the rules spell out, plus inflections and function words: known words are never
 * rewritten, so "winning" stays "winning" instead of becoming "winnings".
 */
export function knownKeywords(): Set<string> {
  const words = new Set<string>([
    ...correctionTargets(),
    ...KEYWORD_FORMS,
    ...EN_FUNCTION_WORDS,
    ...ES_FUNCTION_WORDS,
  ]);
  const sources = [...INTENT_RULES.map((r) => r.pattern.source), ...BETTING_TERM_PATTERNS.map((p) => p.source), ...CUE_PATTERNS.map((p) => p.source), ...FAN_PATTERNS.map((p) => p.source), ACCA_RE.source];
  for (const source of sources) {
    for (const w of literalWords(source)) words.add(w);
  }
  return words;
}

/**
 * Whole words spelt out in a regex source. Stems ("compar\w*") and words broken by a
 * character class ("defen[cs]e") are skipped: as typo targets they would pull real words
 * onto fragments. A trailing optional letter ("cuotas?") yields both spellings.
 */
export function literalWords(source: string): string[] {
  const marked = source
    .replace(/\\w[*+?]?/g, '#')
    .replace(/\\[a-zA-Z]/g, ' ')
    // "favorit[oa]s?" → "|favorito|favoritos|favorita|favoritas|"
    .replace(/([a-z]+)\[([a-z]+)\]([a-z]*?)(s\?)?(?![a-z?])/g, (_m, pre: string, chars: string, post: string, plural?: string) => {
      const forms = [...chars].flatMap((c) => (plural ? [pre + c + post, `${pre}${c}${post}s`] : [pre + c + post]));
      return `|${forms.join('|')}|`;
    });
  const out: string[] = [];
  for (const m of marked.matchAll(/[a-z]+/g)) {
    const start = m.index ?? 0;
    const before = marked[start - 1] ?? ' ';
    const after = marked[start + m[0].length] ?? ' ';
    if (after === '#' || after === '[' || before === ']' || before === ')' || before === '?') continue;
    if (after === '?') {
      if (m[0].length >= 5) out.push(m[0].slice(0, -1));
    } else if (after === '(') {
      continue;
    }
    if (m[0].length >= 4) out.push(m[0]);
  }
  return out;
}
