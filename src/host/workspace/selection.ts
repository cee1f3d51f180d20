import * as vscode from 'vscode';
import { type EntryData } from '../../core/journal';
import { fileUrl } from '../../core/git/permalink';
import { linesContent } from '../../core/text/anchor';
import { type Git } from '../git/repos';

type RecordedSelection = NonNullable<EntryData['selection']>;

/** A document's lines for core/text/anchor.ts, read one at a time, never copied. */
export function documentLines(document: vscode.TextDocument): { lineCount: number; lineText(index: number): string } {
  return { lineCount: document.lineCount, lineText: (i) => document.lineAt(i).text };
}

/**
 * What the journal records of an editor's selection: its file (workspace-relative), its lines,
 * what they hold (to find them again after edits), and in a git repository the commit and a
 * permalink pinned to it. Throws, with what to do, for a selection that cannot be recorded.
 */
export async function recordedSelection(git: Git, editor: vscode.TextEditor): Promise<RecordedSelection> {
  const { document, selection } = editor;
  if (selection.isEmpty) throw new Error('Select the code in an editor first.');
  const folder = vscode.workspace.getWorkspaceFolder(document.uri);
  if (!folder || document.uri.scheme !== 'file') throw new Error('Only files inside the workspace can be tagged, so the journal can point back to them.');
  const startLine = selection.start.line + 1;
  // A selection that ends at the start of a line does not include that line.
  const endLine = selection.end.character === 0 && selection.end.line > selection.start.line ? selection.end.line : selection.end.line + 1;
  const file = recordedFile(document.uri);
  const repo = await git.repositoryFor(document.uri);
  const repoPath = repo ? document.uri.path.slice(repo.root.path.length + 1) : undefined;
  const link = repo?.remote && repo.head && repoPath ? fileUrl(repo.remote, repo.head, repoPath, startLine, endLine) : undefined;
  return { file, startLine, endLine, ...(repo?.head ? { sha: repo.head } : {}), ...(link ? { link } : {}), ...linesContent(documentLines(document), startLine - 1, endLine - 1) };
}

/** The file of a document as the journal records it: workspace-relative, as recordedSelection writes it. */
function recordedFile(uri: vscode.Uri): string {
  return vscode.workspace.asRelativePath(uri, (vscode.workspace.workspaceFolders?.length ?? 0) > 1);
}

/**
 * Every way a journal may name a document's file (see resolveWorkspaceFile): as recordedFile
 * writes it, and, for a file of the first folder, relative to that folder without its name.
 */
export function recordedFileNames(uri: vscode.Uri): string[] {
  const names = [recordedFile(uri)];
  const first = vscode.workspace.workspaceFolders?.[0];
  if (first && vscode.workspace.getWorkspaceFolder(uri)?.uri.toString() === first.uri.toString()) names.push(vscode.workspace.asRelativePath(uri, false));
  return [...new Set(names)];
}
