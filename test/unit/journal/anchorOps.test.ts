import assert from 'node:assert/strict';
import { runSteps } from '../../../src/core/steps';
import { parseJournal } from '../../../src/core/journal/model';
import { JournalSession } from '../../../src/core/journal/session';

const journal = (selection: string, eol = '\n') =>
  [
    '# my journal',
    'version: 1',
    'rubric: product-security',
    'entries:',
    '  - id: ev-sel',
    '    date: 2026-11-03',
    '    kind: selection',
    '    title: Constant-time MAC comparison',
    '    dimensions: [technical-depth]',
    ...selection.split('\n'),
    '  - id: ev-commit',
    '    date: 2026-11-04',
    '    kind: commit',
    '    title: Rotate keys',
    '    dimensions: [technical-depth]',
    '    commit:',
    "      sha: 'abcdef1234567'   # the first push",
    '      subject: Rotate keys',
    '',
  ].join(eol);

describe('re-anchoring and relinking through the write path', () => {
  const old = '    selection:\n      file: src/mac.ts   # kept\n      startLine: 10\n      endLine: 12';

  it('reads, writes and keeps the anchor keys of a selection', () => {
    const text = journal(`${old}\n      hash: 0a1b2c3d4e5f60\n      firstLine: "if (a: b) {"`);
    const entry = parseJournal(text).journal!.entries[0];
    assert.deepEqual(entry.selection, { file: 'src/mac.ts', startLine: 10, endLine: 12, hash: '0a1b2c3d4e5f60', firstLine: 'if (a: b) {' });
    const slow = parseJournal(text, { fast: false }).journal!.entries[0];
    assert.deepEqual(slow.selection, entry.selection);
  });

  it('re-anchors an old selection: new lines and content added, every comment kept', () => {
    const text = journal(old);
    const planned = runSteps(new JournalSession().plan(text, { kind: 'reanchor', id: 'ev-sel', selection: { startLine: 20, endLine: 22, hash: '00123456789012', firstLine: 'const x = "y"; # not a comment' } }));
    assert.ok(planned.ok, !planned.ok ? planned.message : '');
    assert.equal(planned.text, journal('    selection:\n      file: src/mac.ts   # kept\n      startLine: 20\n      endLine: 22\n      hash: "00123456789012"\n      firstLine: "const x = \\"y\\"; # not a comment"'));
    assert.deepEqual(parseJournal(planned.text).journal!.entries[0].selection, { file: 'src/mac.ts', startLine: 20, endLine: 22, hash: '00123456789012', firstLine: 'const x = "y"; # not a comment' });
  });

  it('re-anchors a selection written in flow style, and keeps CRLF', () => {
    const text = journal('    selection: { file: src/mac.ts, startLine: 10, endLine: 12, hash: aaaaaaaaaaaaaa, firstLine: "x" }', '\r\n');
    const planned = runSteps(new JournalSession().plan(text, { kind: 'reanchor', id: 'ev-sel', selection: { startLine: 11, endLine: 13, hash: 'bbbbbbbbbbbbbb', firstLine: 'x', sha: 'abcdef1' } }));
    assert.ok(planned.ok, !planned.ok ? planned.message : '');
    assert.equal(planned.text, journal('    selection: { file: src/mac.ts, startLine: 11, endLine: 13, hash: bbbbbbbbbbbbbb, firstLine: "x", sha: "abcdef1" }', '\r\n'));
  });

  it('refuses to re-anchor an entry that has no selection', () => {
    const planned = runSteps(new JournalSession().plan(journal(old), { kind: 'reanchor', id: 'ev-commit', selection: { startLine: 1, endLine: 1 } }));
    assert.equal(planned.ok, false);
    assert.match(!planned.ok ? planned.message : '', /has no "selection"/);
  });

  it('relinks a commit to its successor, keeping the quotes and the comment beside it', () => {
    const text = journal(old);
    const planned = runSteps(new JournalSession().plan(text, { kind: 'relink', links: [{ id: 'ev-commit', from: 'abcdef1234567', to: '4c1e2f9aa0000' }] }));
    assert.ok(planned.ok, !planned.ok ? planned.message : '');
    assert.equal(planned.text, text.replace("'abcdef1234567'", '4c1e2f9aa0000'));
    const stale = runSteps(new JournalSession().plan(text, { kind: 'relink', links: [{ id: 'ev-commit', from: '1111111', to: '4c1e2f9' }] }));
    assert.equal(stale.ok, false);
  });
});
