import type { Market, Outcome, RiskProfile } from './nlu.types.js';

/** Joins alternatives into one pattern, so long bilingual rules read one phrase per line. */
function rx(...alternatives: string[]): RegExp {
  return new RegExp(alternatives.join('|'));
}

/** Words that make "winner", "result" or "goals" read as a betting market rather than small talk. */
export const BETTING_CONTEXT_RE = rx(
  String.raw`\b(?:odds?|bets?|betting|apuest\w*|apost\w*|cuotas?|momios?|markets?|mercados?|lines?|pays?|payout)\b`,
  String.raw`\b(?:paga\w*|stake|wager|back|price|precio|over|under|mas\s+de|menos\s+de)\b`,
  String.raw`@amount`,
);

const MARKET_PATTERNS: readonly [Market, RegExp, boolean][] = [
  // [market, pattern, needsBettingContext]
  ['1x2', rx(
    String.raw`\b1x2\b`,
    String.raw`\b1\s+x\s+2\b`,
    String.raw`\bmatch\s+(?:result|winner)\b`,
    String.raw`\bfull[\s-]?time\s+result\b`,
    String.raw`\bmoney\s?line\b`,
    String.raw`\bthree[\s-]way\b`,
    String.raw`\bresultado\s+(?:final|1x2|del\s+partido)\b`,
    String.raw`\bmercado\s+(?:de\s+)?(?:resultado|ganador)\b`,
  ), false],
  ['1x2', /\b(?:winner|result|resultado|ganador)\b/, true],
  ['over_under', rx(
    String.raw`\bover\s*\/\s*under\b`,
    String.raw`\bover[\s-]+under\b`,
    String.raw`\bunder\s*\/\s*over\b`,
    String.raw`\bo\s*\/\s*u\b`,
    String.raw`\b(?:over|under)\s+\d+(?:[.,]\d+)?\b`,
    String.raw`\b(?:mas|menos)\s+de\s+\d+(?:[.,]\d+)?\s*(?:goles|goals|puntos|points|tantos|gol)\b`,
    String.raw`\btotal\s+(?:de\s+)?(?:goals|goles|points|puntos)\b`,
    String.raw`\baltas?\s*(?:y|\/)\s*bajas?\b`,
    String.raw`\bmas\s*\/\s*menos\b`,
    String.raw`\b\d+(?:[.,]\d+)?\s+(?:goals|goles)\b`,
  ), false],
  ['over_under', /\b(?:goals|goles|totals?|over|under)\b/, true],
  ['btts', rx(
    String.raw`\bbtts\b`,
    String.raw`\bboth\s+(?:teams?|sides)\s+(?:to\s+)?(?:score|scoring|net|find\s+the\s+net)\b`,
    String.raw`\bambos\s+(?:equipos\s+)?(?:marcan|anotan|marquen|anoten)\b`,
    String.raw`\bgol\s+(?:y|de\s+ambos)\b`,
    String.raw`\bgg\b`,
    String.raw`\bamb(?:o|a)s\s+marcan\b`,
    String.raw`\b(?:marcan|anotan|marcaran|anotaran|marquen|anoten)\s+(?:los\s+)?(?:dos|ambos)(?:\s+equipos)?\b`,
    String.raw`\bwill\s+both\s+(?:teams?|sides)\s+score\b`,
  ), false],
  ['double_chance', /\bdouble\s+chance\b|\bdoble\s+(?:oportunidad|chance)\b|\b(?:1x|x2)\b/, false],
  ['handicap', /\bhandicaps?\b|\bspread\b|\bhcp\b|\bah\s*[+-]\s*\d|@team\s+[+-]\s?\d+(?:[.,]5)\b/, false],
];

