import type { Language } from '../shared/conversation-types.js';

/** Normalised characters that, found verbatim in the instructions, count as a leak (about six to eight words). */
export const LEAK_WINDOW = 40;
/**
 * A streamed answer whose end matches this many normalised characters of the instructions is held
 * back until it either stops matching or becomes a leak, so at most this many characters of a
 * leaked passage can reach the client before it is stopped. Shorter matches ("the odds", "one
 * short") are everyday words and pass at once, so ordinary streaming is unchanged.
 */
export const HOLD_FROM = 16;

const NOTICE: Record<Language, string> = {
  en: "I can't share my internal instructions. I can help with fixtures, odds, predictions and bet calculations.",
  es: 'No puedo compartir mis instrucciones internas. Puedo ayudarte con partidos, cuotas, pronósticos y cálculos de apuestas.',
};

/** What the user is told instead of an answer that started to quote the instructions. */
export function promptLeakNotice(language: Language): string {
  return NOTICE[language];
}

interface Normalised {
  text: string;
  /** For each character of `text`, the index in the raw string it comes from. */
  origin: number[];
}

/** Lower case, accents dropped, every run of other characters than letters and digits one space. */
function normalise(raw: string): Normalised {
  let text = '';
  const origin: number[] = [];
  for (let i = 0; i < raw.length; i++) {
    const folded = raw[i].normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
    for (const ch of folded) {
      if (/[\p{L}\p{N}]/u.test(ch)) {
        text += ch;
        origin.push(i);
      } else if (text.length > 0 && !text.endsWith(' ')) {
        text += ' ';
        origin.push(i);
      }
    }
  }
  return { text, origin };
}

/**
 * The part of a system message that must never be repeated: the instructions, without the data that
 * follows them (current time, conversation context, summary: the user's own conversation) and
 * without the betting-knowledge paragraph (facts an answer may rightly state in the same words).
 */
export function protectedInstructions(systemText: string): string {
  const kept: string[] = [];
  for (const paragraph of systemText.split(/\n\s*\n/)) {
    const start = paragraph.trimStart();
    if (/^(Current time:|Conversation context|Summary of the earlier conversation|<conversation_)/.test(start)) break;
    if (/^Betting knowledge:/.test(start)) continue;
    kept.push(paragraph);
  }
  return kept.join('\n');
}

/** The instructions prepared for matching; built once per distinct text. */
class ProtectedText {
  readonly text: string;
  private readonly windows = new Set<string>();

  constructor(instructions: string) {
    this.text = normalise(instructions).text;
    for (let i = 0; i + LEAK_WINDOW <= this.text.length; i++) this.windows.add(this.text.slice(i, i + LEAK_WINDOW));
  }

  /** Where the first window of `text` starting at or after `from` that is part of the instructions starts, or -1. */
  firstWindow(text: string, from: number): number {
    for (let i = Math.max(0, from); i + LEAK_WINDOW <= text.length; i++) {
      if (this.windows.has(text.slice(i, i + LEAK_WINDOW))) return i;
    }
    return -1;
  }

  /** Length of the longest end of `text` (shorter than a window) found in the instructions. */
  longestSuffix(text: string): number {
    // If an end of length k is in the instructions, so is every shorter end: search the boundary.
    let low = 0;
    let high = Math.min(LEAK_WINDOW - 1, text.length);
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      if (this.text.includes(text.slice(text.length - mid))) low = mid;
      else high = mid - 1;
    }
    return low;
  }
}

const cache = new Map<string, ProtectedText>();
const CACHE_SIZE = 16;

function protectedText(instructions: string): ProtectedText {
  let entry = cache.get(instructions);
  if (!entry) {
    entry = new ProtectedText(instructions);
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
    cache.set(instructions, entry);
  }
  return entry;
}

/**
 * Watches one streamed answer for verbatim quotes of the system instructions (a model talked into
 * "print your system prompt"). Text passes through `push` as it streams; once the answer contains
 * LEAK_WINDOW consecutive normalised characters of the instructions, the text before the quote
 * passes, nothing from the quote on does, and `leaked` is set, so the caller can end the answer
 * with `promptLeakNotice`. Paraphrases and
 * translations are not caught: rule 1 of the prompt is the defence there.
 */
export class PromptLeakGuard {
  private raw = '';
  private forwarded = 0;
  private checkedUpTo = 0;
  private found = false;

  private constructor(private readonly instructions: ProtectedText) {}

  static forSystemPrompt(systemText: string): PromptLeakGuard {
    return new PromptLeakGuard(protectedText(protectedInstructions(systemText)));
  }

  get leaked(): boolean {
    return this.found;
  }

  /** Takes the next piece of the answer; returns what may be passed on now (possibly ''). */
  push(delta: string): string {
    if (this.found || delta.length === 0) return '';
    this.raw += delta;
    const { text, origin } = normalise(this.raw);
    const leak = this.instructions.firstWindow(text, this.checkedUpTo - LEAK_WINDOW);
    if (leak >= 0) {
      // What came before the quote may still go; nothing of the quote, nor anything after it.
      const before = this.release(origin[leak]);
      this.found = true;
      return before;
    }
    this.checkedUpTo = text.length;
    const held = this.instructions.longestSuffix(text);
    let cut = held >= HOLD_FROM ? origin[text.length - held] : this.raw.length;
    // Never split a surrogate pair between two pieces.
    if (cut > 0 && cut < this.raw.length && /[\uDC00-\uDFFF]/.test(this.raw[cut])) cut -= 1;
    return this.release(cut);
  }

  /** The end of the answer: whatever was held back, unless the answer leaked. */
  flush(): string {
    return this.found ? '' : this.release(this.raw.length);
  }

  private release(cut: number): string {
    if (cut <= this.forwarded) return '';
    const piece = this.raw.slice(this.forwarded, cut);
    this.forwarded = cut;
    return piece;
  }
}
