import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { ChatGoogleGenerativeAI } from '@langchain/google-genai';
import type { GeminiConfig } from '@app/config';
import type { ChatModelSelection } from './agent/chat-model.runner.js';
import { geminiGenerationFields } from './gemini/gemini-generation.settings.js';
import { ScriptedChatModel } from './scripted/scripted-chat.model.js';

/**
 * Chooses the chat model from config (LLM_PROVIDER): by default Gemini when an API key is set,
 * otherwise the offline engine (which is also what Gemini fault handling falls back to); or the
 * scripted model that measures the service's own overhead.
 */
export function createChatModel(config: GeminiConfig, offline: BaseChatModel): ChatModelSelection {
  if (config.provider === 'scripted') return { model: new ScriptedChatModel(), mode: 'scripted' };
  if (config.enabled && config.apiKey) {
    const model = new ChatGoogleGenerativeAI({
      apiKey: config.apiKey,
      model: config.model,
      ...geminiGenerationFields(config),
      ...(config.baseUrl ? { baseUrl: config.baseUrl } : {}),
      streaming: true,
    });
    return { model, mode: 'gemini' };
  }
  return { model: offline, mode: 'offline' };
}
