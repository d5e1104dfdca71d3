import { SessionRegistry } from './session-registry.js';

describe('SessionRegistry', () => {
  const MINUTE = 60_000;

  it('releases a session once it has had no connection and no turn for the idle timeout', () => {
    const registry = new SessionRegistry(30 * MINUTE);
    registry.open('s1', 0);
    expect(registry.sweep(30 * MINUTE - 1)).toEqual([]);
    expect(registry.sweep(30 * MINUTE)).toEqual(['s1']);
    expect(registry.get('s1')).toBeUndefined();
    expect(registry.size).toBe(0);
  });

  it('keeps a session with a live connection or a turn in progress however long it is quiet', () => {
    const registry = new SessionRegistry(MINUTE);
    registry.open('connected', 0).connections.add('socket-1');
    registry.open('answering', 0).turns.set('m1', { messageId: 'm1', controller: new AbortController() });
    expect(registry.sweep(10 * MINUTE)).toEqual([]);
    expect(registry.size).toBe(2);
  });

  it('counts each use as activity, so the idle clock starts again', () => {
    const registry = new SessionRegistry(MINUTE);
    registry.open('s1', 0);
    registry.open('s1', 50_000);
    expect(registry.sweep(MINUTE + 1)).toEqual([]);
    expect(registry.sweep(50_000 + MINUTE)).toEqual(['s1']);
  });

  it('drops expired duplicate marks while keeping current ones', () => {
    const registry = new SessionRegistry(MINUTE);
    const state = registry.open('s1', 0);
    state.connections.add('socket-1');
    state.claims.set('content:a', 2_000);
    state.claims.set('message:m1', 600_000);
    registry.sweep(2_000);
    expect([...state.claims.keys()]).toEqual(['message:m1']);
  });
});
