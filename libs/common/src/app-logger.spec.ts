import { appConfig, type AppConfig, type LogLevel } from '@app/config';
import { symbols } from 'pino';
import { AppLogger } from './app-logger.js';

/** An AppLogger at `level` whose lines are collected instead of written to stdout. */
function capture(level: LogLevel): { logger: AppLogger; lines: () => Record<string, unknown>[] } {
  const config: AppConfig = { ...appConfig(), logLevel: level, environment: 'production' };
  const logger = new AppLogger(config);
  const raw: string[] = [];
  (logger.pino as unknown as Record<symbol, unknown>)[symbols.streamSym] = { write: (line: string) => raw.push(line) };
  return { logger, lines: () => raw.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

describe('AppLogger', () => {
  it("writes Nest's per-module start-up lines at debug level only", () => {
    const info = capture('INFO');
    info.logger.log('BetsModule dependencies initialized', 'InstanceLoader');
    info.logger.log('Mapped {/health, GET} route', 'RouterExplorer');
    info.logger.log('Bets placed on the embedded ledger', 'BetsModule');
    expect(info.lines().map((line) => line.msg)).toEqual(['Bets placed on the embedded ledger']);

    const debug = capture('DEBUG');
    debug.logger.log('BetsModule dependencies initialized', 'InstanceLoader');
    expect(debug.lines()).toEqual([expect.objectContaining({ level: 20, context: 'InstanceLoader', msg: 'BetsModule dependencies initialized' })]);
  });

  it('keeps the context and merges an object message into the line', () => {
    const { logger, lines } = capture('INFO');
    logger.warn({ msg: 'Redis unavailable', attempt: 3 }, 'RedisService');
    logger.log('plain text');
    expect(lines()).toEqual([
      expect.objectContaining({ level: 40, context: 'RedisService', msg: 'Redis unavailable', attempt: 3 }),
      expect.objectContaining({ level: 30, msg: 'plain text' }),
    ]);
    expect(lines()[1]).not.toHaveProperty('context');
  });

  it("logs errors with their stack, also in the (message, stack, context) form of Nest's exception handlers", () => {
    const { logger, lines } = capture('INFO');
    logger.error(new Error('boom'), 'ChatService');
    logger.error('Unhandled', 'Error: Unhandled\n    at handler (file.js:1:1)', 'ExceptionsHandler');
    const [first, second] = lines() as Array<{ context: string; err: { message: string; stack: string } }>;
    expect(first.context).toBe('ChatService');
    expect(first.err.message).toBe('boom');
    expect(first.err.stack).toContain('at ');
    expect(second.context).toBe('ExceptionsHandler');
    expect(second.err.stack).toBe('Error: Unhandled\n    at handler (file.js:1:1)');
  });

  it('redacts personal data from every line', () => {
    const { logger, lines } = capture('INFO');
    logger.log({ msg: 'turn from someone@example.com', note: 'call +34 612 345 678' }, 'ChatService');
    const text = JSON.stringify(lines());
    expect(text).not.toContain('someone@example.com');
    expect(text).not.toContain('612 345 678');
  });
});
