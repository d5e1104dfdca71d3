/**
 * Every reading of ChatBet wire shapes into the domain model lives here, so a change upstream
 * touches one file. The upstream is undocumented (see CHATBET_API.md), so parsing is defensive:
 * unknown fields are ignored, missing optional ones tolerated, and an item that cannot be read is
 * skipped with a debug log instead of failing the whole answer.
 */
import { Injectable, Logger } from '@nestjs/common';
import type { Fixture, FixtureStatus, Score } from '../domain/fixture.js';
import type { FixtureOdds, MarketCode, MarketOdds, MarketSelection, SelectionKey } from '../domain/market.js';
import type { Sport } from '../domain/sport.js';
import type { TeamRef } from '../domain/team.js';
import { normalizeName } from '../name-matching.js';

type JsonObject = Record<string, unknown>;

/** A tournament as the upstream lists it, before names in other languages and directory data are merged in. */
export interface ChatBetTournamentEntry {
  id: string;
  name: string;
  sportId: string;
  order?: number;
}

/** A fixture with the Spanish team names when the upstream sent them (the flat `sports-fixtures` shape does). */
export interface ChatBetFixtureEntry {
  fixture: Fixture;
  homeNameEs?: string;
  awayNameEs?: string;
}

export interface FixtureParseContext {
  /** The `type` the listing was requested with; the items themselves carry no status. */
  status: FixtureStatus;
  /** The sport the listing was requested for, when the items do not say. */
  sportId?: string;
  /** Resolves year-less start times. */
  now: Date;
}

export interface OddsParseContext {
  fixtureId: string;
  home?: TeamRef;
  away?: TeamRef;
  now: Date;
}

// Shape-A market keys (and a few obvious synonyms) and the domain market they carry.
const MARKET_KEYS: Record<string, MarketCode> = {
  result: '1x2',
  '1x2': '1x2',
  match_result: '1x2',
  over_under: 'over_under',
  total: 'over_under',
  totals: 'over_under',
  handicap: 'handicap',
  spread: 'handicap',
  both_teams_to_score: 'btts',
  btts: 'btts',
  double_chance: 'double_chance',
  draw_no_bet: 'draw_no_bet',
  moneyline: 'moneyline',
  money_line: 'moneyline',
};

// Shape-A selection keys within each market.
const SHAPE_A_SELECTIONS: Record<MarketCode, Record<string, SelectionKey>> = {
  '1x2': { homeTeam: 'home', tie: 'draw', draw: 'draw', awayTeam: 'away' },
  over_under: { over: 'over', under: 'under' },
  handicap: { homeTeam: 'home', awayTeam: 'away' },
  btts: { yes: 'yes', no: 'no' },
  double_chance: {
    homeTeam_or_draw: 'home_or_draw',
    awayTeam_or_draw: 'away_or_draw',
    draw_or_awayTeam: 'away_or_draw',
    homeTeam_or_awayTeam: 'home_or_away',
  },
  draw_no_bet: { homeTeam: 'home', awayTeam: 'away' },
  moneyline: { homeTeam: 'home', awayTeam: 'away' },
};

