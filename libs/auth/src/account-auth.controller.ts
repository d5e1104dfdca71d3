import { Body, Controller, Get, HttpCode, Ip, Post, Put, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { AccountsService, type AccountLimits } from '@app/accounts';
import { addressKey } from '@app/rate-limit';
import { LimitsDto, UpdateLimitsDto, limitsChangeOf } from './dto/limits.dto.js';
import { credentialsOf, LoginDto } from './dto/login.dto.js';
import { type AuthenticatedUser, CurrentUser, JwtAuthGuard } from './jwt-auth.guard.js';
import { LoginThrottleService } from './login-throttle.service.js';
import { TokenService } from './token.service.js';

/** Logging in and the logged-in user's own account: who they are, their balance, their limits. */
@ApiTags('auth')
@Controller('api/v1/auth')
export class AccountAuthController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly tokens: TokenService,
    private readonly throttle: LoginThrottleService,
  ) {}

  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Log in with {username, password} (demo users) or {user_id, user_key} (ChatBet users); returns a bearer token' })
  @ApiOkResponse({ description: '{access_token, token_type: "bearer", expires_in (seconds), user_id}' })
  @ApiUnauthorizedResponse({ description: 'Wrong credentials (INVALID_CREDENTIALS)' })
  @ApiTooManyRequestsResponse({ description: 'Too many failed logins for this account or address (RATE_LIMITED, Retry-After)' })
  async login(@Body() body: LoginDto, @Ip() ip: string) {
    const credentials = credentialsOf(body);
    const user = await this.throttle.attempt(credentials, addressKey(ip), () => this.accounts.authenticate(credentials));
    const issued = await this.tokens.issueForUser(user.id);
    return { access_token: issued.token, token_type: 'bearer', expires_in: issued.expires_in, user_id: user.id };
  }

  @Get('me')
  @UseGuards(JwtAuthGuard)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The logged-in user' })
  async me(@CurrentUser() current: AuthenticatedUser) {
    const user = await this.accounts.getUser(current.id);
    return {
      user_id: user.id,
      username: user.username,
      display_name: user.displayName,
      provider: user.provider,
      token_expires_at: new Date(current.tokenExpiresAt * 1000).toISOString(),
    };
  }

  @Get('balance')
  @UseGuards(JwtAuthGuard)
  @ApiBearerAuth()
  @ApiOperation({ summary: "The logged-in user's balance, today's stakes and what the daily limit leaves" })
  async balance(@CurrentUser() current: AuthenticatedUser) {
    const balance = await this.accounts.getBalance(current.id);
    return {
      user_id: balance.userId,
      currency: balance.currency,
      available: balance.available,
      ...(balance.bonus !== undefined ? { bonus: balance.bonus } : {}),
      staked_today: balance.stakedToday,
      daily_stake_limit: balance.dailyStakeLimit,
      remaining_today: balance.remainingToday,
      source: balance.source,
      updated_at: balance.updatedAt,
    };
  }

  @Get('limits')
  @UseGuards(JwtAuthGuard)
  @ApiBearerAuth()
  @ApiOperation({ summary: "The logged-in user's responsible-gambling limits" })
  @ApiOkResponse({ type: LimitsDto })
  async limits(@CurrentUser() current: AuthenticatedUser): Promise<LimitsDto> {
    return toLimitsDto(await this.accounts.getLimits(current.id));
  }

  @Put('limits')
  @UseGuards(JwtAuthGuard)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Set the daily stake limit (applies at once) and/or self-exclude (cannot be ended early)' })
  @ApiOkResponse({ type: LimitsDto })
  @ApiForbiddenResponse({ description: 'Asked to end a running self-exclusion (SELF_EXCLUDED)' })
  async setLimits(@CurrentUser() current: AuthenticatedUser, @Body() body: UpdateLimitsDto): Promise<LimitsDto> {
    return toLimitsDto(await this.accounts.setLimits(current.id, limitsChangeOf(body)));
  }
}

function toLimitsDto(limits: AccountLimits): LimitsDto {
  return {
    daily_stake_limit: limits.dailyStakeLimit,
    self_excluded: limits.selfExcluded,
    self_excluded_until: limits.selfExcludedUntil,
    staked_today: limits.stakedToday,
    remaining_today: limits.remainingToday,
  };
}
