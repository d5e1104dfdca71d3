import { ConnectedSocket, MessageBody, type OnGatewayConnection, type OnGatewayInit, SubscribeMessage, WebSocketGateway } from '@nestjs/websockets';
import type { Namespace, Socket } from 'socket.io';
import type { CancelAck, MessageAck, ResumeAck } from '../chat-transport.js';
import { RealtimeChatService } from '../realtime-chat.service.js';
import { CHAT_NAMESPACE } from '../socket-limits.js';
import { SocketIoChatTransport } from './socket-io-chat.transport.js';

/**
 * Socket.IO namespace `/chat`. Connect with `auth: {token?, user_id?, session_id?, last_message_id?}`;
 * send `user_message`, `cancel` and `resume` (each acknowledged at once); answers arrive as
 * `typing_indicator`, `streaming_response`, `bot_response` and `error` events.
 */
@WebSocketGateway({ namespace: CHAT_NAMESPACE })
export class ChatGateway implements OnGatewayInit<Namespace>, OnGatewayConnection<Socket> {
  constructor(
    private readonly realtime: RealtimeChatService,
    private readonly transport: SocketIoChatTransport,
  ) {}

  afterInit(namespace: Namespace): void {
    this.transport.bind(namespace);
  }

  handleConnection(socket: Socket): Promise<void> {
    return this.transport.connected(socket);
  }

  @SubscribeMessage('user_message')
  userMessage(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<MessageAck> {
    return this.realtime.submit(socket.id, body);
  }

  @SubscribeMessage('cancel')
  cancel(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<CancelAck> {
    return this.realtime.cancel(socket.id, body);
  }

  @SubscribeMessage('resume')
  resume(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<ResumeAck> {
    return this.realtime.resume(socket.id, body);
  }
}
