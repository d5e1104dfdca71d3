import { AIMessage, AIMessageChunk, HumanMessage, ToolMessage } from '@langchain/core/messages';
import { tool } from '@langchain/core/tools';
import { ChatGoogleGenerativeAI } from '@langchain/google-genai';
import { z } from 'zod';
import { DEFAULT_GEMINI_MODEL } from '@app/config';
import { prepareGeminiChatModel } from '../libs/llm/src/gemini/index.js';
import { textOf } from '../libs/llm/src/agent/chat-model.runner.js';
import {
  FakeGeminiServer,
  functionResponsesIn,
  gemini,
  lastUserTextIn,
  RETIRED_GEMINI_MODEL,
  signedFunctionCallsIn,
  type GeminiContent,
} from './fakes/fake-gemini-server.js';

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

describe('The fake Gemini server holds requests to the rules the live API enforces today', () => {
  let server: FakeGeminiServer;

  beforeAll(async () => {
    server = await FakeGeminiServer.start({ apiKey: 'test-key' });
  });
  afterEach(() => server.reset());
  afterAll(() => server.close());

  const generate = (body: unknown, model = DEFAULT_GEMINI_MODEL) =>
    fetch(`${server.baseUrl}/v1beta/models/${model}:generateContent`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-goog-api-key': 'test-key' },
      body: JSON.stringify(body),
    });
  const ask: GeminiContent = { role: 'user', parts: [{ text: 'Odds for Barcelona?' }] };
  const answer: GeminiContent = { role: 'user', parts: [{ functionResponse: { name: 'get_odds', response: { result: '{"home":1.9}' } } }] };

  it('answers models.get for a current model, and 404 NOT_FOUND for a retired one', async () => {
    const current = await fetch(`${server.baseUrl}/v1beta/models/${DEFAULT_GEMINI_MODEL}`, { headers: { 'x-goog-api-key': 'test-key' } });
    expect(current.status).toBe(200);
    expect(await current.json()).toMatchObject({ name: `models/${DEFAULT_GEMINI_MODEL}`, version: '001', supportedGenerationMethods: expect.arrayContaining(['generateContent']) });

    const retired = await fetch(`${server.baseUrl}/v1beta/models/${RETIRED_GEMINI_MODEL}`, { headers: { 'x-goog-api-key': 'test-key' } });
    expect(retired.status).toBe(404);
    expect(await retired.json()).toMatchObject({ error: { code: 404, status: 'NOT_FOUND' } });
    expect(server.modelLookups.map((l) => [l.model, l.status])).toEqual([
      [DEFAULT_GEMINI_MODEL, 200],
      [RETIRED_GEMINI_MODEL, 404],
    ]);
    expect(server.requests).toEqual([]);
  });

  it('answers generateContent for a retired model with 404, without taking a scripted turn', async () => {
    server.script(gemini.text('never reached'));
    const response = await generate({ contents: [ask] }, RETIRED_GEMINI_MODEL);
    expect(response.status).toBe(404);
    expect(server.requests[0].answeredWith).toBe('unknown-model');
    expect(server.pending).toBe(1);
  });

  it('names the model that answered (modelVersion) and signs a function call', async () => {
    server.script(gemini.functionCall('get_odds', { team: 'Barcelona' }));
    const body = (await (await generate({ contents: [ask] })).json()) as { modelVersion: string; candidates: Array<{ content: GeminiContent }> };
    expect(body.modelVersion).toBe(DEFAULT_GEMINI_MODEL);
    expect(body.candidates[0].content.parts).toEqual([
      { functionCall: { name: 'get_odds', args: { team: 'Barcelona' } }, thoughtSignature: server.requests[0].issuedSignatures[0] },
    ]);
  });

  it('refuses a follow-up whose history dropped the signature of the turn\'s function call (400 INVALID_ARGUMENT)', async () => {
    server.script(gemini.functionCall('get_odds', { team: 'Barcelona' }), gemini.text('never reached'));
    await generate({ contents: [ask] });
    const unsigned: GeminiContent = { role: 'model', parts: [{ functionCall: { name: 'get_odds', args: { team: 'Barcelona' } } }] };
    const response = await generate({ contents: [ask, unsigned, answer] });
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as { error: { status: string; message: string } };
    expect(error.status).toBe('INVALID_ARGUMENT');
    expect(error.message).toMatch(/^Function call is missing a thought_signature in functionCall parts/);
    expect(error.message).toContain('default_api:get_odds');
    expect(server.pending).toBe(1);
  });

  it('refuses a signature it never issued, and accepts the one it did', async () => {
    server.script(gemini.functionCall('get_odds', { team: 'Barcelona' }), gemini.text('Barcelona are 1.90.'));
    await generate({ contents: [ask] });
    const call = { functionCall: { name: 'get_odds', args: { team: 'Barcelona' } } };
    const forged = await generate({ contents: [ask, { role: 'model', parts: [{ ...call, thoughtSignature: 'c2tpcA==' }] }, answer] });
    expect(forged.status).toBe(400);
    const signed = await generate({ contents: [ask, { role: 'model', parts: [{ ...call, thoughtSignature: server.requests[0].issuedSignatures[0] }] }, answer] });
    expect(signed.status).toBe(200);
  });

  it('checks only the current turn: an unsigned call before the last user message is accepted, as the API does', async () => {
    server.script(gemini.text('Hola.'));
    const earlier: GeminiContent = { role: 'model', parts: [{ functionCall: { name: 'get_odds', args: {} } }] };
    const reply: GeminiContent = { role: 'model', parts: [{ text: 'Barcelona are 1.90.' }] };
    const response = await generate({ contents: [ask, earlier, answer, reply, { role: 'user', parts: [{ text: 'Gracias' }] }] });
    expect(response.status).toBe(200);
  });

  it('refuses a request with both a thinking level and a thinking budget', async () => {
    server.script(gemini.text('never reached'));
    const response = await generate({ contents: [ask], generationConfig: { thinkingConfig: { thinkingLevel: 'LOW', thinkingBudget: 512 } } });
    expect(response.status).toBe(400);
    expect(server.requests[0].rejection).toContain('thinking_budget and thinking_level are not supported together');
  });
});

