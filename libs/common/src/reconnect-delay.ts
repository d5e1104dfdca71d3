/** How long a client told of a shutdown waits before reconnecting: a base, plus a random share so they do not all come at once. */
export const RECONNECT_AFTER_MS = 1_000;
export const RECONNECT_SPREAD_MS = 1_000;

/** One client's wait before reconnecting to another instance, from RECONNECT_AFTER_MS to RECONNECT_AFTER_MS + RECONNECT_SPREAD_MS. */
export function reconnectAfterMs(): number {
  return RECONNECT_AFTER_MS + Math.floor(Math.random() * RECONNECT_SPREAD_MS);
}
