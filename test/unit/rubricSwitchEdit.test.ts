import assert from 'node:assert/strict';
import { runSteps } from '../../src/core/steps';
import { parseJournal, JournalSession } from '../../src/core/journal';
import { fixture } from './helpers';

const plan = (text: string, rubric: string, dimensions: Record<string, string> = {}, levels: Record<string, string> = {}) =>
  runSteps(new JournalSession().plan(text, { kind: 'rubric', rubric, dimensions, levels }));

describe('pointing a journal at another rubric', () => {
  it('sets rubric: and maps dimension and level ids in place, every other byte kept', () => {
    const before = fixture('journals/sample.yaml');
    const outcome = plan(before, '.growth/rubrics/platform.rubric.yaml', { communication: 'comms', mentorship: 'mentoring' }, { senior: 'l3', mid: 'l2' });
    assert.ok(outcome.ok, outcome.ok ? '' : outcome.message);
    const after = parseJournal(outcome.text).journal!;
    const was = parseJournal(before).journal!;
    assert.equal(after.rubric, '.growth/rubrics/platform.rubric.yaml');
    assert.deepEqual(after.profile, { currentLevel: 'l2', targetLevel: 'l3' });
    assert.equal(after.entries.length, was.entries.length);
    const map = (ids: string[]) => ids.map((d) => ({ communication: 'comms', mentorship: 'mentoring' } as Record<string, string>)[d] ?? d);
    assert.deepEqual(after.entries.map((e) => e.dimensions), was.entries.map((e) => map(e.dimensions)));
    assert.deepEqual(after.entries.map((e) => e.level), was.entries.map((e) => (e.level === 'senior' ? 'l3' : e.level === 'mid' ? 'l2' : e.level)));
    // Only the changed scalars differ: comments and the rest of each line stay.
    const changedLines = outcome.text.split('\n').filter((line, i) => line !== before.split('\n')[i]);
    assert.ok(changedLines.every((l) => /rubric:|Level:|dimensions:|level:|- (comms|mentoring)/.test(l)), changedLines.join('\n'));
    assert.equal(outcome.text.split('\n').length, before.split('\n').length);
  });

  it('adds rubric: after version: when the journal names none, and keeps a comment after the value', () => {
    const none = plan('version: 1\nentries: []\n', 'r.yaml');
    assert.ok(none.ok);
    assert.equal(none.text, 'version: 1\nrubric: r.yaml\nentries: []\n');
    const commented = plan('version: 1\nrubric: product-security # the bundled one\nentries: []\n', 'other.rubric.yaml');
    assert.ok(commented.ok);
    assert.equal(commented.text, 'version: 1\nrubric: other.rubric.yaml # the bundled one\nentries: []\n');
    const bare = plan('version: 1\nrubric:\nentries: []\n', 'x.yaml');
    assert.ok(bare.ok, bare.ok ? '' : bare.message);
    assert.equal(bare.text, 'version: 1\nrubric: x.yaml\nentries: []\n');
  });

  it('maps ids in flow lists, quoted scalars and CRLF journals', () => {
    const text = 'version: 1\r\nrubric: a\r\nentries:\r\n  - { id: e1, date: 2026-01-02, kind: note, title: T, dimensions: ["old-one", other], level: "mid" }\r\n';
    const outcome = plan(text, 'b', { 'old-one': 'new-one' }, { mid: 'l2' });
    assert.ok(outcome.ok, outcome.ok ? '' : outcome.message);
    assert.equal(outcome.text, 'version: 1\r\nrubric: b\r\nentries:\r\n  - { id: e1, date: 2026-01-02, kind: note, title: T, dimensions: [new-one, other], level: l2 }\r\n');
  });

  it('refuses a rubric: that is a list, saying where', () => {
    const outcome = plan('version: 1\nrubric: [a, b]\nentries: []\n', 'c');
    assert.equal(outcome.ok, false);
    assert.match(outcome.ok ? '' : outcome.message, /not a single value/);
  });
});
