import { registerAs, type ConfigType } from '@nestjs/config';
import { EnvInt } from './env-decorators.js';
import { validateEnv } from './validate-env.js';

class RealtimeEnv {
  @EnvInt(5, 600) WS_HEARTBEAT_SECONDS = 30;
}

/** Live chat over Socket.IO and plain WebSocket. */
export const realtimeConfig = registerAs('realtime', () => {
  const env = validateEnv(RealtimeEnv);
  return {
    /** Socket.IO ping interval, WebSocket ping frames and the sweep of idle sessions all run on this beat. */
    heartbeatMs: env.WS_HEARTBEAT_SECONDS * 1000,
  };
});
export type RealtimeConfig = ConfigType<typeof realtimeConfig>;
