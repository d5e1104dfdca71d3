import type { UngroundedNumber } from './grounding.types.js';

/**
 * What the model is told when the strict policy asks it to rewrite an answer once: which figures
 * the data does not back, the right ones where known, and that only the tool results may be quoted.
 */
export function rewriteRequest(flags: readonly UngroundedNumber[]): string {
  const lines = flags.map((f) => (f.expected ? `- "${f.text}" is wrong: the data says "${f.expected}".` : `- "${f.text}" is not in the data: leave it out.`));
  return [
    'Your last answer quoted figures that the tool results of this turn do not contain:',
    ...lines,
    'Write the whole answer again, in the same language and style, quoting every price, probability, amount, score, date and time exactly as the tool results give them. Do not call tools. Do not mention this correction.',
  ].join('\n');
}
