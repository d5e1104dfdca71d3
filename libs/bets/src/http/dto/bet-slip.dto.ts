import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsInt,
  IsISO4217CurrencyCode,
  IsNumber,
  IsOptional,
  Matches,
  Max,
  Min,
  registerDecorator,
  type ValidationArguments,
} from 'class-validator';
import { MARKET_CODES, type MarketCode, type SelectionKey } from '@app/sports-data';
import type { SlipSelection } from '../../bet.types.js';

export const MAX_SELECTIONS = 20;
const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
const MIN_STAKE = 0.01;
const MAX_STAKE = 100_000;
const MAX_ODDS = 10_000;

/** The outcomes each market offers, as `selection` names them. */
export const MARKET_SELECTIONS: Record<MarketCode, readonly SelectionKey[]> = {
  '1x2': ['home', 'draw', 'away'],
  moneyline: ['home', 'away'],
  over_under: ['over', 'under'],
  btts: ['yes', 'no'],
  double_chance: ['home_or_draw', 'away_or_draw', 'home_or_away'],
  handicap: ['home', 'away'],
  draw_no_bet: ['home', 'away'],
};

const SELECTION_FIELDS = ['match_id', 'market', 'selection', 'line', 'accepted_odds'] as const;

/** One selection as the client sends it. */
export class BetSelectionDto {
  @ApiProperty({ description: 'Fixture id (from /api/v1/sports/fixtures)', example: '27907678' })
  match_id!: string;

  @ApiProperty({ enum: MARKET_CODES, example: '1x2' })
  market!: MarketCode;

  @ApiProperty({
    description: '1x2: home|draw|away; over_under: over|under; btts: yes|no; double_chance: home_or_draw|away_or_draw|home_or_away; handicap, draw_no_bet: home|away',
    example: 'home',
  })
  selection!: SelectionKey;

  @ApiPropertyOptional({ description: 'Goal/point line for over_under and handicap; the main line (2.5 goals when offered) when omitted', example: 2.5 })
  line?: number;

  @ApiPropertyOptional({ description: 'Placement only: the decimal price the user saw and accepts', example: 2.1 })
  accepted_odds?: number;
}

/**
 * Validates the selections array item by item and names the exact field at fault
 * (`selections[1].market must be one of …`), which nested class validation would not.
 */
function IsBetSelections(acceptedOdds: 'required' | 'ignored'): PropertyDecorator {
  return (target, property) => {
    registerDecorator({
      name: 'isBetSelections',
      target: target.constructor,
      propertyName: String(property),
      validator: {
        validate: (value: unknown) => selectionProblems(value, acceptedOdds).length === 0,
        defaultMessage: (args: ValidationArguments) => selectionProblems(args.value, acceptedOdds).join('; '),
      },
    });
  };
}

export function selectionProblems(value: unknown, acceptedOdds: 'required' | 'ignored'): string[] {
  if (!Array.isArray(value)) return ['selections must be an array of selections'];
  if (value.length < 1 || value.length > MAX_SELECTIONS) return [`selections must hold 1 to ${MAX_SELECTIONS} selections (got ${value.length})`];
  return value.flatMap((item: unknown, index) => {
    const at = `selections[${index}]`;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) return [`${at} must be an object with match_id, market and selection`];
    const leg = item as Record<string, unknown>;
    const problems: string[] = [];
    for (const field of Object.keys(leg)) {
      if (!(SELECTION_FIELDS as readonly string[]).includes(field)) problems.push(`${at}.${field} is not allowed`);
    }
    if (typeof leg.match_id !== 'string' || !ID_PATTERN.test(leg.match_id)) problems.push(`${at}.match_id must be 1-64 characters of A-Z, a-z, 0-9, _ or -`);
    const market = leg.market;
    if (typeof market !== 'string' || !(MARKET_CODES as readonly string[]).includes(market)) {
      problems.push(`${at}.market must be one of ${MARKET_CODES.join(', ')}`);
    } else {
      const valid = MARKET_SELECTIONS[market as MarketCode];
      if (typeof leg.selection !== 'string' || !valid.includes(leg.selection as SelectionKey)) {
        problems.push(`${at}.selection must be one of ${valid.join(', ')} for the ${market} market`);
      }
    }
    if (leg.line !== undefined && (typeof leg.line !== 'number' || !Number.isFinite(leg.line) || Math.abs(leg.line) > 500)) {
      problems.push(`${at}.line must be a number such as 2.5`);
    }
    if (acceptedOdds === 'required') {
      const odds = leg.accepted_odds;
      if (typeof odds !== 'number' || !Number.isFinite(odds) || odds <= 1 || odds > MAX_ODDS) {
        problems.push(`${at}.accepted_odds must be the decimal price you accept, above 1 and at most ${MAX_ODDS}`);
      }
    }
    return problems;
  });
}

