import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiForbiddenResponse, ApiNotFoundResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { isAccountUserId } from '@app/accounts';
import { AuthenticationRequiredError, OptionalJwtAuthGuard, OptionalToken, type VerifiedToken } from '@app/auth';
import { type HttpReply, type HttpRequest, requestIdOf, toErrorResponse } from '@app/common';
import { INTENTS } from '@app/nlu';
import { PassThrough } from 'node:stream';
import { UserMismatchError } from './chat.errors.js';
import { ANONYMOUS_OWNER, type ChatIdentity, ChatService } from './chat.service.js';
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
 * Who is asking. A logged-in user's token (Authorization: Bearer) makes them the verified user and
 * the owner; a user_id they send must then be their own. Otherwise a client-supplied user_id names
 * the owner of a conversation but proves nothing, so it never becomes the verified user (balance
 * and bets need a login), and it may not name an account: those sessions need that account's token.
 */
function identityOf(token: VerifiedToken | undefined, claimedUserId?: string): ChatIdentity {
  if (token && !token.anon) {
    if (claimedUserId !== undefined && claimedUserId !== token.sub) throw new UserMismatchError();
    return { userId: token.sub, ownerId: token.sub };
  }
  if (claimedUserId !== undefined && isAccountUserId(claimedUserId)) {
    throw new AuthenticationRequiredError(`${claimedUserId} is an account: send its access token (POST /api/v1/auth/login)`);
  }
  return { ownerId: claimedUserId ?? token?.sub ?? ANONYMOUS_OWNER };
}

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
    return this.chat.turn({ message: body.message, sessionId: body.session_id, identity: identityOf(token, body.user_id), timeZone: body.time_zone });
  }

  /**
   * The same turn as Server-Sent Events: `token` events as the answer is written, then one `done`
   * event with the fields of POST /message (or an `error` event). The reply is a stream the events
   * are written to as the model produces them; the route is not cached.
   */
  @Post('stream')
  @ApiProduces('text/event-stream')
  @ApiOperation({ summary: 'Send a message and receive the answer as Server-Sent Events (token…, done)' })
  @UseGuards(OptionalJwtAuthGuard)
  async stream(@Body() body: SendMessageDto, @Req() req: HttpRequest, @Res() reply: HttpReply, @OptionalToken() token?: VerifiedToken): Promise<void> {
    const identity = identityOf(token, body.user_id);
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
    return this.chat.history(params.session_id, identityOf(token, query.user_id), query.limit ?? 20);
  }

  @Delete('history/:session_id')
  @ApiOperation({ summary: 'Delete a session and all its messages' })
  @ApiNotFoundResponse({ description: 'Unknown or expired session' })
  @UseGuards(OptionalJwtAuthGuard)
  deleteHistory(@Param() params: SessionParamDto, @Query() query: HistoryQueryDto, @OptionalToken() token?: VerifiedToken) {
    return this.chat.deleteHistory(params.session_id, identityOf(token, query.user_id));
  }

  @Get('conversations/:user_id')
  @ApiOperation({ summary: "A user's sessions, most recent first, or one session's messages with session_id" })
  @UseGuards(OptionalJwtAuthGuard)
  conversations(@Param() params: UserParamDto, @Query() query: ConversationsQueryDto, @OptionalToken() token?: VerifiedToken) {
    return this.chat.conversationsOf(identityOf(token, params.user_id).ownerId, query.limit ?? 20, query.session_id);
  }

  @Delete('conversations/:user_id')
  @ApiOperation({ summary: "Delete one of a user's sessions, or all of them" })
  @UseGuards(OptionalJwtAuthGuard)
  deleteConversations(@Param() params: UserParamDto, @Query() query: DeleteConversationsQueryDto, @OptionalToken() token?: VerifiedToken) {
    return this.chat.deleteConversations(identityOf(token, params.user_id).ownerId, query.session_id);
  }

  @Get('intents')
  @ApiOperation({ summary: 'The intents the assistant recognises' })
  intents() {
    return { intents: INTENTS };
  }

  @Post('feedback')
  @ApiOperation({ summary: 'Rate an answer as helpful or not' })
  async rate(@Body() body: FeedbackDto) {
    await this.feedback.record({ messageId: body.message_id, rating: body.rating, reason: body.reason, userId: body.user_id, at: new Date().toISOString() });
    return { message_id: body.message_id, rating: body.rating, status: 'recorded' };
  }
}
