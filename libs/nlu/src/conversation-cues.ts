import type { Ask, Sport } from './nlu.types.js';

/**
 * Cues that steer an answer without changing its intent: a verdict asked for, a sport named, a
 * demand for certainty, a topic outside betting. They read the skeleton (normalised, accent-free,
 * entities replaced by @team/@tournament/@amount).
 */

function rx(...alternatives: string[]): RegExp {
  return new RegExp(alternatives.join('|'));
}

// Asks, tried in this order: "why those?" and "more" are about the previous answer, so they are
// read before the verdicts.
const ASK_PATTERNS: readonly [Ask, RegExp][] = [
  ['explain', rx(
    String.raw`^\W*(?:and\s+|y\s+)?(?:why|how\s+come|por\s*que|porque)\b(?!.*@team\s+(?:play|juega))`,
    String.raw`\b(?:why\s+(?:those|these|them|that|this|it|him)|explain(?:\s+(?:it|that|why|the\s+reasons?))?|reasons?\s+(?:behind|for)|what\s+makes\s+(?:it|them|those|that))\b`,
    String.raw`\b(?:por\s*que\s+(?:esas?|esos?|esta|este|eso|ellos|ellas)|explica(?:me|lo|melo)?|en\s+que\s+te\s+basas|razon(?:es)?)\b`,
  )],
  ['more', rx(
    String.raw`^\W*(?:(?:show|give|list|tell)\s+(?:me\s+)?|any\s+|and\s+|ok\s+)?(?:some\s+|the\s+)?(?:more|others|rest|next(?:\s+(?:page|ones|few))?)(?:\s+(?:please|pls|matches|games|fixtures|ones|of\s+them))?\W*$`,
    String.raw`\b(?:show|give|list)\s+(?:me\s+)?(?:more|the\s+rest|the\s+others|other\s+(?:matches|games))\b`,
    String.raw`^\W*(?:y\s+)?(?:muestrame\s+|dame\s+|ensename\s+|pon\s+)?(?:mas|los\s+demas|el\s+resto|otros|siguientes|mas\s+partidos|la\s+siguiente\s+pagina)(?:\s+(?:por\s+favor|porfa|partidos))?\W*$`,
    String.raw`\b(?:muestrame|dame|ensename)\s+(?:mas|el\s+resto|los\s+demas|otros)\b`,
    String.raw`\b(?:hay\s+mas|any\s+more|what\s+else)\b`,
  )],
  ['value', rx(
    String.raw`\b(?:any|some|is\s+there|there\s+any)\s+value\b`,
    String.raw`\bvalue\s+(?:in|on|bet)\b`,
    String.raw`\b(?:is|are)\s+(?:it|that|the\s+\w+|@team|this)\s+(?:a\s+)?(?:good\s+)?value\b`,
    String.raw`\bworth\s+(?:it|a\s+bet|backing|betting)\b`,
    String.raw`\bhay\s+valor\b|\btiene\s+valor\b|\bvale\s+la\s+pena\b|\bmerece\s+la\s+pena\b|\b(?:es|son)\s+(?:una\s+)?(?:buena\s+)?(?:apuesta\s+de\s+)?valor\b`,
  )],
  ['favourite', rx(
    String.raw`\bfavou?rites?\b|\bfav(?:ou?red|ored|s)?\b`,
    String.raw`\bfavorit[oa]s?\b`,
    String.raw`\bwho(?:'ll|'s|\s+will|\s+is\s+going\s+to|\s+do\s+you\s+think\s+will)?\s+wins?\b(?!\s+(?:the\s+)?(?:league|title|liga|cup))`,
    String.raw`\b(?:should\s+i\s+(?:back|bet\s+on|go\s+with)|which\s+(?:one|team|side)\s+(?:should\s+i|to)\s+(?:back|bet\s+on))\b`,
    String.raw`\bquien\s+(?:gana(?:ra)?|va\s+a\s+ganar)\b(?!\s+(?:la\s+)?(?:liga|copa|champions))`,
    String.raw`\bwho\s+(?:takes|wins|gets|will\s+take|'?ll\s+take|is\s+taking|takes\s+home)\s+(?:it|this|that|this\s+one|the\s+(?:game|match|tie))\b`,
    String.raw`\bquien\s+(?:se\s+lo\s+lleva|se\s+la\s+lleva|se\s+impone|se\s+lleva\s+(?:el|los)\s+(?:partido|puntos))\b`,
    String.raw`\b(?:sale|parte)\s+(?:de|como)\s+favorit`,
    String.raw`\b(?:a\s+quien\s+le\s+(?:apuesto|voy)|por\s+quien\s+apuesto)\b`,
    String.raw`\b(?:who(?:'s|\s+is)|which\s+(?:team|side)\s+is)\s+(?:more\s+)?(?:likely|expected)\s+to\s+win\b`,
    String.raw`\b(?:who|which\s+(?:team|side))\s+(?:do\s+)?(?:the\s+)?(?:bookies|bookmakers|odds|markets?)\s+(?:fancy|favou?r|like|prefer)\b`,
    String.raw`\bquien\s+(?:parte\s+como|sale\s+como|tiene\s+mas\s+(?:opciones|posibilidades))\b`,
  )],
];

const SPORT_PATTERNS: readonly [Sport, RegExp][] = [
  ['basketball', /\b(?:basketball|baloncesto|basket|basquet|basquetbol|nba|euroleague|euroliga|acb|hoops?|canastas?)\b/],
  ['football', /\b(?:football|soccer|futbol|futbol\s+soccer|balompie)\b/],
];

