import { isAccountUserId } from '@app/accounts';
import { randomBytes } from 'node:crypto';
import { AuthenticationRequiredError, UserMismatchError } from './auth.errors.js';
import type { VerifiedToken } from './token.service.js';

/** How a request reached the chat: every one of them resolves who is asking with `resolveIdentity`. */
export type IdentityTransport = 'rest' | 'sse' | 'socket.io' | 'websocket';

/**
 * How an identity was established:
 * - `token`: a valid token (a logged-in user's, or an anonymous one from generate_token) names the owner;
 * - `claim`: only a client-chosen user_id, which proves nothing: it may continue, read or delete a
 *   session whose id it knows (as the original clients do), never list or bulk-delete;
 * - `new`: nothing at all, so the caller gets a fresh, unguessable owner and a token for it.
 */
export type IdentityProof = 'token' | 'claim' | 'new';

/** Who is asking: the owner of the sessions they open, and the verified user when a login token says so. */
export interface Identity {
  ownerId: string;
  /** Only for a logged-in user's (non-anonymous) token: balance and bets act for this user. */
  userId?: string;
  proof: IdentityProof;
}

/** Subjects of anonymous tokens; only their token may name them. */
const ANONYMOUS_SUBJECT_PREFIX = 'anon_';

/**
 * The one place transports differ: what happens when a token is sent with a user_id that is not its
 * subject. A REST or SSE request is refused (USER_MISMATCH, the caller reads the 403). The sockets
 * keep the token's subject: the original ChatBet web client sends a placeholder user_id it made up
 * with every connection, and a token always outranks a claim.
 */
const CLAIM_CONFLICT: Record<IdentityTransport, 'refuse' | 'token'> = {
  rest: 'refuse',
  sse: 'refuse',
  'socket.io': 'token',
  websocket: 'token',
};

export function isAnonymousSubject(id: string): boolean {
  return id.startsWith(ANONYMOUS_SUBJECT_PREFIX);
}

/** A fresh anonymous subject: 96 random bits, so nobody can name someone else's. */
export function newAnonymousSubject(): string {
  return `${ANONYMOUS_SUBJECT_PREFIX}${randomBytes(12).toString('base64url')}`;
}

/**
 * Who is asking, from an already verified token (or none) and a user_id the client claims (or none).
 * There is no shared owner: without either, the caller gets a fresh anonymous owner (`proof: 'new'`).
 * A claim may not name an account or an anonymous subject: those need their token.
 */
export function resolveIdentity(token: VerifiedToken | undefined, claimedUserId: string | undefined, transport: IdentityTransport): Identity {
  if (token) {
    if (claimedUserId !== undefined && claimedUserId !== token.sub && CLAIM_CONFLICT[transport] === 'refuse') throw new UserMismatchError();
    return token.anon ? { ownerId: token.sub, proof: 'token' } : { ownerId: token.sub, userId: token.sub, proof: 'token' };
  }
  if (claimedUserId === undefined) return { ownerId: newAnonymousSubject(), proof: 'new' };
  if (isAccountUserId(claimedUserId)) {
    throw new AuthenticationRequiredError(`${claimedUserId} is an account: send its access token (POST /api/v1/auth/login)`);
  }
  if (isAnonymousSubject(claimedUserId)) {
    throw new AuthenticationRequiredError(`${claimedUserId} is an anonymous owner: send the token issued with it`);
  }
  return { ownerId: claimedUserId, proof: 'claim' };
}

/**
 * Listing or deleting every conversation of `userId` needs a token whose subject it is: a claimed
 * user_id is 401, someone else's token 403.
 */
export function assertOwnsAll(identity: Identity, userId: string): void {
  if (identity.proof !== 'token') throw new AuthenticationRequiredError(`Listing or deleting all conversations of ${userId} needs its token`);
  if (identity.ownerId !== userId) throw new UserMismatchError();
}
