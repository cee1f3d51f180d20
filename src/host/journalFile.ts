import { open, readFile, stat } from 'node:fs/promises';
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

/** The buffer holdsBytes reads into, kept between calls; undefined while a call uses it. */
let scratch: Buffer | undefined = Buffer.alloc(0);

/**
 * Whether the file at `path` holds exactly `bytes`. It is read into a buffer kept for the
 * purpose: on some machines the first touch of new memory costs more than the read itself, and
 * this question is asked on every write and every reload.
 */
export async function holdsBytes(path: string, bytes: Uint8Array): Promise<boolean> {
  const handle = await open(path, 'r').catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return undefined;
    throw e;
  });
  if (!handle) return false;
  // Two callers at once: the second reads into its own buffer.
  let buffer = scratch ?? Buffer.alloc(0);
  scratch = undefined;
  try {
    const { size } = await handle.stat();
    if (size !== bytes.length) return false;
    if (buffer.length < size) buffer = Buffer.allocUnsafe(size);
    let read = 0;
    while (read < size) {
      const { bytesRead } = await handle.read(buffer, read, size - read, read);
      if (bytesRead === 0) return false;
      read += bytesRead;
    }
    return buffer.subarray(0, size).equals(bytes);
  } finally {
    scratch = buffer;
    await handle.close();
  }
}
