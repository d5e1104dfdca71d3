import { type BeforeApplicationShutdown, Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { realtimeConfig, type RealtimeConfig } from '@app/config';
import type { IncomingMessage, Server as HttpServer } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { Duplex } from 'node:stream';
import { type RawData, WebSocket, WebSocketServer } from 'ws';
import { chatErrorEvent, type DescribedChatError } from '../chat-error.mapper.js';
import { type Admission, type ChatConnection, type ChatEvent, ChatTransport, type CloseReason } from '../chat-transport.js';
import { messageIdOf } from '../dto/chat-client.messages.js';
import { RealtimeChatService } from '../realtime-chat.service.js';
import { InvalidJsonError, InvalidMessageFormatError, PayloadTooLargeError } from '../realtime.errors.js';
import { CHAT_WS_PATH, MAX_SOCKET_PAYLOAD_BYTES } from '../socket-limits.js';
import { isServiceFrame, readServiceFrame } from './ws-frames.js';
import { toWsMessages, WS_CLOSE, type WsServerMessage, wsMessage } from './ws.protocol.js';

/**
 * Frames up to this size are read and answered (over 16 KB with MESSAGE_TOO_LONG, keeping the
 * connection); larger ones make the WebSocket library close the connection with 1009.
 */
const HARD_FRAME_LIMIT_BYTES = 64 * 1024;
const CLOSE_GRACE_MS = 1_000;

interface WsClient {
  ws: WebSocket;
  connection: ChatConnection;
  /** Cleared at each heartbeat, set again by the client's pong. */
  alive: boolean;
}

/**
 * The plain WebSocket chat at `/ws/chat` and `/ws/chat/{session_id}` (ChatBet JSON protocol), for
 * clients without Socket.IO. It shares the HTTP server with Socket.IO and other WebSocket paths,
 * so it answers only upgrades for its own paths and leaves every other upgrade alone.
 */
@Injectable()
export class ChatWebSocketServer extends ChatTransport implements OnApplicationBootstrap, BeforeApplicationShutdown {
  readonly endpoint = CHAT_WS_PATH;
  private readonly logger = new Logger(ChatWebSocketServer.name);
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: HARD_FRAME_LIMIT_BYTES, clientTracking: false });
  private readonly clients = new Map<string, WsClient>();
  private readonly bySession = new Map<string, Set<WsClient>>();
  private httpServer?: HttpServer;
  private heartbeat?: NodeJS.Timeout;
  private closing = false;
  private retryAfterSeconds = 1;

  constructor(
    private readonly realtime: RealtimeChatService,
    private readonly adapterHost: HttpAdapterHost,
    @Inject(realtimeConfig.KEY) private readonly config: RealtimeConfig,
  ) {
    super();
  }

  /** The HTTP server exists once the application is built (before it listens): attach to its upgrades. */
  onApplicationBootstrap(): void {
    const server = this.adapterHost.httpAdapter?.getHttpServer() as HttpServer | undefined;
    if (!server) return;
    this.httpServer = server;
    server.on('upgrade', this.onUpgrade);
    this.realtime.registerTransport(this);
    this.heartbeat = setInterval(() => this.beat(), this.config.heartbeatMs);
    this.heartbeat.unref();
  }

  /**
   * Before the HTTP server closes (it would wait for them): every connection ends, closed with 1001
   * if the service has not closed it already, and peers that do not answer the close handshake are cut off.
   */
  async beforeApplicationShutdown(): Promise<void> {
    this.closing = true;
    clearInterval(this.heartbeat);
    this.httpServer?.off('upgrade', this.onUpgrade);
    const clients = [...this.clients.values()];
    await Promise.all(
      clients.map(
        ({ ws }) =>
          new Promise<void>((resolve) => {
            if (ws.readyState === WebSocket.CLOSED) return resolve();
            const timer = setTimeout(() => {
              ws.terminate();
              resolve();
            }, CLOSE_GRACE_MS);
            ws.once('close', () => {
              clearTimeout(timer);
              resolve();
            });
            ws.close(WS_CLOSE.goingAway, 'server shutting down');
          }),
      ),
    );
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  publish(sessionId: string, event: ChatEvent): void {
    const clients = this.bySession.get(sessionId);
    if (!clients) return;
    const messages = toWsMessages(event);
    for (const client of clients) this.send(client.ws, messages);
  }

  async replaceOthers(sessionId: string, keepConnectionId: string): Promise<void> {
    for (const client of [...(this.bySession.get(sessionId) ?? [])]) {
      if (client.connection.id === keepConnectionId) continue;
      this.send(client.ws, toWsMessages({ kind: 'replaced', sessionId }));
      client.ws.close(WS_CLOSE.replaced, 'replaced by a newer connection');
      // Gone for delivery now, not only when the closing handshake ends.
      this.forget(client);
    }
  }

  async hasListeners(sessionId: string): Promise<boolean> {
    return (this.bySession.get(sessionId)?.size ?? 0) > 0;
  }

  /** Upgrades to the chat are answered 503 from now on; open connections are closed by the service. */
  stopAccepting(retryAfterMs: number): void {
    this.closing = true;
    this.retryAfterSeconds = Math.ceil(retryAfterMs / 1000);
  }

  private readonly onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const route = matchChatRoute(req.url);
    if (!route) return;
    if (this.closing) {
      socket.end(`HTTP/1.1 503 Service Unavailable\r\nRetry-After: ${this.retryAfterSeconds}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    void this.accept(req, socket, head, route.sessionId).catch((error: unknown) => {
      this.logger.error({ msg: 'WebSocket upgrade failed', err: error });
      socket.destroy();
    });
  };

  private async accept(req: IncomingMessage, socket: Duplex, head: Buffer, pathSessionId: string | undefined): Promise<void> {
    // The handshake is checked before the upgrade; a socket error meanwhile just ends it.
    const onEarlyError = () => socket.destroy();
    socket.on('error', onEarlyError);
    const query = new URL(req.url ?? '/', 'http://localhost').searchParams;
    const ip = this.realtime.addressOf(req.socket.remoteAddress, req.headers['x-forwarded-for']);
    const requestedSession = pathSessionId ?? query.get('session_id') ?? undefined;
    let admission: Admission | undefined;
    let refusal: DescribedChatError | undefined;
    try {
      admission = await this.realtime.admit({
        token: query.get('token') ?? undefined,
        userId: query.get('user_id') ?? undefined,
        sessionId: requestedSession,
        lastMessageId: query.get('last_message_id') ?? undefined,
        ip,
        transport: 'websocket',
        host: req.headers.host,
        origin: req.headers.origin,
      });
    } catch (error) {
      refusal = this.realtime.describe(error);
    }
    socket.off('error', onEarlyError);
    if (this.closing || socket.destroyed) {
      socket.destroy();
      return;
    }
    // Refusals also complete the upgrade: a browser cannot read an HTTP error on a WebSocket
    // handshake, but it can read an `error` message and the close code.
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      if (admission) this.open(ws, admission, ip);
      else this.refuse(ws, refusal!, requestedSession);
    });
  }

  private open(ws: WebSocket, admission: Admission, ip: string): void {
    const connection: ChatConnection = {
      ...admission,
      id: `ws_${randomUUID()}`,
      endpoint: this.endpoint,
      ip,
      send: (event) => this.send(ws, toWsMessages(event)),
      close: (reason) => ws.close(...CLOSE_FOR[reason]),
    };
    const client: WsClient = { ws, connection, alive: true };
    this.clients.set(connection.id, client);
    const peers = this.bySession.get(connection.sessionId) ?? new Set<WsClient>();
    peers.add(client);
    this.bySession.set(connection.sessionId, peers);

    ws.on('message', (data) => void this.onFrame(client, data));
    ws.on('pong', () => {
      client.alive = true;
    });
    ws.on('error', (error) => this.logger.debug(`WebSocket ${connection.id}: ${error.message}`));
    ws.once('close', () => {
      this.forget(client);
      this.realtime.detach(connection.id);
    });
    this.realtime.attach(connection, { recovered: false }).catch((error: unknown) => {
      this.logger.error({ msg: 'Could not set up a chat connection', err: error });
      ws.close(WS_CLOSE.serverError, 'server error');
    });
  }

  private refuse(ws: WebSocket, refusal: DescribedChatError, requestedSession: string | undefined): void {
    this.send(ws, toWsMessages(chatErrorEvent(requestedSession ?? '', refusal)));
    ws.close(closeCodeFor(refusal.code), refusal.code);
  }

  private async onFrame(client: WsClient, data: RawData): Promise<void> {
    const { ws, connection } = client;
    let messageId: string | undefined;
    try {
      const bytes = toBuffer(data);
      if (bytes.length > MAX_SOCKET_PAYLOAD_BYTES) throw new PayloadTooLargeError(MAX_SOCKET_PAYLOAD_BYTES);
      let frame: unknown;
      try {
        frame = JSON.parse(bytes.toString('utf8'));
      } catch {
        throw new InvalidJsonError();
      }
      if (typeof frame !== 'object' || frame === null || Array.isArray(frame) || typeof (frame as { type?: unknown }).type !== 'string') {
        throw new InvalidMessageFormatError('Every message must be a JSON object with a "type"');
      }
      const { type, ...body } = frame as { type: string } & Record<string, unknown>;
      messageId = messageIdOf(body);
      if (type === 'ping') {
        // The original protocol echoes the client's timestamp, so the client can measure the round trip.
        const pingTimestamp = typeof body.timestamp === 'string' || typeof body.timestamp === 'number' ? body.timestamp : null;
        this.send(ws, [wsMessage('pong', connection.sessionId, messageId, { ping_timestamp: pingTimestamp, server_time: new Date().toISOString() })]);
        return;
      }
      if (type === 'typing') {
        // The original protocol lets clients say they are typing; nobody else is in the session to tell.
        return;
      }
      if (!isServiceFrame(type)) throw new InvalidMessageFormatError(`Unknown message type "${type.slice(0, 40)}"`);
      const { payload, ignored } = readServiceFrame(type, body, connection);
      if (ignored.length > 0) this.logger.debug({ msg: 'Ignored fields of a client frame', connectionId: connection.id, type, fields: ignored });
      switch (type) {
        case 'user_message': {
          const ack = await this.realtime.submit(connection.id, payload);
          this.send(ws, [wsMessage('message_ack', connection.sessionId, ack.message_id ?? undefined, { status: ack.status, ...(ack.error_code && { error_code: ack.error_code }) })]);
          return;
        }
        case 'cancel': {
          const ack = await this.realtime.cancel(connection.id, payload);
          this.send(ws, [wsMessage('cancel_ack', connection.sessionId, ack.message_id ?? undefined, { status: ack.status, ...(ack.error_code && { error_code: ack.error_code }) })]);
          return;
        }
        case 'resume':
          await this.realtime.resume(connection.id, payload);
          return;
      }
    } catch (error) {
      connection.send(chatErrorEvent(connection.sessionId, this.realtime.describe(error, { sessionId: connection.sessionId }), messageId));
    }
  }

  private send(ws: WebSocket, messages: WsServerMessage[]): void {
    if (ws.readyState !== WebSocket.OPEN) return;
    for (const message of messages) ws.send(JSON.stringify(message));
  }

  private forget(client: WsClient): void {
    this.clients.delete(client.connection.id);
    const peers = this.bySession.get(client.connection.sessionId);
    if (!peers) return;
    peers.delete(client);
    if (peers.size === 0) this.bySession.delete(client.connection.sessionId);
  }

  /** Ping frames keep proxies from closing quiet connections and find clients that vanished. */
  private beat(): void {
    for (const client of this.clients.values()) {
      if (!client.alive) {
        client.ws.terminate();
        continue;
      }
      client.alive = false;
      client.ws.ping();
    }
  }
}

/** `/ws/chat` or `/ws/chat/{session_id}`; anything else belongs to someone else. */
export function matchChatRoute(url: string | undefined): { sessionId?: string } | undefined {
  const path = (url ?? '').split('?')[0].replace(/\/+$/, '');
  if (path === CHAT_WS_PATH) return {};
  const prefix = `${CHAT_WS_PATH}/`;
  if (!path.startsWith(prefix)) return undefined;
  const segment = path.slice(prefix.length);
  if (segment.length === 0 || segment.includes('/')) return undefined;
  try {
    return { sessionId: decodeURIComponent(segment) };
  } catch {
    return { sessionId: segment };
  }
}

const CLOSE_FOR: Record<CloseReason, [code: number, reason: string]> = {
  token_expired: [WS_CLOSE.invalidToken, 'token expired'],
  too_many_connections: [WS_CLOSE.rateLimited, 'too many connections'],
  shutdown: [WS_CLOSE.goingAway, 'server shutting down'],
  forbidden: [WS_CLOSE.forbidden, 'session forbidden'],
};

function closeCodeFor(code: DescribedChatError['code']): number {
  switch (code) {
    case 'SERVER_SHUTTING_DOWN':
      return WS_CLOSE.goingAway;
    case 'INVALID_TOKEN':
    case 'TOKEN_EXPIRED':
      return WS_CLOSE.invalidToken;
    case 'SESSION_FORBIDDEN':
      return WS_CLOSE.forbidden;
    case 'RATE_LIMITED':
      return WS_CLOSE.rateLimited;
    case 'PROCESSING_ERROR':
      return WS_CLOSE.serverError;
    default:
      return WS_CLOSE.invalidRequest;
  }
}

function toBuffer(data: RawData): Buffer {
  if (Buffer.isBuffer(data)) return data;
  if (Array.isArray(data)) return Buffer.concat(data);
  return Buffer.from(data);
}
