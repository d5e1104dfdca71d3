/**
 * Replays the scripted model answers of scripts/grounding (half correct, half with one planted
 * error) through the grounding guard and prints its precision and recall, then times the guard on a
 * 300-word answer (collecting the turn's values, checking, correcting) and writes both to
 * BENCHMARKS.md.
 *
 *   npm run eval:grounding [-- --iterations 5000] [--no-write]
 *
 * Exits 1 when recall on planted errors is below 98% or a correct answer gets a flag.
 */
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { checkGrounding, correctedText, GroundedValues } from '@app/grounding';
import { writeBenchmarkSection } from './benchmarks-file.js';
import { groundingCases, longAnswer } from './grounding/grounding-cases.js';
import { evaluateGrounding } from './grounding/grounding-eval.js';

const MIN_RECALL = 0.98;
const MAX_P99_MS = 1;

const { values } = parseArgs({ options: { iterations: { type: 'string', default: '5000' }, 'no-write': { type: 'boolean', default: false } } });
const iterations = Number(values.iterations);
if (!Number.isInteger(iterations) || iterations < 100) {
  process.stderr.write(`--iterations must be an integer of at least 100, got ${values.iterations}\n`);
  process.exit(2);
}

const cases = groundingCases();
const result = evaluateGrounding(cases);

const long = longAnswer(300);
const turn = () => {
  const grounded = GroundedValues.collect({ tools: long.tools, userText: long.userText, timeZone: long.timeZone, now: long.now });
  const report = checkGrounding(long.answer, grounded, long.language);
  return report.flags.length > 0 ? correctedText(long.answer, report.flags) : long.answer;
};
// Warm-up, so the figures are the steady state rather than first-call compilation.
for (let i = 0; i < 500; i++) turn();
// Wall time, and this process's CPU time (user + system), which a busy machine does not inflate.
const times: number[] = [];
const cpuTimes: number[] = [];
for (let i = 0; i < iterations; i++) {
  const cpu = process.cpuUsage();
  const started = process.hrtime.bigint();
  turn();
  times.push(Number(process.hrtime.bigint() - started) / 1e6);
  const used = process.cpuUsage(cpu);
  cpuTimes.push((used.user + used.system) / 1000);
}
times.sort((a, b) => a - b);
cpuTimes.sort((a, b) => a - b);
const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
const at = (q: number) => quantile(times, q);
const cpuAt = (q: number) => quantile(cpuTimes, q);
const claimsInLong = checkGrounding(long.answer, GroundedValues.collect({ tools: long.tools, userText: long.userText, timeZone: long.timeZone, now: long.now }), long.language).claims;

const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
const kinds = Object.entries(result.recallByKind)
  .map(([kind, k]) => `${kind} ${k.caught}/${k.planted}`)
  .join(', ');
const lines = [
  `Replayed answers: ${result.answers} (${result.correctAnswers} correct, ${result.plantedAnswers} with one planted error), ${result.claims} factual numbers checked.`,
  '',
  '| | |',
  '|---|---|',
  `| Precision (flags on planted errors / all flags) | ${pct(result.precision)} (${result.truePositives}/${result.truePositives + result.falsePositives}) |`,
  `| Recall on planted errors | ${pct(result.recall)} (${result.truePositives}/${result.truePositives + result.falseNegatives}) |`,
  `| False alarms on the correct half | ${result.falseAlarmAnswers} of ${result.correctAnswers} answers |`,
  `| Recall by kind | ${kinds} |`,
  `| Cost per turn, 300-word answer (${claimsInLong} numbers, values of ${long.tools.length} tool results), wall time p50 / p99 / max | ${at(0.5).toFixed(3)} / ${at(0.99).toFixed(3)} / ${times[times.length - 1].toFixed(3)} ms over ${iterations} runs |`,
  `| Same, CPU time of the process p50 / p99 | ${cpuAt(0.5).toFixed(3)} / ${cpuAt(0.99).toFixed(3)} ms |`,
  '',
  `Node ${process.version}, ${cpus().length} CPUs, load average ${loadavg()[0].toFixed(1)} at the end of the run. The cost covers collecting the turn's values, extracting and checking the answer's numbers and writing the correction; on a busy machine the wall-time tail is mostly waiting for a CPU.`,
];
process.stdout.write(`${lines.join('\n')}\n`);
if (result.missed.length > 0) process.stdout.write(`\nMissed planted errors:\n${result.missed.map((m) => `  ${m}`).join('\n')}\n`);
if (result.falseAlarms.length > 0) process.stdout.write(`\nFlags on right figures:\n${result.falseAlarms.map((m) => `  ${m}`).join('\n')}\n`);

if (!values['no-write']) writeBenchmarkSection('Grounding guard (`npm run eval:grounding`)', lines.join('\n'));

const failures: string[] = [];
if (result.recall < MIN_RECALL) failures.push(`recall ${pct(result.recall)} below ${pct(MIN_RECALL)}`);
if (result.falseAlarmAnswers > 0) failures.push(`${result.falseAlarmAnswers} correct answer(s) flagged`);
if (at(0.99) >= MAX_P99_MS) process.stdout.write(`\nNote: p99 ${at(0.99).toFixed(3)} ms is not under ${MAX_P99_MS} ms on this machine.\n`);
if (failures.length > 0) {
  process.stderr.write(`FAILED: ${failures.join('; ')}\n`);
  process.exitCode = 1;
}
