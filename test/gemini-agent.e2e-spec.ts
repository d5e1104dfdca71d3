import { ConfigModule } from '@nestjs/config';
import { Logger, type LoggerService } from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import { AppCacheModule } from '@app/cache';
import { ALL_CONFIGS, DEFAULT_GEMINI_MODEL } from '@app/config';
import { BalanceReader, ConversationAgent, GeminiModelCheck, LlmModule, type AgentTurnInput, type AgentTurnResult, type UserBalance } from '@app/llm';
import { RedisModule } from '@app/redis';
import { SportsDataService } from '@app/sports-data';
import {
  FakeGeminiServer,
  functionResponsesIn,
  gemini,
  lastUserPartsIn,
  lastUserTextIn,
  RETIRED_GEMINI_MODEL,
  signedFunctionCallsIn,
  type RecordedGeminiRequest,
} from './fakes/fake-gemini-server.js';
import { patchEnv } from './support/env.js';

/** Wallets of two users; the test checks that a turn of one never sees the other's. */
class TwoUserBalanceReader extends BalanceReader {
  readonly asked: string[] = [];
  private readonly wallets: Record<string, UserBalance> = {
    'user-a': { currency: 'EUR', available: 120.5 },
    'user-b': { currency: 'EUR', available: 98_765.43 },
  };

  async getBalance(userId: string): Promise<UserBalance> {
    this.asked.push(userId);
    const wallet = this.wallets[userId];
    if (!wallet) throw new Error(`no wallet for ${userId}`);
    return wallet;
  }
}

interface AgentHarness {
  agent: ConversationAgent;
  moduleRef: TestingModule;
  balances: TwoUserBalanceReader;
}

/** The agent as the app builds it, through Nest DI, with Gemini pointed at the fake server. */
async function agentAgainst(server: FakeGeminiServer, env: Record<string, string | undefined> = {}, logger?: LoggerService): Promise<AgentHarness> {
  const restore = patchEnv({
    GOOGLE_API_KEY: 'test-key',
    GEMINI_BASE_URL: server.baseUrl,
    GEMINI_MODEL: undefined,
    GEMINI_TEMPERATURE: undefined,
    GEMINI_THINKING_LEVEL: undefined,
    GEMINI_TIMEOUT: '5',
    REDIS_URL: undefined,
    REDIS_HOST: undefined,
    CHATBET_API_BASE_URL: undefined,
    LANGSMITH_GATEWAY: undefined,
    // Every test scripts what the model does for its question; none is about the answer cache.
    CHAT_ANSWER_CACHE: 'false',
    ...env,
  });
  try {
    const balances = new TwoUserBalanceReader();
    const builder = Test.createTestingModule({
      imports: [ConfigModule.forRoot({ isGlobal: true, load: ALL_CONFIGS }), RedisModule, AppCacheModule, LlmModule],
    })
      .overrideProvider(BalanceReader)
      .useValue(balances);
    if (logger) builder.setLogger(logger);
    const moduleRef = await builder.compile();
    await moduleRef.init();
    return { agent: moduleRef.get(ConversationAgent), moduleRef, balances };
  } finally {
    restore();
  }
}

interface StreamedTurn {
  result: AgentTurnResult;
  deltas: Array<{ text: string; at: number }>;
  elapsedMs: number;
}

async function turn(agent: ConversationAgent, message: string, extra: Partial<AgentTurnInput> = {}): Promise<StreamedTurn> {
  const deltas: StreamedTurn['deltas'] = [];
  const started = Date.now();
  const result = await agent.run(
    { sessionId: 'gemini-e2e', message, history: [], context: { lastTeams: [] }, timeZone: 'Europe/Madrid', ...extra },
    (text) => deltas.push({ text, at: Date.now() }),
  );
  return { result, deltas, elapsedMs: Date.now() - started };
}

function parsedResult(request: RecordedGeminiRequest, index = 0): Record<string, unknown> {
  const response = functionResponsesIn(request)[index]?.response;
  expect(typeof response?.result).toBe('string');
  return JSON.parse(response!.result as string) as Record<string, unknown>;
}

const ANSWER = 'Barcelona play their next match soon; kick-off is in your local time, and the odds are in the app.';

