/**
 * Low-level HTTP client of the ChatBet upstream (contract notes: CHATBET_API.md): endpoints,
 * query names and headers exactly as the upstream expects them, plus the resilience around every call
 * (cockatiel policies: a bulkhead, a timeout per attempt, retries with backoff that honour
 * Retry-After, a circuit breaker) and the upstream token. It returns the parsed
 * JSON untouched; turning it into the domain model is the adapter's job.
 */
import { Inject, Injectable, Logger, type OnModuleDestroy, Optional } from '@nestjs/common';
import http from 'node:http';
import https from 'node:https';
import { bulkhead, BulkheadRejectedError, handleWhen, retry, timeout, TimeoutStrategy, type BulkheadPolicy, type TimeoutPolicy } from 'cockatiel';
import {
  CircuitOpenError,
  fullJitterBackoff,
  parseRetryAfterMs,
  RetryAfterBackoff,
  UpstreamCircuit,
  type CircuitBreakerSnapshot,
} from '@app/common';
import { chatbetConfig, type ChatBetConfig } from '@app/config';
import { SpanKind } from '@opentelemetry/api';
import { injectTraceHeaders, recordFailure, startSpan, withActiveSpan } from '@app/telemetry';
import { Clock, SystemClock } from '../clock.js';
import {
  UpstreamMalformedResponseError,
  UpstreamRejectedError,
  UpstreamUnavailableError,
} from '../domain/errors.js';
import { ChatBetAdapter } from './chatbet.adapter.js';
import { isRetryableStatus } from './retry-policy.js';

export type ChatBetLanguage = 'en' | 'es' | 'pt_br';
/**
 * `pre_match` and `live` are the published values. `finished` is not in the published contract: it is
 * asked for results, and callers must expect the upstream to refuse it.
 */
export type ChatBetFixtureType = 'pre_match' | 'live' | 'finished';

/** A selection of a bet slip, as `/place-bet` and `/combo-bet-calculation` take it: every value a string. */
export interface ChatBetBetLeg {
  betId: string;
  fixtureId: string;
  odd: string;
  sportId: string;
  tournamentId: string;
}

export interface ChatBetUser {
  id: string;
  userKey: string;
}

export interface ChatBetPlaceBetRequest {
  user: ChatBetUser;
  amount: string;
  source: string;
  legs: ChatBetBetLeg[];
  language?: 'en' | 'es';
  /** ISO country code such as "BR". */
  countryCode?: string;
}

export interface ChatBetClientStats {
  breaker: CircuitBreakerSnapshot;
  /** HTTP requests actually sent upstream, retries included. */
  requests: number;
  retries: number;
  tokensGenerated: number;
}

/** How long a generated token is assumed to live: the upstream does not say. */
export const TOKEN_TTL_MS = 60 * 60 * 1000;
/** Tokens are replaced this long before their assumed expiry so none expires mid-request. */
export const TOKEN_REFRESH_MARGIN_MS = 5 * 60 * 1000;

const BACKOFF = { baseMs: 200, capMs: 5_000, maxRetryAfterMs: 10_000 };
const MAX_SOCKETS = 32;
/** Requests waiting for one of the MAX_SOCKETS slots; past this the upstream is called overloaded at once. */
const MAX_QUEUED = 512;

type Query = Record<string, string | number | boolean | undefined>;

interface RequestSpec {
  method: 'GET' | 'POST';
  path: string;
  query?: Query;
  body?: unknown;
  headers?: Record<string, string>;
  /**
   * False for calls that change state upstream (placing a bet): those are retried only when the
   * upstream certainly did not act on them (429, or the connection was refused).
   */
  idempotent?: boolean;
}

type AttemptFailureKind = 'network' | 'timeout' | 'status' | 'malformed';

