import { claimText, coverageFigure, coverageOfPeriod, entriesInPeriod, statementGapText, type DimensionCoverage } from './coverage';
import { EvidenceWriter, generatedFrom, inDateOrder, plural, section, type Block, type Inline, type ReportDocument, type Section } from './document';
import { type Journal } from '../journal';
import { oneLine } from './markdown';
import { renderMarkdown } from './renderMarkdown';
import { renderText } from './renderText';
import { contentHash } from '../text/strings';
import { periodTitle, type Period } from '../time/periods';
import { levelName, type Rubric } from '../rubric/rubric';
import { refDimension, type ExpectationInForce } from '../rubric/statements';

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
const MAX_FOCUS = 3;

/**
 * The summary of a period as a document (document.ts): headlines, coverage "k of n" per
 * dimension, every piece of evidence once in date order with the dimensions and statements it
 * shows, and the gaps at the target.
 */
export function summaryDocument(input: SummaryInput): ReportDocument {
  const { rubric, journal, period } = input;
  const { range } = period;
  const target = journal.profile.targetLevel;
  const current = journal.profile.currentLevel;
  const includePrivate = input.includePrivate ?? false;
  const inPeriod = entriesInPeriod(journal.entries, { range, includePrivate: true });
  const shown = includePrivate ? inPeriod : inPeriod.filter((e) => !e.private);
  const hidden = inPeriod.length - shown.length;
  const rows = coverageOfPeriod(rubric, shown, target ? { targetLevel: target } : {});
  // Names set inside the summary's own sentences, as one line each (a field never brings its own spaces or breaks).
  const targetName = target ? oneLine(levelName(rubric, target)) : undefined;
  // Words, not emoji: summaries get pasted into review tools and read where emoji fonts are missing.
  const headlines: Inline[][] = [];
  const touched = rows.filter((r) => r.entries.length > 0);
  headlines.push([`${plural(shown.length, 'piece')} of evidence across ${touched.length} of ${rows.length} dimensions.`]);
  if (target && targetName) {
    const expected = rows.filter((r) => r.statements).length;
    const met = rows.filter((r) => r.status === 'met').length;
    headlines.push([`${targetName}: every statement in force has evidence in ${met} of ${expected} dimensions; ${plural(rows.filter((r) => r.status === 'some').length, 'has', 'have')} some evidence.`]);
    const claimed = rows.filter((r) => r.claims > 0).length;
    if (claimed) headlines.push([`In ${plural(claimed, 'dimension')}, entries name ${targetName} without citing a ${targetName} statement: claims, not coverage (see the table).`]);
  }
  const kinds = (['commit', 'selection', 'note'] as const)
    .map((k) => [k, shown.filter((e) => e.kind === k).length] as const)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => plural(n, k === 'selection' ? 'code selection' : k));
  if (kinds.length) headlines.push([`${kinds.join(', ')}.`]);

  const coverageSection = section(
    `Coverage${targetName ? ` against ${targetName}` : ''}`,
    [],
    rubric.groups.map((group) => section(group.name, [coverageTable(rubric, rows.filter((r) => r.dimension.groupId === group.id), target)])),
  );

  const nameOf = new Map(rubric.groups.flatMap((g) => g.dimensions.map((d) => [d.id, d.name] as const)));
  const dimensionNames = (e: { dimensions: readonly string[]; statements?: readonly string[] }) => {
    const names: string[] = [];
    for (const id of e.statements ? [...e.dimensions, ...e.statements.map(refDimension)] : e.dimensions) {
      const name = nameOf.get(id) ?? id;
      if (!names.includes(name)) names.push(name);
    }
    return names;
  };
  const writer = new EvidenceWriter(rubric, dimensionNames);
  const evidence = section('Evidence, in date order', shown.length ? [{ kind: 'evidence', items: writer.items(inDateOrder(shown), 'Evidence') }] : [{ kind: 'paragraph', tone: 'none', text: ['No evidence in this period.'] }]);

  const sections: Section[] = [section('Headlines', [{ kind: 'list', items: headlines }]), coverageSection, evidence];
  if (target && targetName) sections.push(...gapSections(rubric, rows, target, targetName));
  const privacy = hidden > 0 ? ` ${plural(hidden, 'private entry', 'private entries')} left out.` : includePrivate ? ' Private entries included.' : '';
  return {
    title: `Growth summary: ${periodTitle(period)}`,
    facts: [
      { label: 'Period', value: [`${range.start} to ${range.end}`] },
      { label: 'Level', value: targetName ? [`${current ? oneLine(levelName(rubric, current)) : 'not set'}, working toward `, { kind: 'strong', text: targetName }] : [current ? levelName(rubric, current) : 'not set'] },
      { label: 'Rubric', value: [`${oneLine(rubric.name)}, version ${rubric.version}`] },
    ],
    sections,
    footer: generatedFrom(rubric, input.journalLabel, `(rubric fingerprint ${rubric.hash}).${privacy}`),
  };
}

