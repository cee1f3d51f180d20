import { isUtf8 } from 'node:buffer';
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { type ByteView, journalSizeProblem, MAX_JOURNAL_BYTES } from '../../core/journal';
import { type Problem } from '../../core/text/problem';
import { FileRefusal, readBounded, signatureOf, type FileSignature } from '../workspace/disk';

/** A journal's bytes with the signature they were read with; or why it was not read (too large, not a regular file, an error). */
export type JournalFile = { kind: 'missing' } | { kind: 'refused'; problem: Problem } | { kind: 'bytes'; bytes: Buffer; signature: FileSignature };

/** A journal file's bytes, through the one door (readBounded): a huge file, a FIFO or a device is never read. */
export async function readJournalFile(path: string): Promise<JournalFile> {
  try {
    const read = await readBounded(path, MAX_JOURNAL_BYTES, 'the journal');
    return read.kind === 'tooLarge' ? { kind: 'refused', problem: journalSizeProblem(read.size)! } : read;
  } catch (e) {
    if (e instanceof FileRefusal) return { kind: 'refused', problem: { severity: 'error', code: 'file', message: e.message } };
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
  return (await signatureIfHolds(path, bytes)) !== undefined;
}

/** The file's signature when it holds exactly `bytes` (see holdsBytes), else undefined. */
export async function signatureIfHolds(path: string, bytes: Uint8Array | BytePieces): Promise<FileSignature | undefined> {
  const pieces: readonly Uint8Array[] = bytes instanceof Uint8Array ? [bytes] : bytes;
  const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return undefined;
    throw e;
  });
  if (!handle) return undefined;
  // Two callers at once: the second reads into its own buffer.
  let buffer = scratch ?? Buffer.alloc(0);
  scratch = undefined;
  try {
    const stats = await handle.stat({ bigint: true });
    const size = Number(stats.size);
    if (!stats.isFile() || size !== pieces.reduce((n, p) => n + p.length, 0)) return undefined;
    if (buffer.length < size) buffer = Buffer.allocUnsafe(size);
    let read = 0;
    while (read < size) {
      const { bytesRead } = await handle.read(buffer, read, size - read, read);
      if (bytesRead === 0) return undefined;
      read += bytesRead;
    }
    let at = 0;
    for (const p of pieces) {
      if (!buffer.subarray(at, at + p.length).equals(p)) return undefined;
      at += p.length;
    }
    return signatureOf(stats);
  } finally {
    scratch = buffer;
    await handle.close();
  }
}