const YEARLESS_TIME = /^(\d{1,2})-(\d{1,2})\s+(\d{1,2}):(\d{2})$/;
const ZONELESS_TIME = /^(\d{4})-(\d{1,2})-(\d{1,2})[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/;
const HAS_ZONE = /(Z|[+-]\d{2}:?\d{2})$/i;
const TRAILING_NUMBER = /\(?\s*([+-]?\d+(?:[.,]\d+)?)\s*\)?\s*$/;

@Injectable()
export class ChatBetAdapter {
  private readonly logger = new Logger(ChatBetAdapter.name);

  /** `POST /auth/generate_token` answers `{"token": "..."}`. */
  toToken(raw: unknown): string | undefined {
    const token = isRecord(raw) ? raw.token : undefined;
    return typeof token === 'string' && token.length > 0 ? token : undefined;
  }

  /** `GET /sports`: `[{"id":"1","name":"Football","name_es":..,"name_en":..}]`. */
  toSports(raw: unknown): Sport[] {
    const sports: Sport[] = [];
    const seen = new Set<string>();
    for (const item of this.list(raw, 'sports')) {
      const id = idOf(item.id);
      const name = text(item.name_en) ?? text(item.name) ?? text(item.alias);
      if (id === undefined || name === undefined || seen.has(id)) {
        this.skip('sport', item);
        continue;
      }
      seen.add(id);
      sports.push({ id, name, nameEs: text(item.name_es) ?? name });
    }
    return sports;
  }

  /** `GET /sports/tournaments?sport_id=..`: `[{"tournament_id":..,"tournament_name":..,"sport_name":{..}}]`. */
  toTournaments(raw: unknown, sportId: string): ChatBetTournamentEntry[] {
    const entries: ChatBetTournamentEntry[] = [];
    for (const item of this.list(raw, 'tournaments')) {
      const id = idOf(item.tournament_id) ?? idOf(item.tournamentId) ?? idOf(item.id);
      const name = localized(item.tournament_name, 'en') ?? localized(item.name, 'en');
      if (id === undefined || name === undefined) {
        this.skip('tournament', item);
        continue;
      }
      entries.push({ id, name, sportId });
    }
    return entries;
  }

  /** `GET /sports/all-tournaments`: tournaments grouped by sport, `[{"id":..,"name":..,"tournaments":[..]}]`. */
  toAllTournaments(raw: unknown): ChatBetTournamentEntry[] {
    const entries: ChatBetTournamentEntry[] = [];
    for (const group of this.list(raw, 'all-tournaments')) {
      const sportId = idOf(group.id) ?? idOf(group.sportId);
      if (sportId === undefined || !Array.isArray(group.tournaments)) {
        this.skip('tournament group', group);
        continue;
      }
      for (const item of group.tournaments) {
        if (!isRecord(item)) {
          this.skip('tournament', item);
          continue;
        }
        const id = idOf(item.tournamentId) ?? idOf(item.tournament_id) ?? idOf(item.id);
        const name = localized(item.name, 'en') ?? localized(item.tournament_name, 'en');
        if (id === undefined || name === undefined) {
          this.skip('tournament', item);
          continue;
        }
        const order = finite(item.order);
        entries.push({ id, name, sportId, ...(order === undefined ? {} : { order }) });
      }
    }
    return entries;
  }

  /**
   * A fixture listing, either `GET /sports/fixtures` (a leading `{"totalResults": N}` element, then
   * nested fixtures) or `GET /sports/sports-fixtures` (flat items with year-less start times).
   * Both item shapes are recognised in either listing.
   */
  toFixtures(raw: unknown, context: FixtureParseContext): ChatBetFixtureEntry[] {
    const entries: ChatBetFixtureEntry[] = [];
    const seen = new Set<string>();
    let announced: number | undefined;
    for (const item of this.list(raw, 'fixtures')) {
      if (item.totalResults !== undefined && item.id === undefined) {
        announced = finite(item.totalResults);
        continue;
      }
      const entry = isRecord(item.homeCompetitor) ? this.nestedFixture(item, context) : this.flatFixture(item, context);
      if (entry === undefined || seen.has(entry.fixture.id)) {
        this.skip('fixture', item);
        continue;
      }
      seen.add(entry.fixture.id);
      entries.push(entry);
    }
    if (announced !== undefined && announced < entries.length) {
      this.logger.debug(`Fixture listing announced ${announced} results but carried ${entries.length}`);
    }
    return entries;
  }

  /**
   * `GET /sports/odds`. Shape A: market keys holding `{homeTeam: SEL, ...}` with
   * `SEL = {name, odds, profit, betId}`; shape B: `{"options": {"<betId>": {"name": "Home", "odd": 2.1}}}`.
   * A market is kept only when at least two of its selections can be read; display names follow
   * one convention (team names, "Draw", "Over 2.5") whatever the shape.
   */
  toFixtureOdds(raw: unknown, context: OddsParseContext): FixtureOdds {
    const updatedAt = context.now.toISOString();
    if (!isRecord(raw)) {
      this.logger.debug(`Odds answer for fixture ${context.fixtureId} is not an object`);
      return { fixtureId: context.fixtureId, status: 'inactive', markets: [], updatedAt };
    }
    const status = text(raw.status)?.toLowerCase();
    if (status === 'inactive') return { fixtureId: context.fixtureId, status: 'inactive', markets: [], updatedAt };

    const container = isRecord(raw.markets) ? raw.markets : raw;
    const markets: MarketOdds[] = [];
    const betIds = new Set<string>();
    for (const [key, value] of Object.entries(container)) {
      const code = MARKET_KEYS[key];
      if (code === undefined || value === null || value === undefined) continue;
      if (!isRecord(value)) {
        this.skip(`odds market ${key}`, value);
        continue;
      }
      const market = isRecord(value.options)
        ? this.shapeBMarket(code, value.options, context)
        : this.shapeAMarket(code, value, context);
      if (market === undefined) {
        this.skip(`odds market ${key}`, value);
        continue;
      }
      // One betId names one selection; a repeat is an upstream glitch, not a second price.
      if (market.selections.some((selection) => betIds.has(selection.betId))) {
        this.skip(`odds market ${key} (repeated betId)`, value);
        continue;
      }
      for (const selection of market.selections) betIds.add(selection.betId);
      markets.push({ ...market, updatedAt });
    }
    // Shape B carries no status: prices present means open for betting.
    const active = status === 'active' || (status === undefined && markets.length > 0);
    return {
      fixtureId: context.fixtureId,
      status: active ? 'active' : 'inactive',
      markets: active ? markets : [],
      updatedAt,
    };
  }

  private nestedFixture(item: JsonObject, context: FixtureParseContext): ChatBetFixtureEntry | undefined {
    const tournament = isRecord(item.tournament) ? item.tournament : {};
    const home = isRecord(item.homeCompetitor) ? item.homeCompetitor : {};
    const away = isRecord(item.awayCompetitor) ? item.awayCompetitor : {};
    return this.buildFixture(item, context, {
      tournamentId: idOf(tournament.id) ?? idOf(item.tournamentId) ?? idOf(item.tournament_id),
      tournamentName: localized(tournament.name, 'en'),
      home: { id: idOf(home.id), name: localized(home.name, 'en') },
      away: { id: idOf(away.id), name: localized(away.name, 'en') },
      homeNameEs: localized(home.name, 'es', false),
      awayNameEs: localized(away.name, 'es', false),
    });
  }

  private flatFixture(item: JsonObject, context: FixtureParseContext): ChatBetFixtureEntry | undefined {
    const homeData = isRecord(item.home_team_data) ? item.home_team_data : {};
    const awayData = isRecord(item.away_team_data) ? item.away_team_data : {};
    const homeName = item.homeCompetitorName ?? homeData.name;
    const awayName = item.awayCompetitorName ?? awayData.name;
    return this.buildFixture(item, context, {
      tournamentId: idOf(item.tournament_id) ?? idOf(item.tournamentId),
      tournamentName: localized(item.tournament_name, 'en'),
      home: { id: idOf(item.homeCompetitorId) ?? idOf(homeData.id), name: localized(homeName, 'en') },
      away: { id: idOf(item.awayCompetitorId) ?? idOf(awayData.id), name: localized(awayName, 'en') },
      homeNameEs: localized(homeName, 'es', false),
      awayNameEs: localized(awayName, 'es', false),
    });
  }

  private buildFixture(
    item: JsonObject,
    context: FixtureParseContext,
    parts: {
      tournamentId?: string;
      tournamentName?: string;
      home: Partial<TeamRef>;
      away: Partial<TeamRef>;
      homeNameEs?: string;
      awayNameEs?: string;
    },
  ): ChatBetFixtureEntry | undefined {
    const id = idOf(item.id) ?? idOf(item.fixtureId);
    const sportId = idOf(item.sportId) ?? idOf(item.sport_id) ?? context.sportId;
    const startTime = parseStartTime(item.startTime, context.now);
    const { home, away, tournamentId, tournamentName } = parts;
    if (
      id === undefined ||
      sportId === undefined ||
      startTime === undefined ||
      tournamentId === undefined ||
      tournamentName === undefined ||
      home.id === undefined ||
      home.name === undefined ||
      away.id === undefined ||
      away.name === undefined ||
      home.id === away.id
    ) {
      return undefined;
    }
    // A score before kick-off would be noise (some feeds send 0-0); after it, it is the running or final one.
    const score = context.status === 'pre_match' ? undefined : parseScore(item);
    const fixture: Fixture = {
      id,
      sportId,
      tournament: { id: tournamentId, name: tournamentName },
      home: { id: home.id, name: home.name },
      away: { id: away.id, name: away.name },
      startTime,
      status: context.status,
      ...(score === undefined ? {} : { score }),
    };
    return {
      fixture,
      ...(parts.homeNameEs === undefined ? {} : { homeNameEs: parts.homeNameEs }),
      ...(parts.awayNameEs === undefined ? {} : { awayNameEs: parts.awayNameEs }),
    };
  }

  private shapeAMarket(code: MarketCode, value: JsonObject, context: OddsParseContext): MarketOdds | undefined {
    const found: { key: SelectionKey; upstreamName: string; odds: number; betId: string }[] = [];
    for (const [field, key] of Object.entries(SHAPE_A_SELECTIONS[code])) {
      const selection = value[field];
      if (!isRecord(selection)) continue;
      const odds = decimalOdds(selection.odds ?? selection.odd);
      const betId = idOf(selection.betId) ?? idOf(selection.bet_id);
      if (odds === undefined || betId === undefined) {
        this.skip(`selection ${field}`, selection);
        continue;
      }
      found.push({ key, upstreamName: text(selection.name) ?? '', odds, betId });
    }
    return this.market(code, found, context);
  }

  private shapeBMarket(code: MarketCode, options: JsonObject, context: OddsParseContext): MarketOdds | undefined {
    const found: { key: SelectionKey; upstreamName: string; odds: number; betId: string }[] = [];
    for (const [betId, option] of Object.entries(options)) {
      if (!isRecord(option)) {
        this.skip('option', option);
        continue;
      }
      const upstreamName = text(option.name) ?? '';
      const key = selectionKeyFromName(code, upstreamName, context);
      const odds = decimalOdds(option.odd ?? option.odds);
      if (key === undefined || odds === undefined || betId.length === 0) {
        this.skip(`option ${betId}`, option);
        continue;
      }
      found.push({ key, upstreamName, odds, betId });
    }
    return this.market(code, found, context);
  }

  private market(
    code: MarketCode,
    found: { key: SelectionKey; upstreamName: string; odds: number; betId: string }[],
    context: OddsParseContext,
  ): MarketOdds | undefined {
    const byKey = new Map<SelectionKey, (typeof found)[number]>();
    for (const selection of found) if (!byKey.has(selection.key)) byKey.set(selection.key, selection);
    if (byKey.size < 2) return undefined;

    let line: number | undefined;
    if (code === 'over_under') {
      const over = byKey.get('over');
      const under = byKey.get('under');
      const overLine = over === undefined ? undefined : parseLine(over.upstreamName);
      const underLine = under === undefined ? undefined : parseLine(under.upstreamName);
      // Over and under of different lines are not one market.
      if (overLine !== undefined && underLine !== undefined && overLine !== underLine) return undefined;
      line = overLine ?? underLine;
      if (line === undefined || line < 0) return undefined;
    } else if (code === 'handicap') {
      const home = byKey.get('home');
      const away = byKey.get('away');
      const homeLine = home === undefined ? undefined : parseLine(home.upstreamName);
      const awayLine = away === undefined ? undefined : parseLine(away.upstreamName);
      line = homeLine ?? (awayLine === undefined ? undefined : -awayLine);
      if (line === undefined) return undefined;
    }

    // A result market with no draw to back (basketball's usual one) is a two-way moneyline.
    const market: MarketCode = code === '1x2' && !byKey.has('draw') ? 'moneyline' : code;
    const selections: MarketSelection[] = [...byKey.values()].map((selection) => ({
      key: selection.key,
      name: displayName(market, selection.key, line, selection.upstreamName, context),
      odds: selection.odds,
      betId: selection.betId,
    }));
    return {
      fixtureId: context.fixtureId,
      market,
      ...(line === undefined ? {} : { line }),
      selections,
      updatedAt: context.now.toISOString(),
    };
  }

  /** The answer as a list of objects; anything else is logged and read as empty. */
  private list(raw: unknown, what: string): JsonObject[] {
    if (!Array.isArray(raw)) {
      this.logger.debug(`Expected a list of ${what}, got ${describe(raw)}`);
      return [];
    }
    const items: JsonObject[] = [];
    for (const item of raw) {
      if (isRecord(item)) items.push(item);
      else this.skip(what, item);
    }
    return items;
  }

  private skip(what: string, item: unknown): void {
    this.logger.debug(`Skipping unreadable ${what}: ${describe(item)}`);
  }
}

/**
 * Reads a start time into ISO-8601 UTC. Listings are requested with `time_zone=UTC`, so times without
 * a zone are UTC. Accepts "MM-DD HH:MM" (no year), "YYYY-MM-DD HH:MM[:SS]", ISO-8601 with a zone, and
 * epoch seconds or milliseconds.
 */
export function parseStartTime(value: unknown, now: Date): string | undefined {
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value <= 0) return undefined;
    // Epoch seconds stay below 1e11 until the year 5138; milliseconds passed it in 1973.
    return new Date(value < 1e11 ? value * 1000 : value).toISOString();
  }
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  const yearless = YEARLESS_TIME.exec(trimmed);
  if (yearless !== null) {
    const [, month, day, hours, minutes] = yearless.map(Number) as [number, number, number, number, number];
    return resolveYearlessDate(month, day, hours, minutes, now)?.toISOString();
  }
  const zoneless = ZONELESS_TIME.exec(trimmed);
  if (zoneless !== null) {
    const [, year, month, day, hours, minutes, seconds] = zoneless.map((part) => Number(part ?? 0)) as number[];
    return utcDate(year!, month!, day!, hours!, minutes!, seconds ?? 0)?.toISOString();
  }
  if (HAS_ZONE.test(trimmed) && /^\d{4}-\d{2}-\d{2}T/.test(trimmed)) {
    const epoch = Date.parse(trimmed);
    return Number.isNaN(epoch) ? undefined : new Date(epoch).toISOString();
  }
  return undefined;
}

