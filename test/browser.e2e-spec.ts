import { ODDS_BUCKET_MS } from '@app/sports-data';
import { existsSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { type Browser, chromium, type Page, type WebSocketRoute } from 'playwright-core';
import { TEST_REDIS_URL, uniquePrefix } from './support/env.js';
import { waitFor } from './support/redis-server.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/**
 * The chat page in a real Chromium against the real app (embedded sports data, offline engine, no
 * Redis): the answer streams in over Socket.IO, the odds shown are the API's and follow the market
 * live, times are the browser's zone in one format per language, a demo user signs in, sees the
 * balance and limits and confirms a proposed bet, and what people type is shown as text, never
 * run as HTML.
 */
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const ARTIFACTS = resolve(process.cwd(), 'test/artifacts');
const QUESTION = 'What are the odds for Barcelona vs Real Madrid?';
const INJECTION = '<img src=x onerror=alert(1)>';
const BET = 'Bet €10 on Barcelona to beat Real Madrid';
// A zone far from the machine's (UTC) and a locale whose default clock is 12-hour: the page must
// still write times in this zone, 24-hour, as the answers do.
const BROWSER_ZONE = 'America/Bogota';

interface ComparisonAnswer {
  nextMeeting: { id: string; startTime: string } | null;
}

interface OddsSelection {
  key: string;
  name: string;
  odds: number;
  impliedProbability: number;
}

interface OddsAnswer {
  fixture: { id: string; home: { name: string }; away: { name: string } };
  markets: Array<{ market: string; selections: OddsSelection[] }>;
}

interface PageStats {
  streamingEvents: number;
  botResponses: number;
  oddsUpdates: number;
  errors: number;
  reconnects: number;
  resumedSessions: number;
  resumes: number;
}

/** What the page exposes on its global object (the test's tsconfig has no DOM types). */
interface PageGlobals {
  chatbetPage: { stats: PageStats; transport: string; sessionId?: string; lastAnswer: string };
  textChanges: Array<{ before: string; after: string }>;
}

// Records every change of an answer's text with the text before it, to see the answer grow.
const WATCH_ANSWER_TEXT = `
  window.textChanges = [];
  new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'characterData' && record.target.parentElement?.closest('.msg--bot')) {
        window.textChanges.push({ before: record.oldValue ?? '', after: record.target.textContent ?? '' });
      }
    }
  }).observe(document.getElementById('messages'), { subtree: true, characterData: true, characterDataOldValue: true });
`;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The embedded odds move every ODDS_BUCKET_MS; starting a turn well inside a bucket keeps the
 * answer, the page's odds request and this test's request on the same prices.
 */
async function waitForFreshOddsBucket(marginMs = 10_000): Promise<void> {
  while (ODDS_BUCKET_MS - (Date.now() % ODDS_BUCKET_MS) < marginMs) {
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function botResponses(page: Page): Promise<number> {
  return page.evaluate(() => (globalThis as unknown as PageGlobals).chatbetPage.stats.botResponses);
}

async function ask(page: Page, text: string): Promise<void> {
  await page.fill('#message-input', text);
  await sendTyped(page);
}

async function sendTyped(page: Page): Promise<void> {
  const before = await botResponses(page);
  await page.press('#message-input', 'Enter');
  await page
    .waitForFunction((count) => (globalThis as unknown as PageGlobals).chatbetPage.stats.botResponses > count, before, { timeout: 20_000 })
    .catch(async (error: Error) => {
      // Say what the page showed instead of an answer.
      const shown = await page.locator('#messages > li').evaluateAll((items) => items.slice(-3).map((item) => (item as unknown as { textContent: string }).textContent));
      const stats = await page.evaluate(() => (globalThis as unknown as PageGlobals).chatbetPage.stats);
      throw new Error(`${error.message}\nlast messages: ${JSON.stringify(shown)}\nstats: ${JSON.stringify(stats)}`);
    });
}

/** A kick-off as the page and the answers write it in English: "Sun 13 Dec, 15:00" in the given zone. */
function englishKickoff(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(new Date(iso));
}

async function loginToken(baseUrl: string, username: string, password: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password }) });
  return ((await response.json()) as { access_token: string }).access_token;
}

