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

/** Starts the real server with `env`; resolves when it exits or after `untilMs`, killing it then. */
function runServer(env: Record<string, string>, untilMs = 10_000, stopWhen?: (stdout: string) => boolean): Promise<Run> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [MAIN], {
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
});
