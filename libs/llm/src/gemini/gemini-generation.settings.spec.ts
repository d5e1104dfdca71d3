import { countThoughtsAsOutput } from './gemini-chat-model.setup.js';
import { geminiGenerationFields, geminiGenerationWarnings, isGemini3OrLater, withOneThinkingSetting } from './gemini-generation.settings.js';

const base = { model: 'gemini-3.8-flash', temperature: undefined, thinkingLevel: 'low' as const, maxOutputTokens: undefined };

describe('Gemini generation settings', () => {
  it.each([
    ['gemini-3.8-flash', true],
    ['gemini-3.5-flash-lite', true],
    ['models/gemini-3.1-pro-preview', true],
    ['gemini-10-flash', true],
    ['gemini-2.5-flash-lite', false],
    ['gemma-3-27b-it', false],
  ])('knows whether %s is a Gemini 3 or later model: %s', (model, expected) => {
    expect(isGemini3OrLater(model)).toBe(expected);
  });

  it('sends no temperature when none is configured, so the model keeps its own default', () => {
    expect(geminiGenerationFields(base)).not.toHaveProperty('temperature');
    expect(geminiGenerationFields({ ...base, temperature: 0.4 })).toMatchObject({ temperature: 0.4 });
  });

  it('sends the thinking level as its API name on Gemini 3 models, and no thinking setting to older ones', () => {
    expect(geminiGenerationFields(base).thinkingConfig).toEqual({ thinkingLevel: 'LOW' });
    expect(geminiGenerationFields({ ...base, thinkingLevel: 'minimal', model: 'gemini-3.5-flash' }).thinkingConfig).toEqual({ thinkingLevel: 'MINIMAL' });
    expect(geminiGenerationFields({ ...base, model: 'gemini-2.5-flash-lite' })).not.toHaveProperty('thinkingConfig');
  });

  it('passes GEMINI_MAX_TOKENS through only when set', () => {
    expect(geminiGenerationFields(base)).not.toHaveProperty('maxOutputTokens');
    expect(geminiGenerationFields({ ...base, maxOutputTokens: 800 })).toMatchObject({ maxOutputTokens: 800 });
  });

  it('warns about a temperature below 1 on a Gemini 3 model only', () => {
    expect(geminiGenerationWarnings({ ...base, temperature: 0.2 })).toEqual([expect.stringContaining('GEMINI_TEMPERATURE=0.2 is below 1.0 on gemini-3.8-flash')]);
    expect(geminiGenerationWarnings({ ...base, temperature: 1 })).toEqual([]);
    expect(geminiGenerationWarnings(base)).toEqual([]);
    expect(geminiGenerationWarnings({ ...base, temperature: 0.2, model: 'gemini-2.5-flash-lite' })).toEqual([]);
  });

  it('drops the thinking budget of a request that also has a thinking level, leaving the rest alone', () => {
    const request = { contents: [], generationConfig: { temperature: 1, thinkingConfig: { thinkingLevel: 'LOW', thinkingBudget: 1024, includeThoughts: true } } };
    const { request: sent, dropped } = withOneThinkingSetting(request);
    expect(dropped).toBe(true);
    expect(sent).toEqual({ contents: [], generationConfig: { temperature: 1, thinkingConfig: { thinkingLevel: 'LOW', includeThoughts: true } } });
    expect(request.generationConfig.thinkingConfig.thinkingBudget).toBe(1024);
  });

  it('leaves a request with one thinking setting, or none, as it is', () => {
    for (const request of [{ generationConfig: { thinkingConfig: { thinkingBudget: 0 } } }, { generationConfig: { thinkingConfig: { thinkingLevel: 'HIGH' } } }, {}]) {
      expect(withOneThinkingSetting(request)).toEqual({ request, dropped: false });
    }
  });

  it('counts thinking tokens as output tokens, which is how Gemini bills them', () => {
    const response = { usageMetadata: { promptTokenCount: 10, candidatesTokenCount: 5, thoughtsTokenCount: 20, totalTokenCount: 35 } };
    countThoughtsAsOutput(response);
    expect(response.usageMetadata).toEqual({ promptTokenCount: 10, candidatesTokenCount: 25, thoughtsTokenCount: 20, totalTokenCount: 35 });
    const noThinking = { usageMetadata: { candidatesTokenCount: 5 } };
    countThoughtsAsOutput(noThinking);
    expect(noThinking.usageMetadata).toEqual({ candidatesTokenCount: 5 });
  });
});
