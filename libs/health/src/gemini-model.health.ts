import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import { appConfig, type AppConfig } from '@app/config';
import { GeminiModelCheck } from '@app/llm';

/**
 * The configured Gemini model (GEMINI_MODEL), as the start-up check and the chat turns found it.
 * A missing or retired model makes production not ready: every answer there would come from the
 * offline engine. Elsewhere the state is shown but readiness stays up, so development works offline.
 */
@Injectable()
export class GeminiModelHealthIndicator {
  constructor(
    private readonly health: HealthIndicatorService,
    private readonly modelCheck: GeminiModelCheck,
    @Inject(appConfig.KEY) private readonly app: AppConfig,
  ) {}

  /** The indicator to run, when Gemini is the chat model. */
  checks(): Array<() => Promise<HealthIndicatorResult>> {
    return this.modelCheck.applies ? [() => this.check()] : [];
  }

  private async check(): Promise<HealthIndicatorResult> {
    const indicator = this.health.check('geminiModel');
    const status = this.modelCheck.refreshedStatus();
    return status.state === 'not-found' && this.app.isProduction ? indicator.down({ ...status }) : indicator.up({ ...status });
  }
}
