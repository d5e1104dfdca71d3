/**
 * The service's own overhead on the Socket.IO chat, at scale.
 *
 *   npm run bench:ws [-- --connections 10000 --chatters 1000 --interval 5 --duration 30 --store redis|memory|both]
 *
 * Forks the server (production mode, scripted zero-latency model) and a load generator as separate
 * processes: first with Redis as deployed (REDIS_URL, default redis://127.0.0.1:6379/9, a database of
 * the benchmark's own; the run's keys are deleted afterwards), then in memory, each written to its
 * own section of BENCHMARKS.md (`--store` runs one of them). The generator opens N Socket.IO
 * connections to /chat (WebSocket transport); the server's RSS before and after gives the memory
 * per idle connection. Then M of them chat, one message every few seconds each, in tiers of
 * 10/100/500/1,000 users, measuring send → first streamed chunk and send → bot_response. Prints
 * the figures and records them in BENCHMARKS.md with the targets met or not.
 *
 * --profile writes a CPU profile of the server (bench-profiles/); --heap-snapshot writes heap
 * snapshots of the server before connecting, holding the N idle connections and after the chat
 * (in bench-profiles/; they take a while and inflate the RSS figures of that run).
 */
import { type ChildProcess, fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createClient } from 'redis';
import type { ChatResult, ClientReply, ClientRequest, ConnectResult, ServerMemory, ServerReply, ServerRequest } from './bench-ws-ipc.js';
import { writeBenchmarkSection } from './benchmarks-file.js';

const { values } = parseArgs({
  options: {
    connections: { type: 'string', default: '2000' },
    chatters: { type: 'string' },
    interval: { type: 'string', default: '5' },
    duration: { type: 'string', default: '30' },
    'tier-duration': { type: 'string', default: '15' },
    port: { type: 'string', default: '8299' },
    profile: { type: 'boolean', default: false },
    'heap-snapshot': { type: 'boolean', default: false },
    store: { type: 'string', default: 'both' },
    // Off by default: the bench repeats four public questions, which the answer cache would serve
    // without running a turn, so the figures would measure cache hits instead of the turn path.
    'answer-cache': { type: 'boolean', default: false },
  },
});
const connections = positive('connections');
const chatters = values.chatters === undefined ? Math.min(connections, 1000) : positive('chatters');
const intervalMs = positive('interval') * 1000;
const durationMs = positive('duration') * 1000;
const tierDurationMs = positive('tier-duration') * 1000;
const port = positive('port');
const logLevel = process.env.LOG_LEVEL ?? 'WARNING';
/** WS_MAX_CONNECTIONS_PER_IP cannot go higher, and every client of the benchmark comes from 127.0.0.1. */
const MAX_CONNECTIONS = 10_000;
const TIERS = [10, 100, 500, 1000];
const PROFILE_DIR = resolve(process.cwd(), 'bench-profiles');
const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379/9';
const TURN_P99_TARGET_MS = 50;
const FIRST_TOKEN_P99_TARGET_MS = 15;

function positive(name: keyof typeof values): number {
  const value = Number(values[name]);
  if (!Number.isInteger(value) || value < 1) fail(`--${name} must be a positive integer (got "${String(values[name])}")`);
  return value;
}

function fail(message: string): never {
  process.stderr.write(`bench:ws: ${message}\n`);
  process.exit(1);
}

if (!['redis', 'memory', 'both'].includes(values.store)) fail(`--store is redis, memory or both (got "${values.store}")`);
if (connections > MAX_CONNECTIONS) fail(`--connections is at most ${MAX_CONNECTIONS} (WS_MAX_CONNECTIONS_PER_IP's maximum; all clients share 127.0.0.1)`);
if (chatters > connections) fail('--chatters cannot be more than --connections');
if (intervalMs < 2000) fail('--interval is at least 2 seconds (the same text twice within 2 s is refused as a duplicate)');

// Each process holds one descriptor per socket (the server its N accepted sockets, the generator
// its N client sockets) plus a few dozen of its own; both inherit this process's limit.
const fdLimit = openFileLimit();
const fdNeeded = connections + 200;
if (fdLimit !== undefined && fdLimit < fdNeeded) {
  fail(`the open-file limit is ${fdLimit}; ${connections} connections need at least ${fdNeeded} in each process. Raise it first (ulimit -n ${Math.max(fdNeeded, 25_000)}).`);
}

