import { stat } from 'node:fs/promises';
import * as vscode from 'vscode';
import { quoted } from '../../core/text/problem';
import { workspacePath } from '../../core/text/workspacePath';
import { insideFolder } from './paths';

export type WorkspaceFile = { kind: 'inside'; uri: vscode.Uri } | { kind: 'missing' | 'refused'; message: string };

/**
 * The one way to turn a workspace-relative path from a journal into a file to open: its text
 * is checked first (core/workspacePath), then its real path, symlinks followed, must be inside
 * the folder's (host/paths, as the CLI checks rubric paths).
 */
export async function resolveInsideFolder(folder: vscode.WorkspaceFolder, path: string): Promise<WorkspaceFile> {
  const checked = workspacePath(path);
  if (!checked.ok) return refused(path, checked.reason);
  const joined = vscode.Uri.joinPath(folder.uri, ...checked.segments);
  // Other schemes have no symlinks for Node to follow; the text check above is what applies.
  if (folder.uri.scheme !== 'file') return { kind: 'inside', uri: joined };
  const inside = insideFolder(folder.uri.fsPath, joined.fsPath);
  if (!inside) return { kind: 'refused', message: `${path} leads outside the workspace folder ${folder.name} through a symbolic link, so Growth Journal does not open it. Fix the path in the journal.` };
  try {
    await stat(inside);
  } catch {
    return { kind: 'missing', message: `${path} is not in the workspace folder ${folder.name} any more.` };
  }
  return { kind: 'inside', uri: vscode.Uri.file(inside) };
}

/**
 * A `selection.file` as the journal holds it: relative to the first workspace folder, or, in a
 * multi-root workspace, starting with the name of the folder it is in.
 */
export async function resolveWorkspaceFile(path: string): Promise<WorkspaceFile> {
  const checked = workspacePath(path);
  if (!checked.ok) return refused(path, checked.reason);
  const folders = vscode.workspace.workspaceFolders ?? [];
  const [head, ...rest] = checked.segments;
  const named = folders.length > 1 && rest.length ? folders.find((f) => f.name === head) : undefined;
  if (named) return resolveInsideFolder(named, rest.join('/'));
  if (!folders[0]) return { kind: 'missing', message: `${path} cannot be opened: no folder is open.` };
  return resolveInsideFolder(folders[0], path);
}

function refused(path: string, reason: string): WorkspaceFile {
  return { kind: 'refused', message: `${quoted(path)} is ${reason}, so Growth Journal does not open it. Write the path relative to the workspace folder in the journal.` };
}
