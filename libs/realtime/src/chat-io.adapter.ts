import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { appConfig, type AppConfig, realtimeConfig, type RealtimeConfig } from '@app/config';
import { RedisService } from '@app/redis';
import type { Server, ServerOptions } from 'socket.io';
import { SocketIoRedisAdapter } from './socket-io/socket-io-redis.adapter.js';
import { MAX_SOCKET_PAYLOAD_BYTES, RECOVERY_WINDOW_MS } from './socket-limits.js';

/**
 * Creates the process's Socket.IO server (every namespace shares it) with the service's limits:
 * 16 KB per message, the configured heartbeat, connection-state recovery (a client that drops for
 * up to two minutes comes back with its rooms and the events it missed), and the HTTP CORS policy.
 * With Redis configured, the server uses the Redis Streams adapter, so rooms and recovery work
 * across instances; without it, the in-memory adapter of one instance.
 */
export class ChatIoAdapter extends IoAdapter {
  private readonly heartbeatMs: number;
  private readonly corsOrigins: string[];
  private readonly redis: RedisService;
  private readonly scaleOut: Array<{ server: Server; adapter: SocketIoRedisAdapter }> = [];

  constructor(app: INestApplicationContext) {
    super(app);
    this.heartbeatMs = app.get<RealtimeConfig>(realtimeConfig.KEY).heartbeatMs;
    this.corsOrigins = app.get<AppConfig>(appConfig.KEY).corsOrigins;
    this.redis = app.get(RedisService);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const adapter = this.redis.isConfigured ? new SocketIoRedisAdapter(this.redis) : undefined;
    let server: Server;
    try {
      server = this.createServer(port, adapter, options);
    } catch (error) {
      void adapter?.close();
      throw error;
    }
    if (adapter) this.scaleOut.push({ server, adapter });
    return server;
  }

  private createServer(port: number, adapter: SocketIoRedisAdapter | undefined, options?: ServerOptions): Server {
    const origins = this.corsOrigins;
    return super.createIOServer(port, {
      ...options,
      ...(adapter && { adapter: adapter.factory }),
      maxHttpBufferSize: MAX_SOCKET_PAYLOAD_BYTES,
      pingInterval: this.heartbeatMs,
      connectionStateRecovery: {
        maxDisconnectionDuration: RECOVERY_WINDOW_MS,
        // A recovered socket keeps the identity it was admitted with (restored with `socket.data`).
        // Running the async handshake again would open a gap in which events sent to its session are
        // neither in the replayed backlog nor delivered live; attach() still applies the address limit.
        skipMiddlewares: true,
      },
      cors: { origin: origins.length === 0 || origins.includes('*') ? true : origins, credentials: true },
    } as ServerOptions);
  }

  /**
   * After Nest has closed the servers (and before RedisService closes the shared connection): stops
   * the Redis adapters and closes their connections, whose blocking reads would keep the process alive.
   */
  override async dispose(): Promise<void> {
    await Promise.all(this.scaleOut.splice(0).map(({ server, adapter }) => adapter.close(server)));
    await super.dispose();
  }
}
