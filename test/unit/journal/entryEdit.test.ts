import assert from 'node:assert/strict';
import { JournalSession } from '../../../src/core/journal/session';
import { entryWithChanges, undoChanges, type EntryChanges } from '../../../src/core/journal/edit';
import { parseJournal, type Entry } from '../../../src/core/journal/model';
import { runSteps } from '../../../src/core/steps';
import { verifyChange } from '../../../src/core/journal/verify';

const JOURNAL = `# My journal: hand-edited.
version: 1
rubric: product-security
entries:
  # Q4 work
  - id: ev-1
    date: 2026-10-15
    kind: commit
    title: 'fix: handle tokens without "sub"' # the raw subject
    dimensions: [technical-depth, risk-management] # both
    commit:
      sha: 0123456789abcdef0123456789abcdef01234567
    reviewer: alice # a key this version does not know
  - id: ev-2
    date: 2026-11-02
    kind: note
    title: Ran the threat model
    dimensions:
      - communication # said it well
      - risk-management
    level: senior
    note: |
      Line one.
      # not a comment: part of the note
      Line three.
    statements: [risk-management/senior/1]
  # trailing comment about ev-3
  - id: ev-3
    date: 2026-12-01
    kind: note
    title: Last one
    dimensions: [communication]
`;

function plan(text: string, id: string, changes: EntryChanges) {
  return runSteps(new JournalSession().plan(text, { kind: 'edit', id, changes }));
}

function edited(text: string, id: string, changes: EntryChanges): string {
  const outcome = plan(text, id, changes);
  assert.ok(outcome.ok, outcome.ok ? '' : outcome.message);
  return outcome.text;
}

function entry(text: string, id: string): Omit<Entry, 'line'> {
  const found = parseJournal(text).journal!.entries.find((e) => e.id === id)!;
  const { line: _line, ...rest } = found;
  return rest;
}

/** The run of lines that differs between two texts, before and after, as one pair. */
function changedLines(a: string, b: string): [string, string][] {
  const x = a.split('\n');
  const y = b.split('\n');
  let start = 0;
  while (start < x.length && x[start] === y[start]) start++;
  let endX = x.length;
  let endY = y.length;
  while (endX > start && endY > start && x[endX - 1] === y[endY - 1]) {
    endX--;
    endY--;
  }
  return [[x.slice(start, endX).join('\n'), y.slice(start, endY).join('\n')]];
}