// "the Champions League draw" / "a tough cup tie" are events, not the draw outcome.
const CUP_DRAW_RE = rx(
  String.raw`(?:\b(?:cup|champions|league|copa|round|group|groups|knockout|quarter[\s-]?finals?|semi[\s-]?finals?|leg)|@tournament)\s+(?:draw|tie)\b`,
  String.raw`\b(?:draw|tie)\s+(?:for|of|in)\s+(?:the\s+)?(?:@tournament|cup|champions|round|group|knockout|quarter|semi)`,
);
const DRAW_RE = rx(
  String.raw`\b(?:draw|draws|drawn|tie|tied|ties|empate|empates|empatan|empatar|empaten|empatado|empatados)\b`,
  String.raw`\b(?:stalemate)\b`,
  String.raw`\b(?:la|the|on|a|al|en)\s+x\b`,
);
const HOME_RE = rx(
  String.raw`\bhome\s+(?:win|team|side|victory|wins)\b`,
  String.raw`\b(?:the|on|al|a)\s+home\b(?!\s+(?:and|or|y|o)\b)`,
  String.raw`\b(?:el|al|del|gana|ganar|gane|victoria|triunfo|equipo)\s+(?:el\s+)?local\b`,
  String.raw`\blocal\s+(?:gana|win)\b`,
  String.raw`\blocales\b`,
);
const AWAY_RE = rx(
  String.raw`\baway\s+(?:win|team|side|victory|wins)\b`,
  String.raw`\b(?:the|on)\s+away\b`,
  String.raw`\b(?:el|al|del|gana|ganar|gane|victoria|triunfo|equipo)\s+(?:el\s+)?visitante\b`,
  String.raw`\bvisitantes?\b`,
  String.raw`\bvisitors?\b`,
  String.raw`\bvisiting\s+(?:team|side)\b`,
  String.raw`\b(?:gana|victoria\s+de)\s+la\s+visita\b`,
);

const RISK_PATTERNS: readonly [RiskProfile, RegExp][] = [
  ['accumulator', rx(
    String.raw`\baccumulators?\b`,
    String.raw`\baccas?\b`,
    String.raw`\bparl[ae]ys?\b`,
    String.raw`\bcombinad[ao]s?\b`,
    String.raw`\bcombos?\b`,
    String.raw`\bmultiples?\b`,
    String.raw`\bmultibets?\b`,
    String.raw`\bbet\s*builders?\b`,
    String.raw`\btrebles?\b`,
    String.raw`\bapuesta\s+multiple\b`,
  )],
  ['underdog', rx(
    String.raw`\bunderdogs?\b`,
    String.raw`\bupsets?\b`,
    String.raw`\blong\s*shots?\b`,
    String.raw`\boutsiders?\b`,
    String.raw`\bdark\s+horses?\b`,
    String.raw`\bsorpresas?\b`,
    String.raw`\bbatacazos?\b`,
    String.raw`\btapados?\b`,
    String.raw`\bno\s+favorit[oa]s?\b`,
    String.raw`\bmenos\s+favorit[oa]s?\b`,
    String.raw`\bcuotas?\s+altas?\b`,
    String.raw`\bhigh\s+odds\b`,
    String.raw`\bbig\s+odds\b`,
    String.raw`\barriesgad[ao]s?\b`,
    String.raw`\brisky\b`,
    String.raw`\bhigh[\s-]risk\b`,
  )],
  ['value', rx(
    String.raw`\bvalue\b`,
    String.raw`\bvalor\b`,
    String.raw`\bgood\s+odds\b`,
    String.raw`\bbuenas?\s+cuotas?\b`,
    String.raw`\bgood\s+price\b`,
    String.raw`\bwell\s+priced\b`,
    String.raw`\bmispriced\b`,
    String.raw`\bunderpriced\b`,
    String.raw`\bworth\s+(?:it|a\s+bet|betting|the\s+risk)\b`,
    String.raw`\bvale\s+la\s+pena\b`,
    String.raw`\bmerece\s+la\s+pena\b`,
    String.raw`\bbuena\s+cuota\b`,
    String.raw`\bcuota\s+interesante\b`,
  )],
  ['safest', rx(
    String.raw`\bsafe(?:st|r)?\b`,
    String.raw`\bsure\s+(?:bet|thing|win|pick)s?\b`,
    String.raw`\blow(?:est)?[\s-]risk\b`,
    String.raw`\bleast\s+risky\b`,
    String.raw`\bbankers?\b`,
    String.raw`\ba\s+lock\b`,
    String.raw`\bseguras?\b`,
    String.raw`\bseguros?\b`,
    String.raw`\bsin\s+riesgos?\b`,
    String.raw`\bbajo\s+riesgo\b`,
    String.raw`\bmenos\s+riesg\w*\b`,
    String.raw`\buna\s+fija\b`,
    String.raw`\bfijas?\b`,
    String.raw`\bsegurit[ao]s?\b`,
    String.raw`\bconfiables?\b`,
    String.raw`\bno\s+falla\b`,
    String.raw`\bcasi\s+segur\w*\b`,
    String.raw`\bmost\s+likely\s+(?:bet|win|to\s+win)\b`,
    String.raw`\bmas\s+probable\b`,
  )],
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
