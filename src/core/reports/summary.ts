import { citations, coverage, entriesInPeriod, statementCoverage, statementGapText, type DimensionCoverage } from './coverage';
import { type Entry, type Journal } from '../journal';
import { isCommitSha } from '../git/commitSha';
import { LINE_BREAK, mdCode, mdFileLink, mdLink, mdText } from './markdown';
import { contentHash } from '../text/strings';
import { commitUrl } from '../git/permalink';
import { periodTitle, type Period } from '../time/periods';
import { levelName, type Rubric } from '../rubric/rubric';
import { findStatement, parseStatementRef, type ExpectationInForce } from '../rubric/statements';

export interface SummaryInput {
  rubric: Rubric;
  journal: Journal;
  period: Period;
  includePrivate?: boolean;
  /** How the journal is named in the footer, e.g. `.growth/journal.yaml`. */
  journalLabel?: string;
  /** The workspace-relative folder the summary is written to, so file links resolve from there. */
  summaryFolder?: string;
}

const DEFAULT_SUMMARY_FOLDER = '.growth/summaries';
const FINGERPRINT = /\n<!-- growth-journal summary ([0-9a-f]+) -->\n$/;

// Words, not emoji: summaries get pasted into review tools and read where emoji fonts are missing.
const STATUS_TEXT: Record<DimensionCoverage['status'], string> = {
  met: '**met**',
  some: 'below target',
  none: 'no evidence',
  'not-expected': 'not described at target',
};

const MAX_EVIDENCE_PER_DIMENSION = 5;
const MAX_FOCUS = 3;

/**
 * The summary of a period in Markdown. Deterministic: the same journal, rubric and period
 * always give the same bytes, so the CLI and the extension agree and diffs stay quiet.
 */
