import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

const FILE = resolve(process.cwd(), 'BENCHMARKS.md');
const HEADER = '# Benchmarks\n\nFigures written by the `npm run bench:*` scripts; each section is replaced by its latest run.\n';

/** Replaces (or appends) the section `## <title>` of BENCHMARKS.md with `body`. */
export function writeBenchmarkSection(title: string, body: string): void {
  const current = existsSync(FILE) ? readFileSync(FILE, 'utf8') : HEADER;
  const heading = `## ${title}`;
  const section = `${heading}\n\n${body.trim()}\n`;
  const start = current.indexOf(heading);
  let next: string;
  if (start === -1) {
    next = `${current.trimEnd()}\n\n${section}`;
  } else {
    const after = current.indexOf('\n## ', start + heading.length);
    next = current.slice(0, start) + section + (after === -1 ? '' : `\n${current.slice(after + 1)}`);
  }
  writeFileSync(FILE, next.endsWith('\n') ? next : `${next}\n`);
}
