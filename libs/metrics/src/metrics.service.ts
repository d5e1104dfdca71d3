import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, prometheusContentType, Registry } from 'prom-client';
import type { CacheLayer, ChatTurnMetrics, CircuitStateName, UpstreamStatsSnapshot } from './metrics.types.js';

export const METRICS_PREFIX = 'chatbet_';

/** The Prometheus text format, version 0.0.4: what every registry here renders. */
export const METRICS_CONTENT_TYPE: string = prometheusContentType;

// Label used once a label has seen too many distinct values (see `BoundedLabel`).
export const OTHER_LABEL = 'other';

const HTTP_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
// A chat turn includes model calls and tool rounds: seconds, not milliseconds.
const TURN_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 20, 30, 60];
const TTFT_BUCKETS = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30];
const CIRCUIT_STATES: readonly CircuitStateName[] = ['closed', 'open', 'half_open'];

type Read<T> = () => T;

/**
 * The app instance's metrics and their Prometheus exposition. Each instance owns its own `Registry`
 * (never prom-client's global one), so several apps in one process — as in the e2e tests — keep
 * separate series. Other libs record through the typed methods below and never see prom-client.
 *
 * Values that live elsewhere (upstream client counters, socket counts) are read when Prometheus
 * scrapes, through the `observe*` callbacks, so their owners need not push every change.
 */
@Injectable()
export class MetricsService implements OnModuleDestroy {
  private readonly logger = new Logger(MetricsService.name);
  private readonly registry = new Registry();

  private readonly upstreams = new Map<string, Read<UpstreamStatsSnapshot>>();
  private readonly socketSources = new Map<string, Read<number>>();
  private readonly sessionSources = new Map<string, Read<number>>();
  private watcherLeader?: Read<boolean>;
  // Tool names come from the model's function calls, so a misbehaving model could invent any number of them.
  private readonly toolNames = new BoundedLabel(64);

