import * as vscode from 'vscode';
import { decodeUtf8 } from '../core/text';
import { type Problem } from '../core/problem';

export type ReadResult = { kind: 'text'; text: string } | { kind: 'missing' } | { kind: 'invalid'; problem: Problem };

/** Reads a text file as UTF-8, reporting invalid bytes instead of replacing them. */
export async function readTextFile(uri: vscode.Uri): Promise<ReadResult> {
  let bytes: Uint8Array;
  try {
    bytes = await vscode.workspace.fs.readFile(uri);
  } catch (e) {
    if (e instanceof vscode.FileSystemError && e.code === 'FileNotFound') return { kind: 'missing' };
    throw e;
  }
  const decoded = decodeUtf8(bytes);
  return decoded.ok ? { kind: 'text', text: decoded.text } : { kind: 'invalid', problem: decoded.problem };
}

/**
 * The document for `uri` when its text is the truth: it has unsaved edits. A document with
 * none holds what is on disk, and VS Code keeps such documents around after their editor
 * closes, sometimes behind the disk; then the file itself is read and written.
 */
export function dirtyDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
  const key = uri.toString();
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === key && !d.isClosed && d.isDirty);
}

/** The document for `uri` if an editor tab shows it. */
export function documentInTab(uri: vscode.Uri): vscode.TextDocument | undefined {
  const key = uri.toString();
  const shown = vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === key));
  return shown ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === key && !d.isClosed) : undefined;
}

/**
 * Replaces a file's content atomically: a temp file in the same folder, then a rename over
 * the original, so a crash leaves either the old file or the new one, never half of each.
 */
export async function writeFileAtomic(uri: vscode.Uri, text: string): Promise<void> {
  const folder = vscode.Uri.joinPath(uri, '..');
  await vscode.workspace.fs.createDirectory(folder);
  const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
  const temp = vscode.Uri.joinPath(folder, `.${name}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.tmp`);
  await vscode.workspace.fs.writeFile(temp, new TextEncoder().encode(text));
  try {
    await vscode.workspace.fs.rename(temp, uri, { overwrite: true });
  } catch (e) {
    await vscode.workspace.fs.delete(temp).then(undefined, () => undefined);
    throw e;
  }
}

export function offsetRange(document: vscode.TextDocument, offset: number, length: number): vscode.Range {
  return new vscode.Range(document.positionAt(offset), document.positionAt(offset + length));
}