// ---------------------------------------------------------------- processes

function start(script: string, env: NodeJS.ProcessEnv, execArgv: string[]): ChildProcess {
  return fork(resolve(process.cwd(), 'dist/scripts', script), [], { env, execArgv, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
}

type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

let nextId = 1;
function ask<R extends { id: number }>(child: ChildProcess, request: WithoutId<ServerRequest | ClientRequest>): Promise<R> {
  const id = nextId++;
  return new Promise((done, failed) => {
    const onMessage = (message: R) => {
      if (message.id !== id) return;
      child.off('message', onMessage);
      child.off('exit', onExit);
      done(message);
    };
    const onExit = (code: number | null) => failed(new Error(`${String(child.spawnargs.at(-1))} exited with ${code}`));
    child.on('message', onMessage);
    child.once('exit', onExit);
    child.send({ ...request, id });
  });
}

type Store = 'redis' | 'memory';
const stores: Store[] = values.store === 'both' ? ['redis', 'memory'] : [values.store as Store];
// Its own database, so the run's keys (under a prefix of their own, deleted afterwards) meet no test's.
const redisUrl = process.env.REDIS_URL ?? DEFAULT_REDIS_URL;
const serverArgs = ['--expose-gc', ...(values.profile ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : [])];
if (values.profile || values['heap-snapshot']) mkdirSync(PROFILE_DIR, { recursive: true });

interface Tier {
  chatters: number;
  durationMs: number;
  result: ChatResult;
  server: ServerMemory;
}

let exitCode = 0;
for (const store of stores) {
  if (!(await runOn(store))) exitCode = 1;
}
process.exit(exitCode);

/** One full run (connect, hold, chat in tiers) against a server on `store`; false when it failed. */
async function runOn(store: Store): Promise<boolean> {
  const redisPrefix = `bench-ws:${randomBytes(4).toString('hex')}:`;
  log(`\n${store === 'redis' ? `on Redis (${redact(redisUrl)})` : 'in memory'}:`);
  const server = start(
    'bench-ws-server.js',
    {
      ...process.env,
      PORT: String(port),
      ENVIRONMENT: 'production',
      SECRET_KEY: process.env.SECRET_KEY ?? randomBytes(24).toString('hex'),
      LOG_LEVEL: logLevel,
      LLM_PROVIDER: 'scripted',
      CHAT_ANSWER_CACHE: String(values['answer-cache']),
      ...(store === 'redis' ? { REDIS_URL: redisUrl, REDIS_KEY_PREFIX: redisPrefix } : { REDIS_URL: undefined, REDIS_HOST: undefined }),
      // Raised for the benchmark: every client comes from 127.0.0.1, and chatters send faster than people do.
      WS_MAX_CONNECTIONS_PER_IP: String(MAX_CONNECTIONS),
      CHAT_RATE_LIMIT_PER_MINUTE: '10000',
    },
    serverArgs,
  );
  const client = start('bench-ws-client.js', { ...process.env }, ['--max-old-space-size=4096']);

  /** With --heap-snapshot: a heap snapshot of the server, after a full GC. */
  async function heapSnapshot(moment: string): Promise<void> {
    if (!values['heap-snapshot']) return;
    const path = resolve(PROFILE_DIR, `server-${store}-${connections}-${moment}.heapsnapshot`);
    await ask(server, { type: 'heap-snapshot', path });
    log(`heap snapshot: ${path}`);
  }

  const serverMemory = (gc: boolean) => ask<Extract<ServerReply, { type: 'memory' }>>(server, { type: 'memory', gc });
  const resetServer = () => ask(server, { type: 'reset' });

  const loadAtStart = loadavg()[0];
  try {
    const ready = await new Promise<Extract<ServerReply, { type: 'ready' }>>((done, failed) => {
      server.once('message', (message: ServerReply) => (message.type === 'ready' ? done(message) : failed(new Error('unexpected first message'))));
      server.once('exit', (code) => failed(new Error(`bench server exited with ${code}`)));
    });
    if (ready.modes.redis !== store) throw new Error(`the server runs on ${ready.modes.redis}, not ${store} (is Redis at ${redact(redisUrl)} up?)`);
    const url = `http://127.0.0.1:${port}`;
    log(`server up: redis=${ready.modes.redis}, llm=${ready.modes.llm}, log level ${ready.logLevel}; open-file limit ${fdLimit ?? 'unknown'}`);
    const before = await serverMemory(true);
    await heapSnapshot('before');
    log(`connecting ${connections} clients…`);
    const connect = await ask<Extract<ClientReply, { type: 'connected' }>>(client, { type: 'connect', url, count: connections, concurrency: 200, timeoutMs: 20_000 });
    log(`connected ${connect.connected}/${connect.attempted} in ${(connect.durationMs / 1000).toFixed(1)} s${failureText(connect.failures)}`);
    await sleep(2_000);
    const idle = await serverMemory(true);
    await heapSnapshot('idle');

    const sizes = [...TIERS.filter((size) => size < chatters), chatters];
    const tiers: Tier[] = [];
    for (const size of sizes) {
      const tierMs = size === chatters ? durationMs : tierDurationMs;
      log(`${size} chatting for ${tierMs / 1000} s (one message every ${intervalMs / 1000} s each)…`);
      await resetServer();
      const result = await ask<Extract<ClientReply, { type: 'chatted' }>>(client, {
        type: 'chat',
        chatters: size,
        durationMs: tierMs,
        intervalMs,
        drainMs: 15_000,
        label: `t${size}`,
      });
      const tier = { chatters: size, durationMs: tierMs, result, server: await serverMemory(false) };
      tiers.push(tier);
      log(tierLine(tier));
    }
    const end = await serverMemory(false);
    const retained = await serverMemory(true);
    await heapSnapshot('after-chat');
    await ask(client, { type: 'close' });

    const report = buildReport(store, ready.modes.redis, loadAtStart, connect, before, idle, end, retained, tiers);
    process.stdout.write(`\n${report.console}\n`);
    const where = store === 'redis' ? 'on Redis' : 'in memory';
    const command = `npm run bench:ws${connections === 2000 ? '' : ` -- --connections ${connections}`}`;
    writeBenchmarkSection(`WebSocket chat ${where}, ${connections.toLocaleString('en-US')} connections (\`${command}\`)`, report.markdown);
    return true;
  } catch (error) {
    process.stderr.write(`bench:ws failed: ${error instanceof Error ? error.message : String(error)}\n`);
    return false;
  } finally {
    client.kill('SIGTERM');
    server.kill('SIGTERM');
    await Promise.all([exited(server), exited(client)]);
    if (store === 'redis') await deleteKeys(redisPrefix);
  }
}

/** Deletes what the run left in Redis (every key under its prefix). */
async function deleteKeys(prefix: string): Promise<void> {
  const redis = createClient({ url: redisUrl });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    let batch: string[] = [];
    for await (const keys of redis.scanIterator({ MATCH: `${prefix}*`, COUNT: 1000 })) {
      batch.push(...keys);
      if (batch.length >= 1000) {
        await redis.unlink(batch);
        batch = [];
      }
    }
    if (batch.length > 0) await redis.unlink(batch);
  } catch (error) {
    process.stderr.write(`bench:ws: could not delete the run's keys (${prefix}*): ${String(error)}\n`);
  } finally {
    if (redis.isOpen) redis.destroy();
  }
}

// ---------------------------------------------------------------- report

function buildReport(
  store: Store,
  redisMode: string,
  loadAtStart: number,
  connect: ConnectResult,
  before: ServerMemory,
  idle: ServerMemory,
  end: ServerMemory,
  retained: ServerMemory,
  tiers: Tier[],
): { console: string; markdown: string } {
  const main = tiers[tiers.length - 1];
  const connectRate = connect.connected / connect.attempted;
  const perConnectionKb = (idle.rss - before.rss) / connect.connected / 1024;
  const heapPerConnectionKb = (idle.heapUsed - before.heapUsed) / connect.connected / 1024;
  const turnP99 = percentile(main.result.turnMs, 99);
  const firstP99 = percentile(main.result.firstTokenMs, 99);
  const allAnswered = tiers.every((t) => t.result.answered === t.result.sent && errorCount(t.result.errors) === 0);
  const dropped = tiers.reduce((sum, t) => sum + t.result.disconnects, 0);
  const held = connect.connected === connect.attempted && main.result.open === connect.connected;
  const peakRss = Math.max(end.maxRss, ...tiers.map((t) => t.server.maxRss));

  const summary = [
    `connections: ${connect.connected}/${connect.attempted} connected (${pct(connectRate)}) in ${(connect.durationMs / 1000).toFixed(1)} s${failureText(connect.failures)}; ${main.result.open} still open at the end, ${dropped} dropped while chatting`,
    `server RSS: ${mb(before.rss)} before, ${mb(idle.rss)} with ${connect.connected} idle connections (after a full GC), peak ${mb(peakRss)} while chatting, ${mb(retained.rss)} after it (after a full GC; JS heap ${mb(retained.heapUsed)} used of ${mb(retained.heapTotal)}, external ${mb(retained.external)}); ${idle.fds} open files with the idle connections`,
    `per idle connection: ${perConnectionKb.toFixed(1)} KB RSS, ${heapPerConnectionKb.toFixed(1)} KB JS heap`,
    `main run (${main.chatters} chatting, ${main.durationMs / 1000} s): turn p50/p95/p99 ${ms(percentile(main.result.turnMs, 50))}/${ms(percentile(main.result.turnMs, 95))}/${ms(turnP99)} ms, first token p50/p99 ${ms(percentile(main.result.firstTokenMs, 50))}/${ms(firstP99)} ms, errors ${errorCount(main.result.errors)}${failureText(main.result.errors)}`,
  ];
  const table = [
    '| chatting users | turns sent | answered | success | turn p50 / p95 / p99 ms | first token p50 / p99 ms | server response_time_ms p50 / p99 | errors | server CPU | server loop delay p99 / max ms | server GC pauses (longest) | load generator CPU |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...tiers.map((t) => {
      const { chatters: size, result: r, server: s } = t;
      return [
        size,
        r.sent,
        r.answered,
        pct(r.sent === 0 ? 0 : r.answered / r.sent),
        `${ms(percentile(r.turnMs, 50))} / ${ms(percentile(r.turnMs, 95))} / ${ms(percentile(r.turnMs, 99))}`,
        `${ms(percentile(r.firstTokenMs, 50))} / ${ms(percentile(r.firstTokenMs, 99))}`,
        `${ms(percentile(r.serverMs, 50))} / ${ms(percentile(r.serverMs, 99))}`,
        `${errorCount(r.errors)}${failureText(r.errors)}`,
        `${Math.round(s.cpuPercent)}%`,
        `${ms(s.loopDelayP99Ms)} / ${ms(s.loopDelayMaxMs)}`,
        `${pct(s.gcPauseMs / t.durationMs)} (${ms(s.gcMaxPauseMs)} ms)`,
        `${Math.round(r.clientCpuPercent)}%`,
      ].join(' | ');
    }).map((row) => `| ${row} |`),
  ].join('\n');

  const verdicts = [
    connect.attempted >= 10_000
      ? `10,000 connections held: ${held && dropped === 0 ? 'met' : 'NOT met'} (${main.result.open} of ${connect.attempted} open at the end)`
      : `10,000 connections held: not measured by this run (${connect.attempted} connections; run with --connections 10000)`,
    chatters >= 1000
      ? `1,000 chatting: ${main.result.answered === main.result.sent && errorCount(main.result.errors) === 0 ? 'met' : 'NOT met'} (${main.chatters} chatting, ${main.result.answered}/${main.result.sent} answered)`
      : `1,000 chatting: not measured by this run (${chatters} chatting)`,
    `100% success: ${connectRate === 1 && allAnswered && dropped === 0 ? 'met' : 'NOT met'} (connections ${pct(connectRate)}, turns ${tiers.map((t) => pct(t.result.sent === 0 ? 0 : t.result.answered / t.result.sent)).join(' / ')}, ${dropped} dropped)`,
    `turn overhead p99 ≤ ${TURN_P99_TARGET_MS} ms: ${turnP99 <= TURN_P99_TARGET_MS ? 'met' : 'NOT met'} (${ms(turnP99)} ms with ${main.chatters} chatting)`,
    `first-token overhead p99 ≤ ${FIRST_TOKEN_P99_TARGET_MS} ms: ${firstP99 <= FIRST_TOKEN_P99_TARGET_MS ? 'met' : 'NOT met'} (${ms(firstP99)} ms)`,
    `≤ 30 KB RSS per idle connection: ${perConnectionKb <= 30 ? 'met' : 'NOT met'} (${perConnectionKb.toFixed(1)} KB)`,
  ];

  const machine = `${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  const markdown = [
    `Run ${new Date().toISOString()} on ${machine}; load generator and server are separate processes on the same machine (open-file limit ${fdLimit ?? 'unknown'}); 1-minute load average ${loadAtStart.toFixed(2)} just before the run (above ~0.1: other work shared the cores) and ${loadavg()[0].toFixed(2)} at its end.`,
    `Server: ENVIRONMENT=production, LLM_PROVIDER=scripted (a fixed answer of a few dozen words streamed word by word, no tools: every millisecond measured is the service's own), CHAT_ANSWER_CACHE=${values['answer-cache']} (every turn runs the full path unless --answer-cache), redis=${redisMode}${store === 'redis' ? ` (${redact(redisUrl)}, keys under a prefix of the run's own, deleted after it)` : ''}, LOG_LEVEL=${logLevel}, WS_MAX_CONNECTIONS_PER_IP=${MAX_CONNECTIONS}, CHAT_RATE_LIMIT_PER_MINUTE=10000.`,
    `Load: ${connect.attempted} Socket.IO clients on \`/chat\` (WebSocket transport); ${chatters} of them chat, each sending \`user_message\` every ${intervalMs / 1000} s (spread evenly); tiers of ${tiers.map((t) => t.chatters).join(' / ')} chatting users, ${tierDurationMs / 1000} s each, the last ${durationMs / 1000} s. Turn = send → \`bot_response\`; first token = send → first \`streaming_response\`, both seen by the client.`,
    '',
    ...summary.map((line) => `- ${line}`),
    '',
    table,
    '',
    'Targets:',
    '',
    ...verdicts.map((line) => `- ${line}`),
    '',
    `Reproduce: \`npm run bench:ws\` (2,000 connections, 1,000 chatting; on Redis at \`REDIS_URL\`, default ${DEFAULT_REDIS_URL}, then in memory; \`--store redis|memory\` for one of them) or \`npm run bench:ws -- --connections 10000 --store redis\`. Each process needs an open-file limit above the connection count (\`ulimit -n\`). \`--profile\` writes a CPU profile of the server, \`--heap-snapshot\` heap snapshots before connecting, with the idle connections and after the chat, all to \`bench-profiles/\`.`,
  ].join('\n');
  const consoleText = [...summary, '', table, '', ...verdicts].join('\n');
  return { console: consoleText, markdown };
}

