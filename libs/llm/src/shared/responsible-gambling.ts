import type { Language } from './conversation-types.js';

/** The line every recommendation carries, in the user's language. */
export function responsibleGamblingNote(language: Language): string {
  return language === 'es'
    ? 'Juega con responsabilidad: apuesta solo lo que puedas permitirte perder. Son estimaciones, no certezas; ninguna apuesta está libre de riesgo. Si necesitas ayuda: jugarbien.es.'
    : 'Bet responsibly: only stake what you can afford to lose. These are estimates, not certainties; no bet is free of risk. If you need help: begambleaware.org.';
}

/**
 * What a self-excluded user is told instead of suggestions or bets: no pressure, where to find help.
 * `until` is an ISO instant, or null for an exclusion without an end date.
 */
export function selfExclusionNote(language: Language, until: string | null): string {
  const day = until?.slice(0, 10);
  if (language === 'es') {
    return `Tu cuenta está autoexcluida del juego${day ? ` hasta el ${day}` : ''}, así que no te sugeriré apuestas ni podrás apostar. Si el juego te está causando problemas, puedes pedir ayuda gratuita y confidencial en jugarbien.es o begambleaware.org.`;
  }
  return `Your account is self-excluded from gambling${day ? ` until ${day}` : ''}, so I won't suggest bets and betting is off. If gambling is causing you problems, free and confidential help is available at begambleaware.org or jugarbien.es.`;
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
