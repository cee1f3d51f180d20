import * as vscode from 'vscode';
import { closestIds } from '../../core/closest';
import { allDimensions } from '../../core/rubric';
import { CREDENTIALS_CODE } from '../../core/journal';
import { guarded, type Services } from '../../host/services';

function redactAction(diagnostics: vscode.Diagnostic[]): vscode.CodeAction {
  const action = new vscode.CodeAction('Remove the credentials from every URL in the journal', vscode.CodeActionKind.QuickFix);
  action.diagnostics = diagnostics;
  action.isPreferred = true;
  action.command = { command: 'growthJournal.redactCredentials', title: action.title };
  return action;
}

/** An id as the journal writes it: quoted, or plain up to the next separator. */
const ID_TOKEN = /"[^"\r\n]*"|'[^'\r\n]*'|[^\s,[\]{}#"']+/;

/**
 * Quick fixes in the journal: a dimension id the rubric does not have offers the closest ids.
 * The fix is an edit in the editor, like typing: the person sees it, can undo it, and saves it.
 */
export function registerJournalFixes(context: vscode.ExtensionContext, services: Services): void {
  const provider: vscode.CodeActionProvider = {
    async provideCodeActions(document, _range, { diagnostics }) {
      const secrets = diagnostics.filter((d) => d.source === 'Growth Journal' && d.code === CREDENTIALS_CODE);
      const redact = secrets.length ? [redactAction(secrets)] : [];
      const wanted = diagnostics.filter((d) => d.source === 'Growth Journal' && d.code === 'unknown-dimension');
      if (!wanted.length) return redact;
      const snapshot = await services.store.snapshot();
      if (!snapshot.rubric || snapshot.journalUri?.toString() !== document.uri.toString()) return [];
      const ids = allDimensions(snapshot.rubric).map((d) => d.id);
      return [...redact, ...wanted.flatMap((diagnostic) => {
        const token = document.getWordRangeAtPosition(diagnostic.range.start, ID_TOKEN);
        if (!token) return [];
        const raw = document.getText(token);
        const quoted = /^["']/.test(raw);
        const inner = quoted ? new vscode.Range(token.start.translate(0, 1), token.end.translate(0, -1)) : token;
        return closestIds(document.getText(inner), ids).map((id, i) => {
          const action = new vscode.CodeAction(`Change to "${id}"`, vscode.CodeActionKind.QuickFix);
          action.diagnostics = [diagnostic];
          action.isPreferred = i === 0;
          action.edit = new vscode.WorkspaceEdit();
          action.edit.replace(document.uri, inner, id);
          return action;
        });
      })];
    },
  };
  context.subscriptions.push(
    // Through the write path: every URL with credentials in one verified change.
    vscode.commands.registerCommand(
      'growthJournal.redactCredentials',
      guarded(services, async () => {
        await services.store.redactCredentials();
        void services.prompts.info('Removed the credentials from the URLs the journal recorded. If a token was committed, revoke it too: it stays in the repository\'s history.');
      }),
    ),
    vscode.languages.registerCodeActionsProvider({ scheme: 'file', pattern: '**/*.{yaml,yml}' }, provider, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] }),
  );
}
