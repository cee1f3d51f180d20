import * as vscode from 'vscode';
import { JournalError } from '../journal/error';

/**
 * The one Restricted Mode gate: everything that writes to the workspace (the journal,
 * summaries) or runs git passes here first, so the rule and its message live in one place.
 */
export function requireTrust(): void {
  if (!vscode.workspace.isTrusted) {
    throw new JournalError('Growth Journal writes to the workspace and runs git only in a trusted workspace; in Restricted Mode it shows the rubric and the journal read-only. Trust this workspace to continue.');
  }
}
