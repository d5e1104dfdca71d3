import { appConfig } from './app.config.js';
import { authConfig } from './auth.config.js';
import { cacheConfig } from './cache.config.js';
import { chatbetConfig } from './chatbet.config.js';
import { geminiConfig } from './gemini.config.js';
import { groundingConfig } from './grounding.config.js';
import { assertValidEnvironment, ConfigValidationError } from './index.js';
import { redisConfig } from './redis.config.js';

/** Runs `fn` with exactly these variables set (the rest of the environment is cleared). */
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
    withEnv(env, assertValidEnvironment);
    return [];
  } catch (error) {
    if (error instanceof ConfigValidationError) return error.problems;
    throw error;
  }
}

describe('configuration', () => {
  it('starts with the documented defaults when nothing is set', () => {
    expect(problemsOf({})).toEqual([]);
    const app = withEnv({}, () => appConfig());
    expect(app).toMatchObject({ port: 8000, environment: 'development', logLevel: 'INFO', debug: false });
    expect(withEnv({}, () => cacheConfig()).ttlSeconds).toEqual({ tournaments: 86_400, fixtures: 14_400, odds: 30, sessions: 3_600 });
    expect(withEnv({}, () => geminiConfig())).toMatchObject({ enabled: false, model: 'gemini-3.8-flash', thinkingLevel: 'low', timeoutMs: 60_000 });
    // No temperature unless one is set: Gemini 3 models are meant to run at their own default.
    expect(withEnv({}, () => geminiConfig()).temperature).toBeUndefined();
    expect(withEnv({}, () => chatbetConfig())).toMatchObject({ enabled: false, timeoutMs: 30_000, maxRetries: 3 });
    expect(withEnv({}, () => redisConfig())).toMatchObject({ enabled: false, url: undefined });
    expect(withEnv({}, () => authConfig()).accessTokenExpireMinutes).toBe(60);
    expect(withEnv({}, () => groundingConfig()).policy).toBe('annotate');
    expect(withEnv({ GROUNDING_POLICY: 'Strict' }, () => groundingConfig()).policy).toBe('strict');
  });

  it.each([
    [{ GEMINI_TEMPERATURE: '5' }, 'GEMINI_TEMPERATURE must be a number from 0 to 2 (got "5")'],
    [{ GEMINI_TEMPERATURE: 'warm' }, 'GEMINI_TEMPERATURE must be a number from 0 to 2 (got "warm")'],
    [{ PORT: 'abc' }, 'PORT must be an integer from 1 to 65535 (got "abc")'],
    [{ PORT: '70000' }, 'PORT must be an integer from 1 to 65535 (got "70000")'],
    [{ LOG_LEVEL: 'verbose' }, 'LOG_LEVEL must be one of DEBUG, INFO, WARNING, ERROR, CRITICAL (got "verbose")'],
    [{ ENVIRONMENT: 'prod' }, 'ENVIRONMENT must be one of development, staging, production (got "prod")'],
    [{ DEBUG: 'maybe' }, 'DEBUG must be true or false (got "maybe")'],
    [{ CACHE_TTL_ODDS: '0' }, 'CACHE_TTL_ODDS must be an integer from 1 to 604800 (got "0")'],
    [{ RATE_LIMIT_REQUESTS: '-1' }, 'RATE_LIMIT_REQUESTS must be an integer from 1 to 1000000 (got "-1")'],
    [{ CHATBET_API_TIMEOUT: '1.5' }, 'CHATBET_API_TIMEOUT must be an integer from 1 to 300 (got "1.5")'],
    [{ CHATBET_API_BASE_URL: 'ftp://x' }, 'CHATBET_API_BASE_URL must be an http(s) URL (got "ftp://x")'],
    [{ REDIS_URL: 'localhost:6379' }, 'REDIS_URL must be a redis:// or rediss:// URL (got "localhost:6379")'],
    [{ REDIS_DB: '16' }, 'REDIS_DB must be an integer from 0 to 15 (got "16")'],
    [{ MAX_CONVERSATION_HISTORY: '0' }, 'MAX_CONVERSATION_HISTORY must be an integer from 1 to 100 (got "0")'],
    [{ GEMINI_MAX_TOKENS: 'lots' }, 'GEMINI_MAX_TOKENS must be an integer from 1 to 65536 (got "lots")'],
    [{ GEMINI_THINKING_LEVEL: 'none' }, 'GEMINI_THINKING_LEVEL must be one of minimal, low, medium, high (got "none")'],
    [{ GEMINI_MODEL: 'models/gemini 3' }, 'GEMINI_MODEL must be a model name such as gemini-3.8-flash (got "models/gemini 3")'],
    [{ ODDS_WATCH_INTERVAL_SECONDS: '0' }, 'ODDS_WATCH_INTERVAL_SECONDS must be an integer from 1 to 3600 (got "0")'],
    [{ GROUNDING_POLICY: 'block' }, 'GROUNDING_POLICY must be one of off, annotate, strict (got "block")'],
    [{ LLM_PROVIDER: 'openai' }, 'LLM_PROVIDER must be one of auto, gemini, offline, scripted (got "openai")'],
    [{ LLM_PROVIDER: 'gemini' }, 'LLM_PROVIDER=gemini needs GOOGLE_API_KEY to be set'],
  ])('rejects %j naming the variable and the allowed range', (env, message) => {
    expect(problemsOf(env)).toEqual([message]);
  });

  it('accepts addresses and CIDR ranges in TRUSTED_PROXIES, nothing else', () => {
    expect(problemsOf({ TRUSTED_PROXIES: '10.0.0.0/8, 192.168.1.7, ::1, fd00::/8' })).toEqual([]);
    expect(problemsOf({ TRUSTED_PROXIES: 'loopback,10.0.0.0/33' })).toEqual(['TRUSTED_PROXIES must list IP addresses or CIDR ranges (got "loopback", "10.0.0.0/33")']);
    expect(withEnv({}, () => appConfig()).trustedProxies).toEqual([]);
  });

  it('reports every bad variable at once', () => {
    expect(problemsOf({ PORT: 'abc', GEMINI_TEMPERATURE: '5' })).toHaveLength(2);
  });

  it('refuses production without a SECRET_KEY of at least 32 characters', () => {
    expect(problemsOf({ ENVIRONMENT: 'production' })).toEqual([
      'SECRET_KEY must be set to at least 32 characters when ENVIRONMENT=production (got 0)',
    ]);
    expect(problemsOf({ ENVIRONMENT: 'production', SECRET_KEY: 'short' })).toHaveLength(1);
    expect(problemsOf({ ENVIRONMENT: 'production', SECRET_KEY: 'x'.repeat(32) })).toEqual([]);
  });

  it('refuses staging (every environment but development) without a SECRET_KEY, and makes one up in development', () => {
    expect(problemsOf({ ENVIRONMENT: 'staging' })).toEqual(['SECRET_KEY must be set to at least 32 characters when ENVIRONMENT=staging (got 0)']);
    const development = withEnv({ ENVIRONMENT: 'development' }, () => authConfig());
    expect(development.secretGenerated).toBe(true);
    expect(development.secretKey.length).toBeGreaterThanOrEqual(32);
    expect(withEnv({ ENVIRONMENT: 'development' }, () => authConfig()).secretKey).toBe(development.secretKey);
  });

  it('accepts log levels and environments in any case, storing the canonical spelling', () => {
    const app = withEnv({ LOG_LEVEL: 'debug', ENVIRONMENT: 'Staging' }, () => appConfig());
    expect(app.logLevel).toBe('DEBUG');
    expect(app.environment).toBe('staging');
  });

  it('treats empty variables as unset', () => {
    expect(problemsOf({ PORT: '', GEMINI_MAX_TOKENS: '' })).toEqual([]);
    expect(withEnv({ PORT: '' }, () => appConfig()).port).toBe(8000);
  });

  it('builds the Redis URL from REDIS_HOST parts, and lets REDIS_URL override them', () => {
    expect(withEnv({ REDIS_HOST: 'cache', REDIS_PORT: '6380', REDIS_DB: '2', REDIS_PASSWORD: 'p@ss' }, () => redisConfig()).url).toBe(
      'redis://:p%40ss@cache:6380/2',
    );
    expect(withEnv({ REDIS_HOST: 'cache', REDIS_URL: 'redis://other:6379' }, () => redisConfig()).url).toBe('redis://other:6379');
  });

  it('splits CORS_ORIGINS and ALLOWED_HOSTS lists', () => {
    const app = withEnv({ CORS_ORIGINS: 'https://a.example, https://b.example', ALLOWED_HOSTS: 'API.example,localhost' }, () => appConfig());
    expect(app.corsOrigins).toEqual(['https://a.example', 'https://b.example']);
    expect(app.allowedHosts).toEqual(['api.example', 'localhost']);
  });

  it('chooses the chat model from LLM_PROVIDER, by default from whether GOOGLE_API_KEY is set', () => {
    expect(withEnv({}, () => geminiConfig()).provider).toBe('offline');
    expect(withEnv({ GOOGLE_API_KEY: 'k' }, () => geminiConfig()).provider).toBe('gemini');
    expect(withEnv({ LLM_PROVIDER: 'Scripted', GOOGLE_API_KEY: 'k' }, () => geminiConfig())).toMatchObject({ provider: 'scripted', enabled: false });
    expect(withEnv({ LLM_PROVIDER: 'offline', GOOGLE_API_KEY: 'k' }, () => geminiConfig())).toMatchObject({ provider: 'offline', enabled: false });
    expect(withEnv({ LLM_PROVIDER: 'gemini', GOOGLE_API_KEY: 'k' }, () => geminiConfig())).toMatchObject({ provider: 'gemini', enabled: true });
  });

  it('switches to Gemini and to the ChatBet API when their variables are set', () => {
    expect(withEnv({ GOOGLE_API_KEY: 'k', GEMINI_TEMPERATURE: '0.2', GEMINI_THINKING_LEVEL: 'HIGH' }, () => geminiConfig())).toMatchObject({
      enabled: true,
      temperature: 0.2,
      thinkingLevel: 'high',
    });
    expect(withEnv({ CHATBET_API_BASE_URL: 'http://upstream.local/' }, () => chatbetConfig())).toMatchObject({
      enabled: true,
      baseUrl: 'http://upstream.local',
    });
  });
});
