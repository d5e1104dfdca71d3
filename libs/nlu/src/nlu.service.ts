import { Inject, Injectable, Optional } from '@nestjs/common';
import { BARE_BEFORE_PICK_RE, extractAmounts, parseNumber, type AmountMatch } from './amount-extractor.js';
import {
  BETTING_CONTEXT_RE,
  extractMarkets,
  extractOutcome,
  extractRiskProfile,
} from './betting-terms-extractor.js';
import { COMMON_WORDS } from './common-words.js';
import { detectAsk, detectCertainty, detectChasingLosses, detectOffTopic, detectSport, detectSportCorrection } from './conversation-cues.js';
import { extractDates } from './date-extractor.js';
import { declaredTeamSlots, refersToMyTeam } from './fan-cues.js';
import { findFixturePair, findPick, matchEntities, namesOf, type EntityMatch } from './entity-extractor.js';
import { detectFollowUp } from './follow-up-detector.js';
import { IntentClassifier } from './intent-classifier.js';
import { extractLegs } from './leg-extractor.js';
import { extractLocation } from './location-extractor.js';
import { correctionTargets, knownKeywords } from './keyword-vocabulary.js';
import { detectLanguage } from './language-detector.js';
import type { NluLexicon } from './nlu-lexicon.js';
import type { AnalyzeOptions, Intent, IntentScore, NluEntities, NluResult, Outcome, Sport } from './nlu.types.js';
import { MAX_PLAYER_TOKENS, PLAYER_PHRASES } from './player-names.js';
import { normalizeText, tokenize, type Token } from './text-normalizer.js';
import { TypoCorrector } from './typo-corrector.js';
import { findUnknownTeams } from './unknown-team-detector.js';

/** Injection token for the lexicon NluService matches against. */
export const NLU_LEXICON = Symbol('NLU_LEXICON');
/** Injection token for optional NluServiceOptions. */
export const NLU_OPTIONS = Symbol('NLU_OPTIONS');

export interface NluServiceOptions {
  /** Time zone used when a call gives none (IANA name). */
  defaultTimeZone?: string;
}

export interface NluExplanation {
  result: NluResult;
  /** Text the intent rules saw. */
  skeleton: string;
  /** Features that fired, as "INTENT:feature". */
  features: string[];
  ranking: IntentScore[];
}

/** Longer inputs are cut: nobody asks a betting question in more than this, and it bounds latency. */
const MAX_INPUT_CHARS = 1000;
const MIN_ALTERNATIVE_CONFIDENCE = 0.05;
const MAX_ALTERNATIVES = 3;

const WARM_UP_SAMPLES = [
  'hola, when does Barcelona play tomorrow? ¿y el domingo?',
  'How much would I win with €50 on Chelsea vs Arsenal? odds for the draw',
  '¿Cuánto paga el empate en el Betis-Sevilla? cuotas de ambos marcan',
  // Reaches chrono's lazily built time-zone patterns (a ~250 ms one-off otherwise).
  'what is my balance at 8pm EST',
];

const OUTCOME_WORDS = new Set(['draw', 'tie', 'empate', 'x', 'home', 'away', 'local', 'visitante', 'visitantes', 'over', 'under']);
const ARTICLES = new Set(['el', 'la', 'los', 'las', 'the', 'a', 'un', 'una']);

/**
 * Rule-based, bilingual (en/es) understanding of betting-assistant messages: intent with a
 * probability-like confidence plus teams, competitions, dates, stakes, markets and picks.
 * Stateless and synchronous; one instance can serve every request.
 */
@Injectable()
export class NluService {
  private readonly corrector: TypoCorrector;
  private readonly classifier = new IntentClassifier();
  private readonly defaultTimeZone: string;
  private readonly sports: SportDirectory;

  constructor(
    @Inject(NLU_LEXICON) private readonly lexicon: NluLexicon,
    @Optional() @Inject(NLU_OPTIONS) options: NluServiceOptions | null = null,
  ) {
    const targets = new Set<string>([...lexicon.vocabulary, ...correctionTargets()]);
    this.corrector = new TypoCorrector(targets, [...COMMON_WORDS, ...knownKeywords()]);
    this.defaultTimeZone = options?.defaultTimeZone ?? 'UTC';
    this.sports = sportDirectory(lexicon);
    // The first parse pays for lazy regex compilation in chrono and here (~100 ms); do it at
    // start-up rather than on the first user's message.
    for (const sample of WARM_UP_SAMPLES) this.analyze(sample);
  }

  analyze(text: string, opts: AnalyzeOptions = {}): NluResult {
    return this.run(text, opts).result;
  }