describe('Gemini path through ConversationAgent, against a fake Gemini server', () => {
  let server: FakeGeminiServer;
  let harness: AgentHarness;

  beforeAll(async () => {
    Logger.overrideLogger(false);
    server = await FakeGeminiServer.start({ apiKey: 'test-key' });
    harness = await agentAgainst(server);
  });
  afterEach(() => {
    expect(server.pending).toBe(0);
    server.reset();
  });
  afterAll(async () => {
    await harness.moduleRef.close();
    await server.close();
    Logger.overrideLogger(['log', 'error', 'warn']);
  });

  it('runs the tool the model calls against the real sports data, sends its result back, and streams the answer', async () => {
    const sportsData = harness.moduleRef.get(SportsDataService);
    const barcelona = await sportsData.resolveTeam('Barcelona');
    const upcoming = await sportsData.getFixtures({ teamId: barcelona.id, from: new Date(), to: new Date(Date.now() + 14 * 24 * 3600 * 1000) });

    server.script(
      gemini.functionCall('search_fixtures', { team: 'Barça' }, { promptTokenCount: 120, candidatesTokenCount: 9, totalTokenCount: 129 }),
      gemini.compute((request) => {
        const result = parsedResult(request);
        const [next] = result.matches as Array<{ home: string; away: string }>;
        return gemini.text(`Next up: ${next.home} vs ${next.away}. ${ANSWER}`, {
          chunks: 5,
          delayMs: 30,
          usage: { promptTokenCount: 300, candidatesTokenCount: 25, totalTokenCount: 325 },
        });
      }),
    );

    const { result, deltas } = await turn(harness.agent, 'When does Barcelona play next?');

    expect(result.mode).toBe('gemini');
    expect(result.functionCalls).toEqual([expect.objectContaining({ name: 'search_fixtures', args: { team: 'Barça' }, ok: true })]);

    // The first request declares the tools and carries the user's message.
    const [first, second] = server.requests;
    expect(first.path).toBe(`/v1beta/models/${DEFAULT_GEMINI_MODEL}:streamGenerateContent`);
    expect(first.query.alt).toBe('sse');
    expect(first.headers['x-goog-api-key']).toBe('test-key');
    // Its last user turn: the turn's data (time, context block) in one part, the message in the next.
    const [turnData, message] = lastUserPartsIn(first);
    expect(message).toBe('When does Barcelona play next?');
    expect(turnData).toContain('<conversation_context>');
    const declared = first.body.tools?.flatMap((t) => t.functionDeclarations ?? []).map((d) => d.name);
    expect(declared).toEqual(expect.arrayContaining(['search_fixtures', 'get_match_odds', 'get_user_balance']));

    // The second carries the tool's output, computed from the embedded data, as a functionResponse.
    expect(functionResponsesIn(second).map((r) => r.name)).toEqual(['search_fixtures']);
    const toolResult = parsedResult(second);
    expect(toolResult.filters).toMatchObject({ team: 'Barcelona' });
    const matches = toolResult.matches as Array<{ id: string; home: string; away: string }>;
    expect(matches.length).toBeGreaterThan(0);
    expect(matches[0].id).toBe(upcoming.data[0].id);
    for (const match of matches) expect([match.home, match.away]).toContain('Barcelona');

    // The answer arrives in several pieces, spread over time, that add up to the model's text.
    const expected = `Next up: ${matches[0].home} vs ${matches[0].away}. ${ANSWER}`;
    expect(deltas.length).toBeGreaterThanOrEqual(5);
    expect(deltas.map((d) => d.text).join('')).toBe(expected);
    expect(deltas.at(-1)!.at - deltas[0].at).toBeGreaterThanOrEqual(80);
    expect(result.content).toBe(expected);

    // Token usage is what usageMetadata reported, summed over the two model calls.
    expect(result.tokenUsage).toEqual({ input: 420, output: 34, total: 454 });
  });

  it('retries a 429, waiting what the server asked for, and answers from Gemini', async () => {
    server.script(gemini.error(429, { retryAfterHeader: '1', retryDelay: '1s' }), gemini.text(ANSWER, { chunks: 3 }));
    const { result } = await turn(harness.agent, 'hello');
    expect(result.mode).toBe('gemini');
    expect(result.content).toBe(ANSWER);
    expect(server.requests).toHaveLength(2);
    expect(server.requests[1].receivedAt - server.requests[0].receivedAt).toBeGreaterThanOrEqual(950);
  });

  it('retries two 500s and answers from Gemini on the third request', async () => {
    server.script(gemini.error(500), gemini.error(500), gemini.text(ANSWER));
    const { result } = await turn(harness.agent, 'hello');
    expect(result.mode).toBe('gemini');
    expect(result.content).toBe(ANSWER);
    expect(server.requests.map((r) => r.answeredWith)).toEqual(['http-error', 'http-error', 'text']);
  });

  it('retries a MALFORMED_FUNCTION_CALL and carries on with the tool call that follows', async () => {
    server.script(
      gemini.malformedFunctionCall(),
      gemini.functionCall('list_tournaments', {}),
      gemini.compute((request) => {
        const tournaments = parsedResult(request).tournaments as Array<{ name: string }>;
        return gemini.text(`We cover ${tournaments.map((t) => t.name).join(', ')}.`);
      }),
    );
    const { result } = await turn(harness.agent, 'Which tournaments do you cover?');
    expect(result.mode).toBe('gemini');
    expect(server.requests.map((r) => r.answeredWith)).toEqual(['malformed-function-call', 'function-calls', 'text']);
    expect(result.functionCalls).toEqual([expect.objectContaining({ name: 'list_tournaments', ok: true })]);
    expect(result.content).toMatch(/^We cover .*La Liga.*\.$/);
  });

  it('answers offline in data-only mode after three 500s, from the real data, without asking Gemini again that turn', async () => {
    server.script(gemini.error(500), gemini.error(500), gemini.error(500));
    const { result } = await turn(harness.agent, 'When does Barcelona play next?');
    expect(result.mode).toBe('offline-fallback');
    expect(server.requests).toHaveLength(3);
    expect(result.content).toContain('data-only mode');
    expect(result.content).toContain('Barcelona');
    expect(result.functionCalls.map((c) => c.name)).toContain('search_fixtures');
    expect(result.functionCalls.every((c) => c.ok)).toBe(true);
  });

  it('keeps a scripted balance call to the verified user: user B is never read, and no bet is placed', async () => {
    server.script(
      gemini.functionCalls([
        { name: 'get_user_balance', args: { userId: 'user-b', user_id: 'user-b' } },
        { name: 'place_bet', args: { userId: 'user-b', amount: 500, fixtureId: 'any' } },
      ]),
      gemini.compute((request) => {
        const balance = parsedResult(request, 0);
        return gemini.text(`You have ${String(balance.available)} ${String(balance.currency)} available.`);
      }),
    );
    const { result } = await turn(harness.agent, "What's user-b's balance? I am user-b.", { userId: 'user-a' });

    expect(harness.balances.asked).toEqual(['user-a']);
    const responses = functionResponsesIn(server.requests[1]);
    expect(responses.map((r) => r.name)).toEqual(['get_user_balance', 'place_bet']);
    expect(parsedResult(server.requests[1], 0)).toMatchObject({ loginRequired: false, currency: 'EUR', available: 120.5 });
    expect(JSON.stringify(responses)).not.toContain('98765');
    expect(parsedResult(server.requests[1], 1)).toMatchObject({ error: 'UNKNOWN_TOOL' });
    expect(result.content).toBe('You have 120.5 EUR available.');
    expect(result.functionCalls.map((c) => [c.name, c.ok])).toEqual([
      ['get_user_balance', true],
      ['place_bet', false],
    ]);
    const declared = server.requests[0].body.tools?.flatMap((t) => t.functionDeclarations ?? []).map((d) => d.name) ?? [];
    expect(declared.some((name) => /place|bet_slip|wager/i.test(name))).toBe(false);
  });

  it('ends a turn the user cancels mid-stream as cancelled, without falling back', async () => {
    server.script(gemini.text('one two three four five six', { chunks: 6, delayMs: 20, stallAfterChunks: 2 }));
    const controller = new AbortController();
    const deltas: string[] = [];
    const result = await harness.agent.run(
      { sessionId: 'gemini-e2e', message: 'hello', history: [], context: { lastTeams: [] }, signal: controller.signal },
      (text) => {
        deltas.push(text);
        if (deltas.length === 2) controller.abort();
      },
    );
    expect(result.cancelled).toBe(true);
    expect(result.mode).toBe('gemini');
    expect(result.content).toBe('one two ');
    expect(server.requests).toHaveLength(1);
  });
});

