/**
 * `npm run bench:tokens`: model tokens per chat turn on the Gemini path.
 *
 * The app runs in this process with Gemini pointed at the local Gemini-protocol server
 * (test/fakes), the embedded sports data and the answer cache off, and plays one conversation of
 * ten turns (the questions of bench:upstream plus two follow-ups). The fake model calls the tool a
 * real model would call for each question, then answers with a fixed text of typical length.
 *
 * Input tokens are counted on every request the server receives as Gemini bills them: the whole
 * request (system instruction, tool declarations and contents), estimated at 4 characters of its
 * JSON per token, the ratio Google documents for Gemini models (the local server's own
 * promptTokenCount counts the contents only). Output tokens: what the model sent, same ratio. The prompt prefix (system instruction + tool declarations) is hashed on
 * every request: one hash over the conversation means Gemini's implicit context caching can apply.
 */
import 'reflect-metadata';
import { createHash, randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { FakeGeminiServer, gemini, lastUserTextIn, type RecordedGeminiRequest, type ScriptedTurn } from '../test/fakes/fake-gemini-server.js';
import { writeBenchmarkSection } from './benchmarks-file.js';
import { SCRIPT_TOOL_CALLS, UPSTREAM_SCRIPT } from './upstream-script.js';
import { startInProcessApp } from './in-process-app.js';

const { values } = parseArgs({ options: { 'no-write': { type: 'boolean', default: false } } });

const CHARS_PER_TOKEN = 4;
// The same script measured before the prompt was made cacheable and trimmed (#14), for comparison.
const BEFORE = { inputPerTurn: 8689, prefixes: '10 distinct over 18 requests' };
// A typical answer: about 80 words.
const ANSWER =
  'Here is what I found from the current data. The match and the prices are listed below, with kick-off in your time zone. ' +
  'Home win is the favourite at the moment, the draw pays a little more and the away side is the outsider. ' +
  'Prices move before kick-off, so check again closer to the match. Remember: bet only what you can afford to lose.';

/** The conversation: the questions of bench:upstream, a follow-up, and two that need no data. */
const CONVERSATION: readonly string[] = [...UPSTREAM_SCRIPT.slice(0, 7), 'And the odds?', 'What can you do?', 'Thanks!'];

/** Characters of what the fake model answered, by request number, for the output estimate. */
const outputChars = new Map<number, number>();

/** The fake model's move: the question's tool call first, then the answer once the tool result is in. */
function modelTurn(request: RecordedGeminiRequest): ScriptedTurn {
  const last = request.body.contents.at(-1);
  const answered = last?.parts.some((part) => part.functionResponse !== undefined) ?? false;
  const text = lastUserTextIn(request);
  const question = CONVERSATION.find((turn) => text.includes(turn));
  const call = question === undefined ? undefined : SCRIPT_TOOL_CALLS[question];
  if (answered || call === undefined) {
    outputChars.set(request.seq, ANSWER.length);
    return gemini.text(ANSWER, { chunks: 3, delayMs: 0 });
  }
  outputChars.set(request.seq, JSON.stringify(call).length);
  return gemini.functionCall(call.name, call.args);
}

function requestTokens(request: RecordedGeminiRequest): number {
  const { systemInstruction, tools, contents } = request.body;
  return Math.ceil(JSON.stringify({ systemInstruction, tools, contents }).length / CHARS_PER_TOKEN);
}

function prefixHash(request: RecordedGeminiRequest): string {
  const { systemInstruction, tools } = request.body;
  return createHash('sha256').update(JSON.stringify({ systemInstruction, tools })).digest('hex').slice(0, 12);
}

const model = await FakeGeminiServer.start();
Object.assign(process.env, {
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'ERROR',
  ENVIRONMENT: 'development',
  RATE_LIMIT_REQUESTS: '1000000',
  CHAT_RATE_LIMIT_PER_MINUTE: '10000',
  GOOGLE_API_KEY: 'bench-key',
  GEMINI_BASE_URL: model.baseUrl,
  CHAT_ANSWER_CACHE: 'false',
  REDIS_KEY_PREFIX: `bench-tokens:${randomBytes(4).toString('hex')}:`,
});
for (const name of ['REDIS_URL', 'CHATBET_API_BASE_URL', 'GEMINI_MODEL', 'GEMINI_TEMPERATURE', 'GEMINI_THINKING_LEVEL']) delete process.env[name];

const { app, baseUrl } = await startInProcessApp();

interface Row {
  user: string;
  requests: number;
  input: number;
  output: number;
  prefixes: string[];
}

const rows: Row[] = [];
try {
  let sessionId: string | undefined;
  for (const user of CONVERSATION) {
    const before = model.requests.length;
    // Two model calls at most per turn here (the tool call and the answer); a move a turn did not use serves the next.
    while (model.pending < 2) model.script(gemini.compute(modelTurn));
    const response = await fetch(new URL('/api/v1/chat/message', baseUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ message: user, user_id: 'bench-tokens', time_zone: 'Europe/Madrid', ...(sessionId ? { session_id: sessionId } : {}) }),
    });
    const body = (await response.json()) as { session_id: string; mode: string };
    if (!response.ok || body.mode !== 'gemini') throw new Error(`turn "${user}" answered ${response.status} in mode ${body.mode}`);
    sessionId = body.session_id;
    const requests = model.requests.slice(before);
    if (process.env.BENCH_VERBOSE) {
      for (const r of requests) {
        const size = (value: unknown) => Math.ceil(JSON.stringify(value ?? null).length / CHARS_PER_TOKEN);
        const parts = r.body.contents.map((c) => `${c.role}:${size(c)}`).join(' ');
        process.stdout.write(`  #${r.seq} system ${size(r.body.systemInstruction)} tools ${size(r.body.tools)} contents ${size(r.body.contents)} [${parts}]\n`);
      }
    }
    rows.push(summarise(user, requests));
  }
} finally {
  await app.close();
  await model.close();
}

