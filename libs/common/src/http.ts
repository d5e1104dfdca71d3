import type { FastifyReply, FastifyRequest } from 'fastify';

/** The request and reply objects controllers, guards and interceptors see (the HTTP server is Fastify). */
export type HttpRequest = FastifyRequest;
export type HttpReply = FastifyReply;

/** The path of a request URL, without its query string. */
export function pathOf(url: string): string {
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}