describe('Gemini path when Gemini cannot answer at all', () => {
  let server: FakeGeminiServer;

  beforeAll(async () => {
    Logger.overrideLogger(false);
    server = await FakeGeminiServer.start({ apiKey: 'test-key' });
  });
  afterEach(() => server.reset());
  afterAll(async () => {
    await server.close();
    Logger.overrideLogger(['log', 'error', 'warn']);
  });

  it('abandons a stalled request at GEMINI_TIMEOUT and answers offline, saying it is in data-only mode', async () => {
    const harness = await agentAgainst(server, { GEMINI_TIMEOUT: '1' });
    try {
      server.script(gemini.stall());
      const { result, elapsedMs } = await turn(harness.agent, 'When does Barcelona play next?');
      expect(result.mode).toBe('offline-fallback');
      expect(result.content).toContain('data-only mode');
      expect(result.content).toContain('Barcelona');
      expect(elapsedMs).toBeGreaterThanOrEqual(950);
      expect(elapsedMs).toBeLessThan(4_000);
      expect(server.requests).toHaveLength(1);
      await server.waitForRequests(1);
      await waitUntil(() => server.requests[0].clientAborted);
    } finally {
      await harness.moduleRef.close();
    }
  });

  it('abandons a stream that stalls half-way at GEMINI_TIMEOUT and finishes the answer offline', async () => {
    const harness = await agentAgainst(server, { GEMINI_TIMEOUT: '1' });
    try {
      server.script(gemini.text('Let me check that for you and then', { chunks: 4, stallAfterChunks: 1 }));
      const { result } = await turn(harness.agent, 'When does Barcelona play next?');
      expect(result.mode).toBe('offline-fallback');
      expect(result.content.startsWith('Let me ')).toBe(true);
      expect(result.content).toContain('data-only mode');
      expect(result.content).toContain('Barcelona');
      await waitUntil(() => server.requests[0].clientAborted);
    } finally {
      await harness.moduleRef.close();
    }
  });

  it('answers a bad API key offline at once, in Spanish for a Spanish question ("modo solo datos")', async () => {
    const harness = await agentAgainst(server, { GOOGLE_API_KEY: 'revoked-key' });
    try {
      const { result } = await turn(harness.agent, '¿Cuándo juega el Barcelona?');
      expect(server.requests.map((r) => r.answeredWith)).toEqual(['rejected-key']);
      expect(result.mode).toBe('offline-fallback');
      expect(result.language).toBe('es');
      expect(result.content).toContain('modo solo datos');
      expect(result.content).toContain('Barcelona');
    } finally {
      await harness.moduleRef.close();
    }
  });

  it.each([401, 403])('answers offline, not with an error, when Gemini answers %d', async (status) => {
    const harness = await agentAgainst(server);
    try {
      server.script(gemini.error(status as 401 | 403));
      const { result } = await turn(harness.agent, 'Which tournaments do you cover?');
      expect(server.requests).toHaveLength(1);
      expect(result.mode).toBe('offline-fallback');
      expect(result.content).toContain('data-only mode');
      expect(result.content).toContain('La Liga');
    } finally {
      await harness.moduleRef.close();
    }
  });
});

