/**
 * A real HTTP server on loopback that speaks the Gemini REST API closely enough for the official
 * client (`@google/generative-ai`, used by `@langchain/google-genai`) to talk to it through `baseUrl`:
 * `POST /v1beta/models/{model}:streamGenerateContent?alt=sse` (server-sent events, one
 * GenerateContentResponse per `data:` frame), `POST /v1beta/models/{model}:generateContent` and
 * `GET /v1beta/models/{model}` (models.get).
 *
 * Each generate request takes the next scripted turn from a queue, so a test decides exactly what
 * "the model" does on every call, including failures, and can read back every request the client
 * sent. Before a turn is taken the request is held to the rules the live API enforces today, and
 * broken ones are refused the way it refuses them:
 * - a model name that is not in the catalogue (retired or misspelled) gets 404 NOT_FOUND;
 * - a thinking level together with a thinking budget gets 400 INVALID_ARGUMENT;
 * - on Gemini 3 models, every step of the current turn (everything after the last user message
 *   with text) must send back the first function call of that step with the `thoughtSignature` the
 *   server gave it, else 400 INVALID_ARGUMENT. Answers carry signatures as Gemini 3 does: on the
 *   first function call of a response only (so one per sequential call, one for a batch of
 *   parallel calls), and on the last part of a text answer.
 * Answers carry `modelVersion`, and thought parts (`thought: true`) when the request asks for them
 * (`thinkingConfig.includeThoughts`).
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { DEFAULT_GEMINI_MODEL } from '@app/config';

export interface GeminiUsage {
  promptTokenCount: number;
  candidatesTokenCount: number;
  totalTokenCount: number;
  /** Tokens spent thinking; Gemini reports them apart from the candidates and includes them in the total. */
  thoughtsTokenCount?: number;
}

export interface GeminiFunctionCall {
  name: string;
  args: Record<string, unknown>;
}

export interface GeminiPart {
  text?: string;
  /** A thought summary rather than answer text. */
  thought?: boolean;
  thoughtSignature?: string;
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
  /** Path without the query, e.g. `/v1beta/models/gemini-3.8-flash:streamGenerateContent`. */
  path: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  model: string;
  operation: 'streamGenerateContent' | 'generateContent' | 'other';
  body: GeminiRequestBody;
  /**
   * The scripted turn kind that answered it (`unscripted` when the queue was empty), or why it was
   * refused before a turn was taken: a bad key, a model not in the catalogue, a request that breaks
   * today's rules (`rejection` says which).
   */
  answeredWith: ScriptedTurn['kind'] | 'unscripted' | 'rejected-key' | 'unknown-model' | 'invalid-request';
  /** The error message of an `invalid-request`. */
  rejection?: string;
  /** Thought signatures the answer carried, in order. */
  issuedSignatures: string[];
  /** True when the client closed the connection before the answer was complete. */
  clientAborted: boolean;
}

