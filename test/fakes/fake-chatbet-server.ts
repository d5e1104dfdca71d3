/**
 * A real HTTP server on loopback that speaks the ChatBet upstream contract (CHATBET_API.md) closely
 * enough for the production client to run against it unmodified: auth and token checks, sports,
 * tournaments (per sport and grouped), fixtures (with the leading `{"totalResults": N}` element),
 * sports-fixtures (flat, year-less `startTime`), odds in shape A or B, and simple betting against a
 * demo balance (user 1, key 1).
 *
 * The data comes from a SportsDataProvider (the embedded dataset by default) converted to the wire
 * shapes, so the shared provider contract can run against both implementations.
 *
 * Beyond the published contract, and said here so nobody mistakes it for upstream behaviour:
 * live and finished fixtures carry a `score`, and `type=finished` lists recent results (switch it
 * off with `results: false` to see the upstream refuse it with 422). Only `time_zone=UTC` is served.
 *
 * Tests steer it with `failNext` (status codes, Retry-After, malformed JSON, delays) and read
 * `requestLog` to count upstream calls and check headers and query names.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  EmbeddedSportsProvider,
  TeamDirectory,
  UnknownFixtureError,
  type Fixture,
  type FixtureOdds,
  type FixtureStatus,
  type MarketCode,
  type MarketOdds,
  type MarketSelection,
  type SelectionKey,
  type SportsDataProvider,
  type Tournament,
} from '@app/sports-data';

export type OddsShape = 'A' | 'B';

export interface ChatBetFault {
  /** Answer with this status instead of the real answer. */
  status?: number;
  /** `Retry-After` header, in seconds (or any text, sent verbatim). */
  retryAfter?: number | string;
  /** Answer 200 with a body that is not JSON. */
  malformedJson?: boolean;
  /** Wait this long before answering (the answer is the real one unless `status`/`malformedJson` say otherwise). */
  delayMs?: number;
  /** Only requests to this path take the fault; others pass it by. */
  path?: string;
}

export interface RecordedChatBetRequest {
  /** 1-based order of arrival. */
  seq: number;
  /** Epoch milliseconds of arrival, to check how long the client waited between attempts. */
  receivedAt: number;
  method: string;
  /** Without the query string. */
  path: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  body?: unknown;
  /** The status answered; undefined when the client went away first. */
  status?: number;
  /** True when an injected fault shaped the answer. */
  faulted: boolean;
}

export interface FakeChatBetServerOptions {
  oddsShape?: OddsShape;
  /** Where the data comes from; the embedded dataset on the system clock by default. */
  data?: SportsDataProvider;
  /** Serve `type=finished` (results); when false it is refused with 422 like any unknown value. */
  results?: boolean;
}

export const DEMO_USER = { id: '1', userKey: '1' };
const DEMO_BALANCE = 4321.77;
const LANGUAGES = new Set(['en', 'es', 'pt_br']);
const SOURCE = 1101;

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly detail: unknown,
  ) {
    super(typeof detail === 'string' ? detail : `HTTP ${status}`);
  }
}

export class FakeChatBetServer {
  readonly requestLog: RecordedChatBetRequest[] = [];
  oddsShape: OddsShape;
  results: boolean;

  private readonly server: Server;
  private readonly data: SportsDataProvider;
  private readonly directory = new TeamDirectory();
  private readonly faults: ChatBetFault[] = [];
  private readonly tokens = new Set<string>();
  private readonly balances = new Map<string, number>([[DEMO_USER.id, DEMO_BALANCE]]);
  private betCounter = 0;
  private port = 0;

  private constructor(options: FakeChatBetServerOptions) {
    this.oddsShape = options.oddsShape ?? 'A';
    this.results = options.results ?? true;
    this.data = options.data ?? new EmbeddedSportsProvider();
    this.server = createServer((req, res) => void this.handle(req, res));
  }

