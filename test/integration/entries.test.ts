import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { useExtension, folders, HEADER, ScriptedPrompts, setJournal } from './helpers';

const selectionEntry = (id: string, file: string) => `  - id: ${id}
    date: 2026-11-27
    kind: selection
    title: Code at ${id}
    dimensions: [technical-depth]
    selection: { file: ${JSON.stringify(file)}, startLine: 1, endLine: 2 }
`;

describe('opening evidence', () => {
  const api = useExtension();
  let outside: string;
  let link: string;

  before(() => {
    outside = mkdtempSync(join(tmpdir(), 'growth-outside-'));
    writeFileSync(join(outside, 'secret.txt'), 'not for the journal\n');
    link = join(folders().app.uri.fsPath, 'notes-link');
    symlinkSync(outside, link);
  });
  after(() => {
    rmSync(link, { force: true });
    rmSync(outside, { recursive: true, force: true });
  });

  it('opens a selection inside the workspace, and refuses paths that lead outside it, symlinks included', async () => {
    await setJournal(
      api(),
      `${HEADER.replace('entries: []\n', 'entries:\n')}${selectionEntry('inside', 'src/auth.ts')}${selectionEntry('climbs', '../../../../etc/passwd')}${selectionEntry('absolute', join(outside, 'secret.txt'))}${selectionEntry('linked', 'notes-link/secret.txt')}${selectionEntry('url', 'file:///etc/passwd')}`,
    );
    const prompts = new ScriptedPrompts({});
    api().setPrompts(prompts);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');

    await vscode.commands.executeCommand('growthJournal.openEntry', 'inside');
    assert.deepEqual(prompts.errors, []);
    assert.match(vscode.window.activeTextEditor?.document.uri.path ?? '', /\/app\/src\/auth\.ts$/);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');

    for (const id of ['climbs', 'absolute', 'linked', 'url']) await vscode.commands.executeCommand('growthJournal.openEntry', id);
    assert.equal(prompts.errors.length, 4, prompts.errors.join('\n'));
    assert.match(prompts.errors[0], /^"\.\.\/\.\.\/\.\.\/\.\.\/etc\/passwd" is a path that climbs out of the workspace folder with \.\., so Growth Journal does not open it\./);
    assert.match(prompts.errors[1], /is an absolute path, so Growth Journal does not open it/);
    assert.match(prompts.errors[2], /^notes-link\/secret\.txt leads outside the workspace folder app through a symbolic link, so Growth Journal does not open it\./);
    assert.match(prompts.errors[3], /is a URL, not a path/);
    const opened = vscode.workspace.textDocuments.filter((d) => /secret\.txt$|passwd$/.test(d.uri.path));
    assert.deepEqual(opened.map((d) => d.uri.toString()), [], 'nothing outside the workspace was opened');
  });
});
