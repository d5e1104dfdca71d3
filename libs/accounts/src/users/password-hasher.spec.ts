import { PasswordHasher } from './password-hasher.js';
import { DEMO_USERS } from './demo-users.js';

describe('PasswordHasher', () => {
  const hasher = new PasswordHasher();

  it('hashes with scrypt and a fresh salt, and verifies only the right password', async () => {
    const first = await hasher.hash('correct horse');
    const second = await hasher.hash('correct horse');
    expect(first).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(second).not.toBe(first);
    expect(await hasher.verify('correct horse', first)).toBe(true);
    expect(await hasher.verify('correct horse', second)).toBe(true);
    expect(await hasher.verify('correct horsE', first)).toBe(false);
    expect(await hasher.verify('', first)).toBe(false);
  });

  it('treats canonically equal Unicode spellings of a password as the same password', async () => {
    const stored = await hasher.hash('contrase\u00f1a');
    expect(await hasher.verify('contrasen\u0303a', stored)).toBe(true);
  });

  it('refuses stored values it did not write instead of throwing, including ones asking for absurd costs', async () => {
    const good = await hasher.hash('pw');
    const [, , r, p, salt, hash] = good.split('$');
    for (const stored of ['', 'plain-text', 'bcrypt$2b$10$abc', `scrypt$${2 ** 30}$${r}$${p}$${salt}$${hash}`, `scrypt$1000$${r}$${p}$${salt}$${hash}`, `scrypt$16384$${r}$${p}$${salt}$`]) {
      expect(await hasher.verify('pw', stored)).toBe(false);
    }
  });

  it('holds the documented demo passwords', async () => {
    const passwords: Record<string, string> = { demo: 'demo1234', alice: 'alice1234', bob: 'bob1234' };
    for (const user of DEMO_USERS) {
      expect(await hasher.verify(passwords[user.username], user.passwordHash)).toBe(true);
      expect(await hasher.verify(`${passwords[user.username]}x`, user.passwordHash)).toBe(false);
    }
  });
});
