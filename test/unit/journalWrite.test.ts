import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { buildSync } from 'esbuild';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync, lstatSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runSteps } from '../../src/core/steps';
import { parseJournal, type EntryData, JournalSession, type JournalOp } from '../../src/core/journal';
import { WorkerEngine } from '../../src/host/journal/engine';
import { InProcessEngine } from '../../src/host/journal/inProcessEngine';
import { holdsBytes } from '../../src/host/journal/file';
import { writeJournal } from '../../src/host/journal/write';
import { fixture, root } from './helpers';

const draft = (title: string): { data: Omit<EntryData, 'id'>; idSeed: string } => ({ data: { date: '2026-11-27', kind: 'note', title, dimensions: ['communication'] }, idSeed: title });
const append = (title: string): JournalOp => ({ kind: 'append', drafts: [draft(title)] });
const plan = (session = new JournalSession()) => async (text: string, op: JournalOp) => runSteps(session.plan(text, op));
const titles = (path: string) => parseJournal(readFileSync(path, 'utf8')).journal!.entries.map((e) => e.title);

describe('the journal write path', () => {
  let dir: string;
  let path: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'growth-write-'));
    mkdirSync(join(dir, '.growth'));
    path = join(dir, '.growth', 'journal.yaml');
    writeFileSync(path, fixture('journals/sample.yaml'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('loses no entry when many writes race in one process, each with its own session', async () => {
    const names = Array.from({ length: 40 }, (_, i) => `race ${i}`);
    const outcomes = await Promise.all(names.map((n) => writeJournal({ path, op: append(n) }, plan())));
    assert.ok(outcomes.every((o) => o.ok), JSON.stringify(outcomes.find((o) => !o.ok)));
    assert.deepEqual(titles(path).slice(-40).sort(), [...names].sort());
    assert.deepEqual(readdirSync(join(dir, '.growth')), ['journal.yaml'], 'no temp file or lock left behind');
  });

  it('loses no entry when two worker threads (two windows) write at once', async function () {
    this.timeout(60_000);
    const script = join(dir, 'journalWorker.js');
    buildSync({ entryPoints: [join(root, 'src', 'host', 'journal', 'worker.ts')], bundle: true, platform: 'node', outfile: script, logLevel: 'error' });
    const a = new WorkerEngine(script, () => new InProcessEngine());
    const b = new WorkerEngine(script, () => new InProcessEngine());
    try {
      const names = Array.from({ length: 30 }, (_, i) => `window ${i}`);
      const outcomes = await Promise.all(names.map((n, i) => (i % 2 ? a : b).write({ path, op: append(n) })));
      assert.ok(outcomes.every((o) => o.ok), JSON.stringify(outcomes.find((o) => !o.ok)));
      assert.deepEqual(titles(path).slice(-30).sort(), [...names].sort());
      const read = await a.readFile(path);
      assert.equal(read.kind === 'text' && read.journal?.entries.length, 35, 'a read after writes sees them all');
    } finally {
      a.dispose();
      b.dispose();
    }
  });

  it('loses no entry when many CLI processes add at once', async function () {
    this.timeout(120_000);
    const cli = join(dir, 'dist', 'cli.js');
    buildSync({ entryPoints: [join(root, 'src', 'cli', 'index.ts')], bundle: true, platform: 'node', outfile: cli, logLevel: 'error' });
    cpSync(join(root, 'rubric'), join(dir, 'rubric'), { recursive: true });
    const names = Array.from({ length: 16 }, (_, i) => `process ${i}`);
    const results = await Promise.all(
      names.map(
        (n) =>
          new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
            const child = spawn(process.execPath, [cli, 'add', '--title', n, '--dimension', 'communication'], { cwd: dir });
            let out = '';
            let err = '';
            child.stdout.on('data', (d: Buffer) => (out += d));
            child.stderr.on('data', (d: Buffer) => (err += d));
            child.on('close', (code) => resolve({ code, out, err }));
          }),
      ),
    );
    for (const r of results) assert.equal(r.code, 0, r.err);
    const ids = new Set(results.map((r) => r.out.trim()));
    assert.equal(ids.size, names.length, 'each printed its own id');
    const parse = parseJournal(readFileSync(path, 'utf8'));
    assert.deepEqual(parse.problems, []);
    assert.deepEqual(parse.journal!.entries.slice(-16).map((e) => e.title).sort(), [...names].sort());
  });

  it('writes the new text\'s UTF-8 exactly, keeping the bytes before the edit, in any script, line ending or BOM', async () => {
    const entry = (id: string, title: string) => `  - id: ${id}\n    date: 2026-11-0${id.length % 9}\n    kind: note\n    title: "${title}"\n    dimensions: [communication]\n`;
    const texts = [
      `version: 1\n# Schlüssel — ünïcödé 🚀\nentries:\n${entry('a1', 'Präsentation 日本語 ✓')}${entry('b22', 'emoji 👩‍💻 and 𝒳')}`,
      `\uFEFFversion: 1\r\nentries:\r\n${entry('c333', 'crlf — “quotes”').replace(/\n/g, '\r\n')}`,
    ];
    for (const text of texts) {
      writeFileSync(path, text);
      const session = new JournalSession();
      const ops: JournalOp[] = [append('Ärger mit 🐛 — fixed'), append('plain'), { kind: 'profile', profile: { currentLevel: 'senior', targetLevel: 'staff' } }];
      for (const op of ops) {
        const outcome = await writeJournal({ path, op }, plan(session));
        assert.ok(outcome.ok, outcome.ok ? '' : outcome.message);
        assert.ok(readFileSync(path).equals(Buffer.from(outcome.text, 'utf8')), `${op.kind}: the file holds exactly the text planned`);
        assert.ok(Buffer.concat(outcome.bytes).equals(readFileSync(path)));
        session.accept(outcome.text, outcome.parse);
      }
      const ids = parseJournal(readFileSync(path, 'utf8')).journal!.entries.map((e) => e.id);
      const removed = await writeJournal({ path, op: { kind: 'remove', ids: ids.slice(-2) } }, plan(session));
      assert.ok(removed.ok && readFileSync(path).equals(Buffer.from(removed.text, 'utf8')));
    }
  });

  it('refuses text a UTF-8 file cannot hold (half a surrogate pair) and writes nothing', async () => {
    const before = readFileSync(path);
    // A quoted title escapes it ("\ud83d"), which reads back the same; a note written as a block cannot.
    const quoted = await writeJournal({ path, op: append('half \uD83D a pair') }, plan());
    assert.ok(quoted.ok && parseJournal(readFileSync(path, 'utf8')).journal!.entries.at(-1)!.title === 'half \uD83D a pair');
    writeFileSync(path, before);
    const note = { kind: 'append' as const, drafts: [{ data: { ...draft('x').data, note: 'first \uD83D\nsecond\n' }, idSeed: 'x' }] };
    const outcome = await writeJournal({ path, op: note }, plan());
    assert.ok(!outcome.ok && /not valid Unicode/.test(outcome.message));
    assert.ok(readFileSync(path).equals(before));
  });

  it('works the change out again when the file changes between its read and the rename (an editor saving, a writer whose lock went stale)', async () => {
    const byHand = (text: string) => `${text.replace(/\s*$/, '\n')}  - id: saved-meanwhile\n    date: 2026-11-28\n    kind: note\n    title: Saved meanwhile\n    dimensions: [communication]\n`;
    let saves = 1;
    const session = new JournalSession();
    const outcome = await writeJournal({ path, op: append('mine') }, async (text, op) => {
      // Another program saves while this change is worked out, once.
      if (saves-- > 0) writeFileSync(path, byHand(readFileSync(path, 'utf8')));
      return runSteps(session.plan(text, op));
    });
    assert.ok(outcome.ok);
    assert.deepEqual(titles(path).slice(-2), ['Saved meanwhile', 'mine']);

    const before = readFileSync(path, 'utf8');
    let n = 0;
    const restless = await writeJournal({ path, op: append('never') }, async (text, op) => {
      writeFileSync(path, `${before}# save ${++n}\n`);
      return runSteps(new JournalSession().plan(text, op));
    });
    assert.ok(!restless.ok && /kept changing/.test(restless.message));
    assert.equal(readFileSync(path, 'utf8'), `${before}# save ${n}\n`, 'the last save stands, untouched');
    assert.deepEqual(readdirSync(join(dir, '.growth')).filter((f) => f.endsWith('.tmp')), []);
  });

  it('refuses a link to nothing and a missing folder, saying what is wrong (not that another program holds the lock)', async () => {
    const link = join(dir, '.growth', 'linked.yaml');
    symlinkSync(join(dir, 'not-mounted', 'journal.yaml'), link);
    const dangling = await writeJournal({ path: link, op: append('x'), template: 'version: 1\nentries: []\n' }, plan());
    assert.ok(!dangling.ok && /symbolic link to .*not-mounted.*does not exist/.test(dangling.message), JSON.stringify(dangling));
    assert.ok(lstatSync(link).isSymbolicLink());
    const missing = await writeJournal({ path: join(dir, 'no-such-folder', 'journal.yaml'), op: { kind: 'remove', ids: ['x'] } }, plan());
    assert.ok(!missing.ok && /There is no journal at/.test(missing.message));
  });

  it('tells whether a file still holds some bytes, also when asked twice at once', async () => {
    const bytes = readFileSync(path);
    const other = join(dir, '.growth', 'other.yaml');
    writeFileSync(other, Buffer.from(bytes).fill(0x20, 0, 1));
    assert.deepEqual(await Promise.all([holdsBytes(path, bytes), holdsBytes(other, bytes), holdsBytes(path, bytes.subarray(1)), holdsBytes(join(dir, 'missing.yaml'), bytes)]), [true, false, false, false]);
    assert.deepEqual(await Promise.all([holdsBytes(other, readFileSync(other)), holdsBytes(path, bytes)]), [true, true]);
  });

  it('keeps the mode and owner, and writes through a symlink to its target', async () => {
    chmodSync(path, 0o600);
    assert.ok((await writeJournal({ path, op: append('private one') }, plan())).ok);
    assert.equal(statSync(path).mode & 0o777, 0o600);
    const target = join(dir, 'elsewhere.yaml');
    writeFileSync(target, fixture('journals/sample.yaml'));
    rmSync(path);
    symlinkSync(target, path);
    assert.ok((await writeJournal({ path, op: append('through the link') }, plan())).ok);
    assert.ok(lstatSync(path).isSymbolicLink(), 'the link stays a link');
    assert.equal(titles(target).at(-1), 'through the link');
  });

  it('takes over a lock left by a crashed writer, and waits for a live one', async () => {
    const lock = `${path}.lock`;
    mkdirSync(lock);
    const old = new Date(Date.now() - 60_000);
    utimesSync(lock, old, old);
    assert.ok((await writeJournal({ path, op: append('after a crash') }, plan())).ok);
    assert.equal(titles(path).at(-1), 'after a crash');
  });

  it('writes nothing when the change cannot be verified or the file does not parse, and says why', async () => {
    const broken = `${fixture('journals/sample.yaml')}  - id: "open\n`;
    writeFileSync(path, broken);
    const outcome = await writeJournal({ path, op: append('x') }, plan());
    assert.equal(outcome.ok, false);
    assert.match(outcome.ok ? '' : outcome.message, /The journal has an error at line \d+, column \d+/);
    assert.equal(readFileSync(path, 'utf8'), broken);
    const refused = await writeJournal({ path, op: append('y') }, async () => ({ ok: false, message: 'no' }));
    assert.deepEqual(refused, { ok: false, message: 'no' });
    assert.equal(readFileSync(path, 'utf8'), broken);
  });

  it('re-reads the file under the lock: a change made meanwhile on disk is kept', async () => {
    const session = new JournalSession();
    assert.ok((await writeJournal({ path, op: append('first') }, plan(session))).ok);
    writeFileSync(path, `${readFileSync(path, 'utf8')}# a hand edit\n`);
    assert.ok((await writeJournal({ path, op: append('second') }, plan(session))).ok);
    const text = readFileSync(path, 'utf8');
    assert.match(text, /# a hand edit\n/);
    assert.deepEqual(titles(path).slice(-2), ['first', 'second']);
  });
});
