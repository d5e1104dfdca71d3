import { Logger, Module } from '@nestjs/common';
import { geminiConfig, type GeminiConfig } from '@app/config';
import { NluModule, NluService } from '@app/nlu';
import { SportsDataModule } from '@app/sports-data';
import { AnswerCache } from './agent/answer-cache.js';
import { AnswerGrounding } from './agent/answer-grounding.js';
import { ChatModelRunner, ChatModelSelection } from './agent/chat-model.runner.js';
import { ConversationAgent } from './agent/conversation.agent.js';
import { createChatModel } from './chat-model.factory.js';
import { geminiGenerationWarnings, isGemini3OrLater } from './gemini/gemini-generation.settings.js';
import { GeminiModelCheck } from './gemini/gemini-model.check.js';
import { OfflineChatModel } from './offline/offline-chat.model.js';
import { AccountBalanceReader, BalanceReader, UnavailableBalanceReader } from './tools/balance.reader.js';
import { BettingToolsService } from './tools/betting-tools.service.js';

/**
 * The conversational engine: betting tools over sports data, the chat model chosen from config
 * (Gemini, the offline engine or the scripted model) and the agent loop that joins them.
 */
@Module({
  imports: [SportsDataModule, NluModule],
  providers: [
    {
      provide: BalanceReader,
      inject: [{ token: AccountBalanceReader, optional: true }],
      useFactory: (accounts?: AccountBalanceReader): BalanceReader => accounts ?? new UnavailableBalanceReader(),
    },
    BettingToolsService,
    { provide: OfflineChatModel, inject: [NluService], useFactory: (nlu: NluService) => new OfflineChatModel({ nlu }) },
    {
      provide: ChatModelSelection,
      inject: [geminiConfig.KEY, OfflineChatModel],
      useFactory: (config: GeminiConfig, offline: OfflineChatModel): ChatModelSelection => {
        const selection = createChatModel(config, offline);
        const logger = new Logger('LlmModule');
        if (selection.mode === 'gemini') {
          const thinking = isGemini3OrLater(config.model) ? `thinking level ${config.thinkingLevel}` : 'model default thinking';
          logger.log(`Chat answers from Gemini (${config.model}, ${thinking}, temperature ${config.temperature ?? 'model default'})`);
          for (const warning of geminiGenerationWarnings(config)) logger.warn(warning);
        } else if (selection.mode === 'scripted') {
          logger.warn('Chat answers are a fixed script (LLM_PROVIDER=scripted, for measuring the service itself)');
        } else {
          logger.log(`Chat answers from the offline engine (${config.apiKey === undefined ? 'GOOGLE_API_KEY unset' : 'LLM_PROVIDER=offline'})`);
        }
        return selection;
      },
    },
    {
      provide: GeminiModelCheck,
      inject: [geminiConfig.KEY, ChatModelSelection],
      useFactory: (config: GeminiConfig, selection: ChatModelSelection) => new GeminiModelCheck(config, selection.mode === 'gemini'),
    },
    ChatModelRunner,
    AnswerCache,
    AnswerGrounding,
    ConversationAgent,
  ],
  exports: [ConversationAgent, BalanceReader, BettingToolsService, ChatModelRunner, ChatModelSelection, GeminiModelCheck, OfflineChatModel],
})
export class LlmModule {}
