import { Module } from '@nestjs/common';
import { AuthModule } from '@app/auth';
import { BetsModule } from '@app/bets';
import { ChatModule } from '@app/chat';
import { ConversationModule } from '@app/conversation';
import { RateLimitModule } from '@app/rate-limit';
import { ClaimStore } from './claim.store.js';
import { PresenceService } from './presence.service.js';
import { RealtimeChatService } from './realtime-chat.service.js';
import { RealtimeController } from './realtime.controller.js';
import { TurnAdmission } from './turn-admission.js';
import { BetConfirmationGateway } from './socket-io/bet-confirmation.gateway.js';
import { ChatGateway } from './socket-io/chat.gateway.js';
import { SocketIoChatTransport } from './socket-io/socket-io-chat.transport.js';
import { ChatWebSocketServer } from './ws/chat-ws.server.js';

/**
 * Live chat: Socket.IO namespace `/chat` and plain WebSocket `/ws/chat`, both driven by
 * RealtimeChatService; GET /ws/status and /ws/ping. Socket.IO needs ChatIoAdapter installed with
 * `app.useWebSocketAdapter` (configureApp does it). `confirm_bet` (placing a bet the chat proposed)
 * has its own gateway on `/chat`.
 */
@Module({
  imports: [ChatModule, ConversationModule, AuthModule, RateLimitModule, BetsModule],
  controllers: [RealtimeController],
  providers: [RealtimeChatService, ClaimStore, TurnAdmission, PresenceService, SocketIoChatTransport, ChatGateway, BetConfirmationGateway, ChatWebSocketServer],
  exports: [RealtimeChatService],
})
export class RealtimeModule {}
