import { evaluateNlu, formatEvaluationReport, type LabelledUtterance } from './nlu-evaluator.js';
import type { NluResult } from './nlu.types.js';

const fake = (result: Partial<NluResult['entities']> & { intent: NluResult['intent'] }) => ({
  analyze: (): NluResult => ({
    intent: result.intent,
    confidence: 0.9,
    language: 'en',
    entities: { teams: [], tournaments: [], amounts: [], markets: [], isFollowUp: false, ...result },
  }),
});

describe('evaluateNlu', () => {
  const items: LabelledUtterance[] = [
    { text: 'a', lang: 'en', intent: 'ODDS_INFORMATION_QUERY', teams: ['Chelsea', 'Arsenal'], amounts: [] },
    { text: 'b', lang: 'en', intent: 'BET_SIMULATION', teams: [], amounts: [{ value: 5, currency: 'EUR' }] },
  ];

  it('computes accuracy and micro precision/recall/F1 per entity', () => {
    const report = evaluateNlu(fake({ intent: 'ODDS_INFORMATION_QUERY', teams: ['Chelsea'], amounts: [{ value: 5, currency: 'EUR' }] }), items);
    expect(report.intentAccuracy).toBe(0.5);
    // Item a misses Arsenal; item b wrongly reports Chelsea.
    expect(report.teams).toMatchObject({ tp: 1, fp: 1, fn: 1 });
    expect(report.teams.precision).toBe(0.5);
    expect(report.teams.recall).toBe(0.5);
    expect(report.amounts).toMatchObject({ tp: 1, fp: 1, fn: 0 });
    expect(report.misclassified).toEqual([{ text: 'b', expected: 'BET_SIMULATION', predicted: 'ODDS_INFORMATION_QUERY', confidence: 0.9 }]);
    expect(formatEvaluationReport(report)).toContain('Intent accuracy: 50.0%');
  });
});
