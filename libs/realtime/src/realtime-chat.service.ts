import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit, Optional } from '@nestjs/common';
import { type IdentityTransport, InvalidTokenError, resolveIdentity, TokenService, type VerifiedToken } from '@app/auth';
import { type ChatIdentity, ChatService, MessageTooLongError } from '@app/chat';
import { assertHandshakeAllowed, clientAddress, RECONNECT_AFTER_MS, RECONNECT_SPREAD_MS, reconnectAfterMs, TrustedProxies, withCorrelation } from '@app/common';
import {
  appConfig,
  type AppConfig,
  conversationConfig,
  type ConversationConfig,
  rateLimitConfig,
  type RateLimitConfig,
  realtimeConfig,
  type RealtimeConfig,
} from '@app/config';
import {
  type ChatMessage,
  ConversationService,
  InvalidIdError,
  isSafeId,
  MAX_STORED_MESSAGES,
  SessionAccessDeniedError,
  SessionNotFoundError,
} from '@app/conversation';
import { MetricsService } from '@app/metrics';
import { SpanKind } from '@opentelemetry/api';
import { activeSpan, CHATBET, inSpan, recordFailure } from '@app/telemetry';
import { SocketAddressCap } from '@app/rate-limit';
import { createHash, randomUUID } from 'node:crypto';
import { chatErrorEvent, describeChatError, type DescribedChatError } from './chat-error.mapper.js';
import type { Admission, CancelAck, ChatConnection, ChatEvent, ChatTransport, ExistingSession, MessageAck, ResumeAck } from './chat-transport.js';
import { ChunkCoalescer } from './chunk-coalescer.js';
import { ClaimStore } from './claim.store.js';
import { cancelSchema, messageIdOf, parseClientMessage, resumeSchema, type UserMessage, userMessageSchema } from './dto/chat-client.messages.js';
import { type EndpointCounts, type InstanceReport, PresenceService } from './presence.service.js';
import {
  ChatRateLimitedError,
  DuplicateInProgressError,
  PayloadTooLargeError,
  ServerBusyError,
  ServerShuttingDownError,
  SessionMismatchError,
  TokenExpiredError,
  TooManyConnectionsError,
} from './realtime.errors.js';
import { CHAT_WS_PATH, MAX_SOCKET_PAYLOAD_BYTES, RECOVERY_WINDOW_MS } from './socket-limits.js';
import { SessionRegistry, type SessionState, type TurnHandle } from './session-registry.js';
import { type AdmissionRequest, TurnAdmission } from './turn-admission.js';

/** What a client presents when it connects, as read from the handshake (not yet validated). */
export interface HandshakeInput {
  token?: unknown;
  userId?: unknown;
  sessionId?: unknown;
  lastMessageId?: unknown;
  ip: string;
  transport: IdentityTransport;
  /** Host and Origin headers of the handshake, checked against ALLOWED_HOSTS and CORS_ORIGINS. */
  host?: string;
  origin?: string;
}

export interface AttachOptions {
  /** A Socket.IO connection restored by connection-state recovery (it has received what it missed). */
  recovered: boolean;
}

/** Why a connection ended, when it matters for what the client is told on its return. */
export interface DetachInfo {
  /** The transport dropped the connection for a message over the size limit. */
  oversize?: boolean;
}

export interface RealtimeStatus {
  server_time: string;
  instance_id: string;
  /** `redis`: all_instances adds up every live instance; `this-instance`: Redis is not available, so only this one is known. */
  cluster_source: 'redis' | 'this-instance';
  namespaces: Record<string, { this_instance: EndpointCounts; all_instances: EndpointCounts & { instances: number } }>;
  turns_in_progress: number;
  sessions_in_memory: number;
}

/** A message id is remembered this long: a resend within it is a duplicate. */
const MESSAGE_ID_WINDOW_MS = 10 * 60_000;
/** The same text twice from one session within this window is one message sent twice. */
const SAME_CONTENT_WINDOW_MS = 2_000;
const TURN_RATE_WINDOW_MS = 60_000;
/**
 * Of SHUTDOWN_TIMEOUT_MS, what is kept for the steps after the answers being written (cancelling
 * those that did not finish, closing sockets, then Redis); the rest is their time to finish.
 */
