import { createRequire } from 'node:module';
import * as vscode from 'vscode';
import type * as LadderImport from '../../core/rubric/ladderImport';

export type LadderImporter = typeof LadderImport;

let loaded: LadderImporter | undefined;

/**
 * The ladder importer, from its own bundle (dist/ladderImport.js, built by esbuild.js): it
 * carries a Markdown parser and its entity tables (about 150 KB), which the extension loads on
 * the first import rather than at activation, keeping dist/extension.js in its budget.
 */
export function ladderImporter(extensionUri: vscode.Uri): LadderImporter {
  const bundle = vscode.Uri.joinPath(extensionUri, 'dist', 'ladderImport.js').fsPath;
  loaded ??= createRequire(bundle)(bundle) as LadderImporter;
  return loaded;
}
