import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { registerAs, type ConfigType } from '@nestjs/config';
import { IsOptional, IsString, IsUrl } from 'class-validator';
import { EnvBoolean, EnvEnum, EnvInt, splitList } from './env-decorators.js';
import { ConfigValidationError, validateEnv } from './validate-env.js';

export const ENVIRONMENTS = ['development', 'staging', 'production'] as const;
export const LOG_LEVELS = ['DEBUG', 'INFO', 'WARNING', 'ERROR', 'CRITICAL'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

class AppEnv {
  @EnvInt(1, 65535) PORT = 8000;
  @EnvEnum(ENVIRONMENTS) ENVIRONMENT: (typeof ENVIRONMENTS)[number] = 'development';
  @EnvBoolean() DEBUG = false;
  @EnvEnum(LOG_LEVELS) LOG_LEVEL: LogLevel = 'INFO';
  @IsOptional() @IsString() CORS_ORIGINS?: string;
  @IsOptional() @IsString() ALLOWED_HOSTS?: string;
  @IsOptional() @IsString() TRUSTED_PROXIES?: string;
  @EnvInt(1024, 10 * 1024 * 1024) BODY_LIMIT_BYTES = 64 * 1024;
  @EnvInt(0, 120_000) SHUTDOWN_TIMEOUT_MS = 10_000;
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false }, { message: ({ value }) => `PUBLIC_URL must be an http(s) URL (got "${String(value)}")` })
  PUBLIC_URL?: string;
}

function readVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(resolve(process.cwd(), 'package.json'), 'utf8')) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

/** An address or CIDR range, as TRUSTED_PROXIES lists them. */
export function isAddressOrRange(entry: string): boolean {
  const [address, prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 6 ? 128 : 32);
}

export const appConfig = registerAs('app', () => {
  const env = validateEnv(AppEnv);
  const trustedProxies = splitList(env.TRUSTED_PROXIES);
  const badProxies = trustedProxies.filter((entry) => !isAddressOrRange(entry));
  if (badProxies.length > 0) {
    throw new ConfigValidationError([`TRUSTED_PROXIES must list IP addresses or CIDR ranges (got "${badProxies.join('", "')}")`]);
  }
  return {
    name: 'chatbet-backend',
    version: readVersion(),
    port: env.PORT,
    environment: env.ENVIRONMENT,
    isProduction: env.ENVIRONMENT === 'production',
    debug: env.DEBUG,
    logLevel: env.LOG_LEVEL,
    // '*' or unset allows every origin; a list restricts CORS to it.
    corsOrigins: splitList(env.CORS_ORIGINS),
    allowedHosts: splitList(env.ALLOWED_HOSTS).map((host) => host.toLowerCase()),
    // Proxies whose X-Forwarded-For is believed (HTTP and sockets); none unless listed.
    trustedProxies,
    bodyLimitBytes: env.BODY_LIMIT_BYTES,
    shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS,
    // Where people reach this instance: printed in the start-up banner (links only, never trusted).
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, ''),
  };
});
export type AppConfig = ConfigType<typeof appConfig>;
