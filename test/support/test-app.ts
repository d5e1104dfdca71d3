import type { DynamicModule, Type } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { AppModule } from '../../apps/api/src/app.module.js';
import { configureApp } from '../../apps/api/src/configure-app.js';
import { createHttpAdapter } from '../../apps/api/src/http-adapter.js';
import { patchEnv } from './env.js';

export interface TestAppOptions {
  /** Environment for this instance; `undefined` unsets a variable. */
  env?: Record<string, string | undefined>;
  /** Extra modules or controllers mounted next to the real ones (test-only routes). */
  imports?: Array<Type | DynamicModule>;
  controllers?: Type[];
  /** Providers replaced everywhere in the module graph (e.g. a controllable `Clock`). */
  overrides?: Array<{ provide: unknown; useValue: unknown }>;
}

export interface TestApp {
  app: NestFastifyApplication;
  close(): Promise<void>;
}

// Quiet logs unless a test asks otherwise; Redis off unless a test points at one. The rate limits
// (production defaults: 100 REST requests per minute per address, 30 chat turns per minute) are
// lifted, because every request of a test comes from 127.0.0.1 and the suites make hundreds, most
// without a session id; a test of the limits sets RATE_LIMIT_REQUESTS / CHAT_RATE_LIMIT_PER_MINUTE
// (failed logins: LOGIN_MAX_FAILURES_PER_ACCOUNT / _PER_ADDRESS; sockets: WS_MAX_CONNECTIONS_PER_IP).
// The answer cache is off too: suites ask the same questions again and again and check what the
// engine did each time; test/answer-cache.e2e-spec.ts and the upstream-economy suite switch it on.
const DEFAULT_ENV: Record<string, string | undefined> = {
  CHAT_ANSWER_CACHE: 'false',
  LOG_LEVEL: 'ERROR',
  RATE_LIMIT_REQUESTS: '100000',
  CHAT_RATE_LIMIT_PER_MINUTE: '10000',
  WS_MAX_CONNECTIONS_PER_IP: '1000',
  LOGIN_MAX_FAILURES_PER_ACCOUNT: '1000',
  LOGIN_MAX_FAILURES_PER_ADDRESS: '100000',
  ENVIRONMENT: 'development',
  REDIS_URL: undefined,
  REDIS_HOST: undefined,
  CHATBET_API_BASE_URL: undefined,
  GOOGLE_API_KEY: undefined,
};

/** Builds the real application (same module graph and set-up as production) for a test. */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const restoreEnv = patchEnv({ ...DEFAULT_ENV, ...options.env });
  try {
    const builder = Test.createTestingModule({
      imports: [AppModule, ...(options.imports ?? [])],
      controllers: options.controllers ?? [],
    });
    for (const { provide, useValue } of options.overrides ?? []) builder.overrideProvider(provide).useValue(useValue);
    const moduleRef = await builder.compile();
    const app = moduleRef.createNestApplication<NestFastifyApplication>(createHttpAdapter(), { bufferLogs: true });
    configureApp(app);
    await app.init();
    // Fastify registers its plugins and routes when it is ready; supertest's requests need them.
    await app.getHttpAdapter().getInstance().ready();
    return {
      app,
      close: async () => {
        await app.close();
      },
    };
  } finally {
    restoreEnv();
  }
}
