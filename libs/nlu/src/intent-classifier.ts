import { INTENT_NAMES } from './intent-catalog.js';
import { INTENT_RULES, TOURNAMENT_START_RE, WHO_WILL_WIN_RE, type IntentRule } from './intent-rules.js';
import type { Intent, IntentScore, NluEntities } from './nlu.types.js';

export interface IntentFeatures {
  /** Skeleton text: normalised, typo-corrected, entities replaced by @team/@tournament/@amount. */
  skeleton: string;
  entities: NluEntities;
  /** Tokens that belong to no known word, entity or keyword (gibberish signal). */
  unknownTokenRatio: number;
  tokenCount: number;
  /** The resolved date range lies entirely before today. */
  pastDate?: boolean;
}

export interface Classification {
  intent: Intent;
  confidence: number;
  ranking: IntentScore[];
  /** Feature ids that fired, for debugging and explanations. */
  fired: string[];
}

/** Score UNCLEAR starts with: any real cue must beat it. */
const UNCLEAR_PRIOR = 1.2;
/** Sharpens the softmax so a clear winner gets a confident probability. */
const TEMPERATURE = 0.8;

/**
 * Transparent weighted-feature scorer: keyword rules plus entity-driven features add
 * to per-intent scores, and a softmax turns scores into probabilities.
 */
export class IntentClassifier {
  constructor(private readonly rules: readonly IntentRule[] = INTENT_RULES) {}

  classify(f: IntentFeatures): Classification {
    const scores = new Map<Intent, number>(INTENT_NAMES.map((i) => [i, 0]));
    const fired: string[] = [];
    const add = (intent: Intent, weight: number, id: string): void => {
      scores.set(intent, (scores.get(intent) ?? 0) + weight);
      fired.push(`${intent}:${id}`);
    };

    for (const rule of this.rules) if (rule.pattern.test(f.skeleton)) add(rule.intent, rule.weight, rule.id);
    this.entityFeatures(f, scores, new Map(scores), add);

    add('UNCLEAR', UNCLEAR_PRIOR, 'prior');
    if (f.tokenCount === 0) add('UNCLEAR', 2, 'empty');
    else if (f.unknownTokenRatio >= 0.99) add('UNCLEAR', 2, 'all-unknown');

    const ranking = softmax(scores);
    return { intent: ranking[0].intent, confidence: ranking[0].confidence, ranking, fired };
  }

  private entityFeatures(
    f: IntentFeatures,
    scores: Map<Intent, number>,
    keywordScores: ReadonlyMap<Intent, number>,
    add: (intent: Intent, weight: number, id: string) => void,
  ): void {
    const e = f.entities;
    const teams = e.teams.length;
    const hasAmount = e.amounts.length > 0;
    const s = (i: Intent): number => scores.get(i) ?? 0;

    if (hasAmount) {
      add('BET_SIMULATION', 2, 'amount');
      if (teams > 0 || e.outcome || e.pick || e.markets.length > 0) add('BET_SIMULATION', 1.5, 'amount+selection');
      // A stake turns "what does it pay" into a simulation rather than a price question.
      if (s('ODDS_INFORMATION_QUERY') > 0) add('BET_SIMULATION', 1, 'amount+pay');
    }
    if (e.markets.length > 0) add('ODDS_INFORMATION_QUERY', 1.5, 'market');
    if (e.outcome) add('ODDS_INFORMATION_QUERY', 1.5, 'outcome');
    if (e.pick && !hasAmount) add('ODDS_INFORMATION_QUERY', 1, 'pick');
    if (e.riskProfile) add('BETTING_RECOMMENDATION', 2.5, `risk:${e.riskProfile}`);

    if (teams >= 2) {
      add('TEAM_COMPARISON', 0.8, 'two-teams');
      if (/\b(?:better|stronger|weaker|worse|superior|mejor|peor|fuerte|fuertes|best)\b/.test(f.skeleton)) {
        add('TEAM_COMPARISON', 2, 'two-teams+comparative');
      }
      if (/@team\s*,?\s+(?:or|o)\s+(?:el\s+|la\s+|los\s+|the\s+)?@team/.test(f.skeleton)) add('TEAM_COMPARISON', 1, 'team-or-team');
      if ((keywordScores.get('TEAM_COMPARISON') ?? 0) >= 1.5) add('TEAM_COMPARISON', 1, 'two-teams+cue');
      // "Who wins, Lakers or Celtics?" weighs two sides against each other.
      if (WHO_WILL_WIN_RE.test(f.skeleton)) add('TEAM_COMPARISON', 2.5, 'two-teams+who-wins');
    }
    if (teams > 0) {
      // A bare team mention ("¿Y el Madrid?") most often asks when they play.
      add('MATCH_SCHEDULE_QUERY', 1.2, 'team');
      add('GENERAL_SPORTS_QUERY', 0.3, 'team');
    }
    if (e.tournaments.length > 0) {
      // A competition plus a date asks for its fixtures ("Bundesliga tomorrow"), not about the competition.
      add('TOURNAMENT_INFO', teams === 0 && !e.dates ? 1.5 : 0.3, 'tournament');
      if (teams === 0 && TOURNAMENT_START_RE.test(f.skeleton)) {
        add('TOURNAMENT_INFO', 1.5, 'tournament+start');
      }
    }
    if (e.dates && f.pastDate) {
      // "yesterday", "last weekend": results and facts, not fixtures.
      add('GENERAL_SPORTS_QUERY', 2, 'past-date');
    } else if (e.dates) {
      add('MATCH_SCHEDULE_QUERY', teams > 0 || e.tournaments.length > 0 ? 0.8 : 1.5, 'date');
    }
    // Greetings wrapped around a real request should yield to it.
    const best = Math.max(...[...scores.entries()].filter(([i]) => i !== 'GREETING' && i !== 'UNCLEAR').map(([, v]) => v));
    if (s('GREETING') > 0 && best >= 2.5) add('GREETING', -2.5, 'greeting+request');
    if (s('GREETING') > 0 && f.tokenCount <= 4 && best < 2) add('GREETING', 1, 'greeting-only');
    if (s('HELP_REQUEST') > 0 && best > s('HELP_REQUEST') && /\bhelp\b|\bayud/.test(f.skeleton)) {
      // "help me find the odds": the help word is politeness, the other cue is the request.
      add('HELP_REQUEST', -1.5, 'help+request');
    }
  }
}

export function softmax(scores: ReadonlyMap<Intent, number>): IntentScore[] {
  const entries = [...scores.entries()];
  const max = Math.max(...entries.map(([, v]) => v));
  const exps = entries.map(([intent, v]) => [intent, Math.exp((v - max) / TEMPERATURE)] as const);
  const total = exps.reduce((acc, [, v]) => acc + v, 0);
  return exps
    .map(([intent, v]) => ({ intent, confidence: v / total }))
    .sort((a, b) => b.confidence - a.confidence || INTENT_NAMES.indexOf(a.intent) - INTENT_NAMES.indexOf(b.intent));
}
