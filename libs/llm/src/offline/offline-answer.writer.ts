import { isResultOf, typedToolResult, toolErrorOf, type ResultOf, type ToolName } from '../tools/tool-result-map.js';
import { staleNote } from './answer-format.js';
import { ANSWER_PRIORITY, RENDERERS, renderError, type RenderContext, type TurnResults } from './renderers/index.js';
import { timesNote } from './renderers/shared.js';

/** A tool call of this turn with its parsed JSON result. */
export interface ToolOutcome {
  name: string;
  args: Record<string, unknown>;
  result: Record<string, unknown>;
}

export interface WriteInput extends RenderContext {
  outcomes: ToolOutcome[];
}

/**
 * Writes the offline engine's answers from tool results with bilingual templates. Every figure it
 * prints is read from a result: odds, probabilities, money, dates. Nothing is estimated here.
 */
export class OfflineAnswerWriter {
  write(input: WriteInput): string {
    const { outcomes, ...ctx } = input;
    const failure = outcomes.map((o) => toolErrorOf(o.result)).find((error) => error !== undefined);
    const succeeded = outcomes.filter((o) => !toolErrorOf(o.result));
    // A refusal that protects the user (self-exclusion) is the answer, whatever else was priced.
    if (failure && (succeeded.length === 0 || REFUSALS.has(failure.error))) return renderError(failure, ctx);

    const results = turnResults(succeeded);
    const primary = ANSWER_PRIORITY.find((name) => results.all(name).length > 0);
    const text = withZone(supportNote(ctx) + (primary ? render(primary, ctx, results) : failure ? renderError(failure, ctx) : ''), ctx);

    // Any stale figure in the turn makes the whole answer stale: the answer may quote it.
    const stale = succeeded.map((o) => o.result).find((r) => r.stale);
    const ageSeconds = typeof stale?.ageSeconds === 'number' ? stale.ageSeconds : undefined;
    return text + staleNote(stale !== undefined, ageSeconds, ctx.language);
  }
}

const REFUSALS: ReadonlySet<string> = new Set(['SELF_EXCLUDED']);

/** The team the user just said they support, acknowledged before the answer. */
function supportNote({ focus, language }: RenderContext): string {
  const teams = focus.supports ?? [];
  if (teams.length === 0) return '';
  const names = teams.join(language === 'es' ? ' y ' : ' and ');
  return language === 'es'
    ? `Apuntado: ${names} es tu equipo. Lo recordaré y sus partidos saldrán primero en las listas.\n`
    : `Noted: ${names} is your team. I'll remember it and list their matches first.\n`;
}

const CLOCK_TIME_RE = /\b\d{1,2}:\d{2}\b/;

/** An answer that shows a kick-off time says which zone it is in, once. */
function withZone(text: string, ctx: RenderContext): string {
  return CLOCK_TIME_RE.test(text) && !text.includes(ctx.timeZone) ? `${text}\n${timesNote(ctx)}` : text;
}

function render<N extends ToolName>(name: N, ctx: RenderContext, results: TurnResults): string {
  return RENDERERS[name](results.all(name)[0], ctx, results);
}

function turnResults(outcomes: ToolOutcome[]): TurnResults {
  const typed = outcomes.map((o) => typedToolResult(o.name, o.result)).filter((r) => r !== undefined);
  return {
    all: <N extends ToolName>(name: N): ResultOf<N>[] => typed.filter((r) => isResultOf(name, r)).map((r) => r.result),
  };
}
