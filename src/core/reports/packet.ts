import { citations, entriesInPeriod, statementCoverage, taggedDimensions } from './coverage';
import { isCommitSha } from '../git/commitSha';
import { type Entry, type Journal } from '../journal';
import { LINE_BREAK, mdCode, mdLink, mdText, webUrl } from './markdown';
import { commitUrl } from '../git/permalink';
import { periodTitle, type Period } from '../time/periods';
import { levelName, levelRank, type Dimension, type Rubric } from '../rubric/rubric';
import { refKey, type ExpectationInForce, type Statement } from '../rubric/statements';
import { shortened } from '../text/shorten';

/**
 * The promotion packet: for one level, every dimension, every statement in force at that level,
 * and the evidence that cites it. It shows coverage, never a score: ladders warn against
 * "tick these boxes, get promoted". Deterministic: the same inputs give the same bytes.
 */
export interface PacketInput {
  rubric: Rubric;
  journal: Journal;
  /** Default: the journal's target level. */
  level?: string;
  /** Leave out for all evidence to date. */
  period?: Period;
  includePrivate?: boolean;
  /** How the journal is named in the footer, e.g. `.growth/journal.yaml`. */
  journalLabel?: string;
}

interface PacketStatement {
  statement: Statement;
  /** Newest first. */
  evidence: readonly Entry[];
}

interface PacketDimension {
  dimension: Dimension;
  /** Undefined when the dimension expects nothing at this level or below. */
  expectation?: ExpectationInForce;
  statements: PacketStatement[];
  /** Evidence tagged to the dimension that cites none of the statements above, newest first. */
  dimensionOnly: Entry[];
}

export interface PacketModel {
  rubric: Rubric;
  level: string;
  currentLevel?: string;
  period?: Period;
  groups: { id: string; name: string; dimensions: PacketDimension[] }[];
  privateLeftOut: number;
  includePrivate: boolean;
  journalLabel?: string;
}

export class PacketError extends Error {}

export function packetModel(input: PacketInput): PacketModel {
  const { rubric, journal } = input;
  const level = input.level ?? journal.profile.targetLevel;
  if (level === undefined) throw new PacketError('Say which level the packet is for: set a target level in the profile, or name a level.');
  if (levelRank(rubric, level) < 0) throw new PacketError(`"${level}" is not a level of ${rubric.name}: use one of ${rubric.levels.map((l) => l.id).join(', ')}.`);
  const inPeriod = entriesInPeriod(journal.entries, { ...(input.period ? { range: input.period.range } : {}), includePrivate: true });
  const includePrivate = input.includePrivate ?? false;
  const shown = includePrivate ? inPeriod : inPeriod.filter((e) => !e.private);
  const cited = citations(shown);
  const byDimension = new Map<string, Entry[]>();
  for (const e of shown) {
    for (const d of new Set(taggedDimensions(e))) {
      const list = byDimension.get(d);
      if (list) list.push(e);
      else byDimension.set(d, [e]);
    }
  }
  const groups = rubric.groups.map((g) => ({
    id: g.id,
    name: g.name,
    dimensions: g.dimensions.map((dimension): PacketDimension => {
      const inForce = statementCoverage(rubric, dimension, level, cited);
      const expectation = inForce?.expectation;
      const statements = (inForce?.statements ?? []).map(({ statement, entries }) => ({ statement, evidence: entries }));
      const refs = new Set(statements.map((s) => s.statement.ref));
      const dimensionOnly = (byDimension.get(dimension.id) ?? []).filter((e) => !e.statements?.some((s) => refs.has(refKey(s))));
      return { dimension, ...(expectation ? { expectation } : {}), statements, dimensionOnly };
    }),
  }));
  return {
    rubric,
    level,
    ...(journal.profile.currentLevel ? { currentLevel: journal.profile.currentLevel } : {}),
    ...(input.period ? { period: input.period } : {}),
    groups,
    privateLeftOut: inPeriod.length - shown.length,
    includePrivate,
    ...(input.journalLabel === undefined ? {} : { journalLabel: input.journalLabel }),
  };
}

/** Statements with evidence, of those in force, per dimension: the coverage the overview shows. */
function packetCoverage(d: PacketDimension): { covered: number; total: number } {
  return { covered: d.statements.filter((s) => s.evidence.length > 0).length, total: d.statements.length };
}

const COVERAGE_NOT_SCORE = 'This packet shows which expectations have evidence, not a score: a statement with evidence is a claim a reader can check, and one without is a conversation to have.';

