import request from 'supertest';
import { FakeGeminiServer, functionResponsesIn, gemini, lastUserTextIn, type RecordedGeminiRequest, type ScriptedTurn } from './fakes/fake-gemini-server.js';
import { connectChat, connectWs, listen, type ReceivedEvent } from './support/chat-clients.js';
import { TEST_REDIS_URL, uniquePrefix } from './support/env.js';
import { sampleSum } from './support/prometheus-text.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/**
 * The grounding guard end to end: Gemini (the fake server) calls a real tool over the embedded
 * sports data, then answers with a script written from the tool result it was sent, with or
 * without a planted error. Every transport must stream the answer as written, then correct it
 * before its final frame, and deliver and store the corrected text.
 */

type ToolResult = Record<string, any>;

interface GroundingCase {
  name: string;
  question: string;
  call: { name: string; args: Record<string, unknown> };
  /** The answer written from the tool result the app sent back. */
  answer: (result: ToolResult) => string;
  /** For a planted error: the wrong text and the right one, both as written in the answer. */
  wrong?: (result: ToolResult) => { kind: string; value: string; expected: string };
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** "Tuesday 8 December at 20:00" from "2026-12-08 20:00", moved by `shiftDays`. */
function longKickoff(kickoffLocal: string, shiftDays = 0): string {
  const [day, time] = kickoffLocal.split(' ');
  const [y, m, d] = day.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d + shiftDays));
  return `${WEEKDAYS[date.getUTCDay()]} ${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} at ${time}`;
}

const winner = (r: ToolResult) => r.markets.find((m: ToolResult) => m.market === '1x2').selections as ToolResult[];
const over25 = (r: ToolResult) => r.markets.find((m: ToolResult) => m.market === 'over_under' && m.line === 2.5)?.selections.find((s: ToolResult) => s.key === 'over') as ToolResult;
const money = (v: number) => `€${v.toFixed(2)}`;

/** Every number of a tool result. */
function numbersIn(node: unknown): number[] {
  if (typeof node === 'number') return [node];
  if (Array.isArray(node)) return node.flatMap(numbersIn);
  if (typeof node === 'object' && node !== null) return Object.values(node).flatMap(numbersIn);
  return [];
}

/**
 * The home side's model probability moved by about nine points, as a percentage with two decimals,
 * and clear of every probability of the result (as it is, its complement, the one a price implies):
 * the prices move, so a fixed offset could land on one of them.
 */
function wrongShare(r: ToolResult): string {
  const taken = numbersIn(r).flatMap((x) => [x * 100, 100 - x * 100, x > 1 ? 100 / x : -1]);
  let candidate = r.probabilities.home * 100 + 9.37;
  while (taken.some((t) => Math.abs(t - candidate) < 0.05)) candidate += 0.73;
  return candidate.toFixed(2);
}

