import { buildSync } from 'esbuild';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { WorkerEngine } from '/work/main/src/host/journalEngine';
import { parseRubric, type Rubric } from '/work/main/src/core/rubric';
import { benchJournal } from '/work/main/bench/journals';
const root = '/work/main';
const dir = mkdtempSync(join(tmpdir(), 'e2e-'));
const script = join(dir, 'w.js');
buildSync({ entryPoints: [join(root, 'src/host/journalWorker.ts')], bundle: true, minify: false, platform: 'node', format: 'cjs', outfile: script, logLevel: 'error' });
const rubricText = readFileSync(join(root, 'rubric/product-security.yaml'), 'utf8');
const rubric = parseRubric(rubricText).rubric as Rubric;
const path = join(dir, 'j.yaml');
writeFileSync(path, benchJournal(10000));
const engine = new WorkerEngine(script);
const reload = async () => { const r = await engine.readFile(path); await engine.parseRubric(rubricText); await engine.check(rubric); return r; };
(async () => {
  await reload();
  const pause = () => new Promise((r) => setTimeout(r, 300));
  for (let i = 0; i < 15; i++) {
    await pause();
    let t = performance.now();
    const tagged = await engine.write({ path, op: { kind: 'append', drafts: [{ data: { date: '2026-11-27', kind: 'note', title: 'x', dimensions: ['technical-depth'] } as any, idSeed: 'b' + i }] } });
    const t1 = performance.now();
    await reload();
    const t2 = performance.now();
    if (!tagged.ok) throw new Error(tagged.message);
    const id = tagged.added[0].id;
    await pause(); const t2b = performance.now();
    await engine.write({ path, op: { kind: 'remove', ids: [id] } });
    const t3 = performance.now();
    await reload();
    const t4 = performance.now();
    console.log(`tag write ${(t1-t).toFixed(1)} reload ${(t2-t1).toFixed(1)} | undo write ${(t3-t2b).toFixed(1)} reload ${(t4-t3).toFixed(1)}`);
  }
  engine.dispose();
})();
