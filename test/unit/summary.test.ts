import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseJournal } from '../../src/core/journal';
import { parsePeriod } from '../../src/core/time/periods';
import { isUneditedSummary, renderSummary } from '../../src/core/reports/summary';
import { bundledRubric, fixture, root, rubricFixture } from './helpers';

describe('quarterly summary', () => {
  const rubric = bundledRubric();
  const journal = parseJournal(fixture('journals/sample.yaml')).journal!;

  it('matches the golden file (UPDATE_GOLDEN=1 rewrites it after a deliberate change)', () => {
    const markdown = renderSummary({ rubric, journal, period: parsePeriod('2026-Q4')!, journalLabel: '.growth/journal.yaml' });
    const golden = join(root, 'test', 'fixtures', 'summaries', 'sample-2026-Q4.md');
    if (process.env.UPDATE_GOLDEN) writeFileSync(golden, markdown);
    assert.equal(markdown, readFileSync(golden, 'utf8'));
  });

  it('leaves private entries out unless asked, and says so', () => {
    const period = parsePeriod('2026-Q4')!;
    const hidden = renderSummary({ rubric, journal, period });
    assert.ok(!hidden.includes('Salary'));
    assert.match(hidden, /1 private entry left out\./);
    const shown = renderSummary({ rubric, journal, period, includePrivate: true });
    assert.ok(shown.includes('Salary negotiation notes'));
  });

  it('escapes user text so it cannot become markup', () => {
    const md = renderSummary({ rubric, journal, period: parsePeriod('2026-Q4')! });
    assert.ok(md.includes('the \\<script\\> injection incident & shared fixes'), md);
    assert.ok(!md.includes('<script>'));
  });

  it('knows whether a summary file was edited since it was written', () => {
    const md = renderSummary({ rubric, journal, period: parsePeriod('2026-Q4')! });
    assert.equal(isUneditedSummary(md), true);
    assert.equal(isUneditedSummary(md.replace('## Headlines', '## Headlines (my notes)')), false);
    assert.equal(isUneditedSummary('# my own notes\n'), false);
  });

  it('links a selection without a permalink to the file, relative to the summaries folder', () => {
    const entry = { ...journal.entries[1], selection: { file: 'src/a b.ts', startLine: 3, endLine: 9 } };
    const md = renderSummary({ rubric, journal: { ...journal, entries: [entry] }, period: parsePeriod('2026-Q4')!, summaryFolder: 'docs/growth/summaries' });
    assert.ok(md.includes('[src/a b\\.ts\\:3-9](../../../src/a%20b.ts#L3)'), md);
  });

  it('summarises any ladder', () => {
    const five = rubricFixture('rubrics/five-levels.yaml');
    const j = parseJournal(fixture('journals/five-levels.yaml')).journal!;
    const md = renderSummary({ rubric: five, journal: j, period: parsePeriod('2026-Q1')! });
    assert.match(md, /Senior Engineer, working toward \*\*Staff Engineer\*\*/);
    assert.match(md, /\| Operations \| 1 \| Staff Engineer \| \*\*met\*\* \|/);
    assert.match(md, /commit \[bbbbbbb\]\(https:\/\/gitlab\.com\/acme\/billing\/-\/commit\/bbbbbbb1234567890abcdef1234567890abcdef0\)/);
    assert.match(md, /## Gaps at Staff Engineer/);
    assert.ok(!md.includes('Next quarter'), 'April is not in Q1');
  });
});
