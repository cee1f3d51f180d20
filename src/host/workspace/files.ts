import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import * as vscode from 'vscode';
import { decodeUtf8 } from '../../core/text/strings';
import { type Problem } from '../../core/text/problem';
import { replaceFile } from '../journal/write';

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

/**
 * Replaces a file's content atomically, creating its folder if need be: the journal's writer
 * (replaceFile) with its fsyncs, so a crash leaves the old file or the new one, never half or none.
 */
export async function writeFileAtomic(uri: vscode.Uri, text: string): Promise<void> {
  if (uri.scheme !== 'file') throw new Error(`Growth Journal writes only files on disk, not ${uri.scheme}: resources.`);
  await mkdir(dirname(uri.fsPath), { recursive: true });
  await replaceFile(uri.fsPath, text);
}

export function offsetRange(document: vscode.TextDocument, offset: number, length: number): vscode.Range {
  return new vscode.Range(document.positionAt(offset), document.positionAt(offset + length));
}
