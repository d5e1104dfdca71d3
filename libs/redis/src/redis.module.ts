import { Global, Module } from '@nestjs/common';
import { RedisService } from './redis.service.js';

/** Provides the process-wide RedisService to every module. */
@Global()
@Module({
  providers: [RedisService],
  exports: [RedisService],
})
export class RedisModule {}
