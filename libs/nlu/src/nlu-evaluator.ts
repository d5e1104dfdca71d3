import { INTENT_NAMES } from './intent-catalog.js';
import type { AmountEntity, AnalyzeOptions, Intent, Language, Market, NluResult, Outcome } from './nlu.types.js';

/** One row of the labelled utterance set (test/fixtures/nlu-utterances.json). */
export interface LabelledUtterance {
  text: string;
  lang: Language;
  intent: Intent;
  teams: string[];
  amounts: AmountEntity[];
  tournaments?: string[];
  markets?: Market[];
  outcome?: Outcome;
  /** Absent means false. */
  isFollowUp?: boolean;
}

export interface PrfScore {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
  /** Items the score was computed over (those carrying the label). */
  items: number;
}

export interface IntentRow {
  intent: Intent;
  support: number;
  predicted: number;
  correct: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface Misclassification {
  text: string;
  expected: Intent;
  predicted: Intent;
  confidence: number;
}

export interface EntityError {
  text: string;
  field: string;
  expected: string;
  predicted: string;
}

export interface EvaluationReport {
  total: number;
  intentAccuracy: number;
  perIntent: IntentRow[];
  languageAccuracy: number;
  teams: PrfScore;
  amounts: PrfScore;
  tournaments: PrfScore;
  markets: PrfScore;
  followUp: PrfScore;
  outcome: { items: number; correct: number; accuracy: number };
  misclassified: Misclassification[];
  entityErrors: EntityError[];
  meanLatencyMs: number;
  maxLatencyMs: number;
}

interface Analyzer {
  analyze(text: string, opts?: AnalyzeOptions): NluResult;
}

class Counter {
  tp = 0;
  fp = 0;
  fn = 0;
  items = 0;

  /** Multiset comparison: each expected value can be matched once. */
  add(expected: readonly string[], predicted: readonly string[]): boolean {
    this.items++;
    const pool = [...expected];
    let tp = 0;
    for (const p of predicted) {
      const k = pool.indexOf(p);
      if (k >= 0) {
        pool.splice(k, 1);
        tp++;
      }
    }
    this.tp += tp;
    this.fp += predicted.length - tp;
    this.fn += expected.length - tp;
    return tp === expected.length && tp === predicted.length;
  }