  /**
   * A club's side in a sport: "Real Madrid" in basketball is "Real Madrid Baloncesto", and
   * "Real Madrid Baloncesto" in football is "Real Madrid"; a team without one is itself.
   */
  inSport(team: string, sport: Sport): string {
    return this.sports.section(team, sport);
  }

  /** Same as `analyze`, plus the features behind the decision. */
  explain(text: string, opts: AnalyzeOptions = {}): NluExplanation {
    return this.run(text, opts);
  }

  private run(text: string, opts: AnalyzeOptions): NluExplanation {
    const original = typeof text === 'string' ? text.slice(0, MAX_INPUT_CHARS) : '';
    const normalized = normalizeText(original);
    const tokens = tokenize(normalized);

    const amounts: AmountMatch[] = extractAmounts(normalized);
    const inAmount = (t: Token): boolean => amounts.some((a) => t.start < a.end && a.start < t.end);
    // A city the user is in is not a team ("I'm in New York" is not about the Knicks).
    const location = extractLocation(normalized);
    const inLocation = (t: Token): boolean => location !== undefined && t.start < location.end && location.start < t.end;
    const blocked = tokens.map((t) => inAmount(t) || inLocation(t));
    const corrected = tokens.map((t, i) => (blocked[i] ? t.key : this.corrector.correct(t.key)));

    const hyphenAfter = tokens.map(
      (t, i) => i + 1 < tokens.length && /^\s*-\s*$/.test(normalized.slice(t.end, tokens[i + 1].start)),
    );
    const found = matchEntities(this.lexicon, corrected, blocked, hyphenAfter);
    // Well-known players are people, not unknown teams.
    const foundTokens = new Array<boolean>(tokens.length).fill(false);
    for (const m of found) for (let k = m.startToken; k < m.endToken; k++) foundTokens[k] = true;
    const playerTokens = new Array<boolean>(tokens.length).fill(false);
    for (const [first, end] of findPlayers(corrected, foundTokens)) for (let k = first; k < end; k++) playerTokens[k] = true;
    const unknownTeams = findUnknownTeams({
      original,
      normalized,
      tokens,
      corrected,
      matches: found,
      blocked: blocked.map((b, k) => b || playerTokens[k]),
      isKnown: (word) => this.corrector.isKnown(word),
      isTeamWord: (word) => this.lexicon.vocabulary.has(word),
      sportOf: (m) => this.lexicon.phrases.get(corrected.slice(m.startToken, m.endToken).join(' '))?.sportId,
    });
    // A known team inside an unknown name ("Atlético" in "Atlético Patitos") is not that team.
    const matches = found.filter((m) => !unknownTeams.some((u) => m.startToken < u.endToken && u.startToken < m.endToken));
    this.addBareStakes(normalized, tokens, corrected, matches, amounts);
    amounts.sort((a, b) => a.start - b.start);
    const blockedAfter = tokens.map(inAmount);

    const entityToken = new Array<boolean>(tokens.length).fill(false);
    for (const m of matches) for (let k = m.startToken; k < m.endToken; k++) entityToken[k] = true;
    const languageTokens = corrected.filter((_, i) => !entityToken[i] && !blockedAfter[i]);
    const language = detectLanguage(original, languageTokens, opts.languageHint);

    const players = findPlayers(corrected, entityToken);
    const placeholders: EntityMatch[] = unknownTeams.map((u) => ({ kind: 'team', names: [], startToken: u.startToken, endToken: u.endToken }));
    const skeleton = buildSkeleton(normalized, tokens, corrected, [...matches, ...placeholders], amounts, players);
    const tournaments = namesOf(matches, ['tournament']);
    const sport =
      detectSport(skeleton) ??
      this.sports.sportOfTournaments(tournaments) ??
      // "Real Madrid Baloncesto vs Barça": a basketball side named makes it a basketball question.
      (matches.some((m) => m.kind === 'team' && this.lexicon.phrases.get(corrected.slice(m.startToken, m.endToken).join(' '))?.sportId === BASKETBALL_SPORT_ID) ? 'basketball' : undefined);
    // In a basketball question (or conversation) "Real Madrid" is the club's basketball side.
    const sectionSport = sport ?? opts.sportHint;
    const inSport = (name: string): string => this.sports.section(name, sectionSport);
    const named = namesOf(matches, ['team', 'derby']);
    const teams = [...new Set(named.map(inSport))];
    // A club read in the conversation's sport makes the question one of that sport.
    const readInHint = sport === undefined && named.some((name) => inSport(name) !== name);

    const bettingContext =
      amounts.length > 0 || BETTING_CONTEXT_RE.test(skeleton) || /\b(?:win|gana|ganar|victoria)\b/.test(skeleton);
    const foundPick = findPick(matches, corrected, bettingContext);
    const pick = foundPick === undefined ? undefined : inSport(foundPick);
    // A named pick becomes home/away only when the fixture order is given ("Betis vs Sevilla");
    // "€50 on Chelsea" alone keeps just the pick, since Chelsea's side is not known here.
    let outcome: Outcome | undefined = extractOutcome(skeleton);
    const pair = findFixturePair(matches, tokens, normalized);
    const fixture = pair?.map(inSport);
    if (!outcome && pick && fixture) {
      if (pick === fixture[0]) outcome = 'home';
      else if (pick === fixture[1]) outcome = 'away';
    }

    const now = opts.now instanceof Date && !Number.isNaN(opts.now.getTime()) ? opts.now : new Date();
    const dates = extractDates(skeleton, language, now, opts.timeZone ?? this.defaultTimeZone);

    const entities: NluEntities = {
      teams,
      tournaments,
      amounts: amounts.map(({ value, currency }) => ({ value, currency })),
      markets: extractMarkets(skeleton),
      isFollowUp: detectFollowUp(skeleton),
    };
    if (dates) entities.dates = { from: dates.from, to: dates.to };
    if (outcome) entities.outcome = outcome;
    if (pick) entities.pick = pick;
    const riskProfile = extractRiskProfile(skeleton);
    if (riskProfile) entities.riskProfile = riskProfile;
    if (sport) entities.sport = sport;
    else if (readInHint && opts.sportHint) entities.sport = opts.sportHint;
    if (sport && teams.length === 0 && tournaments.length === 0 && amounts.length === 0 && detectSportCorrection(skeleton)) entities.correctsSport = true;
    const legs = extractLegs({ matches, tokens, corrected, normalized, hasAmount: amounts.length > 0 });
    if (legs) {
      entities.legs = legs.map((leg) => ({ ...leg, team: inSport(leg.team), ...(leg.opponent ? { opponent: inSport(leg.opponent) } : {}) }));
    }
    const ask = detectAsk(skeleton);
    if (ask) entities.ask = ask;
    if (unknownTeams.length > 0) entities.unknownTeams = unknownTeams.map((u) => u.name);
    if (location) entities.location = { city: location.city, timeZone: location.timeZone, stays: location.stays };
    if (detectCertainty(skeleton)) entities.certainty = true;
    if (detectChasingLosses(skeleton)) entities.chasingLosses = true;
    // The @team placeholders of the skeleton in order: a declared slot names the team supported.
    const teamSlots = [...matches.filter((m) => m.kind !== 'tournament'), ...placeholders].sort((a, b) => a.startToken - b.startToken);
    const supports = [...new Set(declaredTeamSlots(skeleton).flatMap((slot) => (teamSlots[slot]?.names ?? []).slice(0, 1).map(inSport)))];
    if (supports.length > 0) entities.supports = supports;
    if (refersToMyTeam(skeleton)) entities.myTeam = true;
    const aboutBetting = amounts.length > 0 || BETTING_CONTEXT_RE.test(skeleton);
    if (detectOffTopic(skeleton, aboutBetting)) entities.offTopic = true;

    const unknown = corrected.filter(
      (t, i) => !entityToken[i] && !blockedAfter[i] && !/^\d+$/.test(t) && !this.corrector.isKnown(t),
    ).length;
    const classification = this.classifier.classify({
      skeleton,
      entities,
      pastDate: dates ? dates.to < dates.today : false,
      tokenCount: tokens.length,
      unknownTokenRatio: tokens.length === 0 ? 1 : unknown / tokens.length,
    });

    const result: NluResult = {
      intent: classification.intent,
      confidence: round(classification.confidence),
      language,
      entities,
    };
    const alternatives = classification.ranking
      .slice(1, 1 + MAX_ALTERNATIVES)
      .filter((r) => r.confidence >= MIN_ALTERNATIVE_CONFIDENCE)
      .map((r) => ({ intent: r.intent as Intent, confidence: round(r.confidence) }));
    if (alternatives.length > 0) result.alternatives = alternatives;
    return { result, skeleton, features: classification.fired, ranking: classification.ranking };
  }

