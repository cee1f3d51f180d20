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

/**
 * A value from an input file as a message shows it: quoted, cut short, and with every control,
 * line-breaking or direction-changing character escaped, so it reads as one plain line.
 */
export function quoted(value: string, max = 80): string {
  const cut = value.length > max ? `${value.slice(0, max)}…` : value;
  return JSON.stringify(cut).replace(/[\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** `file:line:col: severity: message`, the format compilers and editors understand. */
export function formatProblem(file: string, p: Problem): string {
  const at = p.line === undefined ? file : `${file}:${p.line}:${p.column ?? 1}`;
  return `${at}: ${p.severity}: ${p.message}`;
}

/** Maps character offsets to 1-based line and column, built once per text. */
export class LineIndex {
  private readonly starts: number[];

  /** Lines of `text`; with `same`, the index of an earlier text whose lines up to offset `from` are the same. */
  constructor(text: string, same?: { index: LineIndex; from: number }) {
    let i = -1;
    if (same) {
      // Lines that start at or before `from` are unchanged; the text after them is scanned again.
      const kept = same.index.position(same.from).line;
      this.starts = same.index.starts.slice(0, kept);
      i = this.starts[kept - 1] - 1;
    } else this.starts = [0];
    for (i = text.indexOf('\n', i + 1); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  position(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo] + 1 };
  }

  lineStart(line: number): number {
    return this.starts[Math.min(Math.max(line, 1), this.starts.length) - 1];
  }

  get lineCount(): number {
    return this.starts.length;
  }
}
