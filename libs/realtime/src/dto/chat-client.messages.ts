import { SAFE_ID } from '@app/conversation';
import { z } from 'zod';
import { InvalidMessageFormatError } from '../realtime.errors.js';

const safeId = (field: string) => z.string({ error: `${field} must be a string` }).regex(SAFE_ID, `${field} must be 1-64 characters of A-Z, a-z, 0-9, _ or -`);

/**
 * `user_message`: the same fields on both transports. `content` length is checked separately, so a
 * long message gets MESSAGE_TOO_LONG rather than a format error.
 */
export const userMessageSchema = z.strictObject({
  content: z.string({ error: 'content must be a string' }).regex(/\S/, 'content must not be blank'),
  session_id: safeId('session_id').optional(),
  message_id: safeId('message_id').optional(),
  user_id: safeId('user_id').optional(),
  time_zone: z
    .string()
    .max(64)
    .regex(/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+){0,2}$|^UTC$/, 'time_zone must be an IANA zone such as Europe/Madrid')
    .optional(),
});
export type UserMessage = z.infer<typeof userMessageSchema>;

export const cancelSchema = z.strictObject({
  message_id: safeId('message_id'),
  session_id: safeId('session_id').optional(),
});
export type CancelRequest = z.infer<typeof cancelSchema>;

export const resumeSchema = z.strictObject({
  session_id: safeId('session_id').optional(),
  last_message_id: safeId('last_message_id').optional(),
});
export type ResumeRequest = z.infer<typeof resumeSchema>;

/** Parses a client payload, turning the first problem into InvalidMessageFormatError. */
export function parseClientMessage<T>(schema: z.ZodType<T>, payload: unknown): T {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    throw new InvalidMessageFormatError('The message must be a JSON object');
  }
  const result = schema.safeParse(payload);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  if (issue?.code === 'unrecognized_keys') throw new InvalidMessageFormatError(`Unknown field(s): ${issue.keys.join(', ')}`);
  const field = issue?.path.map(String).join('.') ?? '';
  const message = issue?.message ?? 'invalid message';
  throw new InvalidMessageFormatError(field && !message.startsWith(field) ? `${field}: ${message}` : message);
}

/** The message id a payload names, if it is a usable one: errors about the payload then refer to it. */
export function messageIdOf(payload: unknown): string | undefined {
  if (typeof payload !== 'object' || payload === null) return undefined;
  const id = (payload as { message_id?: unknown }).message_id;
  return typeof id === 'string' && SAFE_ID.test(id) ? id : undefined;
}
