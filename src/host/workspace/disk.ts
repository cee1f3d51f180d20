// The one door for files on disk: every file the CLI or the extension reads or writes goes through here.
import { randomBytes } from 'node:crypto';
import { constants, type BigIntStats } from 'node:fs';
import { access, lstat, mkdir, open, readdir, readlink, realpath, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join, resolve, sep } from 'node:path';

/** A file-system failure told as one sentence: the file, the cause, what to do. Callers show `message` as it is. */
export class FileRefusal extends Error {}

/** What a file is called in messages: "the journal", "the rubric", "the ladder", "the output file". */
export type FileRole = string;

/**
 * An error from the file system as one sentence naming the file, the cause and what to do.
 * `doing` is what was tried ("read", "write", "create the folder"); anything that is not an
 * error of the file system is returned as it is.
 */
export function fileError(error: unknown, path: string, doing: 'read' | 'write', role: FileRole = 'the file'): unknown {
  if (error instanceof FileRefusal) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const at = `${role} ${path}`;
  const sentence = (() => {
    switch (code) {
      case 'ENOENT': return doing === 'read' ? `There is no file at ${path}; check the path.` : `Cannot write ${at}: a folder on its path does not exist; create it or fix the path.`;
      case 'ENOSPC': case 'EDQUOT': return `Cannot write ${at}: the disk is full; free some space and try again.`;
      case 'EEXIST': return `Cannot write ${at}: a file is where a folder is needed on its path; move that file away and try again.`;
      case 'EACCES': case 'EPERM': return `Cannot ${doing} ${at}: permission denied; give your user access to it and its folder, or choose another path.`;
      case 'EROFS': return `Cannot write ${at}: it is on a read-only file system; choose a path on a writable disk.`;
      case 'EISDIR': return `Cannot ${doing} ${at}: it is a folder, not a file; name a file instead.`;
      case 'ELOOP': return `Cannot ${doing} ${at}: it is a symbolic link that leads in a loop; point the link at a real file or remove it.`;
      case 'ENOTDIR': return `Cannot ${doing} ${at}: part of its path is a file, not a folder; fix the path.`;
      case 'ENAMETOOLONG': return `Cannot ${doing} ${at}: the name is too long; choose a shorter path.`;
      case 'EMFILE': case 'ENFILE': return `Cannot ${doing} ${at}: too many files are open; close some programs and try again.`;
      case 'EIO': return `Cannot ${doing} ${at}: the disk reported an input/output error; check the disk and try again.`;
      case 'EBUSY': case 'ETXTBSY': return `Cannot ${doing} ${at}: another program is using it; close that program and try again.`;
      case 'ENXIO': return `Cannot ${doing} ${at}: it is a socket or a device, not a regular file; name a regular file instead.`;
      case 'ENOTEMPTY': return `Cannot ${doing} ${at}: a folder there holds files where Growth Journal expects an empty one (another program's files in a lock folder, say); move them away and try again.`;
      case 'EFBIG': return `Cannot write ${at}: it would be larger than the file system allows; choose another disk.`;
      // Any other error of the file system still gets one sentence, with the system's own words.
      default: return (error as NodeJS.ErrnoException | undefined)?.syscall ? `Cannot ${doing} ${at}: the system said "${(error as Error).message}"; check the path and try again.` : undefined;
    }
  })();
  return sentence === undefined ? error : new FileRefusal(sentence);
}

/** What identifies a file's content without reading it (git's "racy git" fields), in nanoseconds. */
export interface FileSignature {
  dev: bigint;
  ino: bigint;
  size: bigint;
  mtimeNs: bigint;
  ctimeNs: bigint;
}

export function signatureOf(s: BigIntStats): FileSignature {
  return { dev: s.dev, ino: s.ino, size: s.size, mtimeNs: s.mtimeNs, ctimeNs: s.ctimeNs };
}

export function sameSignature(a: FileSignature, b: FileSignature): boolean {
  return a.dev === b.dev && a.ino === b.ino && a.size === b.size && a.mtimeNs === b.mtimeNs && a.ctimeNs === b.ctimeNs;
}

