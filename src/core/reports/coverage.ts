import { type Entry } from '../journal';
import { allDimensions, levelName, levelRank, type Dimension, type Rubric } from '../rubric/rubric';
import { inRange, type DateRange } from '../time/quarters';
import { oneLine } from './markdown';
import { expectationInForce, parseStatementRef, refDimension, refKey, type ExpectationInForce, type Statement } from '../rubric/statements';

export type CoverageStatus = 'met' | 'some' | 'none' | 'not-expected';

/**
 * The one measure of coverage every surface shows (tree, status bar, Compare, summary, packet):
 * for a dimension at the target level, "k of n" statements in force (expectationInForce) that
 * some evidence cites. A level an entry names without citing a statement is a claim, counted
 * apart and never *met*.
 */
export interface DimensionCoverage {
  dimension: Dimension;
  /** Newest first. */
  entries: Entry[];
  /** The highest level any entry names or cites, or undefined when none does. */
  highestLevel?: string;
  /** The statements in force at the target, each with the entries citing it; undefined without a target or where nothing is expected. */
  statements?: StatementCoverage;
  /** Entries that name the target level (or above) here but cite none of the statements in force: claims, not coverage. */
  claims: number;
  /** Every statement in force has evidence citing it (k = n). */
  meetsTarget: boolean;
  /**
   * met: every statement in force at the target is cited (k = n); some: evidence, but not every
   * statement cited; none: no evidence; not-expected: the dimension states nothing at the target
   * level or below (see expectationInForce), so there is nothing to meet.
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
  const refs = new RefDimensions();
  for (const entry of entries) {
    if (range && (entry.date === '' || !inRange(entry.date, range))) continue;
    const { dimensions, statements } = entry;
    for (let i = 0; i < dimensions.length; i++) if (dimensions.indexOf(dimensions[i]) === i) counts[dimensions[i]] = (counts[dimensions[i]] ?? 0) + 1;
    if (statements) for (let i = 0; i < statements.length; i++) {
      const id = refs.citedAnew(entry, i);
      if (id !== undefined) counts[id] = (counts[id] ?? 0) + 1;
    }
  }
  return counts;
}

/** The dimensions an entry counts toward: those it names, and those of the statements it cites. */
export function taggedDimensions(entry: Entry): readonly string[] {
  if (!entry.statements?.length) return entry.dimensions;
  return [...entry.dimensions, ...entry.statements.map(refDimension)];
}

/**
 * The dimension of each cited ref, and the level it shows, worked out once per ref text for a
 * pass over many entries: the same few refs are cited again and again, and a pass over tens of
 * thousands of entries should make no objects per entry.
 */
class RefDimensions {
  private readonly dimensionOf = new Map<string, string>();
  private readonly levelOf = new Map<string, string | undefined>();

  dimension(ref: string): string {
    let id = this.dimensionOf.get(ref);
    if (id === undefined) this.dimensionOf.set(ref, (id = refDimension(ref)));
    return id;
  }

  /** The level of the statement a ref names, or undefined for a ref that does not parse. */
  level(ref: string): string | undefined {
    if (this.levelOf.has(ref)) return this.levelOf.get(ref);
    const level = parseStatementRef(ref)?.levelId;
    this.levelOf.set(ref, level);
    return level;
  }

