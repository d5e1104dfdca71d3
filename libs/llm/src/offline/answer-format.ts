import { normalizeName, TOURNAMENTS } from '@app/sports-data';
import type { Language } from '../shared/conversation-types.js';

/** Number, money and date wording shared by the offline answers. */

const SYMBOLS: Record<string, string> = { EUR: '€', USD: '$', GBP: '£' };

const dateFormats = new Map<string, Intl.DateTimeFormat>();

function format(language: Language, timeZone: string, kind: 'long' | 'short' | 'time' | 'day'): Intl.DateTimeFormat {
  const key = `${language}|${timeZone}|${kind}`;
  let formatter = dateFormats.get(key);
  if (!formatter) {
    const locale = language === 'es' ? 'es-ES' : 'en-GB';
    const options: Intl.DateTimeFormatOptions =
      kind === 'long'
        ? { weekday: 'long', day: 'numeric', month: 'long' }
        : kind === 'short'
          ? { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }
          : kind === 'day'
            ? { day: 'numeric', month: 'short' }
            : { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
    formatter = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    dateFormats.set(key, formatter);
  }
  return formatter;
}

/** "on Saturday 28 November at 21:00" / "el sábado, 28 de noviembre, a las 21:00". */
export function kickoffPhrase(iso: string, timeZone: string, language: Language): string {
  const date = new Date(iso);
  const day = format(language, timeZone, 'long').format(date);
  const time = format(language, timeZone, 'time').format(date);
  return language === 'es' ? `el ${day}, a las ${time}` : `on ${day} at ${time}`;
}

/** "Sat 28 Nov, 21:00" / "sáb, 28 nov, 21:00". */
export function shortKickoff(iso: string, timeZone: string, language: Language): string {
  return format(language, timeZone, 'short').format(new Date(iso));
}

/** "28 Nov" / "28 nov", for a YYYY-MM-DD day. */
export function shortDay(day: string, language: Language): string {
  return format(language, 'UTC', 'day').format(new Date(`${day}T12:00:00.000Z`));
}

export function formatOdds(odds: number): string {
  return odds.toFixed(2);
}

export function formatPercent(probability: number): string {
  return `${(Math.round(probability * 1000) / 10).toFixed(1)}%`;
}

/** "€20.00" in English, "20.00 €" in Spanish; the decimal point is kept so amounts read the same as odds. */
export function formatMoney(amount: number, currency: string | null | undefined, language: Language): string {
  const code = (currency ?? 'EUR').toUpperCase();
  const symbol = SYMBOLS[code];
  const value = amount.toFixed(2);
  if (!symbol) return `${value} ${code}`;
  return language === 'es' ? `${value} ${symbol}` : `${symbol}${value}`;
}

let spanishByName: Map<string, string> | undefined;

/** Spanish names by any English name or alias ("UEFA Champions League", "UCL"), built on first use. */
function spanishNameOf(name: string): string | undefined {
  if (!spanishByName) {
    spanishByName = new Map();
    for (const t of TOURNAMENTS) {
      for (const key of [t.name, ...t.aliases].map(normalizeName)) if (!spanishByName.has(key)) spanishByName.set(key, t.nameEs);
    }
  }
  return spanishByName.get(normalizeName(name));
}

/**
 * The competition's Spanish name in Spanish answers ("Liga de Campeones", "Euroliga"; "LaLiga" and
 * "Premier League" as Spanish usage has them), found by its English name or any alias: a live
 * provider numbers competitions its own way and may call one "UEFA Champions League".
 */
export function competitionName(name: string, language: Language): string {
  return language === 'es' ? (spanishNameOf(name) ?? name) : name;
}

const COUNTRIES_ES: Record<string, string> = {
  Spain: 'España',
  England: 'Inglaterra',
  Italy: 'Italia',
  Germany: 'Alemania',
  France: 'Francia',
  Europe: 'Europa',
  USA: 'EE. UU.',
  International: 'Internacional',
  Netherlands: 'Países Bajos',
  Portugal: 'Portugal',
};

export function countryName(country: string, language: Language): string {
  return language === 'es' ? (COUNTRIES_ES[country] ?? country) : country;
}

export function joinList(items: string[], language: Language): string {
  if (items.length <= 1) return items.join('');
  const last = items[items.length - 1];
  return `${items.slice(0, -1).join(', ')} ${language === 'es' ? 'y' : 'and'} ${last}`;
}

export function staleNote(stale: boolean, ageSeconds: number | undefined, language: Language): string {
  if (!stale) return '';
  const minutes = ageSeconds === undefined ? undefined : Math.max(1, Math.round(ageSeconds / 60));
  if (language === 'es') {
    return `\n(Aviso: la fuente de datos no responde; estas cifras son de la última consulta correcta${minutes ? `, hace ${minutes} min` : ''}.)`;
  }
  return `\n(Note: the data source is not responding; these figures are from the last good update${minutes ? `, ${minutes} min ago` : ''}.)`;
}
