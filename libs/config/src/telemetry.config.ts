import { registerAs, type ConfigType } from '@nestjs/config';
import { IsOptional, Matches } from 'class-validator';
import { EnvNumber } from './env-decorators.js';
import { validateEnv } from './validate-env.js';

class TelemetryEnv {
  @IsOptional()
  @Matches(/^https?:\/\/[^\s/]+(\/\S*)?$/, { message: (a) => `OTEL_EXPORTER_OTLP_ENDPOINT must be an http(s) URL such as http://localhost:4318 (got "${String(a.value)}")` })
  OTEL_EXPORTER_OTLP_ENDPOINT?: string;
  @IsOptional()
  @Matches(/^[A-Za-z0-9._-]{1,100}$/, { message: (a) => `OTEL_SERVICE_NAME must be 1-100 of A-Z a-z 0-9 . _ - (got "${String(a.value)}")` })
  OTEL_SERVICE_NAME?: string;
  /** Share of new traces kept; a trace continued from a caller's traceparent follows the caller's choice. */
  @EnvNumber(0, 1) OTEL_TRACES_SAMPLER_RATIO = 1;
}

/**
 * OpenTelemetry tracing: off unless OTEL_EXPORTER_OTLP_ENDPOINT is set; then every chat turn is
 * one trace, sent over OTLP/HTTP to `<endpoint>/v1/traces` (the collector's default port is 4318).
 */
export const telemetryConfig = registerAs('telemetry', () => {
  const env = validateEnv(TelemetryEnv);
  const endpoint = env.OTEL_EXPORTER_OTLP_ENDPOINT?.replace(/\/+$/, '');
  return {
    enabled: endpoint !== undefined,
    endpoint,
    /** The generic endpoint names the collector; traces go to its signal path, as the OTLP spec says. */
    tracesUrl: endpoint === undefined ? undefined : `${endpoint}/v1/traces`,
    serviceName: env.OTEL_SERVICE_NAME ?? 'chatbet-api',
    samplerRatio: env.OTEL_TRACES_SAMPLER_RATIO,
  };
});
export type TelemetryConfig = ConfigType<typeof telemetryConfig>;
