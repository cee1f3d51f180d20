import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { localIsoDate } from '../../src/core/time/dates';
import { parsePeriod } from '../../src/core/time/periods';
import { extensionApi, folders, HEADER, ScriptedPrompts, setJournal } from './helpers';

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

  it('shows evidence per dimension and level in matrix mode, with the target statements it covers, for any period', async () => {
    const api = await extensionApi();
    const today = localIsoDate(new Date());
    await setJournal(api, `${HEADER.replace('entries: []\n', 'entries:\n')}  - id: m1\n    date: ${today}\n    kind: note\n    title: Balanced the launch risk\n    dimensions: [risk-management]\n    statements: [risk-management/senior/1]\n  - id: m2\n    date: ${today}\n    kind: note\n    title: Mid work\n    dimensions: [risk-management]\n    level: mid\n  - id: m3\n    date: 2020-01-02\n    kind: note\n    title: Long ago\n    dimensions: [risk-management]\n    level: senior\n`);
    const handshake = api.compare.nextHandshake();
    await vscode.commands.executeCommand('growthJournal.compareLevels');
    await handshake;
    await api.compare.receive({ type: 'setMode', mode: 'matrix' });
    let next = api.compare.nextModel();
    await api.compare.receive({ type: 'setPeriod', period: 'quarter' });
    const quarter = await next;
    const risk = (m: typeof quarter) => m.groups.flatMap((g) => g.dimensions).find((d) => d.id === 'risk-management')!;
    assert.deepEqual([risk(quarter).matrix.senior?.count, risk(quarter).matrix.senior?.latest, risk(quarter).matrix.mid?.count], [1, today, 1]);
    assert.deepEqual(risk(quarter).target?.statements.map((st) => st.count), [1, 0, 0]);
    assert.equal(risk(quarter).target?.gap, '1 of 3 Senior statements in Risk Management have evidence');

    // Other period…: the host asks, a custom range typed in is the period from then on, kept with the mode.
    const prompts = new ScriptedPrompts({
      pick: [(_t: string, _p: string, choices: { label: string; value: unknown }[]) => choices.find((c) => c.label === 'Custom period…')!.value],
      inputPeriod: [parsePeriod('2019-12-01..2020-02-29')],
    });
    api.setPrompts(prompts);
    next = api.compare.nextModel();
    await api.compare.receive({ type: 'choosePeriod' });
    const custom = await next;
    api.setPrompts(undefined);
    assert.equal(custom.period, '2019-12-01..2020-02-29');
    assert.equal(custom.periodText, 'from 2019-12-01 to 2020-02-29');
    assert.equal(custom.mode, 'matrix', 'the mode chosen is kept');
    assert.deepEqual([risk(custom).matrix.senior?.count, risk(custom).matrix.mid, risk(custom).target?.covered], [1, undefined, 0]);
    assert.ok(custom.periods.some((p) => p.key === '2019-12-01..2020-02-29'), 'the select offers the period in force');
    next = api.compare.nextModel();
    await api.compare.receive({ type: 'setPeriod', period: 'quarter' });
    await next;
    await api.compare.receive({ type: 'setMode', mode: 'levels' });
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
