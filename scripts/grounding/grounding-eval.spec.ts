import { groundingCases, longAnswer } from './grounding-cases.js';
import { evaluateGrounding } from './grounding-eval.js';
import { checkGrounding, GroundedValues } from '@app/grounding';

/** The CI guard of the grounding evaluation (`npm run eval:grounding` prints the same figures). */
describe('grounding guard on the replayed answer script', () => {
  const cases = groundingCases();

  it('replays at least 100 answers, half of them with a planted error', () => {
    expect(cases.length).toBeGreaterThanOrEqual(100);
    expect(cases.filter((c) => c.planted).length).toBe(cases.length / 2);
  });

  it('catches at least 98% of the planted errors and raises no false alarm on the correct half', () => {
    const result = evaluateGrounding(cases);
    expect({ missed: result.missed, falseAlarms: result.falseAlarms.filter((f) => f.includes('-correct')) }).toMatchObject({ falseAlarms: [] });
    expect(result.recall).toBeGreaterThanOrEqual(0.98);
    expect(result.falseAlarmAnswers).toBe(0);
  });

  it('passes the 300-word answer the cost is measured on', () => {
    const long = longAnswer(300);
    expect(long.answer.split(/\s+/).length).toBe(300);
    const report = checkGrounding(long.answer, GroundedValues.collect({ tools: long.tools, userText: long.userText, timeZone: long.timeZone, now: long.now }), long.language);
    expect(report.flags).toEqual([]);
    expect(report.claims).toBeGreaterThan(30);
  });
});
