import { type Dimension, type Rubric } from './rubric';

/** A run of words in a reworded statement: kept, added at this level, or removed from the one below. */
export interface WordRun {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

/** How a statement at one level relates to the level below it. */
export type StatementChange =
  | { kind: 'same'; text: string }
  | { kind: 'new'; text: string }
  | { kind: 'changed'; text: string; from: string; runs: WordRun[] }
  | { kind: 'dropped'; text: string };

/**
 * The rewording of `from` into `to` word by word (a longest common subsequence of words, spaces
 * kept with the word before them), for showing old → new inline. Statements are one sentence:
 * the quadratic table stays small.
 */
export function wordRuns(from: string, to: string): WordRun[] {
  const a = from.match(/\S+\s*/g) ?? [];
  const b = to.match(/\S+\s*/g) ?? [];
  // "principles." and "principles" are the same word: a sentence's end moves when words are added.
  const key = (w: string) => w.trim().toLowerCase().replace(/[.,;:!?]+$/, '');
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) for (let j = b.length - 1; j >= 0; j--) lcs[i][j] = key(a[i]) === key(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const runs: WordRun[] = [];
  const push = (kind: WordRun['kind'], text: string) => {
    const last = runs.at(-1);
    if (last?.kind === kind) last.text += text;
    else runs.push({ kind, text });
  };
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && key(a[i]) === key(b[j])) {
      push('same', b[j]);
      i++;
      j++;
    } else if (i < a.length && (j === b.length || lcs[i + 1][j] >= lcs[i][j + 1])) push('removed', a[i++]);
    else push('added', b[j++]);
  }
  return runs;
}

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
    return { kind: 'changed', text, from: lower[best], runs: wordRuns(lower[best], text) };
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
