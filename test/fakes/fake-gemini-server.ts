/**
 * A real HTTP server on loopback that speaks the Gemini REST API closely enough for the official
 * client (`@google/generative-ai`, used by `@langchain/google-genai`) to talk to it through `baseUrl`:
 * `POST /v1beta/models/{model}:streamGenerateContent?alt=sse` (server-sent events, one
 * GenerateContentResponse per `data:` frame) and `POST /v1beta/models/{model}:generateContent`.
 *
 * Each request takes the next scripted turn from a queue, so a test decides exactly what "the model"
 * does on every call, including failures, and can read back every request the client sent.
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

export interface GeminiUsage {
  promptTokenCount: number;
  candidatesTokenCount: number;
  totalTokenCount: number;
}

export interface GeminiFunctionCall {
  name: string;
  args: Record<string, unknown>;
}

export interface GeminiPart {
  text?: string;
  functionCall?: GeminiFunctionCall;
  functionResponse?: { name: string; response: Record<string, unknown> };
}

export interface GeminiContent {
  role?: string;
  parts: GeminiPart[];
}

/** The part of a GenerateContentRequest body the tests look at. */
export interface GeminiRequestBody {
  contents: GeminiContent[];
  systemInstruction?: GeminiContent;
  tools?: Array<{ functionDeclarations?: Array<{ name: string; description?: string; parameters?: unknown }> }>;
  generationConfig?: Record<string, unknown>;
}

export interface RecordedGeminiRequest {
  /** 1-based order of arrival. */
  seq: number;
  /** Date.now() when the request arrived. */
  receivedAt: number;
  method: string;
  /** Path without the query, e.g. `/v1beta/models/gemini-2.5-flash:streamGenerateContent`. */
  path: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  model: string;
  operation: 'streamGenerateContent' | 'generateContent' | 'other';
  body: GeminiRequestBody;
  /** The scripted turn kind that answered it (`unscripted` when the queue was empty). */
  answeredWith: ScriptedTurn['kind'] | 'unscripted' | 'rejected-key';
  /** True when the client closed the connection before the answer was complete. */
  clientAborted: boolean;
}

export type GeminiErrorStatus = 400 | 401 | 403 | 404 | 429 | 500 | 503;

export type ScriptedTurn =
  | {
      kind: 'text';
      text: string;
      /** How many SSE frames the text is split into (streaming only). */
      chunks: number;
      /** Pause before each frame after the first, so streaming is observable. */
      delayMs: number;
      usage?: Partial<GeminiUsage>;
      /** Stop sending (without closing) after this many frames: a stream that stalls half-way. */
      stallAfterChunks?: number;
    }
  | { kind: 'function-calls'; calls: GeminiFunctionCall[]; text?: string; usage?: Partial<GeminiUsage> }
  | {
      kind: 'http-error';
      status: GeminiErrorStatus;
      message: string;
      /** Sent as the `Retry-After` header, verbatim. */
      retryAfterHeader?: string;
      /** Sent as a `google.rpc.RetryInfo` detail (`"1.5s"`), which is how Gemini itself says it. */
      retryDelay?: string;
    }
  | { kind: 'malformed-function-call'; usage?: Partial<GeminiUsage> }
  | {
      kind: 'stall';
      /** How long to send nothing; `undefined` waits until the client gives up. */
      ms?: number;
      /** What to answer once the stall is over (if the client is still there). */
      then?: ScriptedTurn;
    }
  | { kind: 'compute'; reply: (request: RecordedGeminiRequest) => ScriptedTurn };