/**
 * The instant a year-less "MM-DD HH:MM" (UTC) most plausibly means: among the previous, current and
 * next year, the date nearest to `now`. So "12-30 20:00" read on 2 January is last December, and
 * "01-03 20:00" read on 30 December is next January. Feb 29 only exists in leap years.
 */
export function resolveYearlessDate(month: number, day: number, hours: number, minutes: number, now: Date): Date | undefined {
  const year = now.getUTCFullYear();
  let best: Date | undefined;
  for (const candidateYear of [year - 1, year, year + 1]) {
    const candidate = utcDate(candidateYear, month, day, hours, minutes, 0);
    if (candidate === undefined) continue;
    if (best === undefined || Math.abs(candidate.getTime() - now.getTime()) < Math.abs(best.getTime() - now.getTime())) {
      best = candidate;
    }
  }
  return best;
}

/** The signed number a selection name ends with: "Over 2.5" → 2.5, "Barcelona (-1.5)" → -1.5. */
export function parseLine(name: string): number | undefined {
  const match = TRAILING_NUMBER.exec(name);
  if (match === null) return undefined;
  const line = Number(match[1]!.replace(',', '.'));
  return Number.isFinite(line) ? line : undefined;
}

/** Shape-B options are named rather than keyed: "Home", "X", "Over 2.5", "1X", "Barcelona -1.5"... */
function selectionKeyFromName(code: MarketCode, name: string, context: OddsParseContext): SelectionKey | undefined {
  const normalized = normalizeName(name);
  const side = (candidate: string): 'home' | 'draw' | 'away' | undefined => sideOf(candidate, context);
  switch (code) {
    case '1x2':
    case 'moneyline':
    case 'draw_no_bet': {
      const found = side(normalized);
      return code !== '1x2' && found === 'draw' ? undefined : found;
    }
    case 'handicap': {
      const found = side(normalizeName(name.replace(TRAILING_NUMBER, '')));
      return found === 'draw' ? undefined : found;
    }
    case 'over_under':
      if (/^(over|mas|más|o)\b/.test(normalized)) return 'over';
      if (/^(under|menos|u)\b/.test(normalized)) return 'under';
      return undefined;
    case 'btts':
      if (/^(yes|si|sí|sim)$/.test(normalized)) return 'yes';
      if (/^(no|nao)$/.test(normalized)) return 'no';
      return undefined;
    case 'double_chance': {
      const compact = normalized.replace(/\s+/g, '');
      const parts = /^[12x]{2}$/.test(compact) ? compact.split('') : normalized.split(/\s+(?:or|o|ou)\s+|\s*\/\s*/);
      const sides = new Set(parts.map((part) => side(part)));
      if (sides.size !== 2 || sides.has(undefined)) return undefined;
      if (sides.has('home') && sides.has('draw')) return 'home_or_draw';
      if (sides.has('away') && sides.has('draw')) return 'away_or_draw';
      return 'home_or_away';
    }
  }
}

