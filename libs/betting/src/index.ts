export { impliedProbability, overround } from './probability.js';
export {
  applyMargin,
  fairOdds,
  removeMarginAdditive,
  removeMarginMultiplicative,
  removeMarginPower,
  removeMarginShin,
  type MarginMethod,
  type ShinResult,
} from './margin.js';
export {
  americanToDecimal,
  decimalToAmerican,
  decimalToFractional,
  fractionalToDecimal,
} from './odds-format.js';
export {
  accumulatorReturn,
  singleReturn,
  type AccumulatorLeg,
  type AccumulatorReturn,
  type LegStatus,
  type SingleReturn,
} from './returns.js';
export { expectedValue, kellyFraction, kellyStake } from './staking.js';
export { arbitrage, type ArbitrageResult } from './arbitrage.js';
export {
  dixonColesScoreMatrix,
  marketProbabilities,
  overUnderProbability,
  poissonProbability,
  poissonScoreMatrix,
  type MarketProbabilities,
  type OverUnderProbability,
  type ScoreMatrix,
} from './score-model.js';
export { roundMoney } from './rounding.js';