export type BoundedRead = { kind: 'missing' } | { kind: 'tooLarge'; size: number } | { kind: 'bytes'; bytes: Buffer; signature: FileSignature };

/**
 * Opens `path` for reading without ever blocking (a FIFO with no writer), checks it is a
 * regular file once symlinks are followed, and reads at most `limit` bytes plus one: a longer
 * file (or one that grew while read) is `tooLarge` and never read whole. A FIFO, device,
 * socket or folder is refused with a FileRefusal, as is any error of the file system.
 */
export async function readBounded(path: string, limit: number, role: FileRole): Promise<BoundedRead> {
  let handle: FileHandle;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT' && !(await lstat(path).catch(() => undefined))?.isSymbolicLink()) return { kind: 'missing' };
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new FileRefusal(`Cannot read ${role} ${path}: it is a symbolic link to ${await readlink(path).catch(() => 'a missing file')}, which does not exist; create that file or remove the link.`);
    throw fileError(e, path, 'read', role);
  }
  try {
    const stats = await handle.stat({ bigint: true });
    refuseIfNotRegular(stats, path, role, 'read');
    if (stats.size > BigInt(limit)) return { kind: 'tooLarge', size: Number(stats.size) };
    // Read to the end but never past the limit and one byte more: the size checked above may
    // grow while we read, and some files (in /proc, say) report a size of 0.
    let buffer = Buffer.allocUnsafe(Math.min(Number(stats.size), limit) + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > limit) return { kind: 'tooLarge', size: length };
        const larger = Buffer.allocUnsafe(Math.min(buffer.length * 2, limit + 1));
        buffer.copy(larger, 0, 0, length);
        buffer = larger;
      }
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    return { kind: 'bytes', bytes: buffer.subarray(0, length), signature: signatureOf(await handle.stat({ bigint: true })) };
  } catch (e) {
    throw fileError(e, path, 'read', role);
  } finally {
    await handle.close();
  }
}

function refuseIfNotRegular(stats: { isFile(): boolean; isDirectory(): boolean; isFIFO(): boolean; isSocket(): boolean }, path: string, role: FileRole, doing: 'read' | 'write'): void {
  if (stats.isFile()) return;
  const what = stats.isDirectory() ? 'a folder' : stats.isFIFO() ? 'a named pipe (FIFO)' : stats.isSocket() ? 'a socket' : 'a device';
  throw new FileRefusal(`Cannot ${doing} ${role} ${path}: it is ${what}, not a regular file; name a regular file instead.`);
}

/** The name of our temp files beside `target`: `.journal.yaml.<16 hex>.tmp`. */
function tempName(target: string): string {
  return `.${basename(target)}.${randomBytes(8).toString('hex')}.tmp`;
}

/**
 * Removes temp files a killed writer left beside `target` (only names of our own pattern):
 * called with the journal's lock held, when no writer of ours can be using them.
 */
export async function removeLeftoverTemps(target: string): Promise<void> {
  const escaped = basename(target).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const ours = new RegExp(`^\\.${escaped}\\.[0-9a-f]{16}\\.tmp$`);
  const names = await readdir(dirname(target)).catch(() => [] as string[]);
  await Promise.all(names.filter((n) => ours.test(n)).map((n) => unlink(join(dirname(target), n)).catch(() => undefined)));
}

/** Whether the user may write `path`: a file with no write bit at all is read-only even for root. */
export async function isReadOnly(path: string): Promise<boolean> {
  const stats = await stat(path).catch(() => undefined);
  if (!stats) return false;
  if ((stats.mode & 0o222) === 0) return true;
  return access(path, constants.W_OK).then(() => false, (e: NodeJS.ErrnoException) => e.code === 'EACCES' || e.code === 'EPERM' || e.code === 'EROFS');
}

export function readOnlyRefusal(path: string, role: FileRole): FileRefusal {
  return new FileRefusal(`${role[0].toUpperCase()}${role.slice(1)} ${path} is read-only; make it writable to record evidence (for example: chmod u+w ${path}). Nothing was written.`);
}