/** Builders for scripted turns, so a test reads as a script: `gemini.text('Hi', { chunks: 3 })`. */
export const gemini = {
  text(text: string, options: { chunks?: number; delayMs?: number; usage?: Partial<GeminiUsage>; stallAfterChunks?: number } = {}): ScriptedTurn {
    return { kind: 'text', text, chunks: options.chunks ?? 3, delayMs: options.delayMs ?? 25, usage: options.usage, stallAfterChunks: options.stallAfterChunks };
  },
  functionCall(name: string, args: Record<string, unknown> = {}, usage?: Partial<GeminiUsage>): ScriptedTurn {
    return { kind: 'function-calls', calls: [{ name, args }], usage };
  },
  functionCalls(calls: GeminiFunctionCall[], usage?: Partial<GeminiUsage>): ScriptedTurn {
    return { kind: 'function-calls', calls, usage };
  },
  error(status: GeminiErrorStatus, options: { message?: string; retryAfterHeader?: string; retryDelay?: string } = {}): ScriptedTurn {
    return { kind: 'http-error', status, message: options.message ?? defaultErrorMessage(status), retryAfterHeader: options.retryAfterHeader, retryDelay: options.retryDelay };
  },
  malformedFunctionCall(usage?: Partial<GeminiUsage>): ScriptedTurn {
    return { kind: 'malformed-function-call', usage };
  },
  stall(ms?: number, then?: ScriptedTurn): ScriptedTurn {
    return { kind: 'stall', ms, then };
  },
  compute(reply: (request: RecordedGeminiRequest) => ScriptedTurn): ScriptedTurn {
    return { kind: 'compute', reply };
  },
};

/** Every `functionResponse` part the client sent back in a request, in order. */
export function functionResponsesIn(request: RecordedGeminiRequest): Array<{ name: string; response: Record<string, unknown> }> {
  return request.body.contents.flatMap((content) => content.parts.flatMap((part) => (part.functionResponse ? [part.functionResponse] : [])));
}

/** Every `functionCall` part of earlier model turns replayed in a request. */
export function functionCallsIn(request: RecordedGeminiRequest): GeminiFunctionCall[] {
  return request.body.contents.flatMap((content) => content.parts.flatMap((part) => (part.functionCall ? [part.functionCall] : [])));
}

/** The text of the last user turn in a request. */
export function lastUserTextIn(request: RecordedGeminiRequest): string {
  const users = request.body.contents.filter((content) => content.role === 'user' && content.parts.some((part) => part.text !== undefined));
  return (users.at(-1)?.parts ?? []).map((part) => part.text ?? '').join('');
}

const STATUS_NAMES: Record<GeminiErrorStatus, string> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
  503: 'UNAVAILABLE',
};

function defaultErrorMessage(status: GeminiErrorStatus): string {
  switch (status) {
    case 429:
      return 'Resource has been exhausted (e.g. check quota).';
    case 500:
      return 'An internal error has occurred. Please retry or report in https://developers.generativeai.google/guide/troubleshooting';
    case 503:
      return 'The model is overloaded. Please try again later.';
    default:
      return `Request failed with status ${status}.`;
  }
}

const PATH_PATTERN = /^\/(v1beta|v1)\/models\/([^/:]+):(streamGenerateContent|generateContent)$/;
const MODEL_VERSION = 'fake-gemini-001';

export interface FakeGeminiServerOptions {
  /** When set, requests carrying another key are answered like Gemini answers a bad key (400 API_KEY_INVALID). */
  apiKey?: string;
}

export class FakeGeminiServer {
  readonly requests: RecordedGeminiRequest[] = [];
  private readonly queue: ScriptedTurn[] = [];
  private readonly server: Server;
  private port = 0;
  private waiters: Array<() => void> = [];

