import { EUROLEAGUE_ID } from '../data/tournaments.data.js';
import type { Score } from '../domain/fixture.js';
import type { TeamRecord } from '../directory.types.js';
import { normalSample, type Random } from '../random.js';
import type { MarketBook } from './market-book.js';

interface LeagueScoring {
  /** Points per game of an average team. */
  points: number;
  /** Standard deviation of one team's points in a game. */
  teamDeviation: number;
}

const NBA_SCORING: LeagueScoring = { points: 114, teamDeviation: 10 };
const EUROLEAGUE_SCORING: LeagueScoring = { points: 81, teamDeviation: 8 };
const HOME_EDGE = 0.015;

export interface PointModel {
  home: number;
  away: number;
  teamDeviation: number;
}

export function expectedPoints(tournamentId: string, home: TeamRecord, away: TeamRecord): PointModel {
  const scoring = tournamentId === EUROLEAGUE_ID ? EUROLEAGUE_SCORING : NBA_SCORING;
  return {
    home: ((scoring.points * home.rating.attack) / away.rating.defence) * (1 + HOME_EDGE),
    away: ((scoring.points * away.rating.attack) / home.rating.defence) * (1 - HOME_EDGE),
    teamDeviation: scoring.teamDeviation,
  };
}

/** Lines set from the pre-match model so that they stay put while prices move. */
export interface BasketballLines {
  /** Home side's point handicap, a half-point line near minus the expected margin. */
  spread: number;
  /** Half-point total near the expected total. */
  total: number;
}

export function basketballLines(model: PointModel): BasketballLines {
  return {
    spread: -(Math.round(model.home - model.away - 0.5) + 0.5),
    total: Math.round(model.home + model.away - 0.5) + 0.5,
  };
}

/**
 * Basketball markets (moneyline, point spread, total points) from a normal model of the points still to come (the whole game before
 * tip-off), added to the current score.
 */
export function basketballBooks(
  model: PointModel,
  lines: BasketballLines,
  homeName: string,
  awayName: string,
  score: Score = { home: 0, away: 0 },
  elapsedFraction = 0,
): MarketBook[] {
  const remaining = Math.max(0, 1 - elapsedFraction);
  // Team scores are treated as independent, so margin and total share the same spread; a floor
  // keeps the distribution proper at the final buzzer.
  const deviation = Math.max(0.5, model.teamDeviation * Math.SQRT2 * Math.sqrt(remaining));
  const margin = score.home - score.away + (model.home - model.away) * remaining;
  const total = score.home + score.away + (model.home + model.away) * remaining;
  // Points come in whole numbers: a regulation tie is a margin within half a point of zero.
  const away = normalCdf((-0.5 - margin) / deviation);
  const home = 1 - normalCdf((0.5 - margin) / deviation);
  const draw = Math.max(0, 1 - home - away);
  const over = 1 - normalCdf((lines.total - total) / deviation);
  const spreadHome = 1 - normalCdf((-lines.spread - margin) / deviation);
  // The winner, overtime included: a regulation tie goes to overtime, which the two sides are
  // about as likely to win as their regulation chances say.
  const homeWins = home + draw * (home / (home + away));
  return [
    {
      market: 'moneyline',
      outcomes: [
        { key: 'home', name: homeName, probability: homeWins },
        { key: 'away', name: awayName, probability: 1 - homeWins },
      ],
    },
    {
      market: 'over_under',
      line: lines.total,
      outcomes: [
        { key: 'over', name: `Over ${lines.total}`, probability: over },
        { key: 'under', name: `Under ${lines.total}`, probability: 1 - over },
      ],
    },
    {
      market: 'handicap',
      line: lines.spread,
      outcomes: [
        { key: 'home', name: `${homeName} ${signed(lines.spread)}`, probability: spreadHome },
        { key: 'away', name: `${awayName} ${signed(-lines.spread)}`, probability: 1 - spreadHome },
      ],
    },
  ];
}

/** A final score drawn from the model; a tie goes to overtime periods until someone wins. */
export function sampleBasketballScore(model: PointModel, random: Random): Score {
  const score = {
    home: Math.max(40, Math.round(model.home + model.teamDeviation * normalSample(random))),
    away: Math.max(40, Math.round(model.away + model.teamDeviation * normalSample(random))),
  };
  while (score.home === score.away) {
    score.home += 6 + Math.floor(random() * 10);
    score.away += 6 + Math.floor(random() * 10);
  }
  return score;
}

/**
 * Abramowitz & Stegun 7.1.26 approximation of the standard normal CDF (absolute error below 1e-7),
 * ample for prices quoted to two decimals.
 */
export function normalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * z);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-z * z);
  return x >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

function signed(line: number): string {
  return line > 0 ? `+${line}` : `${line}`;
}
