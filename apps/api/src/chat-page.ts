/**
 * The browser chat page: static files in `public/` under the working directory (the repository in
 * development and tests, /app in the Docker image). `index.html` is answered at `/` (to clients that
 * prefer HTML) and at `/ws/test`; the rest is served under `/assets/`.
 */
import { StreamableFile } from '@nestjs/common';
import { type HttpReply, type HttpRequest, pathOf } from '@app/common';
import accepts from 'accepts';
import type { FastifyInstance } from 'fastify';
import { createReadStream } from 'node:fs';
import { join, resolve } from 'node:path';

export const CHAT_PAGE_PATH = '/ws/test';
export const CHAT_ASSETS_PREFIX = '/assets/';

/**
 * The page's Content-Security-Policy: it loads nothing inline and nothing from other origins, and
 * connects only to its own origin (REST and Socket.IO).
 */
export const CHAT_PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export function publicDir(): string {
  return resolve(process.cwd(), 'public');
}

/** True when the client ranks HTML above JSON: browsers do, `curl` and API clients (any or no Accept) do not. */
export function prefersHtml(req: Pick<HttpRequest, 'raw'>): boolean {
  return accepts(req.raw).type(['application/json', 'text/html']) === 'text/html';
}

export function chatPage(): StreamableFile {
  return new StreamableFile(createReadStream(join(publicDir(), 'index.html')), { type: 'text/html; charset=utf-8' });
}

function isChatPageRequest(req: HttpRequest, path: string): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  return path === CHAT_PAGE_PATH || (path === '/' && prefersHtml(req));
}

/**
 * Headers of the page responses only: the strict CSP above, no caching of the HTML, and
 * `Vary: Accept` on `/`, whose answer depends on it. Everything else, Swagger UI included, keeps
 * the app-wide security headers.
 */
export function registerChatPageHeaders(server: FastifyInstance): void {
  server.addHook('onRequest', (req: HttpRequest, reply: HttpReply, done) => {
    const path = pathOf(req.url);
    if (path === '/') {
      const vary = reply.getHeader('vary');
      reply.header('vary', vary ? `${String(vary)}, Accept` : 'Accept');
    }
    if (isChatPageRequest(req, path)) {
      reply.header('cache-control', 'no-cache');
      reply.header('content-security-policy', CHAT_PAGE_CSP);
    }
    done();
  });
}