export function renderSummary(input: SummaryInput): string {
  const { rubric, journal, period } = input;
  const { range } = period;
  const target = journal.profile.targetLevel;
  const current = journal.profile.currentLevel;
  const includePrivate = input.includePrivate ?? false;
  // From the summary's folder back to the workspace folder, for links to tagged files.
  const toWorkspace = '../'.repeat((input.summaryFolder ?? DEFAULT_SUMMARY_FOLDER).split('/').filter((p) => p && p !== '.').length);
  const inPeriod = entriesInPeriod(journal.entries, { range, includePrivate: true });
  const shown = includePrivate ? inPeriod : inPeriod.filter((e) => !e.private);
  const hidden = inPeriod.length - shown.length;
  const rows = coverage(rubric, shown, { ...(target ? { targetLevel: target } : {}), includePrivate: true });
  const targetName = target ? levelName(rubric, target) : undefined;
  const out: string[] = [];

  out.push(`# Growth summary: ${mdText(periodTitle(period))}`, '');
  out.push(`- **Period:** ${range.start} to ${range.end}`);
  out.push(`- **Level:** ${current ? mdText(levelName(rubric, current)) : 'not set'}${targetName ? `, working toward **${mdText(targetName)}**` : ''}`);
  out.push(`- **Rubric:** ${mdText(rubric.name)}, version ${rubric.version}`, '');

  out.push('## Headlines', '');
  const touched = rows.filter((r) => r.entries.length > 0);
  const dimensionCount = rows.length;
  out.push(`- ${plural(shown.length, 'piece')} of evidence across ${touched.length} of ${dimensionCount} dimensions.`);
  if (targetName) {
    const met = rows.filter((r) => r.status === 'met').length;
    const below = rows.filter((r) => r.status === 'some').length;
    const belowText = below ? `${below} ${met ? 'more ' : ''}${below === 1 ? 'has' : 'have'} evidence below it` : '';
    out.push(met ? `- ${mdText(targetName)} level shown in ${plural(met, 'dimension')}${below ? `; ${belowText}` : ''}.` : `- ${mdText(targetName)} level not shown yet${below ? `; ${belowText}` : ''}.`);
  }
  const kinds = (['commit', 'selection', 'note'] as const)
    .map((k) => [k, shown.filter((e) => e.kind === k).length] as const)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => plural(n, k === 'selection' ? 'code selection' : k));
  if (kinds.length) out.push(`- ${kinds.join(', ')}.`);
  out.push('');

  out.push(`## Coverage${targetName ? ` against ${mdText(targetName)}` : ''}`, '');
  for (const group of rubric.groups) {
    const groupRows = rows.filter((r) => r.dimension.groupId === group.id);
    out.push(`### ${mdText(group.name)}`, '');
    out.push('| Dimension | Evidence | Highest level shown | Target |', '| --- | ---: | --- | --- |');
    for (const r of groupRows) {
      out.push(`| ${mdText(r.dimension.name)} | ${r.entries.length} | ${r.highestLevel ? mdText(levelName(rubric, r.highestLevel)) : '—'} | ${targetName ? STATUS_TEXT[r.status] : '—'} |`);
    }
    out.push('');
  }

  out.push('## Evidence by dimension', '');
  if (touched.length === 0) out.push('_No evidence in this period._', '');
  for (const r of touched) {
    out.push(`### ${mdText(r.dimension.name)}`, '');
    const strongest = [...r.entries].sort((a, b) => strength(rubric, b) - strength(rubric, a) || (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
    for (const e of strongest.slice(0, MAX_EVIDENCE_PER_DIMENSION)) out.push(evidenceLine(rubric, e, toWorkspace));
    if (r.entries.length > MAX_EVIDENCE_PER_DIMENSION) out.push(`- …and ${plural(r.entries.length - MAX_EVIDENCE_PER_DIMENSION, 'more entry', 'more entries')}.`);
    out.push('');
  }

  if (target && targetName) {
    out.push(`## Gaps at ${mdText(targetName)}`, '');
    const cited = citations(shown);
    // The same rule as the table: a dimension is expected at the target when a statement is in force there.
    const gaps = rows.flatMap((r) => {
      const statements = r.meetsTarget ? undefined : statementCoverage(rubric, r.dimension, target, cited);
      return statements ? [{ row: r, expectation: statements.expectation, statements }] : [];
    });
    if (gaps.length === 0) out.push(`_Every dimension expected at ${mdText(targetName)} has evidence at that level this period._`, '');
    for (const { row: r, expectation, statements } of gaps) {
      out.push(`### ${mdText(r.dimension.name)}`, '', `${r.entries.length === 0 ? 'No evidence yet.' : `Evidence so far reaches ${mdText(levelName(rubric, r.highestLevel) || 'no stated level')}.`} ${mdText(targetName)} expects${inForceNote(rubric, expectation)}:`, '');
      for (const s of expectation.statements) out.push(`- ${mdText(s.text)} (${mdCode(s.ref)}${cited.has(s.ref) ? `: ${plural(cited.get(s.ref)!.length, 'entry', 'entries')}` : ''})`);
      out.push('');
      if (r.entries.length > 0) out.push(`${mdText(statementGapText(rubric, r.dimension, statements))}.`, '');
    }
    out.push('## Suggested focus for next period', '');
    const focus = [...gaps.filter((g) => g.row.status === 'none'), ...gaps.filter((g) => g.row.status === 'some')].slice(0, MAX_FOCUS);
    if (focus.length === 0) out.push('_Keep going: consider evidence above the target level, or raise the target._');
    for (const { row: r, expectation } of focus) {
      const first = expectation.statements.find((s) => !cited.has(s.ref)) ?? expectation.statements[0];
      out.push(`- **${mdText(r.dimension.name)}**: ${r.entries.length === 0 ? 'no evidence yet' : 'evidence below target'}. Look for work that shows: “${mdText(first.text)}”`);
    }
    out.push('');
  }

  out.push('---', '');
  // The fingerprint tells which wording of the rubric a summary used; a reader needs it only to compare two summaries.
  const footer = [`Generated by Growth Journal from ${input.journalLabel === undefined ? 'the journal' : mdCode(input.journalLabel)} and the rubric ${mdCode(rubric.id)} (rubric fingerprint ${mdText(rubric.hash)}).`];
  if (hidden > 0) footer.push(`${plural(hidden, 'private entry', 'private entries')} left out.`);
  else if (includePrivate) footer.push('Private entries included.');
  out.push(footer.join(' '), '');
  const body = out.join('\n');
  return `${body}\n<!-- growth-journal summary ${contentHash(body)} -->\n`;
}

/** True when a summary file is exactly as Growth Journal wrote it: replacing it loses nothing. */
export function isUneditedSummary(text: string): boolean {
  const m = FINGERPRINT.exec(text);
  return !!m && contentHash(text.slice(0, m.index)) === m[1];
}

function strength(rubric: Rubric, e: Entry): number {
  return rubric.levels.findIndex((l) => l.id === e.level);
}

function evidenceLine(rubric: Rubric, e: Entry, toWorkspace: string): string {
  const parts = [`- **${mdText(e.date || 'undated')}**: ${mdText(e.title)}`];
  if (e.level) parts.push(` _(${mdText(levelName(rubric, e.level))})_`);
  if (e.commit) {
    const { sha, repo } = e.commit;
    parts.push(`, commit ${mdLink(sha.slice(0, 7), repo && isCommitSha(sha) ? commitUrl(repo, sha) : undefined)}`);
  }
  if (e.selection) {
    const s = e.selection;
    const label = `${s.file}:${s.startLine}${s.endLine !== s.startLine ? `-${s.endLine}` : ''}`;
    parts.push(`, ${s.link ? mdLink(label, s.link) : mdFileLink(label, s.file, s.startLine, toWorkspace)}`);
  }
  const note = mdText(e.note?.trim().split(LINE_BREAK)[0] ?? '');
  if (note) parts.push(`\n  ${note}`);
  for (const ref of e.statements ?? []) {
    const parsed = parseStatementRef(ref);
    const statement = parsed && findStatement(rubric, parsed);
    if (statement) parts.push(`\n  Shows ${mdCode(statement.ref)}: “${mdText(statement.text)}”`);
  }
  return parts.join('');
}

/** Where the expectation in force is stated at a lower level, say so: ladders are cumulative. */
function inForceNote(rubric: Rubric, expectation: ExpectationInForce): string {
  return expectation.statedAt === expectation.levelId ? '' : ` (as stated at ${mdText(levelName(rubric, expectation.statedAt))}, the nearest level below that states something)`;
}

function plural(n: number, singular: string, pluralForm = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : pluralForm}`;
}
