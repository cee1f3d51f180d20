import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseRubric, type Rubric } from '../../src/core/rubric/rubric';
import { main } from '../../src/cli/index';

export const root = join(__dirname, '..', '..');

export function fixture(path: string): string {
  return readFileSync(join(root, 'test', 'fixtures', path), 'utf8');
}

export function bundledRubric(): Rubric {
  const parsed = parseRubric(readFileSync(join(root, 'rubric', 'product-security.yaml'), 'utf8'));
  if (!parsed.rubric) throw new Error(`bundled rubric does not parse: ${JSON.stringify(parsed.problems)}`);
  return parsed.rubric;
}

export function rubricFixture(path: string): Rubric {
  const parsed = parseRubric(fixture(path));
  if (!parsed.rubric) throw new Error(`${path} does not parse: ${JSON.stringify(parsed.problems)}`);
  return parsed.rubric;
}

/** A small deterministic random source, so a failure can be replayed from its seed. */
export function random(seed: number) {
  let s = seed >>> 0 || 1;
  const next = () => ((s = Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x9e3779b9) >>> 0) / 0x100000000;
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)] };
}

/** Runs a CLI command in process, as of 2026-11-27: its exit code and what it printed. */
export async function run(args: string[], cwd: string) {
  let out = '';
  let err = '';
  const code = await main(args, { cwd, out: (t) => (out += t), err: (t) => (err += t), packageRoot: root, today: new Date(2026, 10, 27) });
  return { code, out, err };
}