const SHUTDOWN_RESERVE_MS = 4_000;
const PRESENCE_DEBOUNCE_MS = 100;
/** What a client refused with SERVER_BUSY is told to wait before sending again. */
const BUSY_RETRY_AFTER_MS = 1_000;

/**
 * The live chat, whatever the transport: who may connect, one live connection per session,
 * duplicate and rate checks, turns run in order with their tokens streamed to the session,
 * cancellation, answers kept for a client that dropped, and replay of what a client missed.
 *
 * Transports (Socket.IO gateway, plain WebSocket server) only translate their wire protocol into
 * calls of this service and its events back into their protocol.
 */
@Injectable()
export class RealtimeChatService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(RealtimeChatService.name);
  private readonly transports: ChatTransport[] = [];
  private readonly connections = new Map<string, ChatConnection>();
  private readonly trustedProxies: TrustedProxies;
  /**
   * Per connection, user messages it did not send whose answer it already got (live after taking the
   * session over, or as undelivered at connect): its resume does not send them again.
   */
  private readonly answered = new Map<string, Set<string>>();
  /** Connections dropped for an oversize message: told why when they come back (connection id → when). */
  private readonly oversizeDrops = new Map<string, number>();
  private readonly running = new Set<Promise<void>>();
  private readonly sessions: SessionRegistry;
  private heartbeat?: NodeJS.Timeout;
  private presenceTimer?: NodeJS.Timeout;
  private shuttingDown = false;
  /** Connections closed for the shutdown (their close may still be under way). */
  private readonly sentAway = new Set<string>();

  constructor(
    private readonly chat: ChatService,
    private readonly conversations: ConversationService,
    private readonly tokens: TokenService,
    private readonly admission: TurnAdmission,
    private readonly claims: ClaimStore,
    private readonly presence: PresenceService,
    private readonly socketCap: SocketAddressCap,
    @Inject(conversationConfig.KEY) private readonly conversation: ConversationConfig,
    @Inject(rateLimitConfig.KEY) private readonly limits: RateLimitConfig,
    @Inject(realtimeConfig.KEY) private readonly config: RealtimeConfig,
    @Inject(appConfig.KEY) private readonly app: AppConfig,
    @Optional() private readonly metrics?: MetricsService,
  ) {
    this.sessions = new SessionRegistry(conversation.timeoutSeconds * 1000);
    this.trustedProxies = new TrustedProxies(app.trustedProxies);
  }

  /** The client's address for the per-address limits (X-Forwarded-For only from TRUSTED_PROXIES). */
  addressOf(remoteAddress: string | undefined, forwardedFor: string | string[] | undefined): string {
    return clientAddress(remoteAddress, forwardedFor, this.trustedProxies);
  }

  onModuleInit(): void {
    this.heartbeat = setInterval(() => this.beat(), this.config.heartbeatMs);
    this.heartbeat.unref();
  }

  registerTransport(transport: ChatTransport): void {
    if (!this.transports.includes(transport)) this.transports.push(transport);
  }

  /** Normalises a thrown value into what the client is told, logging the unexpected ones. */
  describe(error: unknown, context: Record<string, unknown> = {}): DescribedChatError {
    const described = describeChatError(error);
    if (described.unexpected) {
      this.logger.error({ msg: 'Chat message failed', err: error, code: described.code, ...context });
    }
    return described;
  }

  // ---------------------------------------------------------------- connections

  /**
   * Checks a handshake: the per-address connection limit, the token (invalid or expired ones are
   * refused; a missing one is fine), the ids, and that the session is not someone else's, so a
   * stranger cannot take over a session (and push its owner out) by naming it.
   */
  async admit(input: HandshakeInput): Promise<Admission> {
    if (this.shuttingDown) throw new ServerShuttingDownError(reconnectAfterMs());
    assertHandshakeAllowed({ host: input.host, origin: input.origin }, this.app);
    if (!(await this.socketCap.hasRoom('chat', input.ip))) {
      this.metrics?.rateLimited('ws_connections');
      throw new TooManyConnectionsError(this.socketCap.limit);
    }
    const claimedUser = optionalId(input.userId, 'user_id');
    const requestedSession = optionalId(input.sessionId, 'session_id');
    const lastMessageId = optionalId(input.lastMessageId, 'last_message_id');
    let verified: VerifiedToken | undefined;
    if (input.token !== undefined && input.token !== null && input.token !== '') {
      if (typeof input.token !== 'string') throw new InvalidTokenError('malformed');
      verified = await this.tokens.verify(input.token);
      if (!isSafeId(verified.sub)) throw new InvalidTokenError('invalid');
    }
    const identity = resolveIdentity(verified, claimedUser, input.transport);
    const sessionId = requestedSession ?? this.chat.newSessionId();
    const existingSession = requestedSession ? await this.claimSession(requestedSession, identity) : undefined;
    // A connection without any identity owns its sessions through the token it is handed now.
    const issued = identity.proof === 'new' ? await this.tokens.issueAnonymous(identity.ownerId) : undefined;
    return {
      sessionId,
      identity,
      userId: identity.ownerId,
      authenticated: identity.userId !== undefined,
      ...(lastMessageId && { lastMessageId }),
      ...(verified && { tokenExpiresAt: verified.exp * 1000 }),
      ...(existingSession && { existingSession }),
      ...(issued && { issuedToken: issued.token }),
    };
  }

  /**
   * Starts serving a connection that passed `admit`: it replaces the session's older connections,
   * is greeted, and gets what it missed. Returns false when it was closed instead (the address went
   * over its limit meanwhile, or the instance is stopping), after telling the client why.
   */
  async attach(connection: ChatConnection, options: AttachOptions): Promise<boolean> {
    if (this.shuttingDown) {
      // A Socket.IO recovery skips `admit`.
      connection.send(this.shutdownNotice(connection.sessionId));
      connection.close('shutdown');
      return false;
    }
    const session = this.sessions.open(connection.sessionId);
    // The first connection of a session on this instance sets its owner before anything is stored.
    session.ownerId ??= connection.identity.ownerId;
    if (session.ownerId !== connection.identity.ownerId) {
      this.sendError(connection, new SessionAccessDeniedError(connection.sessionId));
      connection.close('forbidden');
      return false;
    }
    if (!(await this.socketCap.acquire('chat', connection.id, connection.ip))) {
      // Two handshakes from one address passed `admit` together (on any instance); the later one loses.
      this.sendError(connection, new TooManyConnectionsError(this.socketCap.limit));
      connection.close('too_many_connections');
      return false;
    }
    this.connections.set(connection.id, connection);
    session.connections.add(connection.id);
    this.schedulePresence();
    connection.send({
      kind: 'connected',
      sessionId: connection.sessionId,
      connectionId: connection.id,
      userId: connection.userId,
      authenticated: connection.authenticated,
      resumed: options.recovered,
      ...(connection.existingSession && { existingSession: connection.existingSession }),
      ...(connection.issuedToken && { token: connection.issuedToken }),
    });
    try {
      await Promise.all(this.transports.map((transport) => transport.replaceOthers(connection.sessionId, connection.id)));
      if (options.recovered) {
        // Connection-state recovery has already sent the events this client missed.
        session.undelivered = [];
        if (this.oversizeDrops.delete(connection.id)) this.sendError(connection, new PayloadTooLargeError(MAX_SOCKET_PAYLOAD_BYTES));
      } else if (connection.lastMessageId) {
        await this.replay(connection, session, connection.lastMessageId);
      } else {
        const missed = session.undelivered;
        session.undelivered = [];
        for (const answer of missed) this.sendAnswer(connection, answer);
      }
    } catch (error) {
      this.sendError(connection, error);
    }
    return true;
  }

  /** A connection ended. Turns it started carry on: their answers go to the session's next connection. */
  detach(connectionId: string, info: DetachInfo = {}): void {
    const connection = this.connections.get(connectionId);
    if (!connection) return;
    this.connections.delete(connectionId);
    this.answered.delete(connectionId);
    void this.socketCap.release(connectionId);
    const session = this.sessions.get(connection.sessionId);
    if (session) {
      session.connections.delete(connectionId);
      session.lastActivity = Date.now();
    }
    if (info.oversize) this.oversizeDrops.set(connectionId, Date.now());
    this.schedulePresence();
  }

  // ---------------------------------------------------------------- messages

  /**
   * A `user_message`: answered at once with an acknowledgement; an accepted message is then
   * answered through the session's events. A rejected one gets an `error` event as well.
   */
  async submit(connectionId: string, payload: unknown): Promise<MessageAck> {
    const connection = this.connections.get(connectionId);
    let messageId = messageIdOf(payload);
    if (!connection) return { message_id: messageId ?? null, status: 'rejected', error_code: 'PROCESSING_ERROR' };
    if (this.closeIfExpired(connection)) return { message_id: messageId ?? null, status: 'rejected', error_code: 'TOKEN_EXPIRED' };
    try {
      if (this.shuttingDown) throw new ServerShuttingDownError(reconnectAfterMs());
      // Over capacity, a message is refused at once: queued, it would wait behind every other and time out anyway.
      if (this.running.size >= this.config.maxTurnsInFlight) {
        this.metrics?.rateLimited('chat_busy');
        throw new ServerBusyError(this.config.maxTurnsInFlight, BUSY_RETRY_AFTER_MS);
      }
      // The plain WebSocket checks its frames' bytes before parsing; a Socket.IO message arrives parsed.
      if (Buffer.byteLength(JSON.stringify(payload) ?? '') > MAX_SOCKET_PAYLOAD_BYTES) throw new PayloadTooLargeError(MAX_SOCKET_PAYLOAD_BYTES);
      const message = this.parseUserMessage(connection, payload);
      messageId = message.message_id ?? randomUUID();
      const session = this.sessions.open(connection.sessionId);
      const idClaim = `message:${messageId}`;
      const contentClaim = `content:${createHash('sha256').update(message.content.trim()).digest('base64url').slice(0, 22)}`;
      const limit = this.limits.chatTurnsPerMinute;
      const request: AdmissionRequest = {
        idClaim: { name: idClaim, ttlMs: MESSAGE_ID_WINDOW_MS, holder: this.presence.instanceId },
        contentClaim: { name: contentClaim, ttlMs: SAME_CONTENT_WINDOW_MS },
        // The session's hash tag keeps the counter in the slot of the session's claims.
        rate: { key: `chat-turns:{${connection.sessionId}}`, limit, windowMs: TURN_RATE_WINDOW_MS },
      };
      let admission = await this.admission.admit(session, request);
      if (admission.status === 'duplicate-id') {
        const seen = await this.settleDuplicate(connection, session, messageId, idClaim);
        if (seen !== 'orphaned') return { message_id: messageId, status: 'duplicate' };
        // The claim is this instance's now; the rest of the checks still apply.
        admission = await this.admission.admit(session, { ...request, idClaim: { ...request.idClaim, skip: true } });
      }
      if (admission.status === 'duplicate-content') {
        // Not answered, so the id is free again: a deliberate resend later is a new message.
        this.sendError(connection, new DuplicateInProgressError(), messageId);
        return { message_id: messageId, status: 'duplicate' };
      }
      if (admission.status === 'limited') {
        this.metrics?.rateLimited('ws_chat');
        throw new ChatRateLimitedError(limit, admission.decision.retryAfterMs);
      }
      // The checks above waited on Redis: a shutdown that began meanwhile has already counted the turns
      // it waits for, so this one is refused (and may be sent again elsewhere), never accepted and dropped.
      if (this.shuttingDown) {
        await Promise.all([this.claims.release(session, idClaim), this.claims.release(session, contentClaim)]);
        throw new ServerShuttingDownError(reconnectAfterMs());
      }
      this.enqueue(session, connection, message, messageId, [idClaim, contentClaim]);
      return { message_id: messageId, status: 'accepted' };
    } catch (error) {
      const code = this.sendError(connection, error, messageId);
      return { message_id: messageId ?? null, status: 'rejected', error_code: code };
    }
  }

  /** `cancel`: stops a turn of this session that is queued or being answered. */
  async cancel(connectionId: string, payload: unknown): Promise<CancelAck> {
    const connection = this.connections.get(connectionId);
    const messageId = messageIdOf(payload) ?? null;
    if (!connection) return { message_id: messageId, status: 'rejected', error_code: 'PROCESSING_ERROR' };
    if (this.closeIfExpired(connection)) return { message_id: messageId, status: 'rejected', error_code: 'TOKEN_EXPIRED' };
    try {
      const request = parseClientMessage(cancelSchema, payload);
      if (request.session_id && request.session_id !== connection.sessionId) throw new SessionMismatchError('session_id');
      const turn = this.sessions.get(connection.sessionId)?.turns.get(request.message_id);
      if (!turn) return { message_id: request.message_id, status: 'not_found' };
      turn.controller.abort();
      return { message_id: request.message_id, status: 'cancelling' };
    } catch (error) {
      const code = this.sendError(connection, error, messageId ?? undefined);
      return { message_id: messageId, status: 'rejected', error_code: code };
    }
  }

  /** `resume`: sends every stored message after `last_message_id`, then `resume_complete`. */
  async resume(connectionId: string, payload: unknown): Promise<ResumeAck> {
    const connection = this.connections.get(connectionId);
    if (!connection) return { session_id: '', replayed: 0, in_progress: [], error_code: 'PROCESSING_ERROR' };
    if (this.closeIfExpired(connection)) return { session_id: connection.sessionId, replayed: 0, in_progress: [], error_code: 'TOKEN_EXPIRED' };
    try {
      const request = parseClientMessage(resumeSchema, payload);
      if (request.session_id && request.session_id !== connection.sessionId) throw new SessionMismatchError('session_id');
      return await this.replay(connection, this.sessions.open(connection.sessionId), request.last_message_id);
    } catch (error) {
      const code = this.sendError(connection, error);
      return { session_id: connection.sessionId, replayed: 0, in_progress: [], error_code: code };
    }
  }

  // ---------------------------------------------------------------- status and lifecycle

  async status(): Promise<RealtimeStatus> {
    const local = this.localReport();
    await this.presence.publish(local);
    const reports = await this.presence.reports();
    const cluster = reports && reports.length > 0 ? reports : [local];
    const endpoints = new Set([...this.transports.map((t) => t.endpoint), ...cluster.flatMap((report) => Object.keys(report))]);
    const namespaces: RealtimeStatus['namespaces'] = {};
    for (const endpoint of endpoints) {
      const all = { connections: 0, sessions: 0, instances: cluster.length };
      for (const report of cluster) {
        all.connections += report[endpoint]?.connections ?? 0;
        all.sessions += report[endpoint]?.sessions ?? 0;
      }
      namespaces[endpoint] = { this_instance: local[endpoint] ?? { connections: 0, sessions: 0 }, all_instances: all };
    }
    let turns = 0;
    for (const session of this.sessions.values()) turns += session.turns.size;
    return {
      server_time: new Date().toISOString(),
      instance_id: this.presence.instanceId,
      cluster_source: reports ? 'redis' : 'this-instance',
      namespaces,
      turns_in_progress: turns,
      sessions_in_memory: this.sessions.size,
    };
  }

  /**
   * The instance is stopping (SIGTERM, or the application closing):
   * 1. no new connection or message is accepted (SERVER_SHUTTING_DOWN);
   * 2. every client is told `server_shutdown` (reconnect after `retry_after_ms`, to another instance);
   * 3. a connection whose session has no answer being written here is closed at once, the others
   *    once their answers are written, stored and sent (a client that reconnects elsewhere
   *    meanwhile gets it there: live through the Socket.IO adapter, or with `resume`);
   * 4. answers still running when SHUTDOWN_TIMEOUT_MS, less what the later steps need, is up are
   *    cancelled, which stores what was written; the remaining connections are closed.
   * Done at module destruction, which starts before any other shutdown hook: this module is
   * destroyed before the modules it imports (the chat, its model clients, the conversation store)
   * and the shared Redis connection is closed last.
   */
  async onModuleDestroy(): Promise<void> {
    this.shuttingDown = true;
    clearInterval(this.heartbeat);
    clearTimeout(this.presenceTimer);
    for (const transport of this.transports) transport.stopAccepting(RECONNECT_AFTER_MS + RECONNECT_SPREAD_MS);
    for (const connection of [...this.connections.values()]) {
      connection.send(this.shutdownNotice(connection.sessionId));
      if ((this.sessions.get(connection.sessionId)?.turns.size ?? 0) === 0) this.sendAway(connection);
    }
    const pending = Promise.allSettled([...this.running]);
    const drainMs = Math.max(0, this.app.shutdownTimeoutMs - SHUTDOWN_RESERVE_MS);
    const finished = await Promise.race([pending.then(() => true), sleep(drainMs).then(() => false)]);
    if (!finished) {
      this.logger.warn({ msg: 'Cancelling answers still being written at shutdown', drainMs });
      for (const session of this.sessions.values()) {
        for (const turn of session.turns.values()) turn.controller.abort();
      }
      await Promise.race([pending, sleep(1_000)]);
    }
    for (const connection of [...this.connections.values()]) this.sendAway(connection);
    await this.presence.withdraw();
  }

  // ---------------------------------------------------------------- internals

  /**
   * A message id seen before: still being answered (`in_progress`); answered, when its stored answer
   * is sent again to this connection (`replayed`); or claimed by an instance that is gone, with
   * nothing stored (`orphaned`): the claim is taken over and the message is processed again.
   */
  private async settleDuplicate(connection: ChatConnection, session: SessionState, messageId: string, idClaim: string): Promise<'in_progress' | 'replayed' | 'orphaned'> {
    if (session.turns.has(messageId)) return 'in_progress';
    let stored: ChatMessage[] = [];
    try {
      stored = await this.conversations.history(connection.sessionId, connection.identity.ownerId, MAX_STORED_MESSAGES);
    } catch (error) {
      if (!(error instanceof SessionNotFoundError)) throw error;
    }
    const answer = stored.find((m) => m.role === 'assistant' && m.replyTo === messageId);
    if (answer) {
      connection.send({ kind: 'history', sessionId: connection.sessionId, message: answer });
      return 'replayed';
    }
    // This instance's own claims belong to messages between their claim and their turn, or running.
    const holder = await this.claims.holderOf(session, idClaim);
    const holderGone = holder !== undefined && holder !== this.presence.instanceId && (await this.presence.isAlive(holder)) === false;
    if (!holderGone) return 'in_progress';
    await this.claims.takeOver(session, idClaim, MESSAGE_ID_WINDOW_MS, this.presence.instanceId);
    return 'orphaned';
  }

  private parseUserMessage(connection: ChatConnection, payload: unknown): UserMessage {
    const message = parseClientMessage(userMessageSchema, payload);
    if (message.session_id && message.session_id !== connection.sessionId) throw new SessionMismatchError('session_id');
    if (message.user_id && message.user_id !== connection.userId) throw new SessionMismatchError('user_id');
    const length = message.content.trim().length;
    if (length > this.conversation.maxMessageLength) {
      throw new MessageTooLongError(this.conversation.maxMessageLength, length);
    }
    return message;
  }

  private enqueue(session: SessionState, connection: ChatConnection, message: UserMessage, messageId: string, claims: string[]): void {
    const handle: TurnHandle = { messageId, controller: new AbortController() };
    session.turns.set(messageId, handle);
    const identity = connection.identity;
    const run = session.queue
      // The acknowledgement is sent when submit() returns; starting on a later tick keeps it ahead of the turn's first event.
      .then(() => new Promise<void>((resolve) => setImmediate(resolve)))
      // Every line the turn logs (the chat service's turn line, tools, errors) carries its id.
      .then(() =>
        withCorrelation({ turnId: messageId }, () =>
          // Each socket turn is the root of its own trace, whatever ran before it on this connection.
          inSpan('chat_message', { kind: SpanKind.SERVER, root: true, attributes: this.turnAttributes(connection, session.sessionId, messageId) }, () =>
            this.runTurn(session, handle, { content: message.content, identity, timeZone: message.time_zone, claims, submittedBy: connection.id }),
          ),
        ),
      )
      .catch((error: unknown) => {
        this.logger.error({ msg: 'Chat turn failed outside its own error handling', sessionId: session.sessionId, messageId, err: error });
      });
    session.queue = run;
    this.running.add(run);
    void run.finally(() => this.running.delete(run));
  }

  private turnAttributes(connection: ChatConnection, sessionId: string, messageId: string) {
    return {
      [CHATBET.TRANSPORT]: connection.endpoint === CHAT_WS_PATH ? 'websocket' : 'socket.io',
      [CHATBET.SOCKET_ENDPOINT]: connection.endpoint,
      [CHATBET.SESSION_ID]: sessionId,
      [CHATBET.MESSAGE_ID]: messageId,
      // A socket turn's log lines carry its message id as their correlation id.
      [CHATBET.REQUEST_ID]: messageId,
    };
  }

  private async runTurn(
    session: SessionState,
    handle: TurnHandle,
    turn: { content: string; identity: ChatConnection['identity']; timeZone?: string; claims: string[]; submittedBy: string },
  ): Promise<void> {
    const { sessionId } = session;
    const { messageId } = handle;
    this.publish(sessionId, { kind: 'typing', sessionId, messageId, isTyping: true });
    this.publish(sessionId, { kind: 'stream_start', sessionId, messageId });
    // Tokens are joined into a chunk every few milliseconds: one packet and one socket write per token cost more than the rest of the turn.
    const chunks = new ChunkCoalescer((content, fullContent, index) =>
      this.publish(sessionId, { kind: 'stream_chunk', sessionId, messageId, content, fullContent, index }),
    );
    try {
      const response = await this.chat.turn(
        { message: turn.content, identity: turn.identity, sessionId, messageId, timeZone: turn.timeZone, signal: handle.controller.signal },
        (delta) => chunks.push(delta),
      );
      chunks.flush();
      if (response.grounding) this.publish(sessionId, { kind: 'correction', sessionId, messageId, response });
      const answer = { kind: 'answer', sessionId, messageId, response, chunks: chunks.sent } as const;
      this.publish(sessionId, answer);
      // A connection that took over the session (a reconnect) got this answer live: its resume skips it.
      for (const id of session.connections) if (id !== turn.submittedBy) this.markAnswered(id, messageId);
      if (!(await this.anyoneListening(sessionId))) session.undelivered.push(answer);
    } catch (error) {
      chunks.flush();
      const span = activeSpan();
      if (span) recordFailure(span, error);
      // Nothing was stored, so the same message may be sent again.
      await Promise.all(turn.claims.map((claim) => this.claims.release(session, claim)));
      const described = this.describe(error, { sessionId, messageId });
      this.publish(sessionId, chatErrorEvent(sessionId, described, messageId));
    } finally {
      // Done before the last event, so a resend prompted by it finds the answer stored, not in progress.
      session.turns.delete(messageId);
      this.publish(sessionId, { kind: 'typing', sessionId, messageId, isTyping: false });
      session.lastActivity = Date.now();
      // Stopping: the session's clients here stayed for this answer; they have it now.
      if (this.shuttingDown && session.turns.size === 0) {
        for (const id of session.connections) {
          const connection = this.connections.get(id);
          if (connection) this.sendAway(connection);
        }
      }
    }
  }

  private async replay(connection: ChatConnection, session: SessionState, lastMessageId?: string): Promise<ResumeAck> {
    let messages: ChatMessage[] = [];
    try {
      messages = await this.conversations.history(connection.sessionId, connection.identity.ownerId, MAX_STORED_MESSAGES, lastMessageId);
    } catch (error) {
      // A session with no stored message yet has nothing to replay.
      if (!(error instanceof SessionNotFoundError)) throw error;
    }
    // The client names the last turn it saw, by its own message id: the answer to it is not news; nor
    // are turns whose answer this connection already got live (a missed answer arrives once).
    const answered = this.answered.get(connection.id);
    const missed = messages.filter(
      (message) =>
        !(message.role === 'assistant' && message.replyTo === lastMessageId) &&
        !answered?.has(message.role === 'assistant' ? (message.replyTo ?? '') : message.id),
    );
    for (const message of missed) connection.send({ kind: 'history', sessionId: connection.sessionId, message });
    // Stored answers include those that finished while nobody was connected.
    session.undelivered = [];
    const inProgress = [...session.turns.keys()];
    connection.send({ kind: 'resume_complete', sessionId: connection.sessionId, lastMessageId, replayed: missed.length, inProgress });
    return { session_id: connection.sessionId, replayed: missed.length, in_progress: inProgress };
  }

  private sendAnswer(connection: ChatConnection, answer: Extract<ChatEvent, { kind: 'answer' }>): void {
    connection.send(answer);
    this.markAnswered(connection.id, answer.messageId);
  }

  private markAnswered(connectionId: string, messageId: string): void {
    if (!this.connections.has(connectionId)) return;
    const answered = this.answered.get(connectionId) ?? new Set<string>();
    answered.add(messageId);
    this.answered.set(connectionId, answered);
  }

  private publish(sessionId: string, event: ChatEvent): void {
    for (const transport of this.transports) {
      try {
        transport.publish(sessionId, event);
      } catch (error) {
        this.logger.warn({ msg: 'Could not deliver a chat event', sessionId, endpoint: transport.endpoint, err: String(error) });
      }
    }
  }

  private async anyoneListening(sessionId: string): Promise<boolean> {
    for (const transport of this.transports) {
      if (await transport.hasListeners(sessionId).catch(() => false)) return true;
    }
    return false;
  }

  /** Sends an `error` event to one connection; returns the code sent. */
  private sendError(connection: ChatConnection, error: unknown, messageId?: string): DescribedChatError['code'] {
    const described = this.describe(error, { sessionId: connection.sessionId, messageId });
    connection.send(chatErrorEvent(connection.sessionId, described, messageId));
    return described.code;
  }

  private shutdownNotice(sessionId: string): ChatEvent {
    return { kind: 'shutdown', sessionId, retryAfterMs: reconnectAfterMs() };
  }

  /** Closes a connection for the shutdown, once (after what was already sent to it). */
  private sendAway(connection: ChatConnection): void {
    if (this.sentAway.has(connection.id)) return;
    this.sentAway.add(connection.id);
    connection.close('shutdown');
  }

  /**
   * A connection outliving its token is told TOKEN_EXPIRED and closed (turns it started still
   * finish and are stored); checked before each message and at every heartbeat. True when closed.
   */
  private closeIfExpired(connection: ChatConnection, now = Date.now()): boolean {
    if (connection.tokenExpiresAt === undefined || connection.tokenExpiresAt > now) return false;
    this.sendError(connection, new TokenExpiredError());
    this.detach(connection.id);
    connection.close('token_expired');
    return true;
  }

  /**
   * A session the client names is opened for it at once: stored with its owner, so that nobody else
   * can connect to it (and push its owner out) on any instance, even before its first message.
   * Returns how far the conversation is when it already has messages (the connection continues it).
   */
  private async claimSession(sessionId: string, identity: ChatIdentity): Promise<ExistingSession | undefined> {
    // Live here but not stored yet: its first connection owns it.
    const live = this.sessions.get(sessionId)?.ownerId;
    if (live !== undefined && live !== identity.ownerId) throw new SessionAccessDeniedError(sessionId);
    try {
      const session = await this.conversations.getOrCreate(sessionId, identity.ownerId, identity.userId);
      return session.messageCount > 0 ? { lastActivity: session.updatedAt, messageCount: session.messageCount, createdAt: session.createdAt } : undefined;
    } catch (error) {
      if (error instanceof SessionAccessDeniedError) throw error;
      // Storage away: the turn itself will check ownership again.
      this.logger.warn({ msg: 'Could not claim a session at connect', sessionId, err: String(error) });
      return undefined;
    }
  }

  private localReport(): InstanceReport {
    const report: InstanceReport = {};
    const sessions = new Map<string, Set<string>>();
    for (const transport of this.transports) {
      report[transport.endpoint] = { connections: 0, sessions: 0 };
      sessions.set(transport.endpoint, new Set());
    }
    for (const connection of this.connections.values()) {
      const counts = (report[connection.endpoint] ??= { connections: 0, sessions: 0 });
      counts.connections += 1;
      const seen = sessions.get(connection.endpoint) ?? new Set<string>();
      seen.add(connection.sessionId);
      sessions.set(connection.endpoint, seen);
      counts.sessions = seen.size;
    }
    return report;
  }

  private schedulePresence(): void {
    if (this.presenceTimer || this.shuttingDown || !this.presence.shared) return;
    this.presenceTimer = setTimeout(() => {
      this.presenceTimer = undefined;
      void this.presence.publish(this.localReport());
    }, PRESENCE_DEBOUNCE_MS);
    this.presenceTimer.unref();
  }

  /** Every heartbeat: release idle sessions, forget old drop notices, refresh this instance's report. */
  private beat(): void {
    const now = Date.now();
    const released = this.sessions.sweep(now);
    if (released.length > 0) this.logger.debug(`released ${released.length} idle session(s)`);
    for (const connection of [...this.connections.values()]) this.closeIfExpired(connection, now);
    for (const [id, at] of this.oversizeDrops) {
      if (now - at > RECOVERY_WINDOW_MS) this.oversizeDrops.delete(id);
    }
    void this.presence.publish(this.localReport());
  }
}

function optionalId(value: unknown, field: string): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (!isSafeId(value)) throw new InvalidIdError(field);
  return value;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
