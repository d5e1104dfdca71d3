import { Injectable } from '@nestjs/common';
import { marketProbabilities, poissonScoreMatrix, removeMarginShin } from '@app/betting';
import { InvalidQueryError } from '../domain/errors.js';
import type { Fixture } from '../domain/fixture.js';
import type { TeamForm } from '../domain/form.js';
import type { FixtureOdds, MarketOdds, SelectionKey } from '../domain/market.js';
import { FOOTBALL_SPORT_ID } from '../domain/sport.js';
import { SportsDataService } from './sports-data.service.js';

/** Probability edge over the market price from which a selection is flagged as value. */
export const VALUE_EDGE = 0.03;
// Weight of the team-form model against the market-implied one: markets are hard to beat, so form
// only nudges the estimate.
const FORM_WEIGHT = 0.25;
const HOME_ADVANTAGE = 1.1;

export interface SelectionPrediction {
  market: '1x2' | 'over_under' | 'btts';
  selection: SelectionKey;
  name: string;
  probability: number;
  fairOdds: number;
  marketOdds?: number;
  /** probability × market odds − 1: the expected return per unit staked. */
  edge?: number;
  value: boolean;
}

export interface Prediction {
  fixture: Fixture;
  probabilities: { home: number; draw: number; away: number; over25: number; under25: number; bttsYes: number; bttsNo: number };
  expectedGoals: { home: number; away: number };
  mostLikelyScore: { home: number; away: number; probability: number };
  selections: SelectionPrediction[];
  method: string;
}

/**
 * Match predictions from a Poisson goal model whose rates are fitted to the market's margin-free
 * prices (Shin) and nudged by recent form; each selection's fair odds are compared with the
 * market's to flag value.
 */
@Injectable()
export class PredictionService {
  constructor(private readonly sportsData: SportsDataService) {}

  async predict(fixtureId: string): Promise<{ prediction: Prediction; stale: boolean; source: string }> {
    const fixture = await this.sportsData.getFixture(fixtureId);
    if (fixture.data.sportId !== FOOTBALL_SPORT_ID) {
      throw new InvalidQueryError('match_id', 'Predictions are available for football matches only');
    }
    const [odds, homeForm, awayForm] = await Promise.all([
      this.sportsData.getOdds(fixtureId),
      this.sportsData.getTeamForm(fixture.data.home.id, 10).catch(() => undefined),
      this.sportsData.getTeamForm(fixture.data.away.id, 10).catch(() => undefined),
    ]);
    const prediction = buildPrediction(fixture.data, odds.data, homeForm?.data, awayForm?.data);
    return { prediction, stale: fixture.stale || odds.stale, source: odds.source };
  }
}

export function buildPrediction(fixture: Fixture, odds: FixtureOdds, homeForm?: TeamForm, awayForm?: TeamForm): Prediction {
  const market = marketRates(odds);
  const form = formRates(homeForm, awayForm);
  let rates = market ?? form ?? { home: 1.4, away: 1.1 };
  let method = market ? 'market-implied Poisson (Shin margin removal)' : form ? 'form-based Poisson' : 'league-average Poisson';
  if (market && form) {
    rates = {
      home: (1 - FORM_WEIGHT) * market.home + FORM_WEIGHT * form.home,
      away: (1 - FORM_WEIGHT) * market.away + FORM_WEIGHT * form.away,
    };
    method = `market-implied Poisson blended with recent form (${FORM_WEIGHT * 100}%)`;
  }
  const matrix = poissonScoreMatrix(rates.home, rates.away, 10);
  const p = marketProbabilities(matrix, 2.5);
  const best = mostLikely(matrix);
  const prices = (code: MarketOdds['market']) => odds.markets.find((m) => m.market === code && (code !== 'over_under' || m.line === 2.5));
  const selections: SelectionPrediction[] = [
    select('1x2', 'home', fixture.home.name, p.home, prices('1x2')),
    select('1x2', 'draw', 'Draw', p.draw, prices('1x2')),
    select('1x2', 'away', fixture.away.name, p.away, prices('1x2')),
    select('over_under', 'over', 'Over 2.5', p.over, prices('over_under')),
    select('over_under', 'under', 'Under 2.5', p.under, prices('over_under')),
    select('btts', 'yes', 'Both teams to score: yes', p.bttsYes, prices('btts')),
    select('btts', 'no', 'Both teams to score: no', p.bttsNo, prices('btts')),
  ];
  return {
    fixture,
    probabilities: {
      home: round(p.home, 4),
      draw: round(p.draw, 4),
      away: round(p.away, 4),
      over25: round(p.over, 4),
      under25: round(p.under, 4),
      bttsYes: round(p.bttsYes, 4),
      bttsNo: round(p.bttsNo, 4),
    },
    expectedGoals: { home: round(p.expectedGoalsHome, 2), away: round(p.expectedGoalsAway, 2) },
    mostLikelyScore: best,
    selections,
    method,
  };
}

