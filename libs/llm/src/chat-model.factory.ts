import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { ChatGoogleGenerativeAI } from '@langchain/google-genai';
import type { GeminiConfig } from '@app/config';
import type { ChatModelSelection } from './agent/chat-model.runner.js';

/**
 * Chooses the chat model from config: Gemini when an API key is set, otherwise the offline engine
 * (which is also what Gemini fault handling falls back to).
 */
export function createChatModel(config: GeminiConfig, offline: BaseChatModel): ChatModelSelection {
  if (config.enabled && config.apiKey) {
    const model = new ChatGoogleGenerativeAI({
      apiKey: config.apiKey,
      model: config.model,
      temperature: config.temperature,
      ...(config.maxOutputTokens !== undefined ? { maxOutputTokens: config.maxOutputTokens } : {}),
      ...(config.baseUrl ? { baseUrl: config.baseUrl } : {}),
      streaming: true,
    });
    return { model, mode: 'gemini' };
  }
  return { model: offline, mode: 'offline' };
}
