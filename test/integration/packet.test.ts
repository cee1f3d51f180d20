import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { parseJournal } from '../../src/core/journal';
import type { DimensionPickOptions, LevelAndVisibilityOptions } from '../../src/host/ui/prompts';
import { folders, useExtension, HEADER, readJournal, ScriptedPrompts, setJournal, waitFor } from './helpers';

describe('statements and the promotion packet', () => {
  const api = useExtension();

  it('tagging asks dimensions and statements in one question, in force at the current and target level, marks those cited, and writes fingerprinted refs', async () => {
    await setJournal(api(), HEADER);
    let offered: DimensionPickOptions['statements'];
    let level: LevelAndVisibilityOptions | undefined;
    const first = new ScriptedPrompts({
      inputTitle: ['Balanced the launch risk'],
      inputDetails: [''],
      pickDimensions: [(_r: unknown, o: DimensionPickOptions) => ((offered = o.statements), { dimensions: ['thought-leadership'], statements: ['risk-management/senior/1'] })],
      pickLevelAndVisibility: [(_r: unknown, o: LevelAndVisibilityOptions) => ((level = o), 'senior')],
    });
    api().setPrompts(first);
    await vscode.commands.executeCommand('growthJournal.addNote');
    assert.deepEqual(first.errors, []);
    // HEADER: current Mid, target Senior; Risk Management states something at both.
    assert.deepEqual(offered?.byDimension.get('risk-management')?.map((s) => s.ref), ['risk-management/mid/1', 'risk-management/mid/2', 'risk-management/mid/3', 'risk-management/senior/1', 'risk-management/senior/2', 'risk-management/senior/3']);
    assert.deepEqual([level?.suggested, level?.because], ['senior', 'the level of the statement cited'], 'the level suggested is what the statement cited shows');
    const [entry] = parseJournal(await readJournal()).journal!.entries;
    assert.deepEqual(entry.dimensions, ['thought-leadership', 'risk-management'], 'a statement ticked brings its dimension');
    assert.equal(entry.statements?.length, 1);
    assert.match(entry.statements![0], /^risk-management\/senior\/1@[0-9a-f]{6}$/);

    const second = new ScriptedPrompts({ inputTitle: ['Again'], inputDetails: [''], pickDimensions: [(_r: unknown, o: DimensionPickOptions) => ((offered = o.statements), ['risk-management'])], pickLevelAndVisibility: [(_r: unknown, o: LevelAndVisibilityOptions) => ((level = o), 'mid')] });
    api().setPrompts(second);
    await vscode.commands.executeCommand('growthJournal.addNote');
    assert.equal(offered?.cited.get('risk-management/senior/1'), 1, 'the statement already cited is marked');
    assert.deepEqual([level?.suggested, level?.because], ['mid', 'your current level'], 'with no statement cited, the current level: never the target by default');
    assert.equal(parseJournal(await readJournal()).journal!.entries[1].statements, undefined, 'none ticked cites nothing');
  });

  it('the tree shows each statement under its level with its evidence count, expandable to the entries', async () => {
    const tree = api().tree;
    const statements = await waitFor('the cited statement in the tree', async () => {
      const groups = await tree.getChildren();
      const dims = await tree.getChildren(groups.find((g) => g.kind === 'group' && g.view.group.id === 'core'));
      const risk = dims.find((d) => d.kind === 'dimension' && d.view.dimension.id === 'risk-management');
      const [expectations] = await tree.getChildren(risk);
      const senior = (await tree.getChildren(expectations)).find((l) => l.kind === 'level' && l.levelId === 'senior');
      const list = await tree.getChildren(senior);
      return list[0]?.kind === 'statement' && list[0].cited.length === 1 ? list : undefined;
    });
    assert.equal(tree.getTreeItem(statements[0]).description, '1');
    assert.equal(tree.getTreeItem(statements[1]).description, '');
    const [cited] = await tree.getChildren(statements[0]);
    assert.equal(cited.kind === 'entry' && cited.entry.title, 'Balanced the launch risk');
  });

  it('Build Promotion Packet… shows the packet beside the editor, script-free, with the evidence under its statement', async () => {
    const prompts = new ScriptedPrompts({});
    api().setPrompts(prompts);
    await vscode.commands.executeCommand('growthJournal.buildPacket', { level: 'senior', period: 'all', includePrivate: false });
    assert.deepEqual(prompts.errors, []);
    const html = api().packet.lastHtml();
    assert.ok(html, 'a packet was shown');
    assert.match(html, /Content-Security-Policy" content="default-src 'none'; style-src 'nonce-[^']+'; img-src data:"/);
    assert.doesNotMatch(html, /<script/);
    assert.match(html, /<section class="statement covered" id="risk-management\/senior\/1">\n<h4>Balances security and business needs expertly\.<\/h4>\n<ul class="evidence"><li id="entry-[^"]+"><strong>\d{4}-\d{2}-\d{2}<\/strong>: Balanced the launch risk/);
    assert.match(html, /<h2>Statements without evidence yet<\/h2>/, 'the gaps once, at the end');
    assert.doesNotMatch(html, /No evidence yet/);
    assert.match(prompts.infos.at(-1) ?? '', /open beside the editor/);
    await waitFor('the packet tab', () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.label.startsWith('Promotion Packet: Senior')));
  });

  it('Save… defaults to .growth/packets/, made with a .gitignore that keeps packets out of git, and offers Open and Reveal', async () => {
    const packets = vscode.Uri.joinPath(folders().app.uri, '.growth', 'packets');
    await vscode.workspace.fs.delete(packets, { recursive: true }).then(undefined, () => undefined);
    let offered: vscode.Uri | undefined;
    const prompts = new ScriptedPrompts({ pickSaveFile: [(o: { defaultUri: vscode.Uri }) => ((offered = o.defaultUri), o.defaultUri)] });
    prompts.infoAnswer = 'Save…';
    api().setPrompts(prompts);
    await vscode.commands.executeCommand('growthJournal.buildPacket', { level: 'senior', period: 'all', includePrivate: false });
    assert.deepEqual(prompts.errors, []);
    assert.equal(offered?.toString(), vscode.Uri.joinPath(packets, 'promotion-packet-senior.html').toString());
    const read = async (uri: vscode.Uri) => new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    assert.match(await read(offered!), /^<!DOCTYPE html>[\s\S]*Balanced the launch risk/);
    assert.match(await read(vscode.Uri.joinPath(packets, '.gitignore')), /^\*$/m);
    assert.match(prompts.infos.at(-1) ?? '', /^Saved (?:\S+\/)?\.growth\/packets\/promotion-packet-senior\.html\./);
    // A .gitignore the user deleted stays deleted: it is made only with the folder.
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(packets, '.gitignore'));
    const again = new ScriptedPrompts({ pickSaveFile: [(o: { defaultUri: vscode.Uri }) => o.defaultUri] });
    again.infoAnswer = 'Save…';
    api().setPrompts(again);
    await vscode.commands.executeCommand('growthJournal.buildPacket', { level: 'senior', period: 'all', includePrivate: false });
    await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(vscode.Uri.joinPath(packets, '.gitignore'))));
    await vscode.workspace.fs.delete(packets, { recursive: true });
  });

  it('the packet command says what to do for a period it cannot read', async () => {
    const prompts = new ScriptedPrompts({});
    api().setPrompts(prompts);
    await vscode.commands.executeCommand('growthJournal.buildPacket', { level: 'senior', period: 'next spring' });
    assert.match(prompts.errors[0] ?? '', /"next spring" is not a period: write a quarter/);
  });
});