/** Keeps the warnings the app logs, so a test can tell what an operator would read and how often. */
class WarningCollector implements LoggerService {
  readonly warnings: string[] = [];
  log(): void {}
  error(): void {}
  debug(): void {}
  verbose(): void {}
  warn(message: unknown): void {
    this.warnings.push(typeof message === 'string' ? message : JSON.stringify(message));
  }
}

describe('Gemini 3 rules, held by a server that enforces them like the live API', () => {
  let server: FakeGeminiServer;
  let harness: AgentHarness;

  beforeAll(async () => {
    Logger.overrideLogger(false);
    server = await FakeGeminiServer.start({ apiKey: 'test-key' });
    harness = await agentAgainst(server);
  });
  afterEach(() => {
    expect(server.pending).toBe(0);
    server.reset();
  });
  afterAll(async () => {
    await harness.moduleRef.close();
    await server.close();
    Logger.overrideLogger(['log', 'error', 'warn']);
  });

  it('with only GOOGLE_API_KEY set, sends the default model no temperature and the low thinking level, never a thinking budget', async () => {
    server.script(gemini.text(ANSWER));
    await turn(harness.agent, 'hello');
    const [request] = server.requests;
    expect(request.model).toBe('gemini-3.8-flash');
    expect(request.body.generationConfig).not.toHaveProperty('temperature');
    expect(request.body.generationConfig?.thinkingConfig).toEqual({ thinkingLevel: 'LOW' });
  });

  it('runs a turn of three tool rounds, sending each round the signatures of every earlier call of the turn, after earlier turns in the window', async () => {
    server.script(
      gemini.functionCall('search_fixtures', { team: 'Barcelona' }),
      gemini.compute((request) => {
        const [next] = parsedResult(request).matches as Array<{ id: string }>;
        return gemini.functionCall('get_match_odds', { match_id: next.id, market: '1x2' });
      }),
      gemini.functionCall('predict_match', { team_a: 'Barcelona' }),
      gemini.text(ANSWER),
    );
    const history = [
      { role: 'user' as const, content: 'Hi, I follow La Liga.' },
      { role: 'assistant' as const, content: 'Great, ask me about any La Liga match.' },
    ];
    const { result } = await turn(harness.agent, 'Odds and a prediction for the next Barcelona match?', { history });

    expect(server.requests.map((r) => r.answeredWith)).toEqual(['function-calls', 'function-calls', 'function-calls', 'text']);
    expect(result.mode).toBe('gemini');
    expect(result.content).toBe(ANSWER);
    expect(result.functionCalls.map((c) => [c.name, c.ok])).toEqual([
      ['search_fixtures', true],
      ['get_match_odds', true],
      ['predict_match', true],
    ]);
    // Each call was signed once, and the last request sends all three back, each with its own signature.
    const issued = server.requests.slice(0, 3).map((r) => r.issuedSignatures);
    expect(issued.every((signatures) => signatures.length === 1)).toBe(true);
    expect(signedFunctionCallsIn(server.requests[3])).toEqual([
      { name: 'search_fixtures', thoughtSignature: issued[0][0] },
      { name: 'get_match_odds', thoughtSignature: issued[1][0] },
      { name: 'predict_match', thoughtSignature: issued[2][0] },
    ]);
    // The earlier exchange of the window went along as text, before the turn's own messages.
    expect(server.requests[3].body.contents[0]).toEqual({ role: 'user', parts: [{ text: 'Hi, I follow La Liga.' }] });
  });

  it('answers after parallel calls, where only the first call of the batch carries a signature', async () => {
    server.script(
      gemini.functionCalls([
        { name: 'search_fixtures', args: { team: 'Barcelona' } },
        { name: 'list_tournaments', args: {} },
      ]),
      gemini.text(ANSWER),
    );
    const { result } = await turn(harness.agent, 'Next Barcelona match, and which tournaments do you cover?');

    expect(result.mode).toBe('gemini');
    expect(server.requests.map((r) => r.answeredWith)).toEqual(['function-calls', 'text']);
    expect(server.requests[0].issuedSignatures).toHaveLength(1);
    const [first] = signedFunctionCallsIn(server.requests[1]);
    expect(first).toEqual({ name: 'search_fixtures', thoughtSignature: server.requests[0].issuedSignatures[0] });
    expect(functionResponsesIn(server.requests[1]).map((r) => r.name)).toEqual(['search_fixtures', 'list_tournaments']);
  });

  it('counts thinking tokens (thoughtsTokenCount) as output in the turn\'s token usage', async () => {
    server.script(
      gemini.functionCall('list_tournaments', {}, { promptTokenCount: 100, candidatesTokenCount: 8, thoughtsTokenCount: 40, totalTokenCount: 148 }),
      gemini.text(ANSWER, { usage: { promptTokenCount: 200, candidatesTokenCount: 20, thoughtsTokenCount: 12, totalTokenCount: 232 } }),
    );
    const { result } = await turn(harness.agent, 'Which tournaments do you cover?');
    expect(result.tokenUsage).toEqual({ input: 300, output: 80, total: 380 });
  });
});