  static async start(options: FakeChatBetServerOptions = {}): Promise<FakeChatBetServer> {
    const fake = new FakeChatBetServer(options);
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', () => resolve()));
    fake.port = (fake.server.address() as AddressInfo).port;
    return fake;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** The next `count` matching requests are answered with `fault` instead of normally. */
  failNext(count: number, fault: ChatBetFault): void {
    for (let i = 0; i < count; i++) this.faults.push({ ...fault });
  }

  /** Drops faults not yet used. */
  clearFaults(): void {
    this.faults.length = 0;
  }

  requestsTo(path: string): RecordedChatBetRequest[] {
    return this.requestLog.filter((request) => request.path === path);
  }

  clearLog(): void {
    this.requestLog.length = 0;
  }

  /** Every token issued so far stops being accepted, as if they had expired. */
  revokeTokens(): void {
    this.tokens.clear();
  }

  balanceOf(userId: string): number | undefined {
    return this.balances.get(userId);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake');
    const record: RecordedChatBetRequest = {
      seq: this.requestLog.length + 1,
      receivedAt: Date.now(),
      method: req.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: req.headers,
      faulted: false,
    };
    this.requestLog.push(record);
    const rawBody = await readBody(req);

    const faultIndex = this.faults.findIndex((fault) => fault.path === undefined || fault.path === record.path);
    const fault = faultIndex === -1 ? undefined : this.faults.splice(faultIndex, 1)[0];
    if (fault !== undefined) record.faulted = true;
    if (fault?.delayMs !== undefined) await sleep(fault.delayMs);
    if (res.destroyed) return;

    if (fault?.status !== undefined) {
      const headers: Record<string, string> = fault.retryAfter === undefined ? {} : { 'retry-after': String(fault.retryAfter) };
      this.send(res, record, fault.status, faultBody(fault.status), headers);
      return;
    }
    if (fault?.malformedJson === true) {
      record.status = 200;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"status": "Active", "result": {"homeTeam": ');
      return;
    }

    try {
      if (rawBody.length > 0) {
        try {
          record.body = JSON.parse(rawBody) as unknown;
        } catch {
          throw new HttpError(422, [{ loc: ['body'], msg: 'JSON decode error', type: 'json_invalid' }]);
        }
      }
      const answer = await this.route(record);
      this.send(res, record, 200, answer);
    } catch (error) {
      if (error instanceof HttpError) this.send(res, record, error.status, { detail: error.detail });
      else this.send(res, record, 500, { detail: 'Internal Server Error' });
    }
  }

  private send(res: ServerResponse, record: RecordedChatBetRequest, status: number, body: unknown, headers: Record<string, string> = {}): void {
    if (res.destroyed) return;
    record.status = status;
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  }

  private route(request: RecordedChatBetRequest): Promise<unknown> | unknown {
    const route = `${request.method} ${request.path}`;
    switch (route) {
      case 'POST /auth/generate_token':
        return this.generateToken();
      case 'GET /auth/validate_token':
        this.requireToken(request);
        return { message: 'Token is valid' };
      case 'GET /auth/validate_user':
        return this.validateUser(request);
      case 'GET /auth/get_user_balance':
        return this.userBalance(request);
      case 'GET /sports':
        return this.sports();
      case 'GET /sports/tournaments':
        return this.tournaments(request);
      case 'GET /sports/all-tournaments':
        return this.allTournaments(request);
      case 'GET /sports/fixtures':
        return this.fixtures(request);
      case 'GET /sports/sports-fixtures':
        return this.sportsFixtures(request);
      case 'GET /sports/odds':
        return this.odds(request);
      case 'POST /place-bet':
        return this.placeBet(request);
      case 'POST /combo-bet-calculation':
        return this.comboCalculation(request);
      case 'POST /place-combo-bet':
        return this.placeComboBet(request);
      default:
        throw new HttpError(404, 'Not Found');
    }
  }

  // --- Auth and users ---

  private generateToken(): { token: string } {
    const token = `eyJ${randomBytes(24).toString('base64url')}`;
    this.tokens.add(token);
    return { token };
  }

  private requireToken(request: RecordedChatBetRequest): void {
    const token = request.headers.token;
    if (typeof token !== 'string' || !this.tokens.has(token)) throw new HttpError(401, 'Invalid or expired token');
  }

  private validateUser(request: RecordedChatBetRequest): unknown {
    const userKey = required(request, 'userKey');
    return userKey === DEMO_USER.userKey ? { status: true, userId: Number(DEMO_USER.id) } : { status: false };
  }

  private userBalance(request: RecordedChatBetRequest): unknown {
    this.requireToken(request);
    const money = this.user(required(request, 'userId'), required(request, 'userKey'));
    return { flag: 0, money, playableBalance: money, withdrawableBalance: money, bonusBalance: 0.0, redeemedBonus: 101.0 };
  }

  private user(userId: string, userKey: string): number {
    const balance = this.balances.get(userId);
    if (balance === undefined || userKey !== DEMO_USER.userKey) throw new HttpError(404, 'User not found');
    return balance;
  }

  // --- Sports and tournaments ---

  private async sports(): Promise<unknown> {
    return (await this.data.getSports()).map((sport) => ({
      id: sport.id,
      name: sport.name,
      alias: sport.name,
      name_es: sport.nameEs,
      name_en: sport.name,
      name_pt_br: sport.name,
      profit: {},
    }));
  }

  private async tournaments(request: RecordedChatBetRequest): Promise<unknown> {
    const sportId = required(request, 'sport_id');
    const language = this.language(request);
    const onlyActive = booleanParam(request, 'with_active_fixtures');
    const sports = await this.data.getSports();
    const sport = sports.find((s) => s.id === sportId);
    const tournaments = await this.data.getTournaments({ sportId, ...(onlyActive ? { active: true } : {}) });
    return tournaments.map((t) => ({
      tournament_id: t.id,
      tournament_name: tournamentName(t, language),
      sport_name: { en: sport?.name ?? '', es: sport?.nameEs ?? '', pt_br: sport?.name ?? '' },
      profit: {},
    }));
  }

  private async allTournaments(request: RecordedChatBetRequest): Promise<unknown> {
    const language = this.language(request);
    const onlyActive = booleanParam(request, 'with_active_fixtures');
    const tournaments = await this.data.getTournaments(onlyActive ? { active: true } : {});
    return (await this.data.getSports()).map((sport) => ({
      id: sport.id,
      name: language === 'es' ? sport.nameEs : sport.name,
      tournaments: tournaments
        .filter((t) => t.sportId === sport.id)
        .map((t, index) => ({ tournamentId: t.id, name: tournamentName(t, language), order: index + 1 })),
    }));
  }

  // --- Fixtures ---

  private async fixtures(request: RecordedChatBetRequest): Promise<unknown> {
    const tournamentId = required(request, 'tournamentId');
    const status = this.fixtureType(request);
    const language = this.language(request);
    this.timeZone(request);
    const names = await this.tournamentNames();
    const fixtures = await this.data.getFixtures({ tournamentId, status });
    return [
      { totalResults: fixtures.length },
      ...fixtures.map((f) => ({
        source: SOURCE,
        id: f.id,
        startTime: f.startTime.slice(0, 19).replace('T', ' '),
        sportId: f.sportId,
        tournament: { id: f.tournament.id, name: pick(names.get(f.tournament.id), language) ?? f.tournament.name },
        homeCompetitor: { id: f.home.id, name: this.teamName(f.home.id, f.home.name, language), jerseyIcon: null },
        awayCompetitor: { id: f.away.id, name: this.teamName(f.away.id, f.away.name, language), jerseyIcon: null },
        ...(f.score === undefined ? {} : { score: { home: f.score.home, away: f.score.away } }),
      })),
    ];
  }

  private async sportsFixtures(request: RecordedChatBetRequest): Promise<unknown> {
    const sportId = required(request, 'sportId');
    const status = this.fixtureType(request);
    this.language(request);
    this.timeZone(request);
    const names = await this.tournamentNames();
    const fixtures = await this.data.getFixtures({ sportId, status });
    return fixtures.map((f) => {
      const home = this.teamNames(f.home.id, f.home.name);
      const away = this.teamNames(f.away.id, f.away.name);
      return {
        id: f.id,
        source: SOURCE,
        tournament_id: f.tournament.id,
        // MM-DD HH:MM: the upstream leaves the year out.
        startTime: `${f.startTime.slice(5, 10)} ${f.startTime.slice(11, 16)}`,
        startTimeIndex: Math.floor(Date.parse(f.startTime) / 1000),
        tournament_name: names.get(f.tournament.id) ?? { en: f.tournament.name, es: f.tournament.name, pt_br: f.tournament.name },
        home_team_data: { name: home },
        away_team_data: { name: away },
        homeCompetitorName: home,
        homeCompetitorId: f.home.id,
        awayCompetitorName: away,
        awayCompetitorId: f.away.id,
        ...(f.score === undefined ? {} : { score: `${f.score.home}-${f.score.away}` }),
      };
    });
  }

  private fixtureType(request: RecordedChatBetRequest): FixtureStatus {
    const type = required(request, 'type');
    if (type === 'pre_match' || type === 'live' || (type === 'finished' && this.results)) return type;
    throw new HttpError(422, [{ loc: ['query', 'type'], msg: "Input should be 'pre_match' or 'live'", type: 'enum' }]);
  }

  private async tournamentNames(): Promise<Map<string, Record<string, string>>> {
    const tournaments = await this.data.getTournaments();
    return new Map(tournaments.map((t) => [t.id, { en: t.name, es: t.nameEs, pt_br: t.name }]));
  }

  private teamNames(id: string, name: string): Record<string, string> {
    const nameEs = this.directory.teamById(id)?.nameEs ?? name;
    return { en: name, es: nameEs, pt_br: name };
  }

  private teamName(id: string, name: string, language: string): string {
    return pick(this.teamNames(id, name), language) ?? name;
  }

  // --- Odds ---

  private async odds(request: RecordedChatBetRequest): Promise<unknown> {
    const fixtureId = required(request, 'fixtureId');
    const amount = Number(required(request, 'amount'));
    if (!Number.isFinite(amount) || amount <= 0) {
      throw new HttpError(422, [{ loc: ['query', 'amount'], msg: 'Input should be a valid number', type: 'float_parsing' }]);
    }
    let fixture: Fixture;
    let odds: FixtureOdds;
    try {
      fixture = await this.data.getFixture(fixtureId);
      odds = await this.data.getOdds(fixtureId);
    } catch (error) {
      if (error instanceof UnknownFixtureError) return this.inactiveOdds();
      throw error;
    }
    // Without the fixture's sport and tournament the upstream prices nothing.
    if (request.query.sportId !== fixture.sportId || request.query.tournamentId !== fixture.tournament.id) {
      return this.inactiveOdds();
    }
    if (odds.status === 'inactive') return this.inactiveOdds();
    return this.oddsShape === 'A' ? shapeA(odds, amount) : shapeB(odds);
  }

  private inactiveOdds(): unknown {
    if (this.oddsShape === 'B') return {};
    return {
      status: 'Inactive',
      main_market: 'result',
      result: null,
      over_under: null,
      handicap: null,
      both_teams_to_score: null,
      double_chance: null,
      draw_no_bet: null,
      score: null,
      half_time_result: null,
    };
  }

  // --- Betting ---

  private placeBet(request: RecordedChatBetRequest): unknown {
    this.requireToken(request);
    const body = objectBody(request);
    const user = stringFields(body.user, ['id', 'userKey'], 'user');
    const betInfo = isObject(body.betInfo) ? body.betInfo : {};
    const { amount: amountText } = stringFields(betInfo, ['amount', 'source'], 'betInfo');
    const legs = legsOf(betInfo.betId, 'betInfo.betId');
    const amount = positiveAmount(amountText);
    const balance = this.user(user.id, user.userKey);
    if (amount > balance) throw new HttpError(400, 'Insufficient balance');
    this.balances.set(user.id, round2(balance - amount));
    const odd = legs.reduce((product, leg) => product * Number(leg.odd), 1);
    return { message: 'bet accepted', betId: this.nextBetId(), possibleWin: round2(amount * odd) };
  }

  private comboCalculation(request: RecordedChatBetRequest): unknown {
    const body = objectBody(request);
    const legs = legsOf(body.betsInfo, 'betsInfo');
    const amount = positiveAmount(body.amount);
    const odd = round2(legs.reduce((product, leg) => product * Number(leg.odd), 1));
    return { profit: round2(amount * odd), odd, status: 'True' };
  }

  private placeComboBet(request: RecordedChatBetRequest): unknown {
    this.requireToken(request);
    const body = objectBody(request);
    const legs = legsOf(body.betsInfo, 'betsInfo');
    const user = stringFields(body.user, ['id', 'userKey'], 'user');
    const amount = positiveAmount(body.amount);
    const balance = this.user(user.id, user.userKey);
    if (amount > balance) throw new HttpError(400, 'Insufficient balance');
    this.balances.set(user.id, round2(balance - amount));
    const odd = round2(legs.reduce((product, leg) => product * Number(leg.odd), 1));
    return { message: 'bet accepted', betId: this.nextBetId(), profit: round2(amount * odd), odd };
  }

  private nextBetId(): string {
    this.betCounter++;
    return String(9_000_000 + this.betCounter);
  }

  // --- Parameters ---

  private language(request: RecordedChatBetRequest): string {
    const language = request.query.language ?? 'en';
    if (!LANGUAGES.has(language)) {
      throw new HttpError(422, [{ loc: ['query', 'language'], msg: "Input should be 'en', 'es' or 'pt_br'", type: 'enum' }]);
    }
    return language;
  }

  private timeZone(request: RecordedChatBetRequest): void {
    const zone = request.query.time_zone ?? 'UTC';
    if (zone !== 'UTC') throw new HttpError(422, [{ loc: ['query', 'time_zone'], msg: 'This fake serves UTC only', type: 'value_error' }]);
  }
}

// --- Wire shapes of odds ---

const SHAPE_A_KEYS: Record<MarketCode, { market: string; selections: Partial<Record<SelectionKey, string>> }> = {
  '1x2': { market: 'result', selections: { home: 'homeTeam', away: 'awayTeam', draw: 'tie' } },
  // Basketball's two-way result comes as a result market with no tie.
  moneyline: { market: 'result', selections: { home: 'homeTeam', away: 'awayTeam' } },
  over_under: { market: 'over_under', selections: { over: 'over', under: 'under' } },
  handicap: { market: 'handicap', selections: { home: 'homeTeam', away: 'awayTeam' } },
  btts: { market: 'both_teams_to_score', selections: { yes: 'yes', no: 'no' } },
  double_chance: {
    market: 'double_chance',
    selections: { home_or_draw: 'homeTeam_or_draw', away_or_draw: 'awayTeam_or_draw', home_or_away: 'homeTeam_or_awayTeam' },
  },
  draw_no_bet: { market: 'draw_no_bet', selections: { home: 'homeTeam', away: 'awayTeam' } },
};

const SHAPE_B_NAMES: Record<SelectionKey, string> = {
  home: 'Home',
  draw: 'Draw',
  away: 'Away',
  over: 'Over',
  under: 'Under',
  yes: 'Yes',
  no: 'No',
  home_or_draw: 'Home or Draw',
  away_or_draw: 'Draw or Away',
  home_or_away: 'Home or Away',
};

/** One market per code, as the upstream quotes it: for over/under the most balanced line. */
function mainMarkets(odds: FixtureOdds): MarketOdds[] {
  const byCode = new Map<MarketCode, MarketOdds>();
  for (const market of odds.markets) {
    const current = byCode.get(market.market);
    if (current === undefined || (market.market === 'over_under' && imbalance(market) < imbalance(current))) {
      byCode.set(market.market, market);
    }
  }
  return [...byCode.values()];
}

function imbalance(market: MarketOdds): number {
  const [first, second] = market.selections;
  return Math.abs((first?.odds ?? 0) - (second?.odds ?? 0));
}

function shapeA(odds: FixtureOdds, amount: number): unknown {
  const answer: Record<string, unknown> = {
    status: 'Active',
    main_market: 'result',
    result: null,
    over_under: null,
    handicap: null,
    both_teams_to_score: null,
    double_chance: null,
    draw_no_bet: null,
    score: null,
    half_time_result: null,
  };
  const sel = (s: MarketSelection) => ({ name: s.name, odds: s.odds, profit: round2(s.odds * amount), betId: s.betId });
  for (const market of mainMarkets(odds)) {
    const keys = SHAPE_A_KEYS[market.market];
    answer[keys.market] = Object.fromEntries(
      market.selections.flatMap((s) => {
        const field = keys.selections[s.key];
        return field === undefined ? [] : [[field, sel(s)]];
      }),
    );
  }
  return answer;
}

function shapeB(odds: FixtureOdds): unknown {
  const answer: Record<string, unknown> = {};
  for (const market of mainMarkets(odds)) {
    const options: Record<string, { name: string; odd: number }> = {};
    for (const s of market.selections) options[s.betId] = { name: shapeBName(market, s), odd: s.odds };
    answer[SHAPE_A_KEYS[market.market].market] = { options };
  }
  return answer;
}

function shapeBName(market: MarketOdds, selection: MarketSelection): string {
  const generic = SHAPE_B_NAMES[selection.key];
  if (market.market === 'over_under') return `${generic} ${market.line ?? ''}`.trim();
  if (market.market === 'handicap') {
    const line = selection.key === 'home' ? (market.line ?? 0) : -(market.line ?? 0);
    return `${generic} ${line > 0 ? `+${line}` : line}`;
  }
  return generic;
}

// --- Helpers ---

function faultBody(status: number): unknown {
  if (status === 422) return { detail: [{ loc: ['query'], msg: 'Unprocessable Entity', type: 'value_error' }] };
  if (status === 429) return { detail: 'Too Many Requests' };
  if (status >= 500) return { detail: 'Internal Server Error' };
  return { detail: `HTTP ${status}` };
}

function required(request: RecordedChatBetRequest, name: string): string {
  const value = request.query[name];
  if (value === undefined || value.length === 0) {
    throw new HttpError(422, [{ loc: ['query', name], msg: 'Field required', type: 'missing' }]);
  }
  return value;
}

function booleanParam(request: RecordedChatBetRequest, name: string): boolean {
  const value = request.query[name];
  if (value === undefined) return false;
  if (['true', '1', 'yes', 'on'].includes(value.toLowerCase())) return true;
  if (['false', '0', 'no', 'off'].includes(value.toLowerCase())) return false;
  throw new HttpError(422, [{ loc: ['query', name], msg: 'Input should be a valid boolean', type: 'bool_parsing' }]);
}

function tournamentName(tournament: Tournament, language: string): string {
  return language === 'es' ? tournament.nameEs : tournament.name;
}

function pick(names: Record<string, string> | undefined, language: string): string | undefined {
  return names?.[language] ?? names?.en;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function objectBody(request: RecordedChatBetRequest): Record<string, unknown> {
  if (!isObject(request.body)) throw new HttpError(422, [{ loc: ['body'], msg: 'Input should be an object', type: 'dict_type' }]);
  return request.body;
}

/** The named fields of `value`, each of which must be a string (the upstream wants every value as one). */
function stringFields<K extends string>(value: unknown, names: K[], where: string): Record<K, string> {
  if (!isObject(value)) throw new HttpError(422, [{ loc: ['body', where], msg: 'Field required', type: 'missing' }]);
  const result = {} as Record<K, string>;
  for (const name of names) {
    const field = value[name];
    if (typeof field !== 'string') {
      throw new HttpError(422, [{ loc: ['body', where, name], msg: 'Input should be a valid string', type: 'string_type' }]);
    }
    result[name] = field;
  }
  return result;
}

function legsOf(value: unknown, where: string): Array<Record<'betId' | 'fixtureId' | 'odd' | 'sportId' | 'tournamentId', string>> {
  if (!Array.isArray(value) || value.length === 0) {
    throw new HttpError(422, [{ loc: ['body', where], msg: 'List should have at least 1 item', type: 'too_short' }]);
  }
  return value.map((leg, index) => {
    const fields = stringFields(leg, ['betId', 'fixtureId', 'odd', 'sportId', 'tournamentId'], `${where}[${index}]`);
    if (!(Number(fields.odd) > 1)) throw new HttpError(422, [{ loc: ['body', where, index, 'odd'], msg: 'Invalid odd', type: 'value_error' }]);
    return fields;
  });
}

function positiveAmount(value: unknown): number {
  const amount = typeof value === 'string' || typeof value === 'number' ? Number(value) : Number.NaN;
  if (!Number.isFinite(amount) || amount <= 0) {
    throw new HttpError(422, [{ loc: ['body', 'amount'], msg: 'Amount must be positive', type: 'value_error' }]);
  }
  return amount;
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
