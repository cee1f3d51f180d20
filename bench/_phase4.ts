import { readFileSync } from 'node:fs';
import { parseJournal, checkJournal } from '../src/core/journal';
import { parseRubric, type Rubric } from '../src/core/rubric';
import { decodeUtf8 } from '../src/core/text';
const rubric = parseRubric(readFileSync('rubric/product-security.yaml', 'utf8')).rubric as Rubric;
const path = '/tmp/prof/j50k.yaml';
const gc = (globalThis as { gc?: () => void }).gc!;
const r: number[][] = [[], [], [], []];
for (let i = 0; i < 5; i++) {
  const t0 = performance.now();
  const bytes = readFileSync(path);
  const t1 = performance.now();
  const d = decodeUtf8(bytes); if (!d.ok) throw 0;
  const t2 = performance.now();
  const p = parseJournal(d.text);
  const t3 = performance.now();
  checkJournal(p, rubric);
  const t4 = performance.now();
  r[0].push(t1 - t0); r[1].push(t2 - t1); r[2].push(t3 - t2); r[3].push(t4 - t3);
}
const med = (a: number[]) => [...a].sort((x, y) => x - y)[a.length >> 1].toFixed(1);
const min = (a: number[]) => Math.min(...a).toFixed(1);
console.log(`read ${med(r[0])} decode ${med(r[1])} parse ${med(r[2])} (min ${min(r[2])}) check ${med(r[3])} total ${(r[0].map((_, i) => r[0][i] + r[1][i] + r[2][i] + r[3][i]).sort((a, b) => a - b)[2]).toFixed(1)}`);