export interface ReplaceOptions {
  /** Asked just before the rename: false leaves the target as it is and returns false. */
  settled?: () => Promise<boolean>;
  /** What the file is called in messages. */
  role?: FileRole;
}

/**
 * The one atomic writer. Replaces a file's content: an exclusively created temp file in the
 * same folder, mode 0600 while it is written, synced, given the old file's mode, owner and group,
 * renamed over the original, then the folder synced, so a crash leaves the old file or the new
 * one, never half or none. A symlinked `target` should be resolved first (see realTarget).
 * Errors are FileRefusals told as sentences; no temp file is left behind.
 */
export async function replaceFile(target: string, content: string | Uint8Array | readonly Uint8Array[], options: ReplaceOptions = {}): Promise<boolean> {
  const role = options.role ?? 'the file';
  const folder = dirname(target);
  const existing = await stat(target).catch(() => undefined);
  if (existing) refuseIfNotRegular(existing, target, role, 'write');
  const temp = join(folder, tempName(target));
  let handle: FileHandle;
  try {
    handle = await open(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600);
  } catch (e) {
    throw fileError(e, target, 'write', role);
  }
  try {
    try {
      for (const piece of typeof content === 'string' ? [Buffer.from(content, 'utf8')] : content instanceof Uint8Array ? [content] : content) {
        for (let at = 0; at < piece.length; ) {
          const { bytesWritten } = await handle.write(piece, at, piece.length - at);
          if (bytesWritten === 0) throw Object.assign(new Error('no bytes written'), { code: 'ENOSPC' });
          at += bytesWritten;
        }
      }
      await handle.sync();
      if (existing) {
        const made = await handle.stat();
        // Owner and group as they were: a journal in a shared group stays in it.
        if (made.uid !== existing.uid || made.gid !== existing.gid) {
          await handle.chown(existing.uid, existing.gid).catch(() => {
            throw new FileRefusal(`Cannot write ${role} ${target} keeping its owner and group (user ${existing.uid}, group ${existing.gid}); write it as its owner, or make it yours first. Nothing was written.`);
          });
        }
      }
      await handle.chmod(existing ? existing.mode & 0o7777 : 0o666 & ~umask());
    } finally {
      await handle.close();
    }
    if (options.settled && !(await options.settled())) {
      await unlink(temp);
      return false;
    }
    await rename(temp, target);
  } catch (e) {
    await unlink(temp).catch(() => undefined);
    throw fileError(e, target, 'write', role);
  }
  const dir = await open(folder, 'r').catch(() => undefined);
  // Some file systems cannot sync a folder; the rename is still atomic there.
  await dir?.sync().catch(() => undefined);
  await dir?.close();
  return true;
}

/** The process's umask, for the mode of a new file (worker threads may not ask: the usual 022). */
function umask(): number {
  try {
    return process.umask();
  } catch {
    return 0o022;
  }
}

/** The file a write replaces: a symlink is written through to its target, so the link stays a link. */
export async function realTarget(path: string, role: FileRole): Promise<string> {
  try {
    return await realpath(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') throw fileError(e, path, 'write', role);
    // A link to nothing: writing the path would replace the link with a file.
    if ((await lstat(path).catch(() => undefined))?.isSymbolicLink()) {
      throw new FileRefusal(`${role[0].toUpperCase()}${role.slice(1)} ${path} is a symbolic link to ${await readlink(path)}, which does not exist. Nothing was written; create that file or remove the link.`);
    }
    // A file not made yet: its folder may be a symlink too.
    const folder = await realpath(dirname(path)).catch(() => dirname(path));
    return join(folder, basename(path));
  }
}

/** Makes the folder a new file goes in, telling a file in the way as a sentence. */
export async function makeFolder(folder: string, role: FileRole): Promise<void> {
  try {
    await mkdir(folder, { recursive: true });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST' || (e as NodeJS.ErrnoException).code === 'ENOTDIR') {
      throw new FileRefusal(`Cannot create the folder ${folder} for ${role}: a file of that name is in the way; move or rename that file and try again.`);
    }
    throw fileError(e, folder, 'write', role);
  }
}

