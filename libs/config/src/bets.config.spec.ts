import { betsConfig } from './bets.config.js';
import { ConfigValidationError } from './validate-env.js';

function withEnv<T>(env: Record<string, string>, fn: () => T): T {
  const saved = process.env;
  process.env = { ...env };
  try {
    return fn();
  } finally {
    process.env = saved;
  }
}

function problemsOf(env: Record<string, string>): string[] {
  try {
    withEnv(env, () => betsConfig());
    return [];
  } catch (error) {
    if (error instanceof ConfigValidationError) return error.problems;
    throw error;
  }
}

describe('bets configuration', () => {
  it('defaults to stakes from 0.5 to 1000 and country ES', () => {
    expect(withEnv({}, () => betsConfig())).toEqual({ minStake: 0.5, maxStake: 1000, countryCode: 'ES' });
    expect(withEnv({ BET_MIN_STAKE: '1', BET_MAX_STAKE: '250.5', BET_COUNTRY_CODE: 'BR' }, () => betsConfig())).toEqual({ minStake: 1, maxStake: 250.5, countryCode: 'BR' });
  });

  it.each([
    [{ BET_MIN_STAKE: '0' }, 'BET_MIN_STAKE must be a number from 0.01 to 100000 (got "0")'],
    [{ BET_MAX_STAKE: 'lots' }, 'BET_MAX_STAKE must be a number from 0.01 to 100000 (got "lots")'],
    [{ BET_MIN_STAKE: '50', BET_MAX_STAKE: '10' }, 'BET_MIN_STAKE must not be above BET_MAX_STAKE (got 50 > 10)'],
    [{ BET_COUNTRY_CODE: 'spain' }, 'BET_COUNTRY_CODE must be a two-letter ISO 3166 country code such as ES (got "spain")'],
  ])('refuses %j naming the variable', (env, message) => {
    expect(problemsOf(env)).toEqual([message]);
  });
});