function summarise(user: string, requests: RecordedGeminiRequest[]): Row {
  return {
    user,
    requests: requests.length,
    input: requests.reduce((sum, r) => sum + requestTokens(r), 0),
    output: requests.reduce((sum, r) => sum + Math.ceil((outputChars.get(r.seq) ?? 0) / CHARS_PER_TOKEN), 0),
    prefixes: requests.map(prefixHash),
  };
}

const totalInput = rows.reduce((sum, row) => sum + row.input, 0);
const totalOutput = rows.reduce((sum, row) => sum + row.output, 0);
const prefixes = new Set(rows.flatMap((row) => row.prefixes));
const lines = [
  `One conversation of ${rows.length} turns on the Gemini path (local Gemini-protocol server, embedded data, answer cache off). Input tokens: the whole request (system instruction + tool declarations + contents) at ${CHARS_PER_TOKEN} characters of JSON per token; output: what the model sent (answer text or function call), same ratio.`,
  '',
  `**Input tokens per turn: ${Math.round(totalInput / rows.length)}** (total ${totalInput}); output tokens per turn: ${Math.round(totalOutput / rows.length)}. Prompt prefix (system instruction + tools): ${prefixes.size} distinct over ${rows.reduce((s, r) => s + r.requests, 0)} requests${prefixes.size === 1 ? ' (byte-stable)' : ''}.`,
  '',
  `Before (#14): ${BEFORE.inputPerTurn} input tokens per turn, prefix ${BEFORE.prefixes}; now ${(((totalInput / rows.length - BEFORE.inputPerTurn) / BEFORE.inputPerTurn) * 100).toFixed(1)}%.`,
  '',
  '| turn | message | model calls | input tokens | output tokens |',
  '|---:|---|---:|---:|---:|',
  ...rows.map((row, i) => `| ${i + 1} | ${row.user} | ${row.requests} | ${row.input} | ${row.output} |`),
];
const report = lines.join('\n');
process.stdout.write(`${report}\n`);
if (!values['no-write']) writeBenchmarkSection('Model tokens per turn on the Gemini path (bench:tokens)', report);