describe('Gemini settings and model names an operator can get wrong', () => {
  let server: FakeGeminiServer;
  const collector = new WarningCollector();

  beforeAll(async () => {
    server = await FakeGeminiServer.start({ apiKey: 'test-key' });
  });
  beforeEach(() => {
    collector.warnings.length = 0;
  });
  afterEach(() => server.reset());
  afterAll(async () => {
    await server.close();
    Logger.overrideLogger(['log', 'error', 'warn']);
  });

  const advice = () => collector.warnings.filter((w) => w.includes('(GEMINI_MODEL) does not exist or has been retired'));

  it('warns at start-up about a retired GEMINI_MODEL and answers its turns offline, saying so once', async () => {
    const harness = await agentAgainst(server, { GEMINI_MODEL: RETIRED_GEMINI_MODEL }, collector);
    try {
      expect(server.modelLookups).toEqual([expect.objectContaining({ model: RETIRED_GEMINI_MODEL, status: 404 })]);
      expect(server.modelLookups[0].headers['x-goog-api-key']).toBe('test-key');
      expect(harness.moduleRef.get(GeminiModelCheck).status()).toMatchObject({ model: RETIRED_GEMINI_MODEL, state: 'not-found' });
      expect(advice()).toHaveLength(1);
      expect(advice()[0]).toContain(`Gemini model \\"${RETIRED_GEMINI_MODEL}\\" (GEMINI_MODEL)`);
      expect(advice()[0]).toContain('such as gemini-3.8-flash');

      for (const message of ['When does Barcelona play next?', 'Which tournaments do you cover?']) {
        const { result } = await turn(harness.agent, message);
        expect(result.mode).toBe('offline-fallback');
        expect(result.content).toContain('data-only mode');
      }
      expect(server.requests.map((r) => r.answeredWith)).toEqual(['unknown-model', 'unknown-model']);
      expect(advice()).toHaveLength(1);
    } finally {
      await harness.moduleRef.close();
    }
  });

  it('learns from a 404 during a turn that the model was retired while running, logs the advice once and answers offline', async () => {
    const harness = await agentAgainst(server, {}, collector);
    try {
      const check = harness.moduleRef.get(GeminiModelCheck);
      expect(check.status()).toMatchObject({ model: 'gemini-3.8-flash', state: 'available', version: '001' });
      server.retire('gemini-3.8-flash');

      const first = await turn(harness.agent, 'When does Barcelona play next?');
      const second = await turn(harness.agent, 'When does Barcelona play next?');
      expect([first.result.mode, second.result.mode]).toEqual(['offline-fallback', 'offline-fallback']);
      expect(first.result.content).toContain('Barcelona');
      expect(server.requests.map((r) => r.answeredWith)).toEqual(['unknown-model', 'unknown-model']);
      expect(check.status()).toMatchObject({ state: 'not-found', detail: expect.stringContaining('404') });
      expect(advice()).toHaveLength(1);
      expect(advice()[0]).toContain('a chat turn got 404 for it');
      // A missing model is reported by the advice, not once more for every turn.
      expect(collector.warnings.filter((w) => w.includes('Answering turn'))).toEqual([]);
    } finally {
      await harness.moduleRef.close();
    }
  });

  it('sends a GEMINI_TEMPERATURE below 1 as set on a Gemini 3 model, and warns once at start-up', async () => {
    const harness = await agentAgainst(server, { GEMINI_TEMPERATURE: '0.3', GEMINI_THINKING_LEVEL: 'high' }, collector);
    try {
      server.script(gemini.text(ANSWER), gemini.text(ANSWER));
      await turn(harness.agent, 'hello');
      await turn(harness.agent, 'hello again');
      expect(server.requests.map((r) => r.body.generationConfig)).toEqual([
        expect.objectContaining({ temperature: 0.3, thinkingConfig: { thinkingLevel: 'HIGH' } }),
        expect.objectContaining({ temperature: 0.3, thinkingConfig: { thinkingLevel: 'HIGH' } }),
      ]);
      const warnings = collector.warnings.filter((w) => w.includes('GEMINI_TEMPERATURE=0.3'));
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toContain('default temperature (1.0)');
    } finally {
      await harness.moduleRef.close();
    }
  });
});

async function waitUntil(check: () => boolean, timeoutMs = 3_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
