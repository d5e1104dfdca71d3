import { Module } from '@nestjs/common';
import { AppLogger } from './app-logger.js';

/** The application's logger (`AppLogger`): pino underneath, Nest's Logger written through it. */
@Module({
  providers: [AppLogger],
  exports: [AppLogger],
})
export class LoggingModule {}
