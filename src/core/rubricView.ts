import { countByDimension, coverage, type CoverageStatus } from './coverage';
import { type Entry, type Journal } from './journal';
import { quarterLabel, quarterOfDate, quarterRange } from './quarters';
import { type Dimension, type Group, type Rubric } from './rubric';

export type Period = 'quarter' | 'all';

/**
 * Views list this many entries per dimension, the newest, and say how many more there are:
 * a large journal must not turn into tens of thousands of rows.
 */
export const MAX_LISTED_EVIDENCE = 100;

export interface DimensionView {
  dimension: Dimension;
  quarterCount: number;
  allTimeCount: number;
  /** Coverage against the target in the chosen period. */
  status: CoverageStatus;
  highestLevel?: string;
  /** The chosen period's entries, newest first. */
  entries: Entry[];
}

export interface GroupView {
  group: Group;
  dimensions: DimensionView[];
  /** Dimensions whose target-level evidence is there, of those the target level describes. */
  met: number;
  expected: number;
}

export interface RubricView {
  quarter: string;
  period: Period;
  groups: GroupView[];
}

/** What the rubric tree shows: per dimension, counts for this quarter and all time, and coverage for the chosen period. */
export function buildRubricView(rubric: Rubric, journal: Journal | undefined, options: { period: Period; today: string; fiscalStartMonth: number }): RubricView {
  const quarter = quarterOfDate(options.today, options.fiscalStartMonth);
  const entries = journal?.entries ?? [];
  const targetLevel = journal?.profile.targetLevel;
  const range = quarterRange(quarter);
  // Private entries are the user's own evidence: the tree shows them; only summaries leave them out.
  // Full coverage only for the chosen period; the other period needs counts alone, which a large journal makes worth the difference.
  const chosen = coverage(rubric, entries, { ...(targetLevel ? { targetLevel } : {}), ...(options.period === 'quarter' ? { range } : {}), includePrivate: true });
  const otherCounts = countByDimension(entries, options.period === 'quarter' ? undefined : range);
  const views = chosen.map((c): DimensionView => {
    const other = otherCounts[c.dimension.id] ?? 0;
    return {
      dimension: c.dimension,
      quarterCount: options.period === 'quarter' ? c.entries.length : other,
      allTimeCount: options.period === 'all' ? c.entries.length : other,
      status: c.status,
      ...(c.highestLevel ? { highestLevel: c.highestLevel } : {}),
      entries: c.entries,
    };
  });
  const groups = rubric.groups.map((group) => {
    const dimensions = views.filter((v) => v.dimension.groupId === group.id);
    return {
      group,
      dimensions,
      met: dimensions.filter((d) => d.status === 'met').length,
      expected: dimensions.filter((d) => d.status !== 'not-expected').length,
    };
  });
  return { quarter: quarterLabel(quarter), period: options.period, groups };
}
