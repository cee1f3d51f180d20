import assert from 'node:assert/strict';
import { buildCompareModel } from '../../src/core/reports/compareModel';
import { taggedDimensions } from '../../src/core/reports/coverage';
import { MAX_LISTED_EVIDENCE } from '../../src/core/reports/rubricView';
import { parseJournal } from '../../src/core/journal';
import { diffStatements, dimensionChanges } from '../../src/core/rubric/levelDiff';
import { importLadder } from '../../src/core/rubric/ladderImport';
import { findDimension, parseRubric } from '../../src/core/rubric/rubric';
import { parseWebviewMessage } from '../../src/shared/protocol';
import { benchJournal } from '../../bench/journals';
import { bundledRubric, fixture, rubricFixture } from './helpers';

describe('level comparison', () => {
  it('diffs statements: same, reworded, new and dropped', () => {
    assert.deepEqual(diffStatements(['Owns small-to-medium projects.', 'Balances speed with quality.', 'Needs consent.'], ['Owns large projects.', 'Balances speed with quality.', 'Drives outcomes.']), [
      { kind: 'changed', text: 'Owns large projects.', from: 'Owns small-to-medium projects.', runs: [{ kind: 'same', text: 'Owns ' }, { kind: 'removed', text: 'small-to-medium ' }, { kind: 'added', text: 'large ' }, { kind: 'same', text: 'projects.' }] },
      { kind: 'same', text: 'Balances speed with quality.' },
      { kind: 'new', text: 'Drives outcomes.' },
      { kind: 'dropped', text: 'Needs consent.' },
    ]);
    assert.deepEqual(diffStatements([], ['A.']), [{ kind: 'new', text: 'A.' }]);
  });

  it('compares each described level with the nearest described level below', () => {
    const rubric = bundledRubric();
    const changes = dimensionChanges(rubric, findDimension(rubric, 'technical-depth')!);
    assert.deepEqual(Object.keys(changes), ['associate', 'mid', 'senior']);
    assert.ok(changes.associate.every((c) => c.kind === 'new'));
    assert.ok(changes.mid.some((c) => c.kind === 'dropped' && c.text === 'Technically limited on operational tasks.'));
    const five = rubricFixture('rubrics/five-levels.yaml');
    assert.deepEqual(Object.keys(dimensionChanges(five, findDimension(five, 'operations')!)), ['l2', 'l4']);
  });

  it('builds the view model: levels, groups, cells, evidence per period', () => {
    const rubric = bundledRubric();
    const journal = parseJournal(fixture('journals/sample.yaml')).journal!;
    const model = buildCompareModel(rubric, journal, { period: 'quarter', today: '2026-11-27', fiscalStartMonth: 1 });
    assert.deepEqual(model.levels.map((l) => l.id), ['associate', 'mid', 'senior']);
    assert.equal(model.currentLevel, 'mid');
    assert.equal(model.targetLevel, 'senior');
    assert.deepEqual(model.periods.map((p) => p.label), ['This quarter (2026-Q4, Oct–Dec 2026)', 'Last quarter (2026-Q3, Jul–Sep 2026)', 'This half (2026-H2, Jul–Dec 2026)', 'This year (2026, Jan–Dec 2026)', 'All time']);
    assert.deepEqual(model.periods.map((p) => p.key), ['quarter', 'previous', '2026-H2', '2026', 'all']);
    assert.equal(model.periodText, 'this quarter (2026-Q4)');
    const depth = model.groups[0].dimensions.find((d) => d.id === 'technical-depth')!;
    // A Senior level named without a statement cited is a claim: some evidence, not met.
    assert.deepEqual([depth.evidence.count, depth.evidence.highestLevel, depth.evidence.status], [1, 'senior', 'some']);
    assert.deepEqual([depth.target?.covered, depth.target?.statements.length, depth.target?.claims], [0, 4, '1 entry claims Senior, no Senior statement cited']);
    assert.equal(depth.evidence.entries[0].title, 'Hardened token validation in the auth middleware');
    assert.equal(model.groups[1].description, 'Beyond the core competencies listed above, Senior AppSec/Product Security professionals typically demonstrate:');
    assert.equal(depth.description, undefined);
    const described = buildCompareModel(parseRubric(importLadder(fixture('ladders/ft-style.yml')).yaml).rubric!, undefined, { period: 'all', today: '2026-11-27', fiscalStartMonth: 1 });
    assert.equal(described.groups[0].dimensions[1].description, 'Demonstrates technical expertise.');
    const mentor = buildCompareModel(rubric, journal, { period: 'previous', today: '2026-11-27', fiscalStartMonth: 1 }).groups[0].dimensions.find((d) => d.id === 'mentorship')!;
    assert.equal(mentor.evidence.count, 1, 'September is last quarter');
    assert.deepEqual(model.groups[1].dimensions[0].cells, { senior: ['Represents the company at conferences, writes blog posts, contributes to open-source security projects'] });
  });

  it('lists only the newest evidence of a large journal, and counts all of it', () => {
    const rubric = bundledRubric();
    const journal = parseJournal(benchJournal(2_000)).journal!;
    const model = buildCompareModel(rubric, journal, { period: 'all', today: '2026-11-27', fiscalStartMonth: 1 });
    const depth = model.groups[0].dimensions.find((d) => d.id === 'technical-depth')!;
    // A cited statement's dimension counts as tagged.
    const all = journal.entries.filter((e) => taggedDimensions(e).includes('technical-depth'));
    assert.equal(depth.evidence.count, all.length);
    assert.equal(depth.evidence.entries.length, MAX_LISTED_EVIDENCE);
    const newest = all.map((e) => e.date).sort().reverse()[0];
    assert.equal(depth.evidence.entries[0].date, newest);
    assert.ok(depth.evidence.entries.every((e, i, list) => i === 0 || list[i - 1].date >= e.date), 'newest first');
    const firstOlder = all.find((e) => e.id === depth.evidence.firstOlderId)!;
    assert.ok(firstOlder && firstOlder.date <= depth.evidence.entries[MAX_LISTED_EVIDENCE - 1].date, 'the older ones start where the list ends');
    assert.ok(!depth.evidence.entries.some((e) => e.id === firstOlder.id));
    const small = buildCompareModel(rubric, parseJournal(fixture('journals/sample.yaml')).journal!, { period: 'all', today: '2026-11-27', fiscalStartMonth: 1 });
    assert.ok(small.groups.flatMap((g) => g.dimensions).every((d) => d.evidence.firstOlderId === undefined));
  });

  it('counts evidence per dimension and level in the matrix, with the latest date, and the target statements it covers', () => {
    const rubric = bundledRubric();
    const text = `version: 1
profile: { currentLevel: mid, targetLevel: senior }
entries:
  - { id: a, date: 2026-10-03, kind: note, title: Old mid, dimensions: [risk-management], level: mid }
  - { id: b, date: 2026-11-20, kind: note, title: New mid, dimensions: [risk-management], level: mid }
  - { id: c, date: 2026-11-02, kind: note, title: Cites senior, dimensions: [], statements: [risk-management/senior/2] }
  - { id: d, date: 2026-11-05, kind: note, title: No level, dimensions: [risk-management] }
  - { id: e, date: 2026-06-01, kind: note, title: Last half, dimensions: [risk-management], level: senior, statements: [risk-management/senior/1] }
`;
    const journal = parseJournal(text).journal!;
    const model = buildCompareModel(rubric, journal, { period: 'quarter', mode: 'matrix', today: '2026-11-27', fiscalStartMonth: 1 });
    const risk = model.groups.flatMap((g) => g.dimensions).find((d) => d.id === 'risk-management')!;
    assert.equal(model.mode, 'matrix');
    assert.deepEqual(Object.fromEntries(Object.entries(risk.matrix).map(([level, c]) => [level, [c.count, c.latest, c.entries.map((e) => e.id)]])), {
      mid: [2, '2026-11-20', ['b', 'a']],
      senior: [1, '2026-11-02', ['c']],
      '': [1, '2026-11-05', ['d']],
    });
    assert.equal(model.unlevelled, true);
    assert.deepEqual(risk.target?.statements.map((s) => [s.ref, s.count]), [['risk-management/senior/1', 0], ['risk-management/senior/2', 1], ['risk-management/senior/3', 0]]);
    assert.equal(risk.target?.gap, '1 of 3 Senior statements in Risk Management have evidence');
    // A year holds the June entry: the first statement is covered too.
    const year = buildCompareModel(rubric, journal, { period: '2026', today: '2026-11-27', fiscalStartMonth: 1 });
    const riskYear = year.groups.flatMap((g) => g.dimensions).find((d) => d.id === 'risk-management')!;
    assert.equal(riskYear.target?.covered, 2);
    assert.equal(riskYear.matrix.senior.count, 2);
    // A custom range is offered in the select as it was chosen, with its dates.
    const custom = buildCompareModel(rubric, journal, { period: '2026-05-01..2026-06-30', today: '2026-11-27', fiscalStartMonth: 1 });
    assert.deepEqual(custom.periods.find((p) => p.key === '2026-05-01..2026-06-30')?.label, '2026-05-01 to 2026-06-30');
    assert.equal(custom.periodText, 'from 2026-05-01 to 2026-06-30');
    assert.equal(custom.groups.flatMap((g) => g.dimensions).find((d) => d.id === 'risk-management')!.evidence.count, 1);
    // A quality stated only at Senior expects nothing at Mid: no target statements for a Mid target.
    const midTarget = buildCompareModel(rubric, parseJournal(text.replace('targetLevel: senior', 'targetLevel: mid')).journal!, { period: 'all', today: '2026-11-27', fiscalStartMonth: 1 });
    assert.equal(midTarget.groups[1].dimensions[0].target, undefined);
  });

  it('works for a five-level ladder with eight dimensions', () => {
    const five = rubricFixture('rubrics/five-levels.yaml');
    const journal = parseJournal(fixture('journals/five-levels.yaml')).journal!;
    const model = buildCompareModel(five, journal, { period: 'all', today: '2026-11-27', fiscalStartMonth: 1 });
    assert.equal(model.levels.length, 5);
    assert.equal(model.groups.flatMap((g) => g.dimensions).length, 8);
    assert.equal(model.groups[0].dimensions[1].evidence.status, 'some', 'the level named, no statement cited: a claim');
  });

  it('accepts only well-formed messages from the webview', () => {
    assert.deepEqual(parseWebviewMessage({ type: 'ready' }), { type: 'ready' });
    assert.deepEqual(parseWebviewMessage({ type: 'openEntry', entryId: 'ev-1' }), { type: 'openEntry', entryId: 'ev-1' });
    assert.deepEqual(parseWebviewMessage({ type: 'openEntryInJournal', entryId: 'ev-1', extra: 1 }), { type: 'openEntryInJournal', entryId: 'ev-1' });
    assert.deepEqual(parseWebviewMessage({ type: 'setMode', mode: 'matrix' }), { type: 'setMode', mode: 'matrix' });
    assert.deepEqual(parseWebviewMessage({ type: 'choosePeriod', period: 'x' }), { type: 'choosePeriod' });
    for (const period of ['quarter', 'previous', 'all', '2026-H2', '2026', '2026-Q4', '2026-03-01..2026-08-31']) assert.deepEqual(parseWebviewMessage({ type: 'setPeriod', period }), { type: 'setPeriod', period });
    assert.deepEqual(parseWebviewMessage({ type: 'tagStatement', ref: 'risk-management/senior/2' }), { type: 'tagStatement', ref: 'risk-management/senior/2' });
    for (const bad of [null, 'ready', { type: 'setMode', mode: 'grid' }, { type: 'setPeriod', period: '<b>' }, { type: 'setPeriod', period: 2026 }, { type: 'openEntry' }, { type: 'openEntry', entryId: 5 }, { type: 'openEntryInJournal' }, { type: 'setPeriod', period: 'forever' }, { type: 'runCommand', command: 'x' }, { type: 'tagDimension', dimensionId: 'x'.repeat(500) }, { type: 'tagStatement', ref: 'risk-management/senior' }, { type: 'tagStatement', ref: 'a/b/0' }, { type: 'tagStatement', ref: 'a/b/1@3f2a1c' }, { type: 'tagStatement', ref: '../b/1' }, { type: 'tagStatement' }]) {
      assert.equal(parseWebviewMessage(bad), undefined, JSON.stringify(bad));
    }
  });
});
