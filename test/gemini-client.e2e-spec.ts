import { AIMessage, AIMessageChunk, HumanMessage, ToolMessage } from '@langchain/core/messages';
import { tool } from '@langchain/core/tools';
import { ChatGoogleGenerativeAI } from '@langchain/google-genai';
import { z } from 'zod';
import { DEFAULT_GEMINI_MODEL } from '@app/config';
import { prepareGeminiChatModel } from '../libs/llm/src/gemini/index.js';
import { FakeGeminiServer, functionResponsesIn, gemini, lastUserTextIn } from './fakes/fake-gemini-server.js';

// Proves the fake server speaks the protocol the real client expects, before anything of ours is
// layered on top: if these fail, the agent tests would be testing the fake, not the agent.
describe('ChatGoogleGenerativeAI against the fake Gemini server', () => {
  let server: FakeGeminiServer;

  const model = () =>
    new ChatGoogleGenerativeAI({ apiKey: 'test-key', model: DEFAULT_GEMINI_MODEL, baseUrl: server.baseUrl, maxRetries: 0, temperature: 0.2 });

  const getOdds = tool(async ({ team }: { team: string }) => JSON.stringify({ team, home: 1.9 }), {
    name: 'get_odds',
    description: 'Odds for the next match of a team',
    schema: z.object({ team: z.string() }),
  });

  beforeAll(async () => {
    server = await FakeGeminiServer.start({ apiKey: 'test-key' });
  });
  afterEach(() => server.reset());
  afterAll(() => server.close());

  it('streams text token by token over SSE, and the pieces concatenate to the answer', async () => {
    server.script(gemini.text('Barcelona play Real Madrid on Sunday at 21:00.', { chunks: 4, delayMs: 40 }));
    const arrivals: Array<{ text: string; at: number }> = [];
    let total: AIMessageChunk | undefined;
    for await (const chunk of await model().stream([new HumanMessage('When does Barcelona play?')])) {
      arrivals.push({ text: chunk.text, at: Date.now() });
      total = total ? total.concat(chunk) : chunk;
    }

    expect(arrivals).toHaveLength(4);
    expect(arrivals.every((a) => a.text.length > 0)).toBe(true);
    expect(total?.text).toBe('Barcelona play Real Madrid on Sunday at 21:00.');
    // Pieces arrive spread out in time, not all at once after the response ends.
    expect(arrivals[3].at - arrivals[0].at).toBeGreaterThanOrEqual(80);
    expect(total?.usage_metadata).toMatchObject({ output_tokens: 8 });
    expect(total?.usage_metadata?.input_tokens).toBeGreaterThan(0);
    expect(total?.response_metadata.finishReason).toBe('STOP');

    const [request] = server.requests;
    expect(request.path).toBe(`/v1beta/models/${DEFAULT_GEMINI_MODEL}:streamGenerateContent`);
    expect(request.query.alt).toBe('sse');
    expect(request.headers['x-goog-api-key']).toBe('test-key');
    expect(lastUserTextIn(request)).toBe('When does Barcelona play?');
    expect(request.body.generationConfig).toMatchObject({ temperature: 0.2 });
  });

  it('returns a function call as a tool call, declares the tools, and sends the tool result back as a functionResponse part', async () => {
    server.script(gemini.functionCall('get_odds', { team: 'Barcelona' }), gemini.text('Barcelona are 1.90 to win.', { chunks: 2 }));
    const bound = model().bindTools([getOdds]);
    const history = [new HumanMessage('Odds for Barcelona?')];

    let first: AIMessageChunk | undefined;
    for await (const chunk of await bound.stream(history)) first = first ? first.concat(chunk) : chunk;
    expect(first?.tool_calls).toEqual([expect.objectContaining({ name: 'get_odds', args: { team: 'Barcelona' } })]);
    expect(server.requests[0].body.tools?.[0].functionDeclarations?.map((d) => d.name)).toEqual(['get_odds']);

    const call = first!.tool_calls![0];
    const result = await getOdds.invoke(call.args as { team: string });
    const followUp = [
      ...history,
      // additional_kwargs carry the call's thought signature, which Gemini 3 requires back.
      new AIMessage({ content: first!.content, tool_calls: first!.tool_calls, additional_kwargs: first!.additional_kwargs }),
      new ToolMessage({ content: result, tool_call_id: call.id!, name: 'get_odds' }),
    ];
    const answer = await bound.invoke(followUp);
    expect(answer.text).toBe('Barcelona are 1.90 to win.');
    expect(functionResponsesIn(server.requests[1])).toEqual([{ name: 'get_odds', response: { result: JSON.stringify({ team: 'Barcelona', home: 1.9 }) } }]);
  });

  it('uses generateContent for a non-streaming call', async () => {
    server.script(gemini.text('Hola.'));
    const reply = await new ChatGoogleGenerativeAI({ apiKey: 'test-key', model: DEFAULT_GEMINI_MODEL, baseUrl: server.baseUrl, maxRetries: 0 }).invoke('hola');
    expect(reply.text).toBe('Hola.');
    expect(server.requests[0].operation).toBe('generateContent');
  });

  it('surfaces an HTTP error with its status, once, when the client retry layer is off', async () => {
    server.script(gemini.error(503), gemini.text('never reached'));
    await expect(model().invoke('hi')).rejects.toMatchObject({ status: 503 });
    expect(server.requests).toHaveLength(1);
  });

  it('reports a 429 RetryInfo delay in errorDetails (the client drops response headers)', async () => {
    server.script(gemini.error(429, { retryAfterHeader: '2', retryDelay: '2s' }));
    const error: unknown = await model().invoke('hi').catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 429, errorDetails: [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '2s' }] });
  });

  it('a prepared model sends one request per call even when built with the default retry layer', async () => {
    server.script(gemini.error(503), gemini.error(503), gemini.text('never reached'));
    const defaults = new ChatGoogleGenerativeAI({ apiKey: 'test-key', model: DEFAULT_GEMINI_MODEL, baseUrl: server.baseUrl });
    await expect(prepareGeminiChatModel(defaults).invoke('hi')).rejects.toMatchObject({ status: 503 });
    expect(server.requests).toHaveLength(1);
  });

  it('rejects a wrong API key like Gemini does (400 API_KEY_INVALID)', async () => {
    const bad = new ChatGoogleGenerativeAI({ apiKey: 'wrong', model: DEFAULT_GEMINI_MODEL, baseUrl: server.baseUrl, maxRetries: 0 });
    await expect(bad.invoke('hi')).rejects.toMatchObject({ status: 400 });
    expect(server.requests[0].answeredWith).toBe('rejected-key');
  });

  it('streams a MALFORMED_FUNCTION_CALL candidate as an empty message (the stream drops content-less candidates)', async () => {
    server.script(gemini.malformedFunctionCall());
    let total: AIMessageChunk | undefined;
    for await (const chunk of await model().bindTools([getOdds]).stream('Odds for Barcelona?')) total = total ? total.concat(chunk) : chunk;
    expect(total?.text ?? '').toBe('');
    expect(total?.tool_calls ?? []).toEqual([]);
  });

  it('gives up on a stalled request when the caller aborts, and the server sees the connection close', async () => {
    server.script(gemini.stall());
    const started = Date.now();
    await expect(model().stream('hi', { signal: AbortSignal.timeout(300) }).then(async (s) => {
      for await (const _chunk of s) void _chunk;
    })).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(2_000);
    await waitUntil(() => server.requests[0]?.clientAborted === true);
  });

  it('a prepared model gives up on a stream that stalls half-way when the caller aborts, without an unhandled rejection', async () => {
    // Unprepared, the client's orphan "aggregated response" promise rejects unhandled here, which
    // exits a Node process (and fails this test).
    server.script(gemini.text('one two three four', { chunks: 4, stallAfterChunks: 2 }));
    const seen: string[] = [];
    await expect((async () => {
      for await (const chunk of await prepareGeminiChatModel(model()).stream('hi', { signal: AbortSignal.timeout(400) })) seen.push(chunk.text);
    })()).rejects.toThrow();
    expect(seen.join('')).toBe('one two ');
    await waitUntil(() => server.requests[0]?.clientAborted === true);
  });
});

async function waitUntil(check: () => boolean, timeoutMs = 2_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
