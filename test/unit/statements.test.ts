import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { coverage } from '../../src/core/reports/coverage';
import { checkJournal, parseJournal, STATEMENT_CODES, JournalSession, decideTrailerImport, growthTrailers } from '../../src/core/journal';
import { runSteps } from '../../src/core/steps';
import { parseRubric, findDimension } from '../../src/core/rubric/rubric';
import { checkStatementRef, citedRef, expectationInForce, parseStatementRef, rubricStatements, statementFingerprint, statementsAt } from '../../src/core/rubric/statements';
import { renderSummary } from '../../src/core/reports/summary';
import { parsePeriod } from '../../src/core/time/periods';
import { bundledRubric, root, rubricFixture } from './helpers';

const HEAD = 'version: 1\nrubric: product-security\nprofile:\n  currentLevel: mid\n  targetLevel: senior\nentries:\n';
function entry(id: string, statements: string, dims = '[technical-depth]'): string {
  return `  - id: ${id}\n    date: 2026-10-02\n    kind: note\n    title: T\n    dimensions: ${dims}\n    statements: ${statements}\n`;
}

describe('statement refs', () => {
  const rubric = bundledRubric();

  it('parses refs with and without a fingerprint, and nothing else', () => {
    assert.deepEqual(parseStatementRef('risk-management/senior/1'), { dimensionId: 'risk-management', levelId: 'senior', n: 1 });
    assert.deepEqual(parseStatementRef('risk-management/senior/12@3f2a1c'), { dimensionId: 'risk-management', levelId: 'senior', n: 12, fingerprint: '3f2a1c' });
    for (const bad of ['risk-management/senior/0', 'risk-management/senior', 'a/b/1@xyz', '/senior/1', 'a/b/1/2', 'a b/c/1']) assert.equal(parseStatementRef(bad), undefined, bad);
  });

  it('numbers statements from 1 in rubric order, and fingerprints their text, ignoring re-flowed white space', () => {
    const risk = findDimension(rubric, 'risk-management')!;
    const senior = statementsAt(risk, 'senior');
    assert.equal(senior[0].ref, 'risk-management/senior/1');
    assert.equal(senior[0].text, 'Balances security and business needs expertly.');
    assert.match(citedRef(senior[0]), /^risk-management\/senior\/1@[0-9a-f]{6}$/);
    assert.equal(statementFingerprint('a  b\n c '), statementFingerprint('a b c'));
    assert.notEqual(statementFingerprint('a b c'), statementFingerprint('a b d'));
  });

  it('reports unknown and malformed refs as errors where they stand, the same from the fast and the full reader', () => {
    const text = HEAD + entry('ev-1', '[risk-management/senior/1, risk-management/senior/9, nope/mid/1, "not a ref"]');
    const fast = parseJournal(text);
    const full = parseJournal(text, { fast: false });
    assert.deepEqual(fast.journal, full.journal);
    const problems = checkJournal(fast, rubric);
    assert.deepEqual(problems, checkJournal(full, rubric));
    const at = (code: string) => problems.filter((p) => p.code === code).map((p) => `${p.line}:${p.column}`);
    assert.deepEqual(at(STATEMENT_CODES.unknown), ['12:44', '12:70']);
    assert.deepEqual(at(STATEMENT_CODES.badRef), ['12:82']);
    assert.ok(problems.filter((p) => p.code.includes('statement')).every((p) => p.severity === 'error'));
    assert.match(problems.find((p) => p.code === STATEMENT_CODES.unknown)!.message, /has 3 statements at senior, not 9/);
  });

  it('counts a cited statement’s dimension as tagged, at the statement’s level', () => {
    const journal = parseJournal(HEAD + entry('ev-1', '[risk-management/senior/1]', '[technical-depth]')).journal!;
    const rows = coverage(rubric, journal.entries, { targetLevel: 'senior' });
    const risk = rows.find((r) => r.dimension.id === 'risk-management')!;
    assert.equal(risk.entries.length, 1);
    assert.equal(risk.highestLevel, 'senior');
    assert.equal(risk.status, 'some', 'one of three Senior statements cited: not met');
    assert.deepEqual([risk.statements?.covered, risk.statements?.statements.length, risk.claims], [1, 3, 0]);
    assert.equal(rows.find((r) => r.dimension.id === 'technical-depth')!.status, 'some');
  });
});

