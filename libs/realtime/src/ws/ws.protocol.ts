import { randomUUID } from 'node:crypto';
import { botResponsePayload, correctionPayload, historyPayload, resumeCompletePayload } from '../chat-event.payloads.js';
import type { ChatEvent } from '../chat-transport.js';

/** Every server message of the plain WebSocket protocol: a `type` plus these three fields. */
export interface WsServerMessage {
  type: string;
  timestamp: string;
  session_id: string;
  message_id: string;
  [field: string]: unknown;
}

/** Ours, after the original ChatBet protocol's names for the same features (its clients look for those). */
export const SUPPORTED_FEATURES = [
  'streaming_responses',
  'typing_indicators',
  'sports_updates',
  'ping_pong',
  'streaming',
  'typing_indicator',
  'cancel',
  'resume',
  'deduplication',
  'ping',
] as const;

/** Close codes the server uses, so a client can tell why it was disconnected. */
export const WS_CLOSE = {
  replaced: 4001,
  invalidRequest: 4400,
  invalidToken: 4401,
  forbidden: 4403,
  rateLimited: 4429,
  serverError: 1011,
  goingAway: 1001,
} as const;

/** A server message; `message_id` is the client's for messages about its message, else a fresh one. */
export function wsMessage(type: string, sessionId: string, messageId: string | undefined, body: Record<string, unknown> = {}): WsServerMessage {
  return { ...body, type, timestamp: new Date().toISOString(), session_id: sessionId, message_id: messageId ?? randomUUID() };
}

/**
 * The ChatBet JSON protocol at `/ws/chat`, a superset of the original ChatBet protocol (its clients
 * work unchanged and ignore what they do not know): `connection_ack` and `session_created` on
 * connect, then `session_resumed` when the session already had a conversation; per message
 * `typing` (true), `streaming_start`, `streaming_response`…, `correction` (only when the grounding
 * guard changed the answer), `streaming_end`, `bot_response`, `typing` (false); `error {error_code, error_message, details, retry_after_seconds?, content, data}`.
 * Intents are the original protocol's lower-case values.
 */
export function toWsMessages(event: ChatEvent): WsServerMessage[] {
  switch (event.kind) {
    case 'connected': {
      const existing = event.existingSession;
      const now = new Date().toISOString();
      return [
        wsMessage('connection_ack', event.sessionId, undefined, {
          client_id: event.connectionId,
          server_time: now,
          supported_features: SUPPORTED_FEATURES,
          authenticated: event.authenticated,
        }),
        wsMessage('session_created', event.sessionId, undefined, {
          user_id: event.userId,
          ...(event.token && { token: event.token }),
          session_data: {
            created_at: existing?.createdAt ?? now,
            last_activity: existing?.lastActivity ?? now,
            message_count: existing?.messageCount ?? 0,
            authenticated: event.authenticated,
          },
        }),
        ...(existing
          ? [wsMessage('session_resumed', event.sessionId, undefined, { user_id: event.userId, last_activity: existing.lastActivity, message_count: existing.messageCount })]
          : []),
      ];
    }
    case 'replaced':
      return [wsMessage('connection_status', event.sessionId, undefined, { status: 'replaced', reason: 'A newer connection opened this session' })];
    case 'shutdown':
      return [wsMessage('server_shutdown', event.sessionId, undefined, { reconnect: true, retry_after_ms: event.retryAfterMs })];
    case 'typing':
      return [wsMessage('typing', event.sessionId, event.messageId, { is_typing: event.isTyping, estimated_time_seconds: null })];
    case 'stream_start':
      return [wsMessage('streaming_start', event.sessionId, event.messageId, { estimated_tokens: null, detected_intent: null })];
    case 'stream_chunk':
      return [
        wsMessage('streaming_response', event.sessionId, event.messageId, {
          content: event.content,
          full_content: event.fullContent,
          chunk_index: event.index,
          is_final: false,
        }),
      ];
    case 'correction':
      // A type the original protocol does not have: its clients ignore it and still get the corrected
      // text where they already read the answer (streaming_end.final_content, bot_response.content).
      return [wsMessage('correction', event.sessionId, event.messageId, correctionPayload(event))];
    case 'answer': {
      const response = event.response;
      return [
        wsMessage('streaming_end', event.sessionId, event.messageId, {
          final_content: response.message,
          total_chunks: event.chunks,
          response_time_ms: response.response_time_ms,
          suggested_actions: response.suggested_actions,
          token_count: response.token_count,
          cancelled: response.cancelled,
        }),
        wsMessage('bot_response', event.sessionId, event.messageId, {
          ...botResponsePayload(event),
          detected_intent: originalIntent(response.detected_intent),
          function_calls_made: response.function_calls_made.map((call) => call.name),
        }),
      ];
    }
    case 'history': {
      const { name, payload } = historyPayload(event);
      const message = event.message;
      return [
        wsMessage(name, event.sessionId, String(payload.message_id), {
          ...payload,
          ...(message.role === 'user'
            ? { detected_intent: originalIntent(message.intent) }
            : { function_calls_made: (message.functionCalls ?? []).map((call) => call.name) }),
        }),
      ];
    }
    case 'resume_complete':
      return [wsMessage('resume_complete', event.sessionId, undefined, resumeCompletePayload(event))];
    case 'error':
      return [
        wsMessage('error', event.sessionId, event.messageId, {
          error_code: event.code,
          error_message: event.message,
          details: event.details ?? {},
          ...(event.retryAfterSeconds !== undefined && { retry_after_seconds: event.retryAfterSeconds }),
          content: event.message,
          data: event.details ?? {},
        }),
      ];
  }
}

/** Our intents are the original protocol's values in upper case (MATCH_SCHEDULE_QUERY for match_schedule_query). */
export function originalIntent(intent: string | null | undefined): string | null {
  return intent ? intent.toLowerCase() : null;
}
