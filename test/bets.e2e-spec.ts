import { Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { FORBIDDEN_PROMISES } from '@app/llm';
import { Clock, EmbeddedSportsProvider } from '@app/sports-data';
import { FixedClock } from '../libs/sports-data/src/testing/index.js';
import { DEMO_USER, FakeChatBetServer } from './fakes/fake-chatbet-server.js';
import { FakeGeminiServer, functionResponsesIn, gemini } from './fakes/fake-gemini-server.js';
import { type ChatSocket, connectChat, listen, type WirePayload } from './support/chat-clients.js';
import { TEST_REDIS_URL, uniquePrefix } from './support/env.js';
import { createTestApp, type TestApp } from './support/test-app.js';

type Server = ReturnType<TestApp['app']['getHttpServer']>;
type Body = Record<string, any>;

interface Selection {
  match_id: string;
  market: string;
  selection: string;
  line?: number;
  accepted_odds?: number;
}

const key = (label = 'k') => `${label}-${randomBytes(6).toString('hex')}`;
const cents = (amount: number) => Math.round(amount * 100);

/** Everything the service said in this file (API bodies and chat answers), checked for promises of winning at the end. */
const said: string[] = [];

/** An HTTP client of one app, logged in or not, recording what it hears. */
class Api {
  constructor(
    private readonly server: Server,
    private readonly token?: string,
  ) {}

  static async login(server: Server, credentials: Record<string, string>): Promise<Api> {
    const res = await request(server).post('/api/v1/auth/login').send(credentials).expect(200);
    return new Api(server, res.body.access_token as string);
  }

  get bearer(): string {
    if (!this.token) throw new Error('not logged in');
    return this.token;
  }

  async post(path: string, body: unknown, headers: Record<string, string> = {}) {
    let req = request(this.server).post(path).send(body as object);
    if (this.token) req = req.set('Authorization', `Bearer ${this.token}`);
    for (const [name, value] of Object.entries(headers)) req = req.set(name, value);
    const res = await req;
    said.push(JSON.stringify(res.body));
    return res;
  }

  async get(path: string) {
    let req = request(this.server).get(path);
    if (this.token) req = req.set('Authorization', `Bearer ${this.token}`);
    const res = await req;
    said.push(JSON.stringify(res.body));
    return res;
  }

  /** `null` sends no Idempotency-Key at all. */
  place(body: Body, idempotencyKey: string | null = key()) {
    return this.post('/api/v1/bets', body, idempotencyKey === null ? {} : { 'Idempotency-Key': idempotencyKey });
  }

  async balance(): Promise<number> {
    return (await this.get('/api/v1/auth/balance').then((res) => expectStatus(res, 200))).body.available as number;
  }

  async bets(): Promise<Body> {
    return (await this.get('/api/v1/bets?limit=100').then((res) => expectStatus(res, 200))).body;
  }
}

function expectStatus<T extends { status: number; body: unknown }>(res: T, status: number): T {
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
  return res;
}

/** The current price of a selection, as GET /api/v1/sports/odds quotes it. */
async function currentOdds(server: Server, leg: Selection): Promise<number> {
  const res = await request(server).get(`/api/v1/sports/odds?match_id=${leg.match_id}&market=${leg.market}`).expect(200);
  const markets = res.body.markets as Array<{ line?: number; selections: Array<{ key: string; odds: number }> }>;
  const book = markets.find((m) => (leg.line === undefined ? m.line === undefined || m.line === 2.5 : m.line === leg.line)) ?? markets[0];
  return book.selections.find((s) => s.key === leg.selection)!.odds;
}

async function footballFixtures(server: Server, type: 'pre_match' | 'finished'): Promise<string[]> {
  const res = await request(server).get(`/api/v1/sports/fixtures?sport=football&type=${type}&limit=60`).expect(200);
  return (res.body.fixtures as Array<{ id: string }>).map((f) => f.id);
}

/** Sends a chat message over Socket.IO and returns the answer. */
async function chat(client: ChatSocket, content: string): Promise<WirePayload> {
  const messageId = key('m');
  const ack = (await client.socket.timeout(10_000).emitWithAck('user_message', { content, message_id: messageId })) as { status: string };
  expect(ack.status).toBe('accepted');
  const events = await client.log.turnEnd(messageId, 30_000);
  const answer = events.find((e) => e.name === 'bot_response')!.payload;
  said.push(String(answer.content));
  return answer;
}

function proposalIdIn(text: string): string {
  const match = /prop_[A-Za-z0-9_-]+/.exec(text);
  if (!match) throw new Error(`no proposal id in: ${text}`);
  return match[0];
}

describe('Bets on the embedded ledger, with Redis', () => {
  let t: TestApp;
  let server: Server;
  let url: string;
  let open: string[];
  let finished: string[];
  let anonymous: Api;
  let demo: Api;
  let alice: Api;
  let bob: Api;
  const sockets: ChatSocket[] = [];

  const leg = (index: number, market = '1x2', selection = 'home', line?: number): Selection => ({
    match_id: open[index],
    market,
    selection,
    ...(line !== undefined ? { line } : {}),
  });
  /** A selection with the price it has now as the accepted price. */
  const accepted = async (selection: Selection, factor = 1): Promise<Selection> => ({
    ...selection,
    accepted_odds: Math.round((await currentOdds(server, selection)) * factor * 100) / 100,
  });

  async function socketFor(token?: string): Promise<ChatSocket> {
    const client = await connectChat(url, token ? { token } : {});
    sockets.push(client);
    return client;
  }

  beforeAll(async () => {
    t = await createTestApp({
      env: { REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: uniquePrefix('bets'), CHAT_RATE_LIMIT_PER_MINUTE: '1000', WS_MAX_CONNECTIONS_PER_IP: '100' },
      // Prices frozen at one instant, so a figure read from the odds endpoint is the one a bet gets.
      overrides: [{ provide: Clock, useValue: new FixedClock(Date.now()) }],
    });
    url = await listen(t);
    server = t.app.getHttpServer();
    open = await footballFixtures(server, 'pre_match');
    finished = await footballFixtures(server, 'finished');
    expect(open.length).toBeGreaterThanOrEqual(8);
    expect(finished.length).toBeGreaterThan(0);
    anonymous = new Api(server);
    demo = await Api.login(server, { username: 'demo', password: 'demo1234' });
    alice = await Api.login(server, { username: 'alice', password: 'alice1234' });
    bob = await Api.login(server, { username: 'bob', password: 'bob1234' });
  });

  afterAll(async () => {
    for (const client of sockets) client.socket.close();
    await t.close();
  });

  describe('POST /api/v1/bets/simulate', () => {
    it('prices a single at the current odds: return = stake × odds, profit = return − stake', async () => {
      const selection = leg(0, '1x2', 'draw');
      const odds = await currentOdds(server, selection);
      const res = expectStatus(await anonymous.post('/api/v1/bets/simulate', { stake: 25, selections: [selection] }), 200);
      expect(res.body).toMatchObject({
        type: 'single',
        stake: 25,
        currency: 'EUR',
        combined_odds: odds,
        potential_return: cents(25 * odds) / 100,
        profit: cents(25 * odds - 25) / 100,
        void_legs: [],
        source: 'embedded',
        stale: false,
      });
      expect(res.body.implied_probability).toBeCloseTo(1 / odds, 5);
      expect(res.body.legs).toEqual([
        expect.objectContaining({ match_id: open[0], market: '1x2', selection: 'draw', name: 'Draw', odds, fixture: expect.objectContaining({ status: 'pre_match' }) }),
      ]);
    });

    it('prices a four-leg accumulator: combined odds = product of the current odds, return = stake × product', async () => {
      const selections = [leg(1, '1x2', 'home'), leg(2, 'over_under', 'over', 2.5), leg(3, 'btts', 'yes'), leg(4, 'double_chance', 'home_or_draw')];
      const prices = await Promise.all(selections.map((s) => currentOdds(server, s)));
      const product = prices.reduce((p, x) => p * x, 1);
      const res = expectStatus(await anonymous.post('/api/v1/bets/simulate', { stake: 10, currency: 'eur', selections }), 200);
      expect(res.body.type).toBe('accumulator');
      expect(res.body.currency).toBe('EUR');
      expect(res.body.legs.map((l: Body) => l.odds)).toEqual(prices);
      expect(res.body.combined_odds).toBe(Math.round(product * 100) / 100);
      expect(res.body.potential_return).toBe(cents(10 * product) / 100);
      expect(res.body.profit).toBe(cents(10 * product - 10) / 100);
      expect(res.body.implied_probability).toBeCloseTo(1 / product, 5);
      expect(res.body.notes.join(' ')).toContain('Every selection must win');
    });

    it('drops a selection on a finished match as void and says so', async () => {
      const live = leg(5, '1x2', 'away');
      const odds = await currentOdds(server, live);
      const res = expectStatus(
        await anonymous.post('/api/v1/bets/simulate', { stake: 10, selections: [{ match_id: finished[0], market: '1x2', selection: 'home' }, live] }),
        200,
      );
      expect(res.body.void_legs).toEqual([expect.objectContaining({ match_id: finished[0], reason: 'finished' })]);
      expect(res.body.legs).toHaveLength(1);
      expect(res.body.type).toBe('single');
      expect(res.body.potential_return).toBe(cents(10 * odds) / 100);
      expect(res.body.notes[0]).toMatch(/was dropped as void: the match has finished/);

      const closed = await anonymous.post('/api/v1/bets/simulate', { stake: 10, selections: [{ match_id: finished[0], market: '1x2', selection: 'home' }] });
      expect(closed.status).toBe(409);
      expect(closed.body.code).toBe('BETTING_CLOSED');
    });

    it.each([
      [{ selections: [{ match_id: '1', market: '1x2', selection: 'home' }] }, 'stake must be a number from 0.01 to 100000'],
      [{ stake: 0, selections: [{ match_id: '1', market: '1x2', selection: 'home' }] }, 'stake must be a number from 0.01 to 100000'],
      [{ stake: 100_001, selections: [{ match_id: '1', market: '1x2', selection: 'home' }] }, 'stake must be a number from 0.01 to 100000'],
      [{ stake: 1.234, selections: [{ match_id: '1', market: '1x2', selection: 'home' }] }, 'with at most two decimals'],
      [{ stake: 5, currency: 'EURO', selections: [{ match_id: '1', market: '1x2', selection: 'home' }] }, 'currency must be an ISO 4217 code'],
      [{ stake: 5, selections: [] }, 'selections must hold 1 to 20 selections'],
      [{ stake: 5, selections: Array.from({ length: 21 }, (_, i) => ({ match_id: String(i), market: '1x2', selection: 'home' })) }, 'selections must hold 1 to 20 selections'],
      [{ stake: 5, selections: [{ match_id: '1', market: 'corners', selection: 'home' }] }, 'selections[0].market must be one of 1x2, moneyline, over_under, btts, double_chance, handicap, draw_no_bet'],
      [{ stake: 5, selections: [{ match_id: '1', market: '1x2', selection: 'over' }] }, 'selections[0].selection must be one of home, draw, away for the 1x2 market'],
      [{ stake: 5, selections: [{ match_id: '1', market: 'btts', selection: 'home' }] }, 'selections[0].selection must be one of yes, no for the btts market'],
      [{ stake: 5, selections: [{ match_id: 'bad id!', market: '1x2', selection: 'home' }] }, 'selections[0].match_id must be'],
      [{ stake: 5, selections: [{ match_id: '1', market: '1x2', selection: 'home', colour: 'red' }] }, 'selections[0].colour is not allowed'],
    ])('answers %j with 400 naming the field', async (body, message) => {
      const res = await anonymous.post('/api/v1/bets/simulate', body);
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body.message)).toContain(message);
    });

    it('answers an unknown match with 404, a market the match does not offer with 400 listing the offered ones', async () => {
      const unknown = await anonymous.post('/api/v1/bets/simulate', { stake: 5, selections: [{ match_id: '999999999', market: '1x2', selection: 'home' }] });
      expect(unknown.status).toBe(404);
      expect(unknown.body.code).toBe('UNKNOWN_FIXTURE');

      const basketball = await request(server).get('/api/v1/sports/fixtures?sport=basketball&type=pre_match&limit=1').expect(200);
      const market = await anonymous.post('/api/v1/bets/simulate', { stake: 5, selections: [{ match_id: basketball.body.fixtures[0].id, market: 'btts', selection: 'yes' }] });
      expect(market.status).toBe(400);
      expect(market.body).toMatchObject({ code: 'INVALID_MARKET', validMarkets: expect.arrayContaining(['moneyline', 'over_under', 'handicap']) });
      expect(market.body.validMarkets).not.toContain('btts');

      const line = await anonymous.post('/api/v1/bets/simulate', { stake: 5, selections: [{ ...leg(0, 'over_under', 'over'), line: 17.5 }] });
      expect(line.status).toBe(400);
      expect(line.body).toMatchObject({ code: 'INVALID_BET', field: 'selections[0].line' });

      const twice = await anonymous.post('/api/v1/bets/simulate', { stake: 5, selections: [leg(0), leg(0, 'btts', 'yes')] });
      expect(twice.status).toBe(400);
      expect(twice.body).toMatchObject({ code: 'INVALID_BET', field: 'selections[1].match_id' });
    });
  });

  describe('POST /api/v1/bets', () => {
    it('places a bet at the current price, takes the stake from the balance and lists it first', async () => {
      const before = await demo.balance();
      const selection = await accepted(leg(0, '1x2', 'home'));
      const res = expectStatus(await demo.place({ stake: 10, selections: [selection] }), 201);
      expect(res.body).toMatchObject({
        bet_id: expect.stringMatching(/^bet_/),
        status: 'accepted',
        stake: 10,
        currency: 'EUR',
        combined_odds: selection.accepted_odds,
        potential_return: cents(10 * selection.accepted_odds!) / 100,
        balance_after: before - 10,
        provider: 'embedded',
        origin: 'api',
      });
      expect(Date.parse(res.body.placed_at)).toBeGreaterThan(Date.now() - 60_000);
      expect(res.body.legs).toEqual([expect.objectContaining({ match_id: open[0], market: '1x2', selection: 'home', odds: selection.accepted_odds })]);
      expect(await demo.balance()).toBe(before - 10);

      const one = expectStatus(await demo.get(`/api/v1/bets/${res.body.bet_id}`), 200);
      expect(one.body).toEqual(res.body);
      const list = await demo.bets();
      expect(list.bets[0].bet_id).toBe(res.body.bet_id);
    });

    it('requires the Idempotency-Key header (400) and a login (401), debiting nothing', async () => {
      const before = await demo.balance();
      const body = { stake: 5, selections: [await accepted(leg(1))] };
      const missing = await demo.place(body, null);
      expect(missing.status).toBe(400);
      expect(missing.body).toMatchObject({ code: 'IDEMPOTENCY_KEY_REQUIRED', header: 'Idempotency-Key' });
      const malformed = await demo.place(body, 'not a key!');
      expect(malformed.status).toBe(400);
      expect(malformed.body.code).toBe('IDEMPOTENCY_KEY_REQUIRED');
      expect((await anonymous.place(body)).status).toBe(401);
      expect(await demo.balance()).toBe(before);
    });

    it('places one bet and debits once for 20 concurrent requests with the same Idempotency-Key', async () => {
      const before = await demo.balance();
      const betsBefore = (await demo.bets()).total as number;
      const body = { stake: 7.5, selections: [await accepted(leg(2, '1x2', 'away'))] };
      const sameKey = key('same');
      const answers = await Promise.all(Array.from({ length: 20 }, () => demo.place(body, sameKey)));
      expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
      expect(answers.filter((a) => a.status === 200)).toHaveLength(19);
      expect(new Set(answers.map((a) => a.body.bet_id)).size).toBe(1);
      expect(answers.filter((a) => a.status === 200).every((a) => a.headers['idempotent-replayed'] === 'true')).toBe(true);
      expect(await demo.balance()).toBe(before - 7.5);
      expect((await demo.bets()).total).toBe(betsBefore + 1);

      const later = await demo.place(body, sameKey);
      expect(later.status).toBe(200);
      expect(later.body.bet_id).toBe(answers[0].body.bet_id);
      expect(await demo.balance()).toBe(before - 7.5);
    });

    it('refuses an Idempotency-Key reused for a different bet', async () => {
      const reused = key('reuse');
      expectStatus(await demo.place({ stake: 2, selections: [await accepted(leg(3))] }, reused), 201);
      const before = await demo.balance();
      const other = await demo.place({ stake: 3, selections: [await accepted(leg(3))] }, reused);
      expect(other.status).toBe(409);
      expect(other.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
      expect(await demo.balance()).toBe(before);
    });

    it('never lets 50 concurrent bets worth more than the balance take it below zero; the debits add up to the decrease', async () => {
      const before = await bob.balance();
      const selection = await accepted(leg(4, '1x2', 'home'));
      const stakes = Array.from({ length: 50 }, (_, i) => 3 + (i % 7));
      expect(stakes.reduce((sum, s) => sum + s, 0)).toBeGreaterThan(before);
      const answers = await Promise.all(stakes.map((stake) => bob.place({ stake, selections: [selection] })));

      const placed = answers.filter((a) => a.status === 201);
      const refused = answers.filter((a) => a.status !== 201);
      expect(refused.length).toBeGreaterThan(0);
      for (const answer of refused) {
        expect(answer.status).toBe(409);
        expect(answer.body.code).toBe('INSUFFICIENT_FUNDS');
      }
      const after = await bob.balance();
      expect(after).toBeGreaterThanOrEqual(0);
      expect(cents(before - after)).toBe(placed.reduce((sum, a) => sum + cents(a.body.stake), 0));
      for (const answer of placed) expect(answer.body.balance_after).toBeGreaterThanOrEqual(0);
      expect((await bob.bets()).total).toBe(placed.length);
    });

    it('refuses with 409 ODDS_CHANGED and the new prices when a price moved beyond the tolerance, debiting nothing', async () => {
      const before = await alice.balance();
      const selection = leg(5, '1x2', 'draw');
      const current = await currentOdds(server, selection);
      const moved = await alice.place({ stake: 10, selections: [{ ...selection, accepted_odds: Math.round(current * 1.05 * 100) / 100 }] });
      expect(moved.status).toBe(409);
      expect(moved.body).toMatchObject({
        code: 'ODDS_CHANGED',
        tolerance: 0.02,
        changes: [expect.objectContaining({ match_id: selection.match_id, market: '1x2', selection: 'draw', current_odds: current })],
      });
      expect(await alice.balance()).toBe(before);
      expect((await alice.bets()).total).toBe(0);

      // Within the default 2%, or within a wider tolerance the user chose: placed at the current price.
      const near = expectStatus(await alice.place({ stake: 4, selections: [{ ...selection, accepted_odds: Math.round(current * 1.015 * 100) / 100 }] }), 201);
      expect(near.body.legs[0].odds).toBe(current);
      const wide = await alice.place({ stake: 4, odds_tolerance: 0.1, selections: [{ ...selection, accepted_odds: Math.round(current * 1.05 * 100) / 100 }] });
      expect(wide.status).toBe(201);
      expect(await alice.balance()).toBe(before - 8);
    });

    it('holds stakes to BET_MIN_STAKE and BET_MAX_STAKE', async () => {
      const before = await alice.balance();
      const selection = await accepted(leg(6));
      for (const stake of [0.49, 1000.01]) {
        const res = await alice.place({ stake, selections: [selection] });
        expect(res.status).toBe(400);
        expect(res.body).toMatchObject({ code: 'STAKE_OUT_OF_RANGE', field: 'stake', minStake: 0.5, maxStake: 1000 });
      }
      expect((await alice.place({ stake: 0.5, selections: [selection] })).status).toBe(201);
      expect(await alice.balance()).toBe(before - 0.5);
    });

    it('refuses a bet on a finished match', async () => {
      const res = await alice.place({ stake: 5, selections: [{ match_id: finished[0], market: '1x2', selection: 'home', accepted_odds: 2 }] });
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('BETTING_CLOSED');
    });

    it('holds stakes to the daily limit the user set', async () => {
      const staked = (await alice.get('/api/v1/auth/limits')).body.staked_today as number;
      const set = await request(server).put('/api/v1/auth/limits').set('Authorization', `Bearer ${alice.bearer}`).send({ daily_stake_limit: staked + 15 });
      expect(set.status).toBe(200);
      const selection = await accepted(leg(7));
      expect((await alice.place({ stake: 10, selections: [selection] })).status).toBe(201);
      const over = await alice.place({ stake: 10, selections: [selection] });
      expect(over.status).toBe(409);
      expect(over.body).toMatchObject({ code: 'DAILY_LIMIT_EXCEEDED', remaining: 5 });
    });

    it("keeps each user's bets to themselves: lists and reads only their own (someone else's bet is 404)", async () => {
      const demoBets = await demo.bets();
      const aliceBets = await alice.bets();
      const demoIds = new Set(demoBets.bets.map((b: Body) => b.bet_id));
      expect(aliceBets.bets.some((b: Body) => demoIds.has(b.bet_id))).toBe(false);
      const stranger = await alice.get(`/api/v1/bets/${demoBets.bets[0].bet_id}`);
      expect(stranger.status).toBe(404);
      expect(stranger.body.code).toBe('BET_NOT_FOUND');
      expect((await anonymous.get('/api/v1/bets')).status).toBe(401);
      const paged = await demo.get('/api/v1/bets?limit=1&offset=1');
      expect(paged.body).toMatchObject({ limit: 1, offset: 1, total: demoBets.total, bets: [expect.objectContaining({ bet_id: demoBets.bets[1].bet_id })] });
    });
  });

  describe('bets proposed in the chat', () => {
    it('proposes a bet the user asks for without placing it; a REST confirmation places it exactly once', async () => {
      const client = await socketFor(demo.bearer);
      const before = await demo.balance();
      const answer = await chat(client, 'bet €10 on Barcelona');
      // Proposed (and priced alongside), never placed.
      expect(answer.function_calls).toEqual([expect.objectContaining({ name: 'propose_bet', ok: true }), expect.objectContaining({ name: 'simulate_bet', ok: true })]);
      expect(answer.content).toMatch(/^Your bet is ready to confirm \(nothing has been placed yet\):/);
      const proposalId = proposalIdIn(String(answer.content));
      expect(await demo.balance()).toBe(before);

      const proposals = expectStatus(await demo.get('/api/v1/bets/proposals'), 200).body.proposals as Body[];
      const proposal = proposals.find((p) => p.proposal_id === proposalId)!;
      expect(proposal).toMatchObject({ stake: 10, currency: 'EUR', needs_confirmation: true, legs: [expect.objectContaining({ name: 'Barcelona', market: '1x2' })] });
      expect(answer.content).toContain(`@ ${proposal.legs[0].odds.toFixed(2)}`);
      expect(Date.parse(proposal.expires_at) - Date.parse(proposal.created_at)).toBe(10 * 60_000);

      const confirmKey = key('confirm');
      const first = expectStatus(await demo.post(`/api/v1/bets/proposals/${proposalId}/confirm`, {}, { 'Idempotency-Key': confirmKey }), 201);
      expect(first.body).toMatchObject({ status: 'accepted', stake: 10, origin: 'chat_proposal', proposal_id: proposalId, balance_after: before - 10 });
      const again = expectStatus(await demo.post(`/api/v1/bets/proposals/${proposalId}/confirm`, {}, { 'Idempotency-Key': confirmKey }), 200);
      expect(again.body.bet_id).toBe(first.body.bet_id);
      expect(again.headers['idempotent-replayed']).toBe('true');
      const otherKey = await demo.post(`/api/v1/bets/proposals/${proposalId}/confirm`, {}, { 'Idempotency-Key': key('confirm') });
      expect(otherKey.status).toBe(409);
      expect(otherKey.body).toMatchObject({ code: 'PROPOSAL_ALREADY_CONFIRMED', betId: first.body.bet_id });
      expect(await demo.balance()).toBe(before - 10);
      expect((await demo.get('/api/v1/bets/proposals')).body.proposals.map((p: Body) => p.proposal_id)).not.toContain(proposalId);
      expect((await demo.post(`/api/v1/bets/proposals/${proposalId}/confirm`, {})).status).toBe(400);
    });

    it("answers 404 to someone confirming another user's proposal, which stays open for its owner", async () => {
      const client = await socketFor(demo.bearer);
      const answer = await chat(client, 'Place €5 on Real Madrid');
      const proposalId = proposalIdIn(String(answer.content));
      const aliceBefore = await alice.balance();
      const stranger = await alice.post(`/api/v1/bets/proposals/${proposalId}/confirm`, {}, { 'Idempotency-Key': key('steal') });
      expect(stranger.status).toBe(404);
      expect(stranger.body.code).toBe('PROPOSAL_NOT_FOUND');
      expect(await alice.balance()).toBe(aliceBefore);
      const unknown = await demo.post('/api/v1/bets/proposals/prop_doesNotExist/confirm', {}, { 'Idempotency-Key': key() });
      expect(unknown.status).toBe(404);
      const owner = await demo.post(`/api/v1/bets/proposals/${proposalId}/confirm`, {}, { 'Idempotency-Key': key('own') });
      expect(owner.status).toBe(201);
      expect(owner.body).toMatchObject({ stake: 5, proposal_id: proposalId });
    });

    it('confirms over the socket with confirm_bet (in Spanish too), once; anonymous sockets cannot confirm', async () => {
      const client = await socketFor(demo.bearer);
      const before = await demo.balance();
      const answer = await chat(client, 'apuesta 5 euros al Real Madrid');
      expect(answer.content).toMatch(/^Tu apuesta está lista para confirmar/);
      const proposalId = proposalIdIn(String(answer.content));
      const ack = (await client.socket.timeout(10_000).emitWithAck('confirm_bet', { proposal_id: proposalId })) as Body;
      expect(ack).toMatchObject({ status: 'accepted', proposal_id: proposalId, replayed: false, bet: { stake: 5, origin: 'chat_proposal' } });
      const twice = (await client.socket.timeout(10_000).emitWithAck('confirm_bet', { proposal_id: proposalId })) as Body;
      expect(twice).toMatchObject({ status: 'accepted', replayed: true, bet: { bet_id: ack.bet.bet_id } });
      expect(await demo.balance()).toBe(before - 5);

      const guest = await socketFor();
      const refused = (await guest.socket.timeout(10_000).emitWithAck('confirm_bet', { proposal_id: proposalId })) as Body;
      expect(refused).toMatchObject({ status: 'rejected', error_code: 'LOGIN_REQUIRED' });
      const malformed = (await client.socket.timeout(10_000).emitWithAck('confirm_bet', { proposal: 1 })) as Body;
      expect(malformed).toMatchObject({ status: 'rejected', error_code: 'INVALID_MESSAGE_FORMAT' });
    });

    it('asks an anonymous user to log in instead of proposing, and still simulates "what if" questions', async () => {
      const guest = await socketFor();
      const answer = await chat(guest, 'bet €10 on Barcelona');
      expect(answer.function_calls).toEqual([expect.objectContaining({ name: 'propose_bet', ok: true }), expect.objectContaining({ name: 'simulate_bet', ok: true })]);
      // What the bet would return, and that placing it needs a login; no proposal id.
      expect(answer.content).toMatch(/^A €10\.00 bet on Barcelona to win .* would return €\d+\.\d{2}/);
      expect(answer.content).toMatch(/To place it, log in/);
      expect(String(answer.content)).not.toMatch(/proposal/i);
      const simulation = await chat(await socketFor(demo.bearer), 'How much would I win with €10 on Barcelona?');
      expect(simulation.function_calls).toEqual([expect.objectContaining({ name: 'simulate_bet' })]);
    });
  });

  describe('responsible gambling', () => {
    it('gives a self-excluded user no suggestions and no bets (403), only where to find help', async () => {
      const exclude = await request(server).put('/api/v1/auth/limits').set('Authorization', `Bearer ${bob.bearer}`).send({ self_excluded: true, self_exclusion_days: 30 });
      expect(exclude.status).toBe(200);
      const before = await bob.balance();

      const refused = await bob.place({ stake: 1, selections: [await accepted(leg(0))] });
      expect(refused.status).toBe(403);
      expect(refused.body).toMatchObject({ code: 'SELF_EXCLUDED', help: expect.arrayContaining([expect.objectContaining({ url: expect.stringContaining('begambleaware') })]) });

      const client = await socketFor(bob.bearer);
      const suggestion = await chat(client, 'What is the safest bet this weekend?');
      expect(suggestion.function_calls).toEqual([expect.objectContaining({ name: 'recommend_bets', ok: false, error: expect.stringMatching(/^SELF_EXCLUDED/) })]);
      expect(suggestion.content).toMatch(/self-excluded[\s\S]*begambleaware\.org/);
      expect(suggestion.content).not.toMatch(/@ \d+\.\d\d/);
      const spanish = await chat(client, 'Dame una apuesta de valor');
      expect(spanish.content).toMatch(/autoexcluida[\s\S]*jugarbien\.es/);
      const proposal = await chat(client, 'bet €5 on Barcelona');
      expect(proposal.function_calls).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'propose_bet', ok: false, error: expect.stringMatching(/^SELF_EXCLUDED/) })]));
      expect(proposal.content).not.toMatch(/prop_/);
      expect(await bob.balance()).toBe(before);
    });

    it('keeps the responsible-gambling line on every recommendation', async () => {
      const client = await socketFor(demo.bearer);
      for (const question of ['What is the safest bet this weekend?', 'Give me a value bet', 'Dame la apuesta más segura del fin de semana']) {
        const answer = await chat(client, question);
        expect(answer.content).toMatch(/Bet responsibly|Juega con responsabilidad/);
      }
    });

    it('never promises a win in any answer or API message of this file', async () => {
      const client = await socketFor(alice.bearer);
      for (const message of ['bet €10 on Real Madrid', 'apuesta 10 euros al empate del Barcelona', 'Build me an accumulator', '¿Cuánto ganaría con 20 € al Barça?']) {
        await chat(client, message);
      }
      expect(said.length).toBeGreaterThan(50);
      const promises = said.filter((text) => FORBIDDEN_PROMISES.some((re) => re.test(text)));
      expect(promises).toEqual([]);
    });
  });
});

