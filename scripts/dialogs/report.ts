/** Scores of a run per category and language, and the failing turns, as a table and as JSON. */
import type { DialogCategory, DialogLanguage } from './dialog.types.js';
import type { DialogResult } from './runner.js';

/** Counts over scorable turns only; turns the data could not judge are counted apart in `unscorable`. */
export interface Score {
  turns: number;
  turnsCorrect: number;
  dialogs: number;
  dialogsCorrect: number;
  /** Turns left out because their expectation could not be computed on the day's data. */
  unscorable: number;
}

export interface ScoreRow extends Score {
  category: DialogCategory | 'all';
  language: DialogLanguage | 'all';
}

export interface FailingTurn {
  dialog: string;
  category: DialogCategory;
  language: DialogLanguage;
  turn: number;
  user: string;
  answer: string;
  detectedIntent?: string;
  tools: string[];
  failed: { kind: string; detail: string; oracleError?: boolean }[];
}

export interface DialogReport {
  startedAt: string;
  finishedAt: string;
  rows: ScoreRow[];
  overall: Score;
  /** Failed checks per kind, and turns that failed on that kind alone. */
  failedChecks: Record<string, { checks: number; soleCause: number }>;
  failing: FailingTurn[];
  /** Turns left out of every score, with why (see TurnResult.unscorable). */
  unscorable: UnscorableTurn[];
  dialogs: DialogResult[];
}

export interface UnscorableTurn {
  dialog: string;
  turn: number;
  user: string;
  reason: string;
}

function score(results: readonly DialogResult[]): Score {
  const scorable = (turns: DialogResult['turns']) => turns.filter((t) => t.unscorable === undefined);
  const turns = scorable(results.flatMap((d) => d.turns));
  // A dialogue counts when at least one of its turns could be judged, and is right when all those were.
  const dialogs = results.filter((d) => scorable(d.turns).length > 0);
  return {
    turns: turns.length,
    turnsCorrect: turns.filter((t) => t.pass).length,
    dialogs: dialogs.length,
    dialogsCorrect: dialogs.filter((d) => scorable(d.turns).every((t) => t.pass)).length,
    unscorable: results.flatMap((d) => d.turns).length - turns.length,
  };
}

/** Rows per category × language (in first-seen order), per category, per language, and overall. */
export function buildReport(results: readonly DialogResult[], startedAt: Date, finishedAt: Date): DialogReport {
  const categories = [...new Set(results.map((d) => d.category))];
  const languages = [...new Set(results.map((d) => d.language))].sort();
  const rows: ScoreRow[] = [];
  for (const category of categories) {
    for (const language of languages) {
      const subset = results.filter((d) => d.category === category && d.language === language);
      if (subset.length > 0) rows.push({ category, language, ...score(subset) });
    }
    rows.push({ category, language: 'all', ...score(results.filter((d) => d.category === category)) });
  }
  for (const language of languages) rows.push({ category: 'all', language, ...score(results.filter((d) => d.language === language)) });
  const failing: FailingTurn[] = results.flatMap((dialog) =>
    dialog.turns
      .filter((turn) => !turn.pass && turn.unscorable === undefined)
      .map((turn) => ({
        dialog: dialog.id,
        category: dialog.category,
        language: dialog.language,
        turn: turn.index + 1,
        user: turn.user,
        answer: turn.answer,
        detectedIntent: turn.detectedIntent,
        tools: turn.tools,
        failed: turn.checks.filter((c) => !c.pass).map((c) => ({ kind: c.kind, detail: c.detail, ...(c.oracleError ? { oracleError: true } : {}) })),
      })),
  );
  const failedChecks: DialogReport['failedChecks'] = {};
  for (const turn of failing) {
    const kinds = new Set(turn.failed.map((c) => c.kind));
    for (const kind of kinds) {
      failedChecks[kind] ??= { checks: 0, soleCause: 0 };
      failedChecks[kind].checks += turn.failed.filter((c) => c.kind === kind).length;
      if (kinds.size === 1) failedChecks[kind].soleCause += 1;
    }
  }
  const unscorable: UnscorableTurn[] = results.flatMap((dialog) =>
    dialog.turns.flatMap((turn) => (turn.unscorable === undefined ? [] : [{ dialog: dialog.id, turn: turn.index + 1, user: turn.user, reason: turn.unscorable }])),
  );
  return { startedAt: startedAt.toISOString(), finishedAt: finishedAt.toISOString(), rows, overall: score(results), failedChecks, failing, unscorable, dialogs: [...results] };
}

/** Share of scorable turns fully correct, 0 when there are none. */
export function turnScore(score: Score): number {
  return score.turns === 0 ? 0 : score.turnsCorrect / score.turns;
}

/** Share of all turns that could not be scored on the day's data, 0 when there are none. */
export function unscorableShare(score: Score): number {
  const all = score.turns + score.unscorable;
  return all === 0 ? 0 : score.unscorable / all;
}

/** The unscorable turns, one line each: "id #turn: reason". */
export function formatUnscorable(report: DialogReport): string {
  return report.unscorable.map((turn) => `${turn.dialog} #${turn.turn}: ${turn.reason}`).join('\n');
}

const percent = (part: number, whole: number) => (whole === 0 ? '   -  ' : `${((100 * part) / whole).toFixed(1).padStart(5)}%`);

export function formatTable(report: DialogReport): string {
  const header = `${'category'.padEnd(14)}${'lang'.padEnd(6)}${'turns'.padStart(11)}${''.padStart(8)}${'dialogues'.padStart(11)}${''.padStart(8)}`;
  const line = (row: ScoreRow | (Score & { category: string; language: string })) =>
    `${row.category.padEnd(14)}${row.language.padEnd(6)}${`${row.turnsCorrect}/${row.turns}`.padStart(11)} ${percent(row.turnsCorrect, row.turns)}${`${row.dialogsCorrect}/${row.dialogs}`.padStart(11)} ${percent(row.dialogsCorrect, row.dialogs)}`;
  const lines = [header, '-'.repeat(header.length)];
  for (const row of report.rows) {
    lines.push(line(row));
    if (row.language === 'all' && row.category !== 'all') lines.push('');
  }
  lines.push('-'.repeat(header.length));
  lines.push(line({ category: 'overall', language: 'all', ...report.overall }));
  if (report.overall.unscorable > 0) {
    const all = report.overall.turns + report.overall.unscorable;
    lines.push(`unscorable on today's data (left out above): ${report.overall.unscorable}/${all} turns ${percent(report.overall.unscorable, all).trim()}`);
  }
  const kinds = Object.entries(report.failedChecks).sort(([, a], [, b]) => b.checks - a.checks);
  if (kinds.length > 0) {
    lines.push('', 'Failed checks by kind (turns failing on that kind alone):');
    lines.push(kinds.map(([kind, count]) => `${kind} ${count.checks} (${count.soleCause})`).join(', '));
  }
  return lines.join('\n');
}

const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max)}…`);

export function formatFailures(report: DialogReport, maxAnswer = 700): string {
  return report.failing
    .map((turn) => {
      const checks = turn.failed.map((c) => `    ✗ ${c.kind}${c.oracleError ? ' (data)' : ''}: ${c.detail}`).join('\n');
      const meta = `intent=${turn.detectedIntent ?? '-'} tools=${turn.tools.join(',') || '-'}`;
      return `${turn.dialog} #${turn.turn} [${turn.category}/${turn.language}] ${meta}\n  user: ${turn.user}\n${checks}\n  answer: ${clip(turn.answer.replace(/\n+/g, ' ⏎ '), maxAnswer)}`;
    })
    .join('\n\n');
}
