/**
 * Redaction of personal data in free text (chat messages, log lines) before it reaches the model,
 * the conversation store or the logs: e-mail addresses become `[email]`, payment card numbers
 * `[card]` and phone numbers `[phone]`.
 *
 * Betting chat is full of numbers that must survive untouched: odds ("2.50"), scores ("2-1"),
 * dates ("2026-05-12", "12/05"), times ("20:45"), amounts ("€50", "1 000 €") and fixture ids. So
 * the rules are deliberately narrow, and a bare run of digits is treated as an id unless it is
 * clearly something else:
 *
 * - Card: 13–19 digits, either in card-style groups of digits separated by single spaces or dashes
 *   ("4111 1111 1111 1111", "3782-822463-10005"), or as one bare run starting with 2–6 (the ranges
 *   of the card networks), and in both cases passing the Luhn check. A bare run that fails Luhn or
 *   starts with 0, 1, 7, 8 or 9 is an id and is kept (e.g. a 17-digit fixture id).
 * - Phone: an international number ("+" then 7–15 digits, grouped or not); a North American one
 *   ("(555) 123-4567", "555-123-4567", "555.123.4567"); a national number with its trunk 0 (10–11
 *   digits: "020 7946 0958", "06 12 34 56 78", "07911123456"); a Spanish-style grouped number
 *   starting with 6–9 ("612 345 678", "912 34 56 78"); or any 7–15 digits (grouped or not) right
 *   after a phone word ("phone", "call me", "teléfono", "móvil", "whatsapp"…). Numbers next to a
 *   currency sign or word are amounts, never phones.
 * - E-mail: local@domain.tld.
 *
 * The function is pure and idempotent: redacting redacted text changes nothing.
 */

export const REDACTED_EMAIL = '[email]';
export const REDACTED_PHONE = '[phone]';
export const REDACTED_CARD = '[card]';

const EMAIL_RE = /[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?)*\.[A-Za-z]{2,24}\b/g;

// Digits not glued to other digits, letters or a decimal point on either side: "2.50", "2-1" and
// "2026-05-12" are never cut into pieces that could look like something else.
const BEFORE = String.raw`(?<![\p{L}\p{N}.,+]|[\p{L}\p{N}][-/:])`;
const AFTER = String.raw`(?![\p{L}\p{N}]|[.,/:-]\p{N})`;

// 13–19 digits, grouped by single spaces or dashes (or not at all); `isCardNumber` checks the rest.
const CARD_RE = new RegExp(`${BEFORE}\\d(?:[ -]?\\d){12,18}${AFTER}`, 'gu');

const PHONE_PATTERNS: RegExp[] = [
  // International: +34 612 345 678, +1 (555) 123-4567, +44 20 7946 0958, +447911123456. No dots,
  // so handicap lines and odds ("+0.5 1.95 1.85") stay as they are.
  new RegExp(String.raw`(?<![\p{L}\p{N}])\+\d{1,3}[ -]?(?:\(\d{1,4}\)[ -]?)?\d{1,5}(?:[ -]?\d{1,5}){0,5}${AFTER}`, 'gu'),
  // North American: (555) 123-4567, 555-123-4567, 555.123.4567.
  new RegExp(String.raw`(?<![\p{L}\p{N}(])\(\d{3}\) ?\d{3}[ .-]\d{4}${AFTER}`, 'gu'),
  new RegExp(String.raw`${BEFORE}\d{3}([.-])\d{3}\1\d{4}${AFTER}`, 'gu'),
  // National with its trunk 0: 020 7946 0958, 06 12 34 56 78, 07911 123456, 0612345678.
  new RegExp(String.raw`${BEFORE}0\d(?:[ .-]?\d){8,9}${AFTER}`, 'gu'),
  // Spanish-style groups: 612 345 678, 612-345-678, 912 34 56 78 (not dots: "612.345.678" is an amount).
  new RegExp(String.raw`${BEFORE}[6-9]\d{2}([ -])(?:\d{3}\1\d{3}|\d{2}\1\d{2}\1\d{2})${AFTER}`, 'gu'),
];