describe('Bets without Redis (one instance, in memory)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('places, replays and lists bets and proposals from process memory', async () => {
    const server = t.app.getHttpServer();
    const demo = await Api.login(server, { username: 'demo', password: 'demo1234' });
    const [matchId] = await footballFixtures(server, 'pre_match');
    const selection: Selection = { match_id: matchId, market: '1x2', selection: 'away' };
    selection.accepted_odds = await currentOdds(server, selection);
    const idempotencyKey = key('mem');
    const first = expectStatus(await demo.place({ stake: 12, selections: [selection] }, idempotencyKey), 201);
    const again = expectStatus(await demo.place({ stake: 12, selections: [selection] }, idempotencyKey), 200);
    expect(again.body.bet_id).toBe(first.body.bet_id);
    expect(await demo.balance()).toBe(988);
    expect((await demo.bets()).bets.map((b: Body) => b.bet_id)).toEqual([first.body.bet_id]);
    expect(expectStatus(await demo.get('/api/v1/bets/proposals'), 200).body.proposals).toEqual([]);
  });
});

describe('Bets with the ChatBet upstream', () => {
  let fake: FakeChatBetServer;
  let t: TestApp;
  let server: Server;
  let user: Api;
  let open: string[];

  beforeAll(async () => {
    const clock = new FixedClock(Date.now());
    fake = await FakeChatBetServer.start({ data: new EmbeddedSportsProvider(clock) });
    t = await createTestApp({
      env: { REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: uniquePrefix('bets-chatbet'), CHATBET_API_BASE_URL: fake.url, CHATBET_API_MAX_RETRIES: '0' },
      overrides: [{ provide: Clock, useValue: clock }],
    });
    server = t.app.getHttpServer();
    user = await Api.login(server, { user_id: DEMO_USER.id, user_key: DEMO_USER.userKey });
    open = await footballFixtures(server, 'pre_match');
  });

  afterAll(async () => {
    await t.close();
    await fake.close();
  });

  it('places a single through /place-bet with every value a string and the token headers, taking the stake once, upstream only', async () => {
    const selection: Selection = { match_id: open[0], market: '1x2', selection: 'home' };
    selection.accepted_odds = await currentOdds(server, selection);
    const before = fake.balanceOf(DEMO_USER.id)!;
    const idempotencyKey = key('cb');
    const res = expectStatus(await user.place({ stake: 10, selections: [selection] }, idempotencyKey), 201);

    const [call] = fake.requestsTo('/place-bet');
    expect(call.headers).toMatchObject({ token: expect.stringMatching(/^eyJ/), 'accept-language': 'en', 'country-code': 'ES' });
    expect(call.headers.authorization).toBeUndefined();
    const body = call.body as Body;
    expect(body.user).toEqual({ id: DEMO_USER.id, userKey: DEMO_USER.userKey });
    expect(body.betInfo).toMatchObject({ amount: '10', source: '1101' });
    expect(body.betInfo.betId).toHaveLength(1);
    const [upstreamLeg] = body.betInfo.betId as Body[];
    expect(Object.values(upstreamLeg).every((value) => typeof value === 'string')).toBe(true);
    expect(upstreamLeg).toMatchObject({ fixtureId: open[0], odd: selection.accepted_odds!.toFixed(2) });

    expect(fake.balanceOf(DEMO_USER.id)).toBeCloseTo(before - 10, 2);
    expect(res.body).toMatchObject({
      status: 'accepted',
      provider: 'chatbet',
      provider_bet_id: expect.stringMatching(/^\d+$/),
      potential_return: cents(10 * selection.accepted_odds!) / 100,
      balance_after: fake.balanceOf(DEMO_USER.id),
    });

    const again = await user.place({ stake: 10, selections: [selection] }, idempotencyKey);
    expect(again.status).toBe(200);
    expect(again.body.bet_id).toBe(res.body.bet_id);
    expect(fake.requestsTo('/place-bet')).toHaveLength(1);
    expect(fake.balanceOf(DEMO_USER.id)).toBeCloseTo(before - 10, 2);
  });

  it('places an accumulator through /place-combo-bet', async () => {
    const selections: Selection[] = [
      { match_id: open[1], market: '1x2', selection: 'draw' },
      { match_id: open[2], market: '1x2', selection: 'away' },
    ];
    for (const s of selections) s.accepted_odds = await currentOdds(server, s);
    const before = fake.balanceOf(DEMO_USER.id)!;
    const res = expectStatus(await user.post('/api/v1/bets', { stake: 5, selections }, { 'Idempotency-Key': key('combo'), 'Accept-Language': 'es-ES,es;q=0.9' }), 201);
    const [call] = fake.requestsTo('/place-combo-bet');
    expect(call.headers).toMatchObject({ 'accept-language': 'es', 'country-code': 'ES' });
    const body = call.body as Body;
    expect(body.amount).toBe('5');
    expect(body.user).toEqual({ id: DEMO_USER.id, userKey: DEMO_USER.userKey });
    expect((body.betsInfo as Body[]).flatMap((l) => Object.values(l)).every((value) => typeof value === 'string')).toBe(true);
    expect(call.headers.token).toMatch(/^eyJ/);
    expect(res.body).toMatchObject({ type: 'accumulator', provider: 'chatbet' });
    expect(fake.balanceOf(DEMO_USER.id)).toBeCloseTo(before - 5, 2);
  });

  it('reports a bet the upstream refused as refused, and one it did not confirm as unknown (never retried)', async () => {
    const selection: Selection = { match_id: open[3], market: '1x2', selection: 'home' };
    selection.accepted_odds = await currentOdds(server, selection);
    fake.failNext(1, { status: 400, path: '/place-bet' });
    const refused = await user.place({ stake: 3, selections: [selection] });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('BET_REJECTED');

    const calls = fake.requestsTo('/place-bet').length;
    fake.failNext(1, { status: 500, path: '/place-bet' });
    const unknownKey = key('unknown');
    const unknown = await user.place({ stake: 3, selections: [selection] }, unknownKey);
    expect(unknown.status).toBe(502);
    expect(unknown.body.code).toBe('PLACEMENT_OUTCOME_UNKNOWN');
    const retried = await user.place({ stake: 3, selections: [selection] }, unknownKey);
    expect(retried.body.code).toBe('PLACEMENT_OUTCOME_UNKNOWN');
    expect(fake.requestsTo('/place-bet')).toHaveLength(calls + 1);
  });
});

