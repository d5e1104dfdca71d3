import { Module } from '@nestjs/common';
import { DEFAULT_LEXICON } from './default-lexicon.js';
import { NLU_LEXICON, NluService } from './nlu.service.js';

/** Provides NluService over the shared sports-data directory. */
@Module({
  providers: [{ provide: NLU_LEXICON, useValue: DEFAULT_LEXICON }, NluService],
  exports: [NluService],
})
export class NluModule {}