const CASES: GroundingCase[] = [
  {
    name: 'a wrong price',
    question: 'What are the odds for Barcelona?',
    call: { name: 'get_match_odds', args: { team_a: 'Barcelona' } },
    answer: (r) => {
      const [home, draw, away] = winner(r);
      return `${home.name} are ${(home.odds + 0.1).toFixed(2)} to win, the draw is ${draw.odds.toFixed(2)} and ${away.name} ${away.odds.toFixed(2)}.`;
    },
    wrong: (r) => ({ kind: 'odds', value: (winner(r)[0].odds + 0.1).toFixed(2), expected: winner(r)[0].odds.toFixed(2) }),
  },
  {
    name: 'a wrong payout',
    question: 'What would €10 on Barcelona return?',
    call: { name: 'simulate_bet', args: { selections: [{ team_a: 'Barcelona', selection: 'Barcelona' }], stake: 10, currency: 'EUR' } },
    answer: (r) => `A €10 stake on ${r.legs[0].pick} at ${r.odds.toFixed(2)} would return ${money(r.potentialReturn + 2)}.`,
    wrong: (r) => ({ kind: 'money', value: money(r.potentialReturn + 2), expected: money(r.potentialReturn) }),
  },
  {
    name: 'a wrong probability',
    question: 'How likely are Barcelona to win their next match?',
    call: { name: 'predict_match', args: { team_a: 'Barcelona' } },
    answer: (r) => `Our model gives ${r.match.home} a ${wrongShare(r)}% chance of winning.`,
    wrong: (r) => ({ kind: 'probability', value: `${wrongShare(r)}%`, expected: `${(r.probabilities.home * 100).toFixed(2)}%` }),
  },
  {
    name: 'a kick-off date shifted a day',
    question: 'When do Barcelona play next?',
    call: { name: 'get_match_odds', args: { team_a: 'Barcelona' } },
    answer: (r) => `${r.match.home} vs ${r.match.away} kicks off on ${longKickoff(r.match.kickoffLocal, 1)}.`,
    wrong: (r) => ({ kind: 'datetime', value: longKickoff(r.match.kickoffLocal, 1), expected: longKickoff(r.match.kickoffLocal) }),
  },
  {
    name: 'a correct answer with list numbering and years',
    question: 'Give me the Barcelona prices as a list',
    call: { name: 'get_match_odds', args: { team_a: 'Barcelona' } },
    answer: (r) => {
      const [home, draw, away] = winner(r);
      return (
        `My top 3 prices for this 2026 fixture, ${longKickoff(r.match.kickoffLocal)}:\n` +
        `1. ${home.name} at ${home.odds.toFixed(2)} (${(home.impliedProbability * 100).toFixed(1)}% implied)\n` +
        `2. Draw at ${draw.odds.toFixed(2)}\n3. ${away.name} at ${away.odds.toFixed(2)}\nThe two clubs first met in 1929.`
      );
    },
  },
  {
    name: 'a correct answer with derived arithmetic',
    question: 'What would €10 on Barcelona, and a double with over 2.5 goals, pay?',
    call: { name: 'get_match_odds', args: { team_a: 'Barcelona' } },
    answer: (r) => {
      const home = winner(r)[0];
      const over = over25(r);
      return (
        `€10 × ${home.odds.toFixed(2)} = ${money(10 * home.odds)}, a profit of ${money(10 * (home.odds - 1))}. ` +
        `As a double with Over 2.5 goals: ${home.odds.toFixed(2)} × ${over.odds.toFixed(2)} = ${(home.odds * over.odds).toFixed(2)}.`
      );
    },
  },
];

/** The tool result the app sent back in this request (the last function response). */
function toolResultIn(recorded: RecordedGeminiRequest): ToolResult {
  const responses = functionResponsesIn(recorded);
  return JSON.parse(responses[responses.length - 1].response.result as string) as ToolResult;
}

interface Outcome {
  streamed: string;
  final: string;
  correction?: Record<string, any>;
  /** Names of the events of the turn, in order. */
  order: string[];
  sessionId: string;
}

type Transport = 'rest' | 'sse' | 'socket.io' | 'websocket';

