import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { localIsoDate } from '../../src/core/time/dates';
import type { TreeNode } from '../../src/features/tree/rubricTree';
import { extensionApi, HEADER, ScriptedPrompts, setJournal, waitFor } from './helpers';

describe('rubric tree', () => {
  it('shows groups, dimensions with counts and coverage, expectations by level, and evidence newest first', async () => {
    const api = await extensionApi();
    const today = localIsoDate(new Date());
    await setJournal(api, `${HEADER.replace('entries: []\n', 'entries:\n')}  - id: old\n    date: 2020-01-02\n    kind: note\n    title: Old work\n    dimensions: [technical-depth]\n    level: mid\n  - id: new\n    date: ${today}\n    kind: note\n    title: New work\n    dimensions: [technical-depth]\n    level: senior\n`);
    const tree = api.tree;
    const label = (n: TreeNode) => String(tree.getTreeItem(n).label);
    const groups = await tree.getChildren();
    assert.deepEqual(groups.map(label), ['Core competencies', 'Additional Senior Qualities']);
    const dims = await tree.getChildren(groups[0]);
    assert.equal(dims.length, 14);
    const depth = dims.find((d) => label(d) === 'Technical Depth')!;
    const item = tree.getTreeItem(depth);
    // Senior named, no statement cited: a claim, not coverage. Short enough for the default width: Senior statements with evidence · this quarter · in total.
    assert.equal(item.description, '0 of 4 · 1 · 2');
    assert.match((item.tooltip as vscode.MarkdownString).value, /Evidence: 1 this quarter \(\d{4}-Q[1-4]\), 2 in total\./);
    assert.equal((item.iconPath as vscode.ThemeIcon).id, 'circle-filled');
    // The status bar shows the same figure for the same period.
    const figures = ['0 of 4 Senior statements in Technical Depth have evidence', '1 entry claims Senior, no Senior statement cited'];
    const treeTooltip = (item.tooltip as vscode.MarkdownString).value.replace(/\\/g, '');
    for (const figure of figures) assert.ok(treeTooltip.includes(figure), treeTooltip);
    await waitFor('the status bar tooltip', () => figures.every((figure) => api.status.tooltip()?.replace(/\\/g, '').includes(figure)) || undefined);
    const tooltip = (item.tooltip as vscode.MarkdownString).value.replace(/&nbsp;/g, ' ').replace(/\\/g, '');
    assert.match(tooltip, /Mid-Level \(current\)[\s\S]*Solid understanding of security principles\.[\s\S]*Senior \(target\)[\s\S]*Deep technical expertise/);
    const [expectations, evidence] = await tree.getChildren(depth);
    assert.equal(tree.getTreeItem(evidence).description, '1 this quarter, of 2');
    assert.equal(label(expectations), 'Expectations');
    const levels = await tree.getChildren(expectations);
    assert.deepEqual(levels.map(label), ['Associate/Junior', 'Mid-Level', 'Senior']);
    assert.equal(tree.getTreeItem(levels[1]).description, 'current level');
    assert.equal(tree.getTreeItem(levels[2]).description, 'target level');
    const statements = await tree.getChildren(levels[2]);
    assert.deepEqual(statements.map(label), ['Deep technical expertise across multiple domains.', 'Actively researches security trends and learns new techniques.', 'Seeks advanced knowledge and passive learning opportunities.', 'Leads workshops and knowledge-sharing initiatives.']);
    assert.deepEqual((await tree.getChildren(evidence)).map(label), ['New work']);
    await vscode.commands.executeCommand('growthJournal.showAllTime');
    const [, evidenceAll] = await tree.getChildren((await tree.getChildren((await tree.getChildren())[0])).find((d) => label(d) === 'Technical Depth'));
    assert.deepEqual((await tree.getChildren(evidenceAll)).map(label), ['New work', 'Old work']);
    // Any period: a year chosen from the list counts for the tree (and the status bar, which shares it).
    const year = String(new Date().getFullYear());
    api.setPrompts(new ScriptedPrompts({ pick: [(_t: string, _p: string, choices: { label: string; value: unknown }[]) => choices.find((c) => c.label === year)!.value] }));
    await vscode.commands.executeCommand('growthJournal.choosePeriod');
    api.setPrompts(undefined);
    const inYear = (await tree.getChildren((await tree.getChildren())[0])).find((d) => label(d) === 'Technical Depth')!;
    assert.equal(tree.getTreeItem(inYear).description, '0 of 4 · 1 · 2');
    assert.match((tree.getTreeItem(inYear).tooltip as vscode.MarkdownString).value, new RegExp(`Evidence: 1 in ${year} \\(Jan–Dec ${year}\\), 2 in total\\.`));
    await vscode.commands.executeCommand('growthJournal.showThisQuarter');
  });

  it('shows the rubric when there is no journal yet, with a first tag under each dimension to start one', async () => {
    const api = await extensionApi();
    const tree = api.tree;
    await setJournal(api, undefined);
    assert.equal((await api.services.store.snapshot()).status, 'noJournal');
    const groups = await tree.getChildren();
    assert.equal(groups.length, 2, 'the rubric is there');
    const [dimension] = await tree.getChildren(groups[0]);
    const [, evidence] = await tree.getChildren(dimension);
    const [start] = await tree.getChildren(evidence);
    assert.equal(tree.getTreeItem(start).command?.command, 'growthJournal.tagForDimension');
  });

  it('keeps the rubric browsable when the journal does not parse, with the last good counts marked, and points at the error', async () => {
    const api = await extensionApi();
    const tree = api.tree;
    const journal = (title: string) => `${HEADER.replace('entries: []\n', 'entries:\n')}  - id: a\n    date: ${localIsoDate(new Date())}\n    kind: note\n    title: ${title}\n    dimensions: [technical-depth]\n`;
    const technicalDepth = async () => (await tree.getChildren((await tree.getChildren())[0])).find((d) => tree.getTreeItem(d).label === 'Technical Depth')!;
    await setJournal(api, journal('Good'));
    const goodCount = tree.getTreeItem(await technicalDepth()).description;
    assert.ok(goodCount, 'a count to keep');
    await setJournal(api, journal('[unclosed'));
    const snapshot = await api.services.store.snapshot();
    assert.equal(snapshot.status, 'journalError');
    assert.ok(snapshot.lastGood, `the last good read is kept: ${Object.keys(snapshot).join(', ')}`);
    assert.deepEqual([snapshot.firstError?.problem.line, snapshot.firstError?.problem.message], [11, 'Missing closing ] for the list that opens here.']);
    const groups = await tree.getChildren();
    assert.equal(groups.length, 2, 'the rubric is still there');
    const dimension = await technicalDepth();
    assert.equal(tree.getTreeItem(dimension).description, goodCount, 'the count of the last good read, not none');
    assert.match((tree.getTreeItem(dimension).tooltip as vscode.MarkdownString).value, /from the last good read of the journal/);
    const [expectations, evidence] = await tree.getChildren(dimension);
    assert.ok((await tree.getChildren(expectations)).length > 0, 'what each level expects can still be read');
    assert.match(String(tree.getTreeItem(evidence).description), /, as last read$/);
    const [errorRow, entryRow] = await tree.getChildren(evidence);
    assert.equal(tree.getTreeItem(errorRow).command?.command, 'growthJournal.openJournalAtFirstError');
    assert.equal(tree.getTreeItem(entryRow).label, 'Good', 'the entries of the last good read stay listed');
    await setJournal(api, HEADER);
  });
});
