import { Injectable } from '@nestjs/common';
import { randomBytes, scrypt, type ScryptOptions, timingSafeEqual } from 'node:crypto';

/** scrypt cost: N = 2^14, r = 8, p = 1 (about 16 MB and a few tens of ms per hash). */
const DEFAULT = { N: 16_384, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;
const SALT_BYTES = 16;
// Stored hashes name their own cost; these bounds keep a damaged or hostile value from asking for
// gigabytes of memory.
const MAX_N = 1 << 20;
const MAX_R = 32;
const MAX_P = 16;

function derive(password: string, salt: Buffer, length: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, length, { ...options, maxmem: 256 * (options.N ?? DEFAULT.N) * (options.r ?? DEFAULT.r) + 1024 * 1024 }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

/**
 * Password hashes as `scrypt$N$r$p$salt$hash` (salt and hash in base64url), checked in constant time.
 * Passwords are NFKC-normalised first, so the same password typed on different keyboards matches.
 */
@Injectable()
export class PasswordHasher {
  async hash(password: string): Promise<string> {
    const salt = randomBytes(SALT_BYTES);
    const key = await derive(password, salt, KEY_LENGTH, DEFAULT);
    return ['scrypt', DEFAULT.N, DEFAULT.r, DEFAULT.p, salt.toString('base64url'), key.toString('base64url')].join('$');
  }

  /** False for a wrong password and for a stored value that is not a hash this class wrote. */
  async verify(password: string, stored: string): Promise<boolean> {
    const parsed = parse(stored);
    if (!parsed) return false;
    const key = await derive(password, parsed.salt, parsed.hash.length, parsed.options);
    return timingSafeEqual(key, parsed.hash);
  }

  /**
   * Spends the time of one verification without a stored hash, so a login for an unknown user
   * takes as long as one with a wrong password and does not reveal which usernames exist.
   */
  async burn(password: string): Promise<void> {
    await derive(password, Buffer.alloc(SALT_BYTES), KEY_LENGTH, DEFAULT);
  }
}

function parse(stored: string): { options: ScryptOptions; salt: Buffer; hash: Buffer } | undefined {
  const parts = typeof stored === 'string' ? stored.split('$') : [];
  if (parts.length !== 6 || parts[0] !== 'scrypt') return undefined;
  const [N, r, p] = parts.slice(1, 4).map(Number);
  const valid = Number.isInteger(N) && N > 1 && N <= MAX_N && (N & (N - 1)) === 0 && Number.isInteger(r) && r >= 1 && r <= MAX_R && Number.isInteger(p) && p >= 1 && p <= MAX_P;
  if (!valid) return undefined;
  const salt = Buffer.from(parts[4], 'base64url');
  const hash = Buffer.from(parts[5], 'base64url');
  if (salt.length < 8 || hash.length < 16 || hash.length > 128) return undefined;
  return { options: { N, r, p }, salt, hash };
}
