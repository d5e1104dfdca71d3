import { registerAs, type ConfigType } from '@nestjs/config';
import { EnvInt } from './env-decorators.js';
import { validateEnv } from './validate-env.js';

class RealtimeEnv {
  @EnvInt(5, 600) WS_HEARTBEAT_SECONDS = 30;
  @EnvInt(1, 100_000) CHAT_MAX_TURNS_IN_FLIGHT = 500;
}

/** Live chat over Socket.IO and plain WebSocket. */
export const realtimeConfig = registerAs('realtime', () => {
  const env = validateEnv(RealtimeEnv);
  return {
    /** Socket.IO ping interval, WebSocket ping frames and the sweep of idle sessions all run on this beat. */
    heartbeatMs: env.WS_HEARTBEAT_SECONDS * 1000,
    /** Chat turns this instance answers (or has queued) at once over the sockets; more are refused with SERVER_BUSY. */
    maxTurnsInFlight: env.CHAT_MAX_TURNS_IN_FLIGHT,
  };
});
export type RealtimeConfig = ConfigType<typeof realtimeConfig>;
