/**
 * What other libs hand to `MetricsService`: plain values in their own vocabulary, so no lib but this
 * one knows about prom-client.
 */

/** One finished chat turn. */
export interface ChatTurnMetrics {
  /** Which engine answered: gemini, offline, or offline-fallback. */
  mode: string;
  /** From the start of the turn (lock and history load included) to the stored answer. */
  durationSeconds: number;
  /** From the start of the turn to the first streamed text; undefined when nothing was streamed. */
  timeToFirstTokenSeconds?: number;
  inputTokens: number;
  outputTokens: number;
  toolCalls: ReadonlyArray<{ tool: string; ok: boolean }>;
  /** The kind (odds, probability, money, balance, score, datetime) of each number of the answer the tools did not produce. */
  ungroundedNumbers?: readonly string[];
}

/** Which cache answered: the HTTP answer cache in front of routes, or the sports-data service's own. */
export type CacheLayer = 'http' | 'service';

export type CircuitStateName = 'closed' | 'open' | 'half_open';

/** Counters of an upstream client since start-up, read when Prometheus scrapes. */
export interface UpstreamStatsSnapshot {
  /** HTTP requests sent, retries included. */
  requests: number;
  retries: number;
  /** Attempts that failed in a way that says the upstream is unwell (network, timeout, 5xx, 429, bad body). */
  errors: number;
  /** Calls refused without being sent because the circuit was open. */
  circuitRejections: number;
  /** How many times the circuit has opened. */
  circuitOpened: number;
  circuitState: CircuitStateName;
}
