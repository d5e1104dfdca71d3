import { registerAs, type ConfigType } from '@nestjs/config';
import { EnvInt } from './env-decorators.js';
import { validateEnv } from './validate-env.js';

class ConversationEnv {
  @EnvInt(1, 100) MAX_CONVERSATION_HISTORY = 10;
  @EnvInt(60, 7 * 24 * 3600) CONVERSATION_TIMEOUT = 1_800;
  @EnvInt(1, 100_000) MAX_MESSAGE_LENGTH = 2_000;
}

export const conversationConfig = registerAs('conversation', () => {
  const env = validateEnv(ConversationEnv);
  return {
    maxHistory: env.MAX_CONVERSATION_HISTORY,
    timeoutSeconds: env.CONVERSATION_TIMEOUT,
    maxMessageLength: env.MAX_MESSAGE_LENGTH,
  };
});
export type ConversationConfig = ConfigType<typeof conversationConfig>;
