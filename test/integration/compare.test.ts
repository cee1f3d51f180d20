import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { extensionApi, folders, HEADER, setJournal } from './helpers';

const FIVE_LEVELS = `id: platform
name: Platform Ladder
levels: [{ id: l1, name: One }, { id: l2, name: Two }, { id: l3, name: Three }, { id: l4, name: Four }, { id: l5, name: Five }]
groups:
  - id: g
    name: Everything
    dimensions:
${Array.from({ length: 8 }, (_, i) => `      - id: d${i}\n        name: Dimension ${i}\n        expectations: { l${1 + (i % 4)}: [Does thing ${i}.], l5: [Leads thing ${i}.] }`).join('\n')}
`;

describe('level comparison panel', () => {
  it('opens, completes the ready handshake and receives the rubric and evidence', async () => {
    const api = await extensionApi();
    await setJournal(api, `${HEADER.replace('entries: []\n', 'entries:\n')}  - id: a\n    date: 2026-01-02\n    kind: note\n    title: Ran the review\n    dimensions: [technical-depth]\n    level: senior\n`);
    const handshake = api.compare.nextHandshake();
    await vscode.commands.executeCommand('growthJournal.compareLevels', 'technical-depth');
    const model = await handshake;
    assert.equal(model.rubricName, 'Product Security Career Pathway');
    assert.deepEqual(model.levels.map((l) => l.name), ['Associate/Junior', 'Mid-Level', 'Senior']);
    assert.equal(model.targetLevel, 'senior');
    assert.equal(model.groups.flatMap((g) => g.dimensions).length, 21);
    const tab = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && /growthJournal\.compare/.test(t.input.viewType));
    assert.equal(tab.length, 1, 'one panel');
    await vscode.commands.executeCommand('growthJournal.compareLevels');
    assert.equal(vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && /growthJournal\.compare/.test(t.input.viewType)).length, 1, 'reused, not a second one');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('works the same for a ladder of five levels and eight dimensions', async () => {
    const api = await extensionApi();
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folders().app.uri, 'ladder.rubric.yaml'), new TextEncoder().encode(FIVE_LEVELS));
    await setJournal(api, 'version: 1\nrubric: ladder.rubric.yaml\nprofile:\n  currentLevel: l2\n  targetLevel: l4\nentries:\n  - id: x\n    date: 2026-01-02\n    kind: note\n    title: Did it\n    dimensions: [d3]\n    level: l4\n');
    const handshake = api.compare.nextHandshake();
    await vscode.commands.executeCommand('growthJournal.compareLevels');
    const model = await handshake;
    assert.deepEqual(model.levels.map((l) => l.name), ['One', 'Two', 'Three', 'Four', 'Five']);
    assert.equal(model.groups[0].dimensions.length, 8);
    assert.deepEqual(Object.keys(model.groups[0].dimensions[3].cells), ['l4', 'l5']);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await setJournal(api, undefined);
  });
});
