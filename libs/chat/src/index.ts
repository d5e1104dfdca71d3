export { ChatModule } from './chat.module.js';
export { ANONYMOUS_OWNER, ChatService, type ChatIdentity, type ChatTurnRequest, type ChatTurnResponse, type TokenListener } from './chat.service.js';
export { MessageTooLongError, UserMismatchError } from './chat.errors.js';