const stakeMessage = `stake must be a number from ${MIN_STAKE} to ${MAX_STAKE} with at most two decimals`;

/** Stake and currency, common to simulation and placement. */
abstract class StakeDto {
  @ApiProperty({ minimum: MIN_STAKE, maximum: MAX_STAKE, example: 10 })
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 }, { message: stakeMessage })
  @Min(MIN_STAKE, { message: stakeMessage })
  @Max(MAX_STAKE, { message: stakeMessage })
  stake!: number;

  @ApiPropertyOptional({ description: 'ISO 4217 code of the stake', default: 'EUR', example: 'EUR' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toUpperCase() : value))
  @IsISO4217CurrencyCode({ message: 'currency must be an ISO 4217 code such as EUR' })
  currency?: string;
}

/** Body of POST /api/v1/bets/simulate. */
export class SimulateBetDto extends StakeDto {
  @ApiProperty({ type: [BetSelectionDto], description: `1 to ${MAX_SELECTIONS} selections, each of a different match; several make an accumulator` })
  @IsBetSelections('ignored')
  selections!: BetSelectionDto[];
}

/** Body of POST /api/v1/bets. */
export class PlaceBetDto extends StakeDto {
  @ApiProperty({ type: [BetSelectionDto], description: `1 to ${MAX_SELECTIONS} selections of different matches, each with the accepted_odds the user saw` })
  @IsBetSelections('required')
  selections!: BetSelectionDto[];

  @ApiPropertyOptional({ description: 'Relative price move accepted per selection (0-0.5)', default: 0.02, example: 0.02 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'odds_tolerance must be a number from 0 to 0.5' })
  @Min(0, { message: 'odds_tolerance must be a number from 0 to 0.5' })
  @Max(0.5, { message: 'odds_tolerance must be a number from 0 to 0.5' })
  odds_tolerance?: number;
}

export class ListBetsQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional() @Type(() => Number)
  @IsInt({ message: 'limit must be an integer from 1 to 100' }) @Min(1, { message: 'limit must be an integer from 1 to 100' }) @Max(100, { message: 'limit must be an integer from 1 to 100' })
  limit?: number;

  @ApiPropertyOptional({ minimum: 0, default: 0 })
  @IsOptional() @Type(() => Number)
  @IsInt({ message: 'offset must be an integer from 0' }) @Min(0, { message: 'offset must be an integer from 0' }) @Max(1_000_000, { message: 'offset must be at most 1000000' })
  offset?: number;
}

export class BetIdParamDto {
  @ApiProperty({ example: 'bet_Xb1…' })
  @Matches(ID_PATTERN, { message: 'bet_id must be 1-64 characters of A-Z, a-z, 0-9, _ or -' })
  bet_id!: string;
}

export class ProposalIdParamDto {
  @ApiProperty({ example: 'prop_Xb1…' })
  @Matches(ID_PATTERN, { message: 'proposal_id must be 1-64 characters of A-Z, a-z, 0-9, _ or -' })
  proposal_id!: string;
}

/** The validated body's selections in the service's terms. */
export function toSlipSelections(selections: BetSelectionDto[]): SlipSelection[] {
  return selections.map((s) => ({
    matchId: s.match_id,
    market: s.market,
    selection: s.selection,
    ...(s.line !== undefined ? { line: s.line } : {}),
    ...(s.accepted_odds !== undefined ? { acceptedOdds: s.accepted_odds } : {}),
  }));
}
