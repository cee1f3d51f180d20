import { contentHash } from './strings';

/**
 * Finding tagged lines again. A selection entry records its lines (1-based, inclusive) and,
 * since anchors were added, what they held: a hash of the lines and the first line's text.
 * When code is added or removed above them, the same content is found elsewhere in the file.
 */

/** What a selection records of its lines' content. */
export interface LinesContent {
  hash: string;
  firstLine: string;
}

/** A recorded selection's place, with its content when the journal has it. */
export interface RecordedLines {
  startLine: number;
  endLine: number;
  hash?: string;
  firstLine?: string;
}

/** A document's lines, read one at a time (an editor's document, or a text's lines). */
export interface LineSource {
  readonly lineCount: number;
  /** The text of a 0-based line, without its line break. */
  lineText(index: number): string;
}

/**
 * Where recorded lines are now: `same` at the recorded place, `moved` to another place with the
 * same content, `changed` when the content is nowhere in the document, `unrecorded` for
 * selections recorded without content (shown where they were recorded). Lines are 1-based, and
 * always within the document.
 */
export interface LocatedLines {
  state: 'same' | 'moved' | 'changed' | 'unrecorded';
  startLine: number;
  endLine: number;
}

/** The longest first line recorded: a minified line is recognised by its start. */
const FIRST_LINE_MAX = 120;

/** A line as compared: indentation and trailing white space (and a CR) do not count for the first line. */
function firstLineKey(line: string): string {
  return line.trim().slice(0, FIRST_LINE_MAX);
}

/** The hash of lines as recorded: each without trailing white space, so CRLF and LF files agree. */
function hashOfLines(source: LineSource, start: number, count: number): string {
  const lines: string[] = [];
  for (let i = start; i < start + count; i++) lines.push(source.lineText(i).trimEnd());
  return contentHash(lines.join('\n'));
}

/** What to record of 0-based lines `start`..`end` of `source`. */
export function linesContent(source: LineSource, start: number, end: number): LinesContent {
  return { hash: hashOfLines(source, start, end - start + 1), firstLine: firstLineKey(source.lineText(start)) };
}

/** The lines of a text as a LineSource (any line break). */
export function textLines(text: string): LineSource {
  const lines = text.split(/\r\n|\r|\n/);
  return { lineCount: lines.length, lineText: (i) => lines[i] };
}

/**
 * Where `recorded` is in `source` now. The recorded place is tried first, then places ever
 * further from it, nearest first (above before below at the same distance): a line that starts
 * like the recorded first line is hashed, so a search costs one string comparison per line.
 */
export function locateLines(source: LineSource, recorded: RecordedLines): LocatedLines {
  if (recorded.hash === undefined || recorded.firstLine === undefined) return atRecordedPlace('unrecorded', recorded, source.lineCount);
  const count = recorded.endLine - recorded.startLine + 1;
  const { hash, firstLine } = recorded;
  const fits = (start: number) => start >= 0 && start + count <= source.lineCount && firstLineKey(source.lineText(start)) === firstLine && hashOfLines(source, start, count) === hash;
  const at = recorded.startLine - 1;
  if (fits(at)) return { state: 'same', startLine: recorded.startLine, endLine: recorded.endLine };
  const reach = Math.max(at, source.lineCount - at);
  for (let d = 1; d <= reach; d++) {
    for (const start of [at - d, at + d]) if (fits(start)) return { state: 'moved', startLine: start + 1, endLine: start + count };
  }
  return atRecordedPlace('changed', recorded, source.lineCount);
}

/** The recorded lines, within a document of `lineCount` lines. */
function atRecordedPlace(state: LocatedLines['state'], recorded: RecordedLines, lineCount: number): LocatedLines {
  const last = Math.max(1, lineCount);
  const startLine = Math.min(recorded.startLine, last);
  return { state, startLine, endLine: Math.min(Math.max(recorded.endLine, startLine), last) };
}
