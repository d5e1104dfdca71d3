import type { Language } from './conversation-types.js';

/** The line every recommendation carries, in the user's language. */
export function responsibleGamblingNote(language: Language): string {
  return language === 'es'
    ? 'Juega con responsabilidad: apuesta solo lo que puedas permitirte perder. Son estimaciones, no certezas; ninguna apuesta está libre de riesgo. Si necesitas ayuda: jugarbien.es.'
    : 'Bet responsibly: only stake what you can afford to lose. These are estimates, not certainties; no bet is free of risk. If you need help: begambleaware.org.';
}

/**
 * Phrases that promise an outcome. Replies must never contain them, whatever the source of the
 * text, because no bet can be promised to win.
 */
export const FORBIDDEN_PROMISES: readonly RegExp[] = [
  /\bguarantee(?:d|s)?\b/i,
  /\bsure[- ](?:win|thing|bet)s?\b/i,
  /\bcan'?t lose\b/i,
  /\brisk[- ]free\b/i,
  /\bapuestas? segura?s?\b/i,
  /\bgarantizad[oa]s?\b/i,
  /\bgananci(?:a|as) segura?s?\b/i,
];
