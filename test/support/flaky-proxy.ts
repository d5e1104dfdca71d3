import { createConnection, createServer, type Server, type Socket } from 'node:net';

/**
 * A TCP proxy in front of a real server whose link the test can degrade: add latency, freeze it
 * (bytes are held, not lost, until `thaw`), or cut every connection. Bytes keep their order in each
 * direction whatever happens.
 */
export class FlakyProxy {
  private readonly sockets = new Set<Socket>();
  private readonly drains = new Set<() => void>();
  private delayMs = 0;
  private frozen = false;

  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  static async start(targetPort: number, targetHost = '127.0.0.1'): Promise<FlakyProxy> {
    let proxy: FlakyProxy | undefined;
    const server = createServer((client) => proxy?.accept(client, targetHost, targetPort));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    proxy = new FlakyProxy(server, (server.address() as { port: number }).port);
    return proxy;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  delay(ms: number): void {
    this.delayMs = ms;
  }

  freeze(): void {
    this.frozen = true;
  }

  thaw(): void {
    this.frozen = false;
    for (const drain of this.drains) drain();
  }

  /** Drops every open connection, as a network failure would; new connections are accepted. */
  cut(): void {
    for (const socket of this.sockets) socket.destroy();
  }

  /** Back to a healthy link. */
  calm(): void {
    this.delayMs = 0;
    this.thaw();
  }

  async close(): Promise<void> {
    this.calm();
    this.cut();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(client: Socket, host: string, port: number): void {
    const upstream = createConnection({ host, port });
    for (const socket of [client, upstream]) {
      this.sockets.add(socket);
      socket.on('close', () => {
        this.sockets.delete(socket);
        client.destroy();
        upstream.destroy();
      });
      socket.on('error', () => undefined);
    }
    this.forward(client, upstream);
    this.forward(upstream, client);
  }

  private forward(from: Socket, to: Socket): void {
    const queue: Array<{ due: number; chunk: Buffer }> = [];
    let timer: NodeJS.Timeout | undefined;
    const drain = () => {
      clearTimeout(timer);
      timer = undefined;
      if (this.frozen) return;
      while (queue.length > 0 && queue[0].due <= Date.now()) {
        const { chunk } = queue.shift()!;
        if (!to.destroyed) to.write(chunk);
      }
      if (queue.length > 0) timer = setTimeout(drain, queue[0].due - Date.now());
    };
    this.drains.add(drain);
    from.on('close', () => {
      clearTimeout(timer);
      this.drains.delete(drain);
    });
    from.on('data', (chunk: Buffer) => {
      queue.push({ due: Date.now() + this.delayMs, chunk });
      if (timer === undefined) drain();
    });
  }
}
