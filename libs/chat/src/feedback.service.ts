import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { authConfig, type AuthConfig } from '@app/config';
import { RedisService } from '@app/redis';
import { UnknownMessageError } from './chat.errors.js';

export interface Feedback {
  messageId: string;
  rating: 'helpful' | 'not_helpful';
  reason?: string;
  userId?: string;
  at: string;
}

const FEEDBACK_TTL_SECONDS = 90 * 24 * 3600;
/** How long after it was written an answer can be rated. */
const RATEABLE_SECONDS = 7 * 24 * 3600;
const MEMORY_LIMIT = 10_000;

/** An answer id may say it was written up to this far ahead of this instance's clock. */
const CLOCK_SKEW_SECONDS = 300;
const UUID = /^([0-9a-f]{8})-([0-9a-f]{4})-([0-9a-f]{4})-([0-9a-f]{4})-([0-9a-f]{12})$/;

/**
 * Ratings of answers, kept for 90 days: one record per message (a later rating replaces an earlier
 * one) and running totals per rating, in Redis or, without it, in a bounded in-process map. Only
 * answers this service wrote, within a week, can be rated: made-up ids would skew the totals.
 *
 * An answer's id says so itself, so nothing is written per answer: it is a UUID (version 8, RFC 9562)
 * holding the second it was made, 28 random bits and 62 bits of an HMAC of those under a key derived
 * from SECRET_KEY, which every instance shares (a development process without SECRET_KEY makes up
 * its own, so its answers cannot be rated after a restart).
 */
@Injectable()
export class FeedbackService {
  private readonly memory = new Map<string, Feedback>();
  private readonly idKey: Buffer;

  constructor(
    private readonly redis: RedisService,
    @Inject(authConfig.KEY) auth: AuthConfig,
  ) {
    this.idKey = createHmac('sha256', auth.secretKey).update('chatbet answer id').digest();
  }

  /** A new id for an answer, which makes it rateable for a week. */
  newAnswerId(now = Date.now()): string {
    const bytes = Buffer.alloc(16);
    bytes.writeUInt32BE(Math.floor(now / 1000), 0);
    randomBytes(4).copy(bytes, 4);
    bytes[6] = (bytes[6] & 0x0f) | 0x80;
    this.mac(bytes).copy(bytes, 8, 0, 8);
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    const hex = bytes.toString('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }

  /** Whether `messageId` is an id newAnswerId made (with this SECRET_KEY) less than a week ago. */
  isRateable(messageId: string, now = Date.now()): boolean {
    const parts = UUID.exec(messageId);
    if (!parts) return false;
    const bytes = Buffer.from(parts.slice(1).join(''), 'hex');
    if (bytes[6] >> 4 !== 8 || bytes[8] >> 6 !== 2) return false;
    const expected = this.mac(bytes);
    expected[0] = (expected[0] & 0x3f) | 0x80;
    if (!timingSafeEqual(expected.subarray(0, 8), bytes.subarray(8))) return false;
    const age = now / 1000 - bytes.readUInt32BE(0);
    return age >= -CLOCK_SKEW_SECONDS && age <= RATEABLE_SECONDS;
  }

  /** Throws UnknownMessageError (404) for an id that is not an answer this service wrote. */
  async record(feedback: Feedback): Promise<void> {
    if (!this.isRateable(feedback.messageId)) throw new UnknownMessageError(feedback.messageId);
    if (!this.redis.isConfigured) {
      this.memory.delete(feedback.messageId);
      this.memory.set(feedback.messageId, feedback);
      if (this.memory.size > MEMORY_LIMIT) this.memory.delete(this.memory.keys().next().value as string);
      return;
    }
    const key = this.redis.key('feedback', feedback.messageId);
    const previous = await this.redis.raw.get(key);
    const multi = this.redis.raw.multi().set(key, JSON.stringify(feedback), { EX: FEEDBACK_TTL_SECONDS });
    if (previous) multi.hIncrBy(this.redis.key('feedback-totals'), (JSON.parse(previous) as Feedback).rating, -1);
    multi.hIncrBy(this.redis.key('feedback-totals'), feedback.rating, 1);
    await multi.exec();
  }

  private mac(bytes: Buffer): Buffer {
    return createHmac('sha256', this.idKey).update(bytes.subarray(0, 8)).digest();
  }

  async get(messageId: string): Promise<Feedback | undefined> {
    if (!this.redis.isConfigured) return this.memory.get(messageId);
    const raw = await this.redis.raw.get(this.redis.key('feedback', messageId));
    return raw ? (JSON.parse(raw) as Feedback) : undefined;
  }
}
