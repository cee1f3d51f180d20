import { claimText, coverage, levelShownBy, statementGapText } from './coverage';
import { type Entry, type Journal } from '../journal';
import { dimensionChanges, type StatementChange } from '../rubric/levelDiff';
import { periodOfDate, resolveViewPeriod, type ViewPeriodKey } from '../time/periods';
import { previousQuarter, quarterLabel, quarterMonths, quarterOfDate } from '../time/quarters';
import { levelName, type Rubric } from '../rubric/rubric';
import { MAX_LISTED_EVIDENCE } from './rubricView';
import { evidenceMatcher } from './search';

/** `quarter`, `previous`, `all`, or any period label (see ViewPeriodKey). */
export type PeriodKey = ViewPeriodKey;

/** What the table shows: every level's statements, what changes from the level below, or evidence per dimension and level. */
export type CompareMode = 'levels' | 'changes' | 'matrix';

/** A matrix cell lists this many entries, the newest; the rest open in the journal. */
const MAX_CELL_LISTED = 25;

interface EvidenceItem {
  id: string;
  title: string;
  date: string;
  kind: 'commit' | 'selection' | 'note';
  levelName?: string;
  private: boolean;
}

/** The evidence of one dimension that shows one level (or no level, under the key ""). */
export interface MatrixCell {
  count: number;
  /** The date of the newest. */
  latest: string;
  /** The newest MAX_CELL_LISTED. */
  entries: EvidenceItem[];
  firstOlderId?: string;
}

/** A statement in force at the target, and how much of the period's evidence cites it. */
interface TargetStatement {
  ref: string;
  text: string;
  count: number;
}

export interface DimensionRow {
  id: string;
  name: string;
  description?: string;
  /** Level id -> statements; absent when the rubric does not describe that level here. */
  cells: Record<string, string[]>;
  changes: Record<string, StatementChange[]>;
  /** Level id ("" for evidence that names no level) -> the evidence showing that level; only levels with some. */
  matrix: Record<string, MatrixCell>;
  /** The statements in force at the target (expectationInForce), when a target is set and something is expected. */
  target?: {
    /** The level that states them: the target, or the nearest below that states something. */
    statedAt: string;
    statements: TargetStatement[];
    covered: number;
    /** "2 of 3 Senior statements in Risk Management have evidence". */
    gap: string;
    /** "2 entries claim Senior, no Senior statement cited", when some do. */
    claims?: string;
  };
  evidence: {
    count: number;
    highestLevel?: string;
    status: 'met' | 'some' | 'none' | 'not-expected';
    /** The newest MAX_LISTED_EVIDENCE of them. */
    entries: EvidenceItem[];
    /** When some are not listed: the newest of those, where the journal opens to show them. */
    firstOlderId?: string;
  };
}

/** Everything the comparison view shows; plain data, sent to the webview as is. */
export interface CompareModel {
  rubricName: string;
  levels: { id: string; name: string }[];
  groups: { id: string; name: string; description?: string; dimensions: DimensionRow[] }[];
  currentLevel?: string;
  targetLevel?: string;
  period: PeriodKey;
  /** The chosen period in words: "this quarter (2026-Q4)", "in 2026-H2 (Jul–Dec 2026)", "all time". */
  periodText: string;
  periods: { key: PeriodKey; label: string }[];
  /** The mode last chosen, kept across closing and reopening like the period. */
  mode: CompareMode;
  /** Some evidence of the period names no level: the matrix gives it a column. */
  unlevelled: boolean;
  /** Why there is no journal data, when there is none (no journal, errors). */
  notice?: string;
  /** The evidence of the period that holds the filter's text, per dimension it counts toward (findEvidence's rule). */
  evidenceSearch?: { text: string; byDimension: Record<string, { count: number; entries: EvidenceItem[] }> };
}

function item(rubric: Rubric, e: Entry): EvidenceItem {
  return { id: e.id, title: e.title, date: e.date, kind: e.kind, private: !!e.private, ...(e.level ? { levelName: levelName(rubric, e.level) } : {}) };
}

