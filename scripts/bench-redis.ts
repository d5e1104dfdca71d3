/**
 * Redis work per chat turn, on the REST path and the Socket.IO path.
 *
 *   npm run bench:redis [-- --turns 20 --sessions 4]
 *
 * Starts a private redis-server (so `INFO commandstats` counts this application and nothing else;
 * `--redis-url` uses another one, whose other clients then show in the figures), puts a counting
 * proxy between it and the application (scripts/redis-counting-proxy.ts) and runs the application
 * in this process (production mode, scripted zero-latency model). Turns are sent one at a time, so
 * everything Redis does meanwhile belongs to the turn. Per turn it prints:
 * - commands the application sends (read from the wire by the proxy; a script call is one), by name;
 * - commands Redis executes (`INFO commandstats`, which also counts those run inside scripts);
 * - round trips (batches the client flushed and waited on) before the first token and in total.
 * The Socket.IO Redis Streams adapter's own traffic (XADD/XREAD, on its own connections) is
 * counted apart. Records the figures in BENCHMARKS.md.
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { createClient } from 'redis';
import { io, type Socket } from 'socket.io-client';
import { DisposableRedis, freePort } from '../test/support/redis-server.js';
import { writeBenchmarkSection } from './benchmarks-file.js';
import { ADAPTER_COMMANDS, type ConnectionCounts, type ProxyTotals, RedisCountingProxy } from './redis-counting-proxy.js';

const { values } = parseArgs({
  options: {
    turns: { type: 'string', default: '20' },
    sessions: { type: 'string', default: '4' },
    'redis-url': { type: 'string' },
  },
});
const turns = Number(values.turns);
const sessions = Number(values.sessions);
if (!Number.isInteger(turns) || turns < 1 || !Number.isInteger(sessions) || sessions < 1 || turns % sessions !== 0) {
  fail('--turns and --sessions must be positive integers, --turns a multiple of --sessions');
}
const TARGET_COMMANDS = 12;
const TARGET_ROUND_TRIPS_BEFORE_FIRST_TOKEN = 4;
/** Commands the benchmark itself sends to read the figures. */
const OWN_COMMANDS = new Set(['info', 'config', 'hello', 'client', 'ping', 'select']);
const QUESTIONS = ['When does Barcelona play next?', 'Odds for Juventus vs Milan?', 'How much would I win with 50 on Chelsea?', 'Who is favourite in Real Madrid vs Sevilla?'];

function fail(message: string): never {
  process.stderr.write(`bench:redis: ${message}\n`);
  process.exit(1);
}

// ---------------------------------------------------------------- Redis and the application

const privateRedis = values['redis-url'] ? undefined : await DisposableRedis.start().catch((error: Error) => fail(`could not start redis-server (${error.message}); pass --redis-url`));
const target = new URL(values['redis-url'] ?? `redis://127.0.0.1:${privateRedis!.port}`);
const db = target.pathname.replace('/', '') || '0';
const proxy = new RedisCountingProxy(target.hostname, Number(target.port || 6379));
const proxyPort = await proxy.listen();
const stats = createClient({ url: target.toString() });
await stats.connect();

const appPort = await freePort();
Object.assign(process.env, {
  PORT: String(appPort),
  ENVIRONMENT: 'production',
  SECRET_KEY: process.env.SECRET_KEY ?? randomBytes(24).toString('hex'),
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'WARNING',
  LLM_PROVIDER: 'scripted',
  REDIS_URL: `redis://127.0.0.1:${proxyPort}/${db}`,
  REDIS_KEY_PREFIX: `bench-redis:${randomBytes(4).toString('hex')}:`,
  RATE_LIMIT_REQUESTS: '1000000',
  CHAT_RATE_LIMIT_PER_MINUTE: '10000',
});
delete process.env.REDIS_HOST;
// Imported once the environment is set: configuration is read when the modules load.
const { NestFactory } = await import('@nestjs/core');
const { assertValidEnvironment } = await import('@app/config');
const { ChatService } = await import('@app/chat');
const { AppModule } = await import('../apps/api/src/app.module.js');
const { configureApp } = await import('../apps/api/src/configure-app.js');
const { createHttpAdapter } = await import('../apps/api/src/http-adapter.js');
assertValidEnvironment();
const app = await NestFactory.create(AppModule, createHttpAdapter(), { bufferLogs: true });
configureApp(app as never);
await app.listen(appPort, '127.0.0.1');
const base = `http://127.0.0.1:${appPort}`;

// The moment of the first token, seen inside the service (the client sees it a little later).
const chat = app.get(ChatService);
const turn = chat.turn.bind(chat);
let onFirstToken: (() => void) | undefined;
chat.turn = (request, onToken) =>
  turn(request, (delta, index) => {
    if (index === 0) onFirstToken?.();
    onToken?.(delta, index);
  });

