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

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const MARKS = /\p{M}/gu;

/** Lower case, accents dropped, every run of other characters than letters and digits one space. */
function normalise(raw: string): Normalised {
  const into: Normalised = { text: '', origin: [] };
  appendNormalised(into, raw, 0);
  return into;
}

/**
 * Extends `into`, the normalised form of `raw` up to `from`, to the whole of `raw`: each character
 * is normalised on its own, so a streamed answer is normalised once, piece by piece, rather than
 * again in full at every piece.
 */
function appendNormalised(into: Normalised, raw: string, from: number): void {
  for (let i = from; i < raw.length; i++) {
    const code = raw.charCodeAt(i);
    if (code < 0x80) {
      // ASCII, most of any answer: NFKD leaves it as it is and it has no marks.
      if ((code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39)) keep(into, raw[i], i);
      else if (code >= 0x41 && code <= 0x5a) keep(into, String.fromCharCode(code + 0x20), i);
      else separate(into, i);
      continue;
    }
    for (const ch of raw[i].normalize('NFKD').replace(MARKS, '').toLowerCase()) {
      if (LETTER_OR_DIGIT.test(ch)) keep(into, ch, i);
      else separate(into, i);
    }
  }
}

function keep(into: Normalised, ch: string, origin: number): void {
  into.text += ch;
  into.origin.push(origin);
}

function separate(into: Normalised, origin: number): void {
  if (into.text.length > 0 && into.text[into.text.length - 1] !== ' ') keep(into, ' ', origin);
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
    if (/^(Turn data|Current time:|Conversation context|Summary of the earlier conversation|<conversation_)/.test(start)) break;
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

  /** Length of the longest end of `text` (shorter than a window, at most `atMost`) found in the instructions. */
  longestSuffix(text: string, atMost = LEAK_WINDOW - 1): number {
    // If an end of length k is in the instructions, so is every shorter end: search the boundary.
    let low = 0;
    let high = Math.min(LEAK_WINDOW - 1, atMost, text.length);
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
  /** `raw` normalised, extended as pieces arrive. */
  private readonly normalised: Normalised = { text: '', origin: [] };
  private forwarded = 0;
  private checkedUpTo = 0;
  /** Length of the end of the normalised answer found in the instructions after the last piece. */
  private heldLength = 0;
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
    const from = this.raw.length;
    this.raw += delta;
    appendNormalised(this.normalised, this.raw, from);
    const { text, origin } = this.normalised;
    const leak = this.instructions.firstWindow(text, this.checkedUpTo - LEAK_WINDOW);
    if (leak >= 0) {
      // What came before the quote may still go; nothing of the quote, nor anything after it.
      const before = this.release(origin[leak]);
      this.found = true;
      return before;
    }
    // An end found now is an end found before plus what this piece added, so it is at most that long.
    const held = this.instructions.longestSuffix(text, this.heldLength + text.length - this.checkedUpTo);
    this.heldLength = held;
    this.checkedUpTo = text.length;
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
