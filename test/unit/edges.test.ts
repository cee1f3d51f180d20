// Issue 21, the file part: every file in and out is checked, and a save in progress is never overwritten.
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { buildSync } from 'esbuild';
import { chmodSync, closeSync, copyFileSync, cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync, writeSync, ftruncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runSteps } from '../../src/core/steps';
import { JournalSession, parseJournal, type JournalOp } from '../../src/core/journal';
import { followReplaced, SAVE_PAUSE_MS, writeJournal } from '../../src/host/journal/write';
import { fileError, FileRefusal } from '../../src/host/workspace/disk';
import { packetModel, renderPacketHtml } from '../../src/core/reports/packet';
import { quoted } from '../../src/core/text/problem';
import { shortened } from '../../src/core/text/shorten';
import { bundledRubric, fixture, root, run } from './helpers';

const entry = (n: number) => `  - id: e${n}\n    date: 2026-11-01\n    kind: note\n    title: Entry ${n}\n    dimensions: [communication]\n`;
/** A journal of `n` entries, the last one written by hand with a comment. */
const journalOf = (n: number) => `version: 1\nrubric: product-security\nentries:\n${Array.from({ length: n - 1 }, (_, i) => entry(i + 1)).join('')}  # written by hand\n  - id: by-hand\n    date: 2026-11-02\n    kind: note\n    title: 'Hand-written, kept'\n    dimensions: [communication]\n`;
const ids = (path: string) => parseJournal(readFileSync(path, 'utf8')).journal?.entries.map((e) => e.id) ?? [];