describe('Grounding guard on every transport, against the Gemini protocol server', () => {
  let server: FakeGeminiServer;
  let t: TestApp;
  let baseUrl: string;

  beforeAll(async () => {
    server = await FakeGeminiServer.start({ apiKey: 'test-key' });
    t = await createTestApp({
      env: {
        GOOGLE_API_KEY: 'test-key',
        GEMINI_BASE_URL: server.baseUrl,
        GEMINI_MODEL: undefined,
        GEMINI_TEMPERATURE: undefined,
        GEMINI_THINKING_LEVEL: undefined,
        GROUNDING_POLICY: undefined,
        REDIS_URL: TEST_REDIS_URL,
        REDIS_KEY_PREFIX: uniquePrefix('grounding'),
        LANGSMITH_GATEWAY: undefined,
      },
    });
    baseUrl = await listen(t);
  });
  afterEach(() => {
    expect(server.pending).toBe(0);
    server.reset();
  });
  afterAll(async () => {
    await t.close();
    await server.close();
  });

  const script = (c: GroundingCase, written: { answer?: string; result?: ToolResult }) =>
    server.script(
      gemini.functionCall(c.call.name, c.call.args),
      gemini.compute((recorded): ScriptedTurn => {
        written.result = toolResultIn(recorded);
        written.answer = c.answer(written.result);
        return gemini.text(written.answer, { chunks: 4, delayMs: 5 });
      }),
    );

  async function ask(transport: Transport, question: string, user: string): Promise<Outcome> {
    const http = t.app.getHttpServer();
    if (transport === 'rest') {
      const res = await request(http).post('/api/v1/chat/message').send({ message: question, user_id: user, time_zone: 'Europe/Madrid' }).expect(200);
      return { streamed: '', final: res.body.message, correction: res.body.grounding, order: [], sessionId: res.body.session_id };
    }
    if (transport === 'sse') {
      const res = await request(http).post('/api/v1/chat/stream').send({ message: question, user_id: user, time_zone: 'Europe/Madrid' }).buffer(true).parse(textParser).expect(200);
      const events = parseSse(String(res.body));
      const done = events.find((e) => e.event === 'done')?.data as Record<string, any>;
      return {
        streamed: events.filter((e) => e.event === 'token').map((e) => (e.data as { content: string }).content).join(''),
        final: done.message,
        correction: events.find((e) => e.event === 'correction')?.data as Record<string, any> | undefined,
        order: events.map((e) => e.event),
        sessionId: done.session_id,
      };
    }
    const messageId = `m-${Math.random().toString(36).slice(2)}`;
    if (transport === 'socket.io') {
      const client = await connectChat(baseUrl, { user_id: user });
      try {
        await client.socket.timeout(5_000).emitWithAck('user_message', { content: question, message_id: messageId, time_zone: 'Europe/Madrid' });
        const events = await client.log.turnEnd(messageId);
        return outcomeOf(events, 'streaming_response', 'bot_response', String(client.status.session_id));
      } finally {
        client.socket.close();
      }
    }
    const client = await connectWs(`${baseUrl.replace('http', 'ws')}/ws/chat?user_id=${user}`);
    try {
      client.send({ type: 'user_message', content: question, message_id: messageId, time_zone: 'Europe/Madrid' });
      const events = await client.log.turnEnd(messageId);
      const outcome = outcomeOf(events, 'streaming_response', 'bot_response', client.sessionId);
      // The original protocol's clients read the answer from streaming_end: it carries the corrected text too.
      expect(events.find((e) => e.name === 'streaming_end')?.payload.final_content).toBe(outcome.final);
      return outcome;
    } finally {
      client.ws.close();
    }
  }

  describe.each<Transport>(['rest', 'sse', 'socket.io', 'websocket'])('over %s', (transport) => {
    it.each(CASES.map((c) => [c.name, c] as const))('classifies %s right', async (_name, c) => {
      const written: { answer?: string; result?: ToolResult } = {};
      script(c, written);
      const user = `grounding_${transport.replace('.', '')}_${Math.random().toString(36).slice(2, 8)}`;
      const outcome = await ask(transport, c.question, user);
      const answer = written.answer!;
      if (transport !== 'rest') expect(outcome.streamed).toBe(answer);

      if (!c.wrong) {
        expect(outcome.correction).toBeUndefined();
        expect(outcome.final).toBe(answer);
        return;
      }
      const wrong = c.wrong(written.result!);
      expect(outcome.correction).toMatchObject({ action: 'annotated', corrections: [{ kind: wrong.kind, value: wrong.value, expected: wrong.expected }] });
      expect(outcome.final).toBe(answer.replace(wrong.value, wrong.expected));
      if (transport !== 'rest') {
        expect(outcome.correction?.content).toBe(outcome.final);
        // The correction comes before the final frame.
        const final = transport === 'sse' ? 'done' : 'bot_response';
        expect(outcome.order.indexOf('correction')).toBeGreaterThan(-1);
        expect(outcome.order.indexOf('correction')).toBeLessThan(outcome.order.indexOf(final));
      }
      // The stored answer is the corrected one.
      const history = await request(t.app.getHttpServer()).get(`/api/v1/chat/history/${outcome.sessionId}?user_id=${user}`).expect(200);
      expect(history.body.messages.at(-1)).toMatchObject({ role: 'assistant', content: outcome.final });
    });
  });

  it('counts the flagged numbers by kind on /metrics', async () => {
    const metrics = (await request(t.app.getHttpServer()).get('/metrics').expect(200)).text;
    // One planted error of each of these kinds per transport, four transports.
    for (const kind of ['odds', 'money', 'probability', 'datetime']) {
      expect(sampleSum(metrics, 'chatbet_ungrounded_numbers_total', { kind })).toBe(4);
    }
  });
});

