import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import { chatbetConfig, type ChatBetConfig, GEMINI_DEFAULT_BASE_URL, geminiConfig, type GeminiConfig } from '@app/config';
import { round } from './redis.health.js';

const PROBE_TIMEOUT_MS = 3_000;
// Orchestrators probe readiness every few seconds; reuse a recent answer instead of calling the
// upstream each time.
const PROBE_REUSE_MS = 5_000;

interface ProbeResult {
  up: boolean;
  at: number;
  details: Record<string, unknown>;
}

/** Reachability of the configured upstreams (ChatBet API, Gemini); unconfigured ones are skipped. */
@Injectable()
export class UpstreamHealthIndicator {
  private readonly recent = new Map<string, ProbeResult>();

  constructor(
    private readonly health: HealthIndicatorService,
    @Inject(chatbetConfig.KEY) private readonly chatbet: ChatBetConfig,
    @Inject(geminiConfig.KEY) private readonly gemini: GeminiConfig,
  ) {}

  /** The indicators to run: one per configured upstream. */
  checks(): Array<() => Promise<HealthIndicatorResult>> {
    const checks: Array<() => Promise<HealthIndicatorResult>> = [];
    if (this.chatbet.baseUrl) {
      const url = `${this.chatbet.baseUrl}/sports`;
      checks.push(() => this.probe('chatbet', url));
    }
    if (this.gemini.enabled) {
      const url = `${this.gemini.baseUrl ?? GEMINI_DEFAULT_BASE_URL}/v1beta/models`;
      checks.push(() => this.probe('gemini', url));
    }
    return checks;
  }

  /** An upstream is reachable when it answers HTTP with a status below 500. */
  private async probe(key: string, url: string): Promise<HealthIndicatorResult> {
    const indicator = this.health.check(key);
    let result = this.recent.get(key);
    if (!result || Date.now() - result.at > PROBE_REUSE_MS) {
      result = await this.request(url);
      this.recent.set(key, result);
    }
    return result.up ? indicator.up(result.details) : indicator.down(result.details);
  }

  private async request(url: string): Promise<ProbeResult> {
    const started = performance.now();
    try {
      const response = await fetch(url, { method: 'GET', signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
      await response.body?.cancel();
      const latencyMs = round(performance.now() - started);
      return { up: response.status < 500, at: Date.now(), details: { statusCode: response.status, latencyMs } };
    } catch (error) {
      return { up: false, at: Date.now(), details: { message: (error as Error).message } };
    }
  }
}
