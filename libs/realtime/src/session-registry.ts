import type { ChatEvent } from './chat-transport.js';

/** A turn accepted on this instance and not finished yet (queued or being answered). */
export interface TurnHandle {
  messageId: string;
  controller: AbortController;
}

/** What this instance keeps in memory about one session. */
export interface SessionState {
  readonly sessionId: string;
  /** Who the session's first connection here spoke for: only they may connect to it while it is not stored. */
  ownerId?: string;
  /** Ids of this instance's connections to the session. */
  readonly connections: Set<string>;
  /** Turns accepted here and not finished, by the client's message id. */
  readonly turns: Map<string, TurnHandle>;
  /** Turns run one after the other, so each one's events reach the client in one piece. */
  queue: Promise<void>;
  /** Answers that finished while nobody was connected, sent to the next connection of the session. */
  undelivered: Array<Extract<ChatEvent, { kind: 'answer' }>>;
  /** Duplicate-detection marks (used while Redis is not), name → expiry in epoch ms. */
  readonly claims: Map<string, number>;
  lastActivity: number;
}

/**
 * The sessions this instance is serving. A session with no connection and no turn is released once
 * it has been idle for `idleMs` (CONVERSATION_TIMEOUT); the conversation itself lives on in the
 * conversation store.
 */
export class SessionRegistry {
  private readonly sessions = new Map<string, SessionState>();

  constructor(private readonly idleMs: number) {}

  get size(): number {
    return this.sessions.size;
  }

  get(sessionId: string): SessionState | undefined {
    return this.sessions.get(sessionId);
  }

  /** The session's state, created on first use; counts as activity. */
  open(sessionId: string, now = Date.now()): SessionState {
    let state = this.sessions.get(sessionId);
    if (!state) {
      state = { sessionId, connections: new Set(), turns: new Map(), queue: Promise.resolve(), undelivered: [], claims: new Map(), lastActivity: now };
      this.sessions.set(sessionId, state);
    }
    state.lastActivity = now;
    return state;
  }

  values(): IterableIterator<SessionState> {
    return this.sessions.values();
  }

  /** Drops expired duplicate marks and releases idle sessions; returns the ids released. */
  sweep(now = Date.now()): string[] {
    const released: string[] = [];
    for (const state of this.sessions.values()) {
      for (const [name, expiresAt] of state.claims) {
        if (expiresAt <= now) state.claims.delete(name);
      }
      const idle = state.connections.size === 0 && state.turns.size === 0 && now - state.lastActivity >= this.idleMs;
      if (idle) {
        this.sessions.delete(state.sessionId);
        released.push(state.sessionId);
      }
    }
    return released;
  }
}
