import { jest } from '@jest/globals';
import { CircuitOpenError, UpstreamCircuit, type CircuitState } from './upstream-circuit.js';

class FakeTime {
  current = 1_000_000;
  now = (): number => this.current;
  advance(ms: number): void {
    this.current += ms;
  }
}

const ok = () => Promise.resolve('ok');
const boom = () => Promise.reject(new Error('boom'));

async function failTimes(breaker: UpstreamCircuit, times: number): Promise<void> {
  for (let i = 0; i < times; i++) await expect(breaker.execute(boom)).rejects.toThrow('boom');
}

describe('UpstreamCircuit', () => {
  let time: FakeTime;
  let transitions: string[];
  let breaker: UpstreamCircuit;

  beforeEach(() => {
    time = new FakeTime();
    transitions = [];
    breaker = new UpstreamCircuit({
      failureThreshold: 3,
      resetMs: 10_000,
      now: time.now,
      onStateChange: (from: CircuitState, to: CircuitState) => transitions.push(`${from}->${to}`),
    });
  });

  it('stays closed below the failure threshold and passes results through', async () => {
    await failTimes(breaker, 2);
    await expect(breaker.execute(ok)).resolves.toBe('ok');
    expect(breaker.snapshot()).toMatchObject({ state: 'closed', consecutiveFailures: 0, totalFailures: 2, totalSuccesses: 1 });
  });

  it('counts only consecutive failures: a success in between starts the count again', async () => {
    await failTimes(breaker, 2);
    await breaker.execute(ok);
    await failTimes(breaker, 2);
    expect(breaker.currentState()).toBe('closed');
  });

  it('opens after the threshold of consecutive failures and then refuses calls without running them', async () => {
    await failTimes(breaker, 3);
    expect(breaker.currentState()).toBe('open');

    const action = jest.fn(ok);
    time.advance(4_000);
    const error = await breaker.execute(action).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CircuitOpenError);
    expect((error as CircuitOpenError).retryAfterMs).toBe(6_000);
    expect(action).not.toHaveBeenCalled();
    expect(breaker.snapshot()).toMatchObject({ state: 'open', totalRejected: 1, timesOpened: 1, retryAfterMs: 6_000 });
    expect(transitions).toEqual(['closed->open']);
  });

  it('half-opens after the reset interval and closes when the trial call succeeds', async () => {
    await failTimes(breaker, 3);
    time.advance(10_000);
    expect(breaker.currentState()).toBe('half_open');
    await expect(breaker.execute(ok)).resolves.toBe('ok');
    expect(breaker.snapshot()).toMatchObject({ state: 'closed', consecutiveFailures: 0 });
    expect(transitions).toEqual(['closed->open', 'open->half_open', 'half_open->closed']);
  });

  it('re-opens for a full interval when the trial call fails', async () => {
    await failTimes(breaker, 3);
    time.advance(10_000);
    await failTimes(breaker, 1);
    expect(breaker.snapshot()).toMatchObject({ state: 'open', timesOpened: 2, retryAfterMs: 10_000 });
    time.advance(9_999);
    expect(breaker.currentState()).toBe('open');
    time.advance(1);
    expect(breaker.currentState()).toBe('half_open');
  });

  it('lets exactly one trial through while half-open and refuses the others until it has closed the circuit', async () => {
    await failTimes(breaker, 3);
    time.advance(10_000);
    let release: (value: string) => void = () => undefined;
    const trial = breaker.execute(() => new Promise<string>((resolve) => (release = resolve)));
    const second = jest.fn(ok);
    const refused = await breaker.execute(second).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(CircuitOpenError);
    expect((refused as CircuitOpenError).retryAfterMs).toBe(10_000);
    expect(second).not.toHaveBeenCalled();
    release('done');
    await expect(trial).resolves.toBe('done');
    await expect(breaker.execute(second)).resolves.toBe('ok');
    expect(breaker.snapshot()).toMatchObject({ state: 'closed', totalRejected: 1 });
  });

  it('does not count errors the predicate says are not the upstream’s fault', async () => {
    const lenient = new UpstreamCircuit({ failureThreshold: 3, resetMs: 10_000, now: time.now, isFailure: () => false });
    for (let i = 0; i < 5; i++) await expect(lenient.execute(boom)).rejects.toThrow('boom');
    expect(lenient.snapshot()).toMatchObject({ state: 'closed', totalFailures: 0, totalSuccesses: 5 });
  });

  it('rejects a nonsensical configuration', () => {
    expect(() => new UpstreamCircuit({ failureThreshold: 0, resetMs: 1 })).toThrow(RangeError);
    expect(() => new UpstreamCircuit({ failureThreshold: 1, resetMs: -1 })).toThrow(RangeError);
  });
});
