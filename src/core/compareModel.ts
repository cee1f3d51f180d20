import { coverage } from './coverage';
import { type Journal } from './journal';
import { dimensionChanges, type StatementChange } from './levelDiff';
import { previousQuarter, quarterLabel, quarterMonths, quarterOfDate, quarterRange } from './quarters';
import { levelName, type Rubric } from './rubric';
import { MAX_LISTED_EVIDENCE } from './rubricView';

export type PeriodKey = 'quarter' | 'previous' | 'all';

/** What the table shows: every level's statements, or what changes from the level below. */
export type CompareMode = 'levels' | 'changes';

interface EvidenceItem {
  id: string;
  title: string;
  date: string;
  kind: 'commit' | 'selection' | 'note';
  levelName?: string;
  private: boolean;
}

export interface DimensionRow {
  id: string;
  name: string;
  description?: string;
  /** Level id -> statements; absent when the rubric does not describe that level here. */
  cells: Record<string, string[]>;
  changes: Record<string, StatementChange[]>;
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
  periods: { key: PeriodKey; label: string }[];
  /** The mode last chosen, kept across closing and reopening like the period. */
  mode: CompareMode;
  /** Why there is no journal data, when there is none (no journal, errors). */
  notice?: string;
}

/** The comparison webview's data: every level side by side, the changes, and the evidence for the period. */
export function buildCompareModel(rubric: Rubric, journal: Journal | undefined, options: { period: PeriodKey; mode?: CompareMode; today: string; fiscalStartMonth: number; notice?: string }): CompareModel {
  const current = quarterOfDate(options.today, options.fiscalStartMonth);
  const previous = previousQuarter(current);
  const range = options.period === 'quarter' ? quarterRange(current) : options.period === 'previous' ? quarterRange(previous) : undefined;
  const target = journal?.profile.targetLevel;
  const rows = coverage(rubric, journal?.entries ?? [], { ...(range ? { range } : {}), ...(target ? { targetLevel: target } : {}), includePrivate: true });
  const byId = new Map(rows.map((r) => [r.dimension.id, r]));
  return {
    rubricName: rubric.name,
    levels: rubric.levels.map((l) => ({ id: l.id, name: l.name })),
    groups: rubric.groups.map((g) => ({
      id: g.id,
      name: g.name,
      ...(g.description ? { description: g.description } : {}),
      dimensions: g.dimensions.map((d) => {
        const c = byId.get(d.id)!;
        return {
          id: d.id,
          name: d.name,
          ...(d.description ? { description: d.description } : {}),
          cells: Object.fromEntries(Object.entries(d.expectations).map(([k, v]) => [k, [...v]])),
          changes: dimensionChanges(rubric, d),
          evidence: {
            count: c.entries.length,
            ...(c.highestLevel ? { highestLevel: c.highestLevel } : {}),
            status: c.status,
            entries: c.entries.slice(0, MAX_LISTED_EVIDENCE).map((e) => ({ id: e.id, title: e.title, date: e.date, kind: e.kind, private: !!e.private, ...(e.level ? { levelName: levelName(rubric, e.level) } : {}) })),
            ...(c.entries.length > MAX_LISTED_EVIDENCE ? { firstOlderId: c.entries[MAX_LISTED_EVIDENCE].id } : {}),
          },
        };
      }),
    })),
    ...(journal?.profile.currentLevel ? { currentLevel: journal.profile.currentLevel } : {}),
    ...(target ? { targetLevel: target } : {}),
    period: options.period,
    mode: options.mode ?? 'levels',
    periods: [
      { key: 'quarter', label: `This quarter (${quarterLabel(current)}, ${quarterMonths(current)})` },
      { key: 'previous', label: `Last quarter (${quarterLabel(previous)}, ${quarterMonths(previous)})` },
      { key: 'all', label: 'All time' },
    ],
    ...(options.notice ? { notice: options.notice } : {}),
  };
}
