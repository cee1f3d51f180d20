import assert from 'node:assert/strict';
import { buildCompareModel } from '../../src/core/reports/compareModel';
import { evidenceMatcher, findEvidence } from '../../src/core/reports/search';
import { parseJournal } from '../../src/core/journal';
import { parsePeriod } from '../../src/core/time/periods';
import { bundledRubric, fixture } from './helpers';

const JWT = `version: 1
rubric: product-security
profile: { currentLevel: mid, targetLevel: senior }
entries:
  - id: ev-jwt
    date: 2026-10-20
    kind: commit
    title: Verify JWT signatures before reading claims
    dimensions: [technical-depth]
    commit: { sha: abcdef0123456789abcdef0123456789abcdef01, subject: "fix: handle tokens without sub" }
    statements: [risk-management/senior/1]
  - id: ev-sel
    date: 2026-10-21
    kind: selection
    title: Rate limiter
    dimensions: [ownership]
    selection: { file: src/limits/bucket.ts, startLine: 1, endLine: 9 }
`;

describe('finding evidence (one matcher for Find Evidence, the Growth view, Compare and the CLI)', () => {
  const rubric = bundledRubric();
  const journal = parseJournal(JWT).journal!;
  const match = (text: string) => journal.entries.map(evidenceMatcher(rubric, { text }));

  it('finds plain text in any case in titles, details, commit subjects and shas, files, dimensions and statements, and says where', () => {
    assert.deepEqual(match('jwt'), ['title', undefined]);
    assert.deepEqual(match('WITHOUT SUB'), ['commit', undefined]);
    assert.deepEqual(match('abcdef0'), ['commit', undefined]);
    assert.deepEqual(match('bucket.ts'), [undefined, 'file']);
    assert.deepEqual(match('ownership & acc'), [undefined, 'dimension'], 'a dimension by its name');
    assert.deepEqual(match('risk-management/senior'), ['statement', undefined], 'a statement by its ref');
    const statementText = rubric.groups.flatMap((g) => g.dimensions).find((d) => d.id === 'risk-management')!.expectations.senior[0];
    assert.deepEqual(match(statementText.slice(5, 30).toUpperCase()), ['statement', undefined], 'a statement by its text');
    const notes = parseJournal(fixture('journals/sample.yaml')).journal!.entries;
    assert.deepEqual(findEvidence(rubric, notes, { text: 'LINT RULE' }).map((e) => e.id), ['ev-20261002-9c1d2e'], 'found in the details');
  });

  it('treats the text as text, never a pattern; an empty text matches all in the dimension and period', () => {
    assert.deepEqual(match('.*'), [undefined, undefined]);
    assert.deepEqual(match('[a-z]+'), [undefined, undefined]);
    assert.deepEqual(match(''), ['title', 'title']);
    assert.deepEqual(findEvidence(rubric, journal.entries, { dimension: 'risk-management' }).map((e) => e.id), ['ev-jwt'], 'a cited statement counts toward its dimension');
    assert.deepEqual(findEvidence(rubric, journal.entries, { text: '', range: parsePeriod('2026-Q3')!.range }), []);
    assert.deepEqual(findEvidence(rubric, journal.entries, { text: '(a+)+$'.repeat(100_000) }), []);
  });

  it('Compare lists the evidence its filter finds: "JWT" finds the entry whose title has it, under each dimension it counts toward', () => {
    const model = buildCompareModel(rubric, journal, { period: 'all', today: '2026-11-27', fiscalStartMonth: 1, search: 'JWT' });
    assert.equal(model.evidenceSearch?.text, 'JWT');
    assert.deepEqual(Object.keys(model.evidenceSearch!.byDimension).sort(), ['risk-management', 'technical-depth']);
    assert.deepEqual(model.evidenceSearch!.byDimension['technical-depth'], { count: 1, entries: [{ id: 'ev-jwt', title: 'Verify JWT signatures before reading claims', date: '2026-10-20', kind: 'commit', private: false }] });
    assert.equal(buildCompareModel(rubric, journal, { period: 'all', today: '2026-11-27', fiscalStartMonth: 1, search: '  ' }).evidenceSearch, undefined);
  });
});