/** Per dimension: the target's statements with evidence (k of n), how much evidence, and claims made without a statement. */
function coverageTable(rubric: Rubric, rows: readonly DimensionCoverage[], target: string | undefined): Block {
  if (!target) return { kind: 'table', columns: [{ label: 'Dimension' }, { label: 'Evidence', numeric: true }, { label: 'Highest level named' }], rows: rows.map((r) => [[r.dimension.name], [String(r.entries.length)], [r.highestLevel ? levelName(rubric, r.highestLevel) : '—']]) };
  const targetName = oneLine(levelName(rubric, target));
  return {
    kind: 'table',
    columns: [{ label: 'Dimension' }, { label: `${targetName} statements with evidence` }, { label: 'Evidence', numeric: true }, { label: 'Claims without a statement' }],
    rows: rows.map((r) => [
      [r.dimension.name],
      r.statements ? [coverageFigure(r.statements), ...(r.status === 'met' ? [', ', { kind: 'strong', text: 'met' } as const] : [])] : [`not described at ${targetName}`],
      [String(r.entries.length)],
      [claimText(rubric, r, target) ?? '—'],
    ]),
  };
}

/** The statements in force at the target that no evidence cites yet, per dimension, and where to look next. */
function gapSections(rubric: Rubric, rows: readonly DimensionCoverage[], target: string, targetName: string): Section[] {
  const gaps = rows.filter((r) => r.statements && r.status !== 'met');
  const perDimension = gaps.map((r) => {
    const c = r.statements!;
    const lead = r.entries.length === 0 ? `No evidence yet. ${targetName} expects${inForceNote(rubric, c.expectation)}:` : `${statementGapText(rubric, r.dimension, c)}${claimText(rubric, r, target) ? `; ${claimText(rubric, r, target)}` : ''}. Not cited yet${inForceNote(rubric, c.expectation)}:`;
    return section(r.dimension.name, [{ kind: 'paragraph', text: [lead] }, { kind: 'gaps', items: [{ statements: c.statements.filter((s) => s.entries.length === 0).map((s) => s.statement.text) }] }]);
  });
  const intro: Block = gaps.length
    ? { kind: 'paragraph', text: [`The statements in force at ${targetName} that no evidence in this period cites.`] }
    : { kind: 'paragraph', tone: 'none', text: [`Every statement in force at ${targetName} has evidence this period.`] };
  const focus = [...gaps.filter((r) => r.status === 'none'), ...gaps.filter((r) => r.status === 'some')].slice(0, MAX_FOCUS);
  const focusItems: Inline[][] = focus.map((r) => {
    const c = r.statements!;
    const first = c.statements.find((s) => s.entries.length === 0) ?? c.statements[0];
    return [{ kind: 'strong', text: r.dimension.name }, `: ${r.entries.length === 0 ? 'no evidence yet' : 'not every statement cited'}. Look for work that shows: “${oneLine(first.statement.text)}”`];
  });
  return [
    section(`Gaps at ${targetName}`, [intro], perDimension),
    section('Suggested focus for next period', [focusItems.length ? { kind: 'list', items: focusItems } : { kind: 'paragraph', tone: 'none', text: ['Keep going: consider evidence above the target level, or raise the target.'] }]),
  ];
}

/** Where the expectation in force is stated at a lower level, say so: ladders are cumulative. */
function inForceNote(rubric: Rubric, expectation: ExpectationInForce): string {
  return expectation.statedAt === expectation.levelId ? '' : ` (as stated at ${oneLine(levelName(rubric, expectation.statedAt))}, the nearest level below that states something)`;
}

/**
 * The summary of a period in Markdown. Deterministic: the same journal, rubric and period
 * always give the same bytes, so the CLI and the extension agree and diffs stay quiet.
 */
export function renderSummary(input: SummaryInput): string {
  // From the summary's folder back to the workspace folder, for links to tagged files.
  const toWorkspace = '../'.repeat((input.summaryFolder ?? DEFAULT_SUMMARY_FOLDER).split('/').filter((p) => p && p !== '.').length);
  const body = renderMarkdown(summaryDocument(input), { toWorkspace });
  // The fingerprint tells whether the file is as written; a reader needs it only to compare two summaries.
  return `${body}\n<!-- growth-journal summary ${contentHash(body)} -->\n`;
}

/** The summary as plain text, for pasting into a review tool: no Markdown, no escapes. */
export function renderSummaryText(input: SummaryInput): string {
  return renderText(summaryDocument(input));
}

/** True when a summary file is exactly as Growth Journal wrote it: replacing it loses nothing. */
export function isUneditedSummary(text: string): boolean {
  const m = FINGERPRINT.exec(text);
  return !!m && contentHash(text.slice(0, m.index)) === m[1];
}