function select(
  market: SelectionPrediction['market'],
  key: SelectionKey,
  name: string,
  probability: number,
  prices: MarketOdds | undefined,
): SelectionPrediction {
  const marketOdds = prices?.selections.find((s) => s.key === key)?.odds;
  const edge = marketOdds === undefined ? undefined : probability * marketOdds - 1;
  return {
    market,
    selection: key,
    name,
    probability: round(probability, 4),
    fairOdds: round(1 / probability, 2),
    marketOdds,
    edge: edge === undefined ? undefined : round(edge, 4),
    value: edge !== undefined && edge >= VALUE_EDGE,
  };
}

/** Goal rates whose Poisson 1X2 and over 2.5 best match the market's margin-free probabilities. */
function marketRates(odds: FixtureOdds): { home: number; away: number } | undefined {
  const result = odds.markets.find((m) => m.market === '1x2');
  const keys: SelectionKey[] = ['home', 'draw', 'away'];
  const prices = keys.map((key) => result?.selections.find((s) => s.key === key)?.odds);
  if (prices.some((price) => price === undefined)) return undefined;
  const [home, draw, away] = removeMarginShin(prices as number[]).probabilities;
  const ou = odds.markets.find((m) => m.market === 'over_under' && m.line === 2.5);
  const over = ou?.selections.find((s) => s.key === 'over')?.odds;
  const under = ou?.selections.find((s) => s.key === 'under')?.odds;
  const overFair = over && under ? (1 / over) / (1 / over + 1 / under) : undefined;

  // A coarse grid then a fine one around the best point: cheap (a few thousand small matrices) and
  // free of the local minima a gradient method can fall into near λ = 0.
  let best = { home: 1.4, away: 1.1, error: Number.POSITIVE_INFINITY };
  const search = (fromH: number, toH: number, fromA: number, toA: number, step: number) => {
    for (let lh = fromH; lh <= toH + 1e-9; lh += step) {
      for (let la = fromA; la <= toA + 1e-9; la += step) {
        const m = marketProbabilities(poissonScoreMatrix(lh, la, 8), 2.5);
        let error = (m.home - home) ** 2 + (m.draw - draw) ** 2 + (m.away - away) ** 2;
        if (overFair !== undefined) error += (m.over - overFair) ** 2;
        if (error < best.error) best = { home: lh, away: la, error };
      }
    }
  };
  search(0.2, 4, 0.2, 4, 0.1);
  search(Math.max(0.05, best.home - 0.1), best.home + 0.1, Math.max(0.05, best.away - 0.1), best.away + 0.1, 0.01);
  return { home: best.home, away: best.away };
}

/** Goal rates from recent scoring and conceding, with a home advantage. */
function formRates(homeForm?: TeamForm, awayForm?: TeamForm): { home: number; away: number } | undefined {
  if (!homeForm?.results.length || !awayForm?.results.length) return undefined;
  const avg = (form: TeamForm, pick: (r: TeamForm['results'][number]) => number) =>
    form.results.reduce((sum, r) => sum + pick(r), 0) / form.results.length;
  const home = ((avg(homeForm, (r) => r.goalsFor) + avg(awayForm, (r) => r.goalsAgainst)) / 2) * HOME_ADVANTAGE;
  const away = ((avg(awayForm, (r) => r.goalsFor) + avg(homeForm, (r) => r.goalsAgainst)) / 2) / HOME_ADVANTAGE;
  return { home: Math.max(0.2, home), away: Math.max(0.2, away) };
}

function mostLikely(matrix: number[][]): { home: number; away: number; probability: number } {
  let best = { home: 0, away: 0, probability: 0 };
  matrix.forEach((row, h) =>
    row.forEach((p, a) => {
      if (p > best.probability) best = { home: h, away: a, probability: round(p, 4) };
    }),
  );
  return best;
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
