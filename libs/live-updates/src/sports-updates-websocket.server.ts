import type { IncomingMessage, Server } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { Duplex } from 'node:stream';
import { type BeforeApplicationShutdown, Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { assertHandshakeAllowed, clientAddress, isDomainError, reconnectAfterMs, TrustedProxies } from '@app/common';
import { appConfig, type AppConfig } from '@app/config';
import { SocketAddressCap } from '@app/rate-limit';
import type { Subscription } from 'rxjs';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import { InvalidMessageFormatError, MessageTooLongError, toErrorPayload, TooManySocketsError } from './live-updates.errors.js';
import {
  type OddsUpdateFrame,
  oddsUpdateFrame,
  originalNotice,
  type OriginalNoticeFrame,
  type OriginalSportsUpdateFields,
  originalUpdateFields,
} from './original-protocol.frames.js';
import { parseClientMessage, type ClientMessage } from './plain-message.js';
import type { SportsUpdate, SubscriptionView, UpdatesErrorPayload } from './sports-update.types.js';
import { SportsUpdatesBus } from './sports-updates.bus.js';
import { parseCompetitions, SUBSCRIPTION_FIELDS } from './subscription-request.js';
import { type SubscriptionChange, SubscriptionService } from './subscription.service.js';

export const SPORTS_UPDATES_WS_PATH = '/ws/sports-updates';

// Requests are a few hundred bytes; 16 KiB leaves room for 150 long names and no more. Larger frames
// up to the hard limit are answered with MESSAGE_TOO_LONG and the connection stays (as on /ws/chat);
// beyond it the WebSocket library closes the connection with 1009.
const MAX_MESSAGE_BYTES = 16 * 1024;
const HARD_FRAME_LIMIT_BYTES = 64 * 1024;
// Dead peers (a laptop closed mid-session) are found by a ping each period without a pong.
const HEARTBEAT_MS = 30_000;
// A client that reads slower than updates arrive is skipped rather than buffered without bound.
const MAX_BUFFERED_BYTES = 1024 * 1024;
// How long closing clients get to answer the close handshake at shutdown.
const CLOSE_GRACE_MS = 1_000;

/** Server → client messages. */
export type ServerMessage =
  | { type: 'connection_ack' }
  | ({ type: 'subscribed'; id?: string | number } & SubscriptionView)
  | ({ type: 'sports_update'; data: SportsUpdate } & OriginalSportsUpdateFields)
  | OddsUpdateFrame
  | { type: 'pong'; id?: string | number }
  | { type: 'server_shutdown'; reconnect: true; retry_after_ms: number }
  | ({ type: 'error'; id?: string | number; error_message: string } & UpdatesErrorPayload)
  | OriginalNoticeFrame;

interface Client {
  socket: WebSocket;
  alive: boolean;
}

/**
 * Plain WebSocket endpoint `/ws/sports-updates` on the application's HTTP server, for clients
 * without Socket.IO. JSON text messages: `subscribe` / `unsubscribe` (the same fields as the
 * Socket.IO namespace) and `ping`; answers `connection_ack`, `subscribed` (the whole subscription
 * after either request), `sports_update`, `pong` and `error`.
 *
 * It also speaks the original ChatBet protocol: `?competitions=ID1,ID2` and
 * `subscribe {competitions}` (tournament ids; each such subscribe gives the whole list), answered
 * with its `error`-typed `INFO` / `SUBSCRIPTION_UPDATED` notices; `sports_update` carries the
 * original fields next to ours and an odds change also comes as `odds_update`. Fields a frame
 * carries that we do not use (`timestamp`, `session_id`…) are ignored. A connection that names
 * neither `competitions` nor `user_id` in its URL is one of ours, and is spared the notices.
 *
 * Other upgrade paths on the same server (Socket.IO, other WebSocket endpoints) belong to other
 * listeners: this one never touches their sockets.
 */
@Injectable()
export class SportsUpdatesWebSocketServer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(SportsUpdatesWebSocketServer.name);
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: HARD_FRAME_LIMIT_BYTES });
  private readonly clients = new Map<string, Client>();
  private httpServer?: Server;
  private heartbeat?: NodeJS.Timeout;
  private delivery?: Subscription;

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly subscriptions: SubscriptionService,
    private readonly bus: SportsUpdatesBus,
    @Inject(appConfig.KEY) private readonly app: AppConfig,
    private readonly socketCap: SocketAddressCap,
  ) {
    this.trustedProxies = new TrustedProxies(app.trustedProxies);
  }

  private readonly trustedProxies: TrustedProxies;

  /** The HTTP server exists by now (tests' `listen(0)` and main.ts both reuse it). */
  onApplicationBootstrap(): void {
    this.httpServer = this.adapterHost.httpAdapter.getHttpServer() as Server;
    this.httpServer.on('upgrade', this.onUpgrade);
    this.wss.on('connection', (socket: WebSocket, request: IncomingMessage, id: string) => this.onConnection(socket, request, id));
    this.delivery = this.bus.updates$.subscribe(({ topics, update }) => this.deliver(topics, update));
    this.heartbeat = setInterval(() => this.checkHeartbeats(), HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  /** Before the HTTP server closes: it waits for every open connection, upgraded ones included. */
  async beforeApplicationShutdown(): Promise<void> {
    this.httpServer?.off('upgrade', this.onUpgrade);
    clearInterval(this.heartbeat);
    this.delivery?.unsubscribe();
    const sockets = [...this.clients.values()].map((client) => client.socket);
    const closed = Promise.all(sockets.map((socket) => new Promise<void>((resolve) => socket.once('close', () => resolve()))));
    // Clients are told to reconnect (to another instance) before the close.
    for (const socket of sockets) {
      send(socket, { type: 'server_shutdown', reconnect: true, retry_after_ms: reconnectAfterMs() });
      socket.close(1001, 'Server shutting down');
    }
    // A peer that does not answer the close handshake is cut off.
    await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, CLOSE_GRACE_MS).unref())]);
    for (const socket of sockets) socket.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private readonly onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const path = (request.url ?? '').split('?')[0]?.replace(/\/+$/, '');
    if (path !== SPORTS_UPDATES_WS_PATH) return;
    try {
      assertHandshakeAllowed(request.headers, this.app);
    } catch (error) {
      return refuse(socket, isDomainError(error) ? error.httpStatus : 403, 'Forbidden');
    }
    void this.admit(request, socket, head).catch((error: unknown) => {
      this.logger.error({ msg: 'WebSocket upgrade failed', err: error });
      socket.destroy();
    });
  };

  /** Counts the connection against its address's limit (on every instance) before upgrading it. */
  private async admit(request: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const id = `ws:${randomUUID()}`;
    const address = clientAddress(request.socket.remoteAddress, request.headers['x-forwarded-for'], this.trustedProxies);
    if (!(await this.socketCap.acquire('sports-updates', id, address))) {
      return refuse(socket, 429, 'Too Many Requests', new TooManySocketsError(this.socketCap.limit).message);
    }
    if (socket.destroyed) return void this.socketCap.release(id);
    this.wss.handleUpgrade(request, socket, head, (ws) => this.wss.emit('connection', ws, request, id));
  }

  private onConnection(socket: WebSocket, request: IncomingMessage, id: string): void {
    const client: Client = { socket, alive: true };
    this.clients.set(id, client);
    socket.on('pong', () => (client.alive = true));
    socket.on('message', (data: RawData, isBinary: boolean) => void this.onMessage(id, socket, data, isBinary));
    socket.on('error', (error: Error) => this.logger.debug(`WebSocket ${id} error: ${error.message}`));
    socket.on('close', () => {
      this.clients.delete(id);
      void this.socketCap.release(id);
      void this.subscriptions.drop(id);
    });
    send(socket, { type: 'connection_ack' });
    const query = new URL(request.url ?? '/', 'http://localhost').searchParams;
    if (query.has('competitions') || query.has('user_id')) void this.greetOriginal(id, socket, query.get('competitions'));
  }

  /** The original protocol's connect: follow `?competitions=`, then say how many in an `INFO` notice. */
  private async greetOriginal(id: string, socket: WebSocket, competitions: string | null): Promise<void> {
    let followed: string[] = [];
    try {
      if (competitions !== null) followed = tournamentIdsOf(await this.subscriptions.followOnlyTournaments(id, parseCompetitions(competitions)));
    } catch (error) {
      sendError(socket, undefined, toErrorPayload(error, this.logger));
    }
    send(socket, originalNotice('INFO', followed));
  }

  private async onMessage(id: string, socket: WebSocket, data: RawData, isBinary: boolean): Promise<void> {
    let message: ClientMessage | undefined;
    try {
      if (isBinary) throw new InvalidMessageFormatError('Send JSON as text frames, not binary');
      const text = rawText(data);
      if (Buffer.byteLength(text) > MAX_MESSAGE_BYTES) throw new MessageTooLongError(MAX_MESSAGE_BYTES);
      message = parseClientMessage(text);
      const reply = message.id === undefined ? {} : { id: message.id };
      if (message.type === 'ping') return send(socket, { type: 'pong', ...reply });
      const { request, competitions, ignored } = readSubscriptionFrame(message.body);
      if (ignored.length > 0) this.logger.debug({ msg: 'Ignored fields of a sports-updates frame', subscriberId: id, type: message.type, fields: ignored });
      if (message.type === 'unsubscribe') {
        const change = await this.subscriptions.unsubscribe(id, withTournamentIds(request, competitions));
        return send(socket, { type: 'subscribed', ...reply, ...change.subscription });
      }
      const followed = competitions === undefined ? undefined : await this.subscriptions.followOnlyTournaments(id, competitions);
      const change = followed === undefined || Object.keys(request).length > 0 ? await this.subscriptions.subscribe(id, request) : followed;
      send(socket, { type: 'subscribed', ...reply, ...change.subscription });
      if (followed !== undefined) send(socket, originalNotice('SUBSCRIPTION_UPDATED', tournamentIdsOf(change)));
    } catch (error) {
      sendError(socket, message?.id, toErrorPayload(error, this.logger));
    }
  }

  private deliver(topics: string[], update: SportsUpdate): void {
    const messages = [
      JSON.stringify({ type: 'sports_update', data: update, ...originalUpdateFields(topics, update) } satisfies ServerMessage),
      ...(update.type === 'odds_change' ? [JSON.stringify(oddsUpdateFrame(update) satisfies ServerMessage)] : []),
    ];
    for (const subscriberId of this.subscriptions.subscribersOf(topics)) {
      const client = this.clients.get(subscriberId);
      if (client === undefined || client.socket.readyState !== WebSocket.OPEN) continue;
      if (client.socket.bufferedAmount > MAX_BUFFERED_BYTES) continue;
      for (const message of messages) client.socket.send(message);
    }
  }

  private checkHeartbeats(): void {
    for (const client of this.clients.values()) {
      if (!client.alive) {
        client.socket.terminate();
        continue;
      }
      client.alive = false;
      client.socket.ping();
    }
  }

}

