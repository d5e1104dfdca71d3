// The conversation shapes are owned by the conversation lib; they are re-exported here so the rest
// of this lib imports them from one place.
export type { Amount, FunctionCallRecord, Language, TrackedContext } from '../../../conversation/src/conversation.types.js';
