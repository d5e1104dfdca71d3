export { LlmModule } from './llm.module.js';
export { ConversationAgent, MAX_TOOL_ROUNDS } from './agent/conversation.agent.js';
export type { AgentHistoryMessage, AgentMode, AgentTurnInput, AgentTurnResult, TokenUsage, TurnEntities, TurnGrounding } from './agent/agent.types.js';
export {
  ChatModelRunner,
  ChatModelSelection,
  streamModelResponse,
  textOf,
  type ModelStreamRequest,
  type ModelStreamResponse,
} from './agent/chat-model.runner.js';
export { buildSystemPrompt, buildTurnData, type SystemPromptInput } from './agent/system-prompt.js';
export { createChatModel } from './chat-model.factory.js';
export { GeminiModelCheck, type GeminiModelState, type GeminiModelStatus } from './gemini/gemini-model.check.js';
export { ScriptedChatModel, SCRIPTED_ANSWER, type ScriptedChatModelFields } from './scripted/scripted-chat.model.js';
export { OfflineChatModel, type OfflineChatModelCallOptions, type OfflineChatModelFields } from './offline/offline-chat.model.js';
export { AccountBalanceReader, BalanceReader, BalanceUnavailableError, UnavailableBalanceReader, type UserBalance } from './tools/balance.reader.js';
export { BettingToolsService } from './tools/betting-tools.service.js';
export {
  BetProposer,
  SelfExclusionReader,
  type BetProposalRequest,
  type ProposalSelection,
  type ProposedBet,
  type SelfExclusion,
} from './tools/betting-account.ports.js';
export { PROPOSE_BET } from './tools/propose-bet.tool.js';
export { toolContextOf, toolRunConfig, type ToolContext } from './tools/tool-context.js';
export { FORBIDDEN_PROMISES, responsibleGamblingNote, selfExclusionNote } from './shared/responsible-gambling.js';