describe('rubric changes under cited statements', () => {
  const base = bundledRubric();
  const risk = findDimension(base, 'risk-management')!;
  const [first, second] = statementsAt(risk, 'senior');
  const reordered = parseRubric(
    readFileSync(join(root, 'rubric', 'product-security.yaml'), 'utf8')
      .replace(`- "${first.text}"`, '- "@@FIRST@@"')
      .replace(`- "${second.text}"`, `- "${first.text}"`)
      .replace('- "@@FIRST@@"', `- "${second.text}"`),
  ).rubric!;

  it('accepts a ref whose fingerprint matches, and flags one whose statement moved, with old and new text', () => {
    assert.equal(checkStatementRef(base, parseStatementRef(citedRef(first))!).kind, 'ok');
    const check = checkStatementRef(reordered, parseStatementRef(citedRef(first))!);
    assert.equal(check.kind, 'changed');
    assert.equal(check.kind === 'changed' && check.now.text, second.text);
    assert.equal(check.kind === 'changed' && check.movedTo?.ref, 'risk-management/senior/2');
    const problems = checkJournal(parseJournal(HEAD + entry('ev-1', `[${citedRef(first)}]`)), reordered);
    const flagged = problems.find((p) => p.code === STATEMENT_CODES.changed)!;
    assert.equal(flagged.severity, 'warning');
    assert.ok(flagged.message.includes(first.text) && flagged.message.includes(second.text), flagged.message);
  });

  it('re-points a ref through the verified write path, touching only that scalar', () => {
    const text = `${HEAD}${entry('ev-1', `[${citedRef(first)}, technical-depth/senior/1]  # mine`)}`;
    const session = new JournalSession();
    const to = citedRef(statementsAt(findDimension(reordered, 'risk-management')!, 'senior')[1]);
    const planned = runSteps(session.plan(text, { kind: 'repoint', id: 'ev-1', from: citedRef(first), to }));
    assert.ok(planned.ok, !planned.ok ? planned.message : '');
    assert.equal(planned.text, text.replace(citedRef(first), to));
    assert.deepEqual(checkJournal(parseJournal(planned.text), reordered), []);
    const refused = runSteps(session.plan(text, { kind: 'repoint', id: 'ev-1', from: 'nope/mid/1', to }));
    assert.equal(refused.ok, false);
  });

  it('appends entries that cite statements and reads them back', () => {
    const text = HEAD.replace('entries:\n', 'entries: []\n');
    const planned = runSteps(new JournalSession().plan(text, { kind: 'append', drafts: [{ idSeed: 's', data: { date: '2026-10-02', kind: 'note', title: 'T', dimensions: ['risk-management'], statements: [citedRef(first)] } }] }));
    assert.ok(planned.ok);
    assert.match(planned.text, /statements: \[risk-management\/senior\/1@[0-9a-f]{6}\]/);
  });
});

describe('cumulative expectations', () => {
  const five = rubricFixture('rubrics/five-levels.yaml');
  const dim = (id: string) => findDimension(five, id)!;

  it('takes the nearest level below that states something', () => {
    assert.equal(expectationInForce(five, dim('operations'), 'l3')?.statedAt, 'l2');
    assert.equal(expectationInForce(five, dim('operations'), 'l5')?.statedAt, 'l4');
    assert.equal(expectationInForce(five, dim('operations'), 'l2')?.statedAt, 'l2');
    assert.equal(expectationInForce(five, dim('operations'), 'l1'), undefined);
    assert.equal(expectationInForce(five, dim('mentoring'), 'l2'), undefined);
    assert.deepEqual(expectationInForce(five, dim('delivery'), 'l4')?.statements.map((s) => s.ref), ['delivery/l3/1']);
  });

  it('makes the summary’s table and gaps agree on a sparse ladder', () => {
    // Evidence below l3 in Operations, which states nothing at l3: the expectation in force is l2's.
    const journal = parseJournal('version: 1\nprofile:\n  currentLevel: l2\n  targetLevel: l3\nentries:\n  - id: ev-1\n    date: 2026-02-01\n    kind: note\n    title: On call\n    dimensions: [operations]\n    level: l1\n').journal!;
    const md = renderSummary({ rubric: five, journal, period: parsePeriod('2026-Q1')! });
    const row = md.split('\n').find((l) => l.startsWith('| Operations '))!;
    assert.equal(row, '| Operations | 0 of 1 | 1 | — |');
    assert.doesNotMatch(md, /Every statement in force/);
    const gap = md.slice(md.indexOf('## Gaps'));
    assert.match(gap, /### Operations\n\n0 of 1 Engineer II statement in Operations has evidence\. Not cited yet \(as stated at Engineer II, the nearest level below that states something\):\n\n- \[ \] Handles on-call for owned services\.\n/);
  });
});

describe('statement refs in commit trailers', () => {
  it('reads Growth-Evidence refs as statements of their dimension, fingerprinted on import; unknown refs are left out', () => {
    const message = 'fix: x\n\nGrowth-Evidence: risk-management/senior/1, technical-depth\nGrowth-Evidence: risk-management/senior/99\n';
    assert.deepEqual(growthTrailers(message), { dimensions: ['risk-management', 'technical-depth'], statements: ['risk-management/senior/1', 'risk-management/senior/99'] });
    const rubric = bundledRubric();
    const decision = decideTrailerImport({ sha: 'abcdef1234567', subject: 'fix: x', message, date: '2026-10-02', authorEmail: 'me@example.com' }, { authors: ['me@example.com'], rubric });
    assert.ok(decision.take);
    assert.deepEqual(decision.take && decision.data.statements, [citedRef(statementsAt(findDimension(rubric, 'risk-management')!, 'senior')[0])]);
  });
});

describe('the journal schema', () => {
  it('offers every statement of the bundled rubric for completion, with its text', () => {
    const schema = JSON.parse(readFileSync(join(root, 'rubric', 'schema', 'journal.schema.json'), 'utf8'));
    const [known, pattern] = schema.properties.entries.items.properties.statements.items.anyOf;
    const all = rubricStatements(bundledRubric());
    assert.deepEqual(known.enum, all.map((s) => s.ref));
    assert.deepEqual(known.enumDescriptions, all.map((s) => s.text));
    assert.match(citedRef(all[0]), new RegExp(pattern.pattern));
  });
});