function sideOf(normalized: string, context: OddsParseContext): 'home' | 'draw' | 'away' | undefined {
  if (['home', '1', 'local', 'home team', 'casa'].includes(normalized)) return 'home';
  if (['draw', 'x', 'tie', 'empate'].includes(normalized)) return 'draw';
  if (['away', '2', 'visitante', 'away team', 'fora'].includes(normalized)) return 'away';
  if (context.home !== undefined && normalized === normalizeName(context.home.name)) return 'home';
  if (context.away !== undefined && normalized === normalizeName(context.away.name)) return 'away';
  return undefined;
}

/** One naming convention for selections whatever the shape: team names, "Draw", "Over 2.5", "Barcelona -1.5". */
function displayName(
  code: MarketCode,
  key: SelectionKey,
  line: number | undefined,
  upstreamName: string,
  context: OddsParseContext,
): string {
  // Without the fixture's teams, the upstream's own wording is the best name there is.
  if ((context.home === undefined || context.away === undefined) && upstreamName.length > 0) return upstreamName;
  const home = context.home?.name ?? 'Home';
  const away = context.away?.name ?? 'Away';
  switch (key) {
    case 'home':
      return code === 'handicap' ? `${home} ${signed(line ?? 0)}` : home;
    case 'away':
      return code === 'handicap' ? `${away} ${signed(-(line ?? 0))}` : away;
    case 'draw':
      return 'Draw';
    case 'over':
      return `Over ${line ?? ''}`.trim();
    case 'under':
      return `Under ${line ?? ''}`.trim();
    case 'yes':
      return 'Yes';
    case 'no':
      return 'No';
    case 'home_or_draw':
      return `${home} or Draw`;
    case 'away_or_draw':
      return `Draw or ${away}`;
    case 'home_or_away':
      return `${home} or ${away}`;
  }
}