  /** "10 on Arsenal", "20 al empate": a bare number right before the pick is a stake. */
  private addBareStakes(
    normalized: string,
    tokens: readonly Token[],
    corrected: readonly string[],
    matches: readonly EntityMatch[],
    amounts: AmountMatch[],
  ): void {
    for (const m of normalized.matchAll(BARE_BEFORE_PICK_RE)) {
      const start = (m.index ?? 0) + m[0].indexOf(m[1]);
      const end = start + m[1].length;
      if (amounts.some((a) => start < a.end && a.start < end)) continue;
      const afterIndex = m.index + m[0].length;
      let k = tokens.findIndex((t) => t.start >= afterIndex);
      while (k >= 0 && k < tokens.length && ARTICLES.has(corrected[k])) k++;
      if (k < 0 || k >= tokens.length) continue;
      const startsTeam = matches.some((e) => e.startToken === k && e.kind !== 'tournament');
      if (startsTeam || OUTCOME_WORDS.has(corrected[k])) {
        amounts.push({ value: parseNumber(m[1]), currency: null, start, end });
      }
    }
  }
}

/** Token ranges [first, end) naming a well-known player, outside team/competition mentions. */
function findPlayers(tokens: readonly string[], taken: readonly boolean[]): [number, number][] {
  const found: [number, number][] = [];
  for (let i = 0; i < tokens.length; i++) {
    for (let len = Math.min(MAX_PLAYER_TOKENS, tokens.length - i); len >= 1; len--) {
      if (taken.slice(i, i + len).some(Boolean)) continue;
      if (PLAYER_PHRASES.has(tokens.slice(i, i + len).join(' '))) {
        found.push([i, i + len]);
        i += len - 1;
        break;
      }
    }
  }
  return found;
}

