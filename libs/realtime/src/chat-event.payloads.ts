import type { ChatEvent } from './chat-transport.js';

type EventOf<K extends ChatEvent['kind']> = Extract<ChatEvent, { kind: K }>;

/**
 * Wire payloads shared by both transports, so an answer reads the same whichever way it came.
 * Every event of a turn carries the client's own message id; the stored answer's id is `answer_id`.
 */
export function botResponsePayload(event: EventOf<'answer'>) {
  const response = event.response;
  return {
    message_id: event.messageId,
    answer_id: response.message_id,
    session_id: event.sessionId,
    content: response.message,
    timestamp: response.timestamp,
    is_final: true,
    cancelled: response.cancelled,
    response_time_ms: response.response_time_ms,
    detected_intent: response.detected_intent,
    intent_confidence: response.intent_confidence,
    entities: response.entities,
    function_calls: response.function_calls_made,
    suggested_actions: response.suggested_actions,
    token_count: response.token_count,
    language: response.language,
    mode: response.mode,
  };
}

/**
 * `correction`: figures of the streamed answer that no tool result backs, with the right value where
 * known (`expected`, null when unknown), and `content`, the text that replaces the streamed one (it
 * is also the final answer's `content`).
 */
export function correctionPayload(event: EventOf<'correction'>) {
  const response = event.response;
  return {
    message_id: event.messageId,
    answer_id: response.message_id,
    session_id: event.sessionId,
    action: response.grounding?.action ?? 'annotated',
    corrections: response.grounding?.corrections ?? [],
    content: response.message,
  };
}

/** A stored message sent again by `resume`: `user_message_echo` for the user's, `bot_response` for answers. */
export function historyPayload(event: EventOf<'history'>): { name: 'user_message_echo' | 'bot_response'; payload: Record<string, unknown> } {
  const message = event.message;
  if (message.role === 'user') {
    return {
      name: 'user_message_echo',
      payload: {
        message_id: message.id,
        session_id: event.sessionId,
        content: message.content,
        timestamp: message.timestamp,
        detected_intent: message.intent ?? null,
        language: message.language ?? null,
        replayed: true,
      },
    };
  }
  return {
    name: 'bot_response',
    payload: {
      message_id: message.replyTo ?? message.id,
      answer_id: message.id,
      session_id: event.sessionId,
      content: message.content,
      timestamp: message.timestamp,
      is_final: true,
      cancelled: message.cancelled === true,
      function_calls: message.functionCalls ?? [],
      language: message.language ?? null,
      replayed: true,
    },
  };
}

export function resumeCompletePayload(event: EventOf<'resume_complete'>) {
  return {
    session_id: event.sessionId,
    last_message_id: event.lastMessageId ?? null,
    replayed: event.replayed,
    in_progress: event.inProgress,
  };
}

export function errorPayload(event: EventOf<'error'>) {
  return {
    content: event.message,
    error_code: event.code,
    session_id: event.sessionId,
    ...(event.messageId && { message_id: event.messageId }),
    ...(event.details && { data: event.details }),
  };
}
