/**
 * Input guards shared by the betting maths. Every public function validates eagerly so that a bad
 * price coming from a feed or a user message fails loudly at the boundary instead of turning into
 * NaN or Infinity several calculations later.
 */

export function assertFiniteNumber(value: number, name: string): void {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new RangeError(`${name} must be a finite number, received ${String(value)}`);
  }
}

export function assertDecimalOdds(odds: number, name = 'decimal odds'): void {
  assertFiniteNumber(odds, name);
  // Odds of exactly 1 return nothing but the stake, so they carry no price and would make
  // b = odds - 1 zero in the staking formulas.
  if (odds <= 1) {
    throw new RangeError(`${name} must be greater than 1, received ${odds}`);
  }
}

export function assertOddsList(odds: readonly number[], minLength: number, name = 'odds'): void {
  if (!Array.isArray(odds) || odds.length < minLength) {
    const plural = minLength === 1 ? 'value' : 'values';
    throw new RangeError(`${name} must contain at least ${minLength} ${plural}`);
  }
  odds.forEach((value, index) => assertDecimalOdds(value, `${name}[${index}]`));
}

export function assertProbability(probability: number, name = 'probability'): void {
  assertFiniteNumber(probability, name);
  if (probability < 0 || probability > 1) {
    throw new RangeError(`${name} must be between 0 and 1, received ${probability}`);
  }
}

export function assertNonNegative(value: number, name: string): void {
  assertFiniteNumber(value, name);
  if (value < 0) {
    throw new RangeError(`${name} must not be negative, received ${value}`);
  }
}

export function assertNonNegativeInteger(value: number, name: string): void {
  assertNonNegative(value, name);
  if (!Number.isInteger(value)) {
    throw new RangeError(`${name} must be an integer, received ${value}`);
  }
}
