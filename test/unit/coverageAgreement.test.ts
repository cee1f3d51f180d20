import assert from 'node:assert/strict';
import { parseJournal } from '../../src/core/journal';
import { buildCompareModel } from '../../src/core/reports/compareModel';
import { claimText, coverageFigure } from '../../src/core/reports/coverage';
import { type Block, type Inline, type Section } from '../../src/core/reports/document';
import { packetDocument, packetModel } from '../../src/core/reports/packet';
import { buildRubricView } from '../../src/core/reports/rubricView';
import { summaryDocument } from '../../src/core/reports/summary';
import { parsePeriod } from '../../src/core/time/periods';
import { bundledRubric } from './helpers';

/**
 * One journal, one period: the tree and the status bar (the rubric view), Compare's table, chart
 * and matrix (the compare model), the summary and the packet all show the same "k of n" per
 * dimension, the same status, and the same claims.
 */
describe('coverage agrees on every surface', () => {
  const rubric = bundledRubric();
  const journal = parseJournal(`version: 1
profile: { currentLevel: mid, targetLevel: senior }
entries:
  - { id: cites-two, date: 2026-10-02, kind: note, title: Cites two, dimensions: [technical-depth], level: senior, statements: [risk-management/senior/1, technical-depth/senior/2] }
  - { id: claims, date: 2026-10-20, kind: note, title: Claims Senior only, dimensions: [risk-management, communication], level: senior }
  - { id: full, date: 2026-11-05, kind: note, title: Covers one of one, dimensions: [crisis-management], statements: [crisis-management/senior/1] }
  - { id: below, date: 2026-11-06, kind: note, title: Mid work, dimensions: [process-tooling], level: mid }
  - { id: private, date: 2026-11-10, kind: note, title: Private, dimensions: [collaboration], statements: [collaboration/senior/1], private: true }
  - { id: earlier, date: 2026-03-15, kind: note, title: Outside the quarter, dimensions: [risk-management], statements: [risk-management/senior/2] }
`).journal!;
  const today = '2026-11-27';
  const period = parsePeriod('2026-Q4')!;
  type Figure = { figure: string; status: string; claims: string };
  const figures = new Map<string, Record<string, Figure>>();
  const record = (surface: string, dimension: string, figure: Figure) => {
    const row = figures.get(dimension) ?? {};
    row[surface] = figure;
    figures.set(dimension, row);
  };
  const text = (parts: readonly Inline[]) => parts.map((p) => (typeof p === 'string' ? p : p.text)).join('');
  const tables = (sections: readonly Section[]): Extract<Block, { kind: 'table' }>[] =>
    sections.flatMap((s) => [...s.blocks.filter((b): b is Extract<Block, { kind: 'table' }> => b.kind === 'table'), ...tables(s.sections)]);

  before(() => {
    // The tree's dimension rows and the status bar's tooltip: both render the rubric view.
    const view = buildRubricView(rubric, journal, { period: 'quarter', today, fiscalStartMonth: 1 });
    for (const d of view.groups.flatMap((g) => g.dimensions)) {
      record('tree and status bar', d.dimension.id, { figure: d.statements ? coverageFigure(d.statements) : '-', status: d.status, claims: claimText(rubric, d, 'senior') ?? '' });
    }
    // Compare: the table's evidence cell and the chart read `target` and `evidence.status`; the matrix lists `target.statements`.
    const compare = buildCompareModel(rubric, journal, { period: 'quarter', today, fiscalStartMonth: 1 });
    for (const d of compare.groups.flatMap((g) => g.dimensions)) {
      const t = d.target;
      record('compare table and chart', d.id, { figure: t ? `${t.covered} of ${t.statements.length}` : '-', status: d.evidence.status, claims: t?.claims ?? '' });
      record('compare matrix', d.id, { figure: t ? `${t.statements.filter((s) => s.count > 0).length} of ${t.statements.length}` : '-', status: d.evidence.status, claims: t?.claims ?? '' });
    }
    // The summary's coverage table, as its document holds it (private entries included, as the tree counts them).
    const summary = summaryDocument({ rubric, journal, period, includePrivate: true });
    for (const row of tables(summary.sections).flatMap((t) => t.rows)) {
      const id = rubric.groups.flatMap((g) => g.dimensions).find((d) => d.name === text(row[0]))!.id;
      const cell = text(row[1]);
      record('summary', id, { figure: /^\d+ of \d+/.exec(cell)?.[0] ?? '-', status: '', claims: text(row[3]) === '—' ? '' : text(row[3]) });
    }
    // The packet at the target level, for the same period: its model and its overview table.
    const model = packetModel({ rubric, journal, period, includePrivate: true });
    for (const d of model.groups.flatMap((g) => g.dimensions)) {
      record('packet', d.dimension.id, { figure: d.coverage.statements ? coverageFigure(d.coverage.statements) : '-', status: d.coverage.status, claims: claimText(rubric, d.coverage, model.level) ?? '' });
    }
    const [overview] = tables(packetDocument(model).sections);
    for (const row of overview.rows) {
      const id = rubric.groups.flatMap((g) => g.dimensions).find((d) => d.name === text(row[0]))!.id;
      record('packet overview', id, { figure: text(row[1]).startsWith('not expected') ? '-' : text(row[1]), status: '', claims: '' });
    }
  });

  it('shows the same k of n for every dimension on every surface', () => {
    assert.equal(figures.size, 21);
    for (const [id, bySurface] of figures) {
      const seen = new Set(Object.values(bySurface).map((f) => f.figure));
      assert.equal(seen.size, 1, `${id}: ${JSON.stringify(bySurface)}`);
      assert.equal(Object.keys(bySurface).length, 6, id);
    }
  });

  it('shows the same status and the same claims wherever a surface shows them', () => {
    for (const [id, bySurface] of figures) {
      const statuses = new Set(Object.values(bySurface).map((f) => f.status).filter(Boolean));
      assert.equal(statuses.size, 1, `${id}: ${JSON.stringify(bySurface)}`);
      const claims = new Set(['tree and status bar', 'compare table and chart', 'compare matrix', 'summary', 'packet'].map((s) => bySurface[s].claims));
      assert.equal(claims.size, 1, `${id}: ${JSON.stringify(bySurface)}`);
    }
  });

  it('is honest: met only when every statement in force is cited; a level named without a statement is a claim', () => {
    const at = (id: string) => figures.get(id)!['packet'];
    assert.deepEqual(at('crisis-management'), { figure: '1 of 1', status: 'met', claims: '' });
    assert.deepEqual(at('technical-depth'), { figure: '1 of 4', status: 'some', claims: '' });
    assert.deepEqual(at('risk-management'), { figure: '1 of 3', status: 'some', claims: '1 entry claims Senior, no Senior statement cited' });
    assert.deepEqual(at('communication'), { figure: '0 of 2', status: 'some', claims: '1 entry claims Senior, no Senior statement cited' });
    assert.deepEqual(at('process-tooling'), { figure: '0 of 3', status: 'some', claims: '' });
    assert.deepEqual(at('collaboration'), { figure: '1 of 3', status: 'some', claims: '' });
    assert.deepEqual(at('strategic-thinking'), { figure: '0 of 3', status: 'none', claims: '' });
  });
});
