import { BASKETBALL_TEAM_DATA } from './data/basketball-teams.data.js';
import { DERBY_DATA } from './data/derbies.data.js';
import { FOOTBALL_TEAM_DATA } from './data/football-teams.data.js';
import { TOURNAMENT_DATA } from './data/tournaments.data.js';
import type { DerbyRecord, TeamRecord, TournamentRecord } from './directory.types.js';
import { matchDistance, normalizeName } from './name-matching.js';

export type { DerbyRecord, TeamRecord, TournamentRecord } from './directory.types.js';
export {
  BUNDESLIGA_ID,
  CHAMPIONS_LEAGUE_ID,
  EUROLEAGUE_ID,
  EURO_ID,
  LA_LIGA_ID,
  LIGUE_1_ID,
  NBA_ID,
  PREMIER_LEAGUE_ID,
  SERIE_A_ID,
  WORLD_CUP_ID,
} from './data/tournaments.data.js';

export const TEAMS: readonly TeamRecord[] = [...FOOTBALL_TEAM_DATA, ...BASKETBALL_TEAM_DATA];
export const TOURNAMENTS: readonly TournamentRecord[] = TOURNAMENT_DATA;
export const DERBIES: readonly DerbyRecord[] = DERBY_DATA;

export interface DirectoryData {
  teams?: readonly TeamRecord[];
  tournaments?: readonly TournamentRecord[];
  derbies?: readonly DerbyRecord[];
}

export interface SuggestOptions {
  /** Maximum number of names returned (default 3). */
  limit?: number;
  /** Only teams (or tournaments) of this sport. */
  sportId?: string;
}

// Club-type words people add or leave out freely ("FC Barcelona", "Sevilla FC", "AC Milan").
const FILLER_WORDS = new Set(['fc', 'cf', 'afc', 'sc', 'ac', 'as', 'ss', 'ssc', 'cd', 'ud', 'rcd', 'club', 'the', 'de', 'bc', 'kk']);

interface Keyed<T> {
  record: T;
  keys: string[];
}

/**
 * Name and alias lookup over the directory tables, insensitive to case, accents and punctuation
 * ("Barça", "barca", "BARCELONA", "man utd"). Each name or alias belongs to one team; when a name is
 * not known, `suggest` offers the closest ones by edit distance.
 */
export class TeamDirectory {
  private readonly teamsById = new Map<string, TeamRecord>();
  private readonly tournamentsById = new Map<string, TournamentRecord>();
  private readonly teamByKey = new Map<string, TeamRecord>();
  private readonly teamByBareKey = new Map<string, TeamRecord | null>();
  private readonly tournamentByKey = new Map<string, TournamentRecord>();
  private readonly derbyByKey = new Map<string, DerbyRecord>();
  private readonly keyedTeams: Keyed<TeamRecord>[];
  private readonly keyedTournaments: Keyed<TournamentRecord>[];

  readonly teams: readonly TeamRecord[];
  readonly tournaments: readonly TournamentRecord[];
  readonly derbies: readonly DerbyRecord[];

  constructor(data: DirectoryData = {}) {
    this.teams = data.teams ?? TEAMS;
    this.tournaments = data.tournaments ?? TOURNAMENTS;
    this.derbies = data.derbies ?? DERBIES;

    this.keyedTeams = this.teams.map((record) => ({ record, keys: namesOf(record) }));
    for (const { record, keys } of this.keyedTeams) {
      this.teamsById.set(record.id, record);
      for (const key of keys) {
        // First entry wins, so a later alias can never shadow another team's canonical name.
        if (!this.teamByKey.has(key)) this.teamByKey.set(key, record);
        const bare = withoutFillerWords(key);
        if (bare.length === 0) continue;
        const holder = this.teamByBareKey.get(bare);
        // A bare form shared by two teams is ambiguous, so it resolves to neither.
        if (holder === undefined) this.teamByBareKey.set(bare, record);
        else if (holder !== null && holder.id !== record.id) this.teamByBareKey.set(bare, null);
      }
    }

    this.keyedTournaments = this.tournaments.map((record) => ({ record, keys: namesOf(record) }));
    for (const { record, keys } of this.keyedTournaments) {
      this.tournamentsById.set(record.id, record);
      for (const key of keys) if (!this.tournamentByKey.has(key)) this.tournamentByKey.set(key, record);
    }

    for (const derby of this.derbies) {
      for (const key of [derby.name, ...derby.aliases].map(normalizeName)) {
        if (!this.derbyByKey.has(key)) this.derbyByKey.set(key, derby);
      }
    }
  }

  teamById(id: string): TeamRecord | undefined {
    return this.teamsById.get(id);
  }

  tournamentById(id: string): TournamentRecord | undefined {
    return this.tournamentsById.get(id);
  }

  /** The team whose name or alias matches, ignoring case, accents, punctuation and words like "FC". */
  findTeam(nameOrAlias: string): TeamRecord | undefined {
    const key = normalizeName(nameOrAlias);
    if (key.length === 0) return undefined;
    return this.teamByKey.get(key) ?? this.teamByBareKey.get(withoutFillerWords(key)) ?? undefined;
  }

  findTournament(nameOrAlias: string): TournamentRecord | undefined {
    const key = normalizeName(nameOrAlias);
    return key.length === 0 ? undefined : this.tournamentByKey.get(key);
  }

  findDerby(nameOrAlias: string): DerbyRecord | undefined {
    const key = normalizeName(nameOrAlias);
    return key.length === 0 ? undefined : this.derbyByKey.get(key);
  }

  teamsInTournament(tournamentId: string): TeamRecord[] {
    return this.teams.filter((team) => team.tournamentIds.includes(tournamentId));
  }

  /** Canonical names of the teams closest to `name`, closest first. */
  suggest(name: string, options: SuggestOptions = {}): string[] {
    const candidates = this.keyedTeams.filter(
      ({ record }) => options.sportId === undefined || record.sportId === options.sportId,
    );
    return closestNames(name, candidates, options.limit ?? 3);
  }

  /** Canonical names of the tournaments closest to `name`, closest first. */
  suggestTournaments(name: string, options: SuggestOptions = {}): string[] {
    const candidates = this.keyedTournaments.filter(
      ({ record }) => options.sportId === undefined || record.sportId === options.sportId,
    );
    return closestNames(name, candidates, options.limit ?? 3);
  }
}

function namesOf(record: { name: string; nameEs?: string; aliases: readonly string[] }): string[] {
  const names = [record.name, ...(record.nameEs === undefined ? [] : [record.nameEs]), ...record.aliases];
  return [...new Set(names.map(normalizeName).filter((key) => key.length > 0))];
}

function withoutFillerWords(key: string): string {
  return key
    .split(' ')
    .filter((word) => !FILLER_WORDS.has(word))
    .join(' ');
}

function closestNames<T extends { name: string }>(query: string, candidates: Keyed<T>[], limit: number): string[] {
  const normalized = normalizeName(query);
  if (normalized.length === 0 || limit <= 0) return [];
  const scored: { name: string; distance: number }[] = [];
  for (const { record, keys } of candidates) {
    let best: number | undefined;
    for (const key of keys) {
      const distance = matchDistance(normalized, key);
      if (distance !== undefined && (best === undefined || distance < best)) best = distance;
    }
    if (best !== undefined) scored.push({ name: record.name, distance: best });
  }
  scored.sort((a, b) => a.distance - b.distance || a.name.localeCompare(b.name));
  return scored.slice(0, limit).map((entry) => entry.name);
}
