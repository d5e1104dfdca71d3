// The conversation stores' scripts run through the shared helper of the Redis lib.
export { RedisScript } from '@app/redis';
