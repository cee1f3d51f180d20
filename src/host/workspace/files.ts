import * as vscode from 'vscode';
import { decodeUtf8 } from '../../core/text/strings';
import { type Problem } from '../../core/text/problem';
import { MAX_RUBRIC_BYTES, RUBRIC_TOO_LARGE } from '../../core/rubric/rubric';
import { FileRefusal, journalGuards, type KeptKind, readBounded, writeDocument } from './disk';

export type ReadResult = { kind: 'text'; text: string } | { kind: 'missing' } | { kind: 'invalid'; problem: Problem };

/**
 * Reads a text file as UTF-8, reporting invalid bytes instead of replacing them. A file on disk
 * goes through the one door (readBounded): a regular file, read up to `limit` bytes (a rubric's
 * by default), else `tooLarge`; a FIFO or device is refused without blocking.
 */
export async function readTextFile(uri: vscode.Uri, limit = MAX_RUBRIC_BYTES, tooLarge: Problem = RUBRIC_TOO_LARGE): Promise<ReadResult> {
  let bytes: Uint8Array;
  if (uri.scheme === 'file') {
    try {
      const read = await readBounded(uri.fsPath, limit, 'the file');
      if (read.kind !== 'bytes') return read.kind === 'missing' ? read : { kind: 'invalid', problem: tooLarge };
      bytes = read.bytes;
    } catch (e) {
      if (e instanceof FileRefusal) return { kind: 'invalid', problem: { severity: 'error', code: 'file', message: e.message } };
      throw e;
    }
  } else {
    try {
      if ((await vscode.workspace.fs.stat(uri)).size > limit) return { kind: 'invalid', problem: tooLarge };
      bytes = await vscode.workspace.fs.readFile(uri);
    } catch (e) {
      if (e instanceof vscode.FileSystemError && e.code === 'FileNotFound') return { kind: 'missing' };
      throw e;
    }
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

/** The files a document is never saved over: the journal, its lock and its rubric. */
export interface KeptFiles {
  journalUri?: vscode.Uri;
  rubricUri?: vscode.Uri;
  /** What the document may not replace, by what a file holds (writeDocument): a journal or a rubric unless said. */
  kept?: readonly KeptKind[];
}

/**
 * Saves a document (a summary, a packet, a rubric) through the one atomic writer (writeDocument):
 * never over the journal, its lock or its rubric, nor over what is not a regular file; through a
 * symlink to its target. VS Code's `fs.rename` with overwrite would delete the target first.
 */
export async function writeFileAtomic(uri: vscode.Uri, text: string, kept: KeptFiles): Promise<void> {
  if (uri.scheme !== 'file') throw new Error(`Growth Journal writes only files on disk, not ${uri.scheme}: resources.`);
  const guarded = [
    ...(kept.journalUri?.scheme === 'file' ? journalGuards(kept.journalUri.fsPath) : []),
    ...(kept.rubricUri?.scheme === 'file' ? [{ path: kept.rubricUri.fsPath, role: 'the rubric' }] : []),
  ];
  await writeDocument(uri.fsPath, text, guarded, 'the document', kept.kept);
}

export function offsetRange(document: vscode.TextDocument, offset: number, length: number): vscode.Range {
  return new vscode.Range(document.positionAt(offset), document.positionAt(offset + length));
}
