import assert from 'node:assert/strict';
import * as vscode from 'vscode';

describe('activation', () => {
  it('activates on its command and registers its commands', async () => {
    const extension = vscode.extensions.getExtension('growth-journal.growth-journal');
    assert.ok(extension, 'the extension is loaded in development mode');
    await extension.activate();
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('growthJournal.openJournal'));
  });
});
