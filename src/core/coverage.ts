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
}

/** Entries in a period, newest first; entries without a valid date only count for all time. */
export function entriesInPeriod(entries: readonly Entry[], options: Pick<CoverageOptions, 'range' | 'includePrivate'>): Entry[] {
  const picked = entries.filter(
    (e) => (options.includePrivate || !e.private) && (!options.range || (e.date !== '' && inRange(e.date, options.range))),
  );
  return picked.sort(newestFirst);
}

function newestFirst(a: Entry, b: Entry): number {
  return a.date < b.date ? 1 : a.date > b.date ? -1 : b.line - a.line;
}

/**
 * Per dimension id, a record with no prototype. Faster than a Map here: the ids are fresh
 * strings from the parse, and V8 looks them up as property names far quicker than as Map keys.
 */
function byId<T>(): Record<string, T | undefined> {
  return Object.create(null) as Record<string, T | undefined>;
}

/** How many entries name each dimension, in a period or all time (private ones included): a cheap pass for counts alone. */
export function countByDimension(entries: readonly Entry[], range?: DateRange): Readonly<Record<string, number | undefined>> {
  const counts = byId<number>();
  for (const entry of entries) {
    if (range && (entry.date === '' || !inRange(entry.date, range))) continue;
    const ids = entry.dimensions;
    for (let i = 0; i < ids.length; i++) if (ids.indexOf(ids[i]) === i) counts[ids[i]] = (counts[ids[i]] ?? 0) + 1;
  }
  return counts;
}

/** Coverage of every dimension of the rubric, in rubric order. One pass over the entries. */
export function coverage(rubric: Rubric, entries: readonly Entry[], options: CoverageOptions = {}): DimensionCoverage[] {
  // Tens of thousands of entries pass through here on every load: no per-entry allocations or searches.
  const rankOf = byId<number>();
  rubric.levels.forEach((l, i) => (rankOf[l.id] = i));
  const byDimension = byId<{ entries: Entry[]; best: number }>();
  for (const entry of entriesInPeriod(entries, options)) {
    const rank = entry.level === undefined ? -1 : (rankOf[entry.level] ?? -1);
    const ids = entry.dimensions;
    for (let i = 0; i < ids.length; i++) {
      if (ids.indexOf(ids[i]) !== i) continue; // a dimension named twice counts once
      const slot = byDimension[ids[i]];
      if (!slot) byDimension[ids[i]] = { entries: [entry], best: rank };
      else {
        slot.entries.push(entry);
        if (rank > slot.best) slot.best = rank;
      }
    }
  }
  const target = levelRank(rubric, options.targetLevel);
  return allDimensions(rubric).map((dimension) => {
    const { entries: list, best } = byDimension[dimension.id] ?? { entries: [], best: -1 };
    const meetsTarget = target >= 0 && best >= target;
    const expected = options.targetLevel === undefined || options.targetLevel in dimension.expectations;
    const status: CoverageStatus = meetsTarget ? 'met' : list.length > 0 ? 'some' : expected ? 'none' : 'not-expected';
    return { dimension, entries: list, ...(best >= 0 ? { highestLevel: rubric.levels[best].id } : {}), meetsTarget, status };
  });
}
