import { Module } from '@nestjs/common';
import { appConfig, type AppConfig, type LogLevel } from '@app/config';
import { LoggerModule } from 'nestjs-pino';
import { stdSerializers } from 'pino';
import { currentCorrelation, mergeCorrelation } from './correlation.js';
import { piiRedactingLogMethod } from './log-redaction.js';

const PINO_LEVEL: Record<LogLevel, string> = {
  DEBUG: 'debug',
  INFO: 'info',
  WARNING: 'warn',
  ERROR: 'error',
  CRITICAL: 'fatal',
};

/**
 * Structured logs through pino: JSON lines in staging and production, pretty lines in
 * development; Nest's Logger writes through it. Every request gets a correlation id (X-Request-Id
 * in, X-Request-Id out, see `createHttpAdapter`): every line written while it is handled carries it
 * as `requestId` (and a socket chat turn's lines carry `turnId`), through one AsyncLocalStorage
 * entered once per request (`registerCorrelation`) and read by pino's mixin.
 */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [appConfig.KEY],
      useFactory: (app: AppConfig) => ({
        // No request middleware: request lines come from a Fastify hook (registerRequestLogging),
        // which needs neither a child logger nor an async-context store per request.
        forRoutes: [],
        pinoHttp: {
          level: PINO_LEVEL[app.logLevel],
          // Chat text can reach a log line (in a field, an error message, a URL); personal data in it
          // (e-mail, phone and card numbers) is redacted from every line, whoever writes it.
          hooks: { logMethod: piiRedactingLogMethod },
          mixin: currentCorrelation,
          mixinMergeStrategy: mergeCorrelation,
          // Request lines (registerRequestLogging) are built in their final shape, already redacted;
          // pino-http's request and response serializers are not applied to them.
          wrapSerializers: false,
          serializers: { err: stdSerializers.err },
          transport:
            app.environment === 'development' && process.stdout.isTTY
              ? { target: 'pino-pretty', options: { singleLine: true, translateTime: 'SYS:HH:MM:ss.l' } }
              : undefined,
        },
      }),
    }),
  ],
})
export class LoggingModule {}
