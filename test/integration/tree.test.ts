import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { localIsoDate } from '../../src/core/dates';
import type { TreeNode } from '../../src/features/tree/rubricTree';
import { extensionApi, HEADER, setJournal } from './helpers';

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
    assert.match(String(item.description), /^1 in Q[1-4] · 2 total$/);
    assert.equal((item.iconPath as vscode.ThemeIcon).id, 'pass-filled');
    const tooltip = (item.tooltip as vscode.MarkdownString).value.replace(/&nbsp;/g, ' ').replace(/\\/g, '');
    assert.match(tooltip, /Mid-Level \(current\)[\s\S]*Solid understanding of security principles\.[\s\S]*Senior \(target\)[\s\S]*Deep technical expertise/);
    const [expectations, evidence] = await tree.getChildren(depth);
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
    await vscode.commands.executeCommand('growthJournal.showThisQuarter');
  });

  it('is empty, for the welcome view, when there is no journal or it does not parse', async () => {
    const api = await extensionApi();
    await setJournal(api, undefined);
    assert.equal((await api.services.store.snapshot()).status, 'noJournal');
    assert.deepEqual(await api.tree.getChildren(), []);
    await setJournal(api, 'version: [\n');
    assert.equal((await api.services.store.snapshot()).status, 'journalError');
    assert.deepEqual(await api.tree.getChildren(), []);
  });
});
