import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseRubric, type Rubric } from '../../src/core/rubric';

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
