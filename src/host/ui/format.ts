import * as vscode from 'vscode';

/** A count as the user's display language writes it: 14,286 rather than 14286. */
export function formatCount(n: number): string {
  return n.toLocaleString(vscode.env.language);
}
