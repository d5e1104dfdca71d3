import type { ChatConnection } from '../chat-transport.js';
import { cancelSchema, resumeSchema, userMessageSchema } from '../dto/chat-client.messages.js';

/** The client frames the chat service answers, and the fields it reads from each (one definition: its schemas). */
const SERVICE_FIELDS = {
  user_message: new Set(Object.keys(userMessageSchema.shape)),
  cancel: new Set(Object.keys(cancelSchema.shape)),
  resume: new Set(Object.keys(resumeSchema.shape)),
} as const;

export type ServiceFrameType = keyof typeof SERVICE_FIELDS;

/** Fields that name who speaks and where: settled by the connection, never by a frame. */
const IDENTITY_FIELDS = { user_id: 'userId', session_id: 'sessionId' } as const satisfies Record<string, keyof ChatConnection>;

export interface ReadFrame {
  /** What the chat service is given. */
  payload: Record<string, unknown>;
  /** Names of the fields left out, for a debug log line. */
  ignored: string[];
}

export function isServiceFrame(type: string): type is ServiceFrameType {
  return Object.hasOwn(SERVICE_FIELDS, type);
}

/**
 * What of a client frame reaches the chat service. Clients written to the original ChatBet protocol
 * send fields we do not use (`timestamp`, `metadata`, anything newer): they are left out, as the
 * original did, instead of refusing the message. A `user_id` or `session_id` other than the
 * connection's is left out too: the web client puts a placeholder user in its frames, and who speaks
 * in which session was settled at the handshake, so such a field can neither refuse the message
 * nor make it act for another user or session.
 */
export function readServiceFrame(
  type: ServiceFrameType,
  body: Record<string, unknown>,
  connection: Pick<ChatConnection, 'userId' | 'sessionId'>,
): ReadFrame {
  const known = SERVICE_FIELDS[type];
  const payload: Record<string, unknown> = {};
  const ignored: string[] = [];
  for (const [field, value] of Object.entries(body)) {
    const identity = Object.hasOwn(IDENTITY_FIELDS, field) ? IDENTITY_FIELDS[field as keyof typeof IDENTITY_FIELDS] : undefined;
    // null is how the original's optional fields say "none" (Pydantic defaults): the same as absent.
    if (value === null || !known.has(field) || (identity !== undefined && value !== connection[identity])) ignored.push(field);
    else payload[field] = value;
  }
  return { payload, ignored };
}