function send(socket: WebSocket, message: ServerMessage): void {
  if (socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(message));
}

/** `error_message` is the original protocol's name for our `content`. */
function sendError(socket: WebSocket, id: string | number | undefined, payload: UpdatesErrorPayload): void {
  send(socket, { type: 'error', ...(id === undefined ? {} : { id }), error_message: payload.content, ...payload });
}

/**
 * A subscribe or unsubscribe frame's request (our fields), its original `competitions` if it
 * names them, and the names of the fields left out.
 */
function readSubscriptionFrame(body: Record<string, unknown>): { request: Record<string, unknown>; competitions?: string[]; ignored: string[] } {
  const request: Record<string, unknown> = {};
  const ignored: string[] = [];
  for (const [field, value] of Object.entries(body)) {
    if (SUBSCRIPTION_FIELDS.includes(field)) request[field] = value;
    else if (field !== 'competitions') ignored.push(field);
  }
  return { request, ...(body.competitions !== undefined && { competitions: parseCompetitions(body.competitions) }), ignored };
}

function tournamentIdsOf(change: SubscriptionChange): string[] {
  return change.subscription.tournaments.map((tournament) => tournament.id);
}

/** Competitions are tournament ids, which an unsubscribe accepts among its `tournaments`. */
function withTournamentIds(request: Record<string, unknown>, competitions: string[] | undefined): Record<string, unknown> {
  if (competitions === undefined || competitions.length === 0) return request;
  if (request.tournaments === undefined) return { ...request, tournaments: competitions };
  // A malformed `tournaments` is left for the request parser to refuse.
  return Array.isArray(request.tournaments) ? { ...request, tournaments: [...request.tournaments, ...competitions] } : request;
}

function rawText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return (Buffer.isBuffer(data) ? data : Buffer.from(new Uint8Array(data))).toString('utf8');
}

/** Answers an upgrade on our path that is not allowed; only ever called for `/ws/sports-updates`. */
function refuse(socket: Duplex, status: number, reason: string, body = ''): void {
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
}