/** A models.get request (GET /v1beta/models/{model}). */
export interface RecordedModelLookup {
  receivedAt: number;
  model: string;
  headers: IncomingHttpHeaders;
  status: number;
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
      /** The thought summary sent when the request asks for thoughts. */
      thought?: string;
    }
  | { kind: 'function-calls'; calls: GeminiFunctionCall[]; text?: string; usage?: Partial<GeminiUsage>; thought?: string }
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
  text(
    text: string,
    options: { chunks?: number; delayMs?: number; usage?: Partial<GeminiUsage>; stallAfterChunks?: number; thought?: string } = {},
  ): ScriptedTurn {
    return {
      kind: 'text',
      text,
      chunks: options.chunks ?? 3,
      delayMs: options.delayMs ?? 25,
      usage: options.usage,
      stallAfterChunks: options.stallAfterChunks,
      thought: options.thought,
    };
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

/** The function calls of earlier model turns replayed in a request, each with the signature it was sent back with. */
export function signedFunctionCallsIn(request: RecordedGeminiRequest): Array<{ name: string; thoughtSignature?: string }> {
  return request.body.contents.flatMap((content) =>
    content.parts.flatMap((part) => (part.functionCall ? [{ name: part.functionCall.name, thoughtSignature: part.thoughtSignature }] : [])),
  );
}

/** The text parts of the last user turn in a request, in order. */
export function lastUserPartsIn(request: RecordedGeminiRequest): string[] {
  const users = request.body.contents.filter((content) => content.role === 'user' && content.parts.some((part) => part.text !== undefined));
  return (users.at(-1)?.parts ?? []).flatMap((part) => (part.text === undefined ? [] : [part.text]));
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
const MODEL_PATH_PATTERN = /^\/(v1beta|v1)\/models\/([^/:]+)$/;

/** The models the server knows by default: the current text models of the Gemini API. */
export const CURRENT_GEMINI_MODELS: readonly string[] = [
  ...new Set([DEFAULT_GEMINI_MODEL, 'gemini-3.8-flash', 'gemini-3.7-flash', 'gemini-3.6-flash', 'gemini-3.5-flash', 'gemini-3.5-flash-lite', 'gemini-3.1-flash-lite', 'gemini-2.5-flash-lite']),
];

/** A model Google has shut down; the API answers 404 for it. */
export const RETIRED_GEMINI_MODEL = 'gemini-2.5-flash';

const THOUGHT_SIGNATURE_DOCS = 'https://ai.google.dev/gemini-api/docs/thought-signatures';
const DEFAULT_THOUGHT = 'The user wants sports data; the right tool will answer it.';

/** Gemini 3 and later validate thought signatures; 2.x models do not. */
function enforcesThoughtSignatures(model: string): boolean {
  return /^gemini-([3-9]|\d{2,})/.test(model);
}

export interface FakeGeminiServerOptions {
  /** When set, requests carrying another key are answered like Gemini answers a bad key (400 API_KEY_INVALID). */
  apiKey?: string;
  /** The model names that exist; any other gets 404 NOT_FOUND. Default: `CURRENT_GEMINI_MODELS`. */
  models?: readonly string[];
}

export class FakeGeminiServer {
  /** Generate requests (and requests for routes the server does not have). */
  readonly requests: RecordedGeminiRequest[] = [];
  /** models.get requests. */
  readonly modelLookups: RecordedModelLookup[] = [];
  private readonly queue: ScriptedTurn[] = [];
  /** Every thought signature handed out, with the function it was given for (undefined: a text answer's). */
  private readonly signatures = new Map<string, string | undefined>();
  private readonly retired = new Set<string>();
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

  /** Shuts a model down from now on, as Google does on its retirement date: every request for it gets 404. */
  retire(model: string): this {
    this.retired.add(model);
    return this;
  }

  /** Forgets the script and the recorded requests (between tests). */
  reset(): void {
    this.queue.length = 0;
    this.requests.length = 0;
    this.modelLookups.length = 0;
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
    const lookup = MODEL_PATH_PATTERN.exec(url.pathname);
    if (req.method === 'GET' && lookup) {
      this.getModel(lookup[2], req, url, res);
      return;
    }
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
      issuedSignatures: [],
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
    if (!this.keyAccepted(req, url)) {
      recorded.answeredWith = 'rejected-key';
      sendBadKey(res);
      return;
    }
    if (!this.knows(recorded.model)) {
      recorded.answeredWith = 'unknown-model';
      sendError(res, 404, notFoundMessage(recorded.model, recorded.operation));
      return;
    }
    const rejection = this.ruleBroken(recorded);
    if (rejection) {
      recorded.answeredWith = 'invalid-request';
      recorded.rejection = rejection;
      sendError(res, 400, rejection);
      return;
    }
    const turn = this.queue.shift();
    if (!turn) {
      sendError(res, 500, 'fake-gemini: no scripted turn left for this request');
      return;
    }
    await this.answer(turn, recorded, req, res);
  }

  private keyAccepted(req: IncomingMessage, url: URL): boolean {
    const key = header(req.headers, 'x-goog-api-key') ?? url.searchParams.get('key') ?? undefined;
    return this.options.apiKey === undefined || key === this.options.apiKey;
  }

  private knows(model: string): boolean {
    return (this.options.models ?? CURRENT_GEMINI_MODELS).includes(model) && !this.retired.has(model);
  }

  /** models.get: the model resource, or 404 for a name that does not exist (any more). */
  private getModel(model: string, req: IncomingMessage, url: URL, res: ServerResponse): void {
    const record = (status: number) => this.modelLookups.push({ receivedAt: Date.now(), model, headers: req.headers, status });
    if (!this.keyAccepted(req, url)) {
      record(400);
      sendBadKey(res);
      return;
    }
    if (!this.knows(model)) {
      record(404);
      sendError(res, 404, `models/${model} is not found for API version v1beta, or is not supported for get.`);
      return;
    }
    record(200);
    sendJson(res, {
      name: `models/${model}`,
      baseModelId: model,
      version: '001',
      displayName: displayNameOf(model),
      inputTokenLimit: 1_048_576,
      outputTokenLimit: 65_536,
      supportedGenerationMethods: ['generateContent', 'countTokens', 'createCachedContent', 'batchGenerateContent'],
      temperature: 1,
      maxTemperature: 2,
      topP: 0.95,
      topK: 64,
      thinking: true,
    });
  }

  /** The first of today's request rules the request breaks, as the message Gemini answers with; undefined when none. */
  private ruleBroken(recorded: RecordedGeminiRequest): string | undefined {
    const thinking = thinkingConfigOf(recorded.body);
    if (thinking?.thinkingLevel !== undefined && thinking.thinkingBudget !== undefined) {
      return 'Unable to submit request because thinking_budget and thinking_level are not supported together.';
    }
    if (!enforcesThoughtSignatures(recorded.model)) return undefined;
    const contents = recorded.body.contents;
    // The current turn starts after the last user message with text; earlier turns are not checked.
    const start = contents.findLastIndex((content) => content.role === 'user' && content.parts.some((part) => part.text !== undefined));
    for (let index = start + 1; index < contents.length; index++) {
      const content = contents[index];
      if (content.role !== 'model') continue;
      const first = content.parts.find((part) => part.functionCall);
      if (!first?.functionCall) continue;
      const name = first.functionCall.name;
      if (first.thoughtSignature === undefined) {
        return (
          'Function call is missing a thought_signature in functionCall parts. This is required for tools to work correctly, and missing ' +
          `thought_signature may lead to degraded model performance. Additional data, function call \`default_api:${name}\` , position ${index + 1}. ` +
          `Please refer to ${THOUGHT_SIGNATURE_DOCS} for more details.`
        );
      }
      if (!this.signatures.has(first.thoughtSignature) || this.signatures.get(first.thoughtSignature) !== name) {
        return `Corrupted thought signature in functionCall parts (function call \`default_api:${name}\` , position ${index + 1}).`;
      }
    }
    return undefined;
  }

  private sign(recorded: RecordedGeminiRequest, functionName?: string): string | undefined {
    if (!enforcesThoughtSignatures(recorded.model)) return undefined;
    const signature = randomBytes(24).toString('base64');
    this.signatures.set(signature, functionName);
    recorded.issuedSignatures.push(signature);
    return signature;
  }

  private async answer(turn: ScriptedTurn, recorded: RecordedGeminiRequest, req: IncomingMessage, res: ServerResponse): Promise<void> {
    recorded.answeredWith = turn.kind;
    const streaming = recorded.operation === 'streamGenerateContent';
    const modelVersion = recorded.model;
    const thoughtsWanted = thinkingConfigOf(recorded.body)?.includeThoughts === true;
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
        const frame = { candidates: [{ finishReason: 'MALFORMED_FUNCTION_CALL', index: 0 }], usageMetadata: usage(recorded, 0, turn.usage), modelVersion };
        return streaming ? sendFrames(res, [frame], 0) : sendJson(res, frame);
      }
      case 'function-calls': {
        const thought = thoughtsWanted ? (turn.thought ?? DEFAULT_THOUGHT) : undefined;
        // Parallel calls: only the first carries a signature.
        const calls: GeminiPart[] = turn.calls.map((call, index) => {
          const signature = index === 0 ? this.sign(recorded, call.name) : undefined;
          return { functionCall: call, ...(signature ? { thoughtSignature: signature } : {}) };
        });
        const parts: GeminiPart[] = [...(thought ? [{ text: thought, thought: true }] : []), ...(turn.text ? [{ text: turn.text }] : []), ...calls];
        const frame = {
          candidates: [{ content: { role: 'model', parts }, finishReason: 'STOP', index: 0 }],
          usageMetadata: usage(recorded, 8 * turn.calls.length, turn.usage, thought),
          modelVersion,
        };
        return streaming ? sendFrames(res, [frame], 0) : sendJson(res, frame);
      }
      case 'text': {
        const pieces = streaming ? splitText(turn.text, turn.chunks) : [turn.text];
        const tokens = countWords(turn.text);
        const thought = thoughtsWanted ? (turn.thought ?? DEFAULT_THOUGHT) : undefined;
        const signature = this.sign(recorded);
        const frames = pieces.map((piece, index) => {
          const last = index === pieces.length - 1;
          const parts: GeminiPart[] = [
            ...(index === 0 && thought ? [{ text: thought, thought: true }] : []),
            { text: piece, ...(last && signature ? { thoughtSignature: signature } : {}) },
          ];
          return {
            candidates: [{ content: { role: 'model', parts }, index: 0, ...(last ? { finishReason: 'STOP' } : {}) }],
            ...(last ? { usageMetadata: usage(recorded, tokens, turn.usage, thought) } : {}),
            modelVersion,
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

/**
 * Plausible counts: prompt tokens grow with the request, so a test can tell calls apart. Thinking
 * is reported apart (`thoughtsTokenCount`, absent when there was none) and is part of the total.
 */
function usage(recorded: RecordedGeminiRequest, candidates: number, override: Partial<GeminiUsage> = {}, thought?: string): GeminiUsage {
  const prompt = override.promptTokenCount ?? Math.max(1, Math.ceil(JSON.stringify(recorded.body.contents).length / 4));
  const output = override.candidatesTokenCount ?? candidates;
  const thoughts = override.thoughtsTokenCount ?? (thought ? countWords(thought) : 0);
  return {
    promptTokenCount: prompt,
    candidatesTokenCount: output,
    ...(thoughts > 0 ? { thoughtsTokenCount: thoughts } : {}),
    totalTokenCount: override.totalTokenCount ?? prompt + output + thoughts,
  };
}

function thinkingConfigOf(body: GeminiRequestBody): { thinkingLevel?: unknown; thinkingBudget?: unknown; includeThoughts?: unknown } | undefined {
  const thinking = body.generationConfig?.thinkingConfig;
  return typeof thinking === 'object' && thinking !== null ? thinking : undefined;
}

function displayNameOf(model: string): string {
  return model
    .split('-')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
}

function notFoundMessage(model: string, method: string): string {
  return `models/${model} is not found for API version v1beta, or is not supported for ${method}. Call ListModels to see the list of available models and their supported methods.`;
}

function sendBadKey(res: ServerResponse): void {
  sendError(res, 400, 'API key not valid. Please pass a valid API key.', [
    { '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'API_KEY_INVALID', domain: 'googleapis.com' },
  ]);
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