/** Why one HTTP attempt failed; turned into a domain error once retrying is over. */
class AttemptError extends Error {
  constructor(
    readonly kind: AttemptFailureKind,
    message: string,
    readonly status?: number,
    readonly retryAfterMs?: number,
    readonly detail?: string,
    /** True when the request cannot have reached the upstream application (connection refused). */
    readonly notSent = false,
  ) {
    super(message);
    this.name = AttemptError.name;
  }

  /** Failures that say something about the upstream's health, as opposed to about our request. */
  get countsAgainstUpstream(): boolean {
    return this.kind !== 'status' || isRetryableStatus(this.status ?? 0);
  }

  get retryable(): boolean {
    return this.kind === 'network' || this.kind === 'timeout' || (this.kind === 'status' && isRetryableStatus(this.status ?? 0));
  }

  get authRejected(): boolean {
    return this.kind === 'status' && (this.status === 401 || this.status === 403);
  }
}

@Injectable()
export class ChatBetApiClient implements OnModuleDestroy {
  private readonly logger = new Logger(ChatBetApiClient.name);
  private readonly clock: Clock;
  private readonly breaker: UpstreamCircuit;
  private readonly bulkhead: BulkheadPolicy = bulkhead(MAX_SOCKETS, MAX_QUEUED);
  private readonly attemptTimeout: TimeoutPolicy;
  private readonly httpAgent = new http.Agent({ keepAlive: true, maxSockets: MAX_SOCKETS });
  private readonly httpsAgent = new https.Agent({ keepAlive: true, maxSockets: MAX_SOCKETS });
  private token?: { value: string; refreshAt: number };
  private pendingToken?: Promise<string>;
  private requests = 0;
  private retries = 0;
  private tokensGenerated = 0;

  constructor(
    @Inject(chatbetConfig.KEY) private readonly config: ChatBetConfig,
    private readonly adapter: ChatBetAdapter,
    @Optional() clock?: Clock,
  ) {
    this.clock = clock ?? new SystemClock();
    this.breaker = new UpstreamCircuit({
      failureThreshold: config.circuitFailureThreshold,
      resetMs: config.circuitResetMs,
      isFailure: (error) => error instanceof AttemptError && error.countsAgainstUpstream,
      now: () => this.clock.now().getTime(),
      onStateChange: (from, to) => this.logger.warn(`ChatBet circuit ${from} -> ${to}`),
    });
    // Cooperative: the attempt itself turns the abort into a timeout failure and closes the socket.
    this.attemptTimeout = timeout(config.timeoutMs, TimeoutStrategy.Cooperative);
  }

  onModuleDestroy(): void {
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }

  stats(): ChatBetClientStats {
    return {
      breaker: this.breaker.snapshot(),
      requests: this.requests,
      retries: this.retries,
      tokensGenerated: this.tokensGenerated,
    };
  }

  // --- Sports, tournaments, fixtures, odds: no token needed ---

  getSports(): Promise<unknown> {
    return this.request({ method: 'GET', path: '/sports' });
  }

  getTournaments(params: { sportId: string; language?: ChatBetLanguage; withActiveFixtures?: boolean }): Promise<unknown> {
    return this.request({
      method: 'GET',
      path: '/sports/tournaments',
      query: {
        sport_id: params.sportId,
        language: params.language ?? 'en',
        with_active_fixtures: params.withActiveFixtures ?? false,
      },
    });
  }

  getAllTournaments(params: { language?: ChatBetLanguage; withActiveFixtures?: boolean } = {}): Promise<unknown> {
    return this.request({
      method: 'GET',
      path: '/sports/all-tournaments',
      query: { language: params.language ?? 'en', with_active_fixtures: params.withActiveFixtures ?? false },
    });
  }

  getFixtures(params: {
    tournamentId: string;
    type: ChatBetFixtureType;
    language?: ChatBetLanguage;
    timeZone?: string;
  }): Promise<unknown> {
    return this.request({
      method: 'GET',
      path: '/sports/fixtures',
      query: {
        tournamentId: params.tournamentId,
        type: params.type,
        language: params.language ?? 'en',
        time_zone: params.timeZone ?? 'UTC',
      },
    });
  }

