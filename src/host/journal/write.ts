// The one way a journal file changes on disk, for the extension (in its worker) and the CLI.
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, lstat, mkdir, open, readlink, realpath, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import lockfile from 'proper-lockfile';
import { type JournalOp, type PlanOutcome, type Refusal, type EntryData, type JournalParse, type RemovedEntry } from '../../core/journal';
import { decodeUtf8 } from '../../core/text/strings';
import { holdsBytes, pieceLength, piecesBefore, readJournalFile, withTail, type BytePieces } from './file';

/** A write done: what it added or removed, and the new text with its parse and the bytes written. */
export type WriteOutcome = { ok: true; added: EntryData[]; removed?: RemovedEntry[]; text: string; parse: JournalParse; bytes: BytePieces } | Refusal;

export interface WriteRequest {
  path: string;
  op: JournalOp;
  /** The text of a new journal, when the change may create one. */
  template?: string;
}

/** Works out and verifies the change on the text as it is on disk now (JournalSession.plan). */
export type Planner = (text: string, op: JournalOp) => Promise<PlanOutcome>;

/** Bytes of the journal and their text, as a caller holds them from its last read or write. */
export interface KnownText {
  bytes: BytePieces;
  text: string;
}

/** How long a lock may go without being refreshed before another writer takes it over. */
const STALE_LOCK_MS = 10_000;

/** Times a write starts over when the file changed between its read and its rename. */
const WRITE_ATTEMPTS = 3;

/**
 * Changes the journal at `path`: takes the lock beside the file, reads the file as it is now,
 * plans and verifies the change on that text, then replaces the file atomically, keeping its
 * mode and writing through a symlink. Nothing is written when any step fails; the refusal says
 * why. A caller that shares a session between requests calls it from its one queue (the
 * worker's, the in-process engine's); the lock keeps every other writer out: other windows,
 * the CLI, git hooks, and other writers in this process, which wait for it as they would.
 *
 * `known`: the bytes of the journal as the caller last read or wrote them, with their text;
 * while the file still holds them, the write starts from that text without reading or decoding.
 */
export async function writeJournal({ path, op, template }: WriteRequest, plan: Planner, known?: KnownText): Promise<WriteOutcome> {
  const located = await realTarget(path);
  if (!located.ok) return located;
  const { target } = located;
  if (template !== undefined) await mkdir(dirname(target), { recursive: true });
  else if (!(await stat(dirname(target)).catch(() => undefined))) return noJournal(path);
  // The lock is a folder beside the journal: say at once when it cannot be made there.
  const unwritable = await access(dirname(target), constants.W_OK).then(() => undefined, (e: Error) => e);
  if (unwritable) return refuse(`Growth Journal cannot write in ${dirname(target)}. Nothing was written.`, unwritable);
  let compromised: Error | undefined;
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(target, {
      realpath: false,
      lockfilePath: `${target}.lock`,
      stale: STALE_LOCK_MS,
      update: STALE_LOCK_MS / 4,
      retries: { retries: 200, minTimeout: 10, maxTimeout: 250, randomize: true },
      onCompromised: (e) => void (compromised = e),
    });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ELOCKED') return refuse('Growth Journal could not lock the journal to write it. Nothing was written.', e);
    return refuse(`Another program is writing the journal (${basename(target)}.lock has been held for a long time). Nothing was written; try again in a moment, or delete the lock folder if no program is writing.`, e);
  }
  try {
    // Editors save without the lock, and a writer whose lock was taken over as stale may still
    // write: the file is compared with what was read just before the rename, and on a
    // difference the change is worked out again on what is there now.
    for (let attempt = 1; attempt <= WRITE_ATTEMPTS; attempt++) {
      const unchangedSinceKnown = attempt === 1 && known !== undefined && (await holdsBytes(target, known.bytes));
      const file = unchangedSinceKnown ? ({ kind: 'pieces', pieces: known.bytes } as const) : await readJournalFile(target);
      if (file.kind === 'tooLarge') return { ok: false, message: file.problem.message, problem: file.problem };
      if (file.kind === 'missing' && template === undefined) return noJournal(path);
      let before: string;
      if (unchangedSinceKnown) before = known.text;
      else if (file.kind === 'bytes') {
        const decoded = decodeUtf8(file.bytes);
        if (!decoded.ok) return { ok: false, message: `${decoded.problem.message} Nothing was written.`, problem: decoded.problem };
        before = decoded.text;
      } else before = template!;
      const read: BytePieces | undefined = file.kind === 'pieces' ? file.pieces : file.kind === 'bytes' ? [file.bytes] : undefined;
      const planned = await plan(before, op);
      if (!planned.ok) return planned;
      if (compromised) return refuse("The journal's lock was taken over by another program while this change was prepared; nothing was written. Try again.", compromised);
      const bytes = read && planned.tail ? splicedBytes(read, before, planned.tail) : [Buffer.from(planned.text, 'utf8')];
      const unchanged = async () => (read ? holdsBytes(target, read) : (await readJournalFile(target)).kind === 'missing');
      if (await replaceFile(target, bytes, unchanged)) {
        return { ok: true, added: planned.added, ...(planned.removed ? { removed: planned.removed } : {}), text: planned.text, parse: planned.parse, bytes };
      }
    }
    return { ok: false, message: 'The journal kept changing while Growth Journal wrote to it (is another program saving it?). Nothing was written; try again.' };
  } finally {
    await release().catch(() => undefined);
  }
}

