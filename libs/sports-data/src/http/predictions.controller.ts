import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CacheResource } from '@app/cache';
import { BatchMatchesDto, MatchIdParamDto } from './dto/sports-queries.dto.js';
import { SportsApiService } from './sports-api.service.js';

@ApiTags('predictions')
@Controller('api/v1')
export class PredictionsController {
  constructor(private readonly sports: SportsApiService) {}

  @Get('predictions/:match_id')
  @CacheResource('odds')
  @ApiOperation({ summary: 'Outcome probabilities, expected goals, fair vs market odds and value flags for a football match' })
  @ApiNotFoundResponse({ description: 'Unknown fixture' })
  prediction(@Param() params: MatchIdParamDto) {
    return this.sports.prediction(params.match_id);
  }

  @Post('matches/batch')
  @HttpCode(200)
  @ApiOperation({ summary: 'Odds and prediction for up to 50 fixtures; a bad id gives an error item, not a failed batch' })
  batch(@Body() body: BatchMatchesDto) {
    return this.sports.batch(body);
  }
}
