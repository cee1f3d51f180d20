// The one way a journal file changes on disk, for the extension (in its worker) and the CLI.
import { constants, type BigIntStats } from 'node:fs';
import { access, open, stat, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import lockfile from 'proper-lockfile';
import { JournalSession, parseJournal, removedEntry, type JournalOp, type PlanOutcome, type Refusal, type EntryData, type JournalParse, type RemovedEntry, MAX_JOURNAL_BYTES } from '../../core/journal';
import { decodeUtf8 } from '../../core/text/strings';
import { runSteps } from '../../core/steps';
import { fileError, FileRefusal, isReadOnly, makeFolder, readBounded, readOnlyRefusal, realTarget, removeLeftoverTemps, replaceFile, sameSignature, signatureOf, type FileSignature } from '../workspace/disk';
import { pieceLength, piecesBefore, readJournalFile, signatureIfHolds, withTail, type BytePieces } from './file';

/**
 * A write done: what it added or removed, and the new text with its parse and the bytes written.
 * `following`: when the replaced file may have been part-way through another program's save,
 * the watch over it (see followReplaced); the CLI hands it to a process of its own.
 */
export type WriteOutcome = { ok: true; added: EntryData[]; removed?: RemovedEntry[]; text: string; parse: JournalParse; bytes: BytePieces; following?: Following } | WriteRefusal;

/** A refusal; `fileError` when the file system refused (the CLI exits 2 for those). */
type WriteRefusal = Refusal & { fileError?: true };

export interface WriteRequest {
  path: string;
  op: JournalOp;
  /** The text of a new journal, when the change may create one. */
  template?: string;
  /**
   * What to do with the replaced file's watch (see Following): by default it runs here in the
   * background; `handOff` gives it to the caller instead (the CLI passes it to a process of its own).
   */
  handOff?: true;
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

/**
 * Changes the journal at `path`: waits its turn in this process, takes the lock beside the file
 * (other windows, the CLI, git hooks), reads the file as it is now, plans and verifies the
 * change on that text, then replaces the file atomically, keeping its mode and writing through
 * a symlink. Nothing is written when any step fails; the refusal says why.
 *
 * `known`: the bytes of the journal as the caller last read or wrote them, with their text;
 * while the file still holds them, the write starts from that text without reading or decoding.
 */
export function writeJournal(request: WriteRequest, plan: Planner, known?: KnownText): Promise<WriteOutcome> {
  return inTurn(() => writeUnderLock(request, plan, known));
}

/** One write at a time per process: the cross-process lock is not reentrant. */
function inTurn<T>(run: () => Promise<T>): Promise<T> {
  const next = queue.then(run, run);
  queue = next.then(
    () => undefined,
    () => undefined,
  );
  return next;
}
let queue: Promise<unknown> = Promise.resolve();

/** A refusal from any error of the file system, told as a sentence; other errors are thrown on. */
function refusalOf(error: unknown, path: string): WriteRefusal {
  const told = fileError(error, path, 'write', 'the journal');
  if (!(told instanceof FileRefusal)) throw told;
  return { ok: false, message: told.message.includes('Nothing was written') ? told.message : `${told.message} Nothing was written.`, fileError: true };
}

/** Takes the lock beside the journal; `compromised()` tells whether another writer took it over as stale. */
async function lockJournal(target: string): Promise<{ release: () => Promise<void>; compromised: () => Error | undefined } | WriteRefusal> {
  let compromised: Error | undefined;
  try {
    const release = await lockfile.lock(target, {
      realpath: false,
      lockfilePath: `${target}.lock`,
      stale: STALE_LOCK_MS,
      update: STALE_LOCK_MS / 4,
      retries: { retries: 200, minTimeout: 10, maxTimeout: 250, randomize: true },
      onCompromised: (e) => void (compromised = e),
    });
    return { release, compromised: () => compromised };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ELOCKED') return refusalOf(e, `${target}.lock`);
    return refuse(`Another program is writing the journal (${basename(target)}.lock has been held for a long time). Nothing was written; try again in a moment, or delete the lock folder if no program is writing.`, e);
  }
}

/** What this process's last write left at each journal it wrote (see the watch, followReplaced). */
const ownWrites = new Map<string, FileSignature>();

/** Times a write starts over when the file changed between its read and its rename. */
const WRITE_ATTEMPTS = 3;

async function writeUnderLock({ path, op, template, handOff }: WriteRequest, plan: Planner, known: KnownText | undefined): Promise<WriteOutcome> {
  let target: string;
  try {
    target = await realTarget(path, 'the journal');
    if (template !== undefined) await makeFolder(dirname(target), 'the journal');
    else if (!(await stat(dirname(target)).catch(() => undefined))) return noJournal(path);
    if (await isReadOnly(target)) throw readOnlyRefusal(path, 'the journal');
    // The lock is a folder beside the journal: say at once when it cannot be made there.
    await access(dirname(target), constants.W_OK);
  } catch (e) {
    return refusalOf(e, path);
  }
  const lock = await lockJournal(target);
  if ('ok' in lock) return lock;
  try {
    // A killed writer's temp file holds a partial copy: no writer of ours uses one while we hold the lock.
    await removeLeftoverTemps(target);
    // Editors save without the lock, and a writer whose lock was taken over as stale may still
    // write: the file is compared with what was read (its signature and bytes) just before the
    // rename, and on a difference the change is worked out again on what is there now.
    for (let attempt = 1; attempt <= WRITE_ATTEMPTS; attempt++) {
      const knownSignature = attempt === 1 && known !== undefined ? await signatureIfHolds(target, known.bytes) : undefined;
      const file = knownSignature ? ({ kind: 'pieces', pieces: known!.bytes, signature: knownSignature } as const) : await readJournalFile(target);
      if (file.kind === 'refused') return { ok: false, message: file.problem.message, problem: file.problem, ...(file.problem.code === 'file' ? { fileError: true as const } : {}) };
      if (file.kind === 'missing' && template === undefined) return noJournal(path);
      let before: string;
      if (knownSignature) before = known!.text;
      else if (file.kind === 'bytes') {
        const decoded = decodeUtf8(file.bytes);
        if (!decoded.ok) return { ok: false, message: `${decoded.problem.message} Nothing was written.`, problem: decoded.problem };
        before = decoded.text;
      } else before = template!;
      const read = file.kind === 'missing' ? undefined : { pieces: file.kind === 'pieces' ? file.pieces : [file.bytes], signature: file.signature };
      const planned = await plan(before, op);
      if (!planned.ok) return planned;
      const compromised = lock.compromised();
      if (compromised) return refuse("The journal's lock was taken over by another program while this change was prepared; nothing was written. Try again.", compromised);
      const bytes = read && planned.tail ? splicedBytes(read.pieces, before, planned.tail) : [Buffer.from(planned.text, 'utf8')];
      // A journal written past the limit could not be read again: refused before it is written.
      const size = pieceLength(bytes);
      if (size > MAX_JOURNAL_BYTES) return { ok: false, message: `This change would make the journal ${(size / 1024 / 1024).toFixed(1)} MB, over the ${MAX_JOURNAL_BYTES / 1024 / 1024} MB Growth Journal reads, so nothing was written. Move older entries to another file (for example .growth/journal-2024.yaml) and try again.` };
      let replaced: FileHandle | undefined;
      const settled = async () => {
        if (!read) return (await readJournalFile(target)).kind === 'missing';
        replaced = await settledFile(target, read);
        return replaced !== undefined;
      };
      try {
        if (!(await replaceFile(target, bytes, { settled, role: 'the journal' }))) continue;
      } catch (e) {
        await replaced?.close();
        return refusalOf(e, path);
      }
      // Nothing to watch when no save can have been in progress: the file was still for longer
      // than a save may pause, or it is exactly as this process last wrote it.
      const own = ownWrites.get(target);
      if (replaced && read && (Date.now() - Number(read.signature.mtimeNs / 1_000_000n) > SAVE_PAUSE_MS || (own && sameSignature(own, read.signature)))) {
        await replaced.close();
        replaced = undefined;
      }
      const written = { text: planned.text, signature: signatureOf(await stat(target, { bigint: true })) };
      ownWrites.set(target, written.signature);
      const following = replaced && read ? { path, target, replaced, readSignature: read.signature, written, op, added: planned.added.map((e) => e.id) } : undefined;
      if (following && !handOff) void followReplaced(following);
      return { ok: true, added: planned.added, ...(planned.removed ? { removed: planned.removed } : {}), text: planned.text, parse: planned.parse, bytes, ...(following && handOff ? { following } : {}) };
    }
    return { ok: false, message: 'The journal kept changing while Growth Journal wrote to it (is another program saving it?). Nothing was written; try again.' };
  } finally {
    await lock.release().catch(() => undefined);
  }
}

/**
 * The journal, open, when it is still exactly what was read: the same signature (device,
 * inode, size, modification and change times in nanoseconds, git's "racy git" fields) and the
 * same bytes. The handle is kept after the rename, to watch the replaced file (followReplaced).
 */
async function settledFile(target: string, read: { pieces: BytePieces; signature: FileSignature }): Promise<FileHandle | undefined> {
  const handle = await open(target, constants.O_RDONLY | constants.O_NONBLOCK).catch(() => undefined);
  if (!handle) return undefined;
  const opened = signatureOf(await handle.stat({ bigint: true }));
  const held = await signatureIfHolds(target, read.pieces);
  if (sameSignature(opened, read.signature) && held && sameSignature(held, read.signature)) return handle;
  await handle.close();
  return undefined;
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


/**
 * The longest pause inside another program's save that a write covers. Editors and sync tools
 * that save in place (truncate, then write) take no lock; one paused half-way shows a file that
 * reads as valid. After the rename the replaced file is watched until it has been still this
 * long: if it changed, that program was part-way through a save (see followReplaced).
 */
export const SAVE_PAUSE_MS = 10_000;
const FOLLOW_POLL_MS = 100;
/** The longest a replaced file is watched, whatever it does meanwhile. */
const MAX_FOLLOW_MS = 12 * SAVE_PAUSE_MS;

/** The replaced file, held open after a write, and what is needed to apply the change again on top of a save that finishes into it. */
export interface Following {
  path: string;
  target: string;
  replaced: HeldFile;
  /** The replaced file as it was read for the change. */
  readSignature: FileSignature;
  /** What the write left at `target`. */
  written: { text: string; signature: FileSignature };
  op: JournalOp;
  /** The ids of the entries the write added. */
  added: string[];
}

/** An open file, by the few calls a watch makes: a FileHandle, or a descriptor a process was given. */
export interface HeldFile {
  stat(options: { bigint: true }): Promise<BigIntStats>;
  read(buffer: Buffer, offset: number, length: number, position: number): Promise<{ bytesRead: number }>;
  close(): Promise<void>;
}

/** How a watch ended: nothing else saved; a save finished and the change was applied on top; or it could not be, and the save was kept beside the journal. */
export type FollowUp = { kind: 'still' } | { kind: 'reapplied'; text: string } | { kind: 'keptAside'; copy: string; message: string };

/** A planner with a session of its own: a watch plans on another program's text, which the caller's session should not hold. */
function ownPlanner(): Planner {
  const session = new JournalSession();
  return async (text, op) => runSteps(session.plan(text, op));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Watches the replaced file (by its open handle: the path now holds our new file) until it has
 * been still for SAVE_PAUSE_MS. A file last changed longer ago than that was no save in progress,
 * and the watch ends at once, so a write when nobody else writes costs nothing. If it changes,
 * another program was part-way through saving into it: when it is still again, its content is
 * that save's final text, and the change (with any entries our writers added since) is applied
 * again on top of it through the same planned, verified write. Never throws.
 */
export async function followReplaced(following: Following, plan: Planner = ownPlanner()): Promise<FollowUp> {
  const { replaced, readSignature } = following;
  let saved: Buffer | undefined;
  try {
    let last = readSignature;
    // A modification time ahead of our clock (another machine's, or set by hand) counts as now.
    let lastChange = Math.min(Date.now(), Number(readSignature.mtimeNs / 1_000_000n));
    let changed = false;
    // However a file keeps changing, the watch ends: a save still going after this is no paused save.
    const giveUpAt = Date.now() + MAX_FOLLOW_MS;
    // The change time moves when the file is unlinked by our rename; size and modification time do not.
    while (Date.now() - lastChange <= SAVE_PAUSE_MS && Date.now() < giveUpAt) {
      await sleep(FOLLOW_POLL_MS);
      const now = signatureOf(await replaced.stat({ bigint: true }));
      if (now.size !== last.size || now.mtimeNs !== last.mtimeNs) {
        changed = true;
        last = now;
        // A save's clock may differ from ours: the pause is counted from when we saw the change.
        lastChange = Date.now();
      }
    }
    if (changed) saved = await readHandle(replaced);
  } catch {
    return { kind: 'still' };
  } finally {
    await replaced.close().catch(() => undefined);
  }
  if (!saved) return { kind: 'still' };
  const bytes = saved;
  return inTurn(() => reapplyOnSave(following, bytes, plan));
}

async function readHandle(handle: HeldFile): Promise<Buffer | undefined> {
  const size = Number((await handle.stat({ bigint: true })).size);
  if (size > MAX_JOURNAL_BYTES) return undefined;
  const buffer = Buffer.alloc(size);
  let at = 0;
  while (at < size) {
    const { bytesRead } = await handle.read(buffer, at, size - at, at);
    if (bytesRead === 0) break;
    at += bytesRead;
  }
  return buffer.subarray(0, at);
}

/**
 * Applies the change again on top of a save that finished into the replaced file: the entries
 * added since the read (ours and any later writer's, each restored byte for byte), or the op
 * itself for any other change, each planned and verified on the save's text; then written if
 * the journal still holds what our writers left. When that cannot be done, the save is kept
 * beside the journal (journal.saved-<time>.yaml) and the journal is left as it is.
 */
async function reapplyOnSave(following: Following, saved: Buffer, plan: Planner): Promise<FollowUp> {
  const { target, written } = following;
  const keepAside = async (why: string): Promise<FollowUp> => {
    const copy = join(dirname(target), `${basename(target).replace(/\.ya?ml$/i, '')}.saved-${new Date().toISOString().replace(/[:.]/g, '-')}.yaml`);
    const message = `Another program saved ${following.path} while Growth Journal wrote to it, and its save could not be combined with the change (${why}). Its save is kept in ${copy}; copy what you need from it into the journal.`;
    try {
      await replaceFile(copy, saved, { role: 'the copy of the save' });
      return { kind: 'keptAside', copy, message };
    } catch (e) {
      return { kind: 'keptAside', copy, message: `${message} (${e instanceof Error ? e.message : String(e)})` };
    }
  };
  const decoded = decodeUtf8(saved);
  if (!decoded.ok) return keepAside(decoded.problem.message);
  const lock = await lockJournal(target);
  if ('ok' in lock) return keepAside(lock.message);
  try {
    for (let attempt = 1; attempt <= WRITE_ATTEMPTS; attempt++) {
      const current = await readBounded(target, MAX_JOURNAL_BYTES, 'the journal');
      if (current.kind !== 'bytes') return keepAside('the journal is gone or too large');
      const currentText = decodeUtf8(current.bytes);
      if (!currentText.ok) return keepAside(currentText.problem.message);
      const ours = sameSignature(current.signature, written.signature) && currentText.text === written.text;
      const ops = changesSince(following, currentText.text, ours);
      if (typeof ops === 'string') return keepAside(ops);
      let text = decoded.text;
      for (const next of ops) {
        const planned = await plan(text, next(text));
        if (!planned.ok) return keepAside(planned.message);
        text = planned.text;
      }
      const settled = async () => {
        const held = await signatureIfHolds(target, current.bytes);
        return held !== undefined && sameSignature(held, current.signature);
      };
      if (await replaceFile(target, text, { settled, role: 'the journal' })) return { kind: 'reapplied', text };
    }
    return keepAside('the journal kept changing');
  } catch (e) {
    return keepAside(e instanceof Error ? e.message : String(e));
  } finally {
    await lock.release().catch(() => undefined);
  }
}

/**
 * The changes to make on the save's text, each as an op made from the text it applies to: the
 * entries this write added, appended at the end byte for byte (or, for any other change, the op
 * again), then the entries later writers appended after ours. A string says why it cannot be
 * done: the journal changed after our write in another way than entries added at its end.
 */
function changesSince(following: Following, current: string, ours: boolean): string | ((text: string) => JournalOp)[] {
  const writtenParse = parseJournal(following.written.text);
  const currentParse = ours ? writtenParse : parseJournal(current);
  if (!writtenParse.journal || !currentParse.journal) return 'the journal does not parse';
  const writtenIds = writtenParse.journal.entries.map((e) => e.id);
  const currentIds = currentParse.journal.entries.map((e) => e.id);
  if (writtenIds.some((id, i) => currentIds[i] !== id)) return 'the journal changed after the write in another way than entries added at its end';
  const appendAt = (parse: JournalParse, id: string) => (text: string): JournalOp => {
    const lastId = parseJournal(text).journal?.entries.at(-1)?.id;
    return { kind: 'restore', removed: { text: removedEntry(parse, id).text, ...(lastId === undefined ? {} : { afterId: lastId }) } };
  };
  const own = following.op.kind === 'append' ? following.added.map((id) => appendAt(writtenParse, id)) : [() => following.op];
  return [...own, ...currentIds.slice(writtenIds.length).map((id) => appendAt(currentParse, id))];
}
