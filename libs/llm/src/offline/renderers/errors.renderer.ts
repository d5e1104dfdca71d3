import { selfExclusionNote } from '../../shared/responsible-gambling.js';
import type { ToolErrorResult } from '../../tools/tool-results.js';
import { joinList } from '../answer-format.js';
import type { RenderContext } from './renderer.js';

/** A tool's error result; a self-exclusion also says until when. */
export type ToolFailure = ToolErrorResult & { until?: string | null };

type ErrorRenderer = (error: ToolFailure, ctx: RenderContext, suggestions: string) => string;

const unknownName =
  (en: string, es: string): ErrorRenderer =>
  (_error, { language }, suggestions) => {
    if (language === 'es') return `No encuentro ${es} en mis datos.${suggestions ? ` ¿Quizás te refieres a ${suggestions}?` : ''}`;
    return `I can't find ${en} in my data.${suggestions ? ` Did you mean ${suggestions}?` : ''}`;
  };

const fixed =
  (en: string, es: string): ErrorRenderer =>
  (_error, { language }) =>
    language === 'es' ? es : en;

const accountUnavailable = fixed(
  "I can't prepare bets for your account right now. Please log in again or try later.",
  'Ahora mismo no puedo preparar apuestas para tu cuenta. Inicia sesión de nuevo o inténtalo más tarde.',
);

const COVERAGE = {
  en: 'I cover La Liga, the Premier League, Serie A, the Bundesliga, Ligue 1, the Champions League, the NBA and the EuroLeague.',
  es: 'Cubro LaLiga, la Premier League, la Serie A, la Bundesliga, la Ligue 1, la Liga de Campeones, la NBA y la Euroliga.',
};

/** A name the user gave is quoted back, so it is clear which team is unknown; nothing else is listed. */
const unknownTeam: ErrorRenderer = (error, ctx, suggestions) => {
  const name = ctx.focus.unknownTeams?.[0];
  if (!name) return unknownName('that team', 'ese equipo')(error, ctx, suggestions);
  if (ctx.language === 'es') {
    return `No conozco ningún equipo llamado «${name}»: no está en las competiciones que cubro.${suggestions ? ` ¿Quizás te refieres a ${suggestions}?` : ''} ${COVERAGE.es}`;
  }
  return `I don't know a team called "${name}": it isn't in the competitions I cover.${suggestions ? ` Did you mean ${suggestions}?` : ''} ${COVERAGE.en}`;
};

/** Answers by error code; codes not listed get the generic "could not complete" answer. */
const ERROR_RENDERERS: Record<string, ErrorRenderer> = {
  UNKNOWN_TEAM: unknownTeam,
  UNKNOWN_TOURNAMENT: unknownName('that competition', 'esa competición'),
  NO_UPCOMING_MATCH: (_error, { language, focus }, suggestions) => {
    const teams = joinList(focus.teams, language);
    if (language === 'es') {
      const next = suggestions ? ` Próximos partidos: ${suggestions}.` : '';
      return `No encuentro un próximo partido${teams ? ` de ${teams}` : ''} en el calendario publicado (próximos 14 días).${next}`;
    }
    const next = suggestions ? ` Coming up instead: ${suggestions}.` : '';
    return `I can't find an upcoming match${teams ? ` for ${teams}` : ''} in the published schedule (the next 14 days).${next}`;
  },
  BETTING_CLOSED: fixed('Betting on that match is already closed.', 'Las apuestas para ese partido ya están cerradas.'),
  SELF_EXCLUDED: (error, { language }) => selfExclusionNote(language, error.until ?? null),
  STAKE_OUT_OF_RANGE: (error, { language }) =>
    language === 'es'
      ? 'Ese importe está fuera de los límites por apuesta de esta cuenta. Prueba con otro importe.'
      : `That stake is outside this account's limits per bet (${error.message}). Try another amount.`,
  BETTING_UNAVAILABLE: accountUnavailable,
  LOGIN_REQUIRED: accountUnavailable,
  BALANCE_UNAVAILABLE: fixed(
    "I can't check balances right now: the accounts service isn't available on this server.",
    'Ahora mismo no puedo consultar saldos: el servicio de cuentas no está disponible en este servidor.',
  ),
  UPSTREAM_UNAVAILABLE: fixed(
    "The sports data source isn't responding right now. Please try again in a few minutes.",
    'La fuente de datos deportivos no responde en este momento. Inténtalo de nuevo en unos minutos.',
  ),
  INVALID_QUERY: fixed('I only have predictions for football matches.', 'Solo tengo pronósticos para partidos de fútbol.'),
};

const renderOtherError: ErrorRenderer = (error, { language }) =>
  language === 'es'
    ? 'No he podido completar esa consulta. ¿Puedes reformularla, por ejemplo con los equipos y el importe?'
    : `I couldn't complete that request (${error.message}). Could you rephrase it, for example with the teams and the amount?`;

/** The answer when a tool failed and nothing else can be shown. */
export function renderError(error: ToolFailure, ctx: RenderContext): string {
  const suggestions = error.suggestions?.length ? joinList(error.suggestions.map((s) => `"${s}"`), ctx.language) : '';
  const render = Object.hasOwn(ERROR_RENDERERS, error.error) ? ERROR_RENDERERS[error.error] : renderOtherError;
  return render(error, ctx, suggestions);
}
