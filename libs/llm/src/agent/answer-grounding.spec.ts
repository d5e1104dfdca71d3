import { Logger } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { AIMessageChunk, HumanMessage, type BaseMessage } from '@langchain/core/messages';
import { groundingConfig, type GroundingPolicy } from '@app/config';
import { AnswerGrounding, type GroundingTurn } from './answer-grounding.js';
import { ChatModelRunner, type ModelStreamRequest, type ModelStreamResponse } from './chat-model.runner.js';

/** A model that answers the rewrite request with a fixed text (or fails), recording what it was sent. */
class RewritingRunner {
  readonly requests: ModelStreamRequest[] = [];
  constructor(private readonly reply: string | Error, private readonly mode: ModelStreamResponse['mode'] = 'gemini') {}
  async streamResponse(request: ModelStreamRequest): Promise<ModelStreamResponse> {
    this.requests.push(request);
    if (this.reply instanceof Error) throw this.reply;
    request.onToken?.(this.reply);
    return { message: new AIMessageChunk({ content: this.reply }), mode: this.mode };
  }
}

async function groundingWith(policy: GroundingPolicy, runner: RewritingRunner): Promise<AnswerGrounding> {
  const moduleRef = await Test.createTestingModule({
    providers: [AnswerGrounding, { provide: ChatModelRunner, useValue: runner }, { provide: groundingConfig.KEY, useValue: { policy } }],
  }).compile();
  return moduleRef.get(AnswerGrounding);
}

const odds = {
  match: { home: 'Barcelona', away: 'Real Madrid', kickoff: '2026-12-08T19:00:00.000Z', kickoffLocal: '2026-12-08 20:00' },
  markets: [{ market: '1x2', selections: [{ key: 'home', name: 'Barcelona', odds: 2.15, impliedProbability: 0.465116 }] }],
};

const turn = (content: string): GroundingTurn => ({
  sessionId: 's',
  turnId: 't',
  round: 2,
  messages: [new HumanMessage('Barcelona odds?')] as BaseMessage[],
  systemPrompt: 'You are a betting assistant.',
  content,
  executed: [{ name: 'get_match_odds', args: { team_a: 'Barcelona' }, result: odds, ok: true }],
  context: { lastTeams: [] },
  userMessage: 'Barcelona odds?',
  timeZone: 'Europe/Madrid',
  language: 'en',
  now: new Date('2026-12-07T10:00:00Z'),
});

describe('AnswerGrounding', () => {
  beforeAll(() => Logger.overrideLogger(false));
  afterAll(() => Logger.overrideLogger(['log', 'error', 'warn']));

  it('leaves a grounded answer as it streamed', async () => {
    const runner = new RewritingRunner('unused');
    const answer = await (await groundingWith('strict', runner)).ground(turn('Barcelona are 2.15 to win.'));
    expect(answer).toMatchObject({ content: 'Barcelona are 2.15 to win.', grounding: { action: 'none', flags: [], claims: 1 } });
    expect(runner.requests).toHaveLength(0);
  });

  it('annotate: replaces the wrong figure with the tool value', async () => {
    const answer = await (await groundingWith('annotate', new RewritingRunner('unused'))).ground(turn('Barcelona are 2.05 to win.'));
    expect(answer.content).toBe('Barcelona are 2.15 to win.');
    expect(answer.grounding).toMatchObject({ policy: 'annotate', action: 'annotated', flags: [{ kind: 'odds', text: '2.05', expected: '2.15' }] });
  });

  it('strict: asks once for a rewrite without tools and keeps it when it is grounded', async () => {
    const runner = new RewritingRunner('Barcelona are priced at 2.15.');
    const answer = await (await groundingWith('strict', runner)).ground(turn('Barcelona are 2.05 to win.'));
    expect(answer.content).toBe('Barcelona are priced at 2.15.');
    expect(answer.grounding.action).toBe('rewritten');
    expect(runner.requests).toHaveLength(1);
    expect(runner.requests[0].tools).toEqual([]);
    const last = runner.requests[0].messages.at(-1);
    expect(last?.content).toContain('"2.05" is wrong: the data says "2.15"');
  });

  it('strict: annotates the first answer when the rewrite fails or comes from the offline engine', async () => {
    for (const runner of [new RewritingRunner(new Error('Gemini down')), new RewritingRunner('Offline text', 'offline-fallback')]) {
      const answer = await (await groundingWith('strict', runner)).ground(turn('Barcelona are 2.05 to win.'));
      expect(answer).toMatchObject({ content: 'Barcelona are 2.15 to win.', grounding: { action: 'annotated' } });
    }
  });

  it('off: reports itself disabled', async () => {
    expect((await groundingWith('off', new RewritingRunner('unused'))).enabled).toBe(false);
    expect((await groundingWith('annotate', new RewritingRunner('unused'))).enabled).toBe(true);
  });
});
