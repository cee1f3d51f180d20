import assert from 'node:assert/strict';
import { benchJournal } from '../../../bench/journals';
import { runSteps } from '../../../src/core/steps';
import { parseJournal, type EntryData } from '../../../src/core/journal/model';
import { applyJournalChange, journalChange, type JournalWithProblems } from '../../../src/core/journal/change';
import { type RemovedEntry } from '../../../src/core/journal/edit';
import { JournalSession } from '../../../src/core/journal/session';
import { type JournalOp } from '../../../src/core/journal/ops';
import { LineIndex } from '../../../src/core/text/problem';
import { fixture, random } from '../helpers';

/** Seeds of the random-write run; GROWTH_FUZZ_SEEDS=200 runs the long version. */
const SEEDS = Number(process.env.GROWTH_FUZZ_SEEDS) || 12;
const DIMS = ['technical-depth', 'risk-management', 'communication', 'mentorship'];

function read(text: string): JournalWithProblems {
  const { journal, problems } = parseJournal(text);
  assert.ok(journal, 'the journal parses');
  return { journal, problems };
}

function randomOp(r: ReturnType<typeof random>, snapshot: JournalWithProblems, removed: RemovedEntry[], n: number): JournalOp {
  const ids = snapshot.journal.entries.map((e) => e.id);
  const choice = ids.length === 0 ? 0 : r.int(8);
  if (choice === 5 && removed.length) return { kind: 'restore', removed: removed.pop()! };
  if (choice === 3) return { kind: 'remove', ids: [r.pick(ids), ...(r.int(3) === 0 ? [r.pick(ids)] : [])] };
  if (choice === 4) return { kind: 'amend', id: r.pick(ids), addDimensions: [r.pick(DIMS)] };
  if (choice === 6) return { kind: 'profile', profile: { currentLevel: r.pick(['mid', 'senior']), targetLevel: 'senior' } };
  if (choice === 7) return { kind: 'redact' };
  const draft = (k: number): { data: Omit<EntryData, 'id'>; idSeed: string } => ({
    data: { date: `2026-0${1 + r.int(9)}-1${r.int(9)}`, kind: 'note', title: r.pick(['Plain', 'colon: inside', '# hash', '"quoted"']), dimensions: [r.pick(DIMS)], ...(r.int(2) ? { note: 'two\nlines\n' } : {}) },
    idSeed: `seed ${n} ${k}`,
  });
  return { kind: 'append', drafts: r.int(3) === 0 ? [draft(0), draft(1)] : [draft(0)] };
}

describe('journal changes after a write', () => {
  const starts = [fixture('journals/sample.yaml'), benchJournal(40), benchJournal(25, { crlf: true }), `\uFEFF${benchJournal(30)}`];

  it('turn the snapshot read before a write into a full parse of the text written, for any sequence of writes', function () {
    this.timeout(120_000);
    for (let seed = 1; seed <= SEEDS; seed++) {
      const r = random(seed);
      let text = starts[seed % starts.length];
      let snapshot = read(text);
      const session = new JournalSession();
      const removed: RemovedEntry[] = [];
      for (let n = 0; n < 12; n++) {
        const op = randomOp(r, snapshot, removed, n);
        const before = runSteps(session.parsed(text));
        const planned = runSteps(session.plan(text, op));
        if (!planned.ok) continue; // an amend that adds nothing new, say: nothing written
        session.accept(planned.text, planned.parse);
        if (planned.removed) removed.push(...planned.removed);
        const change = journalChange(before.journal!, { journal: planned.parse.journal!, problems: planned.parse.problems });
        snapshot = applyJournalChange(snapshot.journal, change);
        text = planned.text;
        assert.deepEqual(snapshot, read(text), `seed ${seed}, write ${n} (${op.kind})`);
        // A line index carried over from the text before the edit maps offsets as a new one does.
        const fresh = new LineIndex(text);
        assert.equal(planned.parse.source!.lines.lineCount, fresh.lineCount);
        for (let k = 0; k < 20; k++) {
          const offset = r.int(text.length + 1);
          assert.deepEqual(planned.parse.source!.lines.position(offset), fresh.position(offset), `seed ${seed}, write ${n}, offset ${offset}`);
        }
      }
    }
  });

  it('sends only what changed: the new entry for a tag, the lines that moved for a removal', () => {
    const text = benchJournal(200);
    const session = new JournalSession();
    const before = runSteps(session.parsed(text));
    const tag = runSteps(session.plan(text, { kind: 'append', drafts: [{ data: { date: '2026-11-27', kind: 'note', title: 'New', dimensions: ['communication'] }, idSeed: 's' }] }));
    assert.ok(tag.ok);
    const tagged = journalChange(before.journal!, { journal: tag.parse.journal!, problems: tag.parse.problems });
    assert.equal(tagged.keep, 200);
    assert.deepEqual(tagged.tail, tag.added.map((e) => ({ ...e, line: tag.parse.journal!.entries[200].line })));

    const victim = before.journal!.entries[100];
    const removal = runSteps(new JournalSession().plan(text, { kind: 'remove', ids: [victim.id] }));
    assert.ok(removal.ok);
    const change = journalChange(before.journal!, { journal: removal.parse.journal!, problems: removal.parse.problems });
    assert.equal(change.keep, 100);
    assert.equal(change.tail.length, 99);
    assert.ok(change.tail.every((t) => 'from' in t), 'every later entry is one already held, at its new line');
    const applied = applyJournalChange(before.journal!, change);
    assert.equal(applied.journal.entries[5], before.journal!.entries[5], 'entries above the edit are the same objects');
    assert.deepEqual(applied, read(removal.text));
  });
});
