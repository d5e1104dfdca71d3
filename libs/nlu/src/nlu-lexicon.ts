import { COMMON_WORDS } from './common-words.js';
import {
  NLU_CONTEXT_REQUIRED_PHRASES,
  NLU_DERBY_SYNONYMS,
  NLU_TEAM_SYNONYMS,
  NLU_TOURNAMENT_SYNONYMS,
} from './nlu-synonyms.js';
import { normalizePhrase } from './text-normalizer.js';

/** Structural views of the sports-data records: only the fields the NLU reads. */
export interface LexiconTeamSource {
  id: string | number;
  name: string;
  nameEs?: string;
  aliases?: readonly string[];
  sportId?: string;
}

export interface LexiconTournamentSource {
  id: string | number;
  name: string;
  nameEs?: string;
  aliases?: readonly string[];
  sportId?: string;
}

export interface LexiconDerbySource {
  name: string;
  aliases?: readonly string[];
  teams: readonly (string | number)[];
}

export type LexiconEntryKind = 'team' | 'tournament' | 'derby';

export interface LexiconEntry {
  kind: LexiconEntryKind;
  /** Canonical names this phrase resolves to (two for a derby). */
  names: readonly string[];
  sportId?: string;
  /** Higher wins when two records claim the same phrase. */
  priority: number;
}

export interface NluLexicon {
  /** Normalised phrase ("man utd") → entry. */
  readonly phrases: ReadonlyMap<string, LexiconEntry>;
  readonly maxPhraseTokens: number;
  /** Every token of every phrase, the targets for typo correction. */
  readonly vocabulary: ReadonlySet<string>;
  readonly teamNames: readonly string[];
  readonly tournamentNames: readonly string[];
  /** Phrases that are also common words and need a cue next to them to count as entities. */
  readonly contextRequired: ReadonlySet<string>;
}

export interface BuildLexiconOptions {
  teamSynonyms?: Readonly<Record<string, readonly string[]>>;
  tournamentSynonyms?: Readonly<Record<string, readonly string[]>>;
  derbySynonyms?: Readonly<Record<string, readonly string[]>>;
  contextRequired?: readonly string[];
}

const PRIORITY = { canonical: 4, explicit: 3, synonym: 2, derived: 1 } as const;
const FOOTBALL = '1';

/** Club-type affixes that people drop when typing a team name. */
const CLUB_AFFIXES = new Set([
  'fc', 'cf', 'afc', 'ac', 'as', 'ssc', 'sc', 'cd', 'ud', 'rc', 'rcd', 'sd', 'ca', 'club', 'calcio', 'bc', 'kk', 'fk',
  'sk', 'bk', 'sv', 'vfb', 'vfl', 'tsg', 'rb', 'ogc', 'osc', 'losc', 'us', 'ss', 'acf', 'de', 'cp', 'sl',
]);

class LexiconBuilder {
  private readonly phrases = new Map<string, LexiconEntry>();

  add(rawPhrase: string, entry: LexiconEntry): void {
    const phrase = normalizePhrase(rawPhrase);
    if (phrase.length < 2) return;
    this.put(phrase, entry);
    // "LaLiga"/"La Liga", "ManUtd"/"Man Utd": accept the joined spelling too.
    if (phrase.includes(' ')) {
      const joined = phrase.replace(/ /g, '');
      if (joined.length >= 5) this.put(joined, { ...entry, priority: Math.min(entry.priority, PRIORITY.synonym) });
    }
  }

  private put(phrase: string, entry: LexiconEntry): void {
    const existing = this.phrases.get(phrase);
    if (!existing || outranks(entry, existing)) this.phrases.set(phrase, entry);
  }

  build(teamNames: string[], tournamentNames: string[], contextRequired: readonly string[]): NluLexicon {
    const vocabulary = new Set<string>();
    let maxPhraseTokens = 1;
    for (const phrase of this.phrases.keys()) {
      const tokens = phrase.split(' ');
      maxPhraseTokens = Math.max(maxPhraseTokens, tokens.length);
      for (const t of tokens) vocabulary.add(t);
    }
    return {
      phrases: this.phrases,
      maxPhraseTokens,
      vocabulary,
      teamNames,
      tournamentNames,
      contextRequired: new Set(contextRequired.map(normalizePhrase)),
    };
  }
}

function outranks(a: LexiconEntry, b: LexiconEntry): boolean {
  if (a.priority !== b.priority) return a.priority > b.priority;
  // A bare club name in chat almost always means the football side.
  return a.sportId === FOOTBALL && b.sportId !== FOOTBALL;
}

function resolveKey<T extends { name: string; aliases?: readonly string[] }>(
  records: readonly T[],
  key: string,
): T | undefined {
  const k = normalizePhrase(key);
  return (
    records.find((r) => normalizePhrase(r.name) === k) ??
    records.find((r) => (r.aliases ?? []).some((a) => normalizePhrase(a) === k))
  );
}

/**
 * Single-token short forms derived from a multi-word name ("Borussia Dortmund" → "dortmund",
 * "Los Angeles Lakers" → "lakers"), kept only when no other team shares that token.
 */
