/**
 * `npm run bench:upstream`: how much upstream and model work a replayed chat script costs.
 *
 * The app runs in this process on the ChatBet provider, against the local server that speaks the
 * ChatBet contract (test/fakes), from a cold cache, with the offline engine. Eight distinct
 * questions (a team's next match, odds of a match, tomorrow in a league, a payout, a comparison,
 * tournaments, a favourite, what the assistant can do) are asked three times, each round by another
 * user in a new session: 24 turns. The script prints the upstream calls per endpoint and per
 * question, how many turns the answer cache served and the model calls those saved, and writes a
 * section of BENCHMARKS.md. Nothing here is timed, so it can run next to other work.
 *
 * Options: --redis URL (answer and data caches on Redis; default in memory), --no-write.
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { FakeChatBetServer } from '../test/fakes/fake-chatbet-server.js';
import { writeBenchmarkSection } from './benchmarks-file.js';
import { UPSTREAM_SCRIPT } from './upstream-script.js';

const { values } = parseArgs({
  options: {
    redis: { type: 'string' },
    'no-write': { type: 'boolean', default: false },
    rounds: { type: 'string', default: '3' },
  },
});


interface TurnAnswer {
  message: string;
  mode: string;
  detected_intent: string;
  function_calls_made: Array<{ name: string; ok: boolean }>;
  session_id: string;
}

interface TurnRow {
  round: number;
  question: string;
  upstream: Record<string, number>;
  tools: string[];
  mode: string;
  answer: string;
}

const rounds = Math.max(1, Number(values.rounds) || 3);
const upstream = await FakeChatBetServer.start();
const runId = randomBytes(4).toString('hex');

Object.assign(process.env, {
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'ERROR',
  ENVIRONMENT: 'development',
  RATE_LIMIT_REQUESTS: '1000000',
  CHAT_RATE_LIMIT_PER_MINUTE: '10000',
  CHATBET_API_BASE_URL: upstream.url,
  REDIS_KEY_PREFIX: `bench-upstream:${runId}:`,
});
delete process.env.GOOGLE_API_KEY;
if (values.redis) process.env.REDIS_URL = values.redis;
else delete process.env.REDIS_URL;

// Config is read when the modules load, so they are imported once the environment is set.
const [{ NestFactory }, { AppModule }, { configureApp }, { createHttpAdapter }] = await Promise.all([
  import('@nestjs/core'),
  import('../apps/api/src/app.module.js'),
  import('../apps/api/src/configure-app.js'),
  import('../apps/api/src/http-adapter.js'),
]);
const app = await NestFactory.create(AppModule, createHttpAdapter(), { bufferLogs: true, logger: ['error'] });
configureApp(app as Parameters<typeof configureApp>[0]);
await app.listen(0, '127.0.0.1');
const address = app.getHttpServer().address();
const baseUrl = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : Number(address)}`;

async function ask(message: string, userId: string, sessionId?: string): Promise<TurnAnswer> {
  const response = await fetch(new URL('/api/v1/chat/message', baseUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ message, user_id: userId, time_zone: 'UTC', ...(sessionId ? { session_id: sessionId } : {}) }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`chat answered ${response.status}: ${text.slice(0, 300)}`);
  return JSON.parse(text) as TurnAnswer;
}

function byPath(from: number): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const request of upstream.requestLog.slice(from)) counts[request.path] = (counts[request.path] ?? 0) + 1;
  return counts;
}

const rows: TurnRow[] = [];
try {
  // The app may read catalogues at start-up; the script counts from its first question.
  upstream.clearLog();
  for (let round = 1; round <= rounds; round++) {
    let sessionId: string | undefined;
    const userId = `bench-upstream-${runId}-${round}`;
    for (const question of UPSTREAM_SCRIPT) {
      const before = upstream.requestLog.length;
      const answer = await ask(question, userId, sessionId);
      sessionId = answer.session_id;
      rows.push({
        round,
        question,
        upstream: byPath(before),
        tools: answer.function_calls_made.map((call) => call.name),
        mode: answer.mode,
        answer: answer.message.replace(/\s+/g, ' ').slice(0, 70),
      });
    }
  }
} finally {
  await app.close();
  await upstream.close();
}

const total = rows.reduce((sum, row) => sum + Object.values(row.upstream).reduce((a, b) => a + b, 0), 0);
const endpoints: Record<string, number> = {};
for (const row of rows) for (const [path, count] of Object.entries(row.upstream)) endpoints[path] = (endpoints[path] ?? 0) + count;
const cached = rows.filter((row) => row.mode === 'answer-cache');
// A turn the cache served would have taken one model call per tool round plus the answer.
const savedModelCalls = cached.reduce((sum, row) => sum + 1 + (rows.find((r) => r.question === row.question && r.mode !== 'answer-cache')?.tools.length ? 1 : 0), 0);

const lines: string[] = [];
lines.push(`${rows.length} turns (${UPSTREAM_SCRIPT.length} questions × ${rounds} rounds, a new user and session per round), cold cache, ${values.redis ? 'Redis' : 'in-memory'} stores, offline engine, ChatBet provider against the local ChatBet-contract server.`);
lines.push('');
lines.push(`**Upstream calls: ${total}** (target ≤ 14). Answer cache: ${cached.length}/${rows.length} turns served (${((cached.length / rows.length) * 100).toFixed(0)}% hit rate), ${savedModelCalls} model calls saved.`);
lines.push('');
lines.push('| endpoint | calls |', '|---|---:|');
for (const [path, count] of Object.entries(endpoints).sort((a, b) => b[1] - a[1])) lines.push(`| \`${path}\` | ${count} |`);
lines.push('');
lines.push('| round | question | upstream calls | tools | answered by |', '|---:|---|---|---|---|');
for (const row of rows) {
  const calls = Object.entries(row.upstream).map(([path, count]) => `${path.replace('/sports/', '')} ×${count}`).join(', ') || '0';
  lines.push(`| ${row.round} | ${row.question} | ${calls} | ${row.tools.join(', ') || '—'} | ${row.mode} |`);
}
const report = lines.join('\n');
process.stdout.write(`${report}\n`);
if (process.env.BENCH_VERBOSE) for (const row of rows) process.stdout.write(`${row.round} ${row.question} → ${row.answer}\n`);
if (!values['no-write']) writeBenchmarkSection('Upstream calls and answer cache (bench:upstream)', report);
