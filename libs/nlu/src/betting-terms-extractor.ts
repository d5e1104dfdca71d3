import type { Market, Outcome, RiskProfile } from './nlu.types.js';

/** Words that make "winner", "result" or "goals" read as a betting market rather than small talk. */
export const BETTING_CONTEXT_RE =
  /\b(?:odds?|bets?|betting|apuest\w*|apost\w*|cuotas?|momios?|markets?|mercados?|lines?|pays?|payout|paga\w*|stake|wager|back|price|precio|over|under|mas\s+de|menos\s+de)\b|@amount/;

const MARKET_PATTERNS: readonly [Market, RegExp, boolean][] = [
  // [market, pattern, needsBettingContext]
  ['1x2', /\b1x2\b|\b1\s+x\s+2\b|\bmatch\s+(?:result|winner)\b|\bfull[\s-]?time\s+result\b|\bmoney\s?line\b|\bthree[\s-]way\b|\bresultado\s+(?:final|1x2|del\s+partido)\b|\bmercado\s+(?:de\s+)?(?:resultado|ganador)\b/, false],
  ['1x2', /\b(?:winner|result|resultado|ganador)\b/, true],
  ['over_under', /\bover\s*\/\s*under\b|\bover[\s-]+under\b|\bunder\s*\/\s*over\b|\bo\s*\/\s*u\b|\b(?:over|under)\s+\d+(?:[.,]\d+)?\b|\b(?:mas|menos)\s+de\s+\d+(?:[.,]\d+)?\s*(?:goles|goals|puntos|points|tantos|gol)\b|\btotal\s+(?:de\s+)?(?:goals|goles|points|puntos)\b|\baltas?\s*(?:y|\/)\s*bajas?\b|\bmas\s*\/\s*menos\b|\b\d+(?:[.,]\d+)?\s+(?:goals|goles)\b/, false],
  ['over_under', /\b(?:goals|goles|totals?|over|under)\b/, true],
  ['btts', /\bbtts\b|\bboth\s+(?:teams?|sides)\s+(?:to\s+)?(?:score|scoring|net|find\s+the\s+net)\b|\bambos\s+(?:equipos\s+)?(?:marcan|anotan|marquen|anoten)\b|\bgol\s+(?:y|de\s+ambos)\b|\bgg\b|\bamb(?:o|a)s\s+marcan\b/, false],
  ['double_chance', /\bdouble\s+chance\b|\bdoble\s+(?:oportunidad|chance)\b|\b(?:1x|x2)\b/, false],
  ['handicap', /\bhandicaps?\b|\bspread\b|\bhcp\b|\bah\s*[+-]\s*\d/, false],
];

// "the Champions League draw" / "a tough cup tie" are events, not the draw outcome.
const CUP_DRAW_RE =
  /(?:\b(?:cup|champions|league|copa|round|group|groups|knockout|quarter[\s-]?finals?|semi[\s-]?finals?|leg)|@tournament)\s+(?:draw|tie)\b|\b(?:draw|tie)\s+(?:for|of|in)\s+(?:the\s+)?(?:@tournament|cup|champions|round|group|knockout|quarter|semi)/;
const DRAW_RE =
  /\b(?:draw|draws|drawn|tie|tied|ties|empate|empates|empatan|empatar|empaten|empatado|empatados|stalemate)\b|\b(?:la|the|on|a|al|en)\s+x\b/;
const HOME_RE =
  /\bhome\s+(?:win|team|side|victory|wins)\b|\b(?:the|on|al|a)\s+home\b(?!\s+(?:and|or|y|o)\b)|\b(?:el|al|del|gana|ganar|gane|victoria|triunfo|equipo)\s+(?:el\s+)?local\b|\blocal\s+(?:gana|win)\b|\blocales\b/;
const AWAY_RE =
  /\baway\s+(?:win|team|side|victory|wins)\b|\b(?:the|on)\s+away\b|\b(?:el|al|del|gana|ganar|gane|victoria|triunfo|equipo)\s+(?:el\s+)?visitante\b|\bvisitantes?\b|\bvisitors?\b|\bvisiting\s+(?:team|side)\b|\b(?:gana|victoria\s+de)\s+la\s+visita\b/;

const RISK_PATTERNS: readonly [RiskProfile, RegExp][] = [
  ['accumulator', /\baccumulators?\b|\baccas?\b|\bparl[ae]ys?\b|\bcombinad[ao]s?\b|\bcombos?\b|\bmultiples?\b|\bmultibets?\b|\bbet\s*builders?\b|\btrebles?\b|\bapuesta\s+multiple\b/],
  ['underdog', /\bunderdogs?\b|\bupsets?\b|\blong\s*shots?\b|\boutsiders?\b|\bdark\s+horses?\b|\bsorpresas?\b|\bbatacazos?\b|\btapados?\b|\bno\s+favorit[oa]s?\b|\bmenos\s+favorit[oa]s?\b|\bcuotas?\s+altas?\b|\bhigh\s+odds\b|\bbig\s+odds\b|\barriesgad[ao]s?\b|\brisky\b|\bhigh[\s-]risk\b/],
  ['value', /\bvalue\b|\bvalor\b|\bgood\s+odds\b|\bbuenas?\s+cuotas?\b|\bgood\s+price\b|\bwell\s+priced\b|\bmispriced\b|\bunderpriced\b|\bworth\s+(?:it|a\s+bet|betting|the\s+risk)\b|\bvale\s+la\s+pena\b|\bmerece\s+la\s+pena\b|\bbuena\s+cuota\b|\bcuota\s+interesante\b/],
  ['safest', /\bsafe(?:st|r)?\b|\bsure\s+(?:bet|thing|win|pick)s?\b|\blow(?:est)?[\s-]risk\b|\bleast\s+risky\b|\bbankers?\b|\ba\s+lock\b|\bseguras?\b|\bseguros?\b|\bsin\s+riesgos?\b|\bbajo\s+riesgo\b|\bmenos\s+riesg\w*\b|\buna\s+fija\b|\bfijas?\b|\bsegurit[ao]s?\b|\bconfiables?\b|\bno\s+falla\b|\bcasi\s+segur\w*\b|\bmost\s+likely\s+(?:bet|win|to\s+win)\b|\bmas\s+probable\b/],
];

export function extractMarkets(text: string): Market[] {
  const out: Market[] = [];
  const context = BETTING_CONTEXT_RE.test(text);
  for (const [market, re, needsContext] of MARKET_PATTERNS) {
    if (out.includes(market)) continue;
    if (needsContext && !context) continue;
    if (re.test(text)) out.push(market);
  }
  return out;
}

/** Explicit outcome words; the picked-team route to an outcome is handled by the caller. */
export function extractOutcome(text: string): Outcome | undefined {
  if (DRAW_RE.test(text) && !CUP_DRAW_RE.test(text)) return 'draw';
  if (HOME_RE.test(text)) return 'home';
  if (AWAY_RE.test(text)) return 'away';
  return undefined;
}

export function extractRiskProfile(text: string): RiskProfile | undefined {
  for (const [profile, re] of RISK_PATTERNS) if (re.test(text)) return profile;
  return undefined;
}

/** Every pattern above, exposed so their keywords can seed typo correction. */
export const BETTING_TERM_PATTERNS: readonly RegExp[] = [
  BETTING_CONTEXT_RE,
  ...MARKET_PATTERNS.map(([, re]) => re),
  DRAW_RE,
  HOME_RE,
  AWAY_RE,
  ...RISK_PATTERNS.map(([, re]) => re),
];