function derivedTeamAliases(teams: readonly LexiconTeamSource[]): Map<LexiconTeamSource, string[]> {
  const candidates = new Map<LexiconTeamSource, string[]>();
  const owners = new Map<string, Set<LexiconTeamSource>>();
  for (const team of teams) {
    const names = [team.name, team.nameEs].filter((n): n is string => !!n);
    const forms = new Set<string>();
    for (const name of names) {
      const tokens = normalizePhrase(name).split(' ').filter(Boolean);
      const core = tokens.filter((t) => !CLUB_AFFIXES.has(t));
      if (core.length > 0 && core.length < tokens.length) forms.add(core.join(' '));
      if (core.length >= 2) {
        forms.add(core[0]);
        forms.add(core[core.length - 1]);
      }
      for (const t of tokens) owners.set(t, (owners.get(t) ?? new Set()).add(team));
    }
    for (const alias of team.aliases ?? []) {
      for (const t of normalizePhrase(alias).split(' ')) owners.set(t, (owners.get(t) ?? new Set()).add(team));
    }
    candidates.set(team, [...forms]);
  }
  const result = new Map<LexiconTeamSource, string[]>();
  for (const [team, forms] of candidates) {
    result.set(
      team,
      forms.filter((f) => {
        if (f.includes(' ')) return true;
        return f.length >= 4 && !COMMON_WORDS.has(f) && !/^\d+$/.test(f) && (owners.get(f)?.size ?? 0) <= 1;
      }),
    );
  }
  return result;
}

/** Builds the phrase index the entity extractor matches against. */
export function buildLexicon(
  teams: readonly LexiconTeamSource[],
  tournaments: readonly LexiconTournamentSource[] = [],
  derbies: readonly LexiconDerbySource[] = [],
  options: BuildLexiconOptions = {},
): NluLexicon {
  const builder = new LexiconBuilder();
  const teamSynonyms = options.teamSynonyms ?? NLU_TEAM_SYNONYMS;
  const tournamentSynonyms = options.tournamentSynonyms ?? NLU_TOURNAMENT_SYNONYMS;
  const derbySynonyms = options.derbySynonyms ?? NLU_DERBY_SYNONYMS;

  const teamEntry = (t: LexiconTeamSource, priority: number): LexiconEntry => ({
    kind: 'team',
    names: [t.name],
    sportId: t.sportId,
    priority,
  });
  for (const team of teams) {
    builder.add(team.name, teamEntry(team, PRIORITY.canonical));
    if (team.nameEs) builder.add(team.nameEs, teamEntry(team, PRIORITY.canonical));
    for (const alias of team.aliases ?? []) builder.add(alias, teamEntry(team, PRIORITY.explicit));
  }
  for (const [team, forms] of derivedTeamAliases(teams)) {
    for (const form of forms) builder.add(form, teamEntry(team, PRIORITY.derived));
  }
  for (const [key, synonyms] of Object.entries(teamSynonyms)) {
    const team = resolveKey(teams, key);
    if (!team) continue;
    for (const s of synonyms) builder.add(s, teamEntry(team, PRIORITY.synonym));
  }

  const tournamentEntry = (t: LexiconTournamentSource, priority: number): LexiconEntry => ({
    kind: 'tournament',
    names: [t.name],
    sportId: t.sportId,
    priority,
  });
  for (const t of tournaments) {
    builder.add(t.name, tournamentEntry(t, PRIORITY.canonical));
    if (t.nameEs) builder.add(t.nameEs, tournamentEntry(t, PRIORITY.canonical));
    for (const alias of t.aliases ?? []) builder.add(alias, tournamentEntry(t, PRIORITY.explicit));
  }
  for (const [key, synonyms] of Object.entries(tournamentSynonyms)) {
    const t = resolveKey(tournaments, key);
    if (!t) continue;
    for (const s of synonyms) builder.add(s, tournamentEntry(t, PRIORITY.synonym));
  }

  const teamById = new Map(teams.map((t) => [String(t.id), t]));
  for (const derby of derbies) {
    const sides = derby.teams.map((id) => teamById.get(String(id)));
    if (sides.length !== 2 || !sides[0] || !sides[1]) continue;
    const entry: LexiconEntry = {
      kind: 'derby',
      names: [sides[0].name, sides[1].name],
      sportId: sides[0].sportId,
      // Derby names outrank team aliases: "Manchester derby" must not read as one club.
      priority: PRIORITY.canonical + 1,
    };
    builder.add(derby.name, entry);
    for (const alias of derby.aliases ?? []) builder.add(alias, entry);
    for (const [key, synonyms] of Object.entries(derbySynonyms)) {
      if (resolveKey([derby], key)) for (const s of synonyms) builder.add(s, entry);
    }
  }

  return builder.build(
    teams.map((t) => t.name),
    tournaments.map((t) => t.name),
    options.contextRequired ?? NLU_CONTEXT_REQUIRED_PHRASES,
  );
}
