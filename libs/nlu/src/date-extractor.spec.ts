import { extractDates, zonedParts } from './date-extractor.js';
import type { Language } from './nlu.types.js';
import { normalizeText } from './text-normalizer.js';

// Wednesday 12 March 2025, midday in Madrid.
const WEDNESDAY = new Date('2025-03-12T11:00:00Z');
const range = (text: string, lang: Language, now = WEDNESDAY, tz = 'Europe/Madrid'): { from: string; to: string } | undefined => {
  const r = extractDates(normalizeText(text), lang, now, tz);
  return r ? { from: r.from, to: r.to } : undefined;
};

describe('extractDates', () => {
  it.each<[string, Language, string, string]>([
    ['matches today', 'en', '2025-03-12', '2025-03-12'],
    ['who plays tomorrow?', 'en', '2025-03-13', '2025-03-13'],
    ['games tonight', 'en', '2025-03-12', '2025-03-12'],
    ['does Barcelona play on Sunday?', 'en', '2025-03-16', '2025-03-16'],
    ['safest bet this weekend', 'en', '2025-03-15', '2025-03-16'],
    ['fixtures next week', 'en', '2025-03-17', '2025-03-23'],
    ['the day after tomorrow', 'en', '2025-03-14', '2025-03-14'],
    ['partidos de hoy', 'es', '2025-03-12', '2025-03-12'],
    ['¿juega el Madrid mañana?', 'es', '2025-03-13', '2025-03-13'],
    ['juega el domingo', 'es', '2025-03-16', '2025-03-16'],
    ['¿qué partidos hay este fin de semana?', 'es', '2025-03-15', '2025-03-16'],
    ['partidos de la próxima semana', 'es', '2025-03-17', '2025-03-23'],
    ['la proxima semana', 'es', '2025-03-17', '2025-03-23'],
    ['pasado mañana', 'es', '2025-03-14', '2025-03-14'],
    ['el finde', 'es', '2025-03-15', '2025-03-16'],
    ['hoy o mañana', 'es', '2025-03-12', '2025-03-13'],
  ])('%s → %s..%s', (text, lang, from, to) => {
    expect(range(text, lang)).toEqual({ from, to });
  });

  it('resolves the weekend from Saturday and from Sunday', () => {
    const saturday = new Date('2025-03-15T10:00:00Z');
    const sunday = new Date('2025-03-16T10:00:00Z');
    expect(range('this weekend', 'en', saturday)).toEqual({ from: '2025-03-15', to: '2025-03-16' });
    expect(range('este fin de semana', 'es', sunday)).toEqual({ from: '2025-03-16', to: '2025-03-16' });
    expect(range('next weekend', 'en', saturday)).toEqual({ from: '2025-03-22', to: '2025-03-23' });
  });

  it('uses the calendar day of the user time zone, not UTC', () => {
    // 23:30 UTC on Saturday is already Sunday in Madrid but still Saturday in New York.
    const lateSaturdayUtc = new Date('2025-03-15T23:30:00Z');
    expect(range('today', 'en', lateSaturdayUtc, 'Europe/Madrid')).toEqual({ from: '2025-03-16', to: '2025-03-16' });
    expect(range('today', 'en', lateSaturdayUtc, 'America/New_York')).toEqual({ from: '2025-03-15', to: '2025-03-15' });
    expect(range('tomorrow', 'en', lateSaturdayUtc, 'America/New_York')).toEqual({ from: '2025-03-16', to: '2025-03-16' });
    expect(range('this weekend', 'en', lateSaturdayUtc, 'Europe/Madrid')).toEqual({ from: '2025-03-16', to: '2025-03-16' });
  });

  it.each(['Barcelona vs Madrid at 20:00', 'over 2.5 goals', 'a las 9', 'I sat down', 'draw 1/2', 'who won in 2010'])(
    'finds no date in %s',
    (text) => {
      expect(range(text, 'en')).toBeUndefined();
    },
  );

  it('falls back to UTC for an unknown time zone', () => {
    expect(zonedParts(WEDNESDAY, 'Not/AZone').date).toEqual({ y: 2025, m: 3, d: 12 });
  });
});
