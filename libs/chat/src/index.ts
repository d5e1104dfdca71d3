export { ChatModule } from './chat.module.js';
export { ChatService, type AnswerCorrection, type ChatIdentity, type ChatTurnRequest, type ChatTurnResponse, type TokenListener } from './chat.service.js';
export { MessageTooLongError } from './chat.errors.js';
