import type { Logger } from '@nestjs/common';
import { DomainError } from '@app/common';
import { type RedisService, withTimeout } from '@app/redis';
import type { RedisClientType } from 'redis';
import { BetStoreUnavailableError } from '../bets.errors.js';

const OP_TIMEOUT_MS = 2_000;

/** Runs one Redis operation of the bets stores; an absent or failing Redis becomes BetStoreUnavailableError (503). */
export async function runRedis<T>(redis: RedisService, logger: Logger, operation: string, command: (client: RedisClientType) => Promise<T>): Promise<T> {
  if (!redis.isReady) throw new BetStoreUnavailableError();
  try {
    return await withTimeout(command(redis.raw), OP_TIMEOUT_MS, `Redis ${operation} timed out`);
  } catch (error) {
    if (error instanceof DomainError) throw error;
    logger.warn(`bets ${operation} failed: ${error instanceof Error ? error.message : String(error)}`);
    throw new BetStoreUnavailableError();
  }
}
