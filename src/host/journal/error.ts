import type * as vscode from 'vscode';
import { type Problem } from '../../core/text/problem';

/** A problem at its place in a file of the workspace. */
export interface FileProblem {
  uri: vscode.Uri;
  problem: Problem;
}

/** An error a person can act on, optionally at a place in a file. */
export class JournalError extends Error {
  constructor(
    message: string,
    readonly at?: FileProblem,
  ) {
    super(message);
    this.name = 'JournalError';
  }
}
