/**
 * Bisection on a bracketed sign change. The margin models only need a handful of roots per
 * market, so a method that cannot diverge is worth more here than Newton's speed.
 */
export function bisect(
  f: (x: number) => number,
  lower: number,
  upper: number,
  maxIterations = 200,
): number {
  let lo = lower;
  let hi = upper;
  let fLo = f(lo);
  const fHi = f(hi);
  if (fLo === 0) return lo;
  if (fHi === 0) return hi;
  if (Math.sign(fLo) === Math.sign(fHi)) {
    throw new RangeError(`no sign change between ${lower} and ${upper}`);
  }
  for (let i = 0; i < maxIterations; i += 1) {
    const mid = lo + (hi - lo) / 2;
    // Stop once the interval cannot shrink any further in double precision.
    if (mid <= lo || mid >= hi) return mid;
    const fMid = f(mid);
    if (fMid === 0) return mid;
    if (Math.sign(fMid) === Math.sign(fLo)) {
      lo = mid;
      fLo = fMid;
    } else {
      hi = mid;
    }
  }
  return lo + (hi - lo) / 2;
}
