/**
 * Paths that a journal (or a rubric reference) gives relative to a workspace folder, judged by
 * their text alone: the first of two checks. The host then resolves what passes against the
 * folder on disk, symlinks included (src/host/workspace/workspaceFiles.ts), before anything is opened.
 */

export type WorkspacePath = { ok: true; segments: string[] } | { ok: false; reason: string };

const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const DRIVE = /^[A-Za-z]:/;
const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;

/**
 * A workspace-relative path with forward slashes, as its segments (`.` dropped, an inner `..`
 * applied), or why it is not one: absolute, a drive letter, a URL, a backslash, a control
 * character, or a `..` that climbs out of the folder.
 */
export function workspacePath(path: string): WorkspacePath {
  if (path.trim() === '') return { ok: false, reason: 'empty' };
  if (CONTROL.test(path)) return { ok: false, reason: 'a path with a control character or line break in it' };
  if (LONE_SURROGATE.test(path)) return { ok: false, reason: 'a path that is not valid Unicode' };
  if (path.includes('\\')) return { ok: false, reason: 'a path with a backslash in it (write / between folders)' };
  if (path.startsWith('/')) return { ok: false, reason: 'an absolute path' };
  if (DRIVE.test(path)) return { ok: false, reason: 'a path on a drive letter' };
  if (SCHEME.test(path)) return { ok: false, reason: 'a URL, not a path' };
  const segments: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment !== '..') segments.push(segment);
    else if (segments.pop() === undefined) return { ok: false, reason: 'a path that climbs out of the workspace folder with ..' };
  }
  if (segments.length === 0) return { ok: false, reason: 'the workspace folder itself, not a file in it' };
  return { ok: true, segments };
}