  /** The dimension of the entry's i-th cited ref, unless the entry already counts toward it (named, or cited earlier). */
  citedAnew(entry: Entry, i: number): string | undefined {
    const statements = entry.statements!;
    const id = this.dimension(statements[i]);
    if (entry.dimensions.includes(id)) return undefined;
    for (let j = 0; j < i; j++) if (this.dimension(statements[j]) === id) return undefined;
    return id;
  }
}

/** Per statement ref (without fingerprint), the entries that cite it, in the order given. */
export function citations(entries: readonly Entry[]): ReadonlyMap<string, Entry[]> {
  const byRef = new Map<string, Entry[]>();
  for (const entry of entries) {
    if (!entry.statements) continue;
    for (const ref of new Set(entry.statements.map((s) => refKey(s)))) {
      const list = byRef.get(ref);
      if (list) list.push(entry);
      else byRef.set(ref, [entry]);
    }
  }
  return byRef;
}

/** Coverage of every dimension of the rubric, in rubric order. One pass over the entries. */
export function coverage(rubric: Rubric, entries: readonly Entry[], options: CoverageOptions = {}): DimensionCoverage[] {
  return coverageOfPeriod(rubric, entriesInPeriod(entries, options), options);
}

/** coverage() of entries already picked for the period and sorted newest first (entriesInPeriod). */
export function coverageOfPeriod(rubric: Rubric, inPeriod: readonly Entry[], options: Pick<CoverageOptions, 'targetLevel'> = {}): DimensionCoverage[] {
  // Tens of thousands of entries pass through here on every load: no per-entry allocations or searches.
  const rankOf = byId<number>();
  rubric.levels.forEach((l, i) => (rankOf[l.id] = i));
  const byDimension = byId<{ entries: Entry[]; best: number }>();
  const refs = new RefDimensions();
  const count = (entry: Entry, id: string, entryRank: number) => {
    const rank = entry.statements ? Math.max(entryRank, citedRank(entry.statements, id, rankOf, refs)) : entryRank;
    const slot = byDimension[id];
    if (!slot) byDimension[id] = { entries: [entry], best: rank };
    else {
      slot.entries.push(entry);
      if (rank > slot.best) slot.best = rank;
    }
  };
  for (const entry of inPeriod) {
    const entryRank = entry.level === undefined ? -1 : (rankOf[entry.level] ?? -1);
    const { dimensions, statements } = entry;
    // A dimension named twice, or named and cited, counts once.
    for (let i = 0; i < dimensions.length; i++) if (dimensions.indexOf(dimensions[i]) === i) count(entry, dimensions[i], entryRank);
    if (statements) for (let i = 0; i < statements.length; i++) {
      const id = refs.citedAnew(entry, i);
      if (id !== undefined) count(entry, id, entryRank);
    }
  }
  const targetLevel = levelRank(rubric, options.targetLevel) >= 0 ? options.targetLevel : undefined;
  const target = levelRank(rubric, targetLevel);
  const cited = targetLevel === undefined ? undefined : citations(inPeriod);
  return allDimensions(rubric).map((dimension) => {
    const { entries: list, best } = byDimension[dimension.id] ?? { entries: [], best: -1 };
    const statements = targetLevel === undefined ? undefined : statementCoverage(rubric, dimension, targetLevel, cited!);
    const meetsTarget = !!statements && statements.covered === statements.statements.length;
    const claims = statements ? claimsOf(list, statements, target, rankOf) : 0;
    const status: CoverageStatus = meetsTarget ? 'met' : targetLevel !== undefined && !statements ? 'not-expected' : list.length > 0 ? 'some' : 'none';
    return { dimension, entries: list, ...(best >= 0 ? { highestLevel: rubric.levels[best].id } : {}), ...(statements ? { statements } : {}), claims, meetsTarget, status };
  });
}

/** How many entries name the target level or above but cite none of the statements in force. */
function claimsOf(entries: readonly Entry[], c: StatementCoverage, target: number, rankOf: Record<string, number | undefined>): number {
  const inForce = new Set(c.statements.map((s) => s.statement.ref));
  let claims = 0;
  for (const e of entries) {
    if (e.level === undefined || (rankOf[e.level] ?? -1) < target) continue;
    if (!e.statements?.some((s) => inForce.has(refKey(s)))) claims++;
  }
  return claims;
}

/** The highest level among the statements of `dimensionId` an entry cites: citing a statement shows its level. */
function citedRank(statements: readonly string[], dimensionId: string, rankOf: Record<string, number | undefined>, refs: RefDimensions): number {
  let best = -1;
  for (const s of statements) {
    const level = refs.dimension(s) === dimensionId ? refs.level(s) : undefined;
    const rank = level === undefined ? -1 : (rankOf[level] ?? -1);
    if (rank > best) best = rank;
  }
  return best;
}

/**
 * The level an entry shows in one dimension, as coverage() counts it: its own level, or a
 * higher one of a statement of that dimension it cites. Made once per rubric, asked per entry.
 */
export function levelShownBy(rubric: Rubric): (entry: Entry, dimensionId: string) => string | undefined {
  const rankOf = byId<number>();
  rubric.levels.forEach((l, i) => (rankOf[l.id] = i));
  const refs = new RefDimensions();
  return (entry, dimensionId) => {
    const own = entry.level === undefined ? -1 : (rankOf[entry.level] ?? -1);
    const rank = entry.statements ? Math.max(own, citedRank(entry.statements, dimensionId, rankOf, refs)) : own;
    return rank >= 0 ? rubric.levels[rank].id : undefined;
  };
}

/** The statements in force for a dimension at a level, each with the entries that cite it. */
export interface StatementCoverage {
  expectation: ExpectationInForce;
  statements: { statement: Statement; entries: readonly Entry[] }[];
  /** How many of them some entry cites. */
  covered: number;
}

/**
 * Coverage counted per statement, by the one rule of expectationInForce: undefined where
 * nothing is expected of the dimension at that level. `cited` comes from citations().
 */
export function statementCoverage(rubric: Rubric, dimension: Dimension, levelId: string, cited: ReadonlyMap<string, readonly Entry[]>): StatementCoverage | undefined {
  const expectation = expectationInForce(rubric, dimension, levelId);
  if (!expectation) return undefined;
  const statements = expectation.statements.map((statement) => ({ statement, entries: cited.get(statement.ref) ?? [] }));
  return { expectation, statements, covered: statements.filter((s) => s.entries.length > 0).length };
}

/** "1 of 4": the figure every surface shows for a dimension's coverage at the target. */
export function coverageFigure(c: StatementCoverage): string {
  return `${c.covered} of ${c.statements.length}`;
}

/** "2 entries claim Senior, no Senior statement cited": evidence that names the level without citing what it shows. */
export function claimText(rubric: Rubric, c: Pick<DimensionCoverage, 'claims' | 'statements'>, targetLevel: string): string | undefined {
  if (!c.claims || !c.statements) return undefined;
  return `${c.claims} ${c.claims === 1 ? 'entry claims' : 'entries claim'} ${oneLine(levelName(rubric, targetLevel))}, no ${oneLine(levelName(rubric, c.statements.expectation.statedAt))} statement cited`;
}

/** "2 of 3 Senior statements in Risk Management have evidence" (the level that states them, when a lower one is in force). */
export function statementGapText(rubric: Rubric, dimension: Dimension, c: StatementCoverage): string {
  const total = c.statements.length;
  const level = oneLine(levelName(rubric, c.expectation.statedAt));
  return `${c.covered} of ${total} ${level} ${total === 1 ? 'statement' : 'statements'} in ${oneLine(dimension.name)} ${total === 1 ? 'has' : 'have'} evidence`;
}
