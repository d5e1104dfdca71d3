import { Injectable, Logger } from '@nestjs/common';
import type { Namespace, Socket } from 'socket.io';
import type { Admission, ChatConnection, ChatEvent } from '../chat-transport.js';
import { ChatTransport } from '../chat-transport.js';
import { RealtimeChatService } from '../realtime-chat.service.js';
import { CHAT_NAMESPACE } from '../socket-limits.js';
import { shutdownPayload, toSocketIoEvents } from './socket-io.protocol.js';

/** Kept in `socket.data`, which connection-state recovery restores with the socket. */
interface ChatSocketData extends Admission {
  ip: string;
}

/** A refusal at the handshake: the client's `connect_error` carries `data.error_code`. */
export class HandshakeRefusal extends Error {
  constructor(
    message: string,
    readonly data: { error_code: string; content: string; [detail: string]: unknown },
  ) {
    super(message);
  }
}

/**
 * Connects the `/chat` namespace to RealtimeChatService: reads the handshake, keeps one room per
 * session (`session:<id>`: with the Redis adapter, delivery and replacement reach the session's
 * sockets on every instance), and writes the service's events as Socket.IO events.
 */
@Injectable()
export class SocketIoChatTransport extends ChatTransport {
  readonly endpoint = CHAT_NAMESPACE;
  private readonly logger = new Logger(SocketIoChatTransport.name);
  private namespace?: Namespace;
  /** Per session, the last event still on its way through a cluster adapter (to Redis and back). */
  private readonly inAdapter = new Map<string, Promise<unknown>>();

  constructor(private readonly realtime: RealtimeChatService) {
    super();
  }

  bind(namespace: Namespace): void {
    this.namespace = namespace;
    this.realtime.registerTransport(this);
    // Guards do not run on connect: the handshake is checked here, before the socket exists for the app.
    namespace.use((socket, next) => {
      this.admit(socket).then(
        () => next(),
        (error: unknown) => {
          const described = this.realtime.describe(error);
          next(new HandshakeRefusal(described.message, { error_code: described.code, content: described.message, ...described.details }));
        },
      );
    });
  }

  /** Called for every new or recovered socket; never rejects (Nest does not wait for it). */
  async connected(socket: Socket): Promise<void> {
    try {
      const data = chatDataOf(socket);
      if (!data) {
        socket.disconnect(true);
        return;
      }
      await socket.join(roomOf(data.sessionId));
      const connection: ChatConnection = {
        ...data,
        id: socket.id,
        endpoint: this.endpoint,
        send: (event) => {
          for (const [name, payload] of toSocketIoEvents(event)) socket.emit(name, payload);
        },
        close: () => this.closeAfterNotices(socket),
      };
      socket.once('disconnect', (reason, description) => this.realtime.detach(socket.id, { oversize: isOversizeDrop(reason, description) }));
      await this.realtime.attach(connection, { recovered: socket.recovered });
    } catch (error) {
      this.logger.error({ msg: 'Could not set up a chat connection', err: error });
      socket.disconnect(true);
    }
  }

  /**
   * Events go through the adapter (stored for connection-state recovery, and with Redis to every
   * instance), except streamed chunks: they go straight to this instance's sockets of the session,
   * neither stored nor published, since the final `bot_response` (replayed by recovery and `resume`)
   * carries the whole answer. Socket.IO's `volatile` flag would keep them out of the store too, but
   * it drops a packet whenever the socket is still writing the previous one.
   */
  publish(sessionId: string, event: ChatEvent): void {
    const namespace = this.namespace;
    if (!namespace) return;
    const room = roomOf(sessionId);
    if (event.kind === 'stream_chunk') {
      const [[name, payload]] = toSocketIoEvents(event);
      const pending = this.inAdapter.get(sessionId);
      // With Redis, an event reaches sockets once stored there: a chunk waits for the events sent before it.
      if (pending) void pending.then(() => this.sendLocally(namespace, room, name, payload));
      else this.sendLocally(namespace, room, name, payload);
      return;
    }
    for (const [name, payload] of toSocketIoEvents(event)) {
      // What `namespace.to(room).emit()` does, keeping the promise a cluster adapter returns.
      const sent: unknown = namespace.adapter.broadcast({ type: EVENT_PACKET, data: [name, payload] } as never, { rooms: new Set([room]), except: new Set(), flags: {} });
      if (sent instanceof Promise) {
        const settled = sent.catch(() => undefined);
        this.inAdapter.set(sessionId, settled);
        void settled.then(() => {
          if (this.inAdapter.get(sessionId) === settled) this.inAdapter.delete(sessionId);
        });
      }
    }
  }

