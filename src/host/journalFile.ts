import { readFile, stat } from 'node:fs/promises';
import { journalSizeProblem } from '../core/journalSession';
import { type Problem } from '../core/problem';

export type JournalFile = { kind: 'missing' } | { kind: 'tooLarge'; problem: Problem } | { kind: 'bytes'; bytes: Buffer };

/** A journal file's bytes; its size is checked first, so a huge file is never read into memory. */
export async function readJournalFile(path: string): Promise<JournalFile> {
  try {
    const problem = journalSizeProblem((await stat(path)).size);
    return problem ? { kind: 'tooLarge', problem } : { kind: 'bytes', bytes: await readFile(path) };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    throw e;
  }
}
