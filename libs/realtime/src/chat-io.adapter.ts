import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import type { MessageMappingProperties } from '@nestjs/websockets';
import { assertHandshakeAllowed } from '@app/common';
import { appConfig, type AppConfig, realtimeConfig, type RealtimeConfig } from '@app/config';
import { RedisService } from '@app/redis';
import type { Observable } from 'rxjs';
import type { Server, ServerOptions, Socket } from 'socket.io';
import { SocketIoRedisAdapter } from './socket-io/socket-io-redis.adapter.js';
import { MAX_SOCKET_IO_FRAME_BYTES, RECOVERY_WINDOW_MS } from './socket-limits.js';

/**
 * Creates the process's Socket.IO server (every namespace shares it) with the service's limits:
 * 16 KB per message (64 KB frames), the configured heartbeat, connection-state recovery (a client that drops for
 * up to two minutes comes back with its rooms and the events it missed), and the HTTP CORS policy.
 * With Redis configured, the server uses the Redis Streams adapter, so rooms and recovery work
 * across instances; without it, the in-memory adapter of one instance. Every handshake (any namespace,
 * any transport) must come for a Host in ALLOWED_HOSTS and, from a browser, an Origin in CORS_ORIGINS.
 */
export class ChatIoAdapter extends IoAdapter {
  private readonly heartbeatMs: number;
  private readonly corsOrigins: string[];
  private readonly app: AppConfig;
  private readonly redis: RedisService;
  private readonly scaleOut: Array<{ server: Server; adapter: SocketIoRedisAdapter }> = [];

  constructor(app: INestApplicationContext) {
    super(app);
    this.heartbeatMs = app.get<RealtimeConfig>(realtimeConfig.KEY).heartbeatMs;
    this.app = app.get<AppConfig>(appConfig.KEY);
    this.corsOrigins = this.app.corsOrigins;
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
      maxHttpBufferSize: MAX_SOCKET_IO_FRAME_BYTES,
      allowRequest: (request, answer) => {
        try {
          assertHandshakeAllowed(request.headers, this.app);
          answer(null, true);
        } catch (error) {
          answer(error instanceof Error ? error.message : 'Forbidden', false);
        }
      },
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
   * Nest's handlers (with their pipes, guards and exception filters, which run inside `callback`)
   * on plain listeners: the same dispatch as IoAdapter's (the returned value answers the
   * acknowledgement, `{event, data}` is emitted, a failure is logged and the event stays served),
   * without IoAdapter's Observable pipeline per socket and event, which cost more memory than the
   * rest of an idle connection. A socket's listeners go with it when it disconnects.
   */
  override bindMessageHandlers(socket: Socket, handlers: MessageMappingProperties[], transform: (data: unknown) => Observable<unknown>): void {
    for (const { message, callback, isAckHandledManually } of handlers) {
      socket.on(message, (...args: unknown[]) => {
        const { data, ack } = this.mapPayload(args.length === 1 ? args[0] : args);
        const respond = (response: unknown) => {
          if (response === null || response === undefined || !socket.connected) return;
          const { event, data: eventData } = response as { event?: string; data?: unknown };
          if (event) socket.emit(event, eventData);
          else if (!isAckHandledManually && typeof ack === 'function') ack(response);
        };
        try {
          transform(callback(data, ack)).subscribe({ next: respond, error: (error: unknown) => this.logger.error(error) });
        } catch (error) {
          this.logger.error(error);
        }
      });
    }
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
