import { Module } from '@nestjs/common';
import { AuthModule } from '@app/auth';
import { ConversationModule } from '@app/conversation';
import { LlmModule } from '@app/llm';
import { ChatController } from './chat.controller.js';
import { ChatService } from './chat.service.js';
import { FeedbackService } from './feedback.service.js';

/** Chat turns over REST (whole answers and Server-Sent Events), history and feedback. */
@Module({
  imports: [ConversationModule, LlmModule, AuthModule],
  controllers: [ChatController],
  providers: [ChatService, FeedbackService],
  exports: [ChatService],
})
export class ChatModule {}