describe('Grounding guard, strict and off policies', () => {
  let server: FakeGeminiServer;
  const apps: TestApp[] = [];
  const appWith = async (policy: string) => {
    const app = await createTestApp({
      env: { GOOGLE_API_KEY: 'test-key', GEMINI_BASE_URL: server.baseUrl, GEMINI_MODEL: undefined, GROUNDING_POLICY: policy, LANGSMITH_GATEWAY: undefined },
    });
    apps.push(app);
    return app;
  };

  beforeAll(async () => {
    server = await FakeGeminiServer.start({ apiKey: 'test-key' });
  });
  afterEach(() => {
    expect(server.pending).toBe(0);
    server.reset();
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    await server.close();
  });

  it('strict: asks the model once to rewrite with the tool values, and the rewrite replaces the streamed text', async () => {
    const app = await appWith('strict');
    const c = CASES[0];
    const written: { answer?: string; result?: ToolResult; rewrite?: string } = {};
    server.script(
      gemini.functionCall(c.call.name, c.call.args),
      gemini.compute((recorded) => {
        written.result = toolResultIn(recorded);
        written.answer = c.answer(written.result);
        return gemini.text(written.answer);
      }),
      gemini.compute(() => {
        const [home] = winner(written.result!);
        written.rewrite = `${home.name} are ${home.odds.toFixed(2)} to win.`;
        return gemini.text(written.rewrite);
      }),
    );
    const res = await request(app.app.getHttpServer()).post('/api/v1/chat/stream').send({ message: c.question, user_id: 'strict_user' }).buffer(true).parse(textParser).expect(200);
    const events = parseSse(String(res.body));
    const wrong = c.wrong!(written.result!);
    expect(events.filter((e) => e.event === 'token').map((e) => (e.data as { content: string }).content).join('')).toBe(written.answer);
    expect(events.find((e) => e.event === 'correction')?.data).toMatchObject({ action: 'rewritten', content: written.rewrite, corrections: [{ value: wrong.value, expected: wrong.expected }] });
    expect((events.find((e) => e.event === 'done')?.data as { message: string }).message).toBe(written.rewrite);
    // The rewrite request names the wrong figure and the right one, and offers no tools.
    const rewriteRequest = server.requests[2];
    expect(lastUserTextIn(rewriteRequest)).toContain(`"${wrong.value}" is wrong: the data says "${wrong.expected}"`);
    expect(rewriteRequest.body.tools ?? []).toEqual([]);
  });

  it('strict: a rewrite that is still wrong is corrected in place', async () => {
    const app = await appWith('strict');
    const c = CASES[0];
    const written: { answer?: string; result?: ToolResult } = {};
    server.script(
      gemini.functionCall(c.call.name, c.call.args),
      gemini.compute((recorded) => {
        written.result = toolResultIn(recorded);
        written.answer = c.answer(written.result);
        return gemini.text(written.answer);
      }),
      gemini.compute(() => gemini.text(c.answer(written.result!))),
    );
    const res = await request(app.app.getHttpServer()).post('/api/v1/chat/message').send({ message: c.question, user_id: 'strict_user_2' }).expect(200);
    const wrong = c.wrong!(written.result!);
    expect(res.body.grounding).toMatchObject({ action: 'rewritten' });
    expect(res.body.message).toBe(written.answer!.replace(wrong.value, wrong.expected));
  });

  it('off: the answer is not checked', async () => {
    const app = await appWith('off');
    const c = CASES[0];
    const written: { answer?: string; result?: ToolResult } = {};
    script(c, written);
    const res = await request(app.app.getHttpServer()).post('/api/v1/chat/message').send({ message: c.question, user_id: 'off_user' }).expect(200);
    expect(res.body.grounding).toBeUndefined();
    expect(res.body.message).toBe(written.answer);

    function script(gc: GroundingCase, into: { answer?: string; result?: ToolResult }) {
      server.script(
        gemini.functionCall(gc.call.name, gc.call.args),
        gemini.compute((recorded) => {
          into.result = toolResultIn(recorded);
          into.answer = gc.answer(into.result);
          return gemini.text(into.answer);
        }),
      );
    }
  });
});

function outcomeOf(events: ReceivedEvent[], chunkName: string, finalName: string, sessionId: string): Outcome {
  const final = events.find((e) => e.name === finalName);
  return {
    streamed: events
      .filter((e) => e.name === chunkName)
      .map((e) => String(e.payload.content))
      .join(''),
    final: String(final?.payload.content),
    correction: events.find((e) => e.name === 'correction')?.payload as Record<string, any> | undefined,
    order: events.map((e) => e.name),
    sessionId,
  };
}

const textParser = (response: request.Response, done: (err: Error | null, body: unknown) => void): void => {
  let text = '';
  response.on('data', (chunk: Buffer) => (text += chunk.toString()));
  response.on('end', () => done(null, text));
};

function parseSse(text: string): Array<{ event: string; data: unknown }> {
  return text
    .split('\n\n')
    .filter((block) => block.trim().length > 0)
    .map((block) => {
      const event = /^event: (.*)$/m.exec(block)?.[1] ?? 'message';
      const data = /^data: (.*)$/m.exec(block)?.[1] ?? 'null';
      return { event, data: JSON.parse(data) as unknown };
    });
}
