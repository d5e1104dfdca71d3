import { Injectable } from '@nestjs/common';
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

/**
 * Ratings of answers, kept for 90 days: one record per message (a later rating replaces an earlier
 * one) and running totals per rating, in Redis or, without it, in a bounded in-process map. Only
 * answers this service wrote, within a week, can be rated: made-up ids would skew the totals.
 */
@Injectable()
export class FeedbackService {
  private readonly memory = new Map<string, Feedback>();
  private readonly rateable = new Set<string>();

  constructor(private readonly redis: RedisService) {}

  /** An answer was written and stored: it may be rated from now on. */
  async answerWritten(messageId: string): Promise<void> {
    if (!this.redis.isConfigured) {
      this.rateable.add(messageId);
      if (this.rateable.size > MEMORY_LIMIT) this.rateable.delete(this.rateable.values().next().value as string);
      return;
    }
    await this.redis.raw.set(this.redis.key('rateable', messageId), '1', { EX: RATEABLE_SECONDS });
  }

  /** Throws UnknownMessageError (404) for an id that is not an answer this service wrote. */
  async record(feedback: Feedback): Promise<void> {
    if (!(await this.isRateable(feedback.messageId))) throw new UnknownMessageError(feedback.messageId);
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

  private async isRateable(messageId: string): Promise<boolean> {
    if (!this.redis.isConfigured) return this.rateable.has(messageId);
    return (await this.redis.raw.exists(this.redis.key('rateable', messageId))) === 1;
  }

  async get(messageId: string): Promise<Feedback | undefined> {
    if (!this.redis.isConfigured) return this.memory.get(messageId);
    const raw = await this.redis.raw.get(this.redis.key('feedback', messageId));
    return raw ? (JSON.parse(raw) as Feedback) : undefined;
  }
}
