export { RealtimeModule } from './realtime.module.js';
export { ChatIoAdapter } from './chat-io.adapter.js';
export { RealtimeChatService, type HandshakeInput, type RealtimeStatus } from './realtime-chat.service.js';
export { ChatTransport, type Admission, type CancelAck, type ChatConnection, type ChatEvent, type MessageAck, type ResumeAck } from './chat-transport.js';
export { CHAT_ERROR_CODES, type ChatErrorCode } from './realtime.errors.js';
export { CHAT_NAMESPACE, CHAT_WS_PATH, MAX_SOCKET_PAYLOAD_BYTES, RECOVERY_WINDOW_MS } from './socket-limits.js';
export { SUPPORTED_FEATURES, WS_CLOSE } from './ws/ws.protocol.js';
