import assert from 'node:assert/strict';
import { citations, coverage, statementCoverage, statementGapText } from '../../src/core/reports/coverage';
import { findDimension } from '../../src/core/rubric/rubric';
import { buildRubricView } from '../../src/core/reports/rubricView';
import { parseJournal } from '../../src/core/journal';
import { parseQuarter, quarterRange } from '../../src/core/time/quarters';
import { bundledRubric, fixture, rubricFixture } from './helpers';

describe('coverage', () => {
  const rubric = bundledRubric();
  const journal = parseJournal(fixture('journals/sample.yaml')).journal!;
  const q4 = quarterRange(parseQuarter('2026-Q4')!);

  it('counts evidence in a period and finds the highest level shown', () => {
    const rows = coverage(rubric, journal.entries, { range: q4, targetLevel: 'senior' });
    const row = (id: string) => rows.find((r) => r.dimension.id === id)!;
    assert.equal(rows.length, 21);
    // Senior named without a statement cited: a claim, never met.
    assert.deepEqual([row('technical-depth').entries.length, row('technical-depth').highestLevel, row('technical-depth').status, row('technical-depth').claims], [1, 'senior', 'some', 1]);
    assert.deepEqual([row('process-tooling').highestLevel, row('process-tooling').meetsTarget, row('process-tooling').status], ['mid', false, 'some']);
    assert.equal(row('mentorship').entries.length, 0, 'September is Q3');
    assert.equal(row('business-acumen').entries.length, 0, 'private left out by default');
    assert.equal(row('strategic-thinking').status, 'none');
  });

  it('counts all time, private entries when asked, and says when a dimension is not described at the target', () => {
    const rows = coverage(rubric, journal.entries, { targetLevel: 'mid', includePrivate: true });
    const row = (id: string) => rows.find((r) => r.dimension.id === id)!;
    assert.equal(row('mentorship').entries.length, 1);
    assert.equal(row('business-acumen').status, 'not-expected', 'evidence, but nothing to meet at Mid');
    assert.equal(row('thought-leadership').status, 'not-expected');
    assert.equal(row('technical-depth').status, 'some', 'a level named above the target is a claim, not coverage');
    assert.equal(row('technical-depth').claims, 1);
  });

  it('works for any ladder', () => {
    const five = rubricFixture('rubrics/five-levels.yaml');
    const entries = parseJournal(fixture('journals/five-levels.yaml')).journal!.entries;
    const rows = coverage(five, entries, { range: quarterRange(parseQuarter('2026-Q1')!), targetLevel: 'l4' });
    assert.deepEqual(rows.filter((r) => r.entries.length).map((r) => [r.dimension.id, r.highestLevel, r.status, r.claims]), [
      ['code-quality', 'l3', 'some', 0],
      ['operations', 'l4', 'some', 1],
      ['design', 'l4', 'some', 1],
    ]);
  });

  it('counts an entry once for a dimension it names twice, and ignores a level the rubric does not have', () => {
    const base = journal.entries[0];
    const entries = [
      { ...base, id: 'twice', dimensions: ['technical-depth', 'technical-depth', 'mentorship'], level: 'mid' },
      { ...base, id: 'odd-level', dimensions: ['technical-depth'], level: 'principal' },
    ];
    const rows = coverage(rubric, entries, { targetLevel: 'senior' });
    const row = (id: string) => rows.find((r) => r.dimension.id === id)!;
    assert.deepEqual(row('technical-depth').entries.map((e) => e.id), ['twice', 'odd-level']);
    assert.equal(row('technical-depth').highestLevel, 'mid');
    assert.deepEqual(row('mentorship').entries.map((e) => e.id), ['twice']);
  });
});

describe('gaps counted per statement', () => {
  const journal = parseJournal(`version: 1
profile: { currentLevel: mid, targetLevel: senior }
entries:
  - { id: a, date: 2026-11-02, kind: note, title: Cites two, dimensions: [], statements: [risk-management/senior/1, risk-management/senior/3] }
  - { id: b, date: 2026-05-02, kind: note, title: Cites one earlier, dimensions: [], statements: [risk-management/senior/2] }
`).journal!;

  it('says how many statements in force have evidence, by the one expectationInForce rule', () => {
    const rubric = bundledRubric();
    const risk = findDimension(rubric, 'risk-management')!;
    const all = statementCoverage(rubric, risk, 'senior', citations(journal.entries))!;
    assert.equal(all.covered, 3);
    assert.equal(statementGapText(rubric, risk, all), '3 of 3 Senior statements in Risk Management have evidence');
    const quality = findDimension(rubric, 'thought-leadership')!;
    assert.equal(statementCoverage(rubric, quality, 'mid', citations(journal.entries)), undefined, 'nothing expected at Mid');
    assert.equal(statementGapText(rubric, quality, statementCoverage(rubric, quality, 'senior', new Map())!), '0 of 1 Senior statement in Thought Leadership has evidence');
  });

  it('gives the tree and the status bar the period chosen, with statements per dimension', () => {
    const rubric = bundledRubric();
    const quarter = buildRubricView(rubric, journal, { period: 'quarter', today: '2026-11-27', fiscalStartMonth: 1 });
    const risk = (v: typeof quarter) => v.groups.flatMap((g) => g.dimensions).find((d) => d.dimension.id === 'risk-management')!;
    assert.deepEqual([risk(quarter).periodCount, risk(quarter).allTimeCount, risk(quarter).statements?.covered], [1, 2, 2]);
    assert.equal(quarter.period.short, '2026-Q4');
    const year = buildRubricView(rubric, journal, { period: '2026', today: '2026-11-27', fiscalStartMonth: 1 });
    assert.deepEqual([risk(year).periodCount, risk(year).statements?.covered, year.period.phrase], [2, 3, 'in 2026']);
    const noTarget = buildRubricView(rubric, { ...journal, profile: {} }, { period: 'all', today: '2026-11-27', fiscalStartMonth: 1 });
    assert.equal(risk(noTarget).statements, undefined);
  });
});
