import * as vscode from 'vscode';

export function activate(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('growthJournal.openJournal', async () => {
      const folder = vscode.workspace.workspaceFolders?.[0];
      if (!folder) return void vscode.window.showInformationMessage('Open a folder to keep a growth journal in it.');
      const uri = vscode.Uri.joinPath(folder.uri, vscode.workspace.getConfiguration('growthJournal').get('journalPath', '.growth/journal.yaml'));
      await vscode.window.showTextDocument(uri);
    }),
  );
}

export function deactivate(): void {}