  private sendLocally(namespace: Namespace, room: string, name: string, payload: Record<string, unknown>): void {
    const ids = namespace.adapter.rooms.get(room);
    if (!ids) return;
    for (const id of ids) {
      const socket = namespace.sockets.get(id) as unknown as DirectSocket | undefined;
      // Socket.emit() without connection-state recovery: a packet written to this socket alone.
      socket?.packet({ type: EVENT_PACKET, data: [name, payload] });
    }
  }

  /** Every other socket of the session, on any instance, is told and then disconnected, in that order. */
  async replaceOthers(sessionId: string, keepConnectionId: string): Promise<void> {
    if (!this.namespace) return;
    const [[name, payload]] = toSocketIoEvents({ kind: 'replaced', sessionId });
    const others = this.namespace.to(roomOf(sessionId)).except(keepConnectionId);
    others.emit(name, payload);
    others.disconnectSockets(true);
  }

  /** Whether a socket of the session is connected to any instance (this one only, while Redis is away). */
  async hasListeners(sessionId: string): Promise<boolean> {
    if (!this.namespace) return false;
    // A socket here answers it without asking every instance (through Redis, after every turn).
    if ((this.namespace.adapter.rooms.get(roomOf(sessionId))?.size ?? 0) > 0) return true;
    const room = this.namespace.in(roomOf(sessionId));
    const sockets = await room.fetchSockets().catch(() => room.local.fetchSockets());
    return sockets.length > 0;
  }

  /**
   * From now on the Socket.IO server (every namespace) takes no new connection, recoveries
   * included: engine.io answers new requests 403. Clients of the other namespaces (live sports
   * updates) have nothing in progress here: they are told to reconnect and disconnected at once.
   */
  stopAccepting(retryAfterMs: number): void {
    const server = this.namespace?.server;
    if (!server) return;
    server.engine.opts.allowRequest = (_request, answer) => answer('Server shutting down', false);
    for (const namespace of server._nsps.values()) {
      if (namespace === this.namespace) continue;
      // This instance's sockets only (the adapter would reach every instance's), emitted and
      // disconnected synchronously, so the notice goes out first.
      namespace.local.emit('server_shutdown', shutdownPayload(retryAfterMs));
      namespace.local.disconnectSockets(true);
    }
  }

  /**
   * Disconnects a socket after the events just emitted to it. With connection-state recovery every
   * emit goes through the adapter (on Redis, after the XADD that stores it), so `socket.disconnect()`
   * would overtake them; a disconnection sent through the adapter as well keeps its place behind them.
   */
  private closeAfterNotices(socket: Socket): void {
    if (this.namespace) this.namespace.in(socket.id).disconnectSockets(true);
    else socket.disconnect(true);
  }

  private async admit(socket: Socket): Promise<void> {
    const { auth, query, headers, address } = socket.handshake;
    const ip = this.realtime.addressOf(address, headers['x-forwarded-for']);
    const admission = await this.realtime.admit({
      token: handshakeField(auth, query, 'token'),
      userId: handshakeField(auth, query, 'user_id'),
      sessionId: handshakeField(auth, query, 'session_id'),
      lastMessageId: handshakeField(auth, query, 'last_message_id'),
      ip,
      transport: 'socket.io',
      host: headers.host,
      origin: headers.origin,
    });
    const data: ChatSocketData = { ...admission, ip };
    socket.data = data;
  }
}

/** socket.io-parser's EVENT packet type. */
const EVENT_PACKET = 2;

/** Socket's own write, which skips the adapter (and so the recovery store and the cluster). */
interface DirectSocket {
  packet(packet: { type: number; data: unknown[] }, options?: Record<string, unknown>): void;
}

function roomOf(sessionId: string): string {
  return `session:${sessionId}`;
}

/** `handshake.auth` first (not logged by proxies), then the query string. */
function handshakeField(auth: Record<string, unknown>, query: Record<string, unknown>, name: string): unknown {
  const value = auth?.[name] ?? query?.[name];
  return Array.isArray(value) ? value[0] : value;
}

function chatDataOf(socket: Socket): ChatSocketData | undefined {
  const data = socket.data as Partial<ChatSocketData> | undefined;
  if (!data || typeof data.sessionId !== 'string' || typeof data.ip !== 'string' || !data.identity) return undefined;
  return data as ChatSocketData;
}

/**
 * engine.io drops a connection whose frame exceeds maxHttpBufferSize as a transport error carrying
 * the WebSocket library's "Max payload size exceeded"; the client then reconnects by itself.
 */
function isOversizeDrop(reason: string, description: unknown): boolean {
  if (reason !== 'transport error') return false;
  const text = description instanceof Error ? `${description.message} ${String((description as { description?: unknown }).description ?? '')}` : String(description);
  return /max payload size exceeded/i.test(text);
}