function periodText(model: PacketModel): string {
  return model.period ? periodTitle(model.period) : 'all evidence to date';
}

function privacyText(model: PacketModel): string {
  if (model.privateLeftOut > 0) return `${model.privateLeftOut} private ${model.privateLeftOut === 1 ? 'entry' : 'entries'} left out.`;
  return model.includePrivate ? 'Private entries included.' : '';
}

function firstLine(note: string | undefined): string {
  return note?.trim().split(LINE_BREAK)[0] ?? '';
}

function selectionLabel(e: Entry): string {
  const s = e.selection!;
  return `${s.file}:${s.startLine}${s.endLine !== s.startLine ? `-${s.endLine}` : ''}`;
}

function commitLink(e: Entry): string | undefined {
  const { sha, repo } = e.commit!;
  return repo && isCommitSha(sha) ? commitUrl(repo, sha) : undefined;
}

// ---- Markdown --------------------------------------------------------------------------------

export function renderPacketMarkdown(model: PacketModel): string {
  const { rubric } = model;
  const levelText = mdText(levelName(rubric, model.level));
  const out: string[] = [`# Promotion packet: ${levelText}`, ''];
  out.push(`- **Period:** ${mdText(periodText(model))}`);
  out.push(`- **Level:** ${model.currentLevel ? mdText(levelName(rubric, model.currentLevel)) : 'not set'}, making the case for **${levelText}**`);
  out.push(`- **Rubric:** ${mdText(rubric.name)} (${mdCode(rubric.id)}, version ${rubric.version}, fingerprint ${mdCode(rubric.hash)})`, '');
  out.push('## Overview', '', mdText(COVERAGE_NOT_SCORE), '');
  out.push(`| Dimension | ${levelText} statements with evidence | Evidence |`, '| --- | --- | ---: |');
  for (const g of model.groups) {
    for (const d of g.dimensions) {
      const { covered, total } = packetCoverage(d);
      const count = new Set([...d.statements.flatMap((s) => s.evidence), ...d.dimensionOnly]).size;
      out.push(`| ${mdText(d.dimension.name)} | ${total === 0 ? 'not expected at this level' : `${covered} of ${total}`} | ${count} |`);
    }
  }
  out.push('');
  for (const g of model.groups) {
    out.push(`## ${mdText(g.name)}`, '');
    for (const d of g.dimensions) {
      out.push(`### ${mdText(d.dimension.name)}`, '');
      if (!d.expectation) out.push(`_${mdText(rubric.name)} expects nothing of this dimension at ${levelText} or below._`, '');
      else if (d.expectation.statedAt !== model.level) out.push(`_${levelText} states nothing here; the expectation in force is ${mdText(levelName(rubric, d.expectation.statedAt))}'s, the nearest level below that states something._`, '');
      for (const s of d.statements) {
        out.push(`#### ${mdText(s.statement.text)}`, '', `${mdCode(s.statement.ref)}`, '');
        if (s.evidence.length === 0) out.push('- _No evidence yet._');
        for (const e of s.evidence) out.push(markdownEvidence(rubric, e));
        out.push('');
      }
      if (d.dimensionOnly.length > 0) {
        out.push(`#### Evidence for ${mdText(d.dimension.name)} without a statement`, '');
        for (const e of d.dimensionOnly) out.push(markdownEvidence(rubric, e));
        out.push('');
      } else if (d.statements.length === 0) out.push('- _No evidence yet._', '');
    }
  }
  out.push('---', '');
  out.push(
    [`Generated by Growth Journal from ${model.journalLabel === undefined ? 'the journal' : mdCode(model.journalLabel)} and the rubric ${mdCode(rubric.id)} version ${rubric.version} (fingerprint ${mdCode(rubric.hash)}).`, privacyText(model)].filter(Boolean).join(' '),
    '',
  );
  return out.join('\n');
}

function markdownEvidence(rubric: Rubric, e: Entry): string {
  const parts = [`- **${mdText(e.date || 'undated')}**: ${mdText(e.title)}`];
  if (e.level) parts.push(` _(${mdText(levelName(rubric, e.level))})_`);
  if (e.commit) parts.push(`, commit ${mdLink(e.commit.sha.slice(0, 7), commitLink(e))}`);
  if (e.selection) parts.push(`, ${e.selection.link ? mdLink(selectionLabel(e), e.selection.link) : mdCode(selectionLabel(e))}`);
  const note = mdText(firstLine(e.note));
  if (note) parts.push(`\n  ${note}`);
  return parts.join('');
}

