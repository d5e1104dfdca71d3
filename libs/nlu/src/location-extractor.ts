/**
 * Where the user says they are, or asks the time in: "I'm in New York this week", "estoy en
 * Bogotá", "what time is that in London?". The city gives the time zone the answer should use; its
 * words are not read as a team (New York is not the Knicks here).
 */

// Cities people name when they say where they watch from, by their accent-free, lower-case names.
const CITY_ZONES: Record<string, string> = {
  'new york': 'America/New_York', 'nueva york': 'America/New_York', nyc: 'America/New_York', boston: 'America/New_York',
  miami: 'America/New_York', washington: 'America/New_York', toronto: 'America/Toronto', chicago: 'America/Chicago',
  dallas: 'America/Chicago', houston: 'America/Chicago', denver: 'America/Denver', 'los angeles': 'America/Los_Angeles',
  'san francisco': 'America/Los_Angeles', seattle: 'America/Los_Angeles', 'mexico city': 'America/Mexico_City',
  'ciudad de mexico': 'America/Mexico_City', cdmx: 'America/Mexico_City', mexico: 'America/Mexico_City',
  guadalajara: 'America/Mexico_City', monterrey: 'America/Monterrey', bogota: 'America/Bogota', medellin: 'America/Bogota',
  lima: 'America/Lima', quito: 'America/Guayaquil', caracas: 'America/Caracas', santiago: 'America/Santiago',
  'buenos aires': 'America/Argentina/Buenos_Aires', montevideo: 'America/Montevideo', 'sao paulo': 'America/Sao_Paulo',
  'rio de janeiro': 'America/Sao_Paulo', london: 'Europe/London', londres: 'Europe/London', manchester: 'Europe/London',
  liverpool: 'Europe/London', dublin: 'Europe/Dublin', lisbon: 'Europe/Lisbon', lisboa: 'Europe/Lisbon', madrid: 'Europe/Madrid',
  barcelona: 'Europe/Madrid', sevilla: 'Europe/Madrid', seville: 'Europe/Madrid', valencia: 'Europe/Madrid', paris: 'Europe/Paris',
  berlin: 'Europe/Berlin', munich: 'Europe/Berlin', rome: 'Europe/Rome', roma: 'Europe/Rome', milan: 'Europe/Rome', milano: 'Europe/Rome',
  amsterdam: 'Europe/Amsterdam', athens: 'Europe/Athens', atenas: 'Europe/Athens', istanbul: 'Europe/Istanbul', estambul: 'Europe/Istanbul',
  moscow: 'Europe/Moscow', dubai: 'Asia/Dubai', tokyo: 'Asia/Tokyo', tokio: 'Asia/Tokyo', sydney: 'Australia/Sydney', sidney: 'Australia/Sydney',
};

const CITY_ALT = Object.keys(CITY_ZONES)
  .sort((a, b) => b.length - a.length)
  .map((city) => city.replace(/ /g, '\\s+'))
  .join('|');

// Saying where one is, or whose time one keeps: the zone holds for the rest of the conversation.
const STAY_RE = new RegExp(
  [
    String.raw`\b(?:i'?m|i\s+am|im|we'?re|we\s+are|estoy|estamos|vivo|vivimos|live|living|based|watching|viendo|veo\s+el\s+partido)\s+(?:(?:this\s+week|esta\s+semana|now|ahora)\s+)?(?:in|en|from|desde)\s+(${CITY_ALT})\b`,
    String.raw`\b(?:i'?m|i\s+am|im|we'?re|we\s+are)\s+on\s+(${CITY_ALT})\s+time\b`,
    String.raw`\b(?:my|our|mi|nuestra)\s+(?:time\s*zone|timezone|zona\s+horaria|huso\s+horario|hora)\s+(?:is|es)\s+(?:the\s+|la\s+)?(?:(?:one\s+)?of\s+|de\s+)?(${CITY_ALT})\b`,
    String.raw`\b(?:uso|tengo)\s+(?:la\s+)?hora\s+de\s+(${CITY_ALT})\b`,
  ].join('|'),
  'g',
);
// A zone given by its IANA name ("my time zone is America/Bogota", "zona horaria: Europe/Madrid").
const IANA_RE = /\b(?:time\s*zone|timezone|zona\s+horaria|huso\s+horario|tz)\s*(?:is|es|:|=)?\s*((?:africa|america|antarctica|asia|atlantic|australia|europe|indian|pacific)\/[a-z_]+(?:\/[a-z_]+)?|utc)\b/g;

/** The canonical spelling of an IANA zone typed in any case, or undefined when there is none such. */
function canonicalZone(typed: string): string | undefined {
  try {
    return new Intl.DateTimeFormat('en', { timeZone: typed }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}
// Asking the time somewhere: this answer only.
const ASK_RE = new RegExp(
  String.raw`\b(?:what\s+time\s+is\s+(?:that|it|the\s+\w+)\s+in|in\s+(?=(?:${CITY_ALT})\s+time\b)|(?:que|a\s+que)\s+hora\s+(?:es\s+|sera\s+)?(?:eso\s+|el\s+partido\s+)?en|hora\s+de)\s+(${CITY_ALT})\b`,
  'g',
);

export interface LocationMatch {
  city: string;
  timeZone: string;
  /** True when the user says they are there; false when they only ask the time there. */
  stays: boolean;
  /** Character span of the city name in the normalised text. */
  start: number;
  end: number;
}

export function extractLocation(normalized: string): LocationMatch | undefined {
  for (const m of normalized.matchAll(IANA_RE)) {
    const timeZone = canonicalZone(m[1]);
    if (timeZone === undefined) continue;
    const end = (m.index ?? 0) + m[0].length;
    return { city: timeZone, timeZone, stays: true, start: end - m[1].length, end };
  }
  for (const [re, stays] of [[STAY_RE, true], [ASK_RE, false]] as const) {
    for (const m of normalized.matchAll(re)) {
      const found = m.slice(1).find((group) => group !== undefined);
      if (found === undefined) continue;
      const city = found.replace(/\s+/g, ' ');
      const timeZone = CITY_ZONES[city];
      if (!timeZone) continue;
      const start = (m.index ?? 0) + m[0].lastIndexOf(found);
      return { city, timeZone, stays, start, end: start + found.length };
    }
  }
  return undefined;
}