describe('Web chat page in a real browser', () => {
  let t: TestApp | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let baseUrl: string;
  const pageErrors: string[] = [];
  const consoleErrors: string[] = [];
  const dialogs: string[] = [];
  const foreignRequests: string[] = [];
  const webSockets: string[] = [];
  // Every WebSocket of the page goes through the test, which can cut it like a network drop would.
  const openSockets: WebSocketRoute[] = [];

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(
        `${CHROMIUM} is missing: this test drives Debian's chromium package. Install it with ` +
          '`apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium` (bash .ci/run does this).',
      );
    }
    // Odds cached for 1 s, so the live-updates watcher polls every second and sees each move of
    // the embedded prices as soon as it happens.
    t = await createTestApp({ env: { CACHE_TTL_ODDS: '1' } });
    await t.app.listen(0, '127.0.0.1');
    const { port } = t.app.getHttpServer().address() as AddressInfo;
    baseUrl = `http://127.0.0.1:${port}`;

    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('websocket', (socket) => webSockets.push(socket.url()));
    await page.routeWebSocket(/\/socket\.io\//, (socket) => {
      openSockets.push(socket);
      socket.connectToServer();
    });
    page.on('request', (request) => {
      if (!request.url().startsWith(baseUrl)) foreignRequests.push(request.url());
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('serves the page to browsers at / and /ws/test with a strict CSP, and JSON to API clients', async () => {
    const html = await fetch(`${baseUrl}/`, { headers: { Accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } });
    expect(html.headers.get('content-type')).toMatch(/^text\/html/);
    expect(html.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await html.text()).toContain('id="messages"');

    const test = await fetch(`${baseUrl}/ws/test`);
    expect(test.headers.get('content-type')).toMatch(/^text\/html/);

    const json = await fetch(`${baseUrl}/`);
    expect(json.headers.get('content-type')).toMatch(/^application\/json/);
    expect(json.headers.get('content-security-policy')).toBeNull();
    expect(await json.json()).toMatchObject({ service: 'chatbet-backend', docs: '/docs' });

    const docs = await fetch(`${baseUrl}/docs/`);
    expect(docs.status).toBe(200);
    expect(docs.headers.get('content-security-policy')).toBeNull();
  });

  it('connects to the /chat namespace over Socket.IO and shows it', async () => {
    await page.goto(`${baseUrl}/`);
    await page.waitForSelector('#connection[data-state="connected"]', { timeout: 10_000 });
    expect(await page.evaluate(() => (globalThis as unknown as PageGlobals).chatbetPage.transport)).toBe('socket');
    expect(await page.textContent('#connection-text')).toBe('Connected');
    // The page's own CSP lets Socket.IO upgrade to a WebSocket on the same origin.
    const upgraded = () => webSockets.some((url) => url.startsWith(baseUrl.replace('http', 'ws')) && url.includes('transport=websocket'));
    await waitFor(upgraded, 5_000).catch(() => undefined);
    expect(upgraded()).toBe(true);
  });

  it('streams the answer to an odds question, then shows its prices once, as a table of the API odds under a one-line lead', async () => {
    await page.evaluate(WATCH_ANSWER_TEXT);
    await waitForFreshOddsBucket();
    await ask(page, QUESTION);

    const answer = page.locator('#messages > .msg--bot[data-message-id]').last();
    const written = await page.evaluate(() => (globalThis as unknown as PageGlobals).chatbetPage.lastAnswer);
    expect(written).toContain('Barcelona');

    // Streamed deltas arrived before the final answer: the text grew through prefixes of it.
    const { streamingEvents } = await page.evaluate(() => (globalThis as unknown as PageGlobals).chatbetPage.stats);
    expect(streamingEvents).toBeGreaterThanOrEqual(2);
    const changes = await page.evaluate(() => (globalThis as unknown as PageGlobals).textChanges);
    const partial = changes.map((c) => c.before).filter((text) => text.length > 0 && text.length < written.length);
    expect(partial.length).toBeGreaterThanOrEqual(1);
    for (const text of partial) expect(written.startsWith(text)).toBe(true);
    expect(changes.some((c) => c.after === written)).toBe(true);

    expect(await answer.locator('.chips .chip').count()).toBeGreaterThan(0);

    // The table of the answer holds the API's numbers for this match's 1x2 market, and the
    // answer's own lines quoting prices make way for it: the lead and the notes stay.
    const table = answer.locator('.odds');
    await table.waitFor({ timeout: 10_000 });
    const shownText = (await answer.locator('.msg__text').textContent()) ?? '';
    expect(shownText).toBe(written.split('\n')[0]);
    expect(shownText).toMatch(/^Odds for Barcelona vs Real Madrid \(La Liga, /);
    expect(await answer.locator('.msg__note').textContent()).toContain('Odds can change before kick-off.');
    expect(await answer.textContent()).not.toContain('Match result (1X2): Barcelona');
    expect(await table.locator('tbody').evaluateAll((bodies) => bodies.map((b) => (b as unknown as { dataset: { market: string } }).dataset.market))).toEqual(['1x2', 'over_under:2.5', 'btts']);

    const fixtureId = await table.getAttribute('data-fixture-id');
    const api = (await (await fetch(`${baseUrl}/api/v1/sports/odds?match_id=${fixtureId}&market=1x2`)).json()) as OddsAnswer;
    expect([api.fixture.home.name, api.fixture.away.name]).toEqual(['Barcelona', 'Real Madrid']);
    const selections = api.markets.find((m) => m.market === '1x2')!.selections;
    expect(selections.map((s) => s.key)).toEqual(['home', 'draw', 'away']);

    const resultLine = written.split('\n').find((line) => line.includes('1X2')) ?? '';
    for (const selection of selections) {
      const row = table.locator(`tbody[data-market="1x2"] tr[data-selection="${selection.key}"]`);
      expect(Number(await row.locator('.odds__price').textContent())).toBe(selection.odds);
      const shownProbability = Number((await row.locator('.odds__probability').textContent())!.replace('%', '')) / 100;
      expect(shownProbability).toBeCloseTo(selection.impliedProbability, 6);

      const quoted = new RegExp(`${escapeRegExp(selection.name)} (\\d+\\.\\d+) \\((\\d+(?:\\.\\d+)?)%\\)`).exec(resultLine);
      expect(quoted).not.toBeNull();
      expect(Number(quoted![1])).toBe(selection.odds);
      expect(Math.abs(Number(quoted![2]) / 100 - selection.impliedProbability)).toBeLessThanOrEqual(0.0006);
    }

    // The live panel follows the same match.
    expect(await page.textContent('#live-fixture')).toBe('Barcelona vs Real Madrid');
    expect(await page.locator('#live-rows tr').count()).toBe(3);
  });

  it('keeps intents and response times behind the Details switch, off by default, and remembers it', async () => {
    const answer = page.locator('#messages > .msg--bot[data-message-id]').last();
    const badge = answer.locator('.badge');
    const latency = answer.locator('.msg__latency');
    expect(await badge.textContent()).toContain('ODDS_INFORMATION_QUERY');
    expect(await latency.textContent()).toMatch(/^ · \d+ ms$/);
    expect(await page.isChecked('#details-toggle')).toBe(false);
    expect(await badge.isVisible()).toBe(false);
    expect(await latency.isVisible()).toBe(false);
    // The answer's time stays: 24-hour, in the browser's zone.
    expect(await answer.locator('.msg__time').textContent()).toMatch(/^\d{2}:\d{2}$/);

    await page.click('label[for="details-toggle"]');
    expect(await badge.isVisible()).toBe(true);
    expect(await latency.isVisible()).toBe(true);
    openSockets.splice(0);
    await page.reload();
    await page.waitForSelector('#connection[data-state="connected"]', { timeout: 10_000 });
    expect(await page.isChecked('#details-toggle')).toBe(true);
    await page.click('label[for="details-toggle"]');
    expect(await page.isChecked('#details-toggle')).toBe(false);
    // Back to the odds answer for the tests that follow.
    await waitForFreshOddsBucket();
    await ask(page, QUESTION);
    await page.locator('#messages > .msg--bot .odds').last().waitFor({ timeout: 10_000 });
  });

  it('shows a message that looks like HTML as literal text', async () => {
    await ask(page, INJECTION);
    const mine = page.locator('#messages > .msg--user .msg__text').last();
    expect(await mine.textContent()).toBe(INJECTION);
    expect(await page.locator('#messages img').count()).toBe(0);
    expect(dialogs).toEqual([]);
  });

  it('switches the interface to Spanish', async () => {
    expect(await page.textContent('#send')).toBe('Send');
    await page.click('label[for="lang-es"]');
    expect(await page.textContent('#send')).toBe('Enviar');
    expect(await page.getAttribute('#message-input', 'placeholder')).toBe('Pregunta por un partido, cuotas o una apuesta…');
    expect(await page.getAttribute('html', 'lang')).toBe('es');
    expect(await page.locator('.odds thead th').nth(1).textContent()).toBe('Cuota');
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'chat-page-es.png') });
  });

  it('updates the live panel when the match odds move, marking each move up or down', async () => {
    await page.waitForSelector('#live-state[data-state="live"]', { timeout: 5_000 });
    // The embedded prices move at every ODDS_BUCKET_MS boundary; almost always one of three moves.
    await page.waitForFunction(() => (globalThis as unknown as PageGlobals).chatbetPage.stats.oddsUpdates > 0, undefined, {
      timeout: 2 * ODDS_BUCKET_MS + 5_000,
    });
    const fixtureId = await page.locator('.odds').first().getAttribute('data-fixture-id');
    const api = (await (await fetch(`${baseUrl}/api/v1/sports/odds?match_id=${fixtureId}&market=1x2`)).json()) as OddsAnswer;
    const now = api.markets.find((m) => m.market === '1x2')!.selections.map((s) => s.odds.toFixed(2));
    // The panel shows the API's prices once the watcher's updates are in.
    const shown = () => page.locator('#live-rows .live__price').allTextContents();
    await waitFor(async () => JSON.stringify(await shown()) === JSON.stringify(now), 5_000).catch(() => undefined);
    expect(await shown()).toEqual(now);

    let moved = 0;
    for (const row of await page.locator('#live-rows tr').all()) {
      const className = (await row.getAttribute('class')) ?? '';
      if (!/is-(up|down)/.test(className)) continue;
      moved++;
      expect(await row.locator('.live__change').textContent()).toMatch(className.includes('is-up') ? /^▲ \d+\.\d{2}$/ : /^▼ \d+\.\d{2}$/);
    }
    expect(moved).toBeGreaterThan(0);
  }, 2 * ODDS_BUCKET_MS + 20_000);

  it('reconnects by itself after the connection drops and carries on in the same session', async () => {
    const page$ = () => page.evaluate(() => {
      const { stats, sessionId, transport } = (globalThis as unknown as PageGlobals).chatbetPage;
      return { ...stats, sessionId, transport };
    });
    const before = await page$();
    expect(before.sessionId).toEqual(expect.any(String));
    const answers = await page.locator('#messages > .msg--bot[data-message-id]').count();

    for (const socket of openSockets.splice(0)) await socket.close();
    await page.waitForFunction((count) => (globalThis as unknown as PageGlobals).chatbetPage.stats.reconnects > count, before.reconnects, {
      timeout: 15_000,
    });
    await page.waitForSelector('#connection[data-state="connected"]', { timeout: 10_000 });
    // The page asked to resume; what the server replays is already on the page and is not shown twice.
    await page.waitForFunction((count) => (globalThis as unknown as PageGlobals).chatbetPage.stats.resumes > count, before.resumes, {
      timeout: 10_000,
    });
    expect(await page.locator('#messages > .msg--bot[data-message-id]').count()).toBe(answers);

    await ask(page, 'Who will win Barcelona vs Real Madrid?');
    const after = await page$();
    expect(after.transport).toBe('socket');
    expect(after.sessionId).toBe(before.sessionId);
    expect(await page.locator('#messages > .msg--bot[data-message-id]').count()).toBe(answers + 1);
    // The live panel subscribed again on the new connection.
    await page.waitForSelector('#live-state[data-state="live"]', { timeout: 5_000 });
  });

  it.each([
    ['Socket.IO', 'socket'],
    ['HTTP streaming (no Socket.IO server)', 'http'],
  ])("writes times in the browser's zone, 24-hour, in the answer and the live panel alike, over %s", async (_name, transport) => {
    const zoned = await browser!.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-US', timezoneId: BROWSER_ZONE });
    zoned.on('pageerror', (error) => pageErrors.push(error.message));
    try {
      if (transport === 'http') await zoned.route('**/socket.io/socket.io.js', (route) => route.fulfill({ status: 404, body: '' }));
      await zoned.goto(`${baseUrl}/`);
      await zoned.waitForSelector('#connection[data-state="connected"]', { timeout: 10_000 });
      expect(await zoned.evaluate(() => (globalThis as unknown as PageGlobals).chatbetPage.transport)).toBe(transport);
      await ask(zoned, QUESTION);

      const query = new URLSearchParams({ team_a: 'Barcelona', team_b: 'Real Madrid' });
      const meeting = (await (await fetch(`${baseUrl}/api/v1/sports/compare?${query}`)).json()) as ComparisonAnswer;
      const kickoff = englishKickoff(meeting.nextMeeting!.startTime, BROWSER_ZONE);
      const written = await zoned.evaluate(() => (globalThis as unknown as PageGlobals).chatbetPage.lastAnswer);
      expect(written).toContain(`(La Liga, ${kickoff}):`);
      expect(written).toContain(`(Times in ${BROWSER_ZONE}.)`);
      await zoned.waitForSelector('#live-match:not([hidden])', { timeout: 10_000 });
      expect(await zoned.textContent('#live-meta')).toBe(`La Liga · ${kickoff} · Not started`);
      expect(kickoff).toMatch(/, \d{2}:\d{2}$/);
    } finally {
      await zoned.close();
    }
  }, 60_000);

  it('offers sign-in when a bet is asked for, then shows balance and limits and places a confirmed bet once, within the daily limit', async () => {
    await page.click('label[for="lang-en"]');
    await waitForFreshOddsBucket(20_000);
    await ask(page, BET);
    const prompt = page.locator('#messages > .msg--bot[data-message-id]').last();
    await prompt.locator('.msg__action').click();
    await page.waitForSelector('#sign-in-dialog[open]');

    await page.fill('#sign-in-username', 'demo');
    await page.fill('#sign-in-password', 'wrong-password');
    await page.click('#sign-in-form button[type="submit"]');
    await page.waitForSelector('#sign-in-error:not([hidden])');
    expect(await page.textContent('#sign-in-error')).toBe('Wrong username or password.');

    // The demo accounts are offered on the form of a server that runs them.
    await page.click('#sign-in-demo button:text-is("demo")');
    await page.click('#sign-in-form button[type="submit"]');
    await page.waitForSelector('#account-balance:not(:empty)', { timeout: 10_000 });
    expect(await page.isVisible('#sign-in-dialog')).toBe(false);
    expect(await page.isVisible('#sign-in')).toBe(false);
    expect(await page.textContent('#account-chip-balance')).toBe('€1000.00');
    expect(await page.textContent('#account-name')).toBe('Demo User');
    expect(await page.textContent('#account-limit')).toBe('None set');
    expect(await page.locator('#messages > .msg--note').last().textContent()).toContain('Signed in as Demo User');
    // The bet asked for is offered again, to send as the signed-in user.
    expect(await page.inputValue('#message-input')).toBe(BET);

    // A daily stake limit set in the page applies at once, as the API reports it.
    await page.fill('#limit-input', '15');
    await page.click('#limit-form button[type="submit"]');
    await page.waitForSelector('#limit-status:not(:empty)');
    expect(await page.textContent('#account-limit')).toBe('€15.00 · €15.00 left today');
    const token = await loginToken(baseUrl, 'demo', 'demo1234');
    const auth = { headers: { Authorization: `Bearer ${token}` } };
    expect(await (await fetch(`${baseUrl}/api/v1/auth/limits`, auth)).json()).toMatchObject({ daily_stake_limit: 15, remaining_today: 15 });

    await page.waitForSelector('#connection[data-state="connected"]', { timeout: 10_000 });
    await waitForFreshOddsBucket(20_000);
    await sendTyped(page);
    const answer = page.locator('#messages > .msg--bot[data-message-id]').last();
    const slip = answer.locator('.slip');
    await slip.waitFor({ timeout: 10_000 });
    const proposalId = (await slip.getAttribute('data-proposal-id'))!;
    const { proposals } = (await (await fetch(`${baseUrl}/api/v1/bets/proposals`, auth)).json()) as { proposals: Array<{ proposal_id: string; stake: number; potential_return: number }> };
    const proposal = proposals.find((p) => p.proposal_id === proposalId)!;
    expect(proposal.stake).toBe(10);
    expect(await slip.locator('.slip__stake').textContent()).toBe('€10.00');
    expect(await slip.locator('.slip__return').textContent()).toBe(`€${proposal.potential_return.toFixed(2)}`);
    // The slip says how to confirm; the answer no longer sends the user to the API for it.
    expect(await answer.textContent()).not.toContain('/api/v1/bets/proposals');

    await slip.locator('.slip__confirm').click();
    await page.waitForSelector(`.slip[data-proposal-id="${proposalId}"][data-state="placed"]`, { timeout: 10_000 });
    const placed = (await (await fetch(`${baseUrl}/api/v1/bets`, auth)).json()) as { bets: Array<{ proposal_id?: string; stake: number }>; total: number };
    expect(placed.total).toBe(1);
    expect(placed.bets[0]).toMatchObject({ proposal_id: proposalId, stake: 10 });
    expect(await (await fetch(`${baseUrl}/api/v1/auth/balance`, auth)).json()).toMatchObject({ available: 990, staked_today: 10, remaining_today: 5 });
    await page.waitForFunction(() => (globalThis as unknown as { document: { getElementById(id: string): { textContent: string } } }).document.getElementById('account-balance').textContent === '€990.00');
    expect(await slip.locator('.slip__status').textContent()).toBe('Bet placed. Balance now €990.00.');
    expect(await page.textContent('#account-chip-balance')).toBe('€990.00');
    expect(await page.textContent('#account-staked')).toBe('€10.00');
    expect(await page.textContent('#account-limit')).toBe('€15.00 · €5.00 left today');

    // Another €10 is over what the limit leaves today: refused with the reason, nothing placed.
    await waitForFreshOddsBucket(20_000);
    await ask(page, 'Bet €10 on Real Madrid to beat Barcelona');
    const second = page.locator('#messages > .msg--bot[data-message-id]').last().locator('.slip');
    await second.waitFor({ timeout: 10_000 });
    await second.locator('.slip__confirm').click();
    await page.waitForSelector('.slip[data-state="rejected"]', { timeout: 10_000 });
    expect(await second.getAttribute('data-error-code')).toBe('DAILY_LIMIT_EXCEEDED');
    expect(await second.locator('.slip__status').textContent()).toBe('This stake is over what your daily limit leaves today.');
    expect(await second.locator('.slip__confirm').isDisabled()).toBe(true);
    expect(((await (await fetch(`${baseUrl}/api/v1/bets`, auth)).json()) as { total: number }).total).toBe(1);
    expect(await page.textContent('#account-chip-balance')).toBe('€990.00');
  }, 120_000);

  it('signs out: the account disappears and the conversation starts again anonymously', async () => {
    const before = await page.evaluate(() => (globalThis as unknown as PageGlobals).chatbetPage.sessionId);
    await page.click('#sign-out');
    await page.waitForSelector('#sign-in:not([hidden])');
    expect(await page.isVisible('#account')).toBe(false);
    expect(await page.isVisible('#account-chip')).toBe(false);
    await page.waitForSelector('#connection[data-state="connected"]', { timeout: 10_000 });
    await ask(page, 'When does Liverpool play next?');
    const after = await page.evaluate(() => (globalThis as unknown as PageGlobals).chatbetPage.sessionId);
    expect(after).toEqual(expect.any(String));
    expect(after).not.toBe(before);
  });

  it('shows a running self-exclusion with its end date on the account', async () => {
    const token = await loginToken(baseUrl, 'bob', 'bob1234');
    const excluded = await fetch(`${baseUrl}/api/v1/auth/limits`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ self_excluded: true, self_exclusion_days: 7 }),
    });
    const { self_excluded_until: until } = (await excluded.json()) as { self_excluded_until: string };
    await page.click('#sign-in');
    await page.fill('#sign-in-username', 'bob');
    await page.fill('#sign-in-password', 'bob1234');
    await page.click('#sign-in-form button[type="submit"]');
    await page.waitForSelector('#account-exclusion:not([hidden])', { timeout: 10_000 });
    // The page's zone is the machine's, as is this process's.
    const day = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long' }).format(new Date(until));
    expect(await page.textContent('#account-exclusion')).toBe(`Self-excluded until ${day}`);
    expect(await page.textContent('#account-chip-balance')).toBe('€250.00');
    await page.click('#sign-out');
    await page.waitForSelector('#sign-in:not([hidden])');
  });

  it('loads nothing from other origins and runs without errors; saves a screenshot', async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.click('label[for="lang-en"]');
    await page.screenshot({ path: join(ARTIFACTS, 'chat-page.png'), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: join(ARTIFACTS, 'chat-page-mobile.png') });

    expect(foreignRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
    // Chromium logs every 4xx answer; the wrong password (401) and the refused bet (409) were asked for.
    expect(consoleErrors.filter((text) => !/status of (401|409)\b/.test(text))).toEqual([]);
  });
});

