/**
 * HTTP throughput of a cached odds route against a bare route of the same application, and of the
 * bare route against reference servers (plain Node, Fastify, a minimal Nest app on Fastify).
 *
 *   npm run bench:http [-- --connections 50 --duration 5 --rounds 3 --warmup 3 --profile]
 *
 * Starts the application (Redis from REDIS_URL when set, else memory) and the reference servers,
 * each in its own process, warms the odds cache and every server's code paths, then measures the
 * routes in turn, `--rounds` times (bare, odds, node, fastify, nest, bare, odds, …): on a shared
 * machine the load changes from one minute to the next, and interleaving gives every route the same
 * share of it. The median round of each route is reported; the ratios (the targets) compare medians
 * of the same run. `--profile` writes a CPU profile of the application (bench-profiles/).
 */
import autocannon from 'autocannon';
import { type ChildProcess, fork } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeBenchmarkSection } from './benchmarks-file.js';

const { values } = parseArgs({
  options: {
    connections: { type: 'string', default: '50' },
    duration: { type: 'string', default: '5' },
    rounds: { type: 'string', default: '3' },
    warmup: { type: 'string', default: '3' },
    port: { type: 'string', default: '8199' },
    profile: { type: 'boolean', default: false },
  },
});
const connections = Number(values.connections);
const duration = Number(values.duration);
const rounds = Math.max(1, Number(values.rounds));
const warmup = Number(values.warmup);
const port = Number(values.port);
const base = `http://127.0.0.1:${port}`;
const loadBefore = loadavg()[0].toFixed(2);
const PROFILE_DIR = resolve(process.cwd(), 'bench-profiles');

