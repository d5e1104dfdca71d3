import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { appConfig, type AppConfig, realtimeConfig, type RealtimeConfig } from '@app/config';
import type { Server, ServerOptions } from 'socket.io';
import { MAX_SOCKET_PAYLOAD_BYTES, RECOVERY_WINDOW_MS } from './socket-limits.js';

/**
 * Creates the process's Socket.IO server (every namespace shares it) with the service's limits:
 * 16 KB per message, the configured heartbeat, connection-state recovery (a client that drops for
 * up to two minutes comes back with its rooms and the events it missed), and the HTTP CORS policy.
 */
export class ChatIoAdapter extends IoAdapter {
  private readonly heartbeatMs: number;
  private readonly corsOrigins: string[];

  constructor(app: INestApplicationContext) {
    super(app);
    this.heartbeatMs = app.get<RealtimeConfig>(realtimeConfig.KEY).heartbeatMs;
    this.corsOrigins = app.get<AppConfig>(appConfig.KEY).corsOrigins;
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const origins = this.corsOrigins;
    return super.createIOServer(port, {
      ...options,
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
}