describe('ChatGoogleGenerativeAI on Gemini 3, against the fake Gemini server', () => {
  let server: FakeGeminiServer;

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

  const model = (thinkingConfig: ChatGoogleGenerativeAI['thinkingConfig']) =>
    new ChatGoogleGenerativeAI({ apiKey: 'test-key', model: DEFAULT_GEMINI_MODEL, baseUrl: server.baseUrl, maxRetries: 0, thinkingConfig });

  async function streamed(runnable: { stream: ChatGoogleGenerativeAI['stream'] }, input: Parameters<ChatGoogleGenerativeAI['stream']>[0]) {
    let total: AIMessageChunk | undefined;
    const texts: string[] = [];
    for await (const chunk of await runnable.stream(input)) {
      texts.push(textOf(chunk.content));
      total = total ? total.concat(chunk) : chunk;
    }
    return { total: total!, text: texts.join('') };
  }

  it('never sends a thinking level and a thinking budget together once prepared (unprepared, the server refuses it)', async () => {
    server.script(gemini.text('Hola.'));
    const both = { thinkingLevel: 'LOW' as const, thinkingBudget: 512 };
    await expect(model(both).invoke('hola')).rejects.toMatchObject({ status: 400 });
    expect(server.requests[0].answeredWith).toBe('invalid-request');

    const reply = await prepareGeminiChatModel(model(both)).invoke('hola');
    expect(reply.text).toBe('Hola.');
    expect(server.requests[1].body.generationConfig?.thinkingConfig).toEqual({ thinkingLevel: 'LOW' });
  });

  it('keeps thought summaries out of the answer text, counts thinking as output, and sends the thought back with the signed call', async () => {
    server.script(
      gemini.functionCalls([{ name: 'get_odds', args: { team: 'Barcelona' } }], { promptTokenCount: 50, candidatesTokenCount: 8, thoughtsTokenCount: 30, totalTokenCount: 88 }),
      gemini.text('Barcelona are 1.90 to win.', { chunks: 2, thought: 'The tool gave 1.90 for a home win.' }),
    );
    const bound = prepareGeminiChatModel(model({ thinkingLevel: 'LOW', includeThoughts: true })).bindTools([getOdds]);
    const history = [new HumanMessage('Odds for Barcelona?')];

    const first = await streamed(bound, history);
    expect(first.text).toBe('');
    expect(first.total.usage_metadata).toMatchObject({ input_tokens: 50, output_tokens: 38, total_tokens: 88 });
    const call = first.total.tool_calls![0];
    const followUp = [
      ...history,
      new AIMessage({ content: first.total.content, tool_calls: first.total.tool_calls, additional_kwargs: first.total.additional_kwargs }),
      new ToolMessage({ content: await getOdds.invoke(call.args as { team: string }), tool_call_id: call.id!, name: 'get_odds' }),
    ];
    const second = await streamed(bound, followUp);

    expect(second.text).toBe('Barcelona are 1.90 to win.');
    expect(JSON.stringify(second.total.content)).toContain('The tool gave 1.90 for a home win.');
    expect(server.requests[1].answeredWith).toBe('text');
    expect(signedFunctionCallsIn(server.requests[1])).toEqual([{ name: 'get_odds', thoughtSignature: server.requests[0].issuedSignatures[0] }]);
    const replayed = server.requests[1].body.contents.find((content) => content.role === 'model');
    expect(replayed?.parts[0]).toMatchObject({ thought: true, text: expect.any(String) });
  });

  it('loses the follow-up to a 400 when the history message is rebuilt without its additional_kwargs', async () => {
    server.script(gemini.functionCall('get_odds', { team: 'Barcelona' }), gemini.text('never reached'));
    const bound = model({ thinkingLevel: 'LOW' }).bindTools([getOdds]);
    const history = [new HumanMessage('Odds for Barcelona?')];
    const first = await streamed(bound, history);
    const call = first.total.tool_calls![0];
    // LangChain fills in a placeholder signature for a Gemini 3 call it has none for; the API does not take it.
    const followUp = [
      ...history,
      new AIMessage({ content: first.total.content, tool_calls: first.total.tool_calls }),
      new ToolMessage({ content: '{}', tool_call_id: call.id!, name: 'get_odds' }),
    ];
    await expect(bound.invoke(followUp)).rejects.toMatchObject({ status: 400 });
    expect(server.requests[1].answeredWith).toBe('invalid-request');
    expect(server.pending).toBe(1);
    server.reset();
  });
});

async function waitUntil(check: () => boolean, timeoutMs = 2_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
