import assert from 'node:assert/strict';
import { buildSync } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchJournal } from '../../bench/journals';
import { MAX_JOURNAL_BYTES } from '../../src/core/journal';
import { WorkerEngine } from '../../src/host/journal/engine';
import { InProcessEngine } from '../../src/host/journal/inProcessEngine';
import { bundledRubric, root } from './helpers';

describe('journal engines', () => {
  const dir = mkdtempSync(join(tmpdir(), 'growth-engine-'));
  const script = join(dir, 'journalWorker.js');
  const journal = join(dir, 'journal.yaml');
  let worker: WorkerEngine;
  before(function () {
    this.timeout(30_000);
    buildSync({ entryPoints: [join(root, 'src', 'host', 'journal', 'worker.ts')], bundle: true, platform: 'node', outfile: script, logLevel: 'error' });
  });
  beforeEach(() => (worker = new WorkerEngine(script, () => new InProcessEngine())));
  afterEach(() => worker.dispose());
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('the worker reads a journal of several batches exactly as the extension host would', async function () {
    this.timeout(30_000);
    writeFileSync(journal, benchJournal(2_500));
    const [viaWorker, inProcess] = await Promise.all([worker.readFile(journal), new InProcessEngine().readFile(journal)]);
    assert.equal(viaWorker.kind, 'text');
    assert.deepEqual(viaWorker, inProcess);
    assert.equal(viaWorker.kind === 'text' && viaWorker.journal?.entries.length, 2_500);
    assert.deepEqual(await worker.check(bundledRubric()), []);
  });

  it('answers an unchanged file from what it sent last, and a changed one afresh', async () => {
    writeFileSync(journal, benchJournal(3));
    const first = await worker.readFile(journal);
    assert.equal(await worker.readFile(journal), first, 'the same bytes: the same outcome, not re-sent');
    writeFileSync(journal, benchJournal(4));
    const second = await worker.readFile(journal);
    assert.equal(second.kind === 'text' && second.journal?.entries.length, 4);
  });

  it('applies its own writes to what it read last, and reads a file another program changed afresh', async function () {
    this.timeout(60_000);
    writeFileSync(journal, benchJournal(300));
    const first = await worker.readFile(journal);
    assert.ok(first.kind === 'text' && first.journal);
    const drafts = [{ data: { date: '2026-11-27', kind: 'note' as const, title: 'Tagged: "end to end"', dimensions: ['communication'] }, idSeed: 'seed' }];
    const tagged = await worker.write({ path: journal, op: { kind: 'append', drafts } });
    assert.ok(tagged.ok && !('change' in tagged), 'the change stays inside the engine');
    const afterTag = await worker.readFile(journal);
    assert.ok(afterTag.kind === 'text' && afterTag.journal);
    assert.deepEqual(afterTag, await new InProcessEngine().readFile(journal));
    assert.equal(afterTag.journal.entries[7], first.journal.entries[7], 'entries the write did not touch were not sent again');
    const victim = first.journal.entries[150].id;
    assert.ok((await worker.write({ path: journal, op: { kind: 'remove', ids: [victim] } })).ok);
    const afterRemove = await worker.readFile(journal);
    assert.deepEqual(afterRemove, await new InProcessEngine().readFile(journal));
    assert.equal(afterRemove.kind === 'text' && afterRemove.journal?.entries[200].id, first.journal.entries[201].id);
    assert.ok((await worker.write({ path: journal, op: { kind: 'profile', profile: { currentLevel: 'senior', targetLevel: 'senior' } } })).ok);
    assert.deepEqual(await worker.readFile(journal), await new InProcessEngine().readFile(journal));
    // Another program appends a line: the next write starts from a text the host never read.
    writeFileSync(journal, `${readFileSync(journal, 'utf8')}  - id: by-hand\n    date: 2026-11-28\n    kind: note\n    title: Added by hand\n    dimensions: [mentorship]\n`);
    assert.ok((await worker.write({ path: journal, op: { kind: 'amend', id: 'by-hand', addDimensions: ['communication'] } })).ok);
    const afterExternal = await worker.readFile(journal);
    assert.deepEqual(afterExternal, await new InProcessEngine().readFile(journal));
    assert.deepEqual(afterExternal.kind === 'text' && afterExternal.journal?.entries.at(-1)?.dimensions, ['mentorship', 'communication']);
  });

  it('hands back the journal as written, and checks it against the rubric it holds', async function () {
    this.timeout(60_000);
    const rubricText = readFileSync(join(root, 'rubric', 'product-security.yaml'), 'utf8');
    writeFileSync(journal, benchJournal(200));
    await worker.readFile(journal);
    const parsed = await worker.parseRubric(rubricText);
    assert.equal(await worker.parseRubric(rubricText), parsed, 'the same text: the same parse, not parsed again');
    await worker.check(parsed.rubric!);
    const drafts = [{ data: { date: '2026-11-27', kind: 'note' as const, title: 'Cites nothing real', dimensions: ['no-such-dimension'] }, idSeed: 'seed' }];
    const tagged = await worker.write({ path: journal, op: { kind: 'append', drafts } });
    assert.ok(tagged.ok && tagged.read, 'the write gives the journal as written');
    const fresh = new InProcessEngine();
    assert.deepEqual(tagged.read, await fresh.readFile(journal));
    assert.equal(await worker.readFile(journal), tagged.read, 'the next read of the file it wrote is that very journal');
    const problems = await worker.check(parsed.rubric!);
    assert.ok(problems.some((p) => p.message.includes('no-such-dimension')));
    assert.deepEqual(problems, await fresh.check(bundledRubric()));
    // Another rubric object: sent to the worker, and checked against in full.
    assert.deepEqual(await worker.check(bundledRubric()), problems);
  });

  it('holds every write when writes and reads overlap (two quick tags, a reload during a tag)', async function () {
    this.timeout(60_000);
    const note = (title: string) => ({ kind: 'append' as const, drafts: [{ data: { date: '2026-11-28', kind: 'note' as const, title, dimensions: ['communication'] }, idSeed: title }] });
    writeFileSync(journal, benchJournal(3));
    await worker.readFile(journal);
    const both = await Promise.all([worker.write({ path: journal, op: note('first') }), worker.write({ path: journal, op: note('second') })]);
    assert.ok(both.every((w) => w.ok));
    assert.deepEqual(await worker.readFile(journal), await new InProcessEngine().readFile(journal));
    // Another program adds an entry; a reload is under way when a tag starts.
    writeFileSync(journal, `${readFileSync(journal, 'utf8')}  - id: by-hand\n    date: 2026-11-28\n    kind: note\n    title: By hand\n    dimensions: [mentorship]\n`);
    const [, tagged] = await Promise.all([worker.readFile(journal), worker.write({ path: journal, op: note('third') })]);
    assert.ok(tagged.ok);
    const after = await worker.readFile(journal);
    assert.deepEqual(after, await new InProcessEngine().readFile(journal));
    assert.deepEqual(after.kind === 'text' && after.journal?.entries.slice(-2).map((e) => e.title), ['By hand', 'third']);
  });

  it('keeps the file exact through many tags and undos in a row, each written from the bytes before it', async function () {
    this.timeout(60_000);
    writeFileSync(journal, `\uFEFF${benchJournal(50)}`);
    await worker.readFile(journal);
    for (let i = 0; i < 24; i++) {
      const tagged = await worker.write({ path: journal, op: { kind: 'append', drafts: [{ data: { date: '2026-11-28', kind: 'note', title: `tag ${i} — ✓`, dimensions: ['communication'] }, idSeed: `tag ${i}` }] } });
      assert.ok(tagged.ok);
      if (i % 3 === 2) assert.ok((await worker.write({ path: journal, op: { kind: 'remove', ids: [tagged.added[0].id] } })).ok);
      assert.deepEqual(await worker.readFile(journal), await new InProcessEngine().readFile(journal), `after tag ${i}`);
    }
    assert.equal(readFileSync(journal, 'utf8').match(/title: "?tag \d+/g)?.length, 16);
  });

  it('writes on the file as it is, whatever text the worker read last', async function () {
    this.timeout(60_000);
    writeFileSync(journal, benchJournal(20));
    await worker.readFile(journal);
    const note = (title: string) => ({ kind: 'append' as const, drafts: [{ data: { date: '2026-11-28', kind: 'note' as const, title, dimensions: ['communication'] }, idSeed: title }] });
    assert.ok((await worker.write({ path: journal, op: note('first') })).ok);
    // An editor's unsaved text read in between, then a plan on it: neither may stand in for the file.
    await worker.readText(benchJournal(5));
    assert.ok((await worker.write({ path: journal, op: note('second') })).ok);
    await worker.plan(benchJournal(6), note('planned only'));
    assert.ok((await worker.write({ path: journal, op: note('third') })).ok);
    assert.deepEqual(readFileSync(journal, 'utf8').match(/title: (first|second|third)$/gm), ['title: first', 'title: second', 'title: third']);
    const after = await worker.readFile(journal);
    assert.deepEqual(after, await new InProcessEngine().readFile(journal));
    assert.equal(after.kind === 'text' && after.journal?.entries.length, 23);
  });

  it('reports a missing file, invalid UTF-8 at its place, and edits by operation', async () => {
    assert.deepEqual(await worker.readFile(join(dir, 'none.yaml')), { kind: 'missing' });
    writeFileSync(journal, Buffer.concat([Buffer.from('version: 1\nentries: []\n# caf'), Buffer.from([0xe9]), Buffer.from('\n')]));
    const invalid = await worker.readFile(journal);
    assert.equal(invalid.kind, 'invalid');
    assert.equal(invalid.kind === 'invalid' && invalid.problem.line, 3);
    const edit = await worker.plan(benchJournal(2), { kind: 'remove', ids: ['nope'] });
    assert.equal(edit.ok, false);
  });

  it('refuses a file over the size limit without reading it', async () => {
    const huge = join(dir, 'huge.yaml');
    writeFileSync(huge, '');
    truncateSync(huge, MAX_JOURNAL_BYTES + 1); // sparse: no 32 MB written to disk
    for (const engine of [worker, new InProcessEngine()]) {
      const read = await engine.readFile(huge);
      assert.equal(read.kind === 'invalid' && read.problem.code, 'too-large');
    }
  });

  it('falls back to parsing in process when the worker cannot start', async () => {
    const broken = new WorkerEngine(join(dir, 'no-such-worker.js'), () => new InProcessEngine());
    try {
      writeFileSync(journal, benchJournal(3));
      const read = await broken.readFile(journal);
      assert.equal(read.kind === 'text' && read.journal?.entries.length, 3);
    } finally {
      broken.dispose();
    }
  });
});
