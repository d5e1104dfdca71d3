/**
 * Attribute names the spans carry. The GenAI ones are OpenTelemetry's semantic conventions for
 * generative AI, copied here as the conventions advise for names still in their incubating set
 * (they may be renamed between minor releases of @opentelemetry/semantic-conventions).
 */
export const GEN_AI = {
  OPERATION_NAME: 'gen_ai.operation.name',
  PROVIDER_NAME: 'gen_ai.provider.name',
  AGENT_NAME: 'gen_ai.agent.name',
  REQUEST_MODEL: 'gen_ai.request.model',
  RESPONSE_MODEL: 'gen_ai.response.model',
  RESPONSE_ID: 'gen_ai.response.id',
  RESPONSE_FINISH_REASONS: 'gen_ai.response.finish_reasons',
  USAGE_INPUT_TOKENS: 'gen_ai.usage.input_tokens',
  USAGE_OUTPUT_TOKENS: 'gen_ai.usage.output_tokens',
  CONVERSATION_ID: 'gen_ai.conversation.id',
  TOOL_NAME: 'gen_ai.tool.name',
  TOOL_CALL_ID: 'gen_ai.tool.call.id',
  TOOL_TYPE: 'gen_ai.tool.type',
} as const;

/** Our own attributes, under one namespace. */
export const CHATBET = {
  /** The HTTP request id (X-Request-Id), or the message id of a socket turn: what log lines carry. */
  REQUEST_ID: 'chatbet.request.id',
  SESSION_ID: 'chatbet.session.id',
  MESSAGE_ID: 'chatbet.message.id',
  TRANSPORT: 'chatbet.transport',
  /** The Socket.IO namespace or WebSocket path a socket turn came in on. */
  SOCKET_ENDPOINT: 'chatbet.socket.endpoint',
  /** Which engine answered: gemini, offline, scripted, or offline-fallback. */
  LLM_MODE: 'chatbet.llm.mode',
  /** 0 for the first model call of a turn. */
  MODEL_ROUND: 'chatbet.model.round',
  INTENT: 'chatbet.intent',
  /** True when the session lock was taken in Redis (shared by every instance), false when local only. */
  LOCK_SHARED: 'chatbet.lock.shared',
  /** The error code a tool answered with (the model reads it and may try again). */
  TOOL_ERROR: 'chatbet.tool.error',
} as const;