// ---------------------------------------------------------------- helpers

function tierLine({ chatters: size, result: r, server: s }: Tier): string {
  return `  ${size} chatting: ${r.answered}/${r.sent} answered, turn p50/p99 ${ms(percentile(r.turnMs, 50))}/${ms(percentile(r.turnMs, 99))} ms, first token p99 ${ms(percentile(r.firstTokenMs, 99))} ms, server CPU ${Math.round(s.cpuPercent)}%, client CPU ${Math.round(r.clientCpuPercent)}%, errors ${errorCount(r.errors)}${failureText(r.errors)}`;
}

/** Nearest-rank percentile of an ascending list. */
function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

function errorCount(errors: Record<string, number>): number {
  return Object.values(errors).reduce((sum, n) => sum + n, 0);
}

function failureText(failures: Record<string, number>): string {
  const entries = Object.entries(failures);
  return entries.length === 0 ? '' : ` (${entries.map(([reason, n]) => `${n} × ${reason}`).join(', ')})`;
}

function ms(value: number): string {
  return Number.isNaN(value) ? '–' : value < 10 ? value.toFixed(1) : String(Math.round(value));
}

function mb(bytes: number): string {
  return `${(bytes / 2 ** 20).toFixed(0)} MB`;
}

function pct(ratio: number): string {
  return `${(ratio * 100).toFixed(ratio === 1 ? 0 : 2)}%`;
}

function redact(url: string): string {
  return url.replace(/\/\/([^@/]*)@/, '//***@');
}

function log(line: string): void {
  process.stdout.write(`${line}\n`);
}

function sleep(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((done) => child.once('exit', () => done()));
}

/** The soft limit on open files of this process (inherited by the forked ones), from /proc. */
function openFileLimit(): number | undefined {
  try {
    const line = readFileSync('/proc/self/limits', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('Max open files'));
    const soft = line?.trim().split(/\s+/)[3];
    return soft === undefined || soft === 'unlimited' ? undefined : Number(soft);
  } catch {
    return undefined;
  }
}