  getSportsFixtures(params: {
    sportId: string;
    type: ChatBetFixtureType;
    language?: ChatBetLanguage;
    timeZone?: string;
  }): Promise<unknown> {
    return this.request({
      method: 'GET',
      path: '/sports/sports-fixtures',
      query: {
        sportId: params.sportId,
        type: params.type,
        language: params.language ?? 'en',
        time_zone: params.timeZone ?? 'UTC',
      },
    });
  }

  /** `amount` is effectively required upstream; 1 makes `profit` equal the odds. */
  getOdds(params: { sportId: string; tournamentId: string; fixtureId: string; amount?: number }): Promise<unknown> {
    return this.request({
      method: 'GET',
      path: '/sports/odds',
      query: {
        sportId: params.sportId,
        tournamentId: params.tournamentId,
        fixtureId: params.fixtureId,
        amount: params.amount ?? 1,
      },
    });
  }

  // --- Users and betting: these carry the `token` header ---

  /** True when the upstream accepts the current token; any non-200 answer means it does not. */
  async validateToken(): Promise<boolean> {
    const token = await this.currentToken();
    try {
      await this.request({ method: 'GET', path: '/auth/validate_token', headers: { token } });
      return true;
    } catch (error) {
      if (error instanceof UpstreamRejectedError) return false;
      throw error;
    }
  }

  validateUser(userKey: string): Promise<unknown> {
    return this.request({ method: 'GET', path: '/auth/validate_user', query: { userKey } });
  }

  getUserBalance(userId: string, userKey: string): Promise<unknown> {
    return this.withToken({ method: 'GET', path: '/auth/get_user_balance', query: { userId, userKey } });
  }

  placeBet(bet: ChatBetPlaceBetRequest): Promise<unknown> {
    return this.withToken({
      method: 'POST',
      path: '/place-bet',
      idempotent: false,
      headers: {
        'accept-language': bet.language ?? 'en',
        ...(bet.countryCode === undefined ? {} : { 'country-code': bet.countryCode }),
      },
      body: {
        user: { id: bet.user.id, userKey: bet.user.userKey },
        betInfo: { amount: bet.amount, source: bet.source, betId: bet.legs },
      },
    });
  }

  /** An accumulator: the documented body is `{betsInfo, amount, user}`, with the same headers as `/place-bet`. */
  placeComboBet(bet: ChatBetPlaceBetRequest): Promise<unknown> {
    return this.withToken({
      method: 'POST',
      path: '/place-combo-bet',
      idempotent: false,
      headers: {
        'accept-language': bet.language ?? 'en',
        ...(bet.countryCode === undefined ? {} : { 'country-code': bet.countryCode }),
      },
      body: { betsInfo: bet.legs, amount: bet.amount, user: { id: bet.user.id, userKey: bet.user.userKey } },
    });
  }

  comboBetCalculation(legs: ChatBetBetLeg[], amount: string): Promise<unknown> {
    return this.request({ method: 'POST', path: '/combo-bet-calculation', body: { betsInfo: legs, amount } });
  }

  // --- Token ---

  /** A cached token, generated on first need and replaced shortly before its assumed expiry. */
  private async currentToken(): Promise<string> {
    if (this.token !== undefined && this.clock.now().getTime() < this.token.refreshAt) return this.token.value;
    // Concurrent callers share one generation request.
    this.pendingToken ??= this.generateToken().finally(() => {
      this.pendingToken = undefined;
    });
    return this.pendingToken;
  }

  private async generateToken(): Promise<string> {
    const raw = await this.request({ method: 'POST', path: '/auth/generate_token', body: {} });
    const value = this.adapter.toToken(raw);
    if (value === undefined) throw new UpstreamMalformedResponseError('/auth/generate_token');
    this.tokensGenerated++;
    this.token = { value, refreshAt: this.clock.now().getTime() + TOKEN_TTL_MS - TOKEN_REFRESH_MARGIN_MS };
    return value;
  }

