import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseJournal, type Entry } from '../../src/core/journal';
import { root, run } from './helpers';

describe('cli: edit, list and add --statement', () => {
  let dir: string;
  let path: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'growth-cli-edit-'));
    mkdirSync(join(dir, '.growth'));
    path = join(dir, '.growth/journal.yaml');
    copyFileSync(join(root, 'test/fixtures/journals/sample.yaml'), path);
  });
  const entry = (id: string): Entry => parseJournal(readFileSync(path, 'utf8')).journal!.entries.find((e) => e.id === id)!;

  it('edit changes only that entry\'s lines: title, details, dimensions, level, statements, private', async () => {
    const before = readFileSync(path, 'utf8');
    const r = await run(['edit', 'ev-20261002-9c1d2e', '--title', 'Tokens with alg "none" are refused', '--note', 'One line of details.', '--dimension', 'technical-depth', '--level', 'mid', '--statement', 'technical-depth/mid/1', '--private'], dir);
    assert.equal(r.code, 0, r.err);
    assert.match(r.err, /Edited ev-20261002-9c1d2e: title, details, dimensions, level, private, statements\./);
    const e = entry('ev-20261002-9c1d2e');
    assert.equal(e.title, 'Tokens with alg "none" are refused');
    assert.equal(e.note, 'One line of details.');
    assert.deepEqual(e.dimensions, ['technical-depth']);
    assert.equal(e.level, 'mid');
    assert.match(e.statements![0], /^technical-depth\/mid\/1@[0-9a-f]{6}$/, 'cited with the fingerprint of the text');
    assert.equal(e.private, true);
    const after = readFileSync(path, 'utf8');
    const start = before.indexOf('  - id: ev-20261002-9c1d2e');
    const next = before.indexOf('  - id: ev-20261015-41aa07');
    assert.equal(after.slice(0, start), before.slice(0, start), 'the lines before the entry are as they were');
    assert.ok(after.endsWith(before.slice(next)), 'the lines after the entry are as they were');
    assert.ok(after.includes('      subject: "fix(auth): reject tokens with a \\"none\\" alg"\n'), 'the keys not edited keep their quoting');
    const back = await run(['edit', 'ev-20261002-9c1d2e', '--public', '--statement', '', '--level', 'senior'], dir);
    assert.equal(back.code, 0, back.err);
    assert.equal(entry('ev-20261002-9c1d2e').statements, undefined);
    assert.equal(entry('ev-20261002-9c1d2e').private, undefined);
  });

  it('edit refuses an unknown id, an id used twice, or an unknown dimension, level or statement, naming it, exit 1, the journal untouched', async () => {
    writeFileSync(path, `${readFileSync(path, 'utf8')}  - id: ev-20261103-5f5f5f\n    date: 2026-11-04\n    kind: note\n    title: Same id again\n    dimensions: [communication]\n`);
    const before = readFileSync(path, 'utf8');
    const cases: [string[], number, RegExp][] = [
      [['edit', 'ev-nope', '--title', 'x'], 1, /No entry with id "ev-nope"/],
      [['edit', 'ev-20261103-5f5f5f', '--title', 'x'], 1, /"ev-20261103-5f5f5f" is used by more than one entry/],
      [['edit', 'ev-20261015-41aa07', '--dimension', 'technical-dept'], 1, /"technical-dept" is not a dimension/],
      [['edit', 'ev-20261015-41aa07', '--level', 'wizard'], 1, /"wizard" is not a level/],
      [['edit', 'ev-20261015-41aa07', '--statement', 'risk-management/senior/9'], 1, /"risk-management\/senior\/9" is not a statement of .*: Risk Management has \d statements? at senior, not 9/],
      [['edit', 'ev-20261015-41aa07', '--statement', 'nonsense'], 1, /"nonsense" is not a statement ref/],
      [['edit', 'ev-20261015-41aa07'], 2, /edit needs something to change/],
      [['edit', '--title', 'x'], 2, /edit needs the id/],
      [['edit', 'ev-20261015-41aa07', '--private', '--public'], 2, /not both/],
    ];
    for (const [args, code, message] of cases) {
      const r = await run(args, dir);
      assert.equal(r.code, code, `${args.join(' ')}: ${r.err}`);
      assert.match(r.err, message, args.join(' '));
      assert.equal(readFileSync(path, 'utf8'), before, args.join(' '));
    }
  });

  it('edit keeps a CRLF journal CRLF', async () => {
    writeFileSync(path, readFileSync(path, 'utf8').replace(/\n/g, '\r\n'));
    const r = await run(['edit', 'ev-20260914-777777', '--note', 'Two\nlines'], dir);
    assert.equal(r.code, 0, r.err);
    const after = readFileSync(path, 'utf8');
    assert.ok(!/[^\r]\n/.test(after), 'every line break is CRLF');
    assert.ok(after.endsWith('    reviewer: Dana   # a field this version does not know; kept as written\r\n    note: |-\r\n      Two\r\n      lines\r\n'));
  });

  it('add --statement cites statements with their fingerprint, and refuses one the rubric does not have', async () => {
    const added = await run(['add', '--title', 'Ran the review', '--dimension', 'risk-management', '--statement', 'risk-management/senior/1', '--date', '2026-11-21'], dir);
    assert.equal(added.code, 0, added.err);
    assert.match(entry(added.out.trim()).statements![0], /^risk-management\/senior\/1@[0-9a-f]{6}$/);
    const before = readFileSync(path, 'utf8');
    const bad = await run(['add', '--title', 'x', '--dimension', 'risk-management', '--statement', 'risk-management/wizard/1'], dir);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /"risk-management\/wizard\/1" is not a statement/);
    assert.equal(readFileSync(path, 'utf8'), before);
  });

  it('list prints one line per entry, filtered by plain text, dimension and period, or JSON with ids', async () => {
    const all = await run(['list'], dir);
    assert.equal(all.code, 0, all.err);
    assert.equal(all.out.trim().split('\n').length, 5);
    assert.match(all.out, /^ev-20261002-9c1d2e {2}2026-10-02 {2}commit {2}Hardened token validation in the auth middleware {2}Technical Depth, Risk Management · Senior$/m);
    const byNote = await run(['list', '--grep', 'ALG: NONE'], dir);
    assert.deepEqual(byNote.out.trim().split('\n').map((l) => l.split('  ')[0]), ['ev-20261002-9c1d2e'], 'found in the details, any case');
    const byFile = await run(['list', '--grep=threat-model.ts'], dir);
    assert.match(byFile.out, /^ev-20261015-41aa07 /);
    const byName = await run(['list', '--grep', 'mentorship & lead'], dir);
    assert.match(byName.out, /^ev-20260914-777777 /, 'a dimension found by its name');
    const byDimension = await run(['list', '--dimension', 'communication', '--period', '2026-Q4', '--json'], dir);
    const parsed = JSON.parse(byDimension.out) as Entry[];
    assert.deepEqual(parsed.map((e) => e.id), ['ev-20261103-5f5f5f']);
    assert.equal(parsed[0].title, 'Led the post-mortem for the <script> injection incident & shared fixes');
    const unknown = await run(['list', '--dimension', 'nope'], dir);
    assert.equal(unknown.code, 1);
    assert.match(unknown.err, /"nope" is not a dimension/);
  });

  it('list --grep treats any pattern as text: regular-expression characters, an empty pattern and a huge one', async () => {
    assert.equal((await run(['list', '--grep', '.*'], dir)).out, '', 'not a regular expression');
    assert.match((await run(['list', '--grep', '<script>'], dir)).out, /^ev-20261103-5f5f5f /);
    assert.equal((await run(['list', '--grep', ''], dir)).out.trim().split('\n').length, 5, 'an empty pattern is in every entry');
    const huge = await run(['list', '--grep', `${'(a+)+'.repeat(200_000)}$`], dir);
    assert.equal(huge.code, 0);
    assert.equal(huge.out, '');
    assert.match(huge.err, /^0 entries holding/);
  });

  it('list prints journal text on one line without control characters', async () => {
    writeFileSync(path, `${readFileSync(path, 'utf8')}  - id: ev-esc\n    date: 2026-11-05\n    kind: note\n    title: "Bell\\u0007 and \\u001b[31mred\\u001b[0m\\nnext"\n    dimensions: [communication]\n`);
    const r = await run(['list', '--grep', 'bell'], dir);
    assert.equal(r.out, 'ev-esc  2026-11-05  note  Bell and [31mred[0m next  Communication & Influence\n');
  });
});