const isApp = (c: ConnectionCounts) => ![...c.commands.keys()].some((name) => ADAPTER_COMMANDS.has(name));
const isAdapter = (c: ConnectionCounts) => !isApp(c);

// ---------------------------------------------------------------- measuring

interface PathFigures {
  path: string;
  turns: number;
  sent: Record<string, number>;
  executed: Record<string, number>;
  adapterSent: Record<string, number>;
  beforeFirstToken: number[];
  roundTrips: number[];
}

type SendTurn = (session: number, text: string) => Promise<void>;

async function measure(path: string, send: SendTurn): Promise<PathFigures> {
  // Warm-up (scripts loaded into Redis, connections open), not counted.
  for (let s = 0; s < sessions; s++) await send(s, `warm-up ${s}`);
  await sleep(50);
  await stats.configResetStat();
  const appStart = proxy.totals(isApp);
  const adapterStart = proxy.totals(isAdapter);
  const beforeFirstToken: number[] = [];
  const roundTrips: number[] = [];
  for (let i = 0; i < turns; i++) {
    const started = proxy.totals(isApp).writes;
    let atFirstToken: number | undefined;
    onFirstToken = () => (atFirstToken ??= proxy.totals(isApp).writes);
    await send(i % sessions, `${QUESTIONS[i % QUESTIONS.length]} (${i})`);
    // Anything the turn leaves to finish after its answer is counted with it.
    await sleep(10);
    const ended = proxy.totals(isApp).writes;
    beforeFirstToken.push((atFirstToken ?? ended) - started);
    roundTrips.push(ended - started);
  }
  onFirstToken = undefined;
  const executed = parseCommandStats(await stats.info('commandstats'));
  return {
    path,
    turns,
    sent: difference(proxy.totals(isApp), appStart),
    executed,
    adapterSent: difference(proxy.totals(isAdapter), adapterStart),
    beforeFirstToken,
    roundTrips,
  };
}

const token = ((await (await fetch(`${base}/api/v1/auth/generate_token`, { method: 'POST' })).json()) as { token: string }).token;
const sessionIds = (label: string) => Array.from({ length: sessions }, (_, s) => `bench_${label}_${s}_${randomBytes(4).toString('hex')}`);

