import request from 'supertest';
import { nowSeconds, signHs256 } from './support/jwt.js';
import { createTestApp } from './support/test-app.js';

/** The key development used to sign with when SECRET_KEY was unset: it was written in the source. */
const FORMER_DEVELOPMENT_KEY = 'chatbet-development-secret-do-not-use-in-production';

/** Attacks on token signing (issue #12, point 3): no known key signs tokens anywhere. */
describe('Security: no known signing key', () => {
  it.each(['staging', 'production'])('refuses to start with ENVIRONMENT=%s and no SECRET_KEY', async (environment) => {
    await expect(createTestApp({ env: { ENVIRONMENT: environment, SECRET_KEY: undefined } })).rejects.toThrow(
      `SECRET_KEY must be set to at least 32 characters when ENVIRONMENT=${environment}`,
    );
  });

  it('refuses ENVIRONMENT=staging with a SECRET_KEY shorter than 32 characters', async () => {
    await expect(createTestApp({ env: { ENVIRONMENT: 'staging', SECRET_KEY: 'short-staging-key' } })).rejects.toThrow('(got 17)');
  });

  it('in development without SECRET_KEY, a token forged with the formerly published key reads no balance', async () => {
    const t = await createTestApp({ env: { ENVIRONMENT: 'development', SECRET_KEY: undefined } });
    try {
      const server = t.app.getHttpServer();
      const forged = signHs256({ sub: 'acct_demo', anon: false, exp: nowSeconds() + 600 }, FORMER_DEVELOPMENT_KEY);
      const res = await request(server).get('/api/v1/auth/balance').set('Authorization', `Bearer ${forged}`);
      expect([res.status, res.body.code]).toEqual([401, 'INVALID_TOKEN']);
      // Its own tokens still work: the generated key signs and verifies within the process.
      const login = await request(server).post('/api/v1/auth/login').send({ username: 'demo', password: 'demo1234' }).expect(200);
      await request(server).get('/api/v1/auth/balance').set('Authorization', `Bearer ${login.body.access_token}`).expect(200);
      const { body } = await request(server).post('/api/v1/auth/generate_token').expect(200);
      await request(server).get(`/api/v1/chat/conversations/${body.user_id}`).set('Authorization', `Bearer ${body.token}`).expect(200);
    } finally {
      await t.close();
    }
  });
});
