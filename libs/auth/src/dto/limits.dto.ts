import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsNumber, IsOptional, Max, Min, ValidateIf } from 'class-validator';
import type { LimitsChange } from '@app/accounts';
import { InvalidLimitsRequestError } from '../auth.errors.js';

const MAX_DAILY_LIMIT = 1_000_000;
const DAY_MS = 24 * 3600 * 1000;

export class UpdateLimitsDto {
  @ApiPropertyOptional({ description: 'Most that may be staked per UTC day, in euros; null removes the limit', nullable: true, minimum: 0, example: 50 })
  @ValidateIf((_object, value) => value !== undefined && value !== null)
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 }, { message: 'daily_stake_limit must be a number with at most two decimals, or null' })
  @Min(0, { message: 'daily_stake_limit must be 0 or more' })
  @Max(MAX_DAILY_LIMIT, { message: `daily_stake_limit must be at most ${MAX_DAILY_LIMIT}` })
  daily_stake_limit?: number | null;

  @ApiPropertyOptional({ description: 'true excludes the account from betting (it cannot be ended early); false only confirms no exclusion is running' })
  @IsOptional() @IsBoolean({ message: 'self_excluded must be true or false' })
  self_excluded?: boolean;

  @ApiPropertyOptional({ description: 'Length of the self-exclusion in days (indefinite when omitted)', minimum: 1, maximum: 3650 })
  @IsOptional()
  @IsInt({ message: 'self_exclusion_days must be an integer from 1 to 3650' })
  @Min(1, { message: 'self_exclusion_days must be an integer from 1 to 3650' })
  @Max(3650, { message: 'self_exclusion_days must be an integer from 1 to 3650' })
  self_exclusion_days?: number;
}

export function limitsChangeOf(body: UpdateLimitsDto, now = Date.now()): LimitsChange {
  if (body.daily_stake_limit === undefined && body.self_excluded === undefined) throw new InvalidLimitsRequestError('Send daily_stake_limit, self_excluded or both');
  if (body.self_exclusion_days !== undefined && body.self_excluded !== true) throw new InvalidLimitsRequestError('self_exclusion_days needs self_excluded: true');
  const change: LimitsChange = {};
  if (body.daily_stake_limit !== undefined) change.dailyStakeLimit = body.daily_stake_limit;
  if (body.self_excluded === true) {
    change.selfExcludedUntil = body.self_exclusion_days === undefined ? 'indefinite' : new Date(now + body.self_exclusion_days * DAY_MS);
  } else if (body.self_excluded === false) {
    change.selfExcludedUntil = null;
  }
  return change;
}

/** The limits as the API reports them. */
export class LimitsDto {
  @ApiProperty({ type: Number, nullable: true, description: 'Euros per UTC day; null when none is set' })
  daily_stake_limit!: number | null;

  @ApiProperty()
  self_excluded!: boolean;

  @ApiProperty({ type: String, nullable: true, description: 'ISO-8601 end of the self-exclusion; null while excluded means indefinitely' })
  self_excluded_until!: string | null;

  @ApiProperty({ description: 'Euros staked today (UTC)' })
  staked_today!: number;

  @ApiProperty({ type: Number, nullable: true, description: 'What the daily limit still allows today; null without a limit' })
  remaining_today!: number | null;
}
