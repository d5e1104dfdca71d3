import { botResponsePayload, correctionPayload, errorPayload, historyPayload, resumeCompletePayload } from '../chat-event.payloads.js';
import type { ChatEvent } from '../chat-transport.js';

export type SocketIoEvent = [name: string, payload: Record<string, unknown>];

/** `server_shutdown`: this instance is stopping; reconnect after `retry_after_ms` (another instance will answer). */
export function shutdownPayload(retryAfterMs: number, sessionId?: string): Record<string, unknown> {
  return { ...(sessionId && { session_id: sessionId }), reconnect: true, retry_after_ms: retryAfterMs };
}

/**
 * The `/chat` namespace protocol. A turn is `typing_indicator` (true), `streaming_response`…,
 * `correction` (only when the grounding guard changed the answer), `bot_response`, `typing_indicator` (false); `resume` replays `user_message_echo` / `bot_response`
 * (with `replayed: true`) and ends with `resume_complete`.
 */
export function toSocketIoEvents(event: ChatEvent): SocketIoEvent[] {
  switch (event.kind) {
    case 'connected':
      return [
        [
          'connection_status',
          {
            status: 'connected',
            session_id: event.sessionId,
            user_id: event.userId,
            authenticated: event.authenticated,
            resumed: event.resumed,
            ...(event.token && { token: event.token }),
            server_time: new Date().toISOString(),
          },
        ],
      ];
    case 'replaced':
      return [['connection_status', { status: 'replaced', session_id: event.sessionId, reason: 'A newer connection opened this session' }]];
    case 'shutdown':
      return [['server_shutdown', shutdownPayload(event.retryAfterMs, event.sessionId)]];
    case 'typing':
      return [['typing_indicator', { session_id: event.sessionId, message_id: event.messageId, is_typing: event.isTyping }]];
    case 'stream_start':
      return [];
    case 'stream_chunk':
      return [
        ['streaming_response', { message_id: event.messageId, session_id: event.sessionId, content: event.content, index: event.index, is_final: false }],
      ];
    case 'correction':
      return [['correction', correctionPayload(event)]];
    case 'answer':
      return [['bot_response', botResponsePayload(event)]];
    case 'history': {
      const { name, payload } = historyPayload(event);
      return [[name, payload]];
    }
    case 'resume_complete':
      return [['resume_complete', resumeCompletePayload(event)]];
    case 'error':
      return [['error', errorPayload(event)]];
  }
}
