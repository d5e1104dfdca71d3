import { ConfigModule } from '@nestjs/config';
import { Test, type TestingModule } from '@nestjs/testing';
import { AppCacheModule } from '@app/cache';
import { ALL_CONFIGS } from '@app/config';
import { RedisModule } from '@app/redis';
import { UpstreamUnavailableError } from '../domain/errors.js';
import type { FixtureOdds, MarketCode } from '../domain/market.js';
import { EmbeddedSportsProvider } from '../embedded-sports.provider.js';
import { SportsDataModule } from '../sports-data.module.js';
import { SportsDataProvider } from '../sports-data.provider.js';
import { SportsDataService } from './sports-data.service.js';

/** The embedded data, counting odds reads and able to fail them, standing in for an upstream. */
class CountingProvider extends EmbeddedSportsProvider {
  oddsReads = 0;
  failOdds = false;

  override async getOdds(fixtureId: string, market?: MarketCode): Promise<FixtureOdds> {
    this.oddsReads++;
    await new Promise((resolve) => setTimeout(resolve, 5));
    if (this.failOdds) throw new UpstreamUnavailableError('odds source down');
    return super.getOdds(fixtureId, market);
  }
}

describe('SportsDataService', () => {
  let moduleRef: TestingModule;
  let provider: CountingProvider;
  let service: SportsDataService;

  beforeEach(async () => {
    // No REDIS_URL: the cache lives in memory.
    const redisUrl = process.env.REDIS_URL;
    delete process.env.REDIS_URL;
    provider = new CountingProvider();
    moduleRef = await Test.createTestingModule({
      imports: [ConfigModule.forRoot({ isGlobal: true, load: ALL_CONFIGS }), RedisModule, AppCacheModule, SportsDataModule],
    })
      .overrideProvider(SportsDataProvider)
      .useValue(provider)
      .compile();
    if (redisUrl !== undefined) process.env.REDIS_URL = redisUrl;
    service = moduleRef.get(SportsDataService);
  });
  afterEach(async () => {
    await moduleRef.close();
  });

  const someFixtureId = async () => (await provider.getFixtures({ status: 'pre_match', limit: 1 }))[0]!.id;

  it('reads the source once for 50 concurrent requests of the same odds, and serves all of them', async () => {
    const id = await someFixtureId();
    const answers = await Promise.all(Array.from({ length: 50 }, () => service.getOdds(id)));
    expect(provider.oddsReads).toBe(1);
    expect(new Set(answers.map((a) => a.data.fixtureId))).toEqual(new Set([id]));
  });

  it('does not keep a failed read: the next request asks the source again', async () => {
    const id = await someFixtureId();
    provider.failOdds = true;
    const failed = await Promise.allSettled(Array.from({ length: 5 }, () => service.getOdds(id)));
    expect(failed.every((r) => r.status === 'rejected')).toBe(true);
    expect(provider.oddsReads).toBe(1);
    provider.failOdds = false;
    await expect(service.getOdds(id)).resolves.toMatchObject({ stale: false });
    expect(provider.oddsReads).toBe(2);
  });
});
