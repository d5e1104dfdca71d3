import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { NextFunction, Request, Response } from 'express';
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
 * and by the Express error middleware that catches body-parser failures before Nest routing.
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
    const req = ctx.getRequest<Request>();
    const res = ctx.getResponse<Response>();
    const requestId = requestIdOf(req);
    const { status, body, retryAfterSeconds } = toErrorResponse(exception, requestId, this.exposeInternals);
    if (status >= 500 && isDomainError(exception)) {
      // An expected outage (upstream down, store unavailable): worth a warning, not a stack trace.
      this.logger.warn({ msg: exception.message, code: exception.code, requestId, method: req.method, url: req.originalUrl });
    } else if (status >= 500 && !(exception instanceof HttpException)) {
      this.logger.error({
        msg: exception instanceof Error ? exception.message : 'Unhandled error',
        err: exception,
        requestId,
        method: req.method,
        url: req.originalUrl,
      });
    }
    if (res.headersSent) return;
    if (retryAfterSeconds !== undefined) res.setHeader('Retry-After', String(Math.max(1, Math.ceil(retryAfterSeconds))));
    this.adapterHost.httpAdapter.reply(res, body, status);
  }

  /** Express error middleware with the same answers, for errors raised before Nest routing. */
  static expressHandler(exposeInternals: boolean) {
    return (error: unknown, req: Request, res: Response, next: NextFunction) => {
      if (res.headersSent) return next(error);
      const { status, body } = toErrorResponse(error, requestIdOf(req), exposeInternals);
      res.status(status).json(body);
    };
  }
}

function classify(exception: unknown, exposeInternals: boolean): Classified {
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
  // Errors raised by Express middleware (body-parser) carry their own 4xx status.
  const httpish = exception as { status?: unknown; statusCode?: unknown; type?: unknown; message?: unknown };
  const status = Number(httpish?.status ?? httpish?.statusCode);
  if (Number.isInteger(status) && status >= 400 && status < 500) {
    return { status, message: bodyParserMessage(httpish.type, String(httpish.message ?? '')), extras: {} };
  }
  const message = exposeInternals && exception instanceof Error ? exception.message : 'Internal server error';
  return { status: HttpStatus.INTERNAL_SERVER_ERROR, message, extras: {} };
}

function bodyParserMessage(type: unknown, fallback: string): string {
  switch (type) {
    case 'entity.too.large':
      return 'Request body is too large';
    case 'entity.parse.failed':
      return 'Request body is not valid JSON';
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return 'Unsupported request body encoding';
    default:
      return fallback || 'Bad request';
  }
}
