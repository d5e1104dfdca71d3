import { registerAs, type ConfigType } from '@nestjs/config';
import { IsOptional } from 'class-validator';
import { EnvInt } from './env-decorators.js';
import { validateEnv } from './validate-env.js';

class LiveUpdatesEnv {
  // Unset on purpose by default: the watcher then follows CACHE_TTL_ODDS, since polling faster than
  // the odds cache expires would only read the same cached prices again.
  @IsOptional() @EnvInt(1, 3600) ODDS_WATCH_INTERVAL_SECONDS?: number;
}

/** Live sports updates (odds and status pushed over sockets). */
export const liveUpdatesConfig = registerAs('liveUpdates', () => {
  const env = validateEnv(LiveUpdatesEnv);
  return {
    /** Seconds between odds polls; undefined means "every CACHE_TTL_ODDS seconds". */
    oddsWatchIntervalSeconds: env.ODDS_WATCH_INTERVAL_SECONDS,
  };
});
export type LiveUpdatesConfig = ConfigType<typeof liveUpdatesConfig>;
