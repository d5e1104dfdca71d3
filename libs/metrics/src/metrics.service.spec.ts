import { Test } from '@nestjs/testing';
import { register as globalRegistry } from 'prom-client';
import { MetricsService, OTHER_LABEL } from './metrics.service.js';
import type { UpstreamStatsSnapshot } from './metrics.types.js';

async function createService(): Promise<MetricsService> {
  const moduleRef = await Test.createTestingModule({ providers: [MetricsService] }).compile();
  return moduleRef.get(MetricsService);
}

/** The value of one sample, matched on its exact label set (`name{a="x",b="y"}`). */
async function value(metrics: MetricsService, sample: string): Promise<number | undefined> {
  const line = (await metrics.render()).split('\n').find((l) => l.startsWith(`${sample} `));
  return line === undefined ? undefined : Number(line.slice(sample.length + 1));
}

describe('MetricsService', () => {
  let metrics: MetricsService;

  beforeEach(async () => {
    metrics = await createService();
  });
  afterEach(() => metrics.onModuleDestroy());

  it('records a chat turn: duration and first token by mode, tokens by direction, tools by outcome', async () => {
    metrics.recordChatTurn({
      mode: 'gemini',
      durationSeconds: 1.5,
      timeToFirstTokenSeconds: 0.3,
      inputTokens: 120,
      outputTokens: 40,
      toolCalls: [
        { tool: 'get_odds', ok: true },
        { tool: 'get_odds', ok: false },
        { tool: 'search_fixtures', ok: true },
      ],
    });
    expect(await value(metrics, 'chatbet_chat_turn_duration_seconds_count{mode="gemini"}')).toBe(1);
    expect(await value(metrics, 'chatbet_chat_turn_duration_seconds_sum{mode="gemini"}')).toBe(1.5);
    expect(await value(metrics, 'chatbet_chat_time_to_first_token_seconds_sum{mode="gemini"}')).toBe(0.3);
    expect(await value(metrics, 'chatbet_chat_model_tokens_total{mode="gemini",direction="input"}')).toBe(120);
    expect(await value(metrics, 'chatbet_chat_model_tokens_total{mode="gemini",direction="output"}')).toBe(40);
    expect(await value(metrics, 'chatbet_chat_tool_calls_total{tool="get_odds",outcome="ok"}')).toBe(1);
    expect(await value(metrics, 'chatbet_chat_tool_calls_total{tool="get_odds",outcome="error"}')).toBe(1);
    expect(await value(metrics, 'chatbet_chat_tool_calls_total{tool="search_fixtures",outcome="ok"}')).toBe(1);
  });

  it('counts the numbers of an answer that no tool result backs, by kind', async () => {
    metrics.recordChatTurn({ mode: 'gemini', durationSeconds: 1, inputTokens: 1, outputTokens: 1, toolCalls: [], ungroundedNumbers: ['odds', 'money', 'odds'] });
    expect(await value(metrics, 'chatbet_ungrounded_numbers_total{kind="odds"}')).toBe(2);
    expect(await value(metrics, 'chatbet_ungrounded_numbers_total{kind="money"}')).toBe(1);
    expect(await value(metrics, 'chatbet_ungrounded_numbers_total{kind="score"}')).toBeUndefined();
  });

  it('leaves time to first token unobserved for a turn that streamed nothing', async () => {
    metrics.recordChatTurn({ mode: 'offline', durationSeconds: 0.2, inputTokens: 0, outputTokens: 0, toolCalls: [] });
    expect(await value(metrics, 'chatbet_chat_turn_duration_seconds_count{mode="offline"}')).toBe(1);
    expect(await value(metrics, 'chatbet_chat_time_to_first_token_seconds_count{mode="offline"}')).toBeUndefined();
  });

  it('folds tool names beyond the first 64 into "other", so a model inventing names cannot grow the series', async () => {
    const toolCalls = Array.from({ length: 70 }, (_, i) => ({ tool: `tool_${i}`, ok: true }));
    metrics.recordChatTurn({ mode: 'gemini', durationSeconds: 1, inputTokens: 1, outputTokens: 1, toolCalls });
    metrics.recordChatTurn({ mode: 'gemini', durationSeconds: 1, inputTokens: 1, outputTokens: 1, toolCalls: [{ tool: 'tool_0', ok: true }] });
    expect(await value(metrics, 'chatbet_chat_tool_calls_total{tool="tool_0",outcome="ok"}')).toBe(2);
    expect(await value(metrics, 'chatbet_chat_tool_calls_total{tool="tool_63",outcome="ok"}')).toBe(1);
    expect(await value(metrics, 'chatbet_chat_tool_calls_total{tool="tool_64",outcome="ok"}')).toBeUndefined();
    expect(await value(metrics, `chatbet_chat_tool_calls_total{tool="${OTHER_LABEL}",outcome="ok"}`)).toBe(6);
  });

  it('counts cache hits and misses by layer and resource, rate-limit refusals and repeated messages', async () => {
    metrics.cacheHit('http', 'odds');
    metrics.cacheMiss('service', 'fixtures');
    metrics.cacheMiss('service', 'fixtures');
    metrics.rateLimited('chat');
    metrics.dedupHit('socket.io');
    expect(await value(metrics, 'chatbet_cache_hits_total{layer="http",resource="odds"}')).toBe(1);
    expect(await value(metrics, 'chatbet_cache_misses_total{layer="service",resource="fixtures"}')).toBe(2);
    expect(await value(metrics, 'chatbet_rate_limited_total{scope="chat"}')).toBe(1);
    expect(await value(metrics, 'chatbet_chat_dedup_hits_total{transport="socket.io"}')).toBe(1);
  });

  it('reads upstream counters and circuit state when scraped, not when they change', async () => {
    const stats: UpstreamStatsSnapshot = { requests: 3, retries: 1, errors: 1, circuitRejections: 0, circuitOpened: 0, circuitState: 'closed' };
    metrics.observeUpstream('chatbet', () => stats);
    expect(await value(metrics, 'chatbet_upstream_requests_total{upstream="chatbet"}')).toBe(3);
    expect(await value(metrics, 'chatbet_upstream_circuit_state{upstream="chatbet",state="closed"}')).toBe(1);

    Object.assign(stats, { requests: 10, errors: 7, circuitRejections: 4, circuitOpened: 1, circuitState: 'open' });
    expect(await value(metrics, 'chatbet_upstream_requests_total{upstream="chatbet"}')).toBe(10);
    expect(await value(metrics, 'chatbet_upstream_retries_total{upstream="chatbet"}')).toBe(1);
    expect(await value(metrics, 'chatbet_upstream_errors_total{upstream="chatbet"}')).toBe(7);
    expect(await value(metrics, 'chatbet_upstream_circuit_rejections_total{upstream="chatbet"}')).toBe(4);
    expect(await value(metrics, 'chatbet_upstream_circuit_opened_total{upstream="chatbet"}')).toBe(1);
    expect(await value(metrics, 'chatbet_upstream_circuit_state{upstream="chatbet",state="open"}')).toBe(1);
    expect(await value(metrics, 'chatbet_upstream_circuit_state{upstream="chatbet",state="closed"}')).toBe(0);
    expect(await value(metrics, 'chatbet_upstream_circuit_state{upstream="chatbet",state="half_open"}')).toBe(0);
  });

  it('still answers a scrape when one reader throws, leaving only its series out', async () => {
    metrics.observeUpstream('broken', () => {
      throw new Error('gone');
    });
    metrics.observeSockets('/chat', () => {
      throw new Error('gone');
    });
    metrics.observeSockets('/sports-updates', () => 4);
    const text = await metrics.render();
    expect(text).not.toContain('upstream="broken"');
    expect(await value(metrics, 'chatbet_socket_connections{namespace="/sports-updates"}')).toBe(4);
  });

  it('takes socket and session counts pushed with set*, or read at scrape time from a reader', async () => {
    metrics.setSockets('/chat', 2);
    metrics.setActiveSessions('ws', 1);
    expect(await value(metrics, 'chatbet_socket_connections{namespace="/chat"}')).toBe(2);
    expect(await value(metrics, 'chatbet_chat_active_sessions{transport="ws"}')).toBe(1);

    let open = 5;
    metrics.observeSockets('/chat', () => open);
    metrics.observeActiveSessions('socket.io', () => 3);
    expect(await value(metrics, 'chatbet_socket_connections{namespace="/chat"}')).toBe(5);
    open = 1;
    expect(await value(metrics, 'chatbet_socket_connections{namespace="/chat"}')).toBe(1);
    expect(await value(metrics, 'chatbet_chat_active_sessions{transport="socket.io"}')).toBe(3);
  });

  it('gives each instance its own registry, leaving the process-wide default registry alone', async () => {
    const other = await createService();
    try {
      metrics.observeHttpRequest('GET', '/api/v1/sports', 200, 0.01);
      expect(await value(metrics, 'chatbet_http_request_duration_seconds_count{method="GET",route="/api/v1/sports",status_code="200"}')).toBe(1);
      expect(await value(other, 'chatbet_http_request_duration_seconds_count{method="GET",route="/api/v1/sports",status_code="200"}')).toBeUndefined();
      expect(await other.render()).toContain('# TYPE chatbet_process_cpu_user_seconds_total counter');
      expect(globalRegistry.getSingleMetric('chatbet_http_request_duration_seconds')).toBeUndefined();
    } finally {
      other.onModuleDestroy();
    }
  });
});
