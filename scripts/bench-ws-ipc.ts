/**
 * Messages between `npm run bench:ws` (scripts/bench-ws.ts) and the two processes it forks: the
 * server (bench-ws-server.ts) and the load generator (bench-ws-client.ts). Every request carries an
 * id that its reply repeats.
 */

export type ServerRequest = { id: number; type: 'memory'; gc: boolean } | { id: number; type: 'reset' } | { id: number; type: 'heap-snapshot'; path: string };

export interface ServerMemory {
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  arrayBuffers: number;
  /** Highest RSS sampled (every 250 ms) since the last reset. */
  maxRss: number;
  /** Open file descriptors of the server process. */
  fds: number;
  /** Since the last reset: CPU time as a share of one core, and event-loop delay. */
  cpuPercent: number;
  loopDelayP99Ms: number;
  loopDelayMaxMs: number;
  /** Garbage-collection pauses since the last reset: total and longest. */
  gcPauseMs: number;
  gcMaxPauseMs: number;
}

export type ServerReply =
  | { id: 0; type: 'ready'; port: number; modes: Record<string, string>; logLevel: string }
  | ({ id: number; type: 'memory' } & ServerMemory)
  | { id: number; type: 'done' };

export type ClientRequest =
  | { id: number; type: 'connect'; url: string; count: number; concurrency: number; timeoutMs: number }
  | { id: number; type: 'chat'; chatters: number; durationMs: number; intervalMs: number; drainMs: number; label: string }
  | { id: number; type: 'close' };

export interface ConnectResult {
  attempted: number;
  connected: number;
  failures: Record<string, number>;
  durationMs: number;
  /** Sockets still open (connected and not dropped) when the result is reported. */
  open: number;
}

export interface ChatResult {
  chatters: number;
  sent: number;
  answered: number;
  /** Client send → `bot_response`, milliseconds, sorted ascending. */
  turnMs: number[];
  /** Client send → first `streaming_response`, milliseconds, sorted ascending. */
  firstTokenMs: number[];
  /** The server's own `response_time_ms` of each answer, sorted ascending. */
  serverMs: number[];
  errors: Record<string, number>;
  /** Sockets of the whole client that dropped during this phase. */
  disconnects: number;
  open: number;
  clientCpuPercent: number;
  clientRssBytes: number;
}

export type ClientReply = ({ id: number; type: 'connected' } & ConnectResult) | ({ id: number; type: 'chatted' } & ChatResult) | { id: number; type: 'closed' };
