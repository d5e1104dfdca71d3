import { Injectable } from '@nestjs/common';
import { RedisService } from '@app/redis';

export interface Feedback {
  messageId: string;
  rating: 'helpful' | 'not_helpful';
  reason?: string;
  userId?: string;
  at: string;
}

const FEEDBACK_TTL_SECONDS = 90 * 24 * 3600;
const MEMORY_LIMIT = 10_000;

/**
 * Ratings of answers, kept for 90 days: one record per message (a later rating replaces an earlier
 * one) and running totals per rating, in Redis or, without it, in a bounded in-process map.
 */
@Injectable()
export class FeedbackService {
  private readonly memory = new Map<string, Feedback>();

  constructor(private readonly redis: RedisService) {}

  async record(feedback: Feedback): Promise<void> {
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

  async get(messageId: string): Promise<Feedback | undefined> {
    if (!this.redis.isConfigured) return this.memory.get(messageId);
    const raw = await this.redis.raw.get(this.redis.key('feedback', messageId));
    return raw ? (JSON.parse(raw) as Feedback) : undefined;
  }
}
