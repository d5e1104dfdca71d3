import { registerAs, type ConfigType } from '@nestjs/config';
import { IsOptional, IsString } from 'class-validator';
import { EnvBoolean, EnvEnum } from './env-decorators.js';
import { ConfigValidationError, validateEnv } from './validate-env.js';

/** Who may read an operator endpoint: anyone, a caller with OPS_TOKEN, or nobody (404). */
export const OPS_ACCESS = ['public', 'token', 'off'] as const;
export type OpsAccess = (typeof OPS_ACCESS)[number];
export const MIN_OPS_TOKEN_LENGTH = 32;

class ExposureEnv {
  // Validated by the app namespace; read here only to pick the defaults.
  @IsOptional() @IsString() ENVIRONMENT?: string;
  @IsOptional() @EnvBoolean() DOCS_ENABLED?: boolean;
  @IsOptional() @EnvEnum(OPS_ACCESS) METRICS_ACCESS?: OpsAccess;
  @IsOptional() @EnvEnum(OPS_ACCESS) DIAGNOSTICS_ACCESS?: OpsAccess;
  @IsOptional() @IsString() OPS_TOKEN?: string;
}

/**
 * What the service shows besides its API: `/docs` (Swagger UI and JSON), `/metrics` (Prometheus) and
 * the diagnostics `/ws/status` and `/health/detailed` (instance ids, pid, Node version, memory).
 * Production defaults: no docs; metrics and diagnostics only with `Authorization: Bearer <OPS_TOKEN>`.
 * Elsewhere everything is open, as before.
 */
export const exposureConfig = registerAs('exposure', () => {
  const env = validateEnv(ExposureEnv);
  const production = env.ENVIRONMENT?.trim().toLowerCase() === 'production';
  const metrics = env.METRICS_ACCESS ?? (production ? 'token' : 'public');
  const diagnostics = env.DIAGNOSTICS_ACCESS ?? (production ? 'token' : 'public');
  const token = env.OPS_TOKEN ?? '';
  if ((metrics === 'token' || diagnostics === 'token') && token.length > 0 && token.length < MIN_OPS_TOKEN_LENGTH) {
    throw new ConfigValidationError([`OPS_TOKEN must be at least ${MIN_OPS_TOKEN_LENGTH} characters (got ${token.length})`]);
  }
  return {
    docsEnabled: env.DOCS_ENABLED ?? !production,
    access: { metrics, diagnostics } satisfies Record<string, OpsAccess>,
    /** Unset: endpoints in `token` mode answer nobody. */
    opsToken: token.length > 0 ? token : undefined,
  };
});
export type ExposureConfig = ConfigType<typeof exposureConfig>;
export type OpsResource = keyof ExposureConfig['access'];
