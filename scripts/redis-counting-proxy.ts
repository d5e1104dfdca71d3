/**
 * A TCP proxy between the application and Redis that counts what the application sends: commands
 * (by name, read from the RESP request stream; a script call counts as one) and writes. A write is
 * one batch of commands the client flushed together and then waits on, so writes are round trips.
 * Used by `npm run bench:redis`; it only counts, it never changes a byte.
 */
import { createServer, type Server, type Socket, connect } from 'node:net';

export interface ConnectionCounts {
  /** Commands sent, by upper-case name. */
  commands: Map<string, number>;
  /** Writes (flushes) from the client: round trips. */
  writes: number;
}

export interface ProxyTotals {
  commands: Record<string, number>;
  writes: number;
}

/** Commands of the Socket.IO Redis Streams adapter, counted apart from the application's own state. */
export const ADAPTER_COMMANDS = new Set(['XADD', 'XREAD', 'XRANGE', 'XREVRANGE', 'XTRIM', 'PUBLISH', 'PUBSUB', 'SUBSCRIBE', 'PSUBSCRIBE']);

export class RedisCountingProxy {
  private server?: Server;
  private readonly connections: ConnectionCounts[] = [];
  private readonly sockets = new Set<Socket>();

  constructor(
    private readonly targetHost: string,
    private readonly targetPort: number,
  ) {}

  async listen(): Promise<number> {
    this.server = createServer((client) => this.accept(client));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return (this.server.address() as { port: number }).port;
  }

  /**
   * What every connection has sent so far. `include` picks connections by the commands they sent
   * (the application's own client never sends the adapter's stream commands, and vice versa).
   */
  totals(include: (connection: ConnectionCounts) => boolean = () => true): ProxyTotals {
    const commands: Record<string, number> = {};
    let writes = 0;
    for (const connection of this.connections) {
      if (!include(connection)) continue;
      writes += connection.writes;
      for (const [name, n] of connection.commands) commands[name] = (commands[name] ?? 0) + n;
    }
    return { commands, writes };
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private accept(client: Socket): void {
    const counts: ConnectionCounts = { commands: new Map(), writes: 0 };
    this.connections.push(counts);
    const upstream = connect(this.targetPort, this.targetHost);
    this.sockets.add(client).add(upstream);
    const reader = new RespRequestReader((name) => counts.commands.set(name, (counts.commands.get(name) ?? 0) + 1));
    client.on('data', (chunk: Buffer) => {
      counts.writes += 1;
      reader.push(chunk);
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => client.write(chunk));
    const end = () => {
      client.destroy();
      upstream.destroy();
      this.sockets.delete(client);
      this.sockets.delete(upstream);
    };
    client.on('close', end).on('error', end);
    upstream.on('close', end).on('error', end);
  }
}

/** Reads commands (RESP arrays of bulk strings, as every client sends them) out of a request stream. */
class RespRequestReader {
  private buffer: Buffer = Buffer.alloc(0);

  constructor(private readonly onCommand: (name: string) => void) {}

  push(chunk: Buffer): void {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    let offset = 0;
    for (;;) {
      const parsed = this.readCommand(offset);
      if (!parsed) break;
      this.onCommand(parsed.name);
      offset = parsed.end;
    }
    this.buffer = this.buffer.subarray(offset);
  }

  private readCommand(start: number): { name: string; end: number } | undefined {
    const header = this.readLine(start);
    if (!header) return undefined;
    if (header.line[0] !== '*') throw new Error(`unexpected request byte ${JSON.stringify(header.line[0])}`);
    const count = Number(header.line.slice(1));
    let offset = header.end;
    let name = '';
    for (let i = 0; i < count; i++) {
      const length = this.readLine(offset);
      if (!length) return undefined;
      const size = Number(length.line.slice(1));
      const end = length.end + size + 2;
      if (end > this.buffer.length) return undefined;
      if (i === 0) name = this.buffer.toString('utf8', length.end, length.end + size).toUpperCase();
      offset = end;
    }
    return { name, end: offset };
  }

  private readLine(start: number): { line: string; end: number } | undefined {
    const at = this.buffer.indexOf('\r\n', start);
    if (at === -1) return undefined;
    return { line: this.buffer.toString('latin1', start, at), end: at + 2 };
  }
}
