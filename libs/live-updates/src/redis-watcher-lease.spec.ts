import { ConfigModule } from '@nestjs/config';
import { Test, type TestingModule } from '@nestjs/testing';
import { liveUpdatesConfig, redisConfig } from '@app/config';
import { RedisModule } from '@app/redis';
import fc from 'fast-check';
import { createClient, type RedisClientType } from 'redis';
import { patchEnv, TEST_REDIS_URL, uniquePrefix } from '../../../test/support/env.js';
import { FlakyProxy } from '../../../test/support/flaky-proxy.js';
import { waitFor } from '../../../test/support/redis-server.js';
import { RedisUpdatesChannel } from './redis-updates.channel.js';
import { RedisWatcherLease } from './redis-watcher-lease.js';
import { SportsUpdatesBus } from './sports-updates.bus.js';

// Long enough that a loaded test machine does not make a healthy holder miss its renewals...
const TTL_MS = 1_000;
// ...and short, for the randomized schedule, so that leases change hands often.
const SHORT_TTL_MS = 300;
const REDIS_PORT = Number(new URL(TEST_REDIS_URL).port || 6379);
const REDIS_HOST = new URL(TEST_REDIS_URL).hostname;

interface Contender {
  proxy: FlakyProxy;
  moduleRef: TestingModule;
  lease: RedisWatcherLease;
}

/** One lease in a module graph of its own (its own Redis connections, through its own proxy), started. */
async function startLease(proxy: FlakyProxy, prefix: string, ttlMs = TTL_MS): Promise<Contender> {
  const restore = patchEnv({ REDIS_URL: proxy.url, REDIS_HOST: undefined, REDIS_KEY_PREFIX: prefix, LIVE_UPDATES_LEASE_TTL_MS: String(ttlMs) });
  try {
    const moduleRef = await Test.createTestingModule({
      imports: [ConfigModule.forRoot({ isGlobal: true, load: [redisConfig, liveUpdatesConfig], ignoreEnvFile: true }), RedisModule],
      providers: [SportsUpdatesBus, RedisUpdatesChannel, RedisWatcherLease],
    }).compile();
    moduleRef.useLogger(false);
    await moduleRef.init();
    return { proxy, moduleRef, lease: moduleRef.get(RedisWatcherLease) };
  } finally {
    restore();
  }
}

/**
 * Reads every lease's `leading` in one go, every millisecond or so, and counts the instants with
 * more than one leader (the one thing that must never happen) and the handovers it saw.
 */
function sampleLeadership(leases: () => RedisWatcherLease[]) {
  const stats = { samples: 0, overlaps: 0, withLeader: 0, handovers: 0 };
  let last: string | undefined;
  const timer = setInterval(() => {
    const leaders = leases().filter((lease) => lease.leading);
    stats.samples++;
    if (leaders.length > 1) stats.overlaps++;
    if (leaders.length === 1) {
      stats.withLeader++;
      if (last !== undefined && leaders[0].instanceId !== last) stats.handovers++;
      last = leaders[0].instanceId;
    }
  }, 1);
  return {
    stats,
    stop: () => clearInterval(timer),
  };
}

const leadersAmong = (contenders: Contender[]) => contenders.filter((c) => c.lease.leading);