describe('editing an entry (the edit op)', () => {
  it('changes only the title value, keeping its line comment, the unknown key and every other entry', () => {
    const after = edited(JOURNAL, 'ev-1', { title: 'Tokens without a subject are refused' });
    assert.deepEqual(changedLines(JOURNAL, after), [[`    title: 'fix: handle tokens without "sub"' # the raw subject`, '    title: Tokens without a subject are refused # the raw subject']]);
    assert.deepEqual(entry(after, 'ev-1').extra, { reviewer: 'alice' });
    assert.deepEqual(entry(after, 'ev-2'), entry(JOURNAL, 'ev-2'));
  });

  it('adds details as a literal block after the entry\'s last line, and Undo takes them out again byte for byte', () => {
    const before = entry(JOURNAL, 'ev-1');
    const changes: EntryChanges = { note: 'Found by fuzzing.\nNo token is trusted without "sub".' };
    const after = edited(JOURNAL, 'ev-1', changes);
    assert.ok(after.includes('    reviewer: alice # a key this version does not know\n    note: |-\n      Found by fuzzing.\n      No token is trusted without "sub".\n  - id: ev-2'));
    assert.equal(entry(after, 'ev-1').note, changes.note);
    const undone = edited(after, 'ev-1', undoChanges(before, changes));
    assert.equal(undone, JOURNAL);
  });

  it('replaces a block-scalar note, keeping the key after it', () => {
    const after = edited(JOURNAL, 'ev-2', { note: 'One line now' });
    assert.ok(after.includes('    note: "One line now"\n    statements: [risk-management/senior/1]\n'));
    assert.equal(entry(after, 'ev-2').note, 'One line now');
    assert.deepEqual(entry(after, 'ev-2').statements, ['risk-management/senior/1']);
    const block = edited(JOURNAL, 'ev-2', { note: 'Still a block\nof two lines' });
    assert.ok(block.includes('    note: |-\n      Still a block\n      of two lines\n    statements:'), 'a block scalar stays a block scalar');
    const back = edited(after, 'ev-2', { note: 'Two\nlines' });
    assert.ok(back.includes('    note: |-\n      Two\n      lines\n    statements:'));
  });

  it('edits flow and block lists item by item, keeping the comments on items that stay', () => {
    const flow = edited(JOURNAL, 'ev-1', { dimensions: ['technical-depth'] });
    assert.ok(flow.includes('    dimensions: [technical-depth] # both\n'));
    const longer = edited(JOURNAL, 'ev-1', { dimensions: ['technical-depth', 'risk-management', 'communication'] });
    assert.ok(longer.includes('    dimensions: [technical-depth, risk-management, communication] # both\n'));
    const block = edited(JOURNAL, 'ev-2', { dimensions: ['communication', 'technical-depth', 'risk-management'] });
    assert.ok(block.includes('      - communication # said it well\n      - technical-depth\n      - risk-management\n    level: senior'));
    assert.deepEqual(entry(block, 'ev-2').dimensions, ['communication', 'technical-depth', 'risk-management']);
    const shorter = edited(JOURNAL, 'ev-2', { dimensions: ['communication'] });
    assert.ok(shorter.includes('      - communication # said it well\n    level: senior'));
  });

  it('sets, adds and removes level, statements and private in one write', () => {
    const changes: EntryChanges = { level: 'staff', statements: ['risk-management/senior/1', 'communication/senior/2'], private: true };
    const after = edited(JOURNAL, 'ev-1', changes);
    assert.deepEqual(entry(after, 'ev-1'), entryWithChanges(entry(JOURNAL, 'ev-1'), changes));
    assert.ok(after.includes('    reviewer: alice # a key this version does not know\n    level: staff\n    statements: [risk-management/senior/1, communication/senior/2]\n    private: true\n  - id: ev-2'));
    const cleared = edited(JOURNAL, 'ev-2', { level: null, statements: [] });
    assert.equal(entry(cleared, 'ev-2').level, undefined);
    assert.equal(entry(cleared, 'ev-2').statements, undefined);
    assert.ok(cleared.includes('      Line three.\n  # trailing comment about ev-3\n'), 'the comment after the entry stays');
    const publicAgain = edited(after, 'ev-1', { private: false });
    assert.ok(!publicAgain.includes('private'), 'public again: the key it was given goes');
    assert.equal(entry(publicAgain, 'ev-1').private, undefined);
    const commented = edited(after.replace('    private: true\n', '    private: true # for now\n'), 'ev-1', { private: false });
    assert.ok(commented.includes('    private: false # for now\n'), 'a comment on its line keeps the key, as false');
    assert.equal(edited(edited(JOURNAL, 'ev-3', { private: true }), 'ev-3', undoChanges(entry(JOURNAL, 'ev-3'), { private: true })), JOURNAL, 'Undo of private is exact');
  });

  it('keeps CRLF line endings and a missing final newline', () => {
    const crlf = JOURNAL.replace(/\n/g, '\r\n').trimEnd();
    const after = edited(crlf, 'ev-3', { note: 'First\nsecond', level: 'senior' });
    assert.ok(!/[^\r]\n/.test(after), 'every line break is CRLF');
    assert.ok(after.endsWith('    dimensions: [communication]\r\n    level: senior\r\n    note: |-\r\n      First\r\n      second'));
    assert.equal(entry(after, 'ev-3').note, 'First\nsecond');
    const titled = edited(crlf, 'ev-2', { title: 'New' });
    assert.equal(titled, crlf.replace('title: Ran the threat model', 'title: New'));
  });

  it('refuses an unknown id, an id used twice and an empty dimension list, naming the id', () => {
    const unknown = plan(JOURNAL, 'ev-9', { title: 'x' });
    assert.ok(!unknown.ok && unknown.message.includes('"ev-9"'));
    const twice = JOURNAL.replace('id: ev-3', 'id: ev-1');
    const dup = plan(twice, 'ev-1', { title: 'x' });
    assert.ok(!dup.ok && /"ev-1" is used by more than one entry/.test(dup.message), dup.ok ? '' : dup.message);
    const none = plan(JOURNAL, 'ev-1', { dimensions: [] });
    assert.ok(!none.ok && none.message.includes('at least one dimension'));
    const same = plan(JOURNAL, 'ev-3', { title: 'Last one' });
    assert.ok(!same.ok && same.message.includes('nothing to change'));
  });

  it('refuses an edit that would take a comment with it, and leaves the text as it was', () => {
    // The comment on the line of the level taken out would go: the write is refused.
    const outcome = plan(JOURNAL.replace('    level: senior\n', '    level: senior # claimed in review\n'), 'ev-2', { level: null });
    assert.ok(!outcome.ok, 'refused');
    assert.match(outcome.message, /comment/);
  });

  it('edits a flow-style entry\'s values in place but refuses to add keys to it', () => {
    const flow = `version: 1\nentries:\n  - { id: ev-f, date: 2026-10-01, kind: note, title: Flow, dimensions: [communication] } # inline\n`;
    const after = edited(flow, 'ev-f', { title: 'Still flow', dimensions: ['communication', 'risk-management'] });
    assert.equal(after, `version: 1\nentries:\n  - { id: ev-f, date: 2026-10-01, kind: note, title: "Still flow", dimensions: [communication, risk-management] } # inline\n`);
    const refused = plan(flow, 'ev-f', { level: 'senior' });
    assert.ok(!refused.ok && refused.message.includes('flow style'));
  });

  it('turns a single-value dimensions key into a list', () => {
    const single = JOURNAL.replace('    dimensions: [communication]\n', '    dimensions: communication\n');
    const after = edited(single, 'ev-3', { dimensions: ['communication', 'technical-depth'] });
    assert.ok(after.includes('    dimensions: [communication, technical-depth]\n'));
  });

  it('verify accepts exactly the edit and refuses a change to another entry, a comment or text outside the entry', () => {
    const op = { kind: 'edit', id: 'ev-1', changes: { title: 'New' } } as const;
    const right = JOURNAL.replace(`'fix: handle tokens without "sub"'`, 'New');
    const verify = (after: string) => verifyChange(parseJournal(JOURNAL), parseJournal(after), op, []);
    assert.equal(verify(right), undefined);
    assert.match(verify(right.replace('title: Last one', 'title: Last two'))!, /outside the entry/);
    assert.match(verify(right.replace('# the raw subject', '# edited'))!, /comment/);
    assert.match(verify(right.replace('# Q4 work', '# Q1 work'))!, /outside the entry/);
    assert.match(verify(right.replace('title: New', 'title: Newer'))!, /ev-1/);
  });
});