// ---- HTML ------------------------------------------------------------------------------------

/** Text as HTML: every character that could start markup or end an attribute, escaped. */
function htmlText(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function htmlLink(label: string, url: string | undefined): string {
  const href = url === undefined ? undefined : webUrl(url);
  return href ? `<a href="${htmlText(href)}">${htmlText(label)}</a>` : htmlText(label);
}

// Light and print-friendly whatever the viewer's theme: the packet is a document, not a panel.
const STYLE = `
body { margin: 0; background: #fff; color: #1f2328; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; }
main { max-width: 50rem; margin: 0 auto; padding: 2rem 1.5rem; }
h1 { font-size: 1.8rem; margin: 0 0 .5rem; }
h2 { font-size: 1.35rem; border-bottom: 1px solid #d0d7de; padding-bottom: .25rem; margin-top: 2rem; }
h3 { font-size: 1.1rem; margin: 1.5rem 0 .5rem; }
.statement { margin: .75rem 0 .75rem .5rem; padding-left: .75rem; border-left: 3px solid #d0d7de; }
.statement.covered { border-left-color: #1a7f37; }
.statement p { margin: 0; }
.ref { font: .8rem ui-monospace, SFMono-Regular, Consolas, monospace; color: #57606a; }
code { font: .85em ui-monospace, SFMono-Regular, Consolas, monospace; background: #f6f8fa; color: #1f2328; padding: 0 .25em; border-radius: 3px; }
svg { max-width: 100%; height: auto; }
ul { margin: .25rem 0; padding-left: 1.25rem; }
.note, .meta, .none, .facts { color: #57606a; }
.none { font-style: italic; }
table { border-collapse: collapse; margin: .75rem 0; }
th, td { text-align: left; padding: .2rem .75rem .2rem 0; border-bottom: 1px solid #d0d7de; }
a { color: #0550ae; }
footer { margin-top: 2rem; font-size: .85rem; color: #57606a; }
@media print { main { max-width: none; padding: 0; } section.group { break-before: page; } a { color: inherit; } }
`.trim();

/**
 * The packet as one self-contained HTML file: no script, nothing from the network, styles in
 * the file, light print, a page break before each group. `nonce` marks the style element for a
 * webview's Content Security Policy; the saved file has none.
 */
export function renderPacketHtml(model: PacketModel, options: { nonce?: string } = {}): string {
  const { rubric } = model;
  const levelText = levelName(rubric, model.level);
  const out: string[] = [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${options.nonce ? `'nonce-${htmlText(options.nonce)}'` : "'unsafe-inline'"}; img-src data:">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${htmlText(`Promotion packet: ${levelText}`)}</title>`,
    `<style${options.nonce ? ` nonce="${htmlText(options.nonce)}"` : ''}>`,
    STYLE,
    '</style>',
    '</head>',
    '<body>',
    '<main>',
    `<h1>${htmlText(`Promotion packet: ${levelText}`)}</h1>`,
    '<ul class="facts">',
    `<li><strong>Period:</strong> ${htmlText(periodText(model))}</li>`,
    `<li><strong>Level:</strong> ${htmlText(model.currentLevel ? levelName(rubric, model.currentLevel) : 'not set')}, making the case for <strong>${htmlText(levelText)}</strong></li>`,
    `<li><strong>Rubric:</strong> ${htmlText(rubric.name)} (<code>${htmlText(rubric.id)}</code>, version ${rubric.version}, fingerprint <code>${htmlText(rubric.hash)}</code>)</li>`,
    '</ul>',
    '<section class="overview">',
    '<h2>Overview</h2>',
    `<p>${htmlText(COVERAGE_NOT_SCORE)}</p>`,
    coverageChart(model),
    '<table>',
    `<thead><tr><th scope="col">Dimension</th><th scope="col">${htmlText(levelText)} statements with evidence</th><th scope="col">Evidence</th></tr></thead>`,
    '<tbody>',
  ];
  for (const g of model.groups) {
    for (const d of g.dimensions) {
      const { covered, total } = packetCoverage(d);
      const count = new Set([...d.statements.flatMap((s) => s.evidence), ...d.dimensionOnly]).size;
      out.push(`<tr><td>${htmlText(d.dimension.name)}</td><td>${total === 0 ? 'not expected at this level' : `${covered} of ${total}`}</td><td>${count}</td></tr>`);
    }
  }
  out.push('</tbody>', '</table>', '</section>');
  for (const g of model.groups) {
    out.push('<section class="group">', `<h2>${htmlText(g.name)}</h2>`);
    for (const d of g.dimensions) {
      out.push(`<h3>${htmlText(d.dimension.name)}</h3>`);
      if (!d.expectation) out.push(`<p class="none">${htmlText(`${rubric.name} expects nothing of this dimension at ${levelText} or below.`)}</p>`);
      else if (d.expectation.statedAt !== model.level) out.push(`<p class="meta">${htmlText(`${levelText} states nothing here; the expectation in force is ${levelName(rubric, d.expectation.statedAt)}'s, the nearest level below that states something.`)}</p>`);
      for (const s of d.statements) {
        out.push(`<div class="statement${s.evidence.length ? ' covered' : ''}">`, `<p>${htmlText(s.statement.text)} <span class="ref">${htmlText(s.statement.ref)}</span></p>`);
        out.push(s.evidence.length ? `<ul>${s.evidence.map((e) => htmlEvidence(rubric, e)).join('')}</ul>` : '<p class="none">No evidence yet.</p>', '</div>');
      }
      if (d.dimensionOnly.length > 0) {
        out.push(`<p class="meta">${htmlText(`Evidence for ${d.dimension.name} without a statement:`)}</p>`, `<ul>${d.dimensionOnly.map((e) => htmlEvidence(rubric, e)).join('')}</ul>`);
      } else if (d.statements.length === 0) out.push('<p class="none">No evidence yet.</p>');
    }
    out.push('</section>');
  }
  const footer = [`Generated by Growth Journal from ${model.journalLabel ?? 'the journal'} and the rubric ${rubric.id} version ${rubric.version} (fingerprint ${rubric.hash}).`, privacyText(model)].filter(Boolean).join(' ');
  out.push(`<footer>${htmlText(footer)}</footer>`, '</main>', '</body>', '</html>', '');
  return out.join('\n');
}

function htmlEvidence(rubric: Rubric, e: Entry): string {
  const parts = [`<li><strong>${htmlText(e.date || 'undated')}</strong>: ${htmlText(e.title)}`];
  if (e.level) parts.push(` <em>(${htmlText(levelName(rubric, e.level))})</em>`);
  if (e.commit) parts.push(`, commit ${htmlLink(e.commit.sha.slice(0, 7), commitLink(e))}`);
  if (e.selection) parts.push(`, ${e.selection.link ? htmlLink(selectionLabel(e), e.selection.link) : `<code>${htmlText(selectionLabel(e))}</code>`}`);
  const note = firstLine(e.note);
  if (note) parts.push(`<br><span class="note">${htmlText(note)}</span>`);
  parts.push('</li>');
  return parts.join('');
}

/**
 * Coverage per dimension as an inline SVG bar chart: statements with evidence out of those in
 * force. Colours are attributes, not styles, so a strict CSP leaves them be; the table beside it
 * says the same in text, and the chart is labelled for screen readers.
 */
function coverageChart(model: PacketModel): string {
  const rows = model.groups.flatMap((g) => g.dimensions).filter((d) => d.statements.length > 0);
  const rowHeight = 22;
  const labelWidth = 260;
  const barWidth = 300;
  const height = rows.length * rowHeight + 8;
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="coverage-title" width="${labelWidth + barWidth + 70}" height="${height}" viewBox="0 0 ${labelWidth + barWidth + 70} ${height}" font-family="system-ui, sans-serif" font-size="12">`,
    `<title id="coverage-title">${htmlText(`Statements with evidence per dimension at ${levelName(model.rubric, model.level)}; the table below gives the same numbers.`)}</title>`,
  ];
  rows.forEach((d, i) => {
    const { covered, total } = packetCoverage(d);
    const y = 4 + i * rowHeight;
    const name = shortened(d.dimension.name, 40);
    out.push(
      `<text x="${labelWidth - 8}" y="${y + 14}" text-anchor="end" fill="#1f2328">${htmlText(name)}</text>`,
      `<rect x="${labelWidth}" y="${y + 3}" width="${barWidth}" height="14" fill="#eaeef2" stroke="#d0d7de"/>`,
      `<rect x="${labelWidth}" y="${y + 3}" width="${Math.round((barWidth * covered) / total)}" height="14" fill="#1a7f37"/>`,
      `<text x="${labelWidth + barWidth + 8}" y="${y + 14}" fill="#1f2328">${covered} of ${total}</text>`,
    );
  });
  out.push('</svg>');
  return out.join('\n');
}
