/**
 * Plays the labelled dialogue set (scripts/dialogs/sets) against the real app and scores it per
 * category and language.
 *
 *   npm run eval:dialogs [-- --only <id-prefix|.id-part.|category|language>[,…]] [--json] [--min 0.95]
 *                        [--out eval-results/dialogs.json] [--base-url http://host:port] [--self-test]
 *
 * Without --base-url the app is started in this process on a free port, with the embedded sports
 * data and the offline engine (Redis from REDIS_URL when set, under a key prefix of its own, else
 * in memory). Every check is evaluated against the app's sports-data REST API at the moment of the
 * turn. --self-test answers every turn with a minimal correct answer written from its own checks,
 * to show that every check of the set can be satisfied. Writes the full report as JSON. Turns
 * whose expectation the data cannot give that day are left out of the scores and listed apart.
 * Exits 1 only when --min is given and the share of scorable turns fully correct is below it, or
 * more than MAX_UNSCORABLE_SHARE of the turns could not be scored (a score on too few turns says
 * little).
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { IdealChatClient } from './dialogs/ideal-answer.js';
import { DIALOGS } from './dialogs/sets/index.js';
import { HttpSportsApi, Oracle } from './dialogs/oracle.js';
import { startInProcessApp } from './in-process-app.js';
import { buildReport, formatFailures, formatTable, formatUnscorable, turnScore, unscorableShare } from './dialogs/report.js';
import { type DialogResult, HttpChatClient, MAX_UNSCORABLE_SHARE, runDialog, selectDialogs, setTeamProblems, validateSet } from './dialogs/runner.js';

const { values } = parseArgs({
  options: {
    only: { type: 'string', multiple: true, default: [] },
    json: { type: 'boolean', default: false },
    min: { type: 'string' },
    out: { type: 'string', default: 'eval-results/dialogs.json' },
    'base-url': { type: 'string' },
    'no-failures': { type: 'boolean', default: false },
    'self-test': { type: 'boolean', default: false },
  },
});

const filters = values.only.flatMap((value) => value.split(',')).map((value) => value.trim()).filter(Boolean);
const minimum = values.min === undefined ? undefined : Number(values.min);
if (minimum !== undefined && !(minimum >= 0 && minimum <= 1)) {
  process.stderr.write(`--min must be a share between 0 and 1, got ${values.min}\n`);
  process.exit(2);
}
const log = (text: string) => (values.json ? process.stderr : process.stdout).write(`${text}\n`);

const runId = randomBytes(4).toString('hex');
const selected = selectDialogs(DIALOGS, filters);
const setProblems = validateSet(DIALOGS);
if (selected.length === 0) {
  process.stderr.write(`No dialogue matches ${filters.join(', ')}\n`);
  process.exit(2);
}

/** The app under evaluation: this process's own, unless --base-url points at one already running. */
async function startApp(): Promise<{ baseUrl: string; close(): Promise<void> }> {
  if (values['base-url']) return { baseUrl: values['base-url'], close: async () => {} };
  Object.assign(process.env, {
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'ERROR',
    ENVIRONMENT: 'development',
    RATE_LIMIT_REQUESTS: '1000000',
    CHAT_RATE_LIMIT_PER_MINUTE: '10000',
    REDIS_KEY_PREFIX: `eval-dialogs:${runId}:`,
  });
  // The embedded data and the offline engine: the evaluation must not depend on outside services.
  delete process.env.CHATBET_API_BASE_URL;
  delete process.env.GOOGLE_API_KEY;
  const { app, baseUrl } = await startInProcessApp();
  return { baseUrl, close: () => app.close() };
}

const app = await startApp();
let exitCode = 0;
try {
  const api = new HttpSportsApi(app.baseUrl);
  // The self-test answers each turn from its own checks: every check must be satisfiable.
  const chat = values['self-test'] ? new IdealChatClient(api) : new HttpChatClient(app.baseUrl);
  const teamProblems = await setTeamProblems(selected, new Oracle(api, new Date(), 'UTC'));
  for (const problem of [...setProblems, ...teamProblems]) log(`set problem: ${problem}`);

  const startedAt = new Date();
  const results: DialogResult[] = [];
  for (const [index, dialog] of selected.entries()) {
    const result = await runDialog(dialog, chat, api, `eval-${runId}-${index}`);
    results.push(result);
    if (!values.json && process.stdout.isTTY) process.stdout.write(`\r${index + 1}/${selected.length} dialogues`);
  }
  if (!values.json && process.stdout.isTTY) process.stdout.write('\r');
  const report = buildReport(results, startedAt, new Date());

  const outPath = resolve(process.cwd(), values.out);
  mkdirSync(dirname(outPath), { recursive: true });
  writeFileSync(outPath, `${JSON.stringify({ ...report, setProblems: [...setProblems, ...teamProblems] }, null, 2)}\n`);

  if (values.json) {
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } else {
    if (!values['no-failures'] && report.failing.length > 0) log(`Failing turns (${report.failing.length}):\n\n${formatFailures(report)}\n`);
    log(formatTable(report));
    if (report.unscorable.length > 0) log(`\nUnscorable turns (${report.unscorable.length}), left out of the scores:\n${formatUnscorable(report)}`);
    log(`\nReport written to ${values.out}`);
  }
  const overall = turnScore(report.overall);
  if (minimum !== undefined && overall < minimum) {
    log(`FAILED: ${(overall * 100).toFixed(1)}% of turns fully correct, below the minimum of ${(minimum * 100).toFixed(1)}%`);
    exitCode = 1;
  }
  const unscorable = unscorableShare(report.overall);
  if (minimum !== undefined && unscorable > MAX_UNSCORABLE_SHARE) {
    log(`FAILED: ${(unscorable * 100).toFixed(1)}% of turns could not be scored on today's data, above the ${(MAX_UNSCORABLE_SHARE * 100).toFixed(0)}% allowed`);
    exitCode = 1;
  }
} finally {
  await app.close();
}
process.exit(exitCode);