const BASKETBALL_SPORT_ID = '3';

interface SportDirectory {
  /** The team's side in `sport` ("Real Madrid" → "Real Madrid Baloncesto" in basketball), else the name itself. */
  section(name: string, sport: Sport | undefined): string;
  sportOfTournaments(names: readonly string[]): Sport | undefined;
}

/**
 * Which clubs have a side in another sport, read from the lexicon: a basketball team whose name or
 * alias contains a football club's full name is that club's basketball section.
 */
function sportDirectory(lexicon: NluLexicon): SportDirectory {
  const basketballOf = new Map<string, string>();
  const tournamentSport = new Map<string, Sport>();
  const football = new Map<string, string>();
  for (const [phrase, entry] of lexicon.phrases) {
    if (entry.kind === 'team' && entry.sportId !== BASKETBALL_SPORT_ID && entry.names[0] && phrase === normalizeText(entry.names[0]).replace(/[^a-z0-9]+/g, ' ').trim()) {
      football.set(phrase, entry.names[0]);
    }
    if (entry.kind === 'tournament' && entry.names[0]) {
      tournamentSport.set(entry.names[0], entry.sportId === BASKETBALL_SPORT_ID ? 'basketball' : 'football');
    }
  }
  for (const [phrase, entry] of lexicon.phrases) {
    const name = entry.names[0];
    if (entry.kind !== 'team' || entry.sportId !== BASKETBALL_SPORT_ID || !name) continue;
    for (const [footballPhrase, footballName] of football) {
      if (!basketballOf.has(footballName) && ` ${phrase} `.includes(` ${footballPhrase} `)) basketballOf.set(footballName, name);
    }
  }
  const footballOf = new Map([...basketballOf].map(([club, section]) => [section, club]));
  return {
    section: (name, sport) => (sport === 'basketball' ? (basketballOf.get(name) ?? name) : sport === 'football' ? (footballOf.get(name) ?? name) : name),
    sportOfTournaments: (names) => names.map((n) => tournamentSport.get(n)).find((s) => s !== undefined),
  };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/**
 * The text the intent rules read: corrected tokens, punctuation kept, each entity replaced by a
 * placeholder so "when does @team play" generalises over every team name.
 */
function buildSkeleton(
  normalized: string,
  tokens: readonly Token[],
  corrected: readonly string[],
  matches: readonly EntityMatch[],
  amounts: readonly AmountMatch[],
  players: readonly [number, number][],
): string {
  const segments: { start: number; end: number; text: string }[] = [];
  for (const [first, end] of players) {
    segments.push({ start: tokens[first].start, end: tokens[end - 1].end, text: '@player' });
  }
  for (const a of amounts) segments.push({ start: a.start, end: a.end, text: '@amount' });
  for (const m of matches) {
    segments.push({
      start: tokens[m.startToken].start,
      end: tokens[m.endToken - 1].end,
      text: m.kind === 'tournament' ? '@tournament' : '@team',
    });
  }
  tokens.forEach((t, i) => {
    if (segments.some((s) => t.start < s.end && s.start < t.end)) return;
    // Contractions keep their apostrophe ("what's") so the rules can read them.
    segments.push({ start: t.start, end: t.end, text: t.text.includes("'") ? t.text : corrected[i] });
  });
  segments.sort((a, b) => a.start - b.start);
  let out = '';
  let pos = 0;
  for (const s of segments) {
    if (s.start < pos) continue;
    out += normalized.slice(pos, s.start);
    // Placeholders need word boundaries on both sides for the rules' \b anchors.
    out += s.text.startsWith('@') ? ` ${s.text} ` : s.text;
    pos = s.end;
  }
  out += normalized.slice(pos);
  return out.replace(/\s+/g, ' ').trim();
}