describe('A model that tries to place a bet itself', () => {
  let gem: FakeGeminiServer;
  let t: TestApp;
  let url: string;
  let demo: Api;

  beforeAll(async () => {
    Logger.overrideLogger(false);
    gem = await FakeGeminiServer.start({ apiKey: 'test-key' });
    t = await createTestApp({
      env: {
        REDIS_URL: TEST_REDIS_URL,
        REDIS_KEY_PREFIX: uniquePrefix('bets-gemini'),
        GOOGLE_API_KEY: 'test-key',
        GEMINI_BASE_URL: gem.baseUrl,
        GEMINI_TIMEOUT: '5',
        LANGSMITH_GATEWAY: undefined,
      },
    });
    url = await listen(t);
    demo = await Api.login(t.app.getHttpServer(), { username: 'demo', password: 'demo1234' });
  });

  afterAll(async () => {
    await t.close();
    await gem.close();
    Logger.overrideLogger(['log', 'error', 'warn']);
  });

  it('gets UNKNOWN_TOOL for place_bet and nothing is debited: no tool places bets', async () => {
    const before = await demo.balance();
    gem.script(
      gemini.functionCall('place_bet', { match_id: '1', selection: 'home', stake: 500 }),
      gemini.compute((req) => gemini.text(`Tool said: ${String(functionResponsesIn(req)[0]?.response.result ?? '')}`)),
    );
    const client = await connectChat(url, { token: demo.bearer });
    try {
      const answer = await chat(client, 'Place €500 on Barcelona right now, no confirmation needed');
      expect(answer.function_calls).toEqual([expect.objectContaining({ name: 'place_bet', ok: false, error: expect.stringMatching(/^UNKNOWN_TOOL/) })]);
      expect(answer.content).toContain('UNKNOWN_TOOL');
    } finally {
      client.socket.close();
    }
    const declared = gem.requests[0].body.tools?.flatMap((tool) => tool.functionDeclarations ?? []).map((d) => d.name) ?? [];
    expect(declared).toContain('propose_bet');
    expect(declared.filter((name) => /place|confirm/.test(name))).toEqual([]);
    expect(await demo.balance()).toBe(before);
    expect((await demo.bets()).total).toBe(0);
    expect((await demo.get('/api/v1/bets/proposals')).body.proposals).toEqual([]);
  });
});
