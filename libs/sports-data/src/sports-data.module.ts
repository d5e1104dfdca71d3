import { Logger, Module } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { chatbetConfig, type ChatBetConfig } from '@app/config';
import { ChatBetApiClient } from './chatbet/chatbet-api.client.js';
import { ChatBetHttpProvider } from './chatbet/chatbet-http.provider.js';
import { ChatBetAdapter } from './chatbet/chatbet.adapter.js';
import { Clock, SystemClock } from './clock.js';
import { EmbeddedSportsProvider } from './embedded-sports.provider.js';
import { PredictionsController } from './http/predictions.controller.js';
import { SportsApiService } from './http/sports-api.service.js';
import { SportsController } from './http/sports.controller.js';
import { PredictionService } from './service/prediction.service.js';
import { SportsDataService } from './service/sports-data.service.js';
import { SportsDataProvider } from './sports-data.provider.js';

/**
 * Sports data for the whole app: the provider chosen from config (the ChatBet upstream when
 * CHATBET_API_BASE_URL is set, the embedded dataset otherwise), the caching/stale-serving service
 * over it, predictions, and the REST routes.
 */
@Module({
  controllers: [SportsController, PredictionsController],
  providers: [
    { provide: Clock, useClass: SystemClock },
    {
      provide: SportsDataProvider,
      inject: [chatbetConfig.KEY, ModuleRef],
      useFactory: async (config: ChatBetConfig, moduleRef: ModuleRef): Promise<SportsDataProvider> => {
        const provider = config.enabled ? await moduleRef.create(ChatBetHttpProvider) : await moduleRef.create(EmbeddedSportsProvider);
        new Logger('SportsDataModule').log(`Sports data from the ${provider.name} provider${config.enabled ? '' : ' (CHATBET_API_BASE_URL unset)'}`);
        return provider;
      },
    },
    ChatBetAdapter,
    ChatBetApiClient,
    SportsDataService,
    PredictionService,
    SportsApiService,
  ],
  exports: [Clock, SportsDataProvider, SportsDataService, PredictionService, ChatBetApiClient],
})
export class SportsDataModule {}
