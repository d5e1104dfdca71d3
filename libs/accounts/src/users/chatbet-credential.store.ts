import { Inject, Injectable } from '@nestjs/common';
import { authConfig, type AuthConfig } from '@app/config';
import { isDomainError } from '@app/common';
import { RedisService, withTimeout } from '@app/redis';
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { AccountsUnavailableError } from '../accounts.errors.js';

export interface ChatBetCredentials {
  /** The user id at ChatBet. */
  upstreamId: string;
  userKey: string;
}

const IV_BYTES = 12;
const COMMAND_TIMEOUT_MS = 2_000;

/**
 * What a ChatBet login leaves behind: ChatBet answers balance (and bet) requests only with the
 * user's key, which the access token must not carry (a JWT is signed, not encrypted). The key is
 * kept server-side, AES-256-GCM encrypted with a key derived from SECRET_KEY, for as long as a token
 * issued with it can live; every login renews it.
 */
@Injectable()
export class ChatBetCredentialStore {
  private readonly memory = new Map<string, { sealed: string; expiresAt: number }>();
  private readonly key: Buffer;
  private readonly ttlSeconds: number;

  constructor(
    private readonly redis: RedisService,
    @Inject(authConfig.KEY) auth: AuthConfig,
  ) {
    this.key = Buffer.from(hkdfSync('sha256', auth.secretKey, 'chatbet-accounts', 'chatbet user_key at rest', 32));
    // A little longer than the token, so a token never outlives what it needs.
    this.ttlSeconds = auth.accessTokenExpireMinutes * 60 + 300;
  }

  async save(accountId: string, credentials: ChatBetCredentials): Promise<void> {
    const sealed = this.seal(accountId, credentials);
    if (!this.redis.isConfigured) {
      this.memory.set(accountId, { sealed, expiresAt: Date.now() + this.ttlSeconds * 1000 });
      return;
    }
    await this.command(() => this.redis.raw.set(this.redisKey(accountId), sealed, { expiration: { type: 'EX', value: this.ttlSeconds } }));
  }

  async get(accountId: string): Promise<ChatBetCredentials | undefined> {
    let sealed: string | null | undefined;
    if (!this.redis.isConfigured) {
      const found = this.memory.get(accountId);
      if (found && found.expiresAt <= Date.now()) this.memory.delete(accountId);
      sealed = found && found.expiresAt > Date.now() ? found.sealed : undefined;
    } else {
      sealed = await this.command(() => this.redis.raw.get(this.redisKey(accountId)));
    }
    return sealed ? this.open(accountId, sealed) : undefined;
  }

  private redisKey(accountId: string): string {
    return this.redis.key('accounts', `{${accountId}}`, 'chatbet-credentials');
  }

  // The account id is authenticated data: a sealed value copied under another account does not open.
  private seal(accountId: string, credentials: ChatBetCredentials): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(accountId));
    const body = Buffer.concat([cipher.update(JSON.stringify(credentials), 'utf8'), cipher.final()]);
    return [iv, cipher.getAuthTag(), body].map((part) => part.toString('base64url')).join('.');
  }

  private open(accountId: string, sealed: string): ChatBetCredentials | undefined {
    try {
      const [iv, tag, body] = sealed.split('.').map((part) => Buffer.from(part, 'base64url'));
      const decipher = createDecipheriv('aes-256-gcm', this.key, iv);
      decipher.setAAD(Buffer.from(accountId));
      decipher.setAuthTag(tag);
      const value = JSON.parse(Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8')) as Partial<ChatBetCredentials>;
      if (typeof value.upstreamId !== 'string' || typeof value.userKey !== 'string') return undefined;
      return { upstreamId: value.upstreamId, userKey: value.userKey };
    } catch {
      // Written under another SECRET_KEY, or damaged: as if absent, so the user logs in again.
      return undefined;
    }
  }

  private async command<T>(run: () => Promise<T>): Promise<T> {
    if (!this.redis.isReady) throw new AccountsUnavailableError();
    try {
      return await withTimeout(run(), COMMAND_TIMEOUT_MS, 'ChatBet credential store timed out');
    } catch (error) {
      if (isDomainError(error)) throw error;
      throw new AccountsUnavailableError();
    }
  }
}
