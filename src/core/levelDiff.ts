import { type Dimension, type Rubric } from './rubric';

/** How a statement at one level relates to the level below it. */
export type StatementChange =
  | { kind: 'same'; text: string }
  | { kind: 'new'; text: string }
  | { kind: 'changed'; text: string; from: string }
  | { kind: 'dropped'; text: string };

/** Statements that share at least this share of their words count as a reworded one. */
const SIMILAR = 0.4;

function words(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/[a-z0-9]+(?:-[a-z0-9]+)*/g) ?? []);
}

function similarity(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / Math.max(1, Math.min(a.size, b.size));
}

/**
 * What changes from `lower` to `higher`, statement by statement: kept word for word, reworded
 * (most words shared with one statement below), new, or dropped (said below, not here).
 */
export function diffStatements(lower: readonly string[], higher: readonly string[]): StatementChange[] {
  const lowerWords = lower.map(words);
  const used = new Set<number>();
  const out: StatementChange[] = higher.map((text) => {
    const exact = lower.findIndex((l, i) => !used.has(i) && l === text);
    if (exact >= 0) {
      used.add(exact);
      return { kind: 'same', text };
    }
    const w = words(text);
    let best = -1;
    let bestScore = SIMILAR;
    lowerWords.forEach((lw, i) => {
      const score = similarity(w, lw);
      if (!used.has(i) && score >= bestScore) {
        best = i;
        bestScore = score;
      }
    });
    if (best < 0) return { kind: 'new', text };
    used.add(best);
    return { kind: 'changed', text, from: lower[best] };
  });
  lower.forEach((text, i) => used.has(i) || out.push({ kind: 'dropped', text }));
  return out;
}

/**
 * For each level a dimension describes, its changes against the nearest lower level the
 * dimension also describes; the lowest described level is all new.
 */
export function dimensionChanges(rubric: Rubric, dimension: Dimension): Record<string, StatementChange[]> {
  const result: Record<string, StatementChange[]> = {};
  let previous: readonly string[] = [];
  for (const level of rubric.levels) {
    const statements = dimension.expectations[level.id];
    if (!statements) continue;
    result[level.id] = diffStatements(previous, statements);
    previous = statements;
  }
  return result;
}
