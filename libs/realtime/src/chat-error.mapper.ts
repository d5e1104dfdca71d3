import { AuthenticationRequiredError, InvalidTokenError } from '@app/auth';
import { MessageTooLongError } from '@app/chat';
import { isDomainError } from '@app/common';
import { InvalidIdError, SessionAccessDeniedError } from '@app/conversation';
import type { ChatEvent } from './chat-transport.js';
import { CHAT_ERROR_CODES, type ChatErrorCode } from './realtime.errors.js';

export interface DescribedChatError {
  code: ChatErrorCode;
  message: string;
  details?: Record<string, unknown>;
  /** When sending again may succeed (rate limits, a busy or restarting server, an upstream outage). */
  retryAfterSeconds?: number;
  /** False for errors that say something about the request; true ones are bugs or outages worth a log line. */
  unexpected: boolean;
}

const OWN_CODES = new Set<string>(CHAT_ERROR_CODES);

/** The one place where errors become the `error_code` and text a chat client sees. */
export function describeChatError(error: unknown): DescribedChatError {
  if (error instanceof SessionAccessDeniedError) {
    return { code: 'SESSION_FORBIDDEN', message: 'This session belongs to another user', unexpected: false };
  }
  // A user_id that only its token may name (an account, an anonymous owner).
  if (error instanceof AuthenticationRequiredError) {
    return { code: 'SESSION_FORBIDDEN', message: error.message, unexpected: false };
  }
  if (error instanceof MessageTooLongError) {
    return { code: 'MESSAGE_TOO_LONG', message: error.message, details: { max_length: error.details.maxLength }, unexpected: false };
  }
  if (error instanceof InvalidTokenError) {
    return { code: 'INVALID_TOKEN', message: error.message, details: { reason: error.reason }, unexpected: false };
  }
  if (error instanceof InvalidIdError) {
    return { code: 'INVALID_ID', message: error.message, details: { field: error.field }, unexpected: false };
  }
  if (isDomainError(error) && OWN_CODES.has(error.code)) {
    const details = Object.keys(error.details).length > 0 ? error.details : undefined;
    return { code: error.code as ChatErrorCode, message: error.message, ...(details && { details }), ...retryOf(error), unexpected: false };
  }
  // Other domain errors (a busy session, storage away) are retryable conditions: their message helps the client.
  if (isDomainError(error)) {
    return { code: 'PROCESSING_ERROR', message: error.message, details: { reason: error.code }, ...retryOf(error), unexpected: true };
  }
  return { code: 'PROCESSING_ERROR', message: 'The message could not be processed; please try again', unexpected: true };
}

/** The `error` event that tells a session's client what went wrong (about its message, when there is one). */
export function chatErrorEvent(sessionId: string, described: DescribedChatError, messageId?: string): Extract<ChatEvent, { kind: 'error' }> {
  return {
    kind: 'error',
    sessionId,
    ...(messageId && { messageId }),
    code: described.code,
    message: described.message,
    ...(described.details && { details: described.details }),
    ...(described.retryAfterSeconds !== undefined && { retryAfterSeconds: described.retryAfterSeconds }),
  };
}

function retryOf(error: { retryAfterSeconds?: number }): { retryAfterSeconds?: number } {
  return error.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: error.retryAfterSeconds };
}