  private constructor(private readonly options: FakeGeminiServerOptions) {
    this.server = createServer((req, res) => {
      void this.handle(req, res).catch((error: unknown) => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { code: 500, message: `fake-gemini: ${String(error)}`, status: 'INTERNAL' } }));
      });
    });
  }

  static async start(options: FakeGeminiServerOptions = {}): Promise<FakeGeminiServer> {
    const fake = new FakeGeminiServer(options);
    await new Promise<void>((resolve, reject) => {
      fake.server.once('error', reject);
      fake.server.listen(0, '127.0.0.1', () => resolve());
    });
    fake.port = (fake.server.address() as AddressInfo).port;
    return fake;
  }

  /** What `baseUrl` / `GEMINI_BASE_URL` should be set to. */
  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Appends turns to the script; each request consumes one. */
  script(...turns: ScriptedTurn[]): this {
    this.queue.push(...turns);
    return this;
  }

  /** Turns not yet consumed. */
  get pending(): number {
    return this.queue.length;
  }

  /** Forgets the script and the recorded requests (between tests). */
  reset(): void {
    this.queue.length = 0;
    this.requests.length = 0;
  }

  /** Resolves once at least `count` requests have arrived. */
  async waitForRequests(count: number, timeoutMs = 5_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.requests.length < count) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`fake-gemini: expected ${count} requests, got ${this.requests.length}`);
      await Promise.race([new Promise<void>((resolve) => this.waiters.push(resolve)), sleep(left)]);
    }
  }

  async close(): Promise<void> {
    this.queue.length = 0;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.baseUrl);
    const raw = await readBody(req);
    const match = PATH_PATTERN.exec(url.pathname);
    const recorded: RecordedGeminiRequest = {
      seq: this.requests.length + 1,
      receivedAt: Date.now(),
      method: req.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: req.headers,
      model: match?.[2] ?? '',
      operation: (match?.[3] as RecordedGeminiRequest['operation'] | undefined) ?? 'other',
      body: parseBody(raw),
      answeredWith: 'unscripted',
      clientAborted: false,
    };
    this.requests.push(recorded);
    res.on('close', () => {
      if (!res.writableFinished) recorded.clientAborted = true;
    });
    for (const wake of this.waiters.splice(0)) wake();

    if (req.method !== 'POST' || !match) {
      sendError(res, 404, `fake-gemini: no route for ${req.method} ${url.pathname}`);
      return;
    }
    const key = header(req.headers, 'x-goog-api-key') ?? url.searchParams.get('key') ?? undefined;
    if (this.options.apiKey !== undefined && key !== this.options.apiKey) {
      recorded.answeredWith = 'rejected-key';
      sendError(res, 400, 'API key not valid. Please pass a valid API key.', [
        { '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'API_KEY_INVALID', domain: 'googleapis.com' },
      ]);
      return;
    }
    const turn = this.queue.shift();
    if (!turn) {
      sendError(res, 500, 'fake-gemini: no scripted turn left for this request');
      return;
    }
    await this.answer(turn, recorded, req, res);
  }

  private async answer(turn: ScriptedTurn, recorded: RecordedGeminiRequest, req: IncomingMessage, res: ServerResponse): Promise<void> {
    recorded.answeredWith = turn.kind;
    const streaming = recorded.operation === 'streamGenerateContent';
    switch (turn.kind) {
      case 'compute':
        return this.answer(turn.reply(recorded), recorded, req, res);
      case 'stall': {
        const gone = new Promise<void>((resolve) => res.once('close', () => resolve()));
        await (turn.ms === undefined ? gone : Promise.race([gone, sleep(turn.ms)]));
        if (res.destroyed || recorded.clientAborted) return;
        return this.answer(turn.then ?? gemini.text('(late answer)'), recorded, req, res);
      }
      case 'http-error': {
        const details = turn.retryDelay ? [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: turn.retryDelay }] : undefined;
        sendError(res, turn.status, turn.message, details, turn.retryAfterHeader);
        return;
      }
      case 'malformed-function-call': {
        // What Gemini sends: a candidate with a finish reason and no content at all.
        const frame = { candidates: [{ finishReason: 'MALFORMED_FUNCTION_CALL', index: 0 }], usageMetadata: usage(recorded, 0, turn.usage), modelVersion: MODEL_VERSION };
        return streaming ? sendFrames(res, [frame], 0) : sendJson(res, frame);
      }
      case 'function-calls': {
        const parts: GeminiPart[] = [...(turn.text ? [{ text: turn.text }] : []), ...turn.calls.map((call) => ({ functionCall: call }))];
        const frame = {
          candidates: [{ content: { role: 'model', parts }, finishReason: 'STOP', index: 0 }],
          usageMetadata: usage(recorded, 8 * turn.calls.length, turn.usage),
          modelVersion: MODEL_VERSION,
        };
        return streaming ? sendFrames(res, [frame], 0) : sendJson(res, frame);
      }
      case 'text': {
        const pieces = streaming ? splitText(turn.text, turn.chunks) : [turn.text];
        const tokens = countWords(turn.text);
        const frames = pieces.map((piece, index) => {
          const last = index === pieces.length - 1;
          return {
            candidates: [{ content: { role: 'model', parts: [{ text: piece }] }, index: 0, ...(last ? { finishReason: 'STOP' } : {}) }],
            ...(last ? { usageMetadata: usage(recorded, tokens, turn.usage) } : {}),
            modelVersion: MODEL_VERSION,
          };
        });
        if (!streaming) return sendJson(res, frames[0]);
        return sendFrames(res, frames, turn.delayMs, turn.stallAfterChunks);
      }
    }
  }
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function parseBody(raw: string): GeminiRequestBody {
  if (raw.trim().length === 0) return { contents: [] };
  const parsed = JSON.parse(raw) as Partial<GeminiRequestBody>;
  return { ...parsed, contents: parsed.contents ?? [] };
}

