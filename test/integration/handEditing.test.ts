import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeActionAt, extensionApi, HEADER, journalUri, setJournal, waitFor } from './helpers';

const entries = (body: string) => `${HEADER.replace('entries: []\n', 'entries:\n')}  - id: a\n    date: 2026-01-01\n    kind: note\n    title: T\n${body}`;

/** The completion labels at a place in the journal holding `text`, opened in an editor. */
async function completionsAt(text: string, line: number, character: number): Promise<vscode.CompletionItem[]> {
  const document = await vscode.workspace.openTextDocument(journalUri());
  await vscode.window.showTextDocument(document);
  // An open editor's copy follows the file a moment after it is written: ask once it holds the text.
  await waitFor('the journal in its editor to hold the text written', () => document.getText() === text);
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, new vscode.Position(line, character));
  return list.items;
}
const labelOf = (item: vscode.CompletionItem) => (typeof item.label === 'string' ? item.label : item.label.label);

describe('editing the journal by hand', () => {
  it('completes dimension ids from the journal\'s rubric, with names and what the target level expects', async () => {
    const api = await extensionApi();
    // Mid-edit the journal does not parse: the profile and rubric are those of its last good read.
    await setJournal(api, entries('    dimensions: [technical-depth]\n'));
    const text = entries('    dimensions: [\n');
    await setJournal(api, text);
    const snapshot = await api.services.store.snapshot();
    assert.equal(snapshot.lastGood?.journal.profile.targetLevel, 'senior', 'the last good read is kept, with its profile');
    const line = text.split('\n').findIndex((l) => l.startsWith('    dimensions: ['));
    const items = await completionsAt(text, line, '    dimensions: ['.length);
    const item = items.find((i) => labelOf(i) === 'technical-depth');
    assert.ok(item, 'technical-depth is offered');
    assert.equal(item.detail, 'Technical Depth');
    // appendText keeps spaces as &nbsp;.
    const documentation = (item.documentation as vscode.MarkdownString).value.replace(/&nbsp;/g, ' ');
    assert.match(documentation, /Senior expects:[\s\S]*Deep technical expertise across multiple domains\./);
  });

  it('completes level ids after level:, kinds after kind:, and an entry\'s missing keys', async () => {
    const api = await extensionApi();
    const text = entries('    dimensions: [technical-depth]\n    level: \n    \n');
    await setJournal(api, text);
    const lines = text.split('\n');
    const levelLine = lines.findIndex((l) => l === '    level: ');
    assert.ok((await completionsAt(text, levelLine, '    level: '.length)).some((i) => labelOf(i) === 'senior'));
    const kindLine = lines.findIndex((l) => l === '    kind: note');
    const kinds = (await completionsAt(text, kindLine, '    kind: '.length)).map(labelOf);
    for (const kind of ['commit', 'note', 'selection']) assert.ok(kinds.includes(kind), kind);
    const keys = (await completionsAt(text, levelLine + 1, 4)).map(labelOf);
    for (const key of ['statements', 'private', 'commit']) assert.ok(keys.includes(key), key);
    assert.ok(!keys.includes('title') && !keys.includes('level'), 'not a key the entry has');
  });

  it('offers the id a name abbreviates as a quick fix (vendor-mgmt → vendor-management)', async () => {
    const api = await extensionApi();
    const text = entries('    dimensions: [vendor-mgmt]\n');
    await setJournal(api, text);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(journalUri()));
    const line = text.split('\n').findIndex((l) => l.includes('vendor-mgmt'));
    const at = text.split('\n')[line].indexOf('vendor-mgmt');
    const action = await codeActionAt(journalUri(), new vscode.Range(line, at, line, at + 3), 'the quick fix', (a) => a.title === 'Change to "vendor-management"');
    assert.ok(action.edit);
    await setJournal(api, HEADER);
  });
});
