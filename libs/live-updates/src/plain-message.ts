import { InvalidJsonError, InvalidMessageFormatError } from './live-updates.errors.js';

export const CLIENT_MESSAGE_TYPES = ['subscribe', 'unsubscribe', 'ping'] as const;
export type ClientMessageType = (typeof CLIENT_MESSAGE_TYPES)[number];

/** A plain WebSocket client message: its type, an optional id echoed in the reply, and the rest. */
export interface ClientMessage {
  type: ClientMessageType;
  id?: string | number;
  body: Record<string, unknown>;
}

const MESSAGE_ID = /^[A-Za-z0-9_.:-]{1,64}$/;

/**
 * Reads `{"type": "subscribe" | "unsubscribe" | "ping", "id"?: ..., ...fields}` from a text frame.
 * The fields other than `type` and `id` are the request body (checked by the subscription parser).
 */
export function parseClientMessage(text: string): ClientMessage {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new InvalidJsonError();
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InvalidMessageFormatError(`A message must be a JSON object with a "type" of ${CLIENT_MESSAGE_TYPES.join(', ')}`);
  }
  const { type, id, ...body } = value as Record<string, unknown>;
  if (typeof type !== 'string' || !(CLIENT_MESSAGE_TYPES as readonly string[]).includes(type)) {
    throw new InvalidMessageFormatError(`"type" must be one of ${CLIENT_MESSAGE_TYPES.join(', ')}`);
  }
  if (id !== undefined && !(typeof id === 'number' && Number.isSafeInteger(id)) && !(typeof id === 'string' && MESSAGE_ID.test(id))) {
    throw new InvalidMessageFormatError('"id" must be an integer or 1-64 characters of A-Z, a-z, 0-9, _ . : or -');
  }
  return { type: type as ClientMessageType, ...(id === undefined ? {} : { id }), body };
}
