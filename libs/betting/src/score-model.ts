import { assertFiniteNumber, assertNonNegative, assertNonNegativeInteger } from './guards.js';

/** Score grid indexed as matrix[homeGoals][awayGoals]. */
export type ScoreMatrix = number[][];

export interface OverUnderProbability {
  over: number;
  under: number;
  /**
   * Chance the total lands exactly on a whole-number line, in which case stakes are refunded.
   * Always 0 for half-goal lines, so over + under + push = 1.
   */
  push: number;
}

export interface MarketProbabilities {
  home: number;
  draw: number;
  away: number;
  over: number;
  under: number;
  bttsYes: number;
  bttsNo: number;
  expectedGoalsHome: number;
  expectedGoalsAway: number;
}

/**
 * Poisson probabilities for 0..maxGoals, built in log space so that large rates cannot underflow
 * e^-lambda before the terms that matter are reached.
 */
function poissonDistribution(lambda: number, maxGoals: number): number[] {
  const distribution = new Array<number>(maxGoals + 1).fill(0);
  if (lambda === 0) {
    distribution[0] = 1;
    return distribution;
  }
  const logLambda = Math.log(lambda);
  let logP = -lambda;
  for (let k = 0; k <= maxGoals; k += 1) {
    if (k > 0) logP += logLambda - Math.log(k);
    distribution[k] = Math.exp(logP);
  }
  return distribution;
}

/** P(X = goals) for X ~ Poisson(lambda). */
export function poissonProbability(lambda: number, goals: number): number {
  assertNonNegative(lambda, 'lambda');
  assertNonNegativeInteger(goals, 'goals');
  return poissonDistribution(lambda, goals)[goals];
}

/**
 * Independent-Poisson score grid. Scores above maxGoals are left out rather than folded in, so
 * each cell is the exact probability of that correct score; choose maxGoals well above the rates
 * (the default 10 loses under 1e-6 of the mass for typical football rates). marketProbabilities
 * normalises over whatever the grid covers.
 */
export function poissonScoreMatrix(
  lambdaHome: number,
  lambdaAway: number,
  maxGoals = 10,
): ScoreMatrix {
  assertNonNegative(lambdaHome, 'lambdaHome');
  assertNonNegative(lambdaAway, 'lambdaAway');
  assertNonNegativeInteger(maxGoals, 'maxGoals');
  const home = poissonDistribution(lambdaHome, maxGoals);
  const away = poissonDistribution(lambdaAway, maxGoals);
  return home.map((ph) => away.map((pa) => ph * pa));
}

/**
 * Dixon & Coles (1997): independent Poisson under-predicts 0-0 and 1-1 and over-predicts 1-0 and
 * 0-1; the tau factor, controlled by rho (typically slightly negative), corrects those four cells.
 * The grid is renormalised so it sums to 1 despite truncation at maxGoals.
 */
export function dixonColesScoreMatrix(
  lambdaHome: number,
  lambdaAway: number,
  rho: number,
  maxGoals = 10,
): ScoreMatrix {
  assertFiniteNumber(rho, 'rho');
  const matrix = poissonScoreMatrix(lambdaHome, lambdaAway, maxGoals);
  const tau = [
    [1 - lambdaHome * lambdaAway * rho, 1 + lambdaHome * rho],
    [1 + lambdaAway * rho, 1 - rho],
  ];
  // A negative tau would mean a negative score probability: rho is outside the range the model
  // allows for these rates.
  if (tau.some((row) => row.some((t) => t < 0))) {
    throw new RangeError(
      `rho = ${rho} is outside the valid Dixon-Coles range for lambdaHome = ${lambdaHome} and ` +
        `lambdaAway = ${lambdaAway}`,
    );
  }
  const adjusted = matrix.map((row, h) => row.map((p, a) => (h < 2 && a < 2 ? p * tau[h][a] : p)));
  const total = sumMatrix(adjusted);
  if (total <= 0) {
    throw new RangeError('the Dixon-Coles correction leaves no probability mass on the grid');
  }
  return adjusted.map((row) => row.map((p) => p / total));
}

function sumMatrix(matrix: ScoreMatrix): number {
  return matrix.reduce((sum, row) => sum + row.reduce((rowSum, p) => rowSum + p, 0), 0);
}

/** Validates a score grid and returns its total mass, used to normalise truncated grids. */
function matrixMass(matrix: ScoreMatrix): number {
  if (!Array.isArray(matrix) || matrix.length === 0) {
    throw new RangeError('score matrix must have at least one row');
  }
  matrix.forEach((row, h) => {
    if (!Array.isArray(row) || row.length === 0) {
      throw new RangeError(`score matrix row ${h} must have at least one column`);
    }
    row.forEach((p, a) => assertNonNegative(p, `matrix[${h}][${a}]`));
  });
  const total = sumMatrix(matrix);
  if (total <= 0) throw new RangeError('score matrix has no probability mass');
  return total;
}

function assertGoalLine(line: number): void {
  assertNonNegative(line, 'line');
  // Quarter lines (2.25, 2.75) split the stake across two lines; they need two lookups, and
  // answering them as a single line would misprice the half that can be refunded.
  if (!Number.isInteger(line * 2)) {
    throw new RangeError(
      `line must be a whole or half goal (e.g. 2 or 2.5), received ${line}; ` +
        'price quarter lines as two half-stakes on the neighbouring lines',
    );
  }
}

/** Over/under probabilities of total goals against a whole- or half-goal line. */
export function overUnderProbability(matrix: ScoreMatrix, line: number): OverUnderProbability {
  assertGoalLine(line);
  const total = matrixMass(matrix);
  let over = 0;
  let under = 0;
  let push = 0;
  matrix.forEach((row, h) =>
    row.forEach((p, a) => {
      if (h + a > line) over += p;
      else if (h + a < line) under += p;
      else push += p;
    }),
  );
  return { over: over / total, under: under / total, push: push / total };
}

/**
 * The main markets derived from one score grid. Probabilities are taken relative to the grid's
 * total so that 1X2 and both-teams-to-score each sum to 1 even for a truncated Poisson grid.
 */
export function marketProbabilities(
  matrix: ScoreMatrix,
  overUnderLine = 2.5,
): MarketProbabilities {
  const { over, under } = overUnderProbability(matrix, overUnderLine);
  const total = matrixMass(matrix);
  let home = 0;
  let draw = 0;
  let away = 0;
  let bttsYes = 0;
  let expectedGoalsHome = 0;
  let expectedGoalsAway = 0;
  matrix.forEach((row, h) =>
    row.forEach((p, a) => {
      if (h > a) home += p;
      else if (h === a) draw += p;
      else away += p;
      if (h > 0 && a > 0) bttsYes += p;
      expectedGoalsHome += h * p;
      expectedGoalsAway += a * p;
    }),
  );
  return {
    home: home / total,
    draw: draw / total,
    away: away / total,
    over,
    under,
    bttsYes: bttsYes / total,
    bttsNo: 1 - bttsYes / total,
    expectedGoalsHome: expectedGoalsHome / total,
    expectedGoalsAway: expectedGoalsAway / total,
  };
}