/** A journal and its lock, as files a document is never written over. */
export function journalGuards(journalPath: string): { path: string; role: FileRole }[] {
  return [{ path: journalPath, role: 'the journal' }, { path: `${journalPath}.lock`, role: "the journal's lock" }];
}

/** What a document may never be written over, whoever's it is: a journal, or a rubric (a rubric import may replace a rubric). */
export type KeptKind = 'journal' | 'rubric';

/**
 * Writes a document (a summary, a packet, a rubric, `--out`) atomically, through a symlink to
 * its target. Refused: a path that is not a regular file or a new one; any of `guarded` (the
 * journal, its rubric, its lock), compared by resolved path and by device and inode, and any
 * path inside one (the lock is a folder); a path inside any lock folder; and, by what it holds,
 * a file that is a journal or a rubric of any workspace (`kept`), so a path from another folder
 * or workspace cannot replace one either.
 */
export async function writeDocument(path: string, content: string, guarded: readonly { path: string; role: FileRole }[], role: FileRole = 'the output file', kept: readonly KeptKind[] = ['journal', 'rubric']): Promise<void> {
  const target = await realTarget(resolve(path), role);
  const existing = await stat(target).catch(() => undefined);
  if (existing) refuseIfNotRegular(existing, path, role, 'write');
  for (const g of guarded) {
    const real = await realTarget(resolve(g.path), g.role).catch(() => resolve(g.path));
    const other = await stat(real).catch(() => undefined);
    if (real === target || target.startsWith(real + sep) || (existing && other && other.dev === existing.dev && other.ino === existing.ino)) {
      throw new FileRefusal(`Will not write ${role} ${real === target || existing ? 'over' : 'inside'} ${g.role} (${path} is ${real === target || existing ? '' : 'inside '}${g.path}); choose another file.`);
    }
  }
  if (dirname(target).split(sep).some((folder) => folder.endsWith(LOCK_SUFFIX))) {
    throw new FileRefusal(`Will not write ${role} ${path}: it is inside a lock folder (${dirname(target)}), which a journal's writers hold and remove; choose another file.`);
  }
  const holds = existing && (await keptKindOf(target, kept));
  if (holds) throw new FileRefusal(`Will not write ${role} over ${path}: it holds a Growth Journal ${holds}, which a document never replaces; choose another file.`);
  await makeFolder(dirname(target), role);
  await replaceFile(target, content, { role });
}

/** The suffix of a journal's lock folder (proper-lockfile's). */
const LOCK_SUFFIX = '.lock';

/** How much of an existing file is read to tell a journal or a rubric. */
const SNIFF_BYTES = 64 * 1024;

/**
 * Whether the file at `path` holds a journal (a top-level `entries:`, or `version:` with
 * `rubric:`, `profile:` or `rubricHistory:`) or a rubric (`levels:` and `groups:`), of the kinds
 * in `kinds`: the top-level keys in its first 64 KB are enough to tell.
 */
async function keptKindOf(path: string, kinds: readonly KeptKind[]): Promise<KeptKind | undefined> {
  if (kinds.length === 0) return undefined;
  const head = (await readHead(path).catch(() => '')).replace(/^\uFEFF/, '');
  const topKeys = new Set([...head.matchAll(/^["']?([A-Za-z]+)["']?[ \t]*:/gm)].map((m) => m[1]));
  const journal = topKeys.has('entries') || (topKeys.has('version') && ['rubric', 'profile', 'rubricHistory'].some((k) => topKeys.has(k)));
  if (kinds.includes('journal') && journal) return 'journal';
  if (kinds.includes('rubric') && topKeys.has('levels') && topKeys.has('groups')) return 'rubric';
  return undefined;
}

/** The first 64 KB of a regular file, as text. */
async function readHead(path: string): Promise<string> {
  const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
}