function noJournal(path: string): Refusal {
  return { ok: false, message: `There is no journal at ${path}. Nothing was written.` };
}

/**
 * The bytes of the new text: the file's own bytes up to the first edit, then the new text from
 * there, encoded. `before` is those bytes decoded, so the result is the new text's UTF-8 exactly,
 * made without encoding (or even reading) the millions of characters the edit did not touch.
 */
function splicedBytes(bytes: BytePieces, before: string, tail: { from: number; text: string }): Buffer[] {
  const prefix = pieceLength(bytes) - Buffer.byteLength(before.slice(tail.from), 'utf8');
  return withTail(piecesBefore(bytes, prefix), Buffer.from(tail.text, 'utf8'));
}

function refuse(message: string, cause: unknown): Refusal {
  return { ok: false, message: `${message}${cause instanceof Error && !message.includes(cause.message) ? ` (${cause.message})` : ''}` };
}

/** The file to replace: a symlinked journal is written through to its target, so the link stays a link. */
async function realTarget(path: string): Promise<{ ok: true; target: string } | Refusal> {
  try {
    return { ok: true, target: await realpath(path) };
  } catch {
    // A link to nothing: writing the path would replace the link with a file.
    if ((await lstat(path).catch(() => undefined))?.isSymbolicLink()) {
      return { ok: false, message: `The journal ${path} is a symbolic link to ${await readlink(path)}, which does not exist. Nothing was written; create that file or remove the link.` };
    }
    // A journal not made yet: its folder may be a symlink too.
    const folder = await realpath(dirname(path)).catch(() => dirname(path));
    return { ok: true, target: join(folder, basename(path)) };
  }
}

/**
 * Replaces a file's content atomically: an exclusively created temp file in the same folder,
 * synced, given the old file's mode and owner, renamed over the original, then the folder
 * synced, so a crash leaves the old file or the new one, never half or none. With `unchanged`,
 * asked just before the rename, nothing replaces a file that changed meanwhile (false).
 */
export async function replaceFile(target: string, content: string | Uint8Array | readonly Uint8Array[], unchanged?: () => Promise<boolean>): Promise<boolean> {
  const folder = dirname(target);
  const existing = await stat(target).catch(() => undefined);
  const temp = join(folder, `.${basename(target)}.${randomBytes(8).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx', existing ? existing.mode & 0o7777 : 0o666);
  try {
    try {
      if (typeof content === 'string' || content instanceof Uint8Array) await handle.writeFile(content);
      else {
        for (const piece of content) {
          for (let at = 0; at < piece.length; ) {
            const { bytesWritten } = await handle.write(piece, at, piece.length - at);
            if (bytesWritten === 0) throw new Error(`Nothing more could be written to ${temp}.`);
            at += bytesWritten;
          }
        }
      }
      await handle.sync();
      if (existing) {
        await handle.chmod(existing.mode & 0o7777);
        if (process.getuid?.() === 0) await handle.chown(existing.uid, existing.gid);
      }
    } finally {
      await handle.close();
    }
    if (unchanged && !(await unchanged())) {
      await unlink(temp);
      return false;
    }
    await rename(temp, target);
  } catch (e) {
    await unlink(temp).catch(() => undefined);
    throw e;
  }
  const dir = await open(folder, 'r').catch(() => undefined);
  // Some file systems cannot sync a folder; the rename is still atomic there.
  await dir?.sync().catch(() => undefined);
  await dir?.close();
  return true;
}
