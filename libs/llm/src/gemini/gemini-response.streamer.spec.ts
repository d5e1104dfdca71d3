import { Logger } from '@nestjs/common';
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { AIMessageChunk, HumanMessage, SystemMessage } from '@langchain/core/messages';
import { FakeListChatModel } from '@langchain/core/utils/testing';
import type { ModelStreamRequest } from '../agent/chat-model.runner.js';
import { renderTurnContext } from '../shared/turn-context.js';
import { dataOnlyNotice } from './data-only.notice.js';
import { DEFAULT_GEMINI_CALL_LIMITS, GeminiCallPolicy } from './gemini-call.policy.js';
import type { ModelNotFoundReporter } from './gemini-model.check.js';
import { GeminiResponseStreamer, type StreamOnce } from './gemini-response.streamer.js';
import { ResilientModelCaller } from './resilient-model.caller.js';

type Behaviour = (request: ModelStreamRequest) => Promise<AIMessageChunk>;

/** Two stand-in models and a stream function that plays a queue of behaviours for each. */
function setup(modelCheck?: ModelNotFoundReporter) {
  const gemini = new FakeListChatModel({ responses: [] });
  const offline = new FakeListChatModel({ responses: [] });
  const plays = new Map<BaseChatModel, Behaviour[]>([
    [gemini, []],
    [offline, []],
  ]);
  const calls: Array<'gemini' | 'offline'> = [];
  const streamOnce: StreamOnce = async (model, request) => {
    calls.push(model === gemini ? 'gemini' : 'offline');
    const next = plays.get(model)?.shift();
    if (!next) throw new Error('test: nothing scripted');
    return next(request);
  };
  const caller = new ResilientModelCaller(new GeminiCallPolicy({ ...DEFAULT_GEMINI_CALL_LIMITS, timeoutMs: 5_000, baseDelayMs: 0 }));
  const streamer = new GeminiResponseStreamer(gemini, offline, caller, streamOnce, modelCheck);
  return { streamer, calls, gemini: plays.get(gemini)!, offline: plays.get(offline)! };
}

const say = (text: string): Behaviour => async (request) => {
  request.onToken?.(text);
  return new AIMessageChunk({ content: text });
};
const callTool = (): Behaviour => async () =>
  new AIMessageChunk({ content: '', tool_call_chunks: [{ type: 'tool_call_chunk', name: 'search_fixtures', args: '{}', id: 'c1', index: 0 }] });
const fail = (status: number): Behaviour => async () => {
  throw Object.assign(new Error(`[${status} X]`), { status });
};

function request(turnId: string, round: number, language: 'en' | 'es', out: string[], signal?: AbortSignal): ModelStreamRequest {
  const context = renderTurnContext({ now: new Date().toISOString(), timeZone: 'UTC', language, authenticated: false, tracked: { lastTeams: [] } });
  return { turnId, round, messages: [new SystemMessage(`rules\n${context}`), new HumanMessage('hola')], tools: [], onToken: (d) => out.push(d), signal };
}

describe('GeminiResponseStreamer', () => {
  beforeAll(() => Logger.overrideLogger(false));
  afterAll(() => Logger.overrideLogger(['log', 'error', 'warn']));

  it('answers from Gemini while Gemini answers', async () => {
    const { streamer, calls, gemini } = setup();
    gemini.push(say('Hi there'));
    const out: string[] = [];
    await expect(streamer.streamResponse(request('t1', 0, 'en', out))).resolves.toMatchObject({ mode: 'gemini' });
    expect(out).toEqual(['Hi there']);
    expect(calls).toEqual(['gemini']);
  });

  it('falls back to the offline engine with the data-only notice, and stays offline for the rest of the turn', async () => {
    const { streamer, calls, gemini, offline } = setup();
    gemini.push(fail(401));
    offline.push(callTool(), say('Barcelona play on Sunday.'));
    const out: string[] = [];
    const first = await streamer.streamResponse(request('t2', 0, 'en', out));
    const second = await streamer.streamResponse(request('t2', 1, 'en', out));
    expect([first.mode, second.mode]).toEqual(['offline-fallback', 'offline-fallback']);
    expect(calls).toEqual(['gemini', 'offline', 'offline']);
    expect(out.join('')).toBe(`${dataOnlyNotice('en')}\n\nBarcelona play on Sunday.`);
    expect(out.join('')).toContain('data-only mode');
  });

  it('says it in Spanish on a Spanish turn, after what was already shown', async () => {
    const { streamer, gemini, offline } = setup();
    gemini.push(async (r) => {
      r.onToken?.('Vamos a ver');
      return callTool()(r);
    }, fail(500), fail(500), fail(500));
    offline.push(say('El Barcelona juega el domingo.'));
    const out: string[] = [];
    await streamer.streamResponse(request('t3', 0, 'es', out));
    const fallback = await streamer.streamResponse(request('t3', 1, 'es', out));
    expect(fallback.mode).toBe('offline-fallback');
    expect(out.join('')).toBe(`Vamos a ver\n\n${dataOnlyNotice('es')}\n\nEl Barcelona juega el domingo.`);
    expect(out.join('')).toContain('modo solo datos');
  });

  it('lets a cancelled turn end as cancelled, not as a fallback', async () => {
    const { streamer, calls, gemini } = setup();
    const turn = new AbortController();
    gemini.push(async () => {
      turn.abort();
      throw new Error('aborted');
    });
    await expect(streamer.streamResponse(request('t4', 0, 'en', [], turn.signal))).rejects.toThrow('aborted');
    expect(calls).toEqual(['gemini']);
  });

  it('tells the model check when Gemini answers 404 (the model is missing), and answers the turn offline', async () => {
    const reports: string[] = [];
    const { streamer, calls, gemini, offline } = setup({ reportNotFound: (detail) => reports.push(detail) });
    gemini.push(fail(404), fail(500), fail(500), fail(500));
    offline.push(say('Offline answer.'), say('Offline again.'));
    expect((await streamer.streamResponse(request('t7', 0, 'en', []))).mode).toBe('offline-fallback');
    expect(reports).toEqual([expect.stringContaining('rejected 404')]);
    // Other failures are not the model's absence.
    expect((await streamer.streamResponse(request('t8', 0, 'en', []))).mode).toBe('offline-fallback');
    expect(reports).toHaveLength(1);
    expect(calls).toEqual(['gemini', 'offline', 'gemini', 'gemini', 'gemini', 'offline']);
  });

  it('keeps turns apart: a fallback in one turn does not send the next turn offline', async () => {
    const { streamer, gemini, offline } = setup();
    gemini.push(fail(403), say('Back online.'));
    offline.push(say('Offline answer.'));
    expect((await streamer.streamResponse(request('t5', 0, 'en', []))).mode).toBe('offline-fallback');
    expect((await streamer.streamResponse(request('t6', 0, 'en', []))).mode).toBe('gemini');
  });
});