/** A score as `{"home": 1, "away": 0}`, `"1-0"` / `"1:0"`, or `homeScore` / `awayScore` fields. */
function parseScore(item: JsonObject): Score | undefined {
  const score = item.score;
  if (isRecord(score)) return validScore(score.home, score.away);
  if (typeof score === 'string') {
    const match = /^\s*(\d+)\s*[-:]\s*(\d+)\s*$/.exec(score);
    if (match !== null) return validScore(match[1], match[2]);
  }
  if (item.homeScore !== undefined || item.awayScore !== undefined) return validScore(item.homeScore, item.awayScore);
  return undefined;
}

function validScore(home: unknown, away: unknown): Score | undefined {
  const h = finite(home);
  const a = finite(away);
  if (h === undefined || a === undefined || !Number.isInteger(h) || !Number.isInteger(a) || h < 0 || a < 0) return undefined;
  return { home: h, away: a };
}

function utcDate(year: number, month: number, day: number, hours: number, minutes: number, seconds: number): Date | undefined {
  if (hours > 23 || minutes > 59 || seconds > 59) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day, hours, minutes, seconds));
  // Date.UTC rolls "02-30" over into March; such a date does not exist.
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return date;
}

/** Decimal odds above evens, to two decimals; anything else (0, 1, text) means no price. */
function decimalOdds(value: unknown): number | undefined {
  const odds = finite(value);
  if (odds === undefined || odds <= 1) return undefined;
  const rounded = Math.round(odds * 100) / 100;
  return rounded > 1 ? rounded : undefined;
}

function signed(line: number): string {
  return line > 0 ? `+${line}` : `${line}`;
}

function isRecord(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Ids come as strings or numbers; both become strings. */
function idOf(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'string' && value.trim().length > 0) return value.trim();
  return undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim().length > 0 ? value.trim() : undefined;
}

function finite(value: unknown): number | undefined {
  const number = typeof value === 'string' && value.trim().length > 0 ? Number(value) : value;
  return typeof number === 'number' && Number.isFinite(number) ? number : undefined;
}

/**
 * A name given either as a string or per language (`{"en": .., "es": .., "pt_br": ..}`). With
 * `fallback`, another language stands in when the wanted one is missing.
 */
function localized(value: unknown, language: 'en' | 'es', fallback = true): string | undefined {
  if (typeof value === 'string') return fallback ? text(value) : undefined;
  if (!isRecord(value)) return undefined;
  const wanted = text(value[language]);
  if (wanted !== undefined || !fallback) return wanted;
  return text(value.en) ?? text(value.es) ?? text(value.pt_br);
}

function describe(value: unknown): string {
  const json = JSON.stringify(value);
  return json === undefined ? String(value) : json.length > 200 ? `${json.slice(0, 200)}...` : json;
}
