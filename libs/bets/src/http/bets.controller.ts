import { Body, Controller, Get, Headers, HttpCode, HttpStatus, Param, Post, Query, Res, UseGuards } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { type AuthenticatedUser, CurrentUser, JwtAuthGuard } from '@app/auth';
import type { HttpReply } from '@app/common';
import { BetsService } from '../bets.service.js';
import type { BetView } from '../bet-views.js';
import { BetIdParamDto, ListBetsQueryDto, PlaceBetDto, SimulateBetDto } from './dto/bet-slip.dto.js';
import { IDEMPOTENCY_KEY_HEADER, IdempotencyKey } from './idempotency-key.decorator.js';

export const IDEMPOTENT_REPLAY_HEADER = 'Idempotent-Replayed';

/** The language the bookmaker is asked to answer in: Spanish when the client prefers it. */
export function languageOf(acceptLanguage: string | undefined): 'en' | 'es' {
  return /^\s*es\b/i.test(acceptLanguage ?? '') ? 'es' : 'en';
}

@ApiTags('bets')
@ApiBadRequestResponse({ description: 'Invalid body, parameter or header; the message names the field' })
@Controller('api/v1/bets')
export class BetsController {
  constructor(private readonly bets: BetsService) {}

  @Post('simulate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Price a single or accumulator at the current odds: per-leg odds, combined odds, potential return, profit, implied probability' })
  @ApiNotFoundResponse({ description: 'Unknown match (UNKNOWN_FIXTURE)' })
  @ApiConflictResponse({ description: 'Every selection is on a finished or closed match (BETTING_CLOSED)' })
  simulate(@Body() body: SimulateBetDto) {
    return this.bets.simulate(body);
  }

  /**
   * 201 for a new bet; a request repeating an Idempotency-Key gets the first one's bet with 200 and
   * `Idempotent-Replayed: true` (passthrough keeps interceptors and the error filter in charge).
   */
  @Post()
  @UseGuards(JwtAuthGuard)
  @ApiBearerAuth()
  @ApiHeader({ name: IDEMPOTENCY_KEY_HEADER, required: true, description: '1-64 characters of A-Z, a-z, 0-9, _ . : -; repeat it when retrying the same bet' })
  @ApiOperation({ summary: 'Place a bet at the accepted prices (within odds_tolerance), once per Idempotency-Key' })
  @ApiCreatedResponse({ description: '{bet_id, status: "accepted", stake, currency, combined_odds, potential_return, legs, placed_at, balance_after}' })
  @ApiOkResponse({ description: 'The bet an earlier request with the same Idempotency-Key placed' })
  @ApiUnauthorizedResponse({ description: 'No or invalid bearer token' })
  @ApiForbiddenResponse({ description: 'Self-excluded (SELF_EXCLUDED)' })
  @ApiConflictResponse({ description: 'ODDS_CHANGED (with the new prices), INSUFFICIENT_FUNDS, DAILY_LIMIT_EXCEEDED, BETTING_CLOSED, IDEMPOTENCY_KEY_REUSED' })
  async place(
    @CurrentUser() user: AuthenticatedUser,
    @IdempotencyKey() idempotencyKey: string,
    @Body() body: PlaceBetDto,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res({ passthrough: true }) res: HttpReply,
  ): Promise<BetView> {
    const { bet, replayed } = await this.bets.place(user.id, idempotencyKey, body, languageOf(acceptLanguage));
    if (replayed) res.status(HttpStatus.OK).header(IDEMPOTENT_REPLAY_HEADER, 'true');
    return bet;
  }

  @Get()
  @UseGuards(JwtAuthGuard)
  @ApiBearerAuth()
  @ApiOperation({ summary: "The logged-in user's bets, most recent first" })
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: ListBetsQueryDto) {
    return this.bets.list(user.id, query.limit ?? 20, query.offset ?? 0);
  }

  @Get(':bet_id')
  @UseGuards(JwtAuthGuard)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'One of the logged-in user’s bets' })
  @ApiNotFoundResponse({ description: 'Unknown bet, or another user’s (BET_NOT_FOUND)' })
  get(@CurrentUser() user: AuthenticatedUser, @Param() params: BetIdParamDto) {
    return this.bets.get(user.id, params.bet_id);
  }
}
