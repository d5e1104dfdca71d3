/**
 * The generation settings Gemini gets, from config: a temperature only when one is set, the
 * thinking level on Gemini 3 models, and never a thinking level together with a thinking budget
 * (the API refuses such a request with 400 INVALID_ARGUMENT).
 */
import type { GoogleGenerativeAIChatInput } from '@langchain/google-genai';
import type { GeminiConfig, GeminiThinkingLevel } from '@app/config';

type ThinkingConfig = NonNullable<GoogleGenerativeAIChatInput['thinkingConfig']>;
type ThinkingLevelName = NonNullable<ThinkingConfig['thinkingLevel']>;

export type GeminiGenerationInput = Pick<GeminiConfig, 'model' | 'temperature' | 'thinkingLevel' | 'maxOutputTokens'>;
export type GeminiGenerationFields = Pick<GoogleGenerativeAIChatInput, 'temperature' | 'maxOutputTokens' | 'thinkingConfig'>;

// The REST enum names. LangChain's typings list LOW, MEDIUM and HIGH only; the API also takes MINIMAL
// (Gemini 3.5 Flash, 3.1 Flash-Lite), and LangChain passes the value through untouched.
const LEVEL_NAMES: Record<GeminiThinkingLevel, string> = { minimal: 'MINIMAL', low: 'LOW', medium: 'MEDIUM', high: 'HIGH' };

/**
 * Gemini 3 and later models: thinking levels, thought signatures on function calls, and a default
 * temperature of 1.0 that Google recommends keeping. Earlier models (2.x) take a thinking budget
 * instead of a level, so they get neither.
 */
export function isGemini3OrLater(model: string): boolean {
  const major = /^(?:models\/)?gemini-(\d+)/.exec(model)?.[1];
  return major !== undefined && Number(major) >= 3;
}

/** The ChatGoogleGenerativeAI fields that shape generation. */
export function geminiGenerationFields(config: GeminiGenerationInput): GeminiGenerationFields {
  return {
    ...(config.temperature !== undefined ? { temperature: config.temperature } : {}),
    ...(config.maxOutputTokens !== undefined ? { maxOutputTokens: config.maxOutputTokens } : {}),
    ...(isGemini3OrLater(config.model) ? { thinkingConfig: { thinkingLevel: LEVEL_NAMES[config.thinkingLevel] as ThinkingLevelName } } : {}),
  };
}

/** What the operator should hear about these settings at start-up; each is logged once. */
export function geminiGenerationWarnings(config: GeminiGenerationInput): string[] {
  const warnings: string[] = [];
  if (config.temperature !== undefined && config.temperature < 1 && isGemini3OrLater(config.model)) {
    warnings.push(
      `GEMINI_TEMPERATURE=${config.temperature} is below 1.0 on ${config.model}; it is sent as set, but Google recommends leaving ` +
        'Gemini 3 models at their default temperature (1.0), as lower values can make them loop or reason worse. Unset GEMINI_TEMPERATURE to use the default.',
    );
  }
  return warnings;
}

interface ThinkingSettings {
  thinkingLevel?: unknown;
  thinkingBudget?: unknown;
}

/** The part of a GenerateContentRequest this module looks at. */
export interface GenerationRequestShape {
  generationConfig?: { thinkingConfig?: ThinkingSettings };
  tools?: unknown;
}

/**
 * The request with at most one thinking setting: when both a level and a budget are present the
 * budget is dropped (the level is what Gemini 3 models take). Returns the request unchanged, and
 * `dropped: false`, when there was nothing to drop.
 */
export function withOneThinkingSetting<T extends GenerationRequestShape>(request: T): { request: T; dropped: boolean } {
  const thinking = request.generationConfig?.thinkingConfig;
  if (thinking?.thinkingLevel === undefined || thinking.thinkingBudget === undefined) return { request, dropped: false };
  const { thinkingBudget: _dropped, ...levelOnly } = thinking;
  return { request: { ...request, generationConfig: { ...request.generationConfig, thinkingConfig: levelOnly } }, dropped: true };
}
