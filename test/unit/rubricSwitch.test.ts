import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkJournal, JournalSession, parseJournal, planRubricSwitch, rubricSwitchOp } from '../../src/core/journal';
import { runSteps } from '../../src/core/steps';
import { problemCounts } from '../../src/core/text/problem';
import { importLadder } from '../../src/core/rubric/ladderImport';
import { parseRubric } from '../../src/core/rubric/rubric';
import { bundledRubric, fixture, root } from './helpers';

describe('switching rubrics', () => {
  const journal = parseJournal(fixture('journals/sample.yaml')).journal!;
  const derived = parseRubric(importLadder(readFileSync(join(root, 'rubric/source/product-security-career-pathway.md'), 'utf8')).yaml).rubric!;

  it('lists every id the journal uses that the new rubric lacks, with uses, and suggests ids by name', () => {
    const plan = planRubricSwitch(journal, bundledRubric(), derived);
    const used = new Set(journal.entries.flatMap((e) => e.dimensions));
    const lacking = [...used].filter((id) => !derived.groups.some((g) => g.dimensions.some((d) => d.id === id)));
    assert.deepEqual(plan.dimensions.map((d) => d.id).sort(), lacking.sort());
    const communication = plan.dimensions.find((d) => d.id === 'communication');
    assert.deepEqual(communication, { id: 'communication', name: 'Communication & Influence', uses: journal.entries.filter((e) => e.dimensions.includes('communication')).length, suggestion: 'communication-influence' });
    // Levels match by their names in the old rubric: Mid-Level -> mid-level.
    const levels = Object.fromEntries(plan.levels.map((l) => [l.id, l.suggestion]));
    assert.equal(levels.mid, 'mid-level');
    assert.equal('senior' in levels, false, 'senior is in both');
  });

  it('suggests nothing for an id no name matches, and lists statement references the new rubric lacks', () => {
    const text = 'version: 1\nprofile: { currentLevel: a }\nentries:\n  - { id: e1, date: 2026-01-01, kind: note, title: T, dimensions: [gone, gone], level: a, statements: [gone/a/1, keep/b/1] }\n';
    const to = parseRubric('id: t\nname: T\nlevels: [{ id: b, name: B }, { id: c, name: C }]\ngroups:\n  - id: g\n    name: G\n    dimensions:\n      - { id: keep, name: Keep, expectations: { b: [One.] } }\n').rubric!;
    const plan = planRubricSwitch(parseJournal(text).journal!, undefined, to);
    assert.deepEqual(plan.dimensions, [{ id: 'gone', uses: 1 }]);
    assert.deepEqual(plan.levels, [{ id: 'a', uses: 2 }]);
    assert.deepEqual(plan.statements, [{ id: 'gone/a/1', uses: 1 }]);
  });
});

