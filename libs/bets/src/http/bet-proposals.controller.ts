import { Controller, Get, Headers, HttpStatus, Param, Post, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiHeader, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type AuthenticatedUser, CurrentUser, JwtAuthGuard } from '@app/auth';
import type { HttpReply } from '@app/common';
import { betView, type BetView } from '../bet-views.js';
import { BetProposalService } from '../proposals/bet-proposal.service.js';
import { proposalView } from '../proposals/proposal-view.js';
import { ProposalIdParamDto } from './dto/bet-slip.dto.js';
import { IDEMPOTENT_REPLAY_HEADER, languageOf } from './bets.controller.js';
import { IDEMPOTENCY_KEY_HEADER, IdempotencyKey } from './idempotency-key.decorator.js';

/** Bets the assistant proposed in the chat: listed for their user, placed only when the user confirms one here (or over the socket). */
@ApiTags('bets')
@ApiBearerAuth()
@UseGuards(JwtAuthGuard)
@Controller('api/v1/bets/proposals')
export class BetProposalsController {
  constructor(private readonly proposals: BetProposalService) {}

  @Get()
  @ApiOperation({ summary: "The logged-in user's open bet proposals (10 minutes each), newest first" })
  async list(@CurrentUser() user: AuthenticatedUser) {
    const open = await this.proposals.listOpen(user.id);
    return { proposals: open.map(proposalView) };
  }

  @Post(':proposal_id/confirm')
  @ApiHeader({ name: IDEMPOTENCY_KEY_HEADER, required: true, description: 'Repeat it when retrying: the same key returns the same bet' })
  @ApiOperation({ summary: 'Place a proposed bet (the user’s explicit confirmation), at most once' })
  @ApiNotFoundResponse({ description: 'Unknown, expired or another user’s proposal (PROPOSAL_NOT_FOUND)' })
  @ApiConflictResponse({ description: 'PROPOSAL_ALREADY_CONFIRMED (another key), ODDS_CHANGED, INSUFFICIENT_FUNDS, DAILY_LIMIT_EXCEEDED' })
  async confirm(
    @CurrentUser() user: AuthenticatedUser,
    @Param() params: ProposalIdParamDto,
    @IdempotencyKey() idempotencyKey: string,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res({ passthrough: true }) res: HttpReply,
  ): Promise<BetView> {
    const { bet, replayed } = await this.proposals.confirm(user.id, params.proposal_id, idempotencyKey, languageOf(acceptLanguage));
    if (replayed) res.status(HttpStatus.OK).header(IDEMPOTENT_REPLAY_HEADER, 'true');
    return betView(bet);
  }
}
