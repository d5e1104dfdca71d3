/**
 * Whether the configured Gemini model (GEMINI_MODEL) exists: asked once at start-up through
 * `models.get` (GET /v1beta/models/{model}), and learned again whenever a chat turn gets a 404 for
 * it. Google retires models on a schedule, and a retired name answers 404 to every request, so a
 * deployment left on one would answer every turn offline without saying why.
 */
import { Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DEFAULT_GEMINI_MODEL, GEMINI_DEFAULT_BASE_URL, type GeminiConfig } from '@app/config';

/**
 * `unchecked`: Gemini is not the chat model, or the start-up check has not run yet.
 * `available`: models.get answered 200. `not-found`: the API answered 404 (retired or misspelled).
 * `unverified`: the check could not tell (no answer, a refused key, a server error).
 */
export type GeminiModelState = 'unchecked' | 'available' | 'not-found' | 'unverified';

export interface GeminiModelStatus {
  model: string;
  state: GeminiModelState;
  /** From models.get, when it answered. */
  version?: string;
  displayName?: string;
  /** When the state was last learned (ISO 8601). */
  checkedAt?: string;
  /** What the state rests on: the HTTP status and message, or the network error. */
  detail?: string;
}

/** What the Gemini path tells the check when a turn gets a 404 for the model. */
export interface ModelNotFoundReporter {
  reportNotFound(detail: string): void;
}

interface ModelResource {
  version?: unknown;
  displayName?: unknown;
}

const CHECK_TIMEOUT_MS = 5_000;
// An unverified model is asked again when someone reads the state, but not more often than this.
const RECHECK_UNVERIFIED_MS = 30_000;

/** Provided by LlmModule, which knows the chat model chosen at start-up. */
export class GeminiModelCheck implements OnApplicationBootstrap, ModelNotFoundReporter {
  private readonly logger = new Logger(GeminiModelCheck.name);
  private current: GeminiModelStatus;
  private adviceLogged = false;
  private inFlight?: Promise<GeminiModelStatus>;

  constructor(
    private readonly config: GeminiConfig,
    /** Whether Gemini is the chat model (`ChatModelSelection`), so that there is a model to check. */
    readonly applies: boolean,
  ) {
    this.current = { model: config.model, state: 'unchecked' };
  }

  /** Start-up waits for the answer (at most CHECK_TIMEOUT_MS), so its warning comes before "listening". */
  async onApplicationBootstrap(): Promise<void> {
    if (this.applies) await this.check();
  }

  status(): GeminiModelStatus {
    return { ...this.current };
  }

  /**
   * The state as last learned; when it is `unverified` and the last try is old enough, the model is
   * asked about again in the background (a network that was down at start-up may be up now), so a
   * health probe never waits for the Gemini API.
   */
  refreshedStatus(): GeminiModelStatus {
    const age = this.current.checkedAt === undefined ? Infinity : Date.now() - Date.parse(this.current.checkedAt);
    if (this.applies && this.current.state === 'unverified' && age >= RECHECK_UNVERIFIED_MS) void this.check();
    return this.status();
  }

  /** Asks models.get about the configured model; concurrent callers share one request. */
  check(): Promise<GeminiModelStatus> {
    this.inFlight ??= this.lookUp().finally(() => (this.inFlight = undefined));
    return this.inFlight;
  }

  reportNotFound(detail: string): void {
    const first = this.current.state !== 'not-found';
    this.current = { model: this.config.model, state: 'not-found', checkedAt: new Date().toISOString(), detail };
    if (first) this.advise(`a chat turn got 404 for it (${detail})`);
  }

  private async lookUp(): Promise<GeminiModelStatus> {
    const model = this.config.model;
    const url = `${this.config.baseUrl ?? GEMINI_DEFAULT_BASE_URL}/v1beta/models/${encodeURIComponent(model)}`;
    const checkedAt = () => new Date().toISOString();
    try {
      const response = await fetch(url, { headers: { 'x-goog-api-key': this.config.apiKey ?? '' }, signal: AbortSignal.timeout(CHECK_TIMEOUT_MS) });
      const body = await response.text();
      if (response.ok) {
        const resource = parseObject<ModelResource>(body);
        this.current = {
          model,
          state: 'available',
          checkedAt: checkedAt(),
          ...(typeof resource?.version === 'string' ? { version: resource.version } : {}),
          ...(typeof resource?.displayName === 'string' ? { displayName: resource.displayName } : {}),
        };
        this.logger.log({ msg: `Gemini model ${model} is available`, model, version: this.current.version });
      } else if (response.status === 404) {
        this.current = { model, state: 'not-found', checkedAt: checkedAt(), detail: `HTTP 404: ${errorMessageOf(body)}` };
        this.advise(`the Gemini API answered 404 for it at start-up (${errorMessageOf(body)})`);
      } else {
        this.unverified(`HTTP ${response.status}: ${errorMessageOf(body)}`);
      }
    } catch (error) {
      this.unverified(error instanceof Error ? error.message : String(error));
    }
    return this.status();
  }

  private unverified(detail: string): void {
    const again = this.current.state === 'unverified';
    this.current = { model: this.config.model, state: 'unverified', checkedAt: new Date().toISOString(), detail };
    // Said once; the periodic re-checks that fail the same way only go to debug.
    const log = { msg: `Could not confirm that Gemini model ${this.config.model} (GEMINI_MODEL) exists: ${detail}`, model: this.config.model };
    if (again) this.logger.debug(log);
    else this.logger.warn(log);
  }

  /** The advice for a missing model, logged once however often the model is found missing. */
  private advise(how: string): void {
    if (this.adviceLogged) return;
    this.adviceLogged = true;
    const suggestion = this.config.model === DEFAULT_GEMINI_MODEL ? '' : `, such as ${DEFAULT_GEMINI_MODEL}`;
    this.logger.warn({
      msg:
        `Gemini model "${this.config.model}" (GEMINI_MODEL) does not exist or has been retired: ${how}. ` +
        `Chat turns are answered by the offline engine until GEMINI_MODEL names a current model${suggestion} ` +
        '(see https://ai.google.dev/gemini-api/docs/models and https://ai.google.dev/gemini-api/docs/deprecations).',
      model: this.config.model,
    });
  }
}

function parseObject<T>(text: string): T | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? (value as T) : undefined;
  } catch {
    return undefined;
  }
}

/** The message of a Google API error body (`{error: {message}}`), else the start of the body. */
function errorMessageOf(body: string): string {
  const message = parseObject<{ error?: { message?: unknown } }>(body)?.error?.message;
  return typeof message === 'string' ? message : body.slice(0, 200);
}