  score(): PrfScore {
    return { tp: this.tp, fp: this.fp, fn: this.fn, items: this.items, ...prf(this.tp, this.fp, this.fn) };
  }
}

function prf(tp: number, fp: number, fn: number): { precision: number; recall: number; f1: number } {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

const amountKey = (a: AmountEntity): string => `${a.value} ${a.currency ?? '∅'}`;

export function evaluateNlu(
  analyzer: Analyzer,
  items: readonly LabelledUtterance[],
  opts: AnalyzeOptions = {},
): EvaluationReport {
  const teams = new Counter();
  const amounts = new Counter();
  const tournaments = new Counter();
  const markets = new Counter();
  const followUp = new Counter();
  const outcome = { items: 0, correct: 0, accuracy: 1 };
  const perIntent = new Map<Intent, { support: number; predicted: number; correct: number }>(
    INTENT_NAMES.map((i) => [i, { support: 0, predicted: 0, correct: 0 }]),
  );
  const misclassified: Misclassification[] = [];
  const entityErrors: EntityError[] = [];
  let correct = 0;
  let languageCorrect = 0;
  let totalMs = 0;
  let maxMs = 0;

  for (const item of items) {
    const started = performance.now();
    const r = analyzer.analyze(item.text, opts);
    const elapsed = performance.now() - started;
    totalMs += elapsed;
    maxMs = Math.max(maxMs, elapsed);

    const row = perIntent.get(item.intent);
    const predictedRow = perIntent.get(r.intent);
    if (row) row.support++;
    if (predictedRow) predictedRow.predicted++;
    if (r.intent === item.intent) {
      correct++;
      if (row) row.correct++;
    } else {
      misclassified.push({ text: item.text, expected: item.intent, predicted: r.intent, confidence: r.confidence });
    }
    if (r.language === item.lang) languageCorrect++;

    const check = (field: string, counter: Counter, expected: string[], predicted: string[]): void => {
      if (!counter.add(expected, predicted)) {
        entityErrors.push({ text: item.text, field, expected: expected.join(', '), predicted: predicted.join(', ') });
      }
    };
    check('teams', teams, item.teams, r.entities.teams);
    check('amounts', amounts, item.amounts.map(amountKey), r.entities.amounts.map(amountKey));
    if (item.tournaments) check('tournaments', tournaments, item.tournaments, r.entities.tournaments);
    if (item.markets) check('markets', markets, item.markets, r.entities.markets);
    check('isFollowUp', followUp, item.isFollowUp ? ['yes'] : [], r.entities.isFollowUp ? ['yes'] : []);
    if (item.outcome) {
      outcome.items++;
      if (r.entities.outcome === item.outcome) outcome.correct++;
      else entityErrors.push({ text: item.text, field: 'outcome', expected: item.outcome, predicted: r.entities.outcome ?? '' });
    }
  }
  outcome.accuracy = outcome.items === 0 ? 1 : outcome.correct / outcome.items;

  return {
    total: items.length,
    intentAccuracy: items.length === 0 ? 1 : correct / items.length,
    perIntent: [...perIntent.entries()].map(([intent, c]) => ({
      intent,
      ...c,
      ...prf(c.correct, c.predicted - c.correct, c.support - c.correct),
    })),
    languageAccuracy: items.length === 0 ? 1 : languageCorrect / items.length,
    teams: teams.score(),
    amounts: amounts.score(),
    tournaments: tournaments.score(),
    markets: markets.score(),
    followUp: followUp.score(),
    outcome,
    misclassified,
    entityErrors,
    meanLatencyMs: items.length === 0 ? 0 : totalMs / items.length,
    maxLatencyMs: maxMs,
  };
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

export function formatEvaluationReport(report: EvaluationReport): string {
  const lines: string[] = [];
  lines.push(`NLU evaluation over ${report.total} utterances`);
  lines.push(`Intent accuracy: ${pct(report.intentAccuracy)}   Language accuracy: ${pct(report.languageAccuracy)}`);
  lines.push(`Latency: mean ${report.meanLatencyMs.toFixed(3)} ms, max ${report.maxLatencyMs.toFixed(3)} ms`);
  lines.push('');
  lines.push(`${'intent'.padEnd(24)} ${'support'.padStart(7)} ${'correct'.padStart(7)} ${'prec'.padStart(7)} ${'recall'.padStart(7)} ${'f1'.padStart(7)}`);
  for (const r of report.perIntent) {
    lines.push(
      `${r.intent.padEnd(24)} ${String(r.support).padStart(7)} ${String(r.correct).padStart(7)} ${pct(r.precision).padStart(7)} ${pct(r.recall).padStart(7)} ${pct(r.f1).padStart(7)}`,
    );
  }
  lines.push('');
  lines.push(`${'entity'.padEnd(12)} ${'items'.padStart(6)} ${'tp'.padStart(5)} ${'fp'.padStart(5)} ${'fn'.padStart(5)} ${'prec'.padStart(7)} ${'recall'.padStart(7)} ${'f1'.padStart(7)}`);
  const entityRow = (name: string, s: PrfScore): string =>
    `${name.padEnd(12)} ${String(s.items).padStart(6)} ${String(s.tp).padStart(5)} ${String(s.fp).padStart(5)} ${String(s.fn).padStart(5)} ${pct(s.precision).padStart(7)} ${pct(s.recall).padStart(7)} ${pct(s.f1).padStart(7)}`;
  lines.push(entityRow('teams', report.teams));
  lines.push(entityRow('amounts', report.amounts));
  if (report.tournaments.items > 0) lines.push(entityRow('tournaments', report.tournaments));
  if (report.markets.items > 0) lines.push(entityRow('markets', report.markets));
  lines.push(entityRow('isFollowUp', report.followUp));
  if (report.outcome.items > 0) {
    lines.push(`outcome accuracy: ${pct(report.outcome.accuracy)} (${report.outcome.correct}/${report.outcome.items})`);
  }
  lines.push('');
  lines.push(`Misclassified (${report.misclassified.length}):`);
  for (const m of report.misclassified) {
    lines.push(`  - "${m.text}": expected ${m.expected}, got ${m.predicted} (${m.confidence.toFixed(2)})`);
  }
  lines.push('');
  lines.push(`Entity errors (${report.entityErrors.length}):`);
  for (const e of report.entityErrors) {
    lines.push(`  - [${e.field}] "${e.text}": expected [${e.expected}], got [${e.predicted}]`);
  }
  return lines.join('\n');
}
