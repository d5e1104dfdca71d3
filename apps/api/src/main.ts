import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { assertValidEnvironment, ConfigValidationError, exposureConfig, type ExposureConfig, telemetryConfig } from '@app/config';
import { AppLogger } from '@app/common';
import { HealthService } from '@app/health';
import { startTracing, type TracingHandle } from '@app/telemetry';
import { AppModule } from './app.module.js';
import { configureApp } from './configure-app.js';
import { createHttpAdapter } from './http-adapter.js';
import { modesText, renderStartupBanner, startupSummary } from './startup-banner.js';

async function bootstrap(): Promise<void> {
  assertValidEnvironment();
  // Before the application is built, so the first request is already traced (when tracing is on).
  const tracing = startTracing(telemetryConfig());
  const app = await NestFactory.create<NestFastifyApplication>(AppModule, createHttpAdapter(), { bufferLogs: true });
  const config = configureApp(app);
  await app.listen(config.port, '0.0.0.0');
  const summary = startupSummary(config.publicUrl, app.get(HealthService).modes(), app.get<ExposureConfig>(exposureConfig.KEY).docsEnabled);
  // A terminal gets a short banner to click from; log collectors get the same facts as one line.
  const logger = app.get(AppLogger);
  if (process.stdout.isTTY) {
    const banner = renderStartupBanner(summary, config.port);
    // Pretty lines are written by a worker thread: the banner takes the same way, to come after them.
    if (logger.pretty) logger.pino.info(banner);
    else process.stdout.write(banner);
  } else {
    logger.log({
      msg: `ChatBet API listening on :${config.port} (${modesText(summary.modes)}) at ${summary.urls.chat}`,
      ...summary,
      port: config.port,
      environment: config.environment,
      version: config.version,
    });
  }
  handleShutdown(app, config.shutdownTimeoutMs, tracing);
}

/**
 * SIGTERM/SIGINT: stop accepting connections, let requests in flight finish, run every module's
 * shutdown hook (chat clients are told `server_shutdown` and answers being written finish; Redis is
 * closed last), then exit 0; exit 1 if that takes longer than allowed.
 */
function handleShutdown(app: NestFastifyApplication, timeoutMs: number, tracing: TracingHandle | undefined): void {
  const logger = app.get(AppLogger);
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.log({ msg: `Received ${signal}: shutting down`, signal });
    // No new connection from now on (a load balancer tries another instance); open ones are served
    // until the application closes them.
    app.getHttpServer().close();
    setTimeout(() => {
      logger.error({ msg: `Shutdown took longer than ${timeoutMs} ms; exiting` });
      process.exit(1);
    }, timeoutMs).unref();
    app
      .close()
      // The last turns' spans are sent before the process exits.
      .then(() => tracing?.shutdown())
      .then(() => {
        logger.log({ msg: 'Shutdown complete' });
        process.exit(0);
      })
      .catch((error: unknown) => {
        logger.error({ msg: 'Shutdown failed', err: error });
        process.exit(1);
      });
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

bootstrap().catch((error: unknown) => {
  if (error instanceof ConfigValidationError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`Start-up failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  process.exit(1);
});
