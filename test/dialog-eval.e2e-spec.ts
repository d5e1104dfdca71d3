import { buildReport, formatFailures, formatTable, formatUnscorable, turnScore, unscorableShare } from '../scripts/dialogs/report.js';
import { HttpChatClient, MAX_UNSCORABLE_SHARE, runDialog, type DialogResult } from '../scripts/dialogs/runner.js';
import { HttpSportsApi } from '../scripts/dialogs/oracle.js';
import { DIALOGS } from '../scripts/dialogs/sets/index.js';
import { TEST_REDIS_URL, uniquePrefix } from './support/env.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/** Share of turns that must be fully correct (every check passing) on the labelled dialogue set. */
const MINIMUM_TURN_SCORE = 0.95;

// The whole labelled set (npm run eval:dialogs plays the same) against the app on real Redis, with
// the embedded data and the offline engine; every expected number is read from the data API at the
// moment of the turn.
describe('Labelled multi-turn dialogues', () => {
  let testApp: TestApp;
  let baseUrl: string;

  beforeAll(async () => {
    testApp = await createTestApp({
      env: { REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: uniquePrefix('dialogs'), RATE_LIMIT_REQUESTS: '1000000', CHAT_RATE_LIMIT_PER_MINUTE: '10000' },
    });
    await testApp.app.listen(0, '127.0.0.1');
    const address = testApp.app.getHttpServer().address();
    baseUrl = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : address}`;
  });

  afterAll(async () => {
    await testApp.close();
  });

  // Turns whose expectation the day's data cannot give (no such fixture or market that day) are left
  // out of the score, and at most a small share of them may be, so the guard cannot pass on a handful.
  it(`answers at least ${MINIMUM_TURN_SCORE * 100}% of the scorable turns fully correctly, in English and in Spanish`, async () => {
    const chat = new HttpChatClient(baseUrl);
    const api = new HttpSportsApi(baseUrl);
    const started = new Date();
    const results: DialogResult[] = [];
    for (const [index, dialog] of DIALOGS.entries()) results.push(await runDialog(dialog, chat, api, `dialog-eval-${index}`));
    const report = buildReport(results, started, new Date());
    const score = turnScore(report.overall);
    const unscorable = unscorableShare(report.overall);
    if (score < MINIMUM_TURN_SCORE || unscorable > MAX_UNSCORABLE_SHARE) {
      // The table and every failing or unscorable turn with why, so a failure says what went wrong.
      process.stderr.write(`${formatTable(report)}\n\n${formatFailures(report)}\n\nUnscorable:\n${formatUnscorable(report)}\n`);
    }

    expect(results.length).toBeGreaterThanOrEqual(200);
    expect(report.overall.dialogs).toBeGreaterThanOrEqual(200);
    expect(unscorable).toBeLessThanOrEqual(MAX_UNSCORABLE_SHARE);
    expect(score).toBeGreaterThanOrEqual(MINIMUM_TURN_SCORE);
  }, 600_000);
});