  /** Sends the token; if the upstream refuses it (401/403), replaces it once and tries again. */
  private async withToken(spec: RequestSpec): Promise<unknown> {
    const token = await this.currentToken();
    try {
      return await this.request({ ...spec, headers: { ...spec.headers, token } });
    } catch (error) {
      if (!(error instanceof UpstreamRejectedError) || (error.upstreamStatus !== 401 && error.upstreamStatus !== 403)) {
        throw error;
      }
      this.logger.log(`ChatBet refused the token (HTTP ${error.upstreamStatus}); generating a new one`);
      if (this.token?.value === token) this.token = undefined;
      const fresh = await this.currentToken();
      return this.request({ ...spec, headers: { ...spec.headers, token: fresh } });
    }
  }

  // --- Transport and resilience ---

  /**
   * retry → circuit breaker → bulkhead → timeout → one HTTP exchange. A retry is skipped once the
   * circuit is open (waiting out a backoff would change nothing) and, for calls that change state
   * upstream, unless the upstream certainly did not act on the request.
   */
  private async request(spec: RequestSpec): Promise<unknown> {
    const baseUrl = this.config.baseUrl;
    if (baseUrl === undefined) throw new UpstreamUnavailableError('The ChatBet API base URL is not configured');
    const retryPolicy = retry(
      handleWhen(
        (error) =>
          error instanceof AttemptError &&
          error.retryable &&
          (spec.idempotent !== false || error.status === 429 || error.notSent) &&
          this.breaker.currentState() !== 'open',
      ),
      {
        maxAttempts: this.config.maxRetries,
        backoff: new RetryAfterBackoff({
          hint: (error) => (error instanceof AttemptError ? error.retryAfterMs : undefined),
          maxRetryAfterMs: BACKOFF.maxRetryAfterMs,
          fallback: fullJitterBackoff(BACKOFF.baseMs, BACKOFF.capMs),
        }),
      },
    );
    retryPolicy.onRetry((event) => {
      this.retries++;
      const reason = 'error' in event && event.error instanceof Error ? event.error.message : 'failed';
      this.logger.warn(`ChatBet ${spec.method} ${spec.path} failed (${reason}); retry ${event.attempt} in ${event.delay} ms`);
    });
    try {
      return await retryPolicy.execute(({ attempt }) =>
        this.breaker.execute(() => this.bulkhead.execute(() => this.attemptTimeout.execute(({ signal }) => this.attempt(baseUrl, spec, signal, attempt)))),
      );
    } catch (error) {
      if (error instanceof CircuitOpenError) throw circuitOpen(error.retryAfterMs);
      if (error instanceof BulkheadRejectedError) throw new UpstreamUnavailableError('Too many sports data requests are waiting; try again shortly', 1);
      if (!(error instanceof AttemptError)) throw error;
      // This failure may have just opened the circuit: say how long the pause lasts.
      const breaker = this.breaker.snapshot();
      if (error.retryable && breaker.state === 'open') throw circuitOpen(breaker.retryAfterMs ?? this.config.circuitResetMs);
      throw this.toDomainError(error, spec);
    }
  }

  private toDomainError(error: AttemptError, spec: RequestSpec): Error {
    this.logger.warn(`ChatBet ${spec.method} ${spec.path} gave up: ${error.message}`);
    if (error.kind === 'malformed') return new UpstreamMalformedResponseError(spec.path);
    if (error.kind === 'status' && !isRetryableStatus(error.status ?? 0)) {
      return new UpstreamRejectedError(error.status ?? 0, error.detail);
    }
    const retryAfterSeconds = error.retryAfterMs === undefined ? undefined : Math.max(1, Math.ceil(error.retryAfterMs / 1000));
    return new UpstreamUnavailableError(undefined, retryAfterSeconds);
  }

