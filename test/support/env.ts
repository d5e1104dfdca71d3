import { randomBytes } from 'node:crypto';

/** The Redis server the tests use; the suite needs a real one (see README). */
export const TEST_REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A key prefix no other test file shares, so test files can run in parallel on one Redis. */
export function uniquePrefix(label: string): string {
  return `test:${label}:${randomBytes(4).toString('hex')}:`;
}

type EnvPatch = Record<string, string | undefined>;

/** Applies env variables for one app instance and returns a function that restores the old values. */
export function patchEnv(patch: EnvPatch): () => void {
  const previous: EnvPatch = {};
  for (const [name, value] of Object.entries(patch)) {
    previous[name] = process.env[name];
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  return () => {
    for (const [name, value] of Object.entries(previous)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
}
