import { Inject, Injectable, type LoggerService } from '@nestjs/common';
import { appConfig, type AppConfig, type LogLevel } from '@app/config';
import { type Level, type Logger as Pino, pino, stdSerializers } from 'pino';
import { currentCorrelation, mergeCorrelation } from './correlation.js';
import { piiRedactingLogMethod } from './log-redaction.js';

const PINO_LEVEL: Record<LogLevel, Level> = {
  DEBUG: 'debug',
  INFO: 'info',
  WARNING: 'warn',
  ERROR: 'error',
  CRITICAL: 'fatal',
};

/**
 * Contexts of Nest's own start-up lines: one per module initialised, per controller, per route and
 * per socket message handler (about 80 lines for this application). They say nothing an operator
 * acts on, so they are written at debug level (`LOG_LEVEL=DEBUG` shows them).
 */
const FRAMEWORK_BOOT_CONTEXTS: ReadonlySet<string> = new Set([
  'NestFactory',
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
  'WebSocketsController',
  'NestApplication',
]);

// Nest's exception handlers call `error(message, stack, context)`: the stack becomes the error's.
const STACK = /\n\s*at /;

/**
 * Structured logs through pino, and Nest's Logger written through them: JSON lines in staging and
 * production, pretty lines in a development terminal. Every line written while a request is
 * handled carries its `requestId` (a socket chat turn's lines its `turnId`), through one
 * AsyncLocalStorage read by pino's mixin; personal data is redacted from every line, whoever writes
 * it. A Nest call `log(message, ...params, context)` becomes `{context, ...message fields}` with the
 * message, as nestjs-pino writes it (whose Nest 12 releases require Node 22).
 */
@Injectable()
export class AppLogger implements LoggerService {
  /** The process's pino logger: request lines are written on it directly. */
  readonly pino: Pino;
  /** Pretty lines for a person at a terminal (development), written by a worker thread. */
  readonly pretty: boolean;

  constructor(@Inject(appConfig.KEY) app: AppConfig) {
    this.pretty = app.environment === 'development' && process.stdout.isTTY === true;
    this.pino = pino({
      level: PINO_LEVEL[app.logLevel],
      // Chat text can reach a log line (in a field, an error message, a URL).
      hooks: { logMethod: piiRedactingLogMethod },
      mixin: currentCorrelation,
      // Never into the correlation object itself, which every line of the request shares.
      mixinMergeStrategy: mergeCorrelation,
      serializers: { err: stdSerializers.err },
      transport: this.pretty ? { target: 'pino-pretty', options: { singleLine: true, translateTime: 'SYS:HH:MM:ss.l' } } : undefined,
    });
  }

  log(message: unknown, ...optionalParams: unknown[]): void {
    const context = optionalParams.at(-1);
    this.write(typeof context === 'string' && FRAMEWORK_BOOT_CONTEXTS.has(context) ? 'debug' : 'info', message, optionalParams);
  }

  error(message: unknown, ...optionalParams: unknown[]): void {
    this.write('error', message, optionalParams);
  }

  warn(message: unknown, ...optionalParams: unknown[]): void {
    this.write('warn', message, optionalParams);
  }

  debug(message: unknown, ...optionalParams: unknown[]): void {
    this.write('debug', message, optionalParams);
  }

  verbose(message: unknown, ...optionalParams: unknown[]): void {
    this.write('trace', message, optionalParams);
  }

  fatal(message: unknown, ...optionalParams: unknown[]): void {
    this.write('fatal', message, optionalParams);
  }

  private write(level: Level, message: unknown, optionalParams: unknown[]): void {
    // The last parameter is the context (the class name Nest's Logger was made with).
    const fields: Record<string, unknown> = {};
    let params = optionalParams;
    if (optionalParams.length > 0) {
      fields.context = optionalParams.at(-1);
      params = optionalParams.slice(0, -1);
    }
    if (message instanceof Error) {
      this.pino[level]({ ...fields, err: message }, ...(params as [string?]));
    } else if (typeof message === 'object' && message !== null) {
      this.pino[level]({ ...fields, ...message }, ...(params as [string?]));
    } else if (level === 'error' && params.length === 1 && typeof params[0] === 'string' && STACK.test(params[0])) {
      const err = new Error(String(message));
      err.stack = params[0];
      this.pino.error({ ...fields, err });
    } else {
      this.pino[level](fields, String(message), ...params);
    }
  }
}
