import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Choice, EvidenceChoice } from '../../src/host/ui/prompts';
import { localIsoDate } from '../../src/core/time/dates';
import { HEADER, journalUri, readJournal, ScriptedPrompts, setJournal, useExtension, waitFor } from './helpers';

const today = localIsoDate(new Date());
const JOURNAL = `${HEADER.replace('entries: []\n', 'entries:\n')}  # the auth work
  - id: ev-jwt
    date: ${today}
    kind: commit
    title: 'fix: handle tokens without "sub"' # the raw subject
    dimensions: [technical-depth]
    commit: { sha: 0123456789abcdef0123456789abcdef01234567, subject: "fix: handle tokens without sub" }
    reviewer: dana # a key this version does not know
  - id: ev-review
    date: ${today}
    kind: note
    title: Ran the JWT threat model
    dimensions: [risk-management]
    level: mid
`;

/** The value of the edit list's choice for `field`, checking the list shows the field with its value. */
function choose(field: string, shows?: RegExp) {
  return (_title: string, _placeHolder: string, choices: readonly Choice<string>[]) => {
    const choice = choices.find((c) => c.value === field);
    assert.ok(choice, `the list offers ${field}`);
    if (shows) assert.match(choice.description ?? '', shows);
    return field;
  };
}

describe('editing and finding evidence', () => {
  const api = useExtension();

  it('Edit Entry lists the fields with their values, edits several, and saves them in one write that changes only that entry; Undo puts them back', async () => {
    await setJournal(api(), JOURNAL);
    const before = await readJournal();
    const prompts = new ScriptedPrompts({
      pick: [choose('title', /fix: handle tokens/), choose('note', /none/), choose('statements', /none cited/), choose('save', /write 3 changes: title, details, statements/)],
      inputTitle: ['Tokens without a subject are refused'],
      inputDetails: ['Closed an auth bypass before release.'],
      pickStatements: [(_rubric: unknown, options: { statements: readonly { ref: string }[] }) => [options.statements[0].ref]],
    });
    api().setPrompts(prompts);
    await vscode.commands.executeCommand('growthJournal.editEntry', { entry: { id: 'ev-jwt' } });
    assert.deepEqual(prompts.errors, []);
    assert.match(prompts.infos.at(-1) ?? '', /^Saved “Tokens without a subject are refused”: title, details, statements changed\.$/);
    const after = await readJournal();
    assert.ok(after.includes("    title: Tokens without a subject are refused # the raw subject\n"), 'the title changed in place, its comment kept');
    assert.ok(after.includes('    reviewer: dana # a key this version does not know\n    note: "Closed an auth bypass before release."\n    statements: [technical-depth/senior/1@'), 'new keys after the entry\'s last line');
    assert.match(after, /statements: \[technical-depth\/senior\/1@[0-9a-f]{6}\]\n {2}- id: ev-review/);
    assert.ok(after.startsWith(before.slice(0, before.indexOf('  - id: ev-jwt'))), 'the lines before the entry are as they were');
    assert.ok(after.endsWith(before.slice(before.indexOf('  - id: ev-review'))), 'the lines after it are as they were');
    const entry = (await api().services.store.snapshot()).journal!.entries.find((e) => e.id === 'ev-jwt')!;
    assert.equal(entry.title, 'Tokens without a subject are refused');

    // The notification's Undo: the next save answers it.
    const undo = new ScriptedPrompts({ pick: [choose('private', /shared/), choose('save', /visibility/)], pickPrivacy: [true] });
    undo.infoAnswer = 'Undo';
    api().setPrompts(undo);
    await vscode.commands.executeCommand('growthJournal.editEntry', 'ev-review');
    await waitFor('Undo to put the entry back', async () => (await readJournal()) === after);
    assert.deepEqual(undo.errors, []);
  });

  it('Edit Entry from the palette edits the entry at the cursor in the journal; Escape writes nothing', async () => {
    await setJournal(api(), JOURNAL);
    const editor = await vscode.window.showTextDocument(journalUri());
    const line = editor.document.getText().split('\n').findIndex((l) => l.includes('Ran the JWT threat model'));
    editor.selection = new vscode.Selection(line, 4, line, 4);
    const prompts = new ScriptedPrompts({ pick: [choose('level', /Mid-Level/), choose('save', /level/)], pickLevel: ['senior'] });
    api().setPrompts(prompts);
    await vscode.commands.executeCommand('growthJournal.editEntry');
    assert.deepEqual(prompts.errors, []);
    await waitFor('the level to be written', async () => (await api().services.store.snapshot()).journal?.entries.find((e) => e.id === 'ev-review')?.level === 'senior');
    assert.equal(prompts.asked[0].args[0], 'Edit Entry: Ran the JWT threat model');
    await vscode.commands.executeCommand('workbench.action.files.save');
    const saved = await readJournal();
    const cancelled = new ScriptedPrompts({ pick: [choose('title'), undefined], inputTitle: ['Not kept'] });
    api().setPrompts(cancelled);
    await vscode.commands.executeCommand('growthJournal.editEntry', 'ev-review');
    assert.equal(await readJournal(), saved, 'nothing written when the list is closed without Save');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('Find Evidence searches titles, commits and dimensions as plain text, and opens what it finds in the journal', async () => {
    await setJournal(api(), JOURNAL);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const prompts = new ScriptedPrompts({
      pickEvidence: [
        (search: (text: string) => EvidenceChoice[]) => {
          assert.deepEqual(search('jwt').map((c) => c.entryId), ['ev-review']);
          assert.deepEqual(search('WITHOUT SUB').map((c) => [c.entryId, c.detail]), [['ev-jwt', 'Found in the commit 0123456: fix: handle tokens without sub']]);
          assert.deepEqual(search('risk management').map((c) => c.entryId), ['ev-review'], 'a dimension by its name');
          assert.deepEqual(search('.*'), [], 'text, not a pattern');
          assert.equal(search('').length, 2);
          return { entryId: 'ev-review', action: 'journal' };
        },
      ],
    });
    api().setPrompts(prompts);
    await vscode.commands.executeCommand('growthJournal.findEvidence');
    assert.deepEqual(prompts.errors, []);
    const editor = await waitFor('the journal to open', () => vscode.window.activeTextEditor);
    assert.equal(editor.document.uri.toString(), journalUri().toString());
    assert.match(editor.document.lineAt(editor.selection.active.line).text, /id: ev-review/);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('the Growth view filter lists the evidence holding the text under its dimensions, and Compare\'s filter finds evidence', async () => {
    await setJournal(api(), JOURNAL);
    await vscode.commands.executeCommand('growthJournal.showAllTime');
    await vscode.commands.executeCommand('growthJournal.filterEvidence', 'JWT');
    const roots = await api().tree.getChildren();
    assert.deepEqual(roots.map((n) => (n.kind === 'found' ? [n.dimension.id, n.entries.map((e) => e.id)] : n.kind)), [['risk-management', ['ev-review']]]);
    const found = await api().tree.getChildren(roots[0]);
    assert.equal(api().tree.getTreeItem(found[0]).label, 'Ran the JWT threat model');
    assert.deepEqual(api().tree.current().filter, { text: 'JWT', count: 1 });
    await vscode.commands.executeCommand('growthJournal.clearEvidenceFilter');
    assert.equal(api().tree.current().filter, undefined);
    assert.equal((await api().tree.getChildren())[0].kind, 'group', 'the rubric again');

    const handshake = api().compare.nextHandshake();
    await vscode.commands.executeCommand('growthJournal.compareLevels');
    await handshake;
    await api().compare.receive({ type: 'setPeriod', period: 'all' });
    const next = api().compare.nextModel();
    await api().compare.receive({ type: 'search', text: 'JWT' });
    const model = await next;
    assert.deepEqual(Object.keys(model.evidenceSearch?.byDimension ?? {}), ['risk-management']);
    assert.equal(model.evidenceSearch!.byDimension['risk-management'].entries[0].title, 'Ran the JWT threat model');
    const edit = new ScriptedPrompts({ pick: [undefined] });
    api().setPrompts(edit);
    await api().compare.receive({ type: 'editEntry', entryId: 'ev-review' });
    assert.equal(edit.asked[0].args[0], 'Edit Entry: Ran the JWT threat model', "Compare's Edit… opens Edit Entry");
    await api().compare.receive({ type: 'search', text: '' });
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('growthJournal.showThisQuarter');
  });
});
