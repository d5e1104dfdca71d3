import { pino } from 'pino';
import { Writable } from 'node:stream';
import { piiRedactingLogMethod, PRE_REDACTED, redactLogArguments, redactUrl } from './log-redaction.js';

/** A pino logger with the hook, writing its JSON lines into an array. */
function capturingLogger() {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  const logger = pino({ level: 'debug', hooks: { logMethod: piiRedactingLogMethod } }, sink);
  return { logger, lines };
}

describe('log redaction', () => {
  it('redacts personal data in the message, in nested fields and in errors of every log line', () => {
    const { logger, lines } = capturingLogger();
    logger.info({ msg: 'chat turn', content: 'I am ana@mail.com, call me on +34 612 345 678', meta: { history: ['card 4111 1111 1111 1111'] } });
    logger.warn('message from bob@example.org about Barcelona');
    logger.error({ err: new Error('could not parse "pay with 4111111111111111"') }, 'tool failed');
    logger.child({ requestId: 'r1' }).debug({ text: 'my number is 612345678' }, 'child line');

    const output = lines.join('');
    for (const secret of ['ana@mail.com', '612 345 678', '4111 1111 1111 1111', 'bob@example.org', '4111111111111111', '612345678']) {
      expect(output).not.toContain(secret);
    }
    const [first, second, third, fourth] = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(first).toMatchObject({ msg: 'chat turn', content: 'I am [email], call me on [phone]', meta: { history: ['card [card]'] } });
    expect(second.msg).toBe('message from [email] about Barcelona');
    expect((third.err as { message: string }).message).toBe('could not parse "pay with [card]"');
    expect(fourth).toMatchObject({ requestId: 'r1', text: 'my number is [phone]', msg: 'child line' });
  });

  it('writes a line marked as built from redacted values as it is, and still redacts its message or any unmarked line', () => {
    const { logger, lines } = capturingLogger();
    // The mark vouches for the fields only: a marked line with a message that could hold data is scanned.
    logger.info({ [PRE_REDACTED]: true, req: { url: '/x?to=ana@mail.com' } }, 'request completed');
    logger.info({ [PRE_REDACTED]: true, req: { url: '/x?to=ana@mail.com' } }, 'mail ana@mail.com');
    logger.info({ req: { url: '/x?to=ana@mail.com' } }, 'request completed');
    const [marked, markedWithData, unmarked] = lines.map((line) => JSON.parse(line) as { req: { url: string }; msg: string });
    expect(marked.req.url).toBe('/x?to=ana@mail.com');
    expect(markedWithData).toMatchObject({ req: { url: '/x?to=[email]' }, msg: 'mail [email]' });
    expect(unmarked.req.url).toBe('/x?to=[email]');
    expect(lines[0]).not.toContain('preRedacted');
  });

  it('keeps betting figures and class instances as they are', () => {
    class Request {
      constructor(readonly url: string) {}
    }
    const request = new Request('/x?email=a@b.com');
    const [fields, text] = redactLogArguments([{ odds: '2.50', score: '2-1', stake: '€50', request }, 'Barcelona vs Madrid on 2026-05-12 20:45']);
    expect(fields).toEqual({ odds: '2.50', score: '2-1', stake: '€50', request });
    expect((fields as { request: Request }).request).toBe(request);
    expect(text).toBe('Barcelona vs Madrid on 2026-05-12 20:45');
  });

  it('redacts request URLs, reading percent-encoded query strings', () => {
    expect(redactUrl('/api/v1/sports/fixtures?team=barca')).toBe('/api/v1/sports/fixtures?team=barca');
    expect(redactUrl('/api/v1/sports/teams/ana%40mail.com')).toBe('/api/v1/sports/teams/[email]');
    expect(redactUrl('/x?q=call+me+on+%2B34+612+345+678')).toBe('/x?q=call me on [phone]');
    expect(redactUrl('/x?q=%E0%A4%A')).toBe('/x?q=%E0%A4%A');
    expect(redactUrl(undefined)).toBeUndefined();
  });

  it('masks credentials in query strings', () => {
    expect(redactUrl('/ws/chat?token=eyJhbGciOi.abc.def&session_id=s1')).toBe('/ws/chat?token=[redacted]&session_id=s1');
    expect(redactUrl('/x?a=1&ACCESS_TOKEN=t&user_key=k&password=p')).toBe('/x?a=1&ACCESS_TOKEN=[redacted]&user_key=[redacted]&password=[redacted]');
  });
});
