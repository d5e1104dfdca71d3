import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiForbiddenResponse, ApiNotFoundResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { assertOwnsAll, OptionalJwtAuthGuard, OptionalToken, resolveIdentity, type VerifiedToken } from '@app/auth';
import { type HttpReply, type HttpRequest, requestIdOf, toErrorResponse } from '@app/common';
import { INTENTS } from '@app/nlu';
import { PassThrough } from 'node:stream';
import { ChatService, type ChatTurnResponse } from './chat.service.js';
import {
  ConversationsQueryDto,
  DeleteConversationsQueryDto,
  FeedbackDto,
  HistoryQueryDto,
  SendMessageDto,
  SessionParamDto,
  UserParamDto,
} from './dto/chat.dto.js';
import { FeedbackService } from './feedback.service.js';

/**
 * Who is asking is settled by resolveIdentity (libs/auth), the rule every chat transport shares: a
 * token names the owner, a claimed user_id only continues sessions whose id it knows, and a caller
 * with neither gets a fresh anonymous owner and its token with the answer.
 */
@ApiTags('chat')
@ApiBearerAuth()
@ApiBadRequestResponse({ description: 'Invalid body or parameter; the message names it' })
@Controller('api/v1/chat')
export class ChatController {
  constructor(
    private readonly chat: ChatService,
    private readonly feedback: FeedbackService,
  ) {}

  @Post('message')
  @HttpCode(200)
  @ApiOperation({ summary: 'Send a message and get the whole answer (a session is started when session_id is omitted)' })
  @UseGuards(OptionalJwtAuthGuard)
  message(@Body() body: SendMessageDto, @OptionalToken() token?: VerifiedToken) {
    return this.chat.turn({ message: body.message, sessionId: body.session_id, identity: resolveIdentity(token, body.user_id, 'rest'), timeZone: body.time_zone });
  }

  /**
   * The same turn as Server-Sent Events: `token` events as the answer is written, then one `done`
   * event with the fields of POST /message (or an `error` event). When the grounding guard corrected
   * the streamed text, a `correction` event comes before `done`; `done.message` is the corrected text. The reply is a stream the events
   * are written to as the model produces them; the route is not cached.
   */
  @Post('stream')
  @ApiProduces('text/event-stream')
  @ApiOperation({ summary: 'Send a message and receive the answer as Server-Sent Events (token…, done)' })
  @UseGuards(OptionalJwtAuthGuard)
  async stream(@Body() body: SendMessageDto, @Req() req: HttpRequest, @Res() reply: HttpReply, @OptionalToken() token?: VerifiedToken): Promise<void> {
    const identity = resolveIdentity(token, body.user_id, 'sse');
    // The events are written to a stream Fastify sends as they come, with the headers every answer gets.
    const events = new PassThrough();
    void reply
      .code(200)
      .header('content-type', 'text/event-stream; charset=utf-8')
      .header('cache-control', 'no-cache, no-transform')
      .header('x-accel-buffering', 'no')
      .send(events);
    const send = (event: string, data: unknown) => events.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    try {
      const result = await this.chat.turn(
        { message: body.message, sessionId: body.session_id, identity, timeZone: body.time_zone },
        (content, index) => send('token', { content, index }),
      );
      // Before the final event: the streamed text had figures the data does not back.
      if (result.grounding) send('correction', correctionPayload(result));
      send('done', result);
    } catch (error) {
      send('error', toErrorResponse(error, requestIdOf(req), false).body);
    }
    events.end();
  }

  @Get('history/:session_id')
  @ApiOperation({ summary: 'Messages of a session, oldest first (the last `limit`)' })
  @ApiNotFoundResponse({ description: 'Unknown or expired session' })
  @ApiForbiddenResponse({ description: 'The session belongs to someone else' })
  @UseGuards(OptionalJwtAuthGuard)
  history(@Param() params: SessionParamDto, @Query() query: HistoryQueryDto, @OptionalToken() token?: VerifiedToken) {
    return this.chat.history(params.session_id, resolveIdentity(token, query.user_id, 'rest'), query.limit ?? 20);
  }

  @Delete('history/:session_id')
  @ApiOperation({ summary: 'Delete a session and all its messages' })
  @ApiNotFoundResponse({ description: 'Unknown or expired session' })
  @UseGuards(OptionalJwtAuthGuard)
  deleteHistory(@Param() params: SessionParamDto, @Query() query: HistoryQueryDto, @OptionalToken() token?: VerifiedToken) {
    return this.chat.deleteHistory(params.session_id, resolveIdentity(token, query.user_id, 'rest'));
  }

  @Get('conversations/:user_id')
  @ApiOperation({ summary: "A user's sessions, most recent first, or one session's messages with session_id" })
  @UseGuards(OptionalJwtAuthGuard)
  conversations(@Param() params: UserParamDto, @Query() query: ConversationsQueryDto, @OptionalToken() token?: VerifiedToken) {
    const identity = resolveIdentity(token, params.user_id, 'rest');
    // One session whose id the caller knows is read like its history; the whole list needs the owner's token.
    if (query.session_id === undefined) assertOwnsAll(identity, params.user_id);
    return this.chat.conversationsOf(identity.ownerId, query.limit ?? 20, query.session_id);
  }

  @Delete('conversations/:user_id')
  @ApiOperation({ summary: "Delete one of a user's sessions, or all of them" })
  @UseGuards(OptionalJwtAuthGuard)
  deleteConversations(@Param() params: UserParamDto, @Query() query: DeleteConversationsQueryDto, @OptionalToken() token?: VerifiedToken) {
    const identity = resolveIdentity(token, params.user_id, 'rest');
    if (query.session_id === undefined) assertOwnsAll(identity, params.user_id);
    return this.chat.deleteConversations(identity.ownerId, query.session_id);
  }

  @Get('intents')
  @ApiOperation({ summary: 'The intents the assistant recognises' })
  intents() {
    return { intents: INTENTS };
  }

  @Post('feedback')
  @ApiOperation({ summary: 'Rate an answer as helpful or not' })
  @ApiNotFoundResponse({ description: 'No answer with this message_id (MESSAGE_NOT_FOUND)' })
  async rate(@Body() body: FeedbackDto) {
    await this.feedback.record({ messageId: body.message_id, rating: body.rating, reason: body.reason, userId: body.user_id, at: new Date().toISOString() });
    return { message_id: body.message_id, rating: body.rating, status: 'recorded' };
  }
}

/** The `correction` event: which streamed figures were wrong, and the text that replaces the streamed one. */
export function correctionPayload(response: ChatTurnResponse) {
  return {
    message_id: response.message_id,
    reply_to: response.reply_to,
    session_id: response.session_id,
    action: response.grounding?.action,
    corrections: response.grounding?.corrections ?? [],
    content: response.message,
  };
}
