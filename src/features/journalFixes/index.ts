import * as vscode from 'vscode';
import { closestIds } from '../../core/text/closest';
import { allDimensions } from '../../core/rubric/rubric';
import { CREDENTIALS_CODE, STATEMENT_CODES } from '../../core/journal';
import { checkStatementRef, citedRef, parseStatementRef, type Statement } from '../../core/rubric/statements';
import { type Rubric } from '../../core/rubric/rubric';
import { guarded, type Services } from '../../host/services';
import { shortened } from '../../core/text/shorten';

function redactAction(diagnostics: vscode.Diagnostic[]): vscode.CodeAction {
  const action = new vscode.CodeAction('Remove the credentials from every URL in the journal', vscode.CodeActionKind.QuickFix);
  action.diagnostics = diagnostics;
  action.isPreferred = true;
  action.command = { command: 'growthJournal.redactCredentials', title: action.title };
  return action;
}

/**
 * Fixes for a cited statement the rubric changed or does not have: re-point it to where its text
 * went, confirm the new wording at the same ref, or cite a statement of the same level. Each
 * runs through the write path as one verified 'repoint' change.
 */
function repointActions(rubric: Rubric, entryId: string, from: string, diagnostic: vscode.Diagnostic): vscode.CodeAction[] {
  const ref = parseStatementRef(from);
  if (!ref) return [];
  const check = checkStatementRef(rubric, ref);
  const action = (title: string, to: Statement, preferred: boolean) => {
    const a = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
    a.diagnostics = [diagnostic];
    a.isPreferred = preferred;
    a.command = { command: 'growthJournal.repointStatement', title, arguments: [{ id: entryId, from, to: citedRef(to) }] };
    return a;
  };
  const cut = (text: string) => shortened(text, 60);
  switch (check.kind) {
    case 'ok':
      return [];
    case 'moved':
      return [action(`Re-point to ${check.movedTo.ref} (“${cut(check.movedTo.text)}”)`, check.movedTo, true)];
    case 'changed':
      return [
        ...(check.movedTo ? [action(`Re-point to ${check.movedTo.ref} (“${cut(check.movedTo.text)}”)`, check.movedTo, true)] : []),
        action(`Keep ${check.now.ref}, now “${cut(check.now.text)}”`, check.now, !check.movedTo),
      ];
    case 'unknown':
      return check.suggestions.map((s, i) => action(`Cite ${s.ref} (“${cut(s.text)}”)`, s, i === 0));
  }
}

/** An id as the journal writes it: quoted, or plain up to the next separator. */
const ID_TOKEN = /"[^"\r\n]*"|'[^'\r\n]*'|[^\s,[\]{}#"']+/;

/**
 * Quick fixes in the journal: a dimension id the rubric does not have offers the closest ids, by
 * spelling or by the words of their names.
 * The fix is an edit in the editor, like typing: the person sees it, can undo it, and saves it.
 */
export function registerJournalFixes(context: vscode.ExtensionContext, services: Services): void {
  const provider: vscode.CodeActionProvider = {
    async provideCodeActions(document, _range, { diagnostics }) {
      const secrets = diagnostics.filter((d) => d.source === 'Growth Journal' && d.code === CREDENTIALS_CODE);
      const redact = secrets.length ? [redactAction(secrets)] : [];
      const wanted = diagnostics.filter((d) => d.source === 'Growth Journal' && d.code === 'unknown-dimension');
      const cited = diagnostics.filter((d) => d.source === 'Growth Journal' && (d.code === STATEMENT_CODES.changed || d.code === STATEMENT_CODES.unknown));
      if (!wanted.length && !cited.length) return redact;
      const snapshot = await services.store.snapshot();
      if (!snapshot.rubric || snapshot.journalUri?.toString() !== document.uri.toString()) return [];
      const { rubric } = snapshot;
      const repoints = cited.flatMap((diagnostic) => {
        const token = document.getWordRangeAtPosition(diagnostic.range.start, ID_TOKEN);
        const from = token && document.getText(token).replace(/^["']|["']$/g, '');
        // The entry is the last one that starts at or above the ref.
        const entry = snapshot.journal?.entries.filter((e) => e.line <= diagnostic.range.start.line + 1).at(-1);
        return from && entry ? repointActions(rubric, entry.id, from, diagnostic) : [];
      });
      const dimensions = allDimensions(snapshot.rubric);
      return [...redact, ...repoints, ...wanted.flatMap((diagnostic) => {
        const token = document.getWordRangeAtPosition(diagnostic.range.start, ID_TOKEN);
        if (!token) return [];
        const raw = document.getText(token);
        const quoted = /^["']/.test(raw);
        const inner = quoted ? new vscode.Range(token.start.translate(0, 1), token.end.translate(0, -1)) : token;
        return closestIds(document.getText(inner), dimensions).map((id, i) => {
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
    vscode.commands.registerCommand(
      'growthJournal.repointStatement',
      guarded(services, async (args: unknown) => {
        const { id, from, to } = (args ?? {}) as { id?: unknown; from?: unknown; to?: unknown };
        if (typeof id !== 'string' || typeof from !== 'string' || typeof to !== 'string') throw new Error('Re-point a Cited Statement runs from a quick fix on a statement ref in the journal.');
        await services.store.repointStatement(id, from, to);
      }),
    ),
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
