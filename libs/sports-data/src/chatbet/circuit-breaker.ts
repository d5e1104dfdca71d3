/**
 * A consecutive-failure circuit breaker, independent of HTTP so it can be tested with a fake clock.
 *
 * closed → open after `failureThreshold` failures in a row; open → half_open once `resetMs` has
 * passed, letting exactly one trial call through; the trial closes the circuit on success and
 * re-opens it (for another `resetMs`) on failure. While open, or while a trial is in flight, calls
 * are refused with `CircuitOpenError` without running.
 */
export type CircuitState = 'closed' | 'open' | 'half_open';

export interface CircuitBreakerOptions {
  failureThreshold: number;
  resetMs: number;
  /** Epoch milliseconds; injected so tests can move time. */
  now?: () => number;
  /** Called on every state change, e.g. to log it. */
  onStateChange?: (from: CircuitState, to: CircuitState) => void;
}

/** Counters for metrics and health probes. */
export interface CircuitBreakerSnapshot {
  state: CircuitState;
  consecutiveFailures: number;
  totalSuccesses: number;
  totalFailures: number;
  /** Calls refused without running because the circuit was open. */
  totalRejected: number;
  /** How many times the circuit has opened. */
  timesOpened: number;
  /** ISO-8601 instant the circuit last opened, while it is open or half-open. */
  openedAt?: string;
  /** Milliseconds until a trial call will be let through, while open. */
  retryAfterMs?: number;
}

/** Outcome classification: errors for which this returns false do not count against the upstream. */
export type FailurePredicate = (error: unknown) => boolean;

export class CircuitOpenError extends Error {
  constructor(readonly retryAfterMs: number) {
    super(`Circuit open; next trial in ${retryAfterMs} ms`);
    this.name = CircuitOpenError.name;
  }
}

export class CircuitBreaker {
  private state: CircuitState = 'closed';
  private consecutiveFailures = 0;
  private openedAt = 0;
  private trialInFlight = false;
  private totalSuccesses = 0;
  private totalFailures = 0;
  private totalRejected = 0;
  private timesOpened = 0;
  private readonly now: () => number;

  constructor(private readonly options: CircuitBreakerOptions) {
    if (!(options.failureThreshold >= 1)) throw new RangeError('failureThreshold must be at least 1');
    if (!(options.resetMs >= 0)) throw new RangeError('resetMs must not be negative');
    this.now = options.now ?? Date.now;
  }

  /** Runs `action` unless the circuit refuses it; `isFailure` decides whether an error trips the circuit. */
  async execute<T>(action: () => Promise<T>, isFailure: FailurePredicate = () => true): Promise<T> {
    const trial = this.admit();
    try {
      const result = await action();
      this.recordSuccess();
      return result;
    } catch (error) {
      if (isFailure(error)) this.recordFailure();
      // The upstream answered, just not in a way that says anything about its health.
      else this.recordSuccess();
      throw error;
    } finally {
      if (trial) this.trialInFlight = false;
    }
  }

  /** The current state, moving from open to half_open when the reset interval has passed. */
  currentState(): CircuitState {
    if (this.state === 'open' && this.now() - this.openedAt >= this.options.resetMs) this.transition('half_open');
    return this.state;
  }

  snapshot(): CircuitBreakerSnapshot {
    const state = this.currentState();
    return {
      state,
      consecutiveFailures: this.consecutiveFailures,
      totalSuccesses: this.totalSuccesses,
      totalFailures: this.totalFailures,
      totalRejected: this.totalRejected,
      timesOpened: this.timesOpened,
      ...(state === 'closed' ? {} : { openedAt: new Date(this.openedAt).toISOString() }),
      ...(state === 'open' ? { retryAfterMs: this.retryAfterMs() } : {}),
    };
  }

  /** Returns whether the admitted call is the half-open trial; throws when the call is refused. */
  private admit(): boolean {
    const state = this.currentState();
    if (state === 'closed') return false;
    if (state === 'half_open' && !this.trialInFlight) {
      this.trialInFlight = true;
      return true;
    }
    this.totalRejected++;
    // A refused call during a trial has no better estimate than a full reset interval.
    throw new CircuitOpenError(state === 'open' ? this.retryAfterMs() : this.options.resetMs);
  }

  private recordSuccess(): void {
    this.totalSuccesses++;
    this.consecutiveFailures = 0;
    if (this.state !== 'closed') this.transition('closed');
  }

  private recordFailure(): void {
    this.totalFailures++;
    this.consecutiveFailures++;
    if (this.state === 'half_open' || (this.state === 'closed' && this.consecutiveFailures >= this.options.failureThreshold)) {
      this.openedAt = this.now();
      this.timesOpened++;
      this.transition('open');
    }
  }

  private retryAfterMs(): number {
    return Math.max(0, this.openedAt + this.options.resetMs - this.now());
  }

  private transition(to: CircuitState): void {
    const from = this.state;
    if (from === to) return;
    this.state = to;
    this.options.onStateChange?.(from, to);
  }
}
