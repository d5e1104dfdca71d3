export { RedisModule } from './redis.module.js';
export { RedisService, withTimeout, type RedisMode } from './redis.service.js';
export { RedisScript } from './redis-script.js';
