import * as vscode from 'vscode';
import { type Git } from './git/repos';
import { JournalError } from './journal/error';
import { type JournalStore } from './journal/store';
import { type Prompts } from './ui/prompts';
import { type ViewPeriodSetting } from './ui/viewPeriod';

/** What every feature is given: built once in extension.ts. `prompts` is swappable for tests. */
export interface Services {
  store: JournalStore;
  git: Git;
  prompts: Prompts;
  workspaceState: vscode.Memento;
  /** The period the tree and the status bar count evidence for. */
  viewPeriod: ViewPeriodSetting;
}

/** Opens a file with the cursor at a 1-based line and column. */
export async function showAt(uri: vscode.Uri, line = 1, column = 1): Promise<void> {
  const position = new vscode.Position(Math.max(0, line - 1), Math.max(0, column - 1));
  await vscode.window.showTextDocument(uri, { selection: new vscode.Range(position, position), preview: false });
}

/** Shows an error as a sentence a person can act on, with a way to the place it is about. */
async function reportError(services: Services, error: unknown): Promise<void> {
  const at = error instanceof JournalError ? error.at : undefined;
  const message = error instanceof Error ? error.message : String(error);
  const actions = at ? ['Open at Error'] : [];
  if (error instanceof JournalError && !vscode.workspace.isTrusted) actions.push('Manage Workspace Trust');
  const choice = await services.prompts.error(message, ...actions);
  if (choice === 'Open at Error' && at) await showAt(at.uri, at.problem.line, at.problem.column);
  if (choice === 'Manage Workspace Trust') await vscode.commands.executeCommand('workbench.trust.manage');
}

/**
 * Runs a command body, turning any failure into a message instead of an unhandled rejection. When
 * it ends, however it ends, its last answered question (kept on screen while it worked) goes away.
 */
export function guarded<A extends unknown[]>(services: Services, body: (...args: A) => Promise<unknown>): (...args: A) => Promise<void> {
  return async (...args: A) => {
    const { prompts } = services;
    try {
      await body(...args);
    } catch (e) {
      await reportError(services, e);
    } finally {
      prompts.done();
    }
  };
}

/**
 * Keeps a subscription only while a boolean `growthJournal.<setting>` is on, so an opt-in
 * feature costs nothing (not even starting the Git extension) until someone turns it on.
 */
export function whileSettingOn(context: vscode.ExtensionContext, setting: string, subscribe: () => Promise<vscode.Disposable>): void {
  let current: Promise<vscode.Disposable> | undefined;
  const sync = () => {
    const on = vscode.workspace.getConfiguration('growthJournal').get<boolean>(setting, false);
    if (on && !current) current = subscribe();
    if (!on && current) {
      void current.then((d) => d.dispose());
      current = undefined;
    }
  };
  sync();
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration(`growthJournal.${setting}`) && sync()),
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      void current?.then((d) => d.dispose());
      current = undefined;
      sync();
    }),
    { dispose: () => void current?.then((d) => d.dispose()) },
  );
}
