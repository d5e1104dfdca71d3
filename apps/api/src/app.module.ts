import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { AccountsModule } from '@app/accounts';
import { AccountAuthModule, AuthModule } from '@app/auth';
import { BetsModule } from '@app/bets';
import { AppCacheModule } from '@app/cache';
import { ChatModule } from '@app/chat';
import { LoggingModule } from '@app/common';
import { ALL_CONFIGS } from '@app/config';
import { HealthModule } from '@app/health';
import { LiveUpdatesModule } from '@app/live-updates';
import { MetricsModule } from '@app/metrics';
import { HttpRateLimitModule } from '@app/rate-limit';
import { RealtimeModule } from '@app/realtime';
import { RedisModule } from '@app/redis';
import { SportsDataModule } from '@app/sports-data';
import { AppController } from './app.controller.js';

@Module({
  imports: [
    ConfigModule.forRoot({ isGlobal: true, load: ALL_CONFIGS, cache: true }),
    LoggingModule,
    MetricsModule,
    RedisModule,
    HttpRateLimitModule,
    AppCacheModule,
    HealthModule,
    SportsDataModule,
    AccountsModule,
    BetsModule,
    ChatModule,
    AuthModule,
    AccountAuthModule,
    RealtimeModule,
    LiveUpdatesModule,
  ],
  controllers: [AppController],
})
export class AppModule {}
