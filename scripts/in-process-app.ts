/**
 * The whole app started in this process on a free loopback port, as the evaluation and count-based
 * benchmarks run it. Call it once the environment is set: configuration is read when the app's
 * modules load, so they are imported here, not at the top of the script.
 */
import type { INestApplication } from '@nestjs/common';

export interface InProcessApp {
  app: INestApplication;
  baseUrl: string;
}

export async function startInProcessApp(): Promise<InProcessApp> {
  const [{ NestFactory }, { AppModule }, { configureApp }, { createHttpAdapter }] = await Promise.all([
    import('@nestjs/core'),
    import('../apps/api/src/app.module.js'),
    import('../apps/api/src/configure-app.js'),
    import('../apps/api/src/http-adapter.js'),
  ]);
  const app = await NestFactory.create(AppModule, createHttpAdapter(), { bufferLogs: true, logger: ['error'] });
  configureApp(app as Parameters<typeof configureApp>[0]);
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address !== null ? address.port : Number(address);
  return { app, baseUrl: `http://127.0.0.1:${port}` };
}
