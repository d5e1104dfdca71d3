/**
 * HTTP throughput of a cached odds route against a bare route of the same application.
 *
 *   npm run bench:http [-- --connections 50 --duration 10]
 *
 * Starts the server in its own process (Redis from REDIS_URL when set, else memory), warms the
 * odds cache, runs autocannon against each route in turn, prints the figures and records them in
 * BENCHMARKS.md.
 */
import autocannon from 'autocannon';
import { fork } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeBenchmarkSection } from './benchmarks-file.js';

const { values } = parseArgs({
  options: { connections: { type: 'string', default: '50' }, duration: { type: 'string', default: '10' }, port: { type: 'string', default: '8199' } },
});
const connections = Number(values.connections);
const duration = Number(values.duration);
const port = Number(values.port);
const base = `http://127.0.0.1:${port}`;

interface Figures {
  route: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

async function run(route: string, url = `${base}${route}`): Promise<Figures> {
  const result = await autocannon({ url, connections, duration, pipelining: 1 });
  return {
    route,
    requestsPerSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

/** Measures one reference server (see bench-baselines.ts) in its own process. */
async function baseline(kind: 'node' | 'fastify' | 'nest'): Promise<Figures> {
  const basePort = port + 1;
  const child = fork(resolve(process.cwd(), 'dist/scripts/bench-baselines.js'), [kind, String(basePort)], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  await new Promise<void>((ready) => child.once('message', () => ready()));
  try {
    return await run(`${kind} hello world (reference)`, `http://127.0.0.1:${basePort}/`);
  } finally {
    child.kill('SIGTERM');
    await new Promise((done) => child.once('exit', done));
  }
}

const server = fork(resolve(process.cwd(), 'dist/scripts/bench-server.js'), [], {
  // The REST rate limit stays on (every request is counted in the store) but high enough that
  // the load generator, one address, is not refused.
  env: { ...process.env, PORT: String(port), LOG_LEVEL: process.env.LOG_LEVEL ?? 'INFO', ENVIRONMENT: 'production', SECRET_KEY: 'b'.repeat(32), RATE_LIMIT_REQUESTS: '1000000' },
  stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
});
await new Promise<void>((ready, fail) => {
  server.once('message', () => ready());
  server.once('exit', (code) => fail(new Error(`bench server exited with ${code}`)));
});

try {
  const fixtures = (await (await fetch(`${base}/api/v1/sports/fixtures?team=barcelona&limit=1`)).json()) as { fixtures: Array<{ id: string }> };
  const oddsRoute = `/api/v1/sports/odds?match_id=${fixtures.fixtures[0].id}`;
  const warm = await fetch(`${base}${oddsRoute}`);
  if (!warm.ok) throw new Error(`odds route answered ${warm.status}`);
  await fetch(`${base}${oddsRoute}`);
  const health = (await (await fetch(`${base}/health`)).json()) as { modes: Record<string, string> };

  const bare = await run('/bench/hello');
  const odds = await run(oddsRoute);
  const ratio = odds.requestsPerSecond / bare.requestsPerSecond;
  server.kill('SIGTERM');
  const references = [await baseline('node'), await baseline('fastify'), await baseline('nest')];

  const machine = `${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  const table = [
    '| route | req/s | p50 ms | p99 ms | errors | non-2xx |',
    '|---|---:|---:|---:|---:|---:|',
    ...[bare, odds, ...references].map((f) => `| \`${f.route.replace(/match_id=\d+/, 'match_id=…')}\` | ${f.requestsPerSecond} | ${f.p50} | ${f.p99} | ${f.errors} | ${f.non2xx} |`),
  ].join('\n');
  const verdict = [
    `cached odds ≥ 5,000 req/s: ${odds.requestsPerSecond >= 5000 ? 'met' : 'NOT met'} (${odds.requestsPerSecond})`,
    `cached odds p99 ≤ 20 ms: ${odds.p99 <= 20 ? 'met' : 'NOT met'} (${odds.p99} ms)`,
    `cached odds ≥ 70% of the bare route: ${ratio >= 0.7 ? 'met' : 'NOT met'} (${(ratio * 100).toFixed(1)}%)`,
  ];
  const body = [
    `Run ${new Date().toISOString()} on ${machine}; autocannon ${connections} connections × ${duration} s per route, client and server on the same machine.`,
    `Server modes: redis=${health.modes.redis}, sports-data=${health.modes.sportsData}; log level ${process.env.LOG_LEVEL ?? 'INFO'} (JSON request logs).`,
    '',
    table,
    '',
    ...verdict.map((line) => `- ${line}`),
    '',
    'Reproduce: `npm run bench:http` (set `REDIS_URL` to measure with Redis).',
  ].join('\n');
  process.stdout.write(`\n${table}\n\n${verdict.join('\n')}\n`);
  writeBenchmarkSection('HTTP: cached odds vs bare route (`npm run bench:http`)', body);
} finally {
  server.kill('SIGTERM');
}
