import {
  dixonColesScoreMatrix,
  marketProbabilities,
  overUnderProbability,
  poissonScoreMatrix,
  type ScoreMatrix,
} from '@app/betting';
import type { Score } from '../domain/fixture.js';
import type { TeamRecord } from '../directory.types.js';
import type { Random } from '../random.js';
import type { BookOutcome, MarketBook } from './market-book.js';

// Goals per game of an average side at home and away in the big European leagues.
const HOME_GOALS = 1.5;
const AWAY_GOALS = 1.15;
// Typical fitted value: slightly more 0-0 and 1-1 draws than independent Poisson predicts.
const DIXON_COLES_RHO = -0.06;
const MAX_GOALS = 10;
export const FOOTBALL_GOAL_LINES = [2.5, 1.5, 3.5] as const;
const HANDICAP_LINES = [-2.5, -1.5, -0.5, 0.5, 1.5, 2.5];

export interface GoalRates {
  home: number;
  away: number;
}

/** Expected goals: attack of one side against the defence of the other, with home advantage. */
export function expectedGoals(home: TeamRecord, away: TeamRecord): GoalRates {
  return {
    home: (HOME_GOALS * home.rating.attack) / away.rating.defence,
    away: (AWAY_GOALS * away.rating.attack) / home.rating.defence,
  };
}

/** Final-score grid before kick-off. */
export function preMatchMatrix(rates: GoalRates): ScoreMatrix {
  return dixonColesScoreMatrix(rates.home, rates.away, DIXON_COLES_RHO, MAX_GOALS);
}

/**
 * Final-score grid during a match: the goals still to come follow the rates scaled to the time
 * left, added to the current score.
 */
export function inPlayMatrix(rates: GoalRates, score: Score, elapsedFraction: number): ScoreMatrix {
  const remaining = Math.max(0, 1 - elapsedFraction);
  const toCome = poissonScoreMatrix(rates.home * remaining, rates.away * remaining, MAX_GOALS);
  const size = MAX_GOALS + 1;
  const grid: ScoreMatrix = Array.from({ length: score.home + size }, () => new Array<number>(score.away + size).fill(0));
  toCome.forEach((row, h) =>
    row.forEach((p, a) => {
      grid[score.home + h][score.away + a] = p;
    }),
  );
  return grid;
}

/** The handicap line (home side's) that comes closest to an even contest, from the pre-match grid. */
export function balancedHandicapLine(matrix: ScoreMatrix): number {
  let best = HANDICAP_LINES[0];
  let bestGap = Number.POSITIVE_INFINITY;
  for (const line of HANDICAP_LINES) {
    const gap = Math.abs(handicapHomeProbability(matrix, line) - 0.5);
    if (gap < bestGap) {
      best = line;
      bestGap = gap;
    }
  }
  return best;
}

/** Probability that the home side wins once `line` goals are added to its score (half-goal lines: no push). */
export function handicapHomeProbability(matrix: ScoreMatrix, line: number): number {
  let covered = 0;
  let total = 0;
  matrix.forEach((row, h) =>
    row.forEach((p, a) => {
      total += p;
      if (h - a + line > 0) covered += p;
    }),
  );
  return covered / total;
}

/** Every football market the embedded bookmaker offers, as fair probabilities. */
export function footballBooks(matrix: ScoreMatrix, homeName: string, awayName: string, handicapLine: number): MarketBook[] {
  const main = marketProbabilities(matrix, FOOTBALL_GOAL_LINES[0]);
  const outcome = (key: BookOutcome['key'], name: string, probability: number): BookOutcome => ({ key, name, probability });
  const handicapHome = handicapHomeProbability(matrix, handicapLine);
  return [
    {
      market: '1x2',
      outcomes: [outcome('home', homeName, main.home), outcome('draw', 'Draw', main.draw), outcome('away', awayName, main.away)],
    },
    ...FOOTBALL_GOAL_LINES.map((line): MarketBook => {
      const { over, under } = overUnderProbability(matrix, line);
      return { market: 'over_under', line, outcomes: [outcome('over', `Over ${line}`, over), outcome('under', `Under ${line}`, under)] };
    }),
    { market: 'btts', outcomes: [outcome('yes', 'Yes', main.bttsYes), outcome('no', 'No', main.bttsNo)] },
    {
      market: 'double_chance',
      outcomes: [
        outcome('home_or_draw', `${homeName} or Draw`, main.home + main.draw),
        outcome('away_or_draw', `Draw or ${awayName}`, main.away + main.draw),
        outcome('home_or_away', `${homeName} or ${awayName}`, main.home + main.away),
      ],
    },
    {
      market: 'handicap',
      line: handicapLine,
      outcomes: [
        outcome('home', `${homeName} ${signed(handicapLine)}`, handicapHome),
        outcome('away', `${awayName} ${signed(-handicapLine)}`, 1 - handicapHome),
      ],
    },
    {
      market: 'draw_no_bet',
      outcomes: [
        outcome('home', homeName, main.home / (main.home + main.away)),
        outcome('away', awayName, main.away / (main.home + main.away)),
      ],
    },
  ];
}

export interface GoalTimeline {
  final: Score;
  /** Match minute (1-90) of each goal, with the side that scored it. */
  goals: { minute: number; side: 'home' | 'away' }[];
}

/** Draws a final score from the pre-match grid, and minutes for its goals. */
export function sampleFootballMatch(matrix: ScoreMatrix, random: Random): GoalTimeline {
  let target = random();
  let final: Score = { home: 0, away: 0 };
  search: for (let h = 0; h < matrix.length; h++) {
    const row = matrix[h];
    for (let a = 0; a < row.length; a++) {
      target -= row[a];
      final = { home: h, away: a };
      if (target <= 0) break search;
    }
  }
  const goals = [
    ...Array.from({ length: final.home }, () => ({ minute: 1 + Math.floor(random() * 90), side: 'home' as const })),
    ...Array.from({ length: final.away }, () => ({ minute: 1 + Math.floor(random() * 90), side: 'away' as const })),
  ].sort((x, y) => x.minute - y.minute);
  return { final, goals };
}

/** The score after `minute` minutes of play. */
export function scoreAtMinute(timeline: GoalTimeline, minute: number): Score {
  const scored = timeline.goals.filter((goal) => goal.minute <= minute);
  return {
    home: scored.filter((goal) => goal.side === 'home').length,
    away: scored.filter((goal) => goal.side === 'away').length,
  };
}

/**
 * Minutes of play after `elapsedMinutes` of wall-clock time: 45 + stoppage, a 15-minute interval,
 * then the second half.
 */
export function footballMatchMinute(elapsedMinutes: number): number {
  if (elapsedMinutes <= 47) return Math.min(45, Math.max(0, elapsedMinutes));
  if (elapsedMinutes <= 62) return 45;
  return Math.min(90, elapsedMinutes - 17);
}

function signed(line: number): string {
  return line > 0 ? `+${line}` : `${line}`;
}
