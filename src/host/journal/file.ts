import { isUtf8 } from 'node:buffer';
import { open, readFile, stat } from 'node:fs/promises';
import { type ByteView, journalSizeProblem } from '../../core/journal';
import { type Problem } from '../../core/text/problem';

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

/**
 * The bytes' Latin-1 view, for the session's quick first read (see ByteView), when they are
 * valid UTF-8: a copy of a byte per character, where decoding makes two bytes per character
 * of a journal that holds any character past U+00FF.
 */
export function byteView(bytes: Uint8Array): ByteView | undefined {
  return isUtf8(bytes) ? { bytes, latin1: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1') } : undefined;
}

/** The buffer holdsBytes reads into, kept between calls; undefined while a call uses it. */
let scratch: Buffer | undefined = Buffer.alloc(0);

/**
 * A file's bytes as the pieces they were written from: a tag writes the bytes before its edit
 * as they were and only the rest anew, and keeping the pieces saves joining them in new memory.
 */
export type BytePieces = readonly Buffer[];

export function pieceLength(pieces: BytePieces): number {
  return pieces.reduce((n, p) => n + p.length, 0);
}

/** The first `length` bytes of `pieces`, sharing their memory. */
export function piecesBefore(pieces: BytePieces, length: number): Buffer[] {
  const out: Buffer[] = [];
  for (const p of pieces) {
    if (length <= 0) break;
    out.push(p.length <= length ? p : p.subarray(0, length));
    length -= p.length;
  }
  return out;
}

/** Pieces beyond this many are joined, so a long session of tags keeps a short list. */
const MAX_PIECES = 16;

/** `pieces` with `tail` after them, joined into one buffer when they have grown many. */
export function withTail(pieces: BytePieces, tail: Buffer): Buffer[] {
  const all = [...pieces, tail];
  return all.length > MAX_PIECES ? [Buffer.concat(all)] : all;
}

/**
 * Whether the file at `path` holds exactly `bytes`. It is read into a buffer kept for the
 * purpose: on some machines the first touch of new memory costs more than the read itself, and
 * this question is asked on every write and every reload.
 */
export async function holdsBytes(path: string, bytes: Uint8Array | BytePieces): Promise<boolean> {
  const pieces: readonly Uint8Array[] = bytes instanceof Uint8Array ? [bytes] : bytes;
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
    if (size !== pieces.reduce((n, p) => n + p.length, 0)) return false;
    if (buffer.length < size) buffer = Buffer.allocUnsafe(size);
    let read = 0;
    while (read < size) {
      const { bytesRead } = await handle.read(buffer, read, size - read, read);
      if (bytesRead === 0) return false;
      read += bytesRead;
    }
    let at = 0;
    for (const p of pieces) {
      if (!buffer.subarray(at, at + p.length).equals(p)) return false;
      at += p.length;
    }
    return true;
  } finally {
    scratch = buffer;
    await handle.close();
  }
}
