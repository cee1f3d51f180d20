import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseJournal } from '../../src/core/journal';
import { packetModel, PacketError, renderPacketHtml, renderPacketMarkdown } from '../../src/core/reports/packet';
import { parsePeriod } from '../../src/core/time/periods';
import { bundledRubric, fixture, root } from './helpers';

function golden(name: string, text: string): void {
  const path = join(root, 'test', 'fixtures', 'packets', name);
  if (process.env.UPDATE_GOLDEN) writeFileSync(path, text);
  assert.equal(text, readFileSync(path, 'utf8'));
}

describe('promotion packet', () => {
  const rubric = bundledRubric();
  const journal = parseJournal(fixture('journals/packet.yaml')).journal!;
  const model = packetModel({ rubric, journal, period: parsePeriod('2026-Q4')!, journalLabel: '.growth/journal.yaml' });

  it('matches the golden Markdown and HTML (UPDATE_GOLDEN=1 rewrites them after a deliberate change)', () => {
    golden('packet-senior-2026-Q4.md', renderPacketMarkdown(model));
    golden('packet-senior-2026-Q4.html', renderPacketHtml(model));
  });

  it('lists every statement of the level with the evidence citing it, then dimension-only evidence; the gaps once, at the end', () => {
    const risk = model.groups.flatMap((g) => g.dimensions).find((d) => d.dimension.id === 'risk-management')!;
    assert.deepEqual(risk.statements.map((s) => [s.statement.ref, s.evidence.map((e) => e.id)]), [
      ['risk-management/senior/1', ['ev-20261002-9c1d2e']],
      ['risk-management/senior/2', []], // cited in March: outside the period
      ['risk-management/senior/3', []],
    ]);
    assert.deepEqual(risk.dimensionOnly.map((e) => e.id), ['ev-20261020-77ab01']);
    const md = renderPacketMarkdown(model);
    // Written out in full under the first statement it cites (Technical Depth comes first), referred to under the second.
    assert.match(md, /#### Actively researches security trends and learns new techniques\.\n\n- \*\*2026-10-02\*\*: Hardened token validation in the auth middleware _\(Senior\)_, commit \[9c1d2e4\]\([^)]+\)\\\n {2}Found while reviewing the login flow: tokens signed with \\`alg: none\\` were accepted\.\n {2}- Shows: “Balances security and business needs expertly\.”\n/);
    assert.match(md, /#### Balances security and business needs expertly\.\n\n- \*\*2026-10-02\*\*: Hardened token validation in the auth middleware _\(see above, under Technical Depth\)_\n/);
    assert.equal(md.match(/Found while reviewing/g)?.length, 1, 'an entry is written out once');
    assert.doesNotMatch(md, /No evidence yet/);
    assert.doesNotMatch(md, /[a-z-]+\/senior\/\d/, 'no statement id in the reading text');
    assert.match(md, /## Statements without evidence yet\n\nThe 46 statements in force at Senior/);
    assert.match(md, /- \*\*Risk Management\*\*\n {2}- \[ \] Takes calculated risks and makes informed trade-off decisions independently\.\n {2}- \[ \] Translates complex/);
    const html = renderPacketHtml(model);
    assert.match(html, /<section class="statement covered" id="risk-management\/senior\/1">\n<h4>Balances security and business needs expertly\.<\/h4>/, 'ids stay in anchors');
    assert.match(html, /<h2>Statements without evidence yet<\/h2>[\s\S]*<p class="gap-dimension"><strong>Risk Management<\/strong><\/p>\n<ul class="gaps"><li>Takes calculated risks/);
    const inline = renderPacketMarkdown(model, { gaps: 'inline' });
    assert.match(inline, /#### Takes calculated risks and makes informed trade-off decisions independently\.\n\n_No evidence yet\._/);
  });

  it('uses the one measure of coverage: k of n statements cited, claims apart', () => {
    const depth = model.groups.flatMap((g) => g.dimensions).find((d) => d.dimension.id === 'technical-depth')!;
    assert.deepEqual([depth.coverage.statements?.covered, depth.coverage.statements?.statements.length, depth.coverage.status, depth.coverage.claims], [1, 4, 'some', 0]);
    assert.match(renderPacketMarkdown(model), /\| Technical Depth \| 1 of 4 \| 1 \|/);
  });

  it('leaves private entries out unless asked, and says so', () => {
    assert.doesNotMatch(renderPacketMarkdown(model), /Private reflection/);
    assert.match(renderPacketMarkdown(model), /1 private entry left out\./);
    assert.match(renderPacketMarkdown(packetModel({ rubric, journal, includePrivate: true })), /Private reflection/);
  });

  it('is inert: hostile titles and notes are text in both formats, links only to http(s)', () => {
    const html = renderPacketHtml(model);
    assert.doesNotMatch(html, /<script|<img|<[^>]*\son\w+=|href="javascript:/i);
    assert.match(html, /&#60;script&#62;alert\(1\)&#60;\/script&#62;/);
    assert.doesNotMatch(html, /<[^>]*\ssrc=|url\(|@import|https?:\/\/(?!github\.com|www\.w3\.org)/, 'nothing loaded from the network');
    const md = renderPacketMarkdown(model);
    assert.doesNotMatch(md, /(?<!\\)<(?:script|img)/);
    assert.ok(md.includes('\\[link\\](javascript\\:alert(1))'), 'the link is text');
  });

  it('is self-contained and print-ready: no script, one page break per group, deterministic bytes', () => {
    const html = renderPacketHtml(model);
    assert.equal(html, renderPacketHtml(packetModel({ rubric, journal, period: parsePeriod('2026-Q4')!, journalLabel: '.growth/journal.yaml' })));
    assert.equal((html.match(/<section class="group">/g) ?? []).length, rubric.groups.length, 'both groups have evidence');
    assert.match(html, /section\.group \{ break-before: page; \}/);
    assert.match(html, /<svg [^>]*role="img"/);
    assert.match(html, new RegExp(`fingerprint <code>${rubric.hash}</code>`));
    const withNonce = renderPacketHtml(model, { nonce: 'abc123' });
    assert.match(withNonce, /style-src 'nonce-abc123'/);
    assert.match(withNonce, /<style nonce="abc123">/);
  });

  it('takes the target level by default and refuses an unknown one', () => {
    assert.equal(packetModel({ rubric, journal }).level, 'senior');
    assert.throws(() => packetModel({ rubric, journal, level: 'staff' }), PacketError);
    assert.throws(() => packetModel({ rubric, journal: { ...journal, profile: {} } }), /set a target level/);
  });
});
