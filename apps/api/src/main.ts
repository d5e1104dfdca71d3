import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { assertValidEnvironment, ConfigValidationError } from '@app/config';
import { HealthService } from '@app/health';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module.js';
import { configureApp } from './configure-app.js';

async function bootstrap(): Promise<void> {
  assertValidEnvironment();
  const app = await NestFactory.create<NestExpressApplication>(AppModule, { bufferLogs: true });
  const config = configureApp(app);
  const server = await app.listen(config.port);
  // Keep-alive connections would otherwise hold a shutdown open until their clients leave.
  server.keepAliveTimeout = 65_000;
  const modes = app.get(HealthService).modes();
  app.get(Logger).log({
    msg: `ChatBet API listening on :${config.port} (redis=${modes.redis}, llm=${modes.llm}, sports-data=${modes.sportsData})`,
    modes,
    port: config.port,
    environment: config.environment,
    version: config.version,
  });
}

bootstrap().catch((error: unknown) => {
  if (error instanceof ConfigValidationError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`Start-up failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  process.exit(1);
});
