import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { freePort } from './support/redis-server.js';

// Every fenced `bash` block of the README and docs/ is preceded by a marker: `<!-- docs-test: run -->`
// (run here against a started server, must exit 0) or `<!-- docs-test: skip: <why> -->` (needs Docker,
// a cluster, or never returns). The commands say `localhost:8000`; they run against the port chosen here.
const ROOT = process.cwd();
const MAIN = resolve(ROOT, 'dist/apps/api/src/main.js');
const DOCUMENTS = ['README.md', ...readdirSync(join(ROOT, 'docs')).filter((name) => name.endsWith('.md')).map((name) => `docs/${name}`)];

interface Block {
  file: string;
  line: number;
  marker: string | undefined;
  script: string;
}

function bashBlocks(file: string): Block[] {
  const lines = readFileSync(join(ROOT, file), 'utf8').split('\n');
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].trim() !== '```bash') continue;
    const end = lines.findIndex((line, j) => j > i && line.trim() === '```');
    const before = lines.slice(0, i).reverse().find((line) => line.trim() !== '');
    const marker = before?.match(/^<!-- docs-test: (run|skip: .+) -->$/)?.[1];
    blocks.push({ file, line: i + 1, marker, script: lines.slice(i + 1, end).join('\n') });
    i = end;
  }
  return blocks;
}

const BLOCKS = DOCUMENTS.flatMap(bashBlocks);
const RUNNABLE = BLOCKS.filter((block) => block.marker === 'run');
const SKIPPED = BLOCKS.filter((block) => block.marker?.startsWith('skip: '));

/** GitHub's anchors of a Markdown file's headings: lower case, punctuation dropped, spaces as hyphens. */
function headingAnchors(path: string): string[] {
  return [...readFileSync(path, 'utf8').matchAll(/^#{1,6} (.+)$/gm)].map(([, title]) =>
    title
      .toLowerCase()
      .replace(/[^\p{L}\p{N} _-]/gu, '')
      .replace(/ /g, '-'),
  );
}

function hasCommand(name: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function runBash(script: string, cwd: string, timeoutMs: number): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn('bash', ['-e', '-o', 'pipefail', '-c', script], { cwd, env: { PATH: process.env.PATH ?? '', HOME: cwd }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      done({ code, stdout, stderr });
    });
  });
}

describe('the commands in the README and docs/', () => {
  it('are all marked: run here, or skipped with the reason', () => {
    expect(BLOCKS.length).toBeGreaterThan(5);
    expect(BLOCKS.filter((block) => block.marker === undefined).map((block) => `${block.file}:${block.line}`)).toEqual([]);
    expect(RUNNABLE.filter((block) => block.file === 'README.md').length).toBeGreaterThanOrEqual(6);
  });

  it('name only files that exist when they cannot run here (compose files, manifests, the Dockerfile)', () => {
    const named = SKIPPED.flatMap((block) => block.script.match(/[\w./-]+\.ya?ml\b|deploy\/k8s\b/g) ?? []);
    expect(named.length).toBeGreaterThan(0);
    expect(named.filter((path) => !existsSync(join(ROOT, path)))).toEqual([]);
    if (SKIPPED.some((block) => /docker compose/.test(block.script))) {
      expect(['docker-compose.yml', 'Dockerfile'].filter((path) => !existsSync(join(ROOT, path)))).toEqual([]);
    }
  });

  it('link only to files and headings that exist', () => {
    const missing: string[] = [];
    for (const file of DOCUMENTS) {
      const text = readFileSync(join(ROOT, file), 'utf8');
      for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^[a-z]+:/.test(target)) continue;
        const [pathPart, anchor] = target.split('#');
        const path = pathPart === '' ? join(ROOT, file) : resolve(ROOT, dirname(file), pathPart);
        // The page's screenshots (docs/images/) are taken by `npm run screenshots`, not checked here.
        if (path.startsWith(join(ROOT, 'docs/images/'))) continue;
        if (!existsSync(path)) missing.push(`${file}: ${target}`);
        else if (anchor !== undefined && !headingAnchors(path).includes(anchor)) missing.push(`${file}: ${target} (no such heading)`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('keep the README short and name every variable of .env.example in docs/configuration.md', () => {
    expect(readFileSync(join(ROOT, 'README.md'), 'utf8').trimEnd().split('\n').length).toBeLessThanOrEqual(200);
    const variables = [...readFileSync(join(ROOT, '.env.example'), 'utf8').matchAll(/^([A-Z][A-Z0-9_]+)=/gm)].map(([, name]) => name);
    expect(variables.length).toBeGreaterThan(40);
    const configuration = readFileSync(join(ROOT, 'docs/configuration.md'), 'utf8');
    expect(variables.filter((name) => !configuration.includes(`\`${name}\``))).toEqual([]);
  });

  describe('run against a started server', () => {
    let server: ChildProcess;
    let port: number;
    let workdir: string;

    beforeAll(async () => {
      if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run "npm run build" first (npm test does)`);
      const missing = ['curl', 'jq'].filter((name) => !hasCommand(name));
      if (missing.length > 0) throw new Error(`The documented commands need ${missing.join(' and ')}: apt-get install -y ${missing.join(' ')}`);
      port = await freePort();
      // The server as `npm start` runs it, with nothing configured (as after a fresh clone); every
      // request comes from 127.0.0.1, so the per-address limits are lifted.
      server = spawn(process.execPath, [MAIN], {
        cwd: ROOT,
        env: { PATH: process.env.PATH ?? '', PORT: String(port), LOG_LEVEL: 'WARNING', RATE_LIMIT_REQUESTS: '100000', CHAT_RATE_LIMIT_PER_MINUTE: '10000' },
        stdio: 'ignore',
      });
      let up = false;
      for (let attempt = 0; attempt < 400 && !up; attempt++) {
        up = await fetch(`http://127.0.0.1:${port}/health/live`).then((res) => res.ok, () => false);
        if (!up) await new Promise((wait) => setTimeout(wait, 100));
      }
      if (!up) throw new Error(`the server (${MAIN}) did not answer /health/live on port ${port}`);
      // The commands run in a folder of their own (`cp .env.example .env` must not configure the
      // other suites' servers) that resolves packages from the project's node_modules.
      workdir = mkdtempSync(join(tmpdir(), 'docs-commands-'));
      symlinkSync(join(ROOT, 'node_modules'), join(workdir, 'node_modules'));
      copyFileSync(join(ROOT, '.env.example'), join(workdir, '.env.example'));
    }, 60_000);

    afterAll(() => {
      server?.kill('SIGTERM');
      if (workdir) rmSync(workdir, { recursive: true, force: true });
    });

    it.each(RUNNABLE.map((block) => [`${block.file}:${block.line}`, block] as const))('%s exits 0 with output', async (_where, block) => {
      const script = block.script.replaceAll('localhost:8000', `localhost:${port}`);
      const run = await runBash(script, workdir, 25_000);
      if (run.code !== 0) throw new Error(`exit ${String(run.code)}\n--- script\n${script}\n--- stdout\n${run.stdout}\n--- stderr\n${run.stderr}`);
      if (!/cp .*\.env/.test(script)) expect(run.stdout.trim()).not.toBe('');
    });
  });
});
