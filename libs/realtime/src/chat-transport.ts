import type { ChatIdentity, ChatTurnResponse } from '@app/chat';
import type { ChatMessage } from '@app/conversation';
import type { ChatErrorCode } from './realtime.errors.js';

/** Who a connection speaks for, settled once at the handshake. */
export interface Admission {
  sessionId: string;
  /** What ChatService is told: `userId` only for a verified (non-anonymous) token. */
  identity: ChatIdentity;
  /** The id reported to the client: the session owner. */
  userId: string;
  authenticated: boolean;
  /** The last message the client saw, when it said so at the handshake: what came after is sent on connect. */
  lastMessageId?: string;
  /** When the handshake's token expires (epoch ms): the connection is closed then. */
  tokenExpiresAt?: number;
  /** The connection named a session its owner already has: how far that conversation is. */
  existingSession?: ExistingSession;
  /** The anonymous token handed to a client that came with no identity: its sessions are reached with it. */
  issuedToken?: string;
}

/** A stored conversation a connection continues. */
export interface ExistingSession {
  /** When the session was last used (ISO-8601). */
  lastActivity: string;
  messageCount: number;
  createdAt: string;
}

/**
 * What the chat service tells clients, independent of the wire: each transport maps these to its
 * own protocol (Socket.IO events, or the ChatBet JSON messages of the plain WebSocket).
 */
export type ChatEvent =
  | {
      kind: 'connected';
      sessionId: string;
      /** The connection's own id, unique per connection. */
      connectionId: string;
      userId: string;
      authenticated: boolean;
      resumed: boolean;
      existingSession?: ExistingSession;
      /** The anonymous token issued to this connection, to present when it reconnects. */
      token?: string;
    }
  | { kind: 'replaced'; sessionId: string }
  /** This instance is stopping: reconnect (to another one) after `retryAfterMs`. */
  | { kind: 'shutdown'; sessionId: string; retryAfterMs: number }
  | { kind: 'typing'; sessionId: string; messageId: string; isTyping: boolean }
  | { kind: 'stream_start'; sessionId: string; messageId: string }
  | { kind: 'stream_chunk'; sessionId: string; messageId: string; content: string; fullContent: string; index: number }
  /** The streamed text had figures the data does not back: `response.message` is the corrected text. Sent before `answer`. */
  | { kind: 'correction'; sessionId: string; messageId: string; response: ChatTurnResponse }
  /** `chunks`: how many `stream_chunk` events the answer was streamed in. */
  | { kind: 'answer'; sessionId: string; messageId: string; response: ChatTurnResponse; chunks: number }
  | { kind: 'history'; sessionId: string; message: ChatMessage }
  | { kind: 'resume_complete'; sessionId: string; lastMessageId?: string; replayed: number; inProgress: string[] }
  | {
      kind: 'error';
      sessionId: string;
      messageId?: string;
      code: ChatErrorCode;
      message: string;
      details?: Record<string, unknown>;
      retryAfterSeconds?: number;
    };

/** One live client connection, on either transport. */
export interface ChatConnection extends Admission {
  readonly id: string;
  /** The Socket.IO namespace or WebSocket path the client connected to. */
  readonly endpoint: string;
  readonly ip: string;
  send(event: ChatEvent): void;
  /** Ends the connection from the server side, after the events already sent to it (the client has been told why). */
  close(reason: CloseReason): void;
}

export type CloseReason = 'token_expired' | 'too_many_connections' | 'shutdown' | 'forbidden';

/**
 * A way for clients to reach the chat: the service publishes a session's events through every
 * transport, and asks each to retire older connections of a session when a new one arrives.
 */
export abstract class ChatTransport {
  abstract readonly endpoint: string;

  /** Sends an event to every connection of the session on this transport. */
  abstract publish(sessionId: string, event: ChatEvent): void;

  /** Tells every other connection of the session that it was replaced, and closes it. */
  abstract replaceOthers(sessionId: string, keepConnectionId: string): Promise<void>;

  /** Whether anyone is connected to the session through this transport. */
  abstract hasListeners(sessionId: string): Promise<boolean>;

  /**
   * The instance is stopping: refuse new connections from now on. Open ones are told and closed by
   * the service (each once no answer for its session is being written here).
   */
  abstract stopAccepting(retryAfterMs: number): void;
}

/** Acknowledgement of a `user_message`, sent at once (the answer follows as events). */
export interface MessageAck {
  message_id: string | null;
  status: 'accepted' | 'duplicate' | 'rejected';
  error_code?: ChatErrorCode;
}

export interface CancelAck {
  message_id: string | null;
  status: 'cancelling' | 'not_found' | 'rejected';
  error_code?: ChatErrorCode;
}

export interface ResumeAck {
  session_id: string;
  replayed: number;
  /** Turns still being answered; their answers arrive as usual. */
  in_progress: string[];
  error_code?: ChatErrorCode;
}