interface Figures {
  route: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

async function run(route: string, url: string, seconds = duration): Promise<Figures> {
  const result = await autocannon({ url, connections, duration: seconds, pipelining: 1 });
  return {
    route,
    requestsPerSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

type Reference = 'node' | 'fastify' | 'nest';

/** Starts one reference server (see bench-baselines.ts) in its own process. */
async function startReference(kind: Reference, at: number): Promise<ChildProcess> {
  const child = fork(resolve(process.cwd(), 'dist/scripts/bench-baselines.js'), [kind, String(at)], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  await new Promise<void>((ready) => child.once('message', () => ready()));
  return child;
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((done) => child.once('exit', done));
  child.kill('SIGTERM');
  await exited;
}

/** The round with the median throughput (its latencies and counts come with it). */
function median(runs: Figures[]): Figures {
  const sorted = [...runs].sort((a, b) => a.requestsPerSecond - b.requestsPerSecond);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

if (values.profile) mkdirSync(PROFILE_DIR, { recursive: true });
const server = fork(resolve(process.cwd(), 'dist/scripts/bench-server.js'), [], {
  execArgv: values.profile ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : [],
  // The REST rate limit stays on (every request is counted in the store) but high enough that
  // the load generator, one address, is not refused.
  env: { ...process.env, PORT: String(port), LOG_LEVEL: process.env.LOG_LEVEL ?? 'INFO', ENVIRONMENT: 'production', SECRET_KEY: 'b'.repeat(32), RATE_LIMIT_REQUESTS: '1000000' },
  stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
});
await new Promise<void>((ready, fail) => {
  server.once('message', () => ready());
  server.once('exit', (code) => fail(new Error(`bench server exited with ${code}`)));
});
const references: Array<{ kind: Reference; child: ChildProcess; url: string }> = [];

try {
  const fixtures = (await (await fetch(`${base}/api/v1/sports/fixtures?team=barcelona&limit=1`)).json()) as { fixtures: Array<{ id: string }> };
  const oddsRoute = `/api/v1/sports/odds?match_id=${fixtures.fixtures[0].id}`;
  const warm = await fetch(`${base}${oddsRoute}`);
  if (!warm.ok) throw new Error(`odds route answered ${warm.status}`);
  await fetch(`${base}${oddsRoute}`);
  const health = (await (await fetch(`${base}/health`)).json()) as { modes: Record<string, string> };

  for (const [index, kind] of (['node', 'fastify', 'nest'] as const).entries()) {
    const at = port + 1 + index;
    references.push({ kind, child: await startReference(kind, at), url: `http://127.0.0.1:${at}/` });
  }
  const routes = [
    { route: '/bench/hello', url: `${base}/bench/hello` },
    { route: oddsRoute, url: `${base}${oddsRoute}` },
    ...references.map((ref) => ({ route: `${ref.kind} hello world (reference)`, url: ref.url })),
  ];
  // Untimed: lets every server's hot paths reach the optimising compiler before anything counts.
  if (warmup > 0) for (const { route, url } of routes) await run(route, url, warmup);
  const runs = new Map<string, Figures[]>(routes.map(({ route }) => [route, []]));
  for (let round = 0; round < rounds; round++) {
    for (const { route, url } of routes) runs.get(route)?.push(await run(route, url));
  }
  const [bare, odds, ...referenceFigures] = routes.map(({ route }) => median(runs.get(route) ?? []));
  const nest = referenceFigures[referenceFigures.length - 1];
  const ratio = odds.requestsPerSecond / bare.requestsPerSecond;
  const bareOfNest = bare.requestsPerSecond / nest.requestsPerSecond;
  const spread = (route: string) => (runs.get(route) ?? []).map((f) => f.requestsPerSecond).join(' / ');

  const machine = `${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  const table = [
    '| route | req/s | p50 ms | p99 ms | errors | non-2xx |',
    '|---|---:|---:|---:|---:|---:|',
    ...[bare, odds, ...referenceFigures].map((f) => `| \`${f.route.replace(/match_id=\d+/, 'match_id=…')}\` | ${f.requestsPerSecond} | ${f.p50} | ${f.p99} | ${f.errors} | ${f.non2xx} |`),
  ].join('\n');
  const verdict = [
    `cached odds ≥ 5,000 req/s: ${odds.requestsPerSecond >= 5000 ? 'met' : 'NOT met'} (${odds.requestsPerSecond})`,
    `cached odds p99 ≤ 20 ms: ${odds.p99 <= 20 ? 'met' : 'NOT met'} (${odds.p99} ms)`,
    `bare route ≥ 50% of the minimal Nest app: ${bareOfNest >= 0.5 ? 'met' : 'NOT met'} (${(bareOfNest * 100).toFixed(1)}%)`,
    `cached odds ≥ 85% of the bare route: ${ratio >= 0.85 ? 'met' : 'NOT met'} (${(ratio * 100).toFixed(1)}%)`,
  ];
  const body = [
    `Run ${new Date().toISOString()} on ${machine}; autocannon ${connections} connections, client and servers on the same machine; every server warmed ${warmup} s per route, then ${rounds} rounds of ${duration} s per route, interleaved; the median round is shown. 1-minute load average ${loadBefore} before the run, ${loadavg()[0].toFixed(2)} after (above ~0.1, other work shared the cores).`,
    `Server modes: redis=${health.modes.redis}, sports-data=${health.modes.sportsData}; log level ${process.env.LOG_LEVEL ?? 'INFO'} (JSON request logs).`,
    '',
    table,
    '',
    ...verdict.map((line) => `- ${line}`),
    '',
    `Rounds (req/s): bare ${spread(bare.route)}; odds ${spread(odds.route)}; nest ${spread(nest.route)}.`,
    '',
    'Reproduce: `npm run bench:http` (set `REDIS_URL` to measure with Redis; `-- --profile` writes a CPU profile of the application to `bench-profiles/`).',
  ].join('\n');
  process.stdout.write(`\n${table}\n\n${verdict.join('\n')}\n`);
  writeBenchmarkSection('HTTP: cached odds vs bare route (`npm run bench:http`)', body);
} finally {
  await Promise.all([stop(server), ...references.map((ref) => stop(ref.child))]);
}