describe('switching rubrics and back', () => {
  const rubricA = parseRubric(`id: a
name: Ladder A
levels: [{ id: mid, name: Mid }, { id: senior, name: Senior }]
groups:
  - id: g
    name: G
    dimensions:
      - { id: mentorship, name: Mentorship, expectations: { mid: [Mentors one.], senior: [Mentors many.] } }
      - { id: collaboration, name: Collaboration, expectations: { mid: [Pairs.], senior: [Leads pairing.] } }
      - { id: craft, name: Craft, expectations: { mid: [Builds.] } }
`).rubric!;
  const rubricB = parseRubric(`id: b
name: Ladder B
levels: [{ id: l2, name: L2 }, { id: l3, name: L3 }]
groups:
  - id: g
    name: G
    dimensions:
      - { id: collaboration, name: Collaboration and Mentorship, expectations: { l2: [Works with others.], l3: [Grows others.] } }
      - { id: craft, name: Craft, expectations: { l2: [Builds well.] } }
`).rubric!;
  const journalText = [
    '# my journal',
    'version: 1',
    'rubric: .growth/rubrics/a.rubric.yaml',
    'profile:',
    '  currentLevel: mid # since June',
    '  targetLevel: senior',
    'entries:',
    '  - id: e1',
    '    date: 2026-01-02',
    '    kind: note',
    '    title: Mentored Ana',
    '    dimensions: [mentorship]',
    '    level: senior',
    `    statements: ['mentorship/senior/1@${'0'.repeat(6)}']`,
    '  - { id: e2, date: 2026-01-03, kind: note, title: Paired, dimensions: [collaboration, mentorship], level: mid }',
    '  - id: e3',
    '    date: 2026-01-04',
    '    kind: note',
    '    title: "Built it"',
    '    dimensions:',
    '      - craft # the main one',
    '      - collaboration',
    '  - { id: e4, date: 2026-01-05, kind: note, title: Reviewed, dimensions: [collaboration], level: mid, statements: [collaboration/mid/1] }',
    '',
  ].join('\n');
  const switchTo = (text: string, from: typeof rubricA, to: typeof rubricA, toRef: string, choice: { dimensions: Record<string, string>; levels: Record<string, string> }) => {
    const journal = parseJournal(text).journal!;
    const plan = planRubricSwitch(journal, from, to, toRef);
    const op = rubricSwitchOp(journal, plan, from, { ref: toRef, rubric: to }, choice, '2026-12-07');
    const outcome = runSteps(new JournalSession().plan(text, { kind: 'rubric', ...op }));
    assert.ok(outcome.ok, outcome.ok ? '' : outcome.message);
    return { plan, op, text: outcome.text };
  };

  it('merges two dimensions into one, records what each entry had, and the switch back gives the journal back byte for byte', () => {
    const there = switchTo(journalText, rubricA, rubricB, '.growth/rubrics/b.rubric.yaml', { dimensions: { mentorship: 'collaboration' }, levels: { mid: 'l2', senior: 'l3' } });
    const onB = parseJournal(there.text);
    assert.deepEqual(onB.journal!.entries.map((e) => [e.dimensions, e.level]), [[['collaboration'], 'l3'], [['collaboration', 'collaboration'], 'l2'], [['craft', 'collaboration'], undefined], [['collaboration'], 'l2']]);
    assert.deepEqual(onB.journal!.profile, { currentLevel: 'l2', targetLevel: 'l3' });
    // Only the entries the merge made ambiguous are recorded; the level map reads back on its own.
    assert.deepEqual(onB.journal!.rubricHistory, [{
      from: '.growth/rubrics/a.rubric.yaml', to: '.growth/rubrics/b.rubric.yaml', date: '2026-12-07',
      dimensions: { mentorship: 'collaboration' }, levels: { mid: 'l2', senior: 'l3' }, targetsKept: ['collaboration'],
      entriesBefore: { e1: { dimensions: ['mentorship'] }, e2: { dimensions: ['collaboration', 'mentorship'] } },
      profileBefore: {}, statementsKept: ['mentorship/senior/1', 'collaboration/mid/1'],
    }]);
    assert.match(there.text, /rubricHistory:\n {2}- from: .growth\/rubrics\/a.rubric.yaml\n/);
    // A cited statement with no counterpart on B is kept and is no error there.
    assert.deepEqual(checkJournal(onB, rubricB).filter((p) => p.severity === 'error'), []);
    assert.deepEqual(onB.journal!.entries[0].statements, ['mentorship/senior/1@000000']);

    const back = switchTo(there.text, rubricB, rubricA, '.growth/rubrics/a.rubric.yaml', { dimensions: {}, levels: {} });
    assert.ok(back.plan.back, 'the last recorded switch is the one undone');
    assert.deepEqual([back.plan.dimensions, back.plan.levels], [[], []], 'nothing to ask');
    assert.equal(back.text, journalText);
  });

  it('gives back what entries had when levels merge too, in a CRLF journal with an earlier record, and keeps that record', () => {
    const earlier = 'rubricHistory:\r\n  - from: old\r\n    to: .growth/rubrics/a.rubric.yaml\r\n    date: 2025-01-01 # first\r\n';
    const crlf = journalText.replace('entries:\n', `${earlier.replace(/\r\n/g, '\n')}entries:\n`).replace(/\n/g, '\r\n');
    const there = switchTo(crlf, rubricA, rubricB, '.growth/rubrics/b.rubric.yaml', { dimensions: { mentorship: 'collaboration' }, levels: { mid: 'l2', senior: 'l2' } });
    const onB = parseJournal(there.text).journal!;
    assert.equal(onB.rubricHistory!.length, 2);
    assert.deepEqual(onB.rubricHistory![1].profileBefore, { currentLevel: 'mid', targetLevel: 'senior' });
    assert.deepEqual(onB.rubricHistory![1].entriesBefore.e1, { dimensions: ['mentorship'], level: 'senior' });
    assert.ok(!/[^\r]\n/.test(there.text), 'CRLF kept');
    const back = switchTo(there.text, rubricB, rubricA, '.growth/rubrics/a.rubric.yaml', { dimensions: {}, levels: {} });
    assert.equal(back.text, crlf);
  });

  it('goes back over a chain of switches (A to B to C, then A) in one change, every id back, cited statements included', () => {
    const rubricC = parseRubric('id: c\nname: C\nlevels: [{ id: junior, name: Junior }, { id: senior, name: Senior }]\ngroups:\n  - id: g\n    name: G\n    dimensions:\n      - { id: people, name: People, expectations: { senior: [Helps.] } }\n      - { id: building, name: Building, expectations: { junior: [Builds.] } }\n').rubric!;
    const toB = switchTo(journalText, rubricA, rubricB, '.growth/rubrics/b.rubric.yaml', { dimensions: { mentorship: 'collaboration' }, levels: { mid: 'l2', senior: 'l3' } });
    const toC = switchTo(toB.text, rubricB, rubricC, 'c.rubric.yaml', { dimensions: { collaboration: 'people', craft: 'building' }, levels: { l2: 'junior', l3: 'senior' } });
    const onC = parseJournal(toC.text).journal!;
    assert.equal(onC.rubricHistory!.length, 2);
    assert.deepEqual(onC.entries.map((e) => e.dimensions), [['people'], ['people', 'people'], ['building', 'people'], ['people']]);
    const back = switchTo(toC.text, rubricC, rubricA, '.growth/rubrics/a.rubric.yaml', { dimensions: {}, levels: {} });
    assert.equal(back.plan.back?.length, 2, 'both switches undone, newest first');
    assert.deepEqual([back.plan.dimensions, back.plan.levels], [[], []], 'nothing to ask');
    assert.equal(back.text, journalText);
    // Back to B only: the last switch alone.
    const toBAgain = switchTo(toC.text, rubricC, rubricB, '.growth/rubrics/b.rubric.yaml', { dimensions: {}, levels: {} });
    assert.equal(toBAgain.text, toB.text);
  });

  it('going back maps what was tagged on the new rubric since: ids read backwards, and only the ones with no way back are asked', () => {
    const there = switchTo(journalText, rubricA, rubricB, '.growth/rubrics/b.rubric.yaml', { dimensions: { mentorship: 'collaboration', craft: 'craft' }, levels: { mid: 'l2', senior: 'l3' } });
    const tagged = `${there.text}  - { id: e5, date: 2026-02-01, kind: note, title: New, dimensions: [collaboration], level: l3 }\n`;
    const rubricB2 = parseRubric(`id: b\nname: B\nlevels: [{ id: l2, name: L2 }, { id: l3, name: L3 }]\ngroups:\n  - id: g\n    name: G\n    dimensions:\n      - { id: collaboration, name: C, expectations: { l2: [W.] } }\n      - { id: craft, name: Craft, expectations: { l2: [B.] } }\n      - { id: speaking, name: Speaking, expectations: { l3: [Talks.] } }\n`).rubric!;
    const withNew = tagged.replace('dimensions: [collaboration], level: l3 }', 'dimensions: [collaboration, speaking], level: l3 }');
    const plan = planRubricSwitch(parseJournal(withNew).journal!, rubricB2, rubricA, '.growth/rubrics/a.rubric.yaml');
    assert.deepEqual(plan.dimensions.map((d) => d.id), ['speaking']);
    const back = switchTo(withNew, rubricB2, rubricA, '.growth/rubrics/a.rubric.yaml', { dimensions: { speaking: 'mentorship' }, levels: {} });
    assert.equal(back.text, `${journalText}  - { id: e5, date: 2026-02-01, kind: note, title: New, dimensions: [collaboration, mentorship], level: senior }\n`);
  });
  it('going back keeps a statement cited since that the rubric gone back to lacks, recorded so it is no error there', () => {
    const there = switchTo(journalText, rubricA, rubricB, '.growth/rubrics/b.rubric.yaml', { dimensions: { mentorship: 'collaboration', craft: 'craft' }, levels: { mid: 'l2', senior: 'l3' } });
    const ref = `collaboration/l3/1@${'0'.repeat(6)}`;
    const tagged = `${there.text}  - { id: e5, date: 2026-02-01, kind: note, title: New, dimensions: [collaboration], level: l3, statements: ['${ref}'] }\n`;
    const back = switchTo(tagged, rubricB, rubricA, '.growth/rubrics/a.rubric.yaml', { dimensions: {}, levels: {} });
    assert.deepEqual(back.plan.statements.map((s) => s.id), ['collaboration/l3/1']);
    const parse = parseJournal(back.text);
    assert.deepEqual(parse.journal!.rubricHistory?.map((h) => [h.from, h.to, h.statementsKept]), [['.growth/rubrics/b.rubric.yaml', '.growth/rubrics/a.rubric.yaml', ['collaboration/l3/1']]]);
    // Every entry from before the first switch is as it was; the new one keeps its citation, and it is no error on A.
    const plain = (entries: readonly { line: number }[]) => entries.map(({ line: _line, ...rest }) => rest);
    assert.deepEqual(plain(parse.journal!.entries.slice(0, 4)), plain(parseJournal(journalText).journal!.entries));
    assert.match(back.text, new RegExp(`statements: \\['${ref}'\\] \\}\\n$`));
    assert.deepEqual(checkJournal(parse, rubricA).filter((p) => p.severity === 'error').map((p) => p.message), []);
  });
});

describe('the tree banner after a switch', () => {
  it('counts errors with the warnings, errors first', () => {
    const problem = (severity: 'error' | 'warning') => ({ severity, code: 'x', message: 'm' });
    assert.equal(problemCounts([problem('warning'), problem('error'), problem('warning')]), '1 error and 2 warnings');
    assert.equal(problemCounts([problem('error'), problem('error')]), '2 errors');
    assert.equal(problemCounts([problem('warning')]), '1 warning');
    assert.equal(problemCounts([]), undefined);
  });
});
