/**
 * How a `ChatGoogleGenerativeAI` must be set up for `ResilientModelCaller` to be the only place that
 * retries, and for an aborted stream not to take the process down.
 */
import type { ChatGoogleGenerativeAI } from '@langchain/google-genai';
import { AsyncCaller } from '@langchain/core/utils/async_caller';

interface StreamingClient {
  generateContentStream(...args: unknown[]): Promise<{ stream: unknown; response: Promise<unknown> }>;
}

const prepared = new WeakSet<ChatGoogleGenerativeAI>();

/**
 * Makes a model safe for `ResilientModelCaller`, whoever built it. Idempotent.
 *
 * 1. Its retry layer is replaced by one that does not retry, so one attempt is one request.
 * 2. `@google/generative-ai` returns each stream together with a promise of the aggregated response
 *    that LangChain never awaits. When a stream is cut half-way (the deadline, the user cancelling,
 *    a dropped connection) that promise rejects unhandled, and Node's default for an unhandled
 *    rejection is to exit. The error still reaches the caller through the stream itself, so the
 *    orphan promise is marked handled.
 */
export function prepareGeminiChatModel<T extends ChatGoogleGenerativeAI>(model: T): T {
  if (prepared.has(model)) return model;
  model.caller = new AsyncCaller({ maxRetries: 0 });
  // `client` is private in the typings; the structural type names the one method wrapped here.
  const holder = model as unknown as { client: StreamingClient };
  const client = holder.client;
  const original = client.generateContentStream.bind(client);
  client.generateContentStream = async (...args: unknown[]) => {
    const result = await original(...args);
    result.response.catch(() => undefined);
    return result;
  };
  prepared.add(model);
  return model;
}
