import { type Entry, type Journal } from '../journal';
import { findDimension, levelName, type Rubric } from '../rubric/rubric';
import { findStatement, parseStatementRef } from '../rubric/statements';
import { locateLines, type LineSource, type LocatedLines } from '../text/anchor';

/**
 * Evidence on the lines it is about: the marks (a CodeLens and a hover) a file with tagged
 * selections shows. Built from the snapshot's journal, never from the file on every keystroke.
 */

/** One tagged range in a file, where its content is now. */
export interface Mark extends LocatedLines {
  entry: Entry;
}

/** Selection entries by file, made once per journal read: a file without evidence is one lookup. */
const indexes = new WeakMap<Journal, ReadonlyMap<string, readonly Entry[]>>();

function evidenceByFile(journal: Journal): ReadonlyMap<string, readonly Entry[]> {
  let index = indexes.get(journal);
  if (index) return index;
  const byFile = new Map<string, Entry[]>();
  for (const entry of journal.entries) {
    const file = entry.selection?.file;
    if (file === undefined) continue;
    const list = byFile.get(file);
    if (list) list.push(entry);
    else byFile.set(file, [entry]);
  }
  indexes.set(journal, (index = byFile));
  return index;
}

/** The marks of a file in its current text; `files` are the names the journal may give it (workspace-relative). */
export function marksIn(journal: Journal, files: readonly string[], source: LineSource): Mark[] {
  const index = evidenceByFile(journal);
  const marks: Mark[] = [];
  for (const file of files) {
    for (const entry of index.get(file) ?? []) {
      const { state, startLine, endLine } = locateLines(source, entry.selection!);
      marks.push({ entry, state, startLine, endLine });
    }
  }
  return marks;
}

/** The lens text: the entry's dimensions by name, then its title (`Technical Depth · Constant-time MAC comparison`). */
export function markLabel(rubric: Rubric | undefined, entry: Entry): string {
  const names = entry.dimensions.map((id) => (rubric && findDimension(rubric, id)?.name) || id);
  return [names.join(', '), entry.title].filter((part) => part !== '').join(' · ');
}

/** What the hover says of a mark, as plain text for the host to escape. */
export interface MarkDetails {
  label: string;
  level?: string;
  /** The statements the entry cites, by their text (the ref when the rubric no longer has it). */
  statements: string[];
  /** Why the mark is not where the journal says, when it is not. */
  state?: string;
}

export function markDetails(rubric: Rubric | undefined, mark: Mark): MarkDetails {
  const { entry } = mark;
  const statements = (entry.statements ?? []).map((ref) => {
    const parsed = parseStatementRef(ref);
    return (rubric && parsed && findStatement(rubric, parsed)?.text) || ref;
  });
  const recorded = `lines ${entry.selection!.startLine}-${entry.selection!.endLine}`;
  const state =
    mark.state === 'moved'
      ? `Moved: recorded at ${recorded}, now at lines ${mark.startLine}-${mark.endLine}.`
      : mark.state === 'changed'
        ? `Moved or changed: the code recorded at ${recorded} is no longer in this file as it was. Select the lines it is about now and re-anchor it.`
        : undefined;
  return {
    label: markLabel(rubric, entry),
    ...(entry.level === undefined ? {} : { level: rubric ? levelName(rubric, entry.level) : entry.level }),
    statements,
    ...(state ? { state } : {}),
  };
}
