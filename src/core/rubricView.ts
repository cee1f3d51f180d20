import { coverage, newestFirst, type CoverageStatus } from './coverage';
import { type Entry, type Journal } from './journal';
import { quarterLabel, quarterOfDate, quarterRange } from './quarters';
import { type Dimension, type Group, type Rubric } from './rubric';

export type Period = 'quarter' | 'all';

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
  // Sorted once here, not once per period.
  const entries = [...(journal?.entries ?? [])].sort(newestFirst);
  const targetLevel = journal?.profile.targetLevel;
  const target = targetLevel ? { targetLevel } : {};
  // Private entries are the user's own evidence: the tree shows them; only summaries leave them out.
  const inQuarter = coverage(rubric, entries, { ...target, range: quarterRange(quarter), includePrivate: true, presorted: true });
  const allTime = coverage(rubric, entries, { ...target, includePrivate: true, presorted: true });
  const chosen = options.period === 'quarter' ? inQuarter : allTime;
  const views = chosen.map((c, i): DimensionView => ({
    dimension: c.dimension,
    quarterCount: inQuarter[i].entries.length,
    allTimeCount: allTime[i].entries.length,
    status: c.status,
    ...(c.highestLevel ? { highestLevel: c.highestLevel } : {}),
    entries: c.entries,
  }));
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