/** Waits until `done()` holds, checking often, up to `ms`. */
async function until(done: () => boolean, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!done()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** An editor saving in place: truncates the file, writes the first half (whole entries, so it reads as valid), and is paused there. */
function saveInPlace(path: string, text: string, cut: number) {
  const fd = openSync(path, 'r+');
  ftruncateSync(fd, 0);
  writeSync(fd, text.slice(0, cut), 0);
  return {
    finish() {
      writeSync(fd, text.slice(cut), Buffer.byteLength(text.slice(0, cut)));
      closeSync(fd);
    },
  };
}

describe('issue 21: nothing lost at the edges', () => {
  let dir: string;
  let path: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'growth-edges-'));
    mkdirSync(join(dir, '.growth'));
    path = join(dir, '.growth', 'journal.yaml');
    copyFileSync(join(root, 'test/fixtures/journals/sample.yaml'), path);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('1. --out never replaces the journal, its lock or its rubric, by any path to it', async () => {
    const before = readFileSync(path);
    copyFileSync(join(root, 'test/fixtures/ladders/platform-table.md'), join(dir, 'ladder.md'));
    symlinkSync(path, join(dir, 'link.yaml'));
    execFileSync('ln', [path, join(dir, 'hard.yaml')]);
    for (const args of [
      ['packet', '--out', '.growth/journal.yaml'],
      ['summary', '--period', '2026-Q4', '--out', './.growth/../.growth/journal.yaml'],
      ['summary', '--period', '2026-Q4', '--out', 'link.yaml'],
      ['summary', '--period', '2026-Q4', '--out', 'hard.yaml'],
      ['summary', '--period', '2026-Q4', '--out', '.growth/journal.yaml.lock'],
      ['rubric', 'import', 'ladder.md', '--out', '.growth/journal.yaml'],
      ['rubric', 'import', 'ladder.md', '--out', 'hard.yaml'],
    ]) {
      if (args.includes('.growth/journal.yaml.lock')) mkdirSync(`${path}.lock`);
      const r = await run(args, dir);
      rmSync(`${path}.lock`, { recursive: true, force: true });
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.err}`);
      assert.match(r.err, /^growth-journal: (Will not write .* over the journal|Cannot write .*: it is a folder)/, args.join(' '));
      assert.ok(readFileSync(path).equals(before), args.join(' '));
    }
    copyFileSync(join(root, 'rubric/product-security.yaml'), join(dir, 'my-rubric.yaml'));
    const rubric = await run(['summary', '--period', '2026-Q4', '--rubric', 'my-rubric.yaml', '--out', 'my-rubric.yaml'], dir);
    assert.equal(rubric.code, 2);
    assert.match(rubric.err, /over the rubric/);
  });

  it('1. --out never replaces a journal or a rubric reached from another folder, nor writes inside a lock folder, and the review guards the rubric too', async () => {
    const before = readFileSync(path);
    copyFileSync(join(root, 'test/fixtures/ladders/platform-table.md'), join(dir, 'ladder.md'));
    mkdirSync(join(dir, 'sub'));
    // From a folder below the workspace, or from another workspace: the journal there is not "the" journal of the command.
    const other = mkdtempSync(join(tmpdir(), 'growth-edges-other-'));
    try {
      for (const [args, cwd] of [
        [['rubric', 'import', '../ladder.md', '--out', '../.growth/journal.yaml'], join(dir, 'sub')],
        [['packet', '--journal', join(dir, '.growth/journal.yaml'), '--out', join(dir, '.growth/journal.yaml')], other],
        [['summary', '--journal', join(dir, '.growth/journal.yaml'), '--period', '2026-Q4', '--out', join(dir, '.growth/journal.yaml')], other],
      ] as const) {
        const r = await run([...args], cwd);
        assert.equal(r.code, 2, `${args.join(' ')}: ${r.err}`);
        assert.match(r.err, /^growth-journal: Will not write .* (over the journal|holds a Growth Journal journal)/, args.join(' '));
        assert.ok(readFileSync(path).equals(before), args.join(' '));
      }
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
    // Told by what it holds, however it is written: a byte-order mark, quoted keys, no entries yet.
    writeFileSync(join(dir, 'started.yaml'), '\uFEFF# mine\n"version": 1\nrubric: product-security\n');
    const started = await run(['summary', '--period', '2026-Q4', '--out', 'started.yaml'], dir);
    assert.equal(started.code, 2, started.err);
    assert.match(started.err, /holds a Growth Journal journal/);
    // Inside the lock folder: refused, and no lock folder is made to hold it.
    for (const out of ['.growth/journal.yaml.lock/p.md', 'elsewhere.lock/p.md']) {
      const r = await run(['packet', '--out', out], dir);
      assert.equal(r.code, 2, `${out}: ${r.err}`);
      assert.match(r.err, /^growth-journal: Will not write .*inside/, out);
      assert.equal(existsSync(join(dir, out)), false, out);
    }
    assert.equal(existsSync(`${path}.lock`), false, 'no lock folder left to block later writes');
    // The review never replaces the rubric the journal names, nor any other rubric.
    writeFileSync(path, readFileSync(path, 'utf8').replace('rubric: product-security', 'rubric: .growth/mine.yaml'));
    copyFileSync(join(root, 'rubric/product-security.yaml'), join(dir, '.growth/mine.yaml'));
    copyFileSync(join(root, 'rubric/product-security.yaml'), join(dir, 'another.yaml'));
    for (const out of ['./.growth/../.growth/mine.yaml', 'another.yaml']) {
      const r = await run(['review', '--period', '2026-Q4', '--level', 'senior', '--out', out], dir);
      assert.equal(r.code, 2, `${out}: ${r.err}`);
      assert.match(r.err, /(over the rubric|holds a Growth Journal rubric)/, out);
    }
    assert.ok(readFileSync(join(dir, '.growth/mine.yaml')).equals(readFileSync(join(root, 'rubric/product-security.yaml'))));
  });

  it('2. --out refuses a FIFO, a device and a folder, and writes through a symlink to its target', async () => {
    execFileSync('mkfifo', [join(dir, 'pipe')]);
    mkdirSync(join(dir, 'folder'));
    for (const [out, what] of [['pipe', /named pipe/], ['/dev/null', /a device/], ['folder', /a folder/]] as const) {
      const r = await run(['summary', '--period', '2026-Q4', '--out', out], dir);
      assert.equal(r.code, 2, r.err);
      assert.match(r.err, what);
    }
    assert.ok(lstatSync(join(dir, 'pipe')).isFIFO());
    assert.ok(statSync('/dev/null').isCharacterDevice());
    writeFileSync(join(dir, 'real.md'), 'old');
    symlinkSync(join(dir, 'real.md'), join(dir, 'summary.md'));
    const linked = await run(['summary', '--period', '2026-Q4', '--out', 'summary.md'], dir);
    assert.equal(linked.code, 0, linked.err);
    assert.ok(lstatSync(join(dir, 'summary.md')).isSymbolicLink(), 'the link stays a link');
    assert.match(readFileSync(join(dir, 'real.md'), 'utf8'), /^# Growth summary/);
  });

  it('3. reads are bounded before reading: a device, a FIFO with no writer and a file over the limit are refused at once', async () => {
    execFileSync('mkfifo', [join(dir, 'fifo.yaml')]);
    for (const [args, what] of [
      [['validate', '--journal', '/dev/zero'], /the journal \/dev\/zero: it is a device/],
      [['validate', '--journal', 'fifo.yaml'], /named pipe/],
      [['add', '--journal', 'fifo.yaml', '--title', 'x', '--dimension', 'communication'], /named pipe/],
      [['validate', '--rubric', '/dev/zero'], /the rubric \/dev\/zero: it is a device/],
      [['rubric', 'import', 'fifo.yaml'], /named pipe/],
      [['rubric', 'import', '/dev/zero'], /a device/],
    ] as const) {
      const r = await run([...args], dir);
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.err}`);
      assert.match(r.err, what);
    }
    writeFileSync(join(dir, 'big-rubric.yaml'), `# ${'x'.repeat(3 * 1024 * 1024)}\n`);
    const big = await run(['validate', '--rubric', 'big-rubric.yaml'], dir);
    assert.equal(big.code, 1);
    assert.match(big.out, /The rubric is over 2 MB/);
  });

  it('4. a save paused half-way while an add runs ends with every entry of the save and the added one (writeJournal)', async function () {
    this.timeout(SAVE_PAUSE_MS * 3);
    const saved = journalOf(101);
    writeFileSync(path, saved);
    const cut = saved.indexOf('  - id: e52\n');
    const save = saveInPlace(path, saved, cut);
    const session = new JournalSession();
    const plan = async (text: string, op: JournalOp) => runSteps(session.plan(text, op));
    const op: JournalOp = { kind: 'append', drafts: [{ data: { date: '2026-11-27', kind: 'note', title: 'added meanwhile', dimensions: ['communication'] }, idSeed: 'added' }] };
    const outcome = await writeJournal({ path, op, handOff: true }, plan);
    assert.ok(outcome.ok && outcome.following, 'the replaced file is watched: it changed a moment ago');
    assert.equal(ids(path).length, 52, 'the add landed on the half-saved file');
    save.finish();
    const followed = await followReplaced(outcome.following, plan);
    assert.equal(followed.kind, 'reapplied');
    const after = ids(path);
    assert.equal(after.length, 102);
    assert.deepEqual(after.slice(0, 101), parseJournal(saved).journal!.entries.map((e) => e.id));
    assert.equal(after[101], outcome.added[0].id);
    assert.match(readFileSync(path, 'utf8'), /# written by hand\n {2}- id: by-hand\n/);
    assert.deepEqual(parseJournal(readFileSync(path, 'utf8')).problems, []);
  });

  it('4. through the CLI: add exits at once, and a process of its own applies it again on top of the save when it ends, other adds included', async function () {
    this.timeout(SAVE_PAUSE_MS * 4);
    const cli = join(dir, 'dist', 'cli.js');
    buildSync({ entryPoints: [join(root, 'src', 'cli', 'index.ts')], bundle: true, platform: 'node', outfile: cli, logLevel: 'error' });
    cpSync(join(root, 'rubric'), join(dir, 'rubric'), { recursive: true });
    const saved = journalOf(101);
    writeFileSync(path, saved);
    const save = saveInPlace(path, saved, saved.indexOf('  - id: e52\n'));
    const add = (title: string) =>
      new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
        const child = spawn(process.execPath, [cli, 'add', '--title', title, '--dimension', 'communication'], { cwd: dir });
        let out = '';
        let err = '';
        child.stdout.on('data', (d: Buffer) => (out += d));
        child.stderr.on('data', (d: Buffer) => (err += d));
        child.on('close', (code) => resolve({ code, out, err }));
      });
    const first = await add('first while saving');
    const second = await add('second while saving');
    assert.equal(first.code, 0, first.err);
    assert.equal(second.code, 0, second.err);
    assert.equal(ids(path).length, 53, 'both adds returned while the save is still paused');
    save.finish();
    const want = [...parseJournal(saved).journal!.entries.map((e) => e.id), first.out.trim(), second.out.trim()];
    await until(() => ids(path).length === 103, SAVE_PAUSE_MS * 3);
    assert.deepEqual(ids(path), want);
    assert.match(readFileSync(path, 'utf8'), /# written by hand\n {2}- id: by-hand\n/);
  });

  it('4. a tag when nobody else writes is not watched once the file has been still for the pause', async () => {
    const old = new Date(Date.now() - SAVE_PAUSE_MS - 5_000);
    execFileSync('touch', ['-d', old.toISOString(), path]);
    const session = new JournalSession();
    const plan = async (text: string, op: JournalOp) => runSteps(session.plan(text, op));
    const op: JournalOp = { kind: 'append', drafts: [{ data: { date: '2026-11-27', kind: 'note', title: 'quiet', dimensions: ['communication'] }, idSeed: 'quiet' }] };
    const outcome = await writeJournal({ path, op, handOff: true }, plan);
    assert.ok(outcome.ok);
    assert.equal(outcome.following, undefined, 'no watch, and no process for it');
  });

  it('4. a watch ends even when the replaced file has a modification time ahead of the clock', async () => {
    const ahead = new Date(Date.now() + 3_600_000);
    execFileSync('touch', ['-d', ahead.toISOString(), path]);
    const session = new JournalSession();
    const plan = async (text: string, op: JournalOp) => runSteps(session.plan(text, op));
    const op: JournalOp = { kind: 'append', drafts: [{ data: { date: '2026-11-27', kind: 'note', title: 'ahead', dimensions: ['communication'] }, idSeed: 'ahead' }] };
    const outcome = await writeJournal({ path, op, handOff: true }, plan);
    assert.ok(outcome.ok && outcome.following, 'a file changed "just now" is watched');
    // Unchanged after the rename: the watch ends after one quiet pause, not an hour later (mocha's timeout would say so).
    assert.deepEqual(await followReplaced(outcome.following, plan), { kind: 'still' });
  });

  it('5. file-system errors are one sentence naming the file, the cause and what to do; the CLI exits 2', async () => {
    const cases: [string, RegExp][] = [
      ['ENOSPC', /^Cannot write the journal \/j\.yaml: the disk is full; free some space and try again\.$/],
      ['EEXIST', /^Cannot write the journal \/j\.yaml: a file is where a folder is needed on its path; move that file away and try again\.$/],
      ['EACCES', /^Cannot write the journal \/j\.yaml: permission denied; give your user access/],
      ['EPERM', /^Cannot write the journal \/j\.yaml: permission denied/],
      ['EROFS', /^Cannot write the journal \/j\.yaml: it is on a read-only file system; choose a path on a writable disk\.$/],
      ['EISDIR', /^Cannot write the journal \/j\.yaml: it is a folder, not a file; name a file instead\.$/],
      ['ELOOP', /^Cannot write the journal \/j\.yaml: it is a symbolic link that leads in a loop; point the link at a real file or remove it\.$/],
      ['ENOTDIR', /^Cannot write the journal \/j\.yaml: part of its path is a file, not a folder; fix the path\.$/],
    ];
    for (const [code, sentence] of cases) {
      const told = fileError(Object.assign(new Error(code), { code }), '/j.yaml', 'write', 'the journal');
      assert.ok(told instanceof FileRefusal, code);
      assert.match(told.message, sentence, code);
    }
    // .growth is a file: add cannot make its folder.
    const elsewhere = mkdtempSync(join(tmpdir(), 'growth-edges-file-'));
    try {
      writeFileSync(join(elsewhere, '.growth'), 'not a folder');
      const r = await run(['add', '--title', 'x', '--dimension', 'communication'], elsewhere);
      assert.equal(r.code, 2, r.err);
      assert.match(r.err, /^growth-journal: .*\.growth.*(a file of that name is in the way|part of its path is a file)/);
      assert.doesNotMatch(r.err, /\n {4}at /, 'no stack trace');
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
    // A symlink loop says so.
    symlinkSync('loop.yaml', join(dir, 'loop.yaml'));
    const loop = await run(['validate', '--journal', 'loop.yaml'], dir);
    assert.equal(loop.code, 2);
    assert.match(loop.err, /loop\.yaml: it is a symbolic link that leads in a loop/);
    const loopAdd = await run(['add', '--journal', 'loop.yaml', '--title', 'x', '--dimension', 'communication'], dir);
    assert.equal(loopAdd.code, 2);
    assert.match(loopAdd.err, /symbolic link that leads in a loop/);
  });

  it('5. a socket, and any other error of the file system, is one sentence too, never a stack trace', async () => {
    const socket = join(dir, 'sock');
    const server = (await import('node:net')).createServer().listen(socket);
    await new Promise((r) => server.once('listening', r));
    try {
      for (const args of [['list', '--journal', 'sock'], ['add', '--journal', 'sock', '--title', 'x', '--dimension', 'communication'], ['rubric', 'import', 'sock'], ['validate', '--rubric', 'sock']]) {
        const r = await run(args, dir);
        assert.equal(r.code, 2, `${args.join(' ')}: ${r.err}`);
        assert.match(r.err, /^growth-journal: .*sock.*(socket|not a regular file)/, args.join(' '));
        assert.doesNotMatch(r.err, /\n {4}at /, 'no stack trace');
      }
    } finally {
      server.close();
    }
    const unknown = fileError(Object.assign(new Error("EWHATEVER: something odd, open '/j.yaml'"), { code: 'EWHATEVER', syscall: 'open' }), '/j.yaml', 'read', 'the journal');
    assert.ok(unknown instanceof FileRefusal);
    assert.match(unknown.message, /^Cannot read the journal \/j\.yaml: the system said "EWHATEVER: something odd/);
  });

  it('5. a change that would take the journal past the size it can be read at is refused, and the file is untouched', async () => {
    const header = 'version: 1\nrubric: product-security\nentries:\n';
    const filler = `  - id: big\n    date: 2026-11-01\n    kind: note\n    title: Big\n    dimensions: [communication]\n    note: "${'x'.repeat(32 * 1024 * 1024 - header.length - 100)}"\n`;
    writeFileSync(path, header + filler.slice(0, 32 * 1024 * 1024 - header.length - 2) + '"\n');
    const before = readFileSync(path);
    assert.ok(before.length <= 32 * 1024 * 1024);
    const r = await run(['add', '--title', 'One more', '--dimension', 'communication'], dir);
    assert.equal(r.code, 1, r.err);
    assert.match(r.err, /would make the journal 32\.0 MB, over the 32 MB Growth Journal reads, so nothing was written/);
    assert.ok(readFileSync(path).equals(before));
  });

  it('6. a temp file left by a killed writer is removed by the next write, and only files of our pattern', async () => {
    const litter = join(dir, '.growth', '.journal.yaml.0123456789abcdef.tmp');
    const foreign = join(dir, '.growth', '.journal.yaml.notours.tmp');
    writeFileSync(litter, 'partial copy, private entries');
    writeFileSync(foreign, 'someone else');
    const r = await run(['add', '--title', 'after a kill', '--dimension', 'communication'], dir);
    assert.equal(r.code, 0, r.err);
    assert.ok(!existsSync(litter));
    assert.ok(existsSync(foreign));
  });

  it('7. a read-only journal is refused, not replaced; the owner and group of the file are kept', async () => {
    const before = readFileSync(path);
    chmodSync(path, 0o444);
    const r = await run(['add', '--title', 'x', '--dimension', 'communication'], dir);
    assert.equal(r.code, 2, r.err);
    assert.match(r.err, /journal\.yaml is read-only; make it writable to record evidence/);
    assert.ok(readFileSync(path).equals(before));
    assert.equal(statSync(path).mode & 0o777, 0o444);
    chmodSync(path, 0o640);
    if (process.getuid?.() === 0) {
      execFileSync('chown', ['12345:23456', path]);
      assert.equal((await run(['add', '--title', 'y', '--dimension', 'communication'], dir)).code, 0);
      const after = statSync(path);
      assert.deepEqual([after.uid, after.gid, after.mode & 0o777], [12345, 23456, 0o640]);
    }
  });

  it('8. periods: years before 1000 are four digits, and no period text crashes the CLI', async () => {
    const q = await run(['summary', '--period', '0999-Q2'], dir);
    assert.equal(q.code, 0, q.err);
    assert.match(q.out, /^# Growth summary: 0999-Q2/);
    for (const p of ['0000', '0500-H1', '0999', '10000', '0000-Q1']) {
      const r = await run(['summary', '--period', p], dir);
      assert.ok(r.code === 0 || r.code === 2, `${p}: ${r.err}`);
      if (r.code === 2) assert.match(r.err, /is not a period/);
    }
    assert.equal((await run(['summary', '--period', '0000'], dir)).code, 2);
  });

  it('smaller: remove of an id used twice says what to do, not "please report this"', async () => {
    writeFileSync(path, `version: 1\nentries:\n${entry(1)}${entry(2)}${entry(1)}${entry(1)}`);
    const before = readFileSync(path);
    const r = await run(['remove', 'e1'], dir);
    assert.equal(r.code, 1);
    assert.match(r.err, /3 entries have the id "e1" \(lines 3, 13 and 18\); give each its own id in the journal, then remove the one you mean\./);
    assert.doesNotMatch(r.err, /report/);
    assert.ok(readFileSync(path).equals(before));
  });

  it('smaller: names are shortened between characters, never inside a surrogate pair (the packet chart, messages)', () => {
    const lone = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
    for (let at = 30; at < 45; at++) {
      const name = `${'a'.repeat(at)}😀👩‍💻 and more text after it`;
      assert.doesNotMatch(shortened(name, 40), lone, name);
      assert.ok(shortened(name, 40).length <= 40);
      assert.doesNotMatch(quoted(name, 39), lone);
    }
    assert.equal(shortened('short', 40), 'short');
    const rubric = bundledRubric();
    const dimension = rubric.groups[0].dimensions[0];
    const named = { ...rubric, groups: [{ ...rubric.groups[0], dimensions: [{ ...dimension, name: `${'x'.repeat(38)}😀 then more words` }, ...rubric.groups[0].dimensions.slice(1)] }, ...rubric.groups.slice(1)] };
    const html = renderPacketHtml(packetModel({ rubric: named, journal: parseJournal(fixture('journals/packet.yaml')).journal!, journalLabel: 'j' }));
    assert.doesNotMatch(html, lone);
    assert.match(html, /x{38}…</);
  });

  it('smaller: a command refused for want of a rubric says why (a rubric outside the workspace is a warning, yet no rubric is read)', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'growth-edges-outside-'));
    try {
      copyFileSync(join(root, 'rubric/product-security.yaml'), join(outside, 'r.yaml'));
      writeFileSync(path, readFileSync(path, 'utf8').replace('rubric: product-security', `rubric: ${join(outside, 'r.yaml')}`));
      for (const args of [['add', '--title', 'x', '--dimension', 'communication'], ['summary', '--period', '2026-Q4']]) {
        const r = await run(args, dir);
        assert.equal(r.code, 1, r.err);
        assert.match(r.err, /is not a path inside the journal's workspace folder, so Growth Journal does not read it[^]*fix the problems above first/, args.join(' '));
      }
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('leaves nothing behind when a write is refused', async () => {
    chmodSync(path, 0o444);
    await run(['add', '--title', 'x', '--dimension', 'communication'], dir);
    assert.deepEqual(readdirSync(join(dir, '.growth')), ['journal.yaml']);
  });
});
