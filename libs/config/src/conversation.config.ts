import { registerAs, type ConfigType } from '@nestjs/config';
import { EnvBoolean, EnvInt } from './env-decorators.js';
import { validateEnv } from './validate-env.js';

class ConversationEnv {
  // Four exchanges word for word, older ones as the running summary (one line each): the model reads
  // what a follow-up needs, and every turn's prompt stays short (bench:tokens).
  @EnvInt(1, 100) MAX_CONVERSATION_HISTORY = 4;
  @EnvInt(60, 7 * 24 * 3600) CONVERSATION_TIMEOUT = 1_800;
  @EnvInt(1, 100_000) MAX_MESSAGE_LENGTH = 2_000;
  /** Answers to context-free questions over public data are shared across users (see AnswerCache). */
  @EnvBoolean() CHAT_ANSWER_CACHE = true;
}

export const conversationConfig = registerAs('conversation', () => {
  const env = validateEnv(ConversationEnv);
  return {
    maxHistory: env.MAX_CONVERSATION_HISTORY,
    timeoutSeconds: env.CONVERSATION_TIMEOUT,
    maxMessageLength: env.MAX_MESSAGE_LENGTH,
    answerCache: env.CHAT_ANSWER_CACHE,
  };
});
export type ConversationConfig = ConfigType<typeof conversationConfig>;
