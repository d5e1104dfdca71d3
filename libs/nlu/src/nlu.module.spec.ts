import 'reflect-metadata';
import { Test } from '@nestjs/testing';
import { NluModule } from './nlu.module.js';
import { NLU_LEXICON, NLU_OPTIONS, NluService } from './nlu.service.js';
import { TEST_LEXICON } from './testing/test-lexicon.js';

describe('NluModule', () => {
  it('provides a ready NluService', async () => {
    const moduleRef = await Test.createTestingModule({ imports: [NluModule] }).compile();
    const nlu = moduleRef.get(NluService);
    expect(nlu.analyze('When does Barcelona play next?').intent).toBe('MATCH_SCHEDULE_QUERY');
  });

  it('lets an application supply its own lexicon and options', async () => {
    const moduleRef = await Test.createTestingModule({
      providers: [
        { provide: NLU_LEXICON, useValue: TEST_LEXICON },
        { provide: NLU_OPTIONS, useValue: { defaultTimeZone: 'America/New_York' } },
        NluService,
      ],
    }).compile();
    const nlu = moduleRef.get(NluService);
    // 02:00 UTC on Sunday is still Saturday evening in New York.
    const r = nlu.analyze('games today', { now: new Date('2025-03-16T02:00:00Z') });
    expect(r.entities.dates).toEqual({ from: '2025-03-15', to: '2025-03-15' });
  });
});