  /**
   * One HTTP exchange; `signal` aborts when the configured timeout passes, from sending to the last
   * byte. Traced as an HTTP client span (a child of the tool that asked), and the upstream gets the
   * trace's `traceparent`. `resendCount` is 0 for the first attempt.
   */
  private attempt(baseUrl: string, spec: RequestSpec, signal: AbortSignal, resendCount: number): Promise<unknown> {
    const url = new URL(baseUrl + spec.path);
    for (const [name, value] of Object.entries(spec.query ?? {})) {
      if (value !== undefined) url.searchParams.set(name, String(value));
    }
    const body = spec.body === undefined ? undefined : JSON.stringify(spec.body);
    const secure = url.protocol === 'https:';
    const headers: Record<string, string | number> = {
      accept: 'application/json',
      ...(body === undefined ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }),
      ...spec.headers,
    };
    this.requests++;
    // The query is left out of the span: it can carry a user key.
    const span = startSpan(`${spec.method} ${spec.path}`, {
      kind: SpanKind.CLIENT,
      attributes: {
        'http.request.method': spec.method,
        'server.address': url.hostname,
        'server.port': Number(url.port || (secure ? 443 : 80)),
        'url.path': spec.path,
        ...(resendCount > 0 ? { 'http.request.resend_count': resendCount } : {}),
      },
    });
    withActiveSpan(span, () => injectTraceHeaders(headers));

    return new Promise((resolve, reject) => {
      let settled = false;
      const settle = (outcome: () => void, status?: number, failure?: AttemptError) => {
        if (settled) return;
        settled = true;
        signal.removeEventListener('abort', onTimeout);
        if (status !== undefined) span.setAttribute('http.response.status_code', status);
        if (failure) recordFailure(span, failure, failure.kind === 'status' ? String(status) : failure.kind);
        span.end();
        outcome();
      };
      const fail = (error: AttemptError) => settle(() => reject(error), error.status, error);
      const request = (secure ? https : http).request(url, {
        method: spec.method,
        agent: secure ? this.httpsAgent : this.httpAgent,
        headers,
      });
      const onTimeout = () => {
        fail(new AttemptError('timeout', `no complete answer within ${this.config.timeoutMs} ms`));
        request.destroy();
      };
      signal.addEventListener('abort', onTimeout, { once: true });

      request.on('error', (error: NodeJS.ErrnoException) => {
        const notSent = error.code === 'ECONNREFUSED';
        fail(new AttemptError('network', error.code ?? error.message, undefined, undefined, undefined, notSent));
      });
      request.on('response', (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', (error) => fail(new AttemptError('network', error.message)));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const status = response.statusCode ?? 0;
          if (status < 200 || status >= 300) {
            const retryAfterMs = parseRetryAfterMs(response.headers['retry-after'], this.clock.now().getTime());
            fail(new AttemptError('status', `HTTP ${status}`, status, retryAfterMs, errorDetail(text)));
            return;
          }
          let parsed: unknown;
          try {
            parsed = text.length === 0 ? null : (JSON.parse(text) as unknown);
          } catch {
            fail(new AttemptError('malformed', `HTTP ${status} with a body that is not JSON`, status));
            return;
          }
          settle(() => resolve(parsed), status);
        });
      });
      request.end(body);
    });
  }
}

function circuitOpen(retryAfterMs: number): UpstreamUnavailableError {
  return new UpstreamUnavailableError('Sports data source is failing; requests are paused', Math.max(1, Math.ceil(retryAfterMs / 1000)));
}

/** FastAPI puts its explanation in `detail`: a string, or a list of validation problems. */
function errorDetail(text: string): string | undefined {
  try {
    const parsed = JSON.parse(text) as unknown;
    if (parsed !== null && typeof parsed === 'object' && 'detail' in parsed) {
      const detail = (parsed as { detail: unknown }).detail;
      return typeof detail === 'string' ? detail : JSON.stringify(detail);
    }
  } catch {
    // Not JSON: fall through to the raw text.
  }
  return text.length > 0 ? text.slice(0, 200) : undefined;
}
