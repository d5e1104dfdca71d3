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
 * Options: --redis URL (answer and data caches on Redis; default in memory), --engine gemini (the
 * Gemini path against the local Gemini-protocol server, whose requests are the model calls, each
 * question answered with the tool call a model would make), --no-write.
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { FakeChatBetServer } from '../test/fakes/fake-chatbet-server.js';
import { FakeGeminiServer, gemini, lastUserTextIn, type RecordedGeminiRequest, type ScriptedTurn } from '../test/fakes/fake-gemini-server.js';
import { writeBenchmarkSection } from './benchmarks-file.js';
import { SCRIPT_TOOL_CALLS, UPSTREAM_SCRIPT } from './upstream-script.js';
import { startInProcessApp } from './in-process-app.js';

const { values } = parseArgs({
  options: {
    redis: { type: 'string' },
    'no-write': { type: 'boolean', default: false },
    rounds: { type: 'string', default: '3' },
    engine: { type: 'string', default: 'offline' },
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
  modelCalls?: number;
  question: string;
  upstream: Record<string, number>;
  tools: string[];
  mode: string;
  answer: string;
}

const rounds = Math.max(1, Number(values.rounds) || 3);
const onGemini = values.engine === 'gemini';
const upstream = await FakeChatBetServer.start();
const model = onGemini ? await FakeGeminiServer.start() : undefined;

/** The fake model's move: the question's tool call first, then a short answer once the result is in. */
function modelTurn(request: RecordedGeminiRequest): ScriptedTurn {
  const answered = request.body.contents.at(-1)?.parts.some((part) => part.functionResponse !== undefined) ?? false;
  const text = lastUserTextIn(request);
  const call = Object.entries(SCRIPT_TOOL_CALLS).find(([question]) => text.endsWith(question))?.[1];
  return answered || call === undefined ? gemini.text('Here is what the data says.', { delayMs: 0 }) : gemini.functionCall(call.name, call.args);
}
const runId = randomBytes(4).toString('hex');

Object.assign(process.env, {
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'ERROR',
  ENVIRONMENT: 'development',
  RATE_LIMIT_REQUESTS: '1000000',
  CHAT_RATE_LIMIT_PER_MINUTE: '10000',
  CHATBET_API_BASE_URL: upstream.url,
  REDIS_KEY_PREFIX: `bench-upstream:${runId}:`,
});
if (model) Object.assign(process.env, { GOOGLE_API_KEY: 'bench-key', GEMINI_BASE_URL: model.baseUrl });
else delete process.env.GOOGLE_API_KEY;
for (const name of ['GEMINI_MODEL', 'GEMINI_TEMPERATURE', 'GEMINI_THINKING_LEVEL', 'LLM_PROVIDER']) delete process.env[name];
if (values.redis) process.env.REDIS_URL = values.redis;
else delete process.env.REDIS_URL;

// Started once the environment is set: configuration is read when the modules load.
const { app, baseUrl } = await startInProcessApp();

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
      const modelBefore = model?.requests.length ?? 0;
      if (model) while (model.pending < 2) model.script(gemini.compute(modelTurn));
      const answer = await ask(question, userId, sessionId);
      sessionId = answer.session_id;
      rows.push({
        round,
        question,
        ...(model ? { modelCalls: model.requests.length - modelBefore } : {}),
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
  await model?.close();
}

const total = rows.reduce((sum, row) => sum + Object.values(row.upstream).reduce((a, b) => a + b, 0), 0);
const endpoints: Record<string, number> = {};
for (const row of rows) for (const [path, count] of Object.entries(row.upstream)) endpoints[path] = (endpoints[path] ?? 0) + count;
const cached = rows.filter((row) => row.mode === 'answer-cache');
// A turn the cache served would have taken the model calls the same question took when it was not
// cached: counted on the Gemini server, or one per tool round plus the answer for the offline engine.
const callsWhenAnswered = (question: string): number => {
  const answered = rows.find((r) => r.question === question && r.mode !== 'answer-cache');
  return answered?.modelCalls ?? 1 + (answered?.tools.length ? 1 : 0);
};
const savedModelCalls = cached.reduce((sum, row) => sum + callsWhenAnswered(row.question), 0);
const modelCalls = rows.reduce((sum, row) => sum + (row.modelCalls ?? 0), 0);

const lines: string[] = [];
lines.push(`${rows.length} turns (${UPSTREAM_SCRIPT.length} questions × ${rounds} rounds, a new user and session per round), cold cache, ${values.redis ? 'Redis' : 'in-memory'} stores, ${onGemini ? 'Gemini path (local Gemini-protocol server)' : 'offline engine'}, ChatBet provider against the local ChatBet-contract server.`);
lines.push('');
lines.push(`**Upstream calls: ${total}** (target ≤ 14). Answer cache: ${cached.length}/${rows.length} turns served (${((cached.length / rows.length) * 100).toFixed(0)}% hit rate), ${savedModelCalls} model calls saved${onGemini ? ` (${modelCalls} Gemini requests made)` : ''}.`);
lines.push('');
// The same script measured before the listing cache, targeted team lookup, single flight and answer cache (#14).
lines.push('Before (#14, offline engine): 33 upstream calls (23 `sports-fixtures`; "When does Barcelona play next?" 9 calls, then 2 more on every repeat), no answer cache.');
lines.push('');
lines.push('| endpoint | calls |', '|---|---:|');
for (const [path, count] of Object.entries(endpoints).sort((a, b) => b[1] - a[1])) lines.push(`| \`${path}\` | ${count} |`);
lines.push('');
lines.push(`| round | question | upstream calls | tools | answered by |${onGemini ? ' model calls |' : ''}`, `|---:|---|---|---|---|${onGemini ? '---:|' : ''}`);
for (const row of rows) {
  const calls = Object.entries(row.upstream).map(([path, count]) => `${path.replace('/sports/', '')} ×${count}`).join(', ') || '0';
  lines.push(`| ${row.round} | ${row.question} | ${calls} | ${row.tools.join(', ') || '—'} | ${row.mode} |${row.modelCalls === undefined ? '' : ` ${row.modelCalls} |`}`);
}
const report = lines.join('\n');
process.stdout.write(`${report}\n`);
if (process.env.BENCH_VERBOSE) for (const row of rows) process.stdout.write(`${row.round} ${row.question} → ${row.answer}\n`);
if (!values['no-write']) writeBenchmarkSection(`Upstream calls and answer cache (bench:upstream${onGemini ? ' --engine gemini' : ''})`, report);
