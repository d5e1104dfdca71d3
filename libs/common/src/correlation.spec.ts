import { pino } from 'pino';
import { Writable } from 'node:stream';
import { currentCorrelation, mergeCorrelation, withCorrelation } from './correlation.js';

/** A pino logger with the application's mixin and merge, writing its JSON lines into an array. */
function capturingLogger() {
  const lines: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString('utf8')) as Record<string, unknown>);
      done();
    },
  });
  const logger = pino({ level: 'info', mixin: currentCorrelation, mixinMergeStrategy: mergeCorrelation }, sink);
  return { logger, lines };
}

describe('log correlation', () => {
  it('adds the request id to every line written inside the request, and nothing outside', () => {
    const { logger, lines } = capturingLogger();
    withCorrelation({ requestId: 'req-1' }, () => {
      logger.info({ team: 'barcelona' }, 'inside');
      withCorrelation({ turnId: 'turn-1' }, () => logger.info('nested'));
    });
    logger.info('outside');
    expect(lines.map(({ msg, requestId, turnId, team }) => ({ msg, requestId, turnId, team }))).toEqual([
      { msg: 'inside', requestId: 'req-1', turnId: undefined, team: 'barcelona' },
      { msg: 'nested', requestId: 'req-1', turnId: 'turn-1', team: undefined },
      { msg: 'outside', requestId: undefined, turnId: undefined, team: undefined },
    ]);
  });

  it('never writes a line\'s fields into the correlation the request shares with its other lines', () => {
    const { logger, lines } = capturingLogger();
    withCorrelation({ requestId: 'req-2' }, () => {
      logger.info({ turnId: 'from-a-field', secret: 'one line only' }, 'first');
      logger.info('second');
      expect(currentCorrelation()).toEqual({ requestId: 'req-2' });
    });
    expect(lines[0]).toMatchObject({ requestId: 'req-2', turnId: 'from-a-field', secret: 'one line only' });
    expect(lines[1].turnId).toBeUndefined();
    expect(lines[1].secret).toBeUndefined();
  });

  it('lets a line\'s own fields win over the correlation, and writes a line that already names it as it is', () => {
    const line = { requestId: 'req-3', msg: 'request completed' };
    expect(mergeCorrelation(line, { requestId: 'req-3' })).toBe(line);
    expect(mergeCorrelation({ requestId: 'mine' }, { requestId: 'req-3', turnId: 't' })).toEqual({ requestId: 'mine', turnId: 't' });
    expect(mergeCorrelation(line, {})).toBe(line);
  });
});
