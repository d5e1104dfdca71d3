import { registerAs, type ConfigType } from '@nestjs/config';
import { IsOptional, Matches } from 'class-validator';
import { ConfigValidationError, validateEnv } from './validate-env.js';
import { EnvNumber } from './env-decorators.js';

class BetsEnv {
  @EnvNumber(0.01, 100_000) BET_MIN_STAKE = 0.5;
  @EnvNumber(0.01, 100_000) BET_MAX_STAKE = 1_000;
  @IsOptional()
  @Matches(/^[A-Z]{2}$/, { message: (a) => `BET_COUNTRY_CODE must be a two-letter ISO 3166 country code such as ES (got "${String(a.value)}")` })
  BET_COUNTRY_CODE = 'ES';
}

/** Placing bets: the stake range of one bet, and the country sent with bets placed upstream. */
export const betsConfig = registerAs('bets', () => {
  const env = validateEnv(BetsEnv);
  if (env.BET_MIN_STAKE > env.BET_MAX_STAKE) {
    throw new ConfigValidationError([`BET_MIN_STAKE must not be above BET_MAX_STAKE (got ${env.BET_MIN_STAKE} > ${env.BET_MAX_STAKE})`]);
  }
  return {
    minStake: env.BET_MIN_STAKE,
    maxStake: env.BET_MAX_STAKE,
    /** ChatBet's `country-code` header on place-bet and place-combo-bet. */
    countryCode: env.BET_COUNTRY_CODE,
  };
});
export type BetsConfig = ConfigType<typeof betsConfig>;
