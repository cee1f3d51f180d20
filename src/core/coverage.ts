import { type Entry } from './journal';
import { allDimensions, levelRank, type Dimension, type Rubric } from './rubric';
import { inRange, type DateRange } from './quarters';

export type CoverageStatus = 'met' | 'some' | 'none' | 'not-expected';

export interface DimensionCoverage {
  dimension: Dimension;
  /** Newest first. */
  entries: Entry[];
  /** The highest level any entry demonstrates, or undefined when none names a level. */
  highestLevel?: string;
  /** Some evidence demonstrates the target level (or above). */
  meetsTarget: boolean;
  /**
   * met: target shown; some: evidence, but not at target; none: no evidence;
   * not-expected: the rubric says nothing for this dimension at the target level and there is no evidence.
   */
  status: CoverageStatus;
}

export interface CoverageOptions {
  /** Leave out to count all time. */
  range?: DateRange;
  targetLevel?: string;
  includePrivate?: boolean;
  /** The entries are already newest first: skip sorting them again. */
  presorted?: boolean;
}

/** Entries in a period, newest first; entries without a valid date only count for all time. */
export function entriesInPeriod(entries: readonly Entry[], options: Pick<CoverageOptions, 'range' | 'includePrivate' | 'presorted'>): Entry[] {
  const picked = entries.filter(
    (e) => (options.includePrivate || !e.private) && (!options.range || (e.date !== '' && inRange(e.date, options.range))),
  );
  return options.presorted ? picked : picked.sort(newestFirst);
}

export function newestFirst(a: Entry, b: Entry): number {
  return a.date < b.date ? 1 : a.date > b.date ? -1 : b.line - a.line;
}

/** Coverage of every dimension of the rubric, in rubric order. One pass over the entries. */
export function coverage(rubric: Rubric, entries: readonly Entry[], options: CoverageOptions = {}): DimensionCoverage[] {
  const byDimension = new Map<string, Entry[]>();
  for (const entry of entriesInPeriod(entries, options)) {
    for (const id of new Set(entry.dimensions)) {
      const list = byDimension.get(id);
      if (list) list.push(entry);
      else byDimension.set(id, [entry]);
    }
  }
  const target = levelRank(rubric, options.targetLevel);
  return allDimensions(rubric).map((dimension) => {
    const list = byDimension.get(dimension.id) ?? [];
    let best = -1;
    for (const e of list) best = Math.max(best, levelRank(rubric, e.level));
    const meetsTarget = target >= 0 && best >= target;
    const expected = options.targetLevel === undefined || options.targetLevel in dimension.expectations;
    const status: CoverageStatus = meetsTarget ? 'met' : list.length > 0 ? 'some' : expected ? 'none' : 'not-expected';
    return { dimension, entries: list, ...(best >= 0 ? { highestLevel: rubric.levels[best].id } : {}), meetsTarget, status };
  });
}