describe('Web chat page when its server shuts down', () => {
  // Two app instances on one Redis, served one after the other on the same port, as a rolling
  // update behind one address does: A shuts down, B takes over.
  const env = { REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: uniquePrefix('browser-shutdown') };
  let a: TestApp | undefined;
  let b: TestApp | undefined;
  let browser: Browser | undefined;

  afterAll(async () => {
    await browser?.close();
    await a?.close();
    await b?.close();
  });

  it('reconnects after server_shutdown to the instance that takes over, resumes, and carries on in the same session', async () => {
    a = await createTestApp({ env });
    await a.app.listen(0, '127.0.0.1');
    const { port } = a.app.getHttpServer().address() as AddressInfo;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    const page = await browser.newPage({ locale: 'en-GB' });
    const seen: string[] = [];
    page.on('websocket', (socket) => seen.push(`ws ${socket.url()}`));
    // A failure says which step did not happen and what the page showed then.
    const step = async <T>(name: string, run: () => Promise<T>): Promise<T> => {
      let timer: NodeJS.Timeout | undefined;
      try {
        return await Promise.race([
          run(),
          new Promise<never>((_, reject) => {
            timer = setTimeout(() => reject(new Error('no result in 25 s')), 25_000);
          }),
        ]);
      } catch (error) {
        const connection = await page.getAttribute('#connection', 'data-state').catch(() => null);
        const state = await page
          .evaluate(() => (globalThis as unknown as PageGlobals).chatbetPage.stats)
          .catch(() => 'page gone');
        throw new Error(`${name}: ${(error as Error).message}\npage: ${connection} ${JSON.stringify(state)}\nsockets: ${seen.join(', ')}`);
      } finally {
        clearTimeout(timer);
      }
    };
    await page.goto(`http://127.0.0.1:${port}/`);
    await step('connect to A', () => page.waitForSelector('#connection[data-state="connected"]', { timeout: 10_000 }));
    await step('first question on A', () => ask(page, 'When does Barcelona play next?'));
    const before = await page.evaluate(() => {
      const { stats, sessionId } = (globalThis as unknown as PageGlobals).chatbetPage;
      return { ...stats, sessionId };
    });

    await step('close A', () => a!.close());
    a = undefined;
    b = await step('start B', () => createTestApp({ env }));
    await step('listen on the same port', () => b!.app.listen(port, '127.0.0.1'));

    await step('resume on B', () =>
      page.waitForFunction((count) => (globalThis as unknown as PageGlobals).chatbetPage.stats.resumes > count, before.resumes, { timeout: 20_000 }),
    );
    await step('connected to B', () => page.waitForSelector('#connection[data-state="connected"]', { timeout: 10_000 }));
    // B knows the conversation A stored: the follow-up is answered from its context.
    await step('follow-up on B', () => ask(page, 'And Real Madrid?'));
    const after = await page.evaluate(() => (globalThis as unknown as PageGlobals).chatbetPage.sessionId);
    expect(after).toBe(before.sessionId);
    const lastAnswer = await page.locator('#messages > .msg--bot[data-message-id]').last().textContent();
    expect(lastAnswer).toContain('Real Madrid');
    expect(await page.locator('#messages > .msg--bot[data-message-id]').count()).toBe(2);
  }, 90_000);
});
