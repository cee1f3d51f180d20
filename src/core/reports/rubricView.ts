import { countByDimension, coverageOfPeriod, entriesInPeriod, type CoverageStatus, type StatementCoverage } from './coverage';
import { type Entry, type Journal } from '../journal';
import { resolveViewPeriod, type ViewPeriod, type ViewPeriodKey } from '../time/periods';
import { type Dimension, type Group, type Rubric } from '../rubric/rubric';

/**
 * Views list this many entries per dimension, the newest, and say how many more there are:
 * a large journal must not turn into tens of thousands of rows.
 */
export const MAX_LISTED_EVIDENCE = 100;

export interface DimensionView {
  dimension: Dimension;
  /** Entries in the chosen period (all time when that is the period). */
  periodCount: number;
  allTimeCount: number;
  /** Coverage against the target in the chosen period. */
  status: CoverageStatus;
  highestLevel?: string;
  /** The chosen period's entries, newest first. */
  entries: Entry[];
  /** The target's statements in force here, each with the period's entries citing it; undefined without a target or where nothing is expected. */
  statements?: StatementCoverage;
  /** Entries that name the target level here without citing a statement in force (see coverage.ts). */
  claims: number;
}

export interface GroupView {
  group: Group;
  dimensions: DimensionView[];
  /** Dimensions whose every statement in force at the target has evidence, of those the target level describes. */
  met: number;
  expected: number;
}

export interface RubricView {
  period: ViewPeriod;
  groups: GroupView[];
}

/** What the rubric tree and the status bar show: per dimension, counts for the chosen period and all time, and coverage for the period. */
export function buildRubricView(rubric: Rubric, journal: Journal | undefined, options: { period: ViewPeriodKey; today: string; fiscalStartMonth: number }): RubricView {
  const period = resolveViewPeriod(options.period, options.today, options.fiscalStartMonth);
  const entries = journal?.entries ?? [];
  const targetLevel = journal?.profile.targetLevel;
  const { range } = period;
  // Private entries are the user's own evidence: the tree shows them; only summaries leave them out.
  // Full coverage only for the chosen period; all time needs counts alone, which a large journal makes worth the difference.
  const inPeriod = entriesInPeriod(entries, { ...(range ? { range } : {}), includePrivate: true });
  const chosen = coverageOfPeriod(rubric, inPeriod, targetLevel ? { targetLevel } : {});
  const allTime = range ? countByDimension(entries) : undefined;
  const views = chosen.map((c): DimensionView => {
    const { statements } = c;
    return {
      dimension: c.dimension,
      periodCount: c.entries.length,
      allTimeCount: allTime ? (allTime[c.dimension.id] ?? 0) : c.entries.length,
      status: c.status,
      ...(c.highestLevel ? { highestLevel: c.highestLevel } : {}),
      entries: c.entries,
      ...(statements ? { statements } : {}),
      claims: c.claims,
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
  return { period, groups };
}
