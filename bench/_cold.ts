import { readFileSync } from 'node:fs';
import { parseJournal, checkJournal } from '/work/main/src/core/journal';
import { parseRubric, type Rubric } from '/work/main/src/core/rubric';
import { decodeUtf8 } from '/work/main/src/core/text';
const rubric = parseRubric(readFileSync('/work/main/rubric/product-security.yaml', 'utf8')).rubric as Rubric;
for (let i = 0; i < 12; i++) {
  const t0 = performance.now();
  const bytes = readFileSync('/tmp/prof/j10k.yaml');
  const t1 = performance.now();
  const d = decodeUtf8(bytes); if (!d.ok) throw 0;
  const t2 = performance.now();
  const p = parseJournal(d.text);
  const t3 = performance.now();
  checkJournal(p, rubric);
  const t4 = performance.now();
  console.log(`read ${(t1-t0).toFixed(1)} decode ${(t2-t1).toFixed(1)} parse ${(t3-t2).toFixed(1)} check ${(t4-t3).toFixed(1)} total ${(t4-t0).toFixed(1)}`);
}