  private readonly httpDuration: Histogram<'method' | 'route' | 'status_code'>;
  // The series of each method, route pattern and status seen: found by one string key per request
  // instead of prom-client hashing a label object (methods, patterns and statuses are few).
  private readonly httpSeries = new Map<string, { observe(seconds: number): void }>();
  private readonly turnDuration: Histogram<'mode'>;
  private readonly timeToFirstToken: Histogram<'mode'>;
  private readonly modelTokens: Counter<'mode' | 'direction'>;
  private readonly toolCalls: Counter<'tool' | 'outcome'>;
  private readonly ungroundedNumbers: Counter<'kind'>;
  private readonly cacheHits: Counter<'layer' | 'resource'>;
  private readonly cacheMisses: Counter<'layer' | 'resource'>;
  private readonly redisPersistence: Gauge;
  private readonly rateLimitedTotal: Counter<'scope'>;
  private readonly dedupHits: Counter<'transport'>;
  private readonly sockets: Gauge<'namespace'>;
  private readonly activeSessions: Gauge<'transport'>;

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: METRICS_PREFIX });
    const registers = [this.registry];

    this.httpDuration = new Histogram({
      name: `${METRICS_PREFIX}http_request_duration_seconds`,
      help: 'HTTP requests by method, route pattern and status code, from arrival to the last byte sent.',
      labelNames: ['method', 'route', 'status_code'],
      buckets: HTTP_BUCKETS,
      registers,
    });

    this.turnDuration = new Histogram({
      name: `${METRICS_PREFIX}chat_turn_duration_seconds`,
      help: 'Chat turns by answering engine, from the message to the stored answer.',
      labelNames: ['mode'],
      buckets: TURN_BUCKETS,
      registers,
    });
    this.timeToFirstToken = new Histogram({
      name: `${METRICS_PREFIX}chat_time_to_first_token_seconds`,
      help: 'Time from the start of a chat turn to its first streamed text, by answering engine.',
      labelNames: ['mode'],
      buckets: TTFT_BUCKETS,
      registers,
    });
    this.modelTokens = new Counter({
      name: `${METRICS_PREFIX}chat_model_tokens_total`,
      help: 'Model tokens used by chat turns, by answering engine and direction (input, or output including thinking tokens).',
      labelNames: ['mode', 'direction'],
      registers,
    });
    this.toolCalls = new Counter({
      name: `${METRICS_PREFIX}chat_tool_calls_total`,
      help: 'Tool calls made by the chat agent, by tool and outcome (ok or error).',
      labelNames: ['tool', 'outcome'],
      registers,
    });

    this.ungroundedNumbers = new Counter({
      name: `${METRICS_PREFIX}ungrounded_numbers_total`,
      help: 'Numbers in model answers that no tool result of the turn backs (each was corrected), by kind.',
      labelNames: ['kind'],
      registers,
    });

    this.cacheHits = new Counter({
      name: `${METRICS_PREFIX}cache_hits_total`,
      help: 'Cache lookups answered from the cache, by layer (http or service) and resource.',
      labelNames: ['layer', 'resource'],
      registers,
    });
    this.cacheMisses = new Counter({
      name: `${METRICS_PREFIX}cache_misses_total`,
      help: 'Cache lookups that went to the source, by layer (http or service) and resource.',
      labelNames: ['layer', 'resource'],
      registers,
    });

    this.registerUpstreamMetrics(registers);

    this.rateLimitedTotal = new Counter({
      name: `${METRICS_PREFIX}rate_limited_total`,
      help: 'Requests or messages refused by a rate limit, by scope.',
      labelNames: ['scope'],
      registers,
    });
    this.redisPersistence = new Gauge({
      name: `${METRICS_PREFIX}redis_persistence`,
      help: 'Whether Redis persists its data (AOF or RDB snapshots): 1 yes, 0 no (then limits and self-exclusion would not survive a restart).',
      registers,
    });
    this.dedupHits = new Counter({
      name: `${METRICS_PREFIX}chat_dedup_hits_total`,
      help: 'Chat messages recognised as repeats of one already handled, by transport.',
      labelNames: ['transport'],
      registers,
    });
    const socketSources = this.socketSources;
    const sessionSources = this.sessionSources;
    const readSafely = (what: string, read: Read<number>) => this.readSafely(what, read);
    this.sockets = new Gauge({
      name: `${METRICS_PREFIX}socket_connections`,
      help: 'Open socket connections on this instance, by namespace.',
      labelNames: ['namespace'],
      registers,
      collect() {
        for (const [namespace, read] of socketSources) {
          const value = readSafely(`sockets of ${namespace}`, read);
          if (value !== undefined) this.set({ namespace }, value);
        }
      },
    });
    this.activeSessions = new Gauge({
      name: `${METRICS_PREFIX}chat_active_sessions`,
      help: 'Chat sessions with a live connection on this instance, by transport.',
      labelNames: ['transport'],
      registers,
      collect() {
        for (const [transport, read] of sessionSources) {
          const value = readSafely(`sessions of ${transport}`, read);
          if (value !== undefined) this.set({ transport }, value);
        }
      },
    });
    const watcherLeader = () => this.watcherLeader;
    new Gauge({
      name: `${METRICS_PREFIX}odds_watcher_leader`,
      help: 'Whether this instance runs the odds watcher of live updates (1), or another instance does (0).',
      registers,
      collect() {
        const read = watcherLeader();
        const leading = read === undefined ? undefined : readSafely('the odds watcher lease', () => (read() ? 1 : 0));
        if (leading !== undefined) this.set(leading);
      },
    });
  }

  onModuleDestroy(): void {
    this.upstreams.clear();
    this.socketSources.clear();
    this.sessionSources.clear();
    this.watcherLeader = undefined;
    this.httpSeries.clear();
    this.registry.clear();
  }

  /** The Prometheus text exposition of every series of this instance. */
  render(): Promise<string> {
    return this.registry.metrics();
  }

  // --- HTTP ---

  /** `route` must be a route pattern or a fixed word, never a raw URL (see `routeLabel`). */
  observeHttpRequest(method: string, route: string, statusCode: number, seconds: number): void {
    const key = `${method} ${statusCode} ${route}`;
    let series = this.httpSeries.get(key);
    if (series === undefined) {
      series = this.httpDuration.labels({ method, route, status_code: String(statusCode) });
      this.httpSeries.set(key, series);
    }
    series.observe(seconds);
  }

  // --- Chat ---

  recordChatTurn(turn: ChatTurnMetrics): void {
    const mode = turn.mode;
    this.turnDuration.observe({ mode }, turn.durationSeconds);
    if (turn.timeToFirstTokenSeconds !== undefined) this.timeToFirstToken.observe({ mode }, turn.timeToFirstTokenSeconds);
    if (turn.inputTokens > 0) this.modelTokens.inc({ mode, direction: 'input' }, turn.inputTokens);
    if (turn.outputTokens > 0) this.modelTokens.inc({ mode, direction: 'output' }, turn.outputTokens);
    for (const call of turn.toolCalls) {
      this.toolCalls.inc({ tool: this.toolNames.label(call.tool), outcome: call.ok ? 'ok' : 'error' });
    }
    // The kinds are the grounding guard's fixed set, so the label stays bounded.
    for (const kind of turn.ungroundedNumbers ?? []) this.ungroundedNumbers.inc({ kind });
  }

  /** A chat message dropped because the same message id was already handled (a client retry). */
  dedupHit(transport: string): void {
    this.dedupHits.inc({ transport });
  }

  // --- Cache ---

  cacheHit(layer: CacheLayer, resource: string): void {
    this.cacheHits.inc({ layer, resource });
  }

  cacheMiss(layer: CacheLayer, resource: string): void {
    this.cacheMisses.inc({ layer, resource });
  }

  // --- Limits ---

  /** A request or message refused by a limit; `scope` names the limit (e.g. `http`, `chat`, `ws_connections`). */
  rateLimited(scope: string): void {
    this.rateLimitedTotal.inc({ scope });
  }

  /** What the last readiness check found about Redis persistence. */
  setRedisPersistence(persistent: boolean): void {
    this.redisPersistence.set(persistent ? 1 : 0);
  }

  // --- Upstreams ---

  /** Exposes an upstream client's counters and circuit state, read at scrape time; replaces an earlier reader. */
  observeUpstream(upstream: string, read: Read<UpstreamStatsSnapshot>): void {
    this.upstreams.set(upstream, read);
  }

  // --- Sockets and sessions ---

  /** Sets the open connections of a namespace; a reader given to `observeSockets` takes precedence. */
  setSockets(namespace: string, count: number): void {
    this.sockets.set({ namespace }, count);
  }

  /** Reads the open connections of a namespace whenever Prometheus scrapes. */
  observeSockets(namespace: string, read: Read<number>): void {
    this.socketSources.set(namespace, read);
  }

  setActiveSessions(transport: string, count: number): void {
    this.activeSessions.set({ transport }, count);
  }

  observeActiveSessions(transport: string, read: Read<number>): void {
    this.sessionSources.set(transport, read);
  }

  // --- Live updates ---

  /** Reads, whenever Prometheus scrapes, whether this instance leads the odds watcher. */
  observeWatcherLeader(read: Read<boolean>): void {
    this.watcherLeader = read;
  }

  private registerUpstreamMetrics(registers: Registry[]): void {
    const snapshots = () => this.upstreamSnapshots();
    // Counters whose values the upstream client keeps: each scrape copies them in.
    const mirrored = (suffix: string, help: string, pick: (s: UpstreamStatsSnapshot) => number) =>
      new Counter({
        name: `${METRICS_PREFIX}upstream_${suffix}`,
        help,
        labelNames: ['upstream'],
        registers,
        collect() {
          this.reset();
          for (const [upstream, snapshot] of snapshots()) this.inc({ upstream }, pick(snapshot));
        },
      });
    mirrored('requests_total', 'HTTP requests sent to an upstream, retries included.', (s) => s.requests);
    mirrored('retries_total', 'Upstream requests sent again after a retryable failure.', (s) => s.retries);
    mirrored('errors_total', 'Upstream attempts that failed: network, timeout, 5xx, 429 or an unreadable body.', (s) => s.errors);
    mirrored('circuit_rejections_total', 'Upstream calls refused without being sent because the circuit was open.', (s) => s.circuitRejections);
    mirrored('circuit_opened_total', 'Times the circuit breaker of an upstream has opened.', (s) => s.circuitOpened);
    new Gauge({
      name: `${METRICS_PREFIX}upstream_circuit_state`,
      help: 'Circuit breaker state of an upstream: 1 for the current state, 0 for the others.',
      labelNames: ['upstream', 'state'],
      registers,
      collect() {
        this.reset();
        for (const [upstream, snapshot] of snapshots()) {
          for (const state of CIRCUIT_STATES) this.set({ upstream, state }, snapshot.circuitState === state ? 1 : 0);
        }
      },
    });
  }

  private upstreamSnapshots(): Array<[string, UpstreamStatsSnapshot]> {
    const result: Array<[string, UpstreamStatsSnapshot]> = [];
    for (const [upstream, read] of this.upstreams) {
      const snapshot = this.readSafely(`stats of ${upstream}`, read);
      if (snapshot !== undefined) result.push([upstream, snapshot]);
    }
    return result;
  }

  /** A failing reader must not fail the whole scrape: its series are left out of this one. */
  private readSafely<T>(what: string, read: Read<T>): T | undefined {
    try {
      return read();
    } catch (error) {
      this.logger.warn({ msg: `Could not read ${what} for metrics`, err: String(error) });
      return undefined;
    }
  }
}

/** Keeps a label's cardinality bounded: the first `limit` distinct values pass, later ones become `other`. */
class BoundedLabel {
  private readonly seen = new Set<string>();

  constructor(private readonly limit: number) {}

  label(value: string): string {
    if (this.seen.has(value)) return value;
    if (this.seen.size >= this.limit) return OTHER_LABEL;
    this.seen.add(value);
    return value;
  }
}
