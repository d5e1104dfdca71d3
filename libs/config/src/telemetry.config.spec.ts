import { telemetryConfig } from './telemetry.config.js';
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
    withEnv(env, () => telemetryConfig());
    return [];
  } catch (error) {
    if (error instanceof ConfigValidationError) return error.problems;
    throw error;
  }
}

describe('telemetry configuration', () => {
  it('is off unless OTEL_EXPORTER_OTLP_ENDPOINT is set', () => {
    expect(withEnv({}, () => telemetryConfig())).toEqual({ enabled: false, endpoint: undefined, tracesUrl: undefined, serviceName: 'chatbet-api', samplerRatio: 1 });
  });

  it('sends traces to the signal path of the endpoint, under the service name given', () => {
    const config = withEnv({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/', OTEL_SERVICE_NAME: 'chatbet-eu', OTEL_TRACES_SAMPLER_RATIO: '0.25' }, () => telemetryConfig());
    expect(config).toEqual({ enabled: true, endpoint: 'http://collector:4318', tracesUrl: 'http://collector:4318/v1/traces', serviceName: 'chatbet-eu', samplerRatio: 0.25 });
  });

  it.each([
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' }, 'OTEL_EXPORTER_OTLP_ENDPOINT must be an http(s) URL such as http://localhost:4318 (got "collector:4318")'],
    [{ OTEL_SERVICE_NAME: 'chat bet' }, 'OTEL_SERVICE_NAME must be 1-100 of A-Z a-z 0-9 . _ - (got "chat bet")'],
    [{ OTEL_TRACES_SAMPLER_RATIO: '2' }, 'OTEL_TRACES_SAMPLER_RATIO must be a number from 0 to 1 (got "2")'],
  ])('refuses %j naming the variable', (env, message) => {
    expect(problemsOf(env)).toEqual([message]);
  });
});
