import { Inject, Injectable, Optional } from '@nestjs/common';
import { InvalidCredentialsError, type LoginCredentials } from '@app/accounts';
import { rateLimitConfig, type RateLimitConfig } from '@app/config';
import { MetricsService } from '@app/metrics';
import { RateLimitedError, RateLimiterService } from '@app/rate-limit';

/**
 * Failed logins are counted per account and per client address (shared by every instance through
 * Redis). Once either count reaches its limit, logins for it are refused with 429 until the lockout
 * window ends, the right password included: guessing stops paying off after a handful of tries.
 */
@Injectable()
export class LoginThrottleService {
  constructor(
    private readonly limiter: RateLimiterService,
    @Inject(rateLimitConfig.KEY) private readonly config: RateLimitConfig,
    @Optional() private readonly metrics?: MetricsService,
  ) {}

  async attempt<T>(credentials: LoginCredentials, address: string, login: () => Promise<T>): Promise<T> {
    const { maxFailuresPerAccount, maxFailuresPerAddress, lockoutMs } = this.config.login;
    const account = credentials.kind === 'password' ? `password:${credentials.username.toLowerCase()}` : `chatbet:${credentials.userId}`;
    const counters: Array<[key: string, limit: number]> = [
      [`login-failures:account:${account}`, maxFailuresPerAccount],
      [`login-failures:address:${address}`, maxFailuresPerAddress],
    ];
    for (const [key, limit] of counters) {
      const decision = await this.limiter.peek(key, limit, lockoutMs);
      if (!decision.allowed) {
        this.metrics?.rateLimited('login');
        throw new RateLimitedError('login', limit, lockoutMs, decision.retryAfterMs / 1000);
      }
    }
    try {
      return await login();
    } catch (error) {
      if (error instanceof InvalidCredentialsError) await Promise.all(counters.map(([key, limit]) => this.limiter.consume(key, limit, lockoutMs)));
      throw error;
    }
  }
}
