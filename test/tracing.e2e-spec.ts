import { Logger } from '@nestjs/common';
import { SpanKind } from '@opentelemetry/api';
import { InMemorySpanExporter, type ReadableSpan, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { DEFAULT_GEMINI_MODEL, type TelemetryConfig } from '@app/config';
import { startTracing, type TracingHandle } from '@app/telemetry';
import { FakeChatBetServer } from './fakes/fake-chatbet-server.js';
import { FakeGeminiServer, gemini } from './fakes/fake-gemini-server.js';
import { connectChat, connectWs, listen } from './support/chat-clients.js';
import { TEST_REDIS_URL, uniquePrefix } from './support/env.js';
import { sampleSum } from './support/prometheus-text.js';
import { waitFor } from './support/redis-server.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/** Tracing as production starts it, with spans kept in memory instead of sent over OTLP. */
const OFF: TelemetryConfig = { enabled: false, endpoint: undefined, tracesUrl: undefined, serviceName: 'chatbet-test', samplerRatio: 1 };

const USAGE_ROUND_0 = { promptTokenCount: 210, candidatesTokenCount: 12, totalTokenCount: 222 };
const USAGE_ROUND_1 = { promptTokenCount: 480, candidatesTokenCount: 35, totalTokenCount: 515 };

/** A span and its children, by name, as the trace viewer of an operator shows them. */
interface Node {
  span: ReadableSpan;
  children: Node[];
}

function treeOf(spans: readonly ReadableSpan[], root: ReadableSpan): Node {
  const children = spans.filter((s) => s.parentSpanContext?.spanId === root.spanContext().spanId);
  return { span: root, children: children.map((child) => treeOf(spans, child)) };
}

function childrenNamed(node: Node, name: string | RegExp): Node[] {
  return node.children.filter((c) => (typeof name === 'string' ? c.span.name === name : name.test(c.span.name)));
}

function onlyChild(node: Node, name: string | RegExp): Node {
  const found = childrenNamed(node, name);
  if (found.length !== 1) throw new Error(`expected one "${String(name)}" under "${node.span.name}", found ${found.length}: ${node.children.map((c) => c.span.name).join(', ')}`);
  return found[0];
}

/** Every span below a node, depth first. */
function descendants(node: Node): ReadableSpan[] {
  return node.children.flatMap((c) => [c.span, ...descendants(c)]);
}

describe('Tracing: one trace per chat turn, with every step in it', () => {
  const exporter = new InMemorySpanExporter();
  let tracing: TracingHandle;
  let gem: FakeGeminiServer;
  let chatbet: FakeChatBetServer;
  let t: TestApp;
  let url: string;

  const finished = () => exporter.getFinishedSpans();
  const spanNamed = async (name: string, match: (span: ReadableSpan) => boolean = () => true): Promise<ReadableSpan> => {
    // A root span ends once its answer has been written, which can be just after the client has it.
    await waitFor(() => finished().some((s) => s.name === name && match(s)), 10_000);
    return finished().find((s) => s.name === name && match(s))!;
  };

  beforeAll(async () => {
    Logger.overrideLogger(false);
    tracing = startTracing(OFF, { spanProcessors: [new SimpleSpanProcessor(exporter)] })!;
    gem = await FakeGeminiServer.start({ apiKey: 'test-key' });
    chatbet = await FakeChatBetServer.start();
    t = await createTestApp({
      env: {
        REDIS_URL: TEST_REDIS_URL,
        REDIS_KEY_PREFIX: uniquePrefix('tracing'),
        GOOGLE_API_KEY: 'test-key',
        GEMINI_BASE_URL: gem.baseUrl,
        GEMINI_MODEL: undefined,
        GEMINI_TIMEOUT: '5',
        LANGSMITH_GATEWAY: undefined,
        CHATBET_API_BASE_URL: chatbet.url,
        CHATBET_API_MAX_RETRIES: '0',
      },
    });
    url = await listen(t);
  });

  beforeEach(() => {
    gem.reset();
    chatbet.clearLog();
    exporter.reset();
  });

  afterAll(async () => {
    await t.close();
    await tracing.shutdown();
    await gem.close();
    await chatbet.close();
    Logger.overrideLogger(['log', 'error', 'warn']);
  });

  it('continues the caller’s trace through a REST turn: request → lock → model calls → tool → upstream HTTP → Redis', async () => {
    const traceId = randomBytes(16).toString('hex');
    const callerSpanId = randomBytes(8).toString('hex');
    gem.script(gemini.functionCall('search_fixtures', { team: 'Barcelona' }, USAGE_ROUND_0), gemini.text('Barcelona play on Saturday.', { usage: USAGE_ROUND_1 }));

    const res = await request(t.app.getHttpServer())
      .post('/api/v1/chat/message')
      .set('traceparent', `00-${traceId}-${callerSpanId}-01`)
      .send({ message: 'When do Barcelona play next?' })
      .expect(200);

    const root = await spanNamed('POST /api/v1/chat/message');
    const spans = finished().filter((s) => s.spanContext().traceId === traceId);
    const tree = treeOf(spans, root);

    // The HTTP request is the root of our part, a child of the caller's span, in the caller's trace.
    expect(root.kind).toBe(SpanKind.SERVER);
    expect(root.parentSpanContext?.spanId).toBe(callerSpanId);
    expect(root.attributes).toMatchObject({ 'http.request.method': 'POST', 'http.route': '/api/v1/chat/message', 'http.response.status_code': 200, 'chatbet.request.id': res.headers['x-request-id'] });

    const turn = onlyChild(tree, 'invoke_agent chatbet');
    expect(turn.span.attributes).toMatchObject({
      'gen_ai.operation.name': 'invoke_agent',
      'gen_ai.conversation.id': res.body.session_id,
      'chatbet.request.id': res.headers['x-request-id'],
      'gen_ai.usage.input_tokens': USAGE_ROUND_0.promptTokenCount + USAGE_ROUND_1.promptTokenCount,
      'gen_ai.usage.output_tokens': USAGE_ROUND_0.candidatesTokenCount + USAGE_ROUND_1.candidatesTokenCount,
      'chatbet.llm.mode': 'gemini',
    });

    // The session lock, taken in Redis.
    const lock = onlyChild(turn, 'session_lock');
    expect(lock.span.attributes).toMatchObject({ 'chatbet.session.id': res.body.session_id, 'chatbet.lock.shared': true });
    expect(childrenNamed(lock, /^redis /).length).toBeGreaterThanOrEqual(1);

    // Two model calls, with the GenAI attributes of each.
    const calls = childrenNamed(turn, `chat ${DEFAULT_GEMINI_MODEL}`).map((n) => n.span);
    expect(calls.map((s) => s.attributes['chatbet.model.round'])).toEqual([0, 1]);
    expect(calls[0].kind).toBe(SpanKind.CLIENT);
    expect(calls[0].attributes).toMatchObject({
      'gen_ai.operation.name': 'chat',
      'gen_ai.provider.name': 'gcp.gemini',
      'gen_ai.request.model': DEFAULT_GEMINI_MODEL,
      'gen_ai.usage.input_tokens': USAGE_ROUND_0.promptTokenCount,
      'gen_ai.usage.output_tokens': USAGE_ROUND_0.candidatesTokenCount,
    });
    expect(calls[1].attributes).toMatchObject({ 'gen_ai.usage.input_tokens': USAGE_ROUND_1.promptTokenCount, 'gen_ai.usage.output_tokens': USAGE_ROUND_1.candidatesTokenCount });
    expect(calls[1].attributes['gen_ai.response.finish_reasons']).toEqual(['stop']);

    // The tool, and under it the upstream HTTP call it made, which carried our trace to the upstream.
    const tool = onlyChild(turn, 'execute_tool search_fixtures');
    expect(tool.span.attributes).toMatchObject({ 'gen_ai.operation.name': 'execute_tool', 'gen_ai.tool.name': 'search_fixtures' });
    const upstream = descendants(tool).filter((s) => s.kind === SpanKind.CLIENT && s.attributes['http.request.method'] !== undefined);
    expect(upstream.length).toBeGreaterThanOrEqual(1);
    expect(upstream[0].attributes).toMatchObject({ 'server.address': '127.0.0.1', 'http.response.status_code': 200 });
    const sentTraceparents = chatbet.requestLog.map((r) => r.headers.traceparent).filter((v): v is string => typeof v === 'string');
    expect(sentTraceparents.some((v) => v.startsWith(`00-${traceId}-`))).toBe(true);

    // Redis commands of the turn (conversation store, cache) are spans of the same trace.
    const redis = descendants(turn).filter((s) => s.attributes['db.system.name'] === 'redis');
    expect(redis.length).toBeGreaterThanOrEqual(3);
    expect(redis.every((s) => s.kind === SpanKind.CLIENT && s.name === `redis ${String(s.attributes['db.operation.name'])}`)).toBe(true);
  });

  it('makes a Socket.IO turn the root of its own trace, with the same steps below it', async () => {
    gem.script(gemini.functionCall('search_fixtures', { team: 'Real Madrid' }, USAGE_ROUND_0), gemini.text('Real Madrid play on Sunday.', { usage: USAGE_ROUND_1 }));
    const client = await connectChat(url);
    const messageId = `m-${randomBytes(6).toString('hex')}`;
    try {
      const ack = (await client.socket.timeout(10_000).emitWithAck('user_message', { content: 'When do Real Madrid play?', message_id: messageId })) as { status: string };
      expect(ack.status).toBe('accepted');
      await client.log.turnEnd(messageId, 30_000);
    } finally {
      client.socket.close();
    }

    const root = await spanNamed('chat_message', (s) => s.attributes['chatbet.message.id'] === messageId);
    expect(root.parentSpanContext).toBeUndefined();
    expect(root.kind).toBe(SpanKind.SERVER);
    expect(root.attributes).toMatchObject({ 'chatbet.transport': 'socket.io', 'chatbet.request.id': messageId });

    const tree = treeOf(finished().filter((s) => s.spanContext().traceId === root.spanContext().traceId), root);
    const turn = onlyChild(tree, 'invoke_agent chatbet');
    expect(turn.span.attributes).toMatchObject({ 'chatbet.message.id': messageId, 'chatbet.request.id': messageId });
    expect(onlyChild(turn, 'session_lock').span.attributes['chatbet.lock.shared']).toBe(true);
    expect(childrenNamed(turn, `chat ${DEFAULT_GEMINI_MODEL}`)).toHaveLength(2);
    const tool = onlyChild(turn, 'execute_tool search_fixtures');
    expect(descendants(tool).length).toBeGreaterThanOrEqual(1);
    expect(descendants(turn).some((s) => s.attributes['db.system.name'] === 'redis')).toBe(true);
  });

  it('traces a plain WebSocket turn the same way, named as its transport', async () => {
    gem.script(gemini.text('Hello from the WebSocket.', { usage: USAGE_ROUND_1 }));
    const client = await connectWs(`${url.replace('http', 'ws')}/ws/chat`);
    const messageId = `m-${randomBytes(6).toString('hex')}`;
    try {
      client.send({ type: 'user_message', content: 'Hello!', message_id: messageId });
      await client.log.turnEnd(messageId, 30_000);
    } finally {
      client.ws.close();
    }
    const root = await spanNamed('chat_message', (s) => s.attributes['chatbet.message.id'] === messageId);
    expect(root.attributes).toMatchObject({ 'chatbet.transport': 'websocket', 'chatbet.socket.endpoint': '/ws/chat' });
    const tree = treeOf(finished().filter((s) => s.spanContext().traceId === root.spanContext().traceId), root);
    const turn = onlyChild(tree, 'invoke_agent chatbet');
    expect(onlyChild(turn, 'session_lock').span.attributes['chatbet.lock.shared']).toBe(true);
    const call = onlyChild(turn, `chat ${DEFAULT_GEMINI_MODEL}`).span;
    expect(call.attributes).toMatchObject({ 'gen_ai.usage.input_tokens': USAGE_ROUND_1.promptTokenCount, 'gen_ai.response.finish_reasons': ['stop'] });
  });

  it('shows a retried Gemini call as one model span with the failed attempt as an event', async () => {
    gem.script(gemini.error(503), gemini.text('Hello!', { usage: USAGE_ROUND_1 }));
    await request(t.app.getHttpServer()).post('/api/v1/chat/message').send({ message: 'Hi there' }).expect(200);
    const root = await spanNamed('POST /api/v1/chat/message');
    const tree = treeOf(finished().filter((s) => s.spanContext().traceId === root.spanContext().traceId), root);
    const call = onlyChild(onlyChild(tree, 'invoke_agent chatbet'), `chat ${DEFAULT_GEMINI_MODEL}`).span;
    expect(call.events.map((e) => e.name)).toEqual(['gen_ai.retry']);
    expect(call.events[0].attributes).toMatchObject({ attempt: 1, 'error.type': 'server-error', 'http.response.status_code': 503 });

    // The same call in the metrics: Gemini counted like the ChatBet upstream, its circuit still closed.
    const metrics = (await request(t.app.getHttpServer()).get('/metrics').expect(200)).text;
    expect(sampleSum(metrics, 'chatbet_upstream_retries_total', { upstream: 'gemini' })).toBeGreaterThanOrEqual(1);
    expect(sampleSum(metrics, 'chatbet_upstream_requests_total', { upstream: 'gemini' })).toBeGreaterThanOrEqual(2);
    expect(sampleSum(metrics, 'chatbet_upstream_circuit_state', { upstream: 'gemini', state: 'closed' })).toBe(1);

  });
});
