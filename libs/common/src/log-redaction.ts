import type { LogFn } from 'pino';
import { redactPii } from './pii-redaction.js';

// Deep enough for `{msg, context: {…}}` and a request's fields; deeper values are left as they are.
const MAX_DEPTH = 4;
const MAX_KEYS = 50;

/**
 * A copy of a log call's arguments with personal data (e-mail, phone and card numbers) redacted
 * from every string: the message, the fields of plain objects and arrays, and the message and stack
 * of errors. Other objects (requests, responses, class instances) are passed through untouched; the
 * serializers decide what of them is written.
 */
export function redactLogArguments(args: readonly unknown[]): unknown[] {
  return args.map((arg) => redactValue(arg, 0));
}

function redactValue(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return redactPii(value);
  if (typeof value !== 'object' || value === null || depth >= MAX_DEPTH) return value;
  if (value instanceof Error) return redactError(value);
  if (Array.isArray(value)) return value.slice(0, MAX_KEYS).map((item) => redactValue(item, depth + 1)).concat(value.slice(MAX_KEYS));
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return value;
  const entries = Object.entries(value);
  if (entries.length > MAX_KEYS) return value;
  return Object.fromEntries(entries.map(([key, item]) => [key, redactValue(item, depth + 1)]));
}

function redactError(error: Error): Error {
  const message = redactPii(error.message);
  const stack = error.stack === undefined ? undefined : redactPii(error.stack);
  if (message === error.message && stack === error.stack) return error;
  const copy = new Error(message);
  copy.name = error.name;
  copy.stack = stack;
  return copy;
}

// Credentials some clients put in query strings (the WebSocket chat takes `?token=`).
const SECRET_PARAM = /([?&](?:token|access_token|user_key|password)=)[^&#]*/gi;

// Request URLs repeat (the same routes, the same queries): the last short ones found with nothing to
// mask or redact are remembered as such (no credential or personal data is kept past its request).
const CLEAN_URLS_SIZE = 1_000;
const CLEAN_URL_MAX_LENGTH = 256;
const cleanUrls = new Set<string>();

/**
 * A URL for the request log with credentials in the query string masked and personal data redacted
 * (query strings are read percent-decoded).
 */
export function redactUrl(url: string | undefined): string | undefined {
  if (url === undefined) return url;
  if (cleanUrls.has(url)) return url;
  const redacted = redactUrlText(url);
  if (redacted === url && url.length <= CLEAN_URL_MAX_LENGTH) {
    // Dropped all at once when full: cheaper than an LRU, and refilled by the next requests.
    if (cleanUrls.size >= CLEAN_URLS_SIZE) cleanUrls.clear();
    cleanUrls.add(url);
  }
  return redacted;
}

function redactUrlText(url: string): string {
  url = url.replace(SECRET_PARAM, '$1[redacted]');
  let decoded = url;
  try {
    decoded = decodeURIComponent(url.replace(/\+/g, ' '));
  } catch {
    // Malformed escapes: redact what is there.
  }
  const redacted = redactPii(decoded);
  return redacted === decoded ? url : redacted;
}

/**
 * Marks a log line whose every field was built from redacted or fixed values (the request lines:
 * a safe request id, the method, `redactUrl`'s URL, status and duration), so the hook below does not
 * scan it again on every request.
 */
export const PRE_REDACTED = Symbol('chatbet.log.preRedacted');

/**
 * pino `hooks.logMethod`: every log call of the process (Nest's Logger through `AppLogger`, and
 * the request lines) goes through it, so chat text that ends up in a log line, in a field or in an
 * error message, is written with its personal data redacted.
 */
export function piiRedactingLogMethod(this: unknown, inputArgs: Parameters<LogFn>, method: LogFn): void {
  const [first] = inputArgs;
  if (inputArgs.length === 2 && typeof first === 'object' && first !== null && PRE_REDACTED in first && typeof inputArgs[1] === 'string' && !/[@\d]/.test(inputArgs[1])) {
    method.apply(this, inputArgs);
    return;
  }
  method.apply(this, redactLogArguments(inputArgs) as Parameters<LogFn>);
}
