// Paths in a journal resolve the same way in the extension and the CLI, and stay inside their folder.
import { realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, relative, resolve, sep } from 'node:path';

/**
 * The folder a journal's paths are relative to: the folder that holds its `.growth/` folder,
 * or, for a journal elsewhere, the journal's own folder.
 */
export function journalWorkspace(journalPath: string): string {
  for (let dir = dirname(journalPath); ; dir = dirname(dir)) {
    if (basename(dir) === '.growth') return dirname(dir);
    if (dirname(dir) === dir) return dirname(journalPath);
  }
}

/**
 * `path` resolved against `folder`, or undefined when it leads outside it, symlinks resolved
 * (a link inside that points outside is outside). A path that does not exist yet is judged by
 * its nearest existing parent.
 */
export function insideFolder(folder: string, path: string): string | undefined {
  if (path.includes('\0')) return undefined;
  const target = resolve(folder, path);
  const real = (p: string): string => {
    try {
      return realpathSync(p);
    } catch {
      const parent = dirname(p);
      return parent === p ? p : resolve(real(parent), basename(p));
    }
  };
  const root = real(folder);
  const rel = relative(root, real(target));
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel)) ? target : undefined;
}
