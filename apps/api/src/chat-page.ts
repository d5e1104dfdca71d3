/**
 * The browser chat page: static files in `public/` under the working directory (the repository in
 * development and tests, /app in the Docker image). `index.html` is answered at `/` (to clients that
 * prefer HTML) and at `/ws/test`; the rest is served under `/assets/`.
 */
import { StreamableFile } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { createReadStream } from 'node:fs';
import { join, resolve } from 'node:path';

export const CHAT_PAGE_PATH = '/ws/test';
export const CHAT_ASSETS_PREFIX = '/assets';

export function publicDir(): string {
  return resolve(process.cwd(), 'public');
}

/** True when the client ranks HTML above JSON: browsers do, `curl` and API clients (any or no Accept) do not. */
export function prefersHtml(req: Request): boolean {
  return req.accepts(['application/json', 'text/html']) === 'text/html';
}

export function chatPage(): StreamableFile {
  return new StreamableFile(createReadStream(join(publicDir(), 'index.html')), { type: 'text/html; charset=utf-8' });
}

function isChatPageRequest(req: Request): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  return req.path === CHAT_PAGE_PATH || (req.path === '/' && prefersHtml(req));
}

/**
 * Headers of the page responses only: a strict Content-Security-Policy (the page loads nothing
 * inline and nothing from other origins), no caching of the HTML, and `Vary: Accept` on `/`, whose
 * answer depends on it. Everything else, Swagger UI included, keeps the app-wide helmet set-up.
 */
export function chatPageHeaders() {
  const csp = helmet.contentSecurityPolicy({
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'"],
      fontSrc: ["'self'"],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
  });
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.path === '/') res.vary('Accept');
    if (!isChatPageRequest(req)) return next();
    res.setHeader('Cache-Control', 'no-cache');
    csp(req, res, next);
  };
}