const CERTAINTY_RE = rx(
  String.raw`\b(?:guarantee[ds]?|guaranteeing|sure[\s-](?:win|thing|bet|fire)|can'?t\s+lose|cannot\s+lose|risk[\s-]free|no[\s-]risk|100\s*%|certain\s+(?:win|bet)|lock\s+of\s+the\s+(?:day|week)|dead\s+cert)\b`,
  String.raw`\b(?:gana\w*|win|wins|will\s+win)\s+(?:(?:el|the)\s+\w+\s+)?(?:segur[oa]|seguro\s+que|for\s+sure|for\s+certain|no\s+matter\s+what)\b|\bseguro\s+que\s+gana\w*`,
  String.raw`\b(?:garantiza\w*|asegur\w*|segur[oa]s?\s+(?:que\s+gan\w*|al\s+100)|apuesta\s+segura|apuestas\s+seguras|sin\s+riesgo|no\s+puedo\s+perder|un\s+fijo|fij[oa]s?\s+(?:seguro|del\s+dia|pa|para)|que\s+no\s+falle|no\s+falla|100\s+por\s+ciento)\b`,
);

// Chasing losses: a warning sign that gets a responsible-gambling answer, never a tip.
const CHASING_RE = rx(
  String.raw`\b(?:win\s+(?:it\s+)?back|chase|chasing|recover|make\s+up\s+for)\b.*\b(?:lost|losses|loss)\b|\b(?:lost|losses)\b.*\b(?:win\s+(?:it\s+)?back|recover)\b`,
  String.raw`\b(?:recuperar|recupero|remontar)\b.*\b(?:perdi\w*|perdido|perdidas?)\b|\b(?:perdi|perdido)\b.*\brecuper\w*`,
);

// Topics people raise that the assistant does not cover; read only when the message has no betting
// word or stake (a city in "weather in Madrid" also names a club, so teams do not count).
const OFF_TOPIC_RE = rx(
  String.raw`\b(?:restaurants?|hotels?|flights?|where\s+to\s+eat|places?\s+to\s+(?:eat|stay|visit)|tickets?\s+(?:to|for)\s+(?:a\s+)?(?:concert|show)|weather|forecast\s+for\s+(?:today|tomorrow)|rain(?:ing)?|snow(?:ing)?|temperature|politics?|president|election|recipes?|cook(?:ing)?|jokes?|poem|song|movie|film|news|stock(?:s|\s+market)|bitcoin|crypto|homework|translate|capital\s+of)\b`,
  String.raw`\b(?:restaurantes?|hoteles?|hotel|vuelos?|donde\s+comer|sitios?\s+(?:para|donde)\s+(?:comer|cenar|dormir)|(?:que|el)\s+tiempo\s+(?:hace|hara|va\s+a\s+hacer)|tiempo\s+(?:hace|en|que\s+hace)|clima|llover|llueve|lluvia|nevar|temperatura|politic[ao]s?|presidente|elecciones|recetas?|cocinar|chistes?|poema|cancion|pelicula|noticias|bolsa|bitcoin|cripto\w*|deberes|traduce|capital\s+de)\b`,
);

// A short reply that only names a sport, correcting the question before ("no, the basketball one").
const SPORT_WORD = String.raw`(?:basketball|baloncesto|basket|basquet|nba|euroleague|euroliga|acb|football|soccer|futbol)`;
const SPORT_CORRECTION_RE = rx(
  String.raw`^\W*(?:no|nope|nah|not|sorry|i\s+mean|i\s+meant|i\s+said|me\s+refiero|quiero\s+decir|digo|perdon)\b`,
  String.raw`^\W*(?:and\s+|what\s+about\s+|y\s+)?(?:the\s+|in\s+|en\s+)?${SPORT_WORD}(?:\s+(?:team|club|one|side|section))?\W*$`,
  String.raw`\bthe\s+${SPORT_WORD}\s+(?:team|club|one|side|section)\b`,
  String.raw`^\W*(?:y\s+)?(?:el|la|los)\s+(?:equipo\s+|club\s+)?de\s+${SPORT_WORD}`,
);
const MAX_CORRECTION_WORDS = 10;

/** Whether a message without teams only corrects the sport of the previous question. */
export function detectSportCorrection(skeleton: string): boolean {
  return SPORT_CORRECTION_RE.test(skeleton) && detectSport(skeleton) !== undefined && skeleton.split(/\s+/).length <= MAX_CORRECTION_WORDS && !/@(?:team|tournament|amount)/.test(skeleton);
}

/** The regex sources here, so their words are known to the typo corrector and never rewritten. */
export const CUE_PATTERNS: readonly RegExp[] = [...ASK_PATTERNS.map(([, re]) => re), ...SPORT_PATTERNS.map(([, re]) => re), CERTAINTY_RE, CHASING_RE, OFF_TOPIC_RE, SPORT_CORRECTION_RE];

export function detectAsk(skeleton: string): Ask | undefined {
  return ASK_PATTERNS.find(([, pattern]) => pattern.test(skeleton))?.[0];
}

export function detectSport(skeleton: string): Sport | undefined {
  return SPORT_PATTERNS.find(([, pattern]) => pattern.test(skeleton))?.[0];
}

export function detectCertainty(skeleton: string): boolean {
  return CERTAINTY_RE.test(skeleton);
}

export function detectChasingLosses(skeleton: string): boolean {
  return CHASING_RE.test(skeleton);
}

export function detectOffTopic(skeleton: string, aboutBetting: boolean): boolean {
  return !aboutBetting && OFF_TOPIC_RE.test(skeleton);
}
