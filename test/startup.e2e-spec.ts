import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { freePort } from './support/redis-server.js';

// The built server, as `npm start` runs it (`npm test` builds before running the suite).
const MAIN = resolve(process.cwd(), 'dist/apps/api/src/main.js');

interface Run {
  code: number | null;
  stderr: string;
  stdout: string;
}

/**
 * Starts the real server with `env`; resolves when it exits or after `untilMs`, killing it then.
 * With `tty`, it runs under util-linux `script`, so its stdout is a terminal as in `npm start`.
 */
function runServer(env: Record<string, string>, untilMs = 20_000, stopWhen?: (stdout: string) => boolean, tty = false): Promise<Run> {
  return new Promise((done) => {
    const [command, args] = tty ? ['script', ['-qfec', `"${process.execPath}" "${MAIN}"`, '/dev/null']] : [process.execPath, [MAIN]];
    const child = spawn(command, args, {
      env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'INFO', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let stopped = false;
    const timer = setTimeout(() => child.kill('SIGTERM'), untilMs);
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (!stopped && stopWhen?.(stdout)) {
        stopped = true;
        child.kill('SIGTERM');
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      done({ code, stdout, stderr });
    });
  });
}

describe('server start-up', () => {
  beforeAll(() => {
    if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run "npm run build" first (npm test does)`);
  });

  it.each([
    [{ GEMINI_TEMPERATURE: '5' }, 'GEMINI_TEMPERATURE must be a number from 0 to 2'],
    [{ PORT: 'abc' }, 'PORT must be an integer from 1 to 65535'],
    [{ ENVIRONMENT: 'production' }, 'SECRET_KEY must be set to at least 32 characters when ENVIRONMENT=production'],
    [{ ENVIRONMENT: 'staging' }, 'SECRET_KEY must be set to at least 32 characters when ENVIRONMENT=staging'],
    [{ LOG_LEVEL: 'LOUD' }, 'LOG_LEVEL must be one of DEBUG, INFO, WARNING, ERROR, CRITICAL'],
    [{ PUBLIC_URL: 'chat.example.com' }, 'PUBLIC_URL must be an http(s) URL (got "chat.example.com")'],
  ])('refuses to start with %j: non-zero exit and a message naming the variable', async (env, message) => {
    const run = await runServer(env);
    expect(run.code).not.toBe(0);
    expect(run.code).not.toBeNull();
    expect(run.stderr).toContain(message);
  });

  it('starts with no configuration at all, saying which modes are active, and stops cleanly on SIGTERM', async () => {
    const port = await freePort();
    const run = await runServer({ PORT: String(port) }, 15_000, (out) => out.includes('listening'));
    expect(run.stdout).toContain(`ChatBet API listening on :${port} (redis=memory, llm=offline, sports-data=embedded)`);
    // No key written anywhere signs its tokens: one is made for the process, and it says so.
    expect(run.stdout).toContain('SECRET_KEY is not set: tokens are signed with a random key made for this process');
    expect(run.stdout).toContain('Received SIGTERM: shutting down');
    expect(run.stdout).toContain('Shutdown complete');
    expect(run.code).toBe(0);
  });

  it('logs one structured start-up line with the URLs and modes, and keeps Nest\'s per-module lines for debug', async () => {
    const port = await freePort();
    const run = await runServer({ PORT: String(port) }, 15_000, (out) => out.includes('listening'));
    const lines = run.stdout.split('\n').filter((line) => line.trim() !== '');
    const records = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    const listening = records.find((record) => String(record.msg).startsWith('ChatBet API listening'));
    expect(listening).toMatchObject({
      urls: { chat: `http://localhost:${port}/`, docs: `http://localhost:${port}/docs`, health: `http://localhost:${port}/health` },
      modes: { redis: 'memory', llm: 'offline', sportsData: 'embedded' },
      switches: [expect.stringContaining('REDIS_URL'), expect.stringContaining('GOOGLE_API_KEY'), expect.stringContaining('CHATBET_API_BASE_URL')],
    });
    expect(records.filter((record) => ['InstanceLoader', 'RouterExplorer', 'RoutesResolver'].includes(String(record.context)))).toEqual([]);
    expect(lines.length).toBeLessThan(20);

    const debug = await runServer({ PORT: String(await freePort()), LOG_LEVEL: 'DEBUG' }, 15_000, (out) => out.includes('listening'));
    expect(debug.stdout).toContain('"context":"InstanceLoader"');
    expect(debug.stdout).toContain('"context":"RouterExplorer"');
  }, 45_000);

  it('prints a short banner on a terminal with the chat page, /docs and /health and how to switch each mode', async () => {
    const port = await freePort();
    const run = await runServer({ PORT: String(port), PUBLIC_URL: 'http://chat.test:1234/' }, 15_000, (out) => out.includes('cp .env.example'), true);
    expect(run.stdout).toContain(`ChatBet API listening on :${port}`);
    expect(run.stdout).toContain('Chat page   http://chat.test:1234/');
    expect(run.stdout).toContain('API docs    http://chat.test:1234/docs');
    expect(run.stdout).toContain('Health      http://chat.test:1234/health');
    expect(run.stdout).toContain('redis=memory, llm=offline, sports-data=embedded');
    for (const variable of ['REDIS_URL', 'GOOGLE_API_KEY', 'CHATBET_API_BASE_URL']) expect(run.stdout).toContain(variable);
    expect(run.stdout).not.toContain('dependencies initialized');
  });
});
