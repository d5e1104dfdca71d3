import { Module } from '@nestjs/common';
import { DEFAULT_LEXICON } from './default-lexicon.js';
import { NluService } from './nlu.service.js';

/** Provides NluService over the shared sports-data directory. */
@Module({
  providers: [{ provide: NluService, useFactory: (): NluService => new NluService(DEFAULT_LEXICON) }],
  exports: [NluService],
})
export class NluModule {}