/** Splits text into `count` pieces of similar length at word boundaries; the pieces concatenate back to the text. */
export function splitText(text: string, count: number): string[] {
  const words = text.match(/\S+\s*/g) ?? [text];
  const n = Math.max(1, Math.min(count, words.length));
  const pieces: string[] = [];
  for (let i = 0; i < n; i++) {
    const start = Math.round((i * words.length) / n);
    const end = Math.round(((i + 1) * words.length) / n);
    pieces.push(words.slice(start, end).join(''));
  }
  // Leading whitespace is not matched by the word pattern; keep it so nothing is lost.
  const lead = /^\s*/.exec(text)?.[0] ?? '';
  pieces[0] = lead + pieces[0];
  return pieces;
}

function countWords(text: string): number {
  return (text.match(/\S+/g) ?? []).length;
}

/** Plausible counts: prompt tokens grow with the request, so a test can tell calls apart. */
function usage(recorded: RecordedGeminiRequest, candidates: number, override: Partial<GeminiUsage> = {}): GeminiUsage {
  const prompt = override.promptTokenCount ?? Math.max(1, Math.ceil(JSON.stringify(recorded.body.contents).length / 4));
  const output = override.candidatesTokenCount ?? candidates;
  return { promptTokenCount: prompt, candidatesTokenCount: output, totalTokenCount: override.totalTokenCount ?? prompt + output };
}

function sendJson(res: ServerResponse, body: unknown): void {
  res.writeHead(200, { 'content-type': 'application/json; charset=UTF-8' });
  res.end(JSON.stringify(body));
}

function sendError(res: ServerResponse, status: number, message: string, details?: unknown[], retryAfter?: string): void {
  const headers: Record<string, string> = { 'content-type': 'application/json; charset=UTF-8' };
  if (retryAfter !== undefined) headers['retry-after'] = retryAfter;
  res.writeHead(status, headers);
  const name = STATUS_NAMES[status as GeminiErrorStatus] ?? 'UNKNOWN';
  res.end(JSON.stringify({ error: { code: status, message, status: name, ...(details ? { details } : {}) } }));
}

async function sendFrames(res: ServerResponse, frames: unknown[], delayMs: number, stallAfter?: number): Promise<void> {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
  res.flushHeaders();
  for (const [index, frame] of frames.entries()) {
    if (res.destroyed) return;
    if (stallAfter !== undefined && index >= stallAfter) {
      // Hold the stream open without sending anything until the client gives up.
      await new Promise<void>((resolve) => res.once('close', () => resolve()));
      return;
    }
    if (index > 0 && delayMs > 0) await sleep(delayMs);
    res.write(`data: ${JSON.stringify(frame)}\r\n\r\n`);
  }
  res.end();
}
