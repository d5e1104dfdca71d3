import { Injectable } from '@nestjs/common';
import { TokenService } from '@app/auth';
import { type HttpRequest, pathOf } from '@app/common';
import { addressKey } from './address-key.js';

/** Name of the throttler that limits chat turns (CHAT_RATE_LIMIT_PER_MINUTE). */
export const CHAT_THROTTLER = 'chat';

/** Routes that run a chat turn; the chat limit applies to them only (the per-address limit applies everywhere). */
const CHAT_TURN_ROUTES = new Set(['/api/v1/chat/message', '/api/v1/chat/stream']);
const SAFE_ID = /^[A-Za-z0-9_-]{1,64}$/;
const BEARER = /^Bearer +([A-Za-z0-9_.-]{1,4096}) *$/i;

export function isChatTurn(req: Pick<HttpRequest, 'method' | 'url' | 'routeOptions'>): boolean {
  const path = (req.routeOptions.url ?? pathOf(req.url)).replace(/\/+$/, '');
  return req.method === 'POST' && CHAT_TURN_ROUTES.has(path);
}

/**
 * Whose chat turns are counted together: the verified subject of a valid bearer token, else the
 * conversation named in the body, else the client address. The guard runs before validation, so
 * the body is read defensively; an invalid token is not refused here (authentication is not this
 * limit's job), it just does not name a user.
 */
@Injectable()
export class ChatTurnTracker {
  constructor(private readonly tokens: TokenService) {}

  async trackerOf(req: HttpRequest): Promise<string> {
    const bearer = BEARER.exec(req.headers.authorization ?? '')?.[1];
    if (bearer) {
      try {
        return `user:${(await this.tokens.verify(bearer)).sub}`;
      } catch {
        // Counted by session or address below.
      }
    }
    const sessionId: unknown = (req.body as { session_id?: unknown } | undefined)?.session_id;
    if (typeof sessionId === 'string' && SAFE_ID.test(sessionId)) return `session:${sessionId}`;
    return `ip:${addressKey(req.ip)}`;
  }
}
