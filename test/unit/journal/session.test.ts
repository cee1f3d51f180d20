import assert from 'node:assert/strict';
import { runSteps } from '../../../src/core/steps';
import { applyEdit } from '../../../src/core/text/textEdit';
import { checkJournal, parseJournal, type EntryData } from '../../../src/core/journal/model';
import { JournalSession, MAX_JOURNAL_BYTES } from '../../../src/core/journal/session';
import { type JournalOp } from '../../../src/core/journal/ops';
import { byteView } from '../../../src/host/journal/file';
import { bundledRubric, fixture, random } from '../helpers';

describe('journal session', () => {
  const text = fixture('journals/sample.yaml');

  it('reads bytes, refusing invalid UTF-8, and checks the journal read last', () => {
    const session = new JournalSession();
    const read = runSteps(session.readBytes(new TextEncoder().encode(text)));
    assert.equal(read.kind === 'text' && read.journal?.entries.length, 5);
    assert.deepEqual(session.check(bundledRubric()), []);
    const bad = runSteps(session.readBytes(Uint8Array.from([0x76, 0x3a, 0x20, 0xff, 0x0a])));
    assert.equal(bad.kind, 'invalid');
  });

  it('keeps what it read when the next bytes are not text, after a quick read as after a full one', () => {
    for (const viewOf of [byteView, undefined]) {
      const session = new JournalSession(viewOf);
      runSteps(session.readBytes(new TextEncoder().encode(text)));
      assert.equal(runSteps(session.readBytes(Uint8Array.from([0x76, 0x3a, 0x20, 0xff, 0x0a]))).kind, 'invalid');
      assert.equal(session.lastText, text, viewOf ? 'quick read' : 'full read');
    }
  });

  it('turns operations into edits: append with fresh ids, remove, profile', () => {
    const session = new JournalSession();
    const appended = runSteps(session.plan(text, { kind: 'append', drafts: [{ data: { date: '2026-11-27', kind: 'note', title: 'New', dimensions: ['communication'] }, idSeed: 'seed' }] }));
    assert.ok(appended.ok);
    if (!appended.ok) return;
    assert.match(appended.added[0].id, /^ev-20261127-[0-9a-f]{6}$/);
    const after = appended.edits.reduce(applyEdit, text);
    assert.equal(appended.text, after);
    const removed = runSteps(session.plan(after, { kind: 'remove', ids: [appended.added[0].id] }));
    assert.ok(removed.ok && removed.text === text);
    const profiled = runSteps(session.plan(text, { kind: 'profile', profile: { currentLevel: 'senior', targetLevel: 'senior' } }));
    assert.ok(profiled.ok && profiled.text.includes('currentLevel: senior   # promoted'));
  });

  it('checks after each write as a full check does, re-checking only what the write read again, after quick and full reads alike', () => {
    const rubric = bundledRubric();
    // Unknown dimensions and levels, bad and stale refs: problems on both sides of each edit.
    const dims = [['communication'], ['no-such-dimension'], ['risk-management', 'technical-depth'], []];
    const refs = [undefined, ['risk-management/senior/1'], ['not a ref'], ['communication/senior/9']];
    let reRead = 0;
    for (const quick of [true, false]) {
      const r = random(quick ? 3 : 4);
      const session = new JournalSession(quick ? byteView : undefined);
      let current = text;
      runSteps(session.readBytes(new TextEncoder().encode(current)));
      assert.deepEqual(session.check(rubric), checkJournal(parseJournal(current), rubric), 'after the read');
      for (let step = 0; step < 40; step++) {
        const entries = parseJournal(current).journal!.entries;
        const pick = r.int(10);
        const data: Omit<EntryData, 'id'> = { date: `2026-0${1 + r.int(9)}-1${r.int(10)}`, kind: 'note', title: `step ${step}`, dimensions: r.pick(dims), ...(r.int(3) ? { level: r.pick(['mid', 'senior', 'wizard']) } : {}), ...(r.pick(refs) ? { statements: r.pick(refs) } : {}) };
        const op: JournalOp =
          pick < 5 || entries.length < 2
            ? { kind: 'append', drafts: [{ data, idSeed: `s${step}` }] }
            : pick < 8
              ? { kind: 'remove', ids: [r.pick(entries).id] }
              : pick < 9
                ? { kind: 'amend', id: r.pick(entries).id, addDimensions: ['ownership'] }
                : { kind: 'profile', profile: { currentLevel: r.pick(['mid', 'senior']), targetLevel: r.pick(['senior', 'staff', 'wizard']) } };
        const planned = runSteps(session.plan(current, op));
        if (!planned.ok) continue;
        session.accept(planned.text, planned.parse);
        if (planned.parse.reReadFrom) reRead++;
        current = planned.text;
        assert.deepEqual(session.check(rubric), checkJournal(parseJournal(current), rubric), `step ${step}, ${op.kind}, ${quick ? 'quick' : 'full'} read`);
      }
    }
    assert.ok(reRead > 30, `${reRead} writes re-read only the tail, so their checks re-checked only it`);
  });

  it('re-checks a written tail against the parse it was read from, not whatever the session read in between', () => {
    const rubric = bundledRubric();
    const entry = (id: string, dimension: string) => `- id: ${id}\n  date: 2024-01-01\n  kind: note\n  title: t\n  dimensions: [${dimension}]\n`;
    const onDisk = `entries:\n${entry('a', 'communication')}${entry('b', 'communication')}${entry('c', 'communication')}`;
    const inEditor = `entries:\n${entry('a', 'nope')}${entry('b', 'communication')}${entry('c', 'communication')}`;
    const session = new JournalSession();
    runSteps(session.read(onDisk));
    const planned = runSteps(session.plan(onDisk, { kind: 'append', drafts: [{ data: { date: '2024-02-02', kind: 'note', title: 'n', dimensions: ['communication'] }, idSeed: 'x' }] }));
    assert.ok(planned.ok && planned.parse.reReadFrom);
    // While the write is under way (the extension host's engine awaits between plan and accept), an editor's text is read and checked.
    runSteps(session.read(inEditor));
    assert.equal(session.check(rubric).length, 1);
    session.accept(planned.text, planned.parse);
    assert.deepEqual(session.check(rubric), checkJournal(parseJournal(planned.text), rubric));
  });

  it('neither parses nor edits a journal over the size limit, and says how to bring it under', () => {
    const session = new JournalSession();
    const huge = `version: 1\nentries: []\n${'#'.repeat(MAX_JOURNAL_BYTES)}\n`;
    const read = runSteps(session.readBytes(new TextEncoder().encode(huge)));
    assert.equal(read.kind === 'invalid' && read.problem.code, 'too-large');
    assert.match(read.kind === 'invalid' ? read.problem.message : '', /^The journal is 33 MB; Growth Journal reads journals of up to 32 MB, so it neither read nor changed this one\. Move older entries to another file/);
    const fromEditor = runSteps(session.read(huge));
    assert.equal(fromEditor.kind === 'invalid' && fromEditor.problem.code, 'too-large');
    const edit = runSteps(session.plan(huge, { kind: 'remove', ids: ['x'] }));
    assert.equal(edit.ok, false);
    assert.match(edit.ok ? '' : edit.message, /^The journal is 33 MB/);
    const atLimit = `version: 1\nentries: []\n#${' '.repeat(MAX_JOURNAL_BYTES - 25)}\n`;
    assert.equal(atLimit.length, MAX_JOURNAL_BYTES);
    const underLimit = runSteps(session.read(atLimit));
    assert.deepEqual(underLimit.kind === 'text' && [underLimit.journal?.entries, underLimit.problems], [[], []], 'a journal of exactly the limit is read');
  });

  it('refuses to edit a journal that does not parse, naming the place', () => {
    const outcome = runSteps(new JournalSession().plan('version: 1\nentries: [\n', { kind: 'remove', ids: ['x'] }));
    assert.equal(outcome.ok, false);
    if (!outcome.ok) {
      assert.match(outcome.message, /The journal has an error at line \d+, column \d+: .* Nothing was written\./);
      assert.ok(outcome.problem?.line);
    }
    const missing = runSteps(new JournalSession().plan(text, { kind: 'remove', ids: ['nope'] }));
    assert.deepEqual(missing, { ok: false, message: 'No entry with id "nope" is in the journal.' });
  });
});
