import type { Language } from '../../shared/conversation-types.js';
import type { TurnFocus } from '../../shared/turn-focus.js';
import type { ResultOf, ToolName } from '../../tools/tool-result-map.js';

/** What an answer is written for: the user's message, what it was about, and how to word it. */
export interface RenderContext {
  message: string;
  focus: TurnFocus;
  language: Language;
  timeZone: string;
}

/** Every successful result of the turn, the rendered one included, in call order. */
export interface TurnResults {
  all<N extends ToolName>(name: N): ResultOf<N>[];
}

/** Writes the answer for one tool's result. */
export type Renderer<R> = (result: R, ctx: RenderContext, siblings: TurnResults) => string;

export type RendererRegistry = { [N in ToolName]: Renderer<ResultOf<N>> };
