import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { CacheResource } from '@app/cache';
import { CompareQueryDto, FixturesQueryDto, OddsQueryDto, TeamParamDto, TournamentsQueryDto } from './dto/sports-queries.dto.js';
import { SportsApiService } from './sports-api.service.js';

@ApiTags('sports')
@ApiBadRequestResponse({ description: 'Invalid parameter; the message names it' })
@ApiServiceUnavailableResponse({ description: 'The sports source is down and nothing is cached (Retry-After set)' })
@Controller('api/v1/sports')
export class SportsController {
  constructor(private readonly sports: SportsApiService) {}

  @Get()
  @CacheResource('tournaments')
  @ApiOperation({ summary: 'Sports offered' })
  list() {
    return this.sports.sports();
  }

  @Get('tournaments')
  @CacheResource('tournaments')
  @ApiOperation({ summary: 'Tournaments, filtered by sport, country and activity' })
  tournaments(@Query() query: TournamentsQueryDto) {
    return this.sports.tournaments(query);
  }

  @Get('fixtures')
  @CacheResource('fixtures')
  @ApiOperation({ summary: 'Fixtures by day or range, team, tournament, sport and status (upcoming and live by default)' })
  @ApiNotFoundResponse({ description: 'Unknown team or tournament, with close matches suggested' })
  fixtures(@Query() query: FixturesQueryDto) {
    return this.sports.fixtures(query);
  }

  @Get('odds')
  @CacheResource('odds')
  @ApiOperation({ summary: 'Current odds of a fixture (all markets or one), with implied probabilities and margins' })
  @ApiNotFoundResponse({ description: 'Unknown fixture' })
  odds(@Query() query: OddsQueryDto) {
    return this.sports.odds(query);
  }

  @Get('teams/:team')
  @CacheResource('fixtures')
  @ApiOperation({ summary: 'Team profile, recent form and next fixture' })
  @ApiNotFoundResponse({ description: 'Unknown team, with close matches suggested' })
  team(@Param() params: TeamParamDto) {
    return this.sports.team(params.team);
  }

  @Get('compare')
  @CacheResource('odds')
  @ApiOperation({ summary: 'Two teams side by side: form, head-to-head and the odds of their next meeting' })
  @ApiNotFoundResponse({ description: 'Unknown team, with close matches suggested' })
  compare(@Query() query: CompareQueryDto) {
    return this.sports.compare(query);
  }
}
