/**
 * A consecutive-failure circuit breaker for one upstream: cockatiel's breaker, plus the counters and
 * the snapshot that metrics and health probes read, and an injectable clock.
 *
 * closed → open after `failureThreshold` failures in a row; after `resetMs` the next call is a trial
 * (half-open) that closes the circuit on success and re-opens it for another `resetMs` on failure.
 * While open, and while the trial is in flight, calls are refused with `CircuitOpenError` without
 * running (cockatiel would hold them until the trial ends: a trial Gemini call can stream for many
 * seconds, and a turn is better answered offline at once).
 */
import {
  BrokenCircuitError,
  CircuitState as PolicyState,
  ConsecutiveBreaker,
  circuitBreaker,
  handleWhen,
  type CircuitBreakerPolicy,
  type IBackoff,
  type IBackoffFactory,
  type IDefaultPolicyContext,
} from 'cockatiel';

export type CircuitState = 'closed' | 'open' | 'half_open';

export interface UpstreamCircuitOptions {
  failureThreshold: number;
  resetMs: number;
  /**
   * Errors for which this returns false do not count against the upstream (it answered, just not in a
   * way that says anything about its health): they count as a success.
   */
  isFailure?: (error: unknown) => boolean;
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

export class CircuitOpenError extends Error {
  constructor(readonly retryAfterMs: number) {
    super(`Circuit open; next trial in ${retryAfterMs} ms`);
    this.name = CircuitOpenError.name;
  }
}

/** Marks an error that passed through the breaker as a success; unwrapped before the caller sees it. */
class NotAFailure {
  constructor(readonly error: unknown) {}
}

export class UpstreamCircuit {
  private readonly policy: CircuitBreakerPolicy;
  private readonly breaker: ConsecutiveBreaker;
  private readonly now: () => number;
  private readonly isFailure: (error: unknown) => boolean;
  private reported: CircuitState = 'closed';
  private openedAt = 0;
  private totalSuccesses = 0;
  private totalFailures = 0;
  private totalRejected = 0;
  private timesOpened = 0;

  constructor(private readonly options: UpstreamCircuitOptions) {
    if (!(options.failureThreshold >= 1)) throw new RangeError('failureThreshold must be at least 1');
    if (!(options.resetMs >= 0)) throw new RangeError('resetMs must not be negative');
    this.now = options.now ?? Date.now;
    this.isFailure = options.isFailure ?? (() => true);
    this.breaker = new ConsecutiveBreaker(options.failureThreshold);
    this.policy = circuitBreaker(
      handleWhen((error) => !(error instanceof NotAFailure)),
      { halfOpenAfter: new ClockedInterval(options.resetMs, this.now, (at) => (this.openedAt = at)), breaker: this.breaker },
    );
    this.policy.onBreak(() => this.timesOpened++);
    this.policy.onStateChange(() => this.report());
  }

  /** Runs `action` unless the circuit refuses it; the signal is the caller's, passed through. */
  async execute<T>(action: (context: IDefaultPolicyContext) => Promise<T>, signal?: AbortSignal): Promise<T> {
    if (this.policy.state === PolicyState.HalfOpen) {
      this.totalRejected++;
      // A refused call during a trial has no better estimate than a full reset interval.
      throw new CircuitOpenError(this.options.resetMs);
    }
    try {
      return await this.policy.execute(async (context) => {
        try {
          const result = await action(context);
          this.totalSuccesses++;
          return result;
        } catch (error) {
          if (this.isFailure(error)) {
            this.totalFailures++;
            throw error;
          }
          this.totalSuccesses++;
          throw new NotAFailure(error);
        }
      }, signal);
    } catch (error) {
      if (error instanceof NotAFailure) throw error.error;
      if (error instanceof BrokenCircuitError) {
        this.totalRejected++;
        throw new CircuitOpenError(this.retryAfterMs());
      }
      throw error;
    }
  }

  /** The current state; an open circuit whose interval has passed reads as half_open (the next call is a trial). */
  currentState(): CircuitState {
    this.report();
    return this.reported;
  }

  snapshot(): CircuitBreakerSnapshot {
    const state = this.currentState();
    return {
      state,
      consecutiveFailures: this.breaker.state,
      totalSuccesses: this.totalSuccesses,
      totalFailures: this.totalFailures,
      totalRejected: this.totalRejected,
      timesOpened: this.timesOpened,
      ...(state === 'closed' ? {} : { openedAt: new Date(this.openedAt).toISOString() }),
      ...(state === 'open' ? { retryAfterMs: this.retryAfterMs() } : {}),
    };
  }

  private stateNow(): CircuitState {
    switch (this.policy.state) {
      case PolicyState.Closed:
        return 'closed';
      case PolicyState.HalfOpen:
        return 'half_open';
      case PolicyState.Open:
      case PolicyState.Isolated:
        return this.retryAfterMs() > 0 ? 'open' : 'half_open';
    }
  }

  /** Tells `onStateChange` about every move, including open → half_open, which cockatiel only makes on the next call. */
  private report(): void {
    const to = this.stateNow();
    const from = this.reported;
    if (from === to) return;
    this.reported = to;
    this.options.onStateChange?.(from, to);
  }

  private retryAfterMs(): number {
    return Math.max(0, this.openedAt + this.options.resetMs - this.now());
  }
}

/**
 * The open interval measured on the injected clock. Cockatiel lets a trial through once
 * `Date.now() - openedAt >= duration`; answering 0 once the interval has passed on our clock and
 * Infinity before makes that test read our clock instead of the real one.
 */
class ClockedInterval implements IBackoffFactory<unknown> {
  constructor(
    private readonly resetMs: number,
    private readonly now: () => number,
    private readonly onOpen: (at: number) => void,
  ) {}

  next(): IBackoff<unknown> {
    const openedAt = this.now();
    this.onOpen(openedAt);
    const { resetMs, now } = this;
    return {
      get duration() {
        return now() - openedAt >= resetMs ? 0 : Number.POSITIVE_INFINITY;
      },
      next: () => this.next(),
    };
  }
}
