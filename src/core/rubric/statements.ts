import { type Dimension, type Rubric, findDimension, levelRank } from './rubric';
import { contentHash } from '../text/strings';

/**
 * A statement of the rubric is named `<dimension-id>/<level-id>/<n>`, n from 1 in the rubric's
 * order. Where the journal cites one it may carry a fingerprint of the text it cited,
 * `risk-management/senior/1@3f2a1c`, so a rubric that later rewords, reorders or drops
 * statements never silently re-points evidence: the ref is flagged and a quick fix re-points it.
 */
export interface StatementRef {
  dimensionId: string;
  levelId: string;
  /** 1-based. */
  n: number;
  /** Fingerprint of the statement's text when it was cited, if the journal keeps one. */
  fingerprint?: string;
}

export interface Statement {
  /** `<dimension-id>/<level-id>/<n>`, without fingerprint. */
  ref: string;
  dimensionId: string;
  levelId: string;
  n: number;
  text: string;
}

const REF = /^([A-Za-z0-9_-]+)\/([A-Za-z0-9_-]+)\/([1-9][0-9]{0,3})(?:@([0-9a-f]{6}))?$/;

export function parseStatementRef(text: string): StatementRef | undefined {
  const m = REF.exec(text);
  if (!m) return undefined;
  return { dimensionId: m[1], levelId: m[2], n: Number(m[3]), ...(m[4] ? { fingerprint: m[4] } : {}) };
}

/** The ref without its fingerprint: what names the statement. */
export function refKey(ref: StatementRef | string): string {
  if (typeof ref === 'string') {
    const at = ref.indexOf('@');
    return at < 0 ? ref : ref.slice(0, at);
  }
  return `${ref.dimensionId}/${ref.levelId}/${ref.n}`;
}

/** The dimension a ref names, read from its text alone: cheap enough for every entry on every load. */
export function refDimension(ref: string): string {
  const slash = ref.indexOf('/');
  return slash < 0 ? ref : ref.slice(0, slash);
}

/** Six hex digits of the statement's text, white space folded, so re-flowing a line changes nothing. */
export function statementFingerprint(text: string): string {
  return contentHash(text.trim().replace(/\s+/g, ' ')).slice(-6);
}

/** The ref a journal writes when it cites `statement`: with the fingerprint of its text today. */
export function citedRef(statement: Statement): string {
  return `${statement.ref}@${statementFingerprint(statement.text)}`;
}

/** The statements a dimension states at a level, in order (none when it states nothing there). */
export function statementsAt(dimension: Dimension, levelId: string): Statement[] {
  return (dimension.expectations[levelId] ?? []).map((text, i) => ({ ref: `${dimension.id}/${levelId}/${i + 1}`, dimensionId: dimension.id, levelId, n: i + 1, text }));
}

/** The statement a ref names in this rubric, or undefined. */
export function findStatement(rubric: Rubric, ref: StatementRef): Statement | undefined {
  const dimension = findDimension(rubric, ref.dimensionId);
  const text = dimension?.expectations[ref.levelId]?.[ref.n - 1];
  return text === undefined ? undefined : { ref: refKey(ref), dimensionId: ref.dimensionId, levelId: ref.levelId, n: ref.n, text };
}

/** The expectation in force for a dimension at a level, and the level that states it. */
export interface ExpectationInForce {
  /** The level asked about. */
  levelId: string;
  /** The level whose statements apply: the same, or the nearest below that states something. */
  statedAt: string;
  statements: Statement[];
}

/**
 * Ladders are cumulative: where a dimension states nothing at a level, the expectation in force
 * is the nearest level below that states something. Undefined when nothing at or below the level
 * is stated (a senior-only quality asked about at mid): nothing is expected there. Every view,
 * summary and packet asks this one function.
 */
export function expectationInForce(rubric: Rubric, dimension: Dimension, levelId: string): ExpectationInForce | undefined {
  for (let rank = levelRank(rubric, levelId); rank >= 0; rank--) {
    const statedAt = rubric.levels[rank].id;
    if (dimension.expectations[statedAt]?.length) return { levelId, statedAt, statements: statementsAt(dimension, statedAt) };
  }
  return undefined;
}

/** Whether a statement's text still matches the fingerprint a citation kept. */
export type RefCheck =
  | { kind: 'ok'; statement: Statement }
  /** No such dimension, level or statement number. */
  | { kind: 'unknown'; reason: string; suggestions: Statement[] }
  /** The statement at this ref is not the one cited: `now` reads differently; `movedTo` holds the cited text, if the rubric still has it. */
  | { kind: 'changed'; now: Statement; movedTo?: Statement }
  /** The statement is gone, but the cited text is elsewhere. */
  | { kind: 'moved'; movedTo: Statement };

/** Checks one cited ref against the rubric. */
export function checkStatementRef(rubric: Rubric, ref: StatementRef): RefCheck {
  const dimension = findDimension(rubric, ref.dimensionId);
  const withPrint = (s: Statement) => ref.fingerprint !== undefined && statementFingerprint(s.text) === ref.fingerprint;
  const elsewhere = () => (ref.fingerprint === undefined ? undefined : rubricStatements(rubric).find(withPrint));
  const statement = findStatement(rubric, ref);
  if (statement) {
    if (ref.fingerprint === undefined || withPrint(statement)) return { kind: 'ok', statement };
    const movedTo = elsewhere();
    return { kind: 'changed', now: statement, ...(movedTo ? { movedTo } : {}) };
  }
  const movedTo = elsewhere();
  if (movedTo) return { kind: 'moved', movedTo };
  if (!dimension) return { kind: 'unknown', reason: `${rubric.name} has no dimension "${ref.dimensionId}"`, suggestions: [] };
  if (levelRank(rubric, ref.levelId) < 0) return { kind: 'unknown', reason: `"${ref.levelId}" is not a level of ${rubric.name} (${rubric.levels.map((l) => l.id).join(', ')})`, suggestions: [] };
  const count = dimension.expectations[ref.levelId]?.length ?? 0;
  return {
    kind: 'unknown',
    reason: count === 0 ? `${dimension.name} states nothing at ${ref.levelId}` : `${dimension.name} has ${count} statement${count === 1 ? '' : 's'} at ${ref.levelId}, not ${ref.n}`,
    suggestions: statementsAt(dimension, ref.levelId),
  };
}

/** Every statement of the rubric, in rubric order (groups, dimensions, levels low to high). */
export function rubricStatements(rubric: Rubric): Statement[] {
  return rubric.groups.flatMap((g) => g.dimensions.flatMap((d) => rubric.levels.flatMap((l) => statementsAt(d, l.id))));
}
