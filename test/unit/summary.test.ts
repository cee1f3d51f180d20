import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseJournal } from '../../src/core/journal';
import { parsePeriod } from '../../src/core/time/periods';
import { isUneditedSummary, renderSummary, renderSummaryText } from '../../src/core/reports/summary';
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

  it('reads as it is: statement text not ids, each entry once in date order with its dimensions and statements beneath it, nothing hidden', () => {
    const cited = parseJournal(fixture('journals/packet.yaml')).journal!;
    const many = { ...cited, entries: [...cited.entries, ...Array.from({ length: 7 }, (_, i) => ({ ...cited.entries[2], id: `more-${i}`, date: `2026-12-0${i + 1}`, title: `Review ${i + 1}`, line: 100 + i }))] };
    const md = renderSummary({ rubric, journal: many, period: parsePeriod('2026-Q4')! });
    assert.doesNotMatch(md, /[a-z-]+\/senior\/\d/, 'no statement id');
    assert.doesNotMatch(md, /more entr/, 'nothing hidden behind "…and N more"');
    const dates = [...md.matchAll(/^- \*\*(\d{4}-\d{2}-\d{2})\*\*/gm)].map((m) => m[1]);
    assert.deepEqual(dates, [...dates].sort(), 'date order');
    assert.equal(dates.length, 10, 'each entry once');
    assert.match(md, /- \*\*2026-10-02\*\*: Hardened token validation in the auth middleware _\(Senior\)_, commit \[9c1d2e4\]\([^)]+\)\\\n {2}Found while reviewing the login flow[^\n]*\n {2}- Dimensions: Technical Depth, Risk Management\n {2}- Shows: “Balances security and business needs expertly\.”\n {2}- Shows: “Actively researches security trends and learns new techniques\.”\n/);
    assert.match(md, /\| Technical Depth \| 1 of 4 \| 1 \| — \|/);
    assert.match(md, /\| Crisis Management \| 1 of 1, \*\*met\*\* \| 8 \| — \|/);
  });

  it('copies as plain text: no Markdown escapes, links as text and address', () => {
    const text = renderSummaryText({ rubric, journal, period: parsePeriod('2026-Q4')! });
    assert.match(text, /^Growth summary: 2026-Q4 \(Oct–Dec 2026\)\n=+\n/);
    assert.match(text, /tokens signed with `alg: none` were accepted\./);
    assert.match(text, /Led the post-mortem for the <script> injection incident & shared fixes \(Senior\)/);
    assert.match(text, /commit 9c1d2e4 \(https:\/\/github\.com\/acme\/app\/commit\/9c1d2e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d\)/);
    assert.match(text, /tools\/threat-model\.ts:10-42 \(https:/);
    assert.doesNotMatch(text, /\\[.:<`*_]|\*\*|^#/m);
  });

  it('summarises any ladder', () => {
    const five = rubricFixture('rubrics/five-levels.yaml');
    const j = parseJournal(fixture('journals/five-levels.yaml')).journal!;
    const md = renderSummary({ rubric: five, journal: j, period: parsePeriod('2026-Q1')! });
    assert.match(md, /Senior Engineer, working toward \*\*Staff Engineer\*\*/);
    assert.match(md, /\| Operations \| 0 of 1 \| 1 \| 1 entry claims Staff Engineer, no Staff Engineer statement cited \|/);
    assert.match(md, /commit \[bbbbbbb\]\(https:\/\/gitlab\.com\/acme\/billing\/-\/commit\/bbbbbbb1234567890abcdef1234567890abcdef0\)/);
    assert.match(md, /## Gaps at Staff Engineer/);
    assert.ok(!md.includes('Next quarter'), 'April is not in Q1');
  });
});
