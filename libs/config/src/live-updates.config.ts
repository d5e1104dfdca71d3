import { registerAs, type ConfigType } from '@nestjs/config';
import { IsOptional } from 'class-validator';
import { EnvInt } from './env-decorators.js';
import { validateEnv } from './validate-env.js';

class LiveUpdatesEnv {
  // Unset on purpose by default: the watcher then follows CACHE_TTL_ODDS, since polling faster than
  // the odds cache expires would only read the same cached prices again.
  @IsOptional() @EnvInt(1, 3600) ODDS_WATCH_INTERVAL_SECONDS?: number;
  // With Redis one instance runs the watcher under a lease renewed every third of this; when the
  // holder dies another instance takes over once this much time has passed.
  @EnvInt(200, 60_000) LIVE_UPDATES_LEASE_TTL_MS = 5_000;
}

/** Live sports updates (odds and status pushed over sockets). */
export const liveUpdatesConfig = registerAs('liveUpdates', () => {
  const env = validateEnv(LiveUpdatesEnv);
  return {
    /** Seconds between odds polls; undefined means "every CACHE_TTL_ODDS seconds". */
    oddsWatchIntervalSeconds: env.ODDS_WATCH_INTERVAL_SECONDS,
    /** Lifetime of the watcher's leader lease in Redis (renewed every third of it). */
    leaseTtlMs: env.LIVE_UPDATES_LEASE_TTL_MS,
  };
});
export type LiveUpdatesConfig = ConfigType<typeof liveUpdatesConfig>;
