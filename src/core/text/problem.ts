import { shortened } from './shorten';

/** Something wrong with an input file, in a form a person can act on. */
export interface Problem {
  severity: 'error' | 'warning';
  message: string;
  /** 1-based; present whenever the problem has a place in the text. */
  line?: number;
  /** 1-based, in UTF-16 code units like VS Code's columns. */
  column?: number;
  /** Short stable code, for tests and quick fixes. */
  code: string;
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}

/** `2 errors and 1 warning`: what a view's banner counts, errors first; undefined when there is nothing. */
export function problemCounts(problems: readonly Problem[]): string | undefined {
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  const counts = [[errors, 'error'], [warnings, 'warning']].filter(([n]) => n).map(([n, noun]) => `${n} ${noun}${n === 1 ? '' : 's'}`);
  return counts.length ? counts.join(' and ') : undefined;
}

/**
 * A value from an input file as a message shows it: quoted, cut short, and with every control,
 * line-breaking or direction-changing character escaped, so it reads as one plain line.
 */
export function quoted(value: string, max = 80): string {
  const cut = shortened(value, max + 1);
  return JSON.stringify(cut).replace(/[\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** `file:line:col: severity: message`, the format compilers and editors understand. */
export function formatProblem(file: string, p: Problem): string {
  const at = p.line === undefined ? file : `${file}:${p.line}:${p.column ?? 1}`;
  return `${at}: ${p.severity}: ${p.message}`;
}

/**
 * Maps character offsets to 1-based line and column, built once per text. After an edit near
 * the end, the new index shares the line starts above the edit with the old one (read only)
 * and holds its own for the lines after: a large journal's index is never copied for a tag.
 */
export class LineIndex {
  /** The text whose line starts are counted on first use: a journal read without a problem to place never counts them. */
  private text: string | undefined;
  /** Line starts shared with earlier indexes: only the first `sharedCount` are this text's. */
  private shared: Int32Array = new Int32Array(1);
  private sharedCount = 1;
  /** This text's line starts after the shared ones. */
  private own: number[] = [];

  constructor(text: string) {
    this.text = text;
  }

  /** Counts the line breaks first, then fills a typed array: no growing array to copy. */
  private counted(): this {
    const { text } = this;
    if (text === undefined) return this;
    this.text = undefined;
    let count = 1;
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++;
    const starts = new Int32Array(count);
    let n = 1;
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts[n++] = i + 1;
    this.shared = starts;
    this.sharedCount = count;
    return this;
  }

  /** The index of a text that is `before`'s up to the line start `from`, and `tail` from there. */
  static afterTail(before: LineIndex, from: number, tail: string): LineIndex {
    const kept = before.position(from).line;
    const index = new LineIndex('');
    index.text = undefined;
    index.shared = before.shared;
    index.sharedCount = Math.min(before.sharedCount, kept);
    index.own = before.own.slice(0, kept - index.sharedCount);
    for (let i = tail.indexOf('\n'); i !== -1; i = tail.indexOf('\n', i + 1)) index.own.push(from + i + 1);
    return index;
  }

  private start(i: number): number {
    return i < this.sharedCount ? this.shared[i] : this.own[i - this.sharedCount];
  }

  position(offset: number): { line: number; column: number } {
    this.counted();
    let lo = 0;
    let hi = this.lineCount - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.start(mid) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.start(lo) + 1 };
  }

  lineStart(line: number): number {
    this.counted();
    return this.start(Math.min(Math.max(line, 1), this.lineCount) - 1);
  }

  get lineCount(): number {
    this.counted();
    return this.sharedCount + this.own.length;
  }
}
