import type { ChatMessage } from './conversation.types.js';
import {
  SUMMARY_OMITTED_MARKER,
  describeExchange,
  foldIntoSummary,
  groupExchanges,
  planModelWindow,
} from './exchange-summary.js';

let seq = 0;
function user(content: string, extra: Partial<ChatMessage> = {}): ChatMessage {
  return { id: `u${++seq}`, role: 'user', content, timestamp: '2025-01-01T00:00:00.000Z', ...extra };
}
function assistant(content: string, extra: Partial<ChatMessage> = {}): ChatMessage {
  return { id: `a${++seq}`, role: 'assistant', content, timestamp: '2025-01-01T00:00:01.000Z', ...extra };
}

describe('groupExchanges', () => {
  it('starts an exchange at each user message and attaches the answers to it', () => {
    const messages = [assistant('Hi!'), user('odds?'), assistant('2.10'), assistant('anything else?'), user('bye')];
    expect(groupExchanges(messages).map((exchange) => exchange.map((m) => m.content))).toEqual([
      ['Hi!'],
      ['odds?', '2.10', 'anything else?'],
      ['bye'],
    ]);
  });

  it('gives nothing for no messages', () => {
    expect(groupExchanges([])).toEqual([]);
  });
});

describe('planModelWindow', () => {
  const turns = (n: number) => Array.from({ length: n }, (_, i) => [user(`q${i}`), assistant(`a${i}`)]).flat();

  it('keeps everything while the conversation fits the window', () => {
    const messages = turns(3);
    expect(planModelWindow(messages, 3)).toEqual({ folded: [], window: messages, foldedMessages: 0 });
  });

  it('keeps the last N exchanges and folds the older ones', () => {
    const plan = planModelWindow(turns(5), 3);
    expect(plan.window.map((m) => m.content)).toEqual(['q2', 'a2', 'q3', 'a3', 'q4', 'a4']);
    expect(plan.folded.map((exchange) => exchange[0].content)).toEqual(['q0', 'q1']);
    expect(plan.foldedMessages).toBe(4);
  });

  it('counts an unanswered user message as the newest exchange', () => {
    const plan = planModelWindow([...turns(2), user('pending')], 2);
    expect(plan.window.map((m) => m.content)).toEqual(['q1', 'a1', 'pending']);
  });
});

describe('describeExchange', () => {
  it('names the intent, the teams and market, and what the answer was', () => {
    const line = describeExchange([
      user('odds for barca v madrid?', {
        intent: 'ODDS_INFORMATION_QUERY',
        language: 'en',
        entities: { teams: ['Barcelona', 'Real Madrid'], markets: ['1x2'], tournaments: [], amounts: [] },
      }),
      assistant('Barcelona 2.10, draw 3.40, Real Madrid 3.20', {
        functionCalls: [{ name: 'get_odds', args: {}, ok: true, durationMs: 12 }],
      }),
    ]);
    expect(line).toBe(
      '- User asked about odds: Barcelona v Real Madrid, 1x2 (ODDS_INFORMATION_QUERY); assistant answered using get_odds: "Barcelona 2.10, draw 3.40, Real Madrid 3.20"',
    );
  });

  it('writes Spanish exchanges in Spanish', () => {
    const line = describeExchange([
      user('¿cuánto gano con 20 euros al Chelsea?', {
        intent: 'BET_SIMULATION',
        language: 'es',
        entities: { teams: ['Chelsea'], amounts: [{ value: 20, currency: 'EUR' }], pick: 'Chelsea' },
      }),
      assistant('Ganarías 38 EUR', { language: 'es' }),
    ]);
    expect(line).toBe('- El usuario simuló una apuesta: Chelsea, 20 EUR a Chelsea (BET_SIMULATION); el asistente respondió: "Ganarías 38 EUR"');
  });

  it('quotes the user when there is no known intent, and notes failed calls and cancelled answers', () => {
    expect(
      describeExchange([
        user('hmm "what about"\n that one'),
        assistant('Sorry, the odds service is down', { functionCalls: [{ name: 'get_odds', args: {}, ok: false, durationMs: 5, error: 'timeout' }] }),
      ]),
    ).toBe(`- User said "hmm 'what about' that one"; assistant answered using get_odds (get_odds failed): "Sorry, the odds service is down"`);
    expect(describeExchange([user('tell me everything', { intent: 'HELP_REQUEST' }), assistant('Here', { cancelled: true })])).toBe(
      "- User asked for help (HELP_REQUEST); assistant's answer was cancelled",
    );
    expect(describeExchange([user('hola', { intent: 'GREETING', language: 'es' })])).toBe('- El usuario saludó (GREETING); aún sin respuesta');
  });

  it('describes a leading assistant message on its own and shortens long text', () => {
    const line = describeExchange([assistant(`Welcome! ${'very '.repeat(50)}long`)]);
    expect(line.startsWith('- Assistant said: "Welcome! very')).toBe(true);
    expect(line.length).toBeLessThan(120);
    expect(line).toContain('…');
  });
});

describe('foldIntoSummary', () => {
  const exchange = (i: number) => [user(`question ${i}`, { intent: 'GENERAL_SPORTS_QUERY' }), assistant(`answer ${i}`)];

  it('appends one line per folded exchange to the previous summary', () => {
    const first = foldIntoSummary(undefined, [exchange(1)]);
    const second = foldIntoSummary(first, [exchange(2), exchange(3)]);
    expect(second.split('\n')).toHaveLength(3);
    expect(second.startsWith(first)).toBe(true);
    expect(second).toContain('answer 3');
  });

  it('is deterministic', () => {
    const exchanges = [exchange(1), exchange(2)];
    expect(foldIntoSummary('- earlier', exchanges)).toBe(foldIntoSummary('- earlier', exchanges));
  });

  it('keeps within the cap by dropping the oldest lines and marking the gap once', () => {
    let summary: string | undefined;
    for (let i = 0; i < 100; i++) summary = foldIntoSummary(summary, [exchange(i)], { maxChars: 400 });
    expect(summary!.length).toBeLessThanOrEqual(400);
    const lines = summary!.split('\n');
    expect(lines[0]).toBe(SUMMARY_OMITTED_MARKER);
    expect(lines.filter((line) => line === SUMMARY_OMITTED_MARKER)).toHaveLength(1);
    expect(lines.at(-1)).toContain('answer 99');
    expect(summary).not.toContain('answer 0"');
  });

  it('records messages that were trimmed before they could be folded', () => {
    expect(foldIntoSummary(undefined, [], { lostMessages: 4 })).toBe('- [4 older messages were not retained]');
  });
});
