/**
 * How a `ChatGoogleGenerativeAI` must be set up for `ResilientModelCaller` to be the only place that
 * retries, for an aborted stream not to take the process down, and for every request to follow
 * today's Gemini rules whoever built the model.
 */
import { Logger } from '@nestjs/common';
import type { ChatGoogleGenerativeAI } from '@langchain/google-genai';
import { AsyncCaller } from '@langchain/core/utils/async_caller';
import { withOneThinkingSetting, type GenerationRequestShape } from './gemini-generation.settings.js';
import { withCompactToolDeclarations } from './tool-declarations.js';

/** The counts of a response's `usageMetadata` read here (the client's typings predate thinking). */
interface UsageCounts {
  candidatesTokenCount?: number;
  thoughtsTokenCount?: number;
}

interface ResponseWithUsage {
  usageMetadata?: UsageCounts;
}

/** The two client methods wrapped here, as LangChain calls them (always with a request object). */
interface GenerativeClient {
  generateContentStream(request: GenerationRequestShape, ...rest: unknown[]): Promise<{ stream: AsyncGenerator<ResponseWithUsage>; response: Promise<unknown> }>;
  generateContent(request: GenerationRequestShape, ...rest: unknown[]): Promise<{ response: ResponseWithUsage }>;
}

const prepared = new WeakSet<ChatGoogleGenerativeAI>();
const logger = new Logger('GeminiChatModel');

/**
 * Makes a model safe for `ResilientModelCaller`, whoever built it. Idempotent.
 *
 * 1. Its retry layer is replaced by one that does not retry, so one attempt is one request.
 * 2. `@google/generative-ai` returns each stream together with a promise of the aggregated response
 *    that LangChain never awaits. When a stream is cut half-way (the deadline, the user cancelling,
 *    a dropped connection) that promise rejects unhandled, and Node's default for an unhandled
 *    rejection is to exit. The error still reaches the caller through the stream itself, so the
 *    orphan promise is marked handled.
 * 3. A request never carries both a thinking level and a thinking budget, which Gemini refuses with
 *    400: the budget is dropped, with a warning the first time.
 * 4. Thinking tokens are counted as output: Gemini reports them apart (`thoughtsTokenCount`) and
 *    bills them as output, but LangChain's usage reads `candidatesTokenCount` only, so without this
 *    the token metrics would leave out what thinking costs.
 * 5. Tool declarations go without string length limits (see tool-declarations.ts): tokens on every
 *    request that tell the model nothing.
 */
export function prepareGeminiChatModel<T extends ChatGoogleGenerativeAI>(model: T): T {
  if (prepared.has(model)) return model;
  model.caller = new AsyncCaller({ maxRetries: 0 });
  // `client` is private in the typings; the structural type names the methods wrapped here.
  const client = (model as unknown as { client: GenerativeClient }).client;
  let warned = false;
  const oneThinkingSetting = (request: GenerationRequestShape): GenerationRequestShape => {
    const { request: sendable, dropped } = withOneThinkingSetting(withCompactToolDeclarations(request));
    if (dropped && !warned) {
      warned = true;
      logger.warn(`${model.model}: thinkingConfig had both thinkingLevel and thinkingBudget, which Gemini refuses; sending thinkingLevel only`);
    }
    return sendable;
  };
  const stream = client.generateContentStream.bind(client);
  client.generateContentStream = async (request, ...rest) => {
    const result = await stream(oneThinkingSetting(request), ...rest);
    result.response.catch(() => undefined);
    return { ...result, stream: countingThoughtsAsOutput(result.stream) };
  };
  const generate = client.generateContent.bind(client);
  client.generateContent = async (request, ...rest) => {
    const result = await generate(oneThinkingSetting(request), ...rest);
    countThoughtsAsOutput(result.response);
    return result;
  };
  prepared.add(model);
  return model;
}

async function* countingThoughtsAsOutput(stream: AsyncGenerator<ResponseWithUsage>): AsyncGenerator<ResponseWithUsage> {
  for await (const response of stream) {
    countThoughtsAsOutput(response);
    yield response;
  }
}

/** Adds `thoughtsTokenCount` to `candidatesTokenCount`; both are running totals, so each frame stays consistent. */
export function countThoughtsAsOutput(response: ResponseWithUsage): void {
  const usage = response.usageMetadata;
  if (!usage?.thoughtsTokenCount) return;
  response.usageMetadata = { ...usage, candidatesTokenCount: (usage.candidatesTokenCount ?? 0) + usage.thoughtsTokenCount };
}
