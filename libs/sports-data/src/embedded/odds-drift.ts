import { normalSample, seededRandom } from '../random.js';

/** Prices are re-set at most once per bucket; within a bucket every request sees the same odds. */
export const ODDS_BUCKET_MS = 30_000;

// Each bucket adds a fresh shock and lets older ones fade, so consecutive buckets differ a little
// while the level never wanders off: a moving average that behaves like a mean-reverting walk.
const DECAY = 0.85;
const MEMORY = 24;

export function oddsBucket(epochMs: number): number {
  return Math.floor(epochMs / ODDS_BUCKET_MS);
}

/**
 * Deterministic drift of one quantity of one fixture at a bucket, in units of one bucket's shock:
 * the same inputs always give the same value, whichever process asks.
 */
export function driftAt(fixtureId: string, quantity: string, bucket: number): number {
  let drift = 0;
  let weight = 1;
  for (let age = 0; age < MEMORY; age++) {
    drift += weight * normalSample(seededRandom('drift', fixtureId, quantity, bucket - age));
    weight *= DECAY;
  }
  return drift;
}
