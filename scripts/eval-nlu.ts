import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  createDefaultNluService,
  evaluateNlu,
  formatEvaluationReport,
  type LabelledUtterance,
} from '@app/nlu';

/** Minimum scores the NLU must keep on the labelled set; CI fails below them. */
const THRESHOLDS = { intentAccuracy: 0.95, teamF1: 0.95, amountF1: 0.95 };

const fixturePath = resolve(process.cwd(), 'test/fixtures/nlu-utterances.json');
const items = JSON.parse(readFileSync(fixturePath, 'utf8')) as LabelledUtterance[];
const service = createDefaultNluService();

// Warm-up so the latency figures reflect steady state rather than first-call JIT and cache fills.
for (const item of items.slice(0, 20)) service.analyze(item.text);

const report = evaluateNlu(service, items, { now: new Date('2025-03-12T12:00:00Z'), timeZone: 'Europe/Madrid' });
process.stdout.write(formatEvaluationReport(report) + '\n\n');

const failures: string[] = [];
if (report.intentAccuracy < THRESHOLDS.intentAccuracy) failures.push(`intent accuracy ${report.intentAccuracy.toFixed(3)}`);
if (report.teams.f1 < THRESHOLDS.teamF1) failures.push(`team F1 ${report.teams.f1.toFixed(3)}`);
if (report.amounts.f1 < THRESHOLDS.amountF1) failures.push(`amount F1 ${report.amounts.f1.toFixed(3)}`);

if (failures.length > 0) {
  process.stderr.write(`FAILED thresholds: ${failures.join('; ')}\n`);
  process.exitCode = 1;
} else {
  process.stdout.write(
    `PASS: intent accuracy ≥ ${THRESHOLDS.intentAccuracy}, team F1 ≥ ${THRESHOLDS.teamF1}, amount F1 ≥ ${THRESHOLDS.amountF1}\n`,
  );
}
