import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createDefaultNluService } from './default-lexicon.js';
import { evaluateNlu, type LabelledUtterance } from './nlu-evaluator.js';
import { INTENT_NAMES } from './intent-catalog.js';

const items = JSON.parse(
  readFileSync(resolve(process.cwd(), 'test/fixtures/nlu-utterances.json'), 'utf8'),
) as LabelledUtterance[];

describe('labelled utterance set', () => {
  it('is large, bilingual and covers every intent', () => {
    expect(items.length).toBeGreaterThanOrEqual(220);
    const es = items.filter((i) => i.lang === 'es').length;
    expect(es / items.length).toBeGreaterThan(0.4);
    expect(es / items.length).toBeLessThan(0.6);
    for (const intent of INTENT_NAMES) {
      expect(items.filter((i) => i.intent === intent).length).toBeGreaterThanOrEqual(12);
    }
  });

  it('meets the accuracy thresholds', () => {
    const report = evaluateNlu(createDefaultNluService(), items, {
      now: new Date('2025-03-12T12:00:00Z'),
      timeZone: 'Europe/Madrid',
    });
    expect(report.intentAccuracy).toBeGreaterThanOrEqual(0.95);
    expect(report.teams.f1).toBeGreaterThanOrEqual(0.95);
    expect(report.amounts.f1).toBeGreaterThanOrEqual(0.95);
  });
});