describe('RedisWatcherLease on a real Redis', () => {
  let redis: RedisClientType;
  const open: Contender[] = [];
  const proxies: FlakyProxy[] = [];

  const contender = async (prefix: string, ttlMs = TTL_MS): Promise<Contender> => {
    const proxy = await FlakyProxy.start(REDIS_PORT, REDIS_HOST);
    proxies.push(proxy);
    const started = await startLease(proxy, prefix, ttlMs);
    open.push(started);
    return started;
  };

  beforeAll(async () => {
    redis = createClient({ url: TEST_REDIS_URL });
    await redis.connect();
  });
  afterEach(async () => {
    for (const proxy of proxies) proxy.calm();
    for (const { moduleRef } of open.splice(0)) await moduleRef.close();
    for (const proxy of proxies.splice(0)) await proxy.close();
  });
  afterAll(async () => {
    await redis.close();
  });

  it('lets one contender hold the key at a time, and hands it over at once when the holder releases it', async () => {
    const prefix = uniquePrefix('lease');
    const first = await contender(prefix);
    await waitFor(() => first.lease.leading, 2_000, 5);
    const second = await contender(prefix);
    // A few renewal periods pass without the second taking the key.
    await new Promise((resolve) => setTimeout(resolve, TTL_MS));
    expect(first.lease.leading).toBe(true);
    expect(second.lease.leading).toBe(false);
    expect(await redis.get(first.lease.key)).toBe(first.lease.instanceId);

    const sampler = sampleLeadership(() => [first.lease, second.lease]);
    await first.moduleRef.close();
    open.splice(open.indexOf(first), 1);
    // Released, not left to expire: the key no longer names the first contender.
    expect(await redis.get(first.lease.key)).not.toBe(first.lease.instanceId);
    await waitFor(() => second.lease.leading, 2_000, 5);
    expect(await redis.get(second.lease.key)).toBe(second.lease.instanceId);
    sampler.stop();
    expect(sampler.stats.overlaps).toBe(0);
  });

  it('steps down at the next renewal when the key names someone else, and never deletes a key it does not hold', async () => {
    const prefix = uniquePrefix('lease');
    const holder = await contender(prefix);
    await waitFor(() => holder.lease.leading, 2_000, 5);
    await redis.set(holder.lease.key, 'another-instance', { expiration: { type: 'PX', value: 60_000 } });
    await waitFor(() => !holder.lease.leading, TTL_MS, 5);

    await holder.moduleRef.close();
    open.splice(open.indexOf(holder), 1);
    expect(await redis.get(holder.lease.key)).toBe('another-instance');
  });

  it('steps down on its own when Redis stops answering, and another takes over once the key expired, never while the stalled one leads', async () => {
    const prefix = uniquePrefix('lease');
    const stalled = await contender(prefix);
    await waitFor(() => stalled.lease.leading, 2_000, 5);
    const waiting = await contender(prefix);
    const sampler = sampleLeadership(() => [stalled.lease, waiting.lease]);

    expect(stalled.lease.leading).toBe(true);
    stalled.proxy.freeze();
    await waitFor(() => waiting.lease.leading, TTL_MS * 4, 1);
    expect(await redis.get(waiting.lease.key)).toBe(waiting.lease.instanceId);
    stalled.proxy.thaw();
    // Its renewals held up by the freeze arrive late and find the key taken: it stays a follower.
    await new Promise((resolve) => setTimeout(resolve, TTL_MS));
    sampler.stop();

    expect(stalled.lease.leading).toBe(false);
    expect(waiting.lease.leading).toBe(true);
    expect(sampler.stats.overlaps).toBe(0);
  });

  it('never has two leaders at one instant while contenders stall, lag, lose connections and restart at random', async () => {
    const CONTENDERS = 4;
    const step = fc.record({
      target: fc.oneof(fc.constant('leader' as const), fc.integer({ min: 0, max: CONTENDERS - 1 })),
      action: fc.constantFrom('freeze', 'thaw', 'delay', 'cut', 'restart', 'calm'),
      delayMs: fc.integer({ min: 0, max: (SHORT_TTL_MS * 2) / 3 }),
      waitMs: fc.integer({ min: 20, max: 400 }),
    });
    const totals = { samples: 0, overlaps: 0, handovers: 0 };

    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 12, maxLength: 12 }), async (steps) => {
        const prefix = uniquePrefix('lease-prop');
        const slots: Contender[] = [];
        for (let i = 0; i < CONTENDERS; i++) slots.push(await contender(prefix, SHORT_TTL_MS));
        const sampler = sampleLeadership(() => slots.map((slot) => slot.lease));
        try {
          for (const { target, action, delayMs, waitMs } of steps) {
            const index = target === 'leader' ? slots.findIndex((slot) => slot.lease.leading) : target;
            const slot = slots[index === -1 ? 0 : index];
            if (action === 'freeze') slot.proxy.freeze();
            else if (action === 'thaw') slot.proxy.thaw();
            else if (action === 'delay') slot.proxy.delay(delayMs);
            else if (action === 'cut') slot.proxy.cut();
            else if (action === 'calm') slot.proxy.calm();
            else {
              // A clean restart: the old instance releases the key, a new one (new id) joins.
              const at = slots.indexOf(slot);
              await slot.moduleRef.close();
              open.splice(open.indexOf(slot), 1);
              const fresh = await startLease(slot.proxy, prefix, SHORT_TTL_MS);
              slots[at] = fresh;
              open.push(fresh);
            }
            await new Promise((resolve) => setTimeout(resolve, waitMs));
          }
          // Once the network is healthy again, someone leads.
          for (const slot of slots) slot.proxy.calm();
          await waitFor(() => leadersAmong(slots).length === 1, SHORT_TTL_MS * 10, 5);
        } finally {
          sampler.stop();
          totals.samples += sampler.stats.samples;
          totals.overlaps += sampler.stats.overlaps;
          totals.handovers += sampler.stats.handovers;
          for (const slot of slots) {
            await slot.moduleRef.close();
            open.splice(open.indexOf(slot), 1);
          }
        }
        expect(sampler.stats.overlaps).toBe(0);
      }),
      { numRuns: 3, seed: 20260521, endOnFailure: true },
    );

    expect(totals.overlaps).toBe(0);
    // The schedule really moved the lease around, many times, under thousands of observations.
    expect(totals.handovers).toBeGreaterThanOrEqual(3);
    expect(totals.samples).toBeGreaterThan(1_000);
  }, 120_000);
});
