import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsInt, IsISO8601, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { MARKET_CODES, type MarketCode } from '../../domain/market.js';

export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
const ID_MESSAGE = (field: string) => `${field} must be 1-64 characters of A-Z, a-z, 0-9, _ or -`;
const NAME_LENGTH = { min: 1, max: 100 } as const;
// A calendar day, or a date-time with an optional offset. ISO 8601 also allows week dates
// (2026-W47) and ordinal dates (2026-326), which Date cannot read; they are refused here.
const DAY_OR_DATE_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

export class TournamentsQueryDto {
  @ApiPropertyOptional({ description: 'Sport id or name (e.g. 1, football, fútbol, basketball)', example: 'football' })
  @IsOptional() @IsString() @Length(NAME_LENGTH.min, NAME_LENGTH.max)
  sport?: string;

  @ApiPropertyOptional({ description: 'Country, any case and accents (e.g. Spain, england)', example: 'Spain' })
  @IsOptional() @IsString() @Length(NAME_LENGTH.min, NAME_LENGTH.max)
  country?: string;

  @ApiPropertyOptional({ description: 'Only tournaments with (true) or without (false) current fixtures' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'active must be true or false' })
  active?: boolean;
}

export class FixturesQueryDto {
  @ApiPropertyOptional({ description: 'One day, YYYY-MM-DD (UTC)', example: '2026-11-22' })
  @IsOptional() @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'date must be a day in the form YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'date must be a real calendar day (YYYY-MM-DD)' })
  date?: string;

  @ApiPropertyOptional({ description: 'Start of the range: a day or an ISO-8601 instant', example: '2026-11-22' })
  @IsOptional() @Matches(DAY_OR_DATE_TIME, { message: 'from must be an ISO-8601 date or date-time' })
  @IsISO8601({ strict: true }, { message: 'from must be an ISO-8601 date or date-time' })
  from?: string;

  @ApiPropertyOptional({ description: 'End of the range (inclusive): a day or an ISO-8601 instant', example: '2026-11-29' })
  @IsOptional() @Matches(DAY_OR_DATE_TIME, { message: 'to must be an ISO-8601 date or date-time' })
  @IsISO8601({ strict: true }, { message: 'to must be an ISO-8601 date or date-time' })
  to?: string;

  @ApiPropertyOptional({ description: 'Team name or alias, any case and accents', example: 'barca' })
  @IsOptional() @IsString() @Length(NAME_LENGTH.min, NAME_LENGTH.max)
  team?: string;

  @ApiPropertyOptional({ description: 'Tournament name, alias or id', example: 'La Liga' })
  @IsOptional() @IsString() @Length(NAME_LENGTH.min, NAME_LENGTH.max)
  tournament?: string;

  @ApiPropertyOptional({ description: 'Sport id or name', example: 'football' })
  @IsOptional() @IsString() @Length(NAME_LENGTH.min, NAME_LENGTH.max)
  sport?: string;

  @ApiPropertyOptional({ enum: ['pre_match', 'live', 'finished'], description: 'Default: upcoming and live' })
  @IsOptional() @IsIn(['pre_match', 'live', 'finished'], { message: 'type must be one of pre_match, live, finished' })
  type?: 'pre_match' | 'live' | 'finished';

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional() @Type(() => Number) @IsInt({ message: 'limit must be an integer from 1 to 200' }) @Min(1, { message: 'limit must be an integer from 1 to 200' }) @Max(200, { message: 'limit must be an integer from 1 to 200' })
  limit?: number;
}

export class OddsQueryDto {
  @ApiProperty({ description: 'Fixture id', example: '27907678' })
  @IsString({ message: 'match_id is required' }) @Matches(ID_PATTERN, { message: ID_MESSAGE('match_id') })
  match_id!: string;

  @ApiPropertyOptional({ enum: MARKET_CODES, description: 'One market; all when omitted' })
  @IsOptional() @IsIn([...MARKET_CODES], { message: `market must be one of ${MARKET_CODES.join(', ')}` })
  market?: MarketCode;
}

export class CompareQueryDto {
  @ApiProperty({ description: 'First team (name or alias)', example: 'Barcelona' })
  @IsString({ message: 'team_a is required' }) @Length(NAME_LENGTH.min, NAME_LENGTH.max)
  team_a!: string;

  @ApiProperty({ description: 'Second team (name or alias)', example: 'Real Madrid' })
  @IsString({ message: 'team_b is required' }) @Length(NAME_LENGTH.min, NAME_LENGTH.max)
  team_b!: string;
}

export class MatchIdParamDto {
  @ApiProperty({ example: '27907678' })
  @Matches(ID_PATTERN, { message: ID_MESSAGE('match_id') })
  match_id!: string;
}

export class TeamParamDto {
  @ApiProperty({ description: 'Team name or alias', example: 'Real Madrid' })
  @IsString() @Length(NAME_LENGTH.min, NAME_LENGTH.max)
  team!: string;
}

export class BatchMatchesDto {
  @ApiProperty({ type: [String], description: '1 to 50 fixture ids', example: ['27907678', '27907679'] })
  @IsArray({ message: 'match_ids must be an array of fixture ids' })
  @ArrayMinSize(1, { message: 'match_ids must hold 1 to 50 ids' })
  @ArrayMaxSize(50, { message: 'match_ids must hold 1 to 50 ids' })
  @IsString({ each: true, message: ID_MESSAGE('each match id') })
  @Matches(ID_PATTERN, { each: true, message: ID_MESSAGE('each match id') })
  match_ids!: string[];
}