// A phone word, a few linking words ("number is", "es el", ": "), then 7–15 digits.
const PHONE_WORDS = [
  'phone',
  'telephone',
  'tel',
  'mobile',
  'cell',
  'cellphone',
  'whats ?app',
  'call me',
  'text me',
  'ring me',
  'my number',
  'tel[eé]fono',
  'tfno',
  'tlf',
  'm[oó]vil',
  'celular',
  'll[aá]mame',
  'escr[ií]beme',
  'mi n[uú]mero',
].join('|');
const LINK_WORDS = String.raw`(?:is|es|at|on|to|en|al|a|el|number|n[uú]mero|no|nr)`;
const CUED_PHONE_RE = new RegExp(
  String.raw`(?<cue>(?<!\p{L})(?:${PHONE_WORDS})(?!\p{L})[\s:.,-]*(?:${LINK_WORDS}[\s:.,-]+){0,3})(?<number>\+?\(?\d(?:[ ().-]{0,2}\d){6,14})${AFTER}`,
  'giu',
);

const CURRENCY_BEFORE = /(?:[€$£¥]|\b(?:eur|usd|gbp|cop|mxn|ars|clp|pen|brl))\s?$/i;
const CURRENCY_AFTER = /^\s?(?:de\s)?(?:[€$£¥]|(?:eur|euros?|usd|gbp|d[oó]lar(?:es)?|dollars?|pounds?|libras?|pesos?|cop|mxn|ars|clp|pen|brl)\b)/i;

/** Text with e-mail addresses, card numbers and phone numbers replaced by placeholders. */
export function redactPii(text: string): string {
  if (typeof text !== 'string' || text.length === 0) return text;
  let result = text;
  if (result.includes('@')) result = result.replace(EMAIL_RE, REDACTED_EMAIL);
  if (!/\d/.test(result)) return result;
  result = result.replace(CARD_RE, (match) => (isCardNumber(match) ? REDACTED_CARD : match));
  result = result.replace(CUED_PHONE_RE, (match: string, ...rest: unknown[]) => {
    const { cue, number } = rest.at(-1) as { cue: string; number: string };
    return plausiblePhone(number) ? `${cue}${REDACTED_PHONE}` : match;
  });
  for (const pattern of PHONE_PATTERNS) {
    result = result.replace(pattern, (match: string, ...rest: unknown[]) => {
      // replace() passes (match, ...groups, offset, whole string); these patterns have no named groups.
      const offset = rest.at(-2) as number;
      const whole = rest.at(-1) as string;
      return plausiblePhone(match) && !isAmount(whole, offset, match.length) ? REDACTED_PHONE : match;
    });
  }
  return result;
}

/** True when `text` holds something `redactPii` would replace. */
export function containsPii(text: string): boolean {
  return redactPii(text) !== text;
}

/** Luhn check of a digit string. */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

function isCardNumber(candidate: string): boolean {
  const digits = candidate.replace(/[ -]/g, '');
  if (digits.length < 13 || digits.length > 19 || !luhnValid(digits)) return false;
  if (digits === candidate) return /^[2-6]/.test(digits);
  // Grouped as cards are printed (4-4-4-4, 4-4-4-4-3, 4-6-5, 4-6-4): a first group of four, then
  // groups of three to six, so "bet 50 on 1234…" is not read as one number.
  const [first, ...others] = candidate.split(/[ -]/);
  return first.length === 4 && others.every((group) => group.length >= 3 && group.length <= 6);
}

function plausiblePhone(candidate: string): boolean {
  const digits = candidate.replace(/\D/g, '').length;
  return digits >= 7 && digits <= 15;
}

function isAmount(text: string, offset: number, length: number): boolean {
  return CURRENCY_BEFORE.test(text.slice(Math.max(0, offset - 5), offset)) || CURRENCY_AFTER.test(text.slice(offset + length, offset + length + 10));
}
