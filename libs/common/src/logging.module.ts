import { Module, RequestMethod } from '@nestjs/common';
import { appConfig, type AppConfig, type LogLevel } from '@app/config';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import { piiRedactingLogMethod, redactUrl } from './log-redaction.js';
import { REQUEST_ID_HEADER, resolveRequestId } from './request-id.js';

const PINO_LEVEL: Record<LogLevel, string> = {
  DEBUG: 'debug',
  INFO: 'info',
  WARNING: 'warn',
  ERROR: 'error',
  CRITICAL: 'fatal',
};

/**
 * Structured logs through pino: JSON lines in staging and production, pretty lines in
 * development. Every request gets a correlation id (X-Request-Id in, X-Request-Id out) that is
 * attached to each log line written while serving it.
 */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [appConfig.KEY],
      useFactory: (app: AppConfig) => ({
        // Every path, the root included, in the route syntax Fastify's middleware runner matches
        // (the module's default, `{/*splat}`, matches nothing there).
        forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
        pinoHttp: {
          level: PINO_LEVEL[app.logLevel],
          genReqId: (req: IncomingMessage & { id?: unknown }, res: ServerResponse) => {
            if (typeof req.id === 'string') return req.id;
            const id = resolveRequestId(req.headers[REQUEST_ID_HEADER]);
            res.setHeader('X-Request-Id', id);
            return id;
          },
          customProps: () => ({ service: app.name, environment: app.environment }),
          // Chat text can reach a log line (in a field, an error message, a URL); personal data in it
          // (e-mail, phone and card numbers) is redacted from every line, whoever writes it.
          hooks: { logMethod: piiRedactingLogMethod },
          // Request lines carry what an operator needs to trace a call, not every header.
          serializers: {
            req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: redactUrl(req.url) }),
            res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
          },
          // Health probes and Prometheus scrapes arrive every few seconds; logging them drowns real traffic.
          autoLogging: { ignore: (req: IncomingMessage) => /^\/(health|metrics)(\/|\?|$)/.test(req.url ?? '') },
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
