/** Scores the grounding guard on the replayed answers of grounding-cases.ts. */
import { checkGrounding, GroundedValues, type ClaimKind } from '@app/grounding';
import type { GroundingCase } from './grounding-cases.js';

export interface GroundingEvaluation {
  answers: number;
  plantedAnswers: number;
  correctAnswers: number;
  /** Planted errors flagged (a flag over the planted figure). */
  truePositives: number;
  /** Flags on figures that were right. */
  falsePositives: number;
  /** Planted errors not flagged. */
  falseNegatives: number;
  precision: number;
  recall: number;
  /** Correct answers with at least one flag. */
  falseAlarmAnswers: number;
  /** Factual numbers the guard checked over all answers. */
  claims: number;
  recallByKind: Partial<Record<ClaimKind, { planted: number; caught: number }>>;
  missed: string[];
  falseAlarms: string[];
}

export function evaluateGrounding(cases: readonly GroundingCase[]): GroundingEvaluation {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let claims = 0;
  let falseAlarmAnswers = 0;
  const recallByKind: GroundingEvaluation['recallByKind'] = {};
  const missed: string[] = [];
  const falseAlarms: string[] = [];
  for (const c of cases) {
    const values = GroundedValues.collect({ tools: c.tools, userText: c.userText, timeZone: c.timeZone, now: c.now });
    const report = checkGrounding(c.answer, values, c.language);
    claims += report.claims;
    const planted = c.planted;
    let caught = false;
    for (const flag of report.flags) {
      if (planted && flag.start < planted.start + planted.text.length && flag.end > planted.start) caught = true;
      else {
        fp += 1;
        falseAlarms.push(`${c.id}: ${flag.kind} "${flag.text}"`);
      }
    }
    if (!planted) {
      if (report.flags.length > 0) falseAlarmAnswers += 1;
      continue;
    }
    const kind = (recallByKind[planted.kind] ??= { planted: 0, caught: 0 });
    kind.planted += 1;
    if (caught) {
      tp += 1;
      kind.caught += 1;
    } else {
      fn += 1;
      missed.push(`${c.id}: ${planted.kind} "${planted.text}"`);
    }
  }
  const plantedAnswers = cases.filter((c) => c.planted).length;
  return {
    answers: cases.length,
    plantedAnswers,
    correctAnswers: cases.length - plantedAnswers,
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    precision: tp + fp === 0 ? 1 : tp / (tp + fp),
    recall: tp + fn === 0 ? 1 : tp / (tp + fn),
    falseAlarmAnswers,
    claims,
    recallByKind,
    missed,
    falseAlarms,
  };
}
