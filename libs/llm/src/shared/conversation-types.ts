// The conversation shapes are owned by @app/conversation; re-exported so this lib imports them from one place.
export type { Amount, FunctionCallRecord, Language, TrackedContext } from '@app/conversation';
