import { type Journal, type JournalRead } from './model';
import { type Problem } from '../text/problem';
import { type Rubric, type RubricParse } from '../rubric/rubric';
import { rubricRef, type RubricRef } from '../rubric/rubricRef';
import { stripBom } from '../text/strings';
import { workspacePath } from '../text/workspacePath';

/** A rubric file as its host found it. `Where` is the host's name for the file (a path, a URI). */
export type RubricRead<Where> =
  | { kind: 'text'; where: Where; text: string }
  | { kind: 'missing'; where: Where }
  | { kind: 'invalid'; where: Where; problem: Problem }
  /** Outside the workspace folder once symlinks are followed, or too large: not read. */
  | { kind: 'refused'; message: string; code: string };

/** The file access and parsing a host gives the loader: the CLI reads files, the extension its editors and a worker. */
export interface LoaderIo<Where> {
  readJournal(): Promise<JournalRead>;
  /** The bundled rubric from the package; a path, relative to the journal's workspace folder and inside it. */
  readRubric(ref: RubricRef): Promise<RubricRead<Where>>;
  parseRubric(text: string): Promise<RubricParse>;
  /** The journal read last, checked against its rubric. */
  check(rubric: Rubric): Promise<Problem[]>;
}

export interface Loaded<Where> {
  journalRead: JournalRead;
  journal?: Journal;
  rubric?: Rubric;
  /** The rubric's file, when one was found. */
  rubricAt?: Where;
  /** Each problem and the file it is in: the journal, or the rubric's file. */
  problems: { in: 'journal' | 'rubric'; problem: Problem }[];
}

/**
 * Loads a journal, the rubric it names and the checks between them: the one way the extension
 * and the CLI do it, so both resolve, refuse and report alike. `rubric` overrides the journal's
 * choice (the CLI's --rubric); `fallbackRubric` applies when the journal names none (a setting).
 */
export async function loadJournal<Where>(io: LoaderIo<Where>, options: { rubric?: string; fallbackRubric?: string } = {}): Promise<Loaded<Where>> {
  const journalRead = await io.readJournal();
  const problems: Loaded<Where>['problems'] = [];
  const journal = journalRead.kind === 'text' ? journalRead.journal : undefined;
  if (journalRead.kind === 'invalid') problems.push({ in: 'journal', problem: journalRead.problem });
  if (journalRead.kind === 'text') problems.push(...journalRead.problems.map((problem) => ({ in: 'journal' as const, problem })));
  const base = { journalRead, ...(journal ? { journal } : {}) };

  const named = options.rubric ?? journal?.rubric ?? (options.fallbackRubric || undefined);
  const ref = rubricRef(named);
  const fromJournal = options.rubric === undefined && journal?.rubric !== undefined;
  if (ref.kind === 'path' && !workspacePath(ref.path).ok && options.rubric === undefined) {
    // The journal's parse already warns at its `rubric:` line; a setting gets its own message.
    if (!fromJournal) problems.push({ in: 'journal', problem: { severity: 'error', code: 'rubric-outside', message: `The rubric setting "${ref.path}" is not a path inside the workspace folder, so Growth Journal does not read it.`, line: 1, column: 1 } });
    return { ...base, problems };
  }
  if (ref.kind === 'path' && options.rubric === undefined && !/[/\\.]/.test(ref.path)) {
    const message = `The journal names rubric "${ref.path}", which is neither a bundled rubric (product-security) nor a file path. Use a bundled id or a path relative to the workspace folder.`;
    problems.push({ in: 'journal', problem: { severity: 'error', code: 'rubric-unknown', message, line: 1, column: 1 } });
    return { ...base, problems };
  }
  const read = await io.readRubric(ref);
  if (read.kind === 'refused') {
    problems.push({ in: 'journal', problem: { severity: 'error', code: read.code, message: read.message, line: 1, column: 1 } });
    return { ...base, problems };
  }
  if (read.kind === 'missing') {
    const message = `The rubric "${ref.kind === 'bundled' ? ref.id : ref.path}" was not found. Use a bundled id (product-security) or a path relative to the workspace folder.`;
    problems.push({ in: 'journal', problem: { severity: 'error', code: 'rubric-missing', message, line: 1, column: 1 } });
    return { ...base, rubricAt: read.where, problems };
  }
  if (read.kind === 'invalid') return { ...base, rubricAt: read.where, problems: [...problems, { in: 'rubric', problem: read.problem }] };
  const parsed = await io.parseRubric(stripBom(read.text));
  problems.push(...parsed.problems.map((problem) => ({ in: 'rubric' as const, problem })));
  if (!parsed.rubric) return { ...base, rubricAt: read.where, problems };
  if (journal) problems.push(...(await io.check(parsed.rubric)).map((problem) => ({ in: 'journal' as const, problem })));
  return { ...base, rubric: parsed.rubric, rubricAt: read.where, problems };
}