/** The comparison webview's data: every level side by side, the changes, and the evidence for the period. */
export function buildCompareModel(rubric: Rubric, journal: Journal | undefined, options: { period: PeriodKey; mode?: CompareMode; today: string; fiscalStartMonth: number; notice?: string; search?: string }): CompareModel {
  const period = resolveViewPeriod(options.period, options.today, options.fiscalStartMonth);
  const { range } = period;
  const target = journal?.profile.targetLevel;
  const entries = journal?.entries ?? [];
  const rows = coverage(rubric, entries, { ...(range ? { range } : {}), ...(target ? { targetLevel: target } : {}), includePrivate: true });
  const shown = levelShownBy(rubric);
  const byId = new Map(rows.map((r) => [r.dimension.id, r]));
  let unlevelled = false;
  const groups = rubric.groups.map((g) => ({
    id: g.id,
    name: g.name,
    ...(g.description ? { description: g.description } : {}),
    dimensions: g.dimensions.map((d): DimensionRow => {
      const c = byId.get(d.id)!;
      // Entries come newest first, so each cell's first entry is its latest.
      const matrix: Record<string, MatrixCell> = {};
      for (const e of c.entries) {
        const level = shown(e, d.id) ?? '';
        if (level === '') unlevelled = true;
        const cell = (matrix[level] ??= { count: 0, latest: e.date, entries: [] });
        cell.count++;
        if (cell.entries.length < MAX_CELL_LISTED) cell.entries.push(item(rubric, e));
        else if (cell.firstOlderId === undefined) cell.firstOlderId = e.id;
      }
      const inForce = c.statements;
      const claims = target ? claimText(rubric, c, target) : undefined;
      return {
        id: d.id,
        name: d.name,
        ...(d.description ? { description: d.description } : {}),
        cells: Object.fromEntries(Object.entries(d.expectations).map(([k, v]) => [k, [...v]])),
        changes: dimensionChanges(rubric, d),
        matrix,
        ...(inForce
          ? {
              target: {
                statedAt: inForce.expectation.statedAt,
                statements: inForce.statements.map(({ statement, entries: citing }) => ({ ref: statement.ref, text: statement.text, count: citing.length })),
                covered: inForce.covered,
                gap: statementGapText(rubric, d, inForce),
                ...(claims ? { claims } : {}),
              },
            }
          : {}),
        evidence: {
          count: c.entries.length,
          ...(c.highestLevel ? { highestLevel: c.highestLevel } : {}),
          status: c.status,
          entries: c.entries.slice(0, MAX_LISTED_EVIDENCE).map((e) => item(rubric, e)),
          ...(c.entries.length > MAX_LISTED_EVIDENCE ? { firstOlderId: c.entries[MAX_LISTED_EVIDENCE].id } : {}),
        },
      };
    }),
  }));
  return {
    rubricName: rubric.name,
    levels: rubric.levels.map((l) => ({ id: l.id, name: l.name })),
    groups,
    ...(journal?.profile.currentLevel ? { currentLevel: journal.profile.currentLevel } : {}),
    ...(target ? { targetLevel: target } : {}),
    period: period.key,
    periodText: period.long,
    periods: periodChoices(period.key, options.today, options.fiscalStartMonth),
    mode: options.mode ?? 'levels',
    unlevelled,
    ...(options.notice ? { notice: options.notice } : {}),
    ...(options.search?.trim() ? { evidenceSearch: evidenceSearch(rubric, rows, options.search.trim()) } : {}),
  };
}

/** The rows' evidence (newest first) that holds `text`, per dimension, the newest MAX_LISTED_EVIDENCE listed. */
function evidenceSearch(rubric: Rubric, rows: ReturnType<typeof coverage>, text: string): NonNullable<CompareModel['evidenceSearch']> {
  const match = evidenceMatcher(rubric, { text });
  const byDimension: NonNullable<CompareModel['evidenceSearch']>['byDimension'] = {};
  for (const row of rows) {
    const found = row.entries.filter((e) => match(e) !== undefined);
    if (found.length) byDimension[row.dimension.id] = { count: found.length, entries: found.slice(0, MAX_LISTED_EVIDENCE).map((e) => item(rubric, e)) };
  }
  return { text, byDimension };
}

/** The periods the select offers: this and last quarter, this half and year, all time, and the chosen one if it is none of those. */
function periodChoices(chosen: PeriodKey, today: string, fiscalStartMonth: number): { key: PeriodKey; label: string }[] {
  const current = quarterOfDate(today, fiscalStartMonth);
  const previous = previousQuarter(current);
  const half = periodOfDate('half', today, fiscalStartMonth);
  const year = periodOfDate('year', today, fiscalStartMonth);
  const choices: { key: PeriodKey; label: string }[] = [
    { key: 'quarter', label: `This quarter (${quarterLabel(current)}, ${quarterMonths(current)})` },
    { key: 'previous', label: `Last quarter (${quarterLabel(previous)}, ${quarterMonths(previous)})` },
    { key: half.label, label: `This half (${half.label}, ${half.months})` },
    { key: year.label, label: `This year (${year.label}, ${year.months})` },
    { key: 'all', label: 'All time' },
  ];
  if (!choices.some((c) => c.key === chosen)) {
    const p = resolveViewPeriod(chosen, today, fiscalStartMonth);
    choices.splice(4, 0, { key: p.key, label: p.long.replace(/^in /, '').replace(/^from /, '') });
  }
  return choices;
}
