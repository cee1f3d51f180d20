import assert from 'node:assert/strict';
import { parseJournal, type EntryData } from '../../../src/core/journal/model';
import { appendEntryEdit, formatEntry, JournalEditError, newJournalText, removeEntryEdit, setProfileEdits } from '../../../src/core/journal/edit';
import { applyEdit } from '../../../src/core/text/textEdit';
import { newEntryId } from '../../../src/core/journal/entryId';
import { fixture } from '../helpers';

const note: EntryData = { id: 'ev-20261127-abcdef', date: '2026-11-27', kind: 'note', title: 'Ran the design review', dimensions: ['communication'], level: 'senior' };

function append(text: string, entry: EntryData = note): string {
  return applyEdit(text, appendEntryEdit(parseJournal(text), entry));
}

/** The entries as plain data, for comparing what a journal holds. */
function data(text: string): unknown[] {
  const parse = parseJournal(text);
  assert.ok(parse.journal, JSON.stringify(parse.problems));
  return parse.journal.entries.map(({ line: _line, extra: _extra, ...rest }) => rest);
}

describe('journal editing', () => {
  it('appends after the last entry and touches no other byte', () => {
    const before = fixture('journals/sample.yaml');
    const after = append(before);
    assert.ok(after.startsWith(before), 'everything before stays byte for byte');
    assert.equal(after.slice(before.length), '  - id: ev-20261127-abcdef\n    date: 2026-11-27\n    kind: note\n    title: Ran the design review\n    dimensions: [communication]\n    level: senior\n');
    assert.deepEqual(data(after), [...data(before), note]);
  });

  it('keeps CRLF line endings and a BOM', () => {
    const before = `\uFEFF${fixture('journals/sample.yaml').replace(/\n/g, '\r\n')}`;
    const after = append(before);
    assert.ok(after.startsWith(before));
    assert.ok(!/[^\r]\n/.test(after), 'every line break is CRLF');
    assert.deepEqual(data(after).at(-1), note);
  });

  it('keeps a file with no final newline that way', () => {
    const before = fixture('journals/sample.yaml').trimEnd();
    const after = append(before);
    assert.ok(after.startsWith(before));
    assert.ok(!after.endsWith('\n'));
    assert.deepEqual(data(after).at(-1), note);
  });

  it('inserts before later keys and after trailing comments of a block note', () => {
    const before = 'version: 1\nentries:\n  - id: a\n    date: 2026-01-01\n    kind: note\n    title: A\n    dimensions: [x]\n    note: |+\n      kept\n\n# about the profile\nprofile: { currentLevel: mid }\n';
    const after = append(before);
    assert.equal(after, before.replace('\n# about', `\n${formatEntry(note, 4, '\n')}\n# about`));
    assert.deepEqual(data(after).map((e) => (e as EntryData).id), ['a', note.id]);
    assert.equal((data(after)[0] as EntryData).note, 'kept\n\n');
  });

  it('handles entries: [] with a comment, entries: with no value, and no entries key', () => {
    assert.equal(append('version: 1\nentries: [] # none yet\n'), `version: 1\nentries: # none yet\n${formatEntry(note, 2, '\n')}\n`);
    assert.equal(append('version: 1\nentries:\n'), `version: 1\nentries:\n${formatEntry(note, 2, '\n')}\n`);
    assert.equal(append('version: 1\nentries: ~\n'), `version: 1\nentries:\n${formatEntry(note, 2, '\n')}\n`);
    assert.equal(append('version: 1 # mine\n'), `version: 1 # mine\nentries:\n${formatEntry(note, 2, '\n')}\n`);
    assert.equal(append('version: 1'), `version: 1\nentries:\n${formatEntry(note, 2, '\n')}`);
  });

  it('follows the existing indentation, including zero-indented lists', () => {
    const before = 'entries:\n- id: a\n  date: 2026-01-01\n  kind: note\n  title: A\n  dimensions: [x]\n';
    const after = append(before);
    assert.ok(after.endsWith(`\n- id: ${note.id}\n  date: 2026-11-27\n  kind: note\n  title: Ran the design review\n  dimensions: [communication]\n  level: senior\n`), after);
  });

  it('appends to a flow list as a flow item', () => {
    const after = append('entries: [{ id: a, date: 2026-01-01, kind: note, title: A, dimensions: [x] }]\n');
    assert.deepEqual(data(after).map((e) => (e as EntryData).id), ['a', note.id]);
  });

  it('writes any title or note so that it reads back exactly', () => {
    const awkward = [
      'fix: "quoted" and \'single\'', 'colon: here', '# not a comment', '---', '...', 'multi\nline\ntitle', '🚀 emoji 👩‍💻',
      'x'.repeat(20_000), 'yes', 'null', '123', '0x1F', '- dash', '[flow]', '{map}', '*alias', '&anchor', '!tag', '@at', '`tick`',
      '%percent', 'trailing space ', ' leading space', 'tab\there', 'nul\u0000byte', 'bell\u0007', 'cr\rhere', 'crlf\r\nbreak',
      '\u2028sep', 'del\u007f', 'bom\ufeff', 'back\\slash', '', '  ', '\n', 'a: b # c', 'http://example.com/?a=1#x', 'ünïcödé ✓',
      'lone \ud83d surrogate',
    ];
    let text = 'version: 1\nentries: []\n';
    const written: EntryData[] = [];
    awkward.forEach((s, i) => {
      const entry: EntryData = {
        id: `ev-${i}`, date: '2026-11-27', kind: 'commit', title: s.trim() ? s : 'untitled', dimensions: ['a', 'b-c'],
        commit: { sha: 'abc1234', subject: s, repo: 'git@github.com:o/r.git' }, note: s, ...(i % 2 ? { private: true } : {}),
      };
      text = append(text, entry);
      written.push(entry);
    });
    assert.deepEqual(data(text), written);
  });

  it('writes notes as literal blocks where that is exact', () => {
    const entry = { ...note, note: 'Line one: with a colon\n  indented # not a comment\n\nlast' };
    assert.match(formatEntry(entry, 4, '\n'), /note: \|-\n {6}Line one: with a colon\n {8}indented # not a comment\n\n {6}last$/);
  });

  it('removes exactly one entry and its lines', () => {
    const original = fixture('journals/sample.yaml');
    const added = append(original);
    assert.equal(applyEdit(added, removeEntryEdit(parseJournal(added), note.id)), original, 'undo restores the bytes');
    const withoutFirst = applyEdit(original, removeEntryEdit(parseJournal(original), 'ev-20261002-9c1d2e'));
    assert.deepEqual(data(withoutFirst), data(original).slice(1));
    assert.ok(withoutFirst.startsWith('# Sample journal'), 'header comment stays');
    assert.throws(() => removeEntryEdit(parseJournal(original), 'nope'), /No entry with id "nope"/);
  });

  it('never edits a journal that does not parse', () => {
    const broken = 'version: 1\nentries:\n  - id: a\n   title: "open\n';
    assert.throws(() => appendEntryEdit(parseJournal(broken), note), (e: unknown) => e instanceof JournalEditError && /left untouched \(line \d+, column \d+/.test(e.message));
  });

  it('sets the profile in place, keeping comments', () => {
    const text = fixture('journals/sample.yaml');
    const edited = setProfileEdits(parseJournal(text), { currentLevel: 'senior', targetLevel: 'senior' }).reduce(applyEdit, text);
    assert.ok(edited.includes('  currentLevel: senior   # promoted in 2026-Q2\n  targetLevel: senior\n'));
    assert.equal(edited.length, text.length - 'mid'.length + 'senior'.length);
    const noProfile = 'version: 1\n# entries below\nentries: []\n';
    assert.equal(
      setProfileEdits(parseJournal(noProfile), { currentLevel: 'mid', targetLevel: 'senior' }).reduce(applyEdit, noProfile),
      'version: 1\n# entries below\nprofile:\n  currentLevel: mid\n  targetLevel: senior\nentries: []\n',
    );
    const partial = 'profile:\n  targetLevel: senior # goal\nentries: []\n';
    assert.deepEqual(parseJournal(setProfileEdits(parseJournal(partial), { currentLevel: 'mid', targetLevel: 'senior' }).reduce(applyEdit, partial)).journal?.profile, { currentLevel: 'mid', targetLevel: 'senior' });
  });

  it('makes a new journal that explains itself and parses', () => {
    const text = newJournalText('product-security', { currentLevel: 'mid', targetLevel: 'senior' });
    assert.ok(text.startsWith('# Growth journal'));
    const parse = parseJournal(text);
    assert.deepEqual(parse.journal, { version: 1, rubric: 'product-security', profile: { currentLevel: 'mid', targetLevel: 'senior' }, entries: [] });
    assert.deepEqual(parseJournal(newJournalText('x', {})).journal?.profile, {});
    assert.deepEqual(data(append(text)), [note]);
  });

  it('makes stable, unique ids', () => {
    assert.equal(newEntryId('2026-11-27', '3f2a1c9d8e', new Set()), 'ev-20261127-3f2a1c');
    const a = newEntryId('2026-11-27', 'Design review|1700000000000', new Set());
    assert.match(a, /^ev-20261127-[0-9a-f]{6}$/);
    assert.equal(newEntryId('2026-11-27', 'Design review|1700000000000', new Set()), a);
    const b = newEntryId('2026-11-27', 'Design review|1700000000000', new Set([a]));
    assert.notEqual(a, b);
  });
});
