import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { HttpReply, HttpRequest } from './http.js';
import { STATUS_CODES } from 'node:http';
import { isDomainError } from './domain-error.js';
import { requestIdOf } from './request-id.js';

export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string | string[];
  requestId?: string;
  [extra: string]: unknown;
}

interface Classified {
  status: number;
  message: string | string[];
  extras: Record<string, unknown>;
  retryAfterSeconds?: number;
}

// Keys of an HttpException's object response that the body already carries in its own form.
const RESERVED = new Set(['statusCode', 'error', 'message', 'requestId']);

/**
 * Turns any thrown value into the status and body of an error answer. Used by the global filter
 * and by answers written outside it (a streamed answer's `error` event).
 */
export function toErrorResponse(exception: unknown, requestId: string | undefined, exposeInternals: boolean) {
  const { status, message, extras, retryAfterSeconds } = classify(exception, exposeInternals);
  const body: ErrorBody = { statusCode: status, error: STATUS_CODES[status] ?? 'Error', message, requestId, ...extras };
  return { status, body, retryAfterSeconds };
}

/**
 * The single place where errors become HTTP answers: `{statusCode, error, message, requestId}`.
 * Unexpected errors are logged with their stack and answered with a generic 500 body, so no
 * internals reach the client.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger(AllExceptionsFilter.name);

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly exposeInternals = false,
  ) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') return;
    const ctx = host.switchToHttp();
    const req = ctx.getRequest<HttpRequest>();
    const reply = ctx.getResponse<HttpReply>();
    const adapter = this.adapterHost.httpAdapter;
    const requestId = requestIdOf(req);
    const { status, body, retryAfterSeconds } = toErrorResponse(exception, requestId, this.exposeInternals);
    if (status >= 500 && isDomainError(exception)) {
      // An expected outage (upstream down, store unavailable): worth a warning, not a stack trace.
      this.logger.warn({ msg: exception.message, code: exception.code, requestId, method: req.method, url: req.url });
    } else if (status >= 500 && !(exception instanceof HttpException)) {
      this.logger.error({
        msg: exception instanceof Error ? exception.message : 'Unhandled error',
        err: exception,
        requestId,
        method: req.method,
        url: req.url,
      });
    }
    if (adapter.isHeadersSent(reply)) return;
    if (retryAfterSeconds !== undefined) adapter.setHeader(reply, 'Retry-After', String(Math.max(1, Math.ceil(retryAfterSeconds))));
    adapter.reply(reply, body, status);
  }
}

function classify(exception: unknown, exposeInternals: boolean): Classified {
  const early = requestParsingMessage(exception);
  if (early) return early;
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const response = exception.getResponse();
    if (typeof response === 'string') return { status, message: response, extras: {} };
    const record = response as Record<string, unknown>;
    const extras = Object.fromEntries(Object.entries(record).filter(([key]) => !RESERVED.has(key)));
    const message = (record.message as string | string[] | undefined) ?? exception.message;
    const retry = typeof record.retryAfterSeconds === 'number' ? record.retryAfterSeconds : undefined;
    return { status, message, extras, retryAfterSeconds: retry };
  }
  if (isDomainError(exception)) {
    return {
      status: exception.httpStatus,
      message: exception.message,
      extras: { code: exception.code, ...exception.details },
      retryAfterSeconds: exception.retryAfterSeconds,
    };
  }
  // Other errors that carry their own 4xx status (a library's http-errors) keep it.
  const httpish = exception as { status?: unknown; statusCode?: unknown; message?: unknown } | undefined;
  const status = Number(httpish?.status ?? httpish?.statusCode);
  if (Number.isInteger(status) && status >= 400 && status < 500) {
    return { status, message: String(httpish?.message ?? '') || 'Bad request', extras: {} };
  }
  const message = exposeInternals && exception instanceof Error ? exception.message : 'Internal server error';
  return { status: HttpStatus.INTERNAL_SERVER_ERROR, message, extras: {} };
}

// Fastify's request-parsing errors (reaching the filter as HttpExceptions caused by them), in our words.
const PARSING_MESSAGES: Record<string, string> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'Request body is too large',
  FST_ERR_CTP_INVALID_JSON_BODY: 'Request body is not valid JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'Request body is empty but its Content-Type is application/json',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'Request body length does not match Content-Length',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'Unsupported Content-Type: send application/json',
  FST_ERR_CTP_INVALID_TYPE: 'Invalid Content-Type header',
};

/** A 4xx raised while the request was read (before any handler): a parsing error or a malformed body. */
function requestParsingMessage(exception: unknown): Classified | undefined {
  const cause = exception instanceof HttpException ? exception.cause : exception;
  const error = cause as { code?: unknown; statusCode?: unknown; name?: unknown } | undefined;
  if (error === null || typeof error !== 'object') return undefined;
  const status = Number(error.statusCode);
  if (!Number.isInteger(status) || status < 400 || status >= 500) return undefined;
  const message = typeof error.code === 'string' ? PARSING_MESSAGES[error.code] : undefined;
  if (message) return { status, message, extras: {} };
  // Nest's JSON body parser throws JSON.parse's SyntaxError with status 400.
  if (error.name === 'SyntaxError') return { status, message: PARSING_MESSAGES.FST_ERR_CTP_INVALID_JSON_BODY, extras: {} };
  return undefined;
}
