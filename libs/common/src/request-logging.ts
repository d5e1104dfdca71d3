import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { currentCorrelation, withCorrelation } from './correlation.js';
import { PRE_REDACTED, redactUrl } from './log-redaction.js';
import { redactPii } from './pii-redaction.js';

// The ids the server generates; a caller's own X-Request-Id is checked like any other text.
const GENERATED_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

// Health probes and Prometheus scrapes arrive every few seconds; logging them drowns real traffic.
const UNLOGGED = /^\/(health|metrics)(\/|\?|$)/;

/**
 * One log line per answered request, written when the answer is finished: `request completed`
 * (`request errored` at error level for a 5xx) with the request id, method, URL (personal data and
 * credentials redacted), status and duration. A Fastify hook on the application's pino
 * logger rather than pino-http middleware: no child logger and no async-context store per
 * request, which kept the logged service at half the throughput of an unlogged one.
 */
export function registerRequestLogging(server: FastifyInstance, logger: Logger, context: { service: string; environment: string }): void {
  // Everything the request's handling logs (services, the chat turn line, errors) carries its id.
  // Entered again before the handler: a body arrives through socket events, outside the first context.
  server.addHook('onRequest', (request, _reply, done) => withCorrelation({ requestId: request.id }, done));
  server.addHook('preHandler', (request, _reply, done) => {
    // Still inside it when no body was read (GETs): no second context for those.
    if (currentCorrelation().requestId === request.id) done();
    else withCorrelation({ requestId: request.id }, done);
  });
  const { service, environment } = context;
  server.addHook('onResponse', (request, reply, done) => {
    if (!UNLOGGED.test(request.url)) {
      const id = GENERATED_ID.test(request.id) ? request.id : redactPii(request.id);
      // The line names its request itself (first, where the logger's mixin would put it), so the
      // mixin has nothing to add and the line is written as built.
      const line = {
        requestId: request.id,
        [PRE_REDACTED]: true,
        service,
        environment,
        req: { id, method: request.method, url: redactUrl(request.url) },
        res: { statusCode: reply.statusCode },
        responseTime: Math.round(reply.elapsedTime),
      };
      if (reply.statusCode >= 500) logger.error(line, 'request errored');
      else logger.info(line, 'request completed');
    }
    done();
  });
}
