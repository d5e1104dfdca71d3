/** Largest socket message accepted (a chat message of 2,000 characters fits several times over). */
export const MAX_SOCKET_PAYLOAD_BYTES = 16 * 1024;

/**
 * Socket.IO frames up to this size are read, so one over MAX_SOCKET_PAYLOAD_BYTES is answered with
 * MESSAGE_TOO_LONG on a connection that stays open; larger ones close the connection.
 */
export const MAX_SOCKET_IO_FRAME_BYTES = 64 * 1024;

/** How long a dropped Socket.IO connection can come back with its rooms and missed events. */
export const RECOVERY_WINDOW_MS = 2 * 60_000;

/** The Socket.IO namespace and the plain WebSocket path of the chat. */
export const CHAT_NAMESPACE = '/chat';
export const CHAT_WS_PATH = '/ws/chat';