let exitCode = 0;
const sockets: Socket[] = [];
try {
  const restSessions = sessionIds('rest');
  const rest = await measure('REST `POST /api/v1/chat/message`', async (session, text) => {
    const res = await fetch(`${base}/api/v1/chat/message`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ message: text, session_id: restSessions[session] }),
    });
    if (!res.ok) throw new Error(`chat turn answered ${res.status}: ${await res.text()}`);
    await res.json();
  });

  const socketSessions = sessionIds('socket');
  for (const sessionId of socketSessions) sockets.push(await connectSocket(sessionId));
  let sequence = 0;
  const socket = await measure('Socket.IO `/chat` `user_message`', (session, text) => socketTurn(sockets[session], text, `m${sequence++}`));

  const report = buildReport([rest, socket]);
  process.stdout.write(`\n${report}\n`);
  writeBenchmarkSection('Redis work per chat turn (`npm run bench:redis`)', report);
} catch (error) {
  process.stderr.write(`bench:redis failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  exitCode = 1;
} finally {
  for (const socket of sockets) socket.disconnect();
  await app.close();
  await stats.close();
  await proxy.close();
  await privateRedis?.down();
}
process.exit(exitCode);

// ---------------------------------------------------------------- Socket.IO client

function connectSocket(sessionId: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = io(`${base}/chat`, { transports: ['websocket'], reconnection: false, forceNew: true, auth: { token, session_id: sessionId } });
    socket.once('connection_status', (payload: { status?: string }) =>
      payload?.status === 'connected' ? resolve(socket) : reject(new Error(`socket status ${payload?.status}`)),
    );
    socket.once('connect_error', (error) => reject(error));
  });
}

function socketTurn(socket: Socket, text: string, messageId: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAnswer = (payload: { message_id?: string }) => {
      if (payload?.message_id !== messageId) return;
      socket.off('bot_response', onAnswer);
      resolve();
    };
    socket.on('bot_response', onAnswer);
    socket.emit('user_message', { content: text, message_id: messageId }, (ack: { status?: string; error_code?: string }) => {
      if (ack?.status !== 'accepted') reject(new Error(`message ${messageId} ${ack?.status} ${ack?.error_code ?? ''}`));
    });
  });
}

// ---------------------------------------------------------------- report

function buildReport(paths: PathFigures[]): string {
  const table = [
    '| path | turns | commands sent per turn (a script call is one) | commands executed per turn (`INFO commandstats`, inside scripts too) | round trips before the first token (mean / max) | round trips per turn (mean / max) | Socket.IO adapter commands per turn |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...paths.map((p) => {
      const adapterExecuted = sumOf(p.executed, (name) => ADAPTER_COMMANDS.has(name.toUpperCase()));
      return `| ${p.path} | ${p.turns} | ${perTurn(sum(p.sent), p.turns)} | ${perTurn(sum(p.executed) - adapterExecuted, p.turns)} | ${mean(p.beforeFirstToken)} / ${Math.max(...p.beforeFirstToken)} | ${mean(p.roundTrips)} / ${Math.max(...p.roundTrips)} | ${perTurn(sum(p.adapterSent), p.turns)} |`;
    }),
  ].join('\n');
  const breakdown = paths.flatMap((p) => [
    `- ${p.path}, sent per turn: ${byName(p.sent, p.turns)}`,
    `- ${p.path}, executed per turn: ${byName(
      Object.fromEntries(Object.entries(p.executed).filter(([name]) => !ADAPTER_COMMANDS.has(name.toUpperCase()))),
      p.turns,
    )}${sum(p.adapterSent) > 0 ? `; Socket.IO adapter: ${byName(p.adapterSent, p.turns)}` : ''}`,
  ]);
  const verdicts = paths.flatMap((p) => [
    `${p.path}: ≤ ${TARGET_COMMANDS} commands per turn, counted by INFO commandstats (inside scripts too): ${executedByApp(p) / p.turns <= TARGET_COMMANDS ? 'met' : 'NOT met'} (${perTurn(executedByApp(p), p.turns)} executed; ${perTurn(sum(p.sent), p.turns)} sent${sum(p.adapterSent) > 0 ? `; plus ${perTurn(sum(p.adapterSent), p.turns)} of the Socket.IO adapter` : ''})`,
    `${p.path}: ≤ ${TARGET_ROUND_TRIPS_BEFORE_FIRST_TOKEN} round trips before the first token: ${Math.max(...p.beforeFirstToken) <= TARGET_ROUND_TRIPS_BEFORE_FIRST_TOKEN ? 'met' : 'NOT met'} (at most ${Math.max(...p.beforeFirstToken)})`,
  ]);
  return [
    `Run ${new Date().toISOString()}; ${turns} turns per path, one at a time, over ${sessions} sessions of one token-holding user (each session already open: a warm-up turn each, not counted); LLM_PROVIDER=scripted, ENVIRONMENT=production, rate limits on. Redis: ${privateRedis ? 'a private redis-server started for the run' : `${redact(target.toString())} (other clients of it show in the executed figures)`}.`,
    'Sent = what the application writes to Redis, read from the wire by a counting proxy (a script call counts as one command). Executed = `INFO commandstats` over the same turns (a script call and every command it runs). A round trip is one batch the client flushes and waits on; "before the first token" is up to the model\'s first token inside the service. The Socket.IO Redis Streams adapter (every event of a turn goes through a stream, on its own connections) is counted apart.',
    '',
    table,
    '',
    ...breakdown,
    '',
    'Targets:',
    '',
    ...verdicts.map((line) => `- ${line}`),
    '',
    'Reproduce: `npm run bench:redis` (needs `redis-server` on PATH, or `-- --redis-url redis://host:port/db`).',
  ].join('\n');
}

function difference(after: ProxyTotals, before: ProxyTotals): Record<string, number> {
  const result: Record<string, number> = {};
  for (const [name, n] of Object.entries(after.commands)) {
    const delta = n - (before.commands[name] ?? 0);
    if (delta > 0) result[name] = delta;
  }
  return result;
}

function parseCommandStats(info: string): Record<string, number> {
  const result: Record<string, number> = {};
  for (const line of info.split('\n')) {
    const match = /^cmdstat_([^:]+):calls=(\d+)/.exec(line.trim());
    if (!match) continue;
    const name = match[1].split('|')[0];
    if (OWN_COMMANDS.has(name)) continue;
    result[name.toUpperCase()] = (result[name.toUpperCase()] ?? 0) + Number(match[2]);
  }
  return result;
}

function sum(counts: Record<string, number>): number {
  return Object.values(counts).reduce((a, b) => a + b, 0);
}

/** Commands Redis executed for the application (the Socket.IO adapter's XADD/XREAD are counted apart). */
function executedByApp(p: PathFigures): number {
  return sum(p.executed) - sumOf(p.executed, (name) => ADAPTER_COMMANDS.has(name.toUpperCase()));
}

function sumOf(counts: Record<string, number>, pick: (name: string) => boolean): number {
  return Object.entries(counts).reduce((a, [name, n]) => a + (pick(name) ? n : 0), 0);
}

function byName(counts: Record<string, number>, n: number): string {
  const entries = Object.entries(counts).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return entries.length === 0 ? 'none' : entries.map(([name, count]) => `${name} ${perTurn(count, n)}`).join(', ');
}

function perTurn(count: number, n: number): string {
  const value = count / n;
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}

function mean(list: number[]): string {
  return perTurn(list.reduce((a, b) => a + b, 0), list.length);
}

function redact(url: string): string {
  return url.replace(/\/\/([^@/]*)@/, '//***@');
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
