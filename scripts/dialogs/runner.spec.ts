import { createTestApp, type TestApp } from '../../test/support/test-app.js';
import type { Dialog } from './dialog.types.js';
import { HttpSportsApi } from './oracle.js';
import { HttpChatClient, runDialog } from './runner.js';

describe('runDialog against the running application', () => {
  let testApp: TestApp;
  let baseUrl: string;

  beforeAll(async () => {
    testApp = await createTestApp();
    await testApp.app.listen(0, '127.0.0.1');
    const address = testApp.app.getHttpServer().address();
    baseUrl = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : address}`;
  });

  afterAll(async () => {
    await testApp.close();
  });

  const dialog: Dialog = {
    id: 'runner.spec.arsenal',
    category: 'basics',
    language: 'en',
    turns: [
      { user: 'When do Arsenal play next?', intents: ['MATCH_SCHEDULE_QUERY'], teams: ['Arsenal'], checks: [{ kind: 'fixture', fixture: { team: 'Arsenal' } }] },
      { user: 'and what are the odds?', checks: [{ kind: 'mentions', all: ['no such word anywhere'] }] },
    ],
  };

  it('plays the turns in one session and judges each against the data of the moment', async () => {
    const result = await runDialog(dialog, new HttpChatClient(baseUrl), new HttpSportsApi(baseUrl), 'runner-spec-user');

    expect(result.turns).toHaveLength(2);
    const [first, second] = result.turns;
    expect(first.checks.map((c) => [c.kind, c.pass])).toEqual([
      ['intent', true],
      ['teams', true],
      ['fixture', true],
    ]);
    expect(first.pass).toBe(true);
    // The second turn continued the conversation (it is answered about Arsenal) and failed only its impossible check.
    expect(second.answer).toMatch(/Arsenal/);
    expect(second.checks).toEqual([expect.objectContaining({ kind: 'mentions', pass: false })]);
    expect(result.pass).toBe(false);
  });

  it('reports a fixture the data does not have as a data problem, not as a wrong answer', async () => {
    const impossible: Dialog = {
      id: 'runner.spec.nothing',
      category: 'basics',
      language: 'en',
      turns: [{ user: 'When do Arsenal play next?', checks: [{ kind: 'fixture', fixture: { team: 'Arsenal', opponent: 'Real Oviedo' } }] }],
    };
    const result = await runDialog(impossible, new HttpChatClient(baseUrl), new HttpSportsApi(baseUrl), 'runner-spec-user-2');
    expect(result.turns[0].checks[0]).toMatchObject({ pass: false, oracleError: true });
    // Such a turn is left out of the score rather than counted wrong.
    expect(result.turns[0].unscorable).toContain('no fixture of Arsenal against Real Oviedo');
  });
});
