import * as vscode from 'vscode';

/** The walkthrough's steps, each ticked by a context key of its own (package.json `completionEvents`). */
export type WalkthroughStep = 'profile' | 'tag' | 'compare' | 'summary';

/**
 * Ticks a walkthrough step once the person has done it. The key is set only by the action, never
 * from the journal at start-up: VS Code records a completion key that is already true when the
 * walkthrough registers as seen, and then never ticks the step, in that session or any later one.
 */
export function completeWalkthroughStep(step: WalkthroughStep): void {
  void vscode.commands.executeCommand('setContext', `growthJournal.walkthrough.${step}Done`, true);
}

const WALKTHROUGH_OPENED = 'growthJournal.walkthroughOpened';

/**
 * Opens the walkthrough on a person's first activation, once per machine. Never in development
 * or tests, whose workbenches a page opened by itself would disturb.
 */
export function openWalkthroughOnce(context: vscode.ExtensionContext): void {
  if (context.extensionMode !== vscode.ExtensionMode.Production || context.globalState.get(WALKTHROUGH_OPENED)) return;
  void context.globalState.update(WALKTHROUGH_OPENED, true);
  void vscode.commands.executeCommand('workbench.action.openWalkthrough', `${context.extension.id}#growthJournal.start`, false);
}
