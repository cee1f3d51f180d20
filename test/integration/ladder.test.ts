import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { parseJournal } from '../../src/core/journal';
import type { OutlineNode } from '../../src/core/rubric/ladderImport/outline';
import { parseRubric } from '../../src/core/rubric/rubric';
import { VsCodePrompts } from '../../src/host/ui/prompts';
import { useExtension, folders, HEADER, readJournal, ScriptedPrompts, setJournal, waitFor } from './helpers';

const LADDER = [
  '# Team Ladder',
  '',
  '| Dimension | Junior | Mid | Senior |',
  '| --- | --- | --- | --- |',
  '| **Shipping** | Ships small fixes, e.g. typos. | Ships features. | Ships projects across teams. |',
  '| **Reliability** | Learns on-call. | Joins on-call. | Leads incident reviews. Improves alerting. |',
  '',
].join('\n');

/** Scripted prompts that also keep what the Ladder Preview showed when the save question was asked. */
class PreviewingPrompts extends ScriptedPrompts {
  shown: OutlineNode[] = [];
  constructor(private readonly roots: () => readonly OutlineNode[], answers: ConstructorParameters<typeof ScriptedPrompts>[0]) {
    super(answers);
  }
  override info(message: string, ...actions: string[]) {
    if (actions.includes('Save Rubric')) this.shown = [...this.roots()];
    return super.info(message);
  }
}

describe('importing a career ladder', () => {
  const api = useExtension();
  const files = () => {
    const { app } = folders();
    return { ladder: vscode.Uri.joinPath(app.uri, 'team-ladder.md'), rubric: vscode.Uri.joinPath(app.uri, '.growth', 'rubrics', 'team-ladder.rubric.yaml') };
  };
  const exists = (uri: vscode.Uri) => vscode.workspace.fs.stat(uri).then(() => true, () => false);

  beforeEach(async () => {
    await vscode.workspace.fs.writeFile(files().ladder, new TextEncoder().encode(LADDER));
    await vscode.workspace.fs.delete(files().rubric).then(undefined, () => undefined);
  });
  after(async () => {
    for (const uri of Object.values(files())) await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
    await setJournal(api(), HEADER);
  });

  it('previews the ladder before writing, saves .growth/rubrics/<id>.rubric.yaml, points the journal at it, and evidence is tagged against it', async () => {
    await setJournal(api(), HEADER);
    const prompts = new PreviewingPrompts(() => api().ladder.preview.roots, { pickLadderFile: [files().ladder], confirm: [true] });
    prompts.infoAnswer = 'Save Rubric';
    api().setPrompts(prompts);
    await vscode.commands.executeCommand('growthJournal.importLadder');
    assert.deepEqual(prompts.errors, []);

    const [rubricNode, levels, group, skipped, guessed] = prompts.shown;
    assert.deepEqual([rubricNode.label, rubricNode.description], ['Team Ladder', '3 levels · 2 dimensions · 7 statements']);
    assert.equal(levels.description, 'Junior · Mid · Senior');
    assert.deepEqual(group.children?.map((d) => [d.label, d.description]), [['Shipping', '3 statements · Junior, Mid, Senior'], ['Reliability', '4 statements · Junior, Mid, Senior']]);
    assert.deepEqual([skipped.label, skipped.description, guessed.label], ['Skipped', 'nothing', 'Guessed']);
    assert.equal(api().ladder.preview.roots.length, 0, 'the preview closes once decided');

    const saved = parseRubric(new TextDecoder().decode(await vscode.workspace.fs.readFile(files().rubric)));
    assert.deepEqual(saved.problems, []);
    assert.equal(saved.rubric?.id, 'team-ladder');
    assert.equal(await readJournal(), HEADER.replace('rubric: product-security', 'rubric: .growth/rubrics/team-ladder.rubric.yaml'), 'only the rubric line changed');
    await waitFor('the store to load the imported rubric', async () => ((await api().services.store.snapshot()).rubric?.id === 'team-ladder' ? true : undefined));

    const tagging = new ScriptedPrompts({ inputTitle: ['Led the outage review'], inputDetails: [''], pickDimensions: [['reliability']], pickLevelAndVisibility: ['senior'] });
    api().setPrompts(tagging);
    await vscode.commands.executeCommand('growthJournal.addNote');
    assert.deepEqual(tagging.errors, []);
    const journal = parseJournal(await readJournal()).journal!;
    assert.deepEqual(journal.entries.map((e) => [e.title, e.dimensions, e.level]), [['Led the outage review', ['reliability'], 'senior']]);
    const snapshot = await api().services.store.snapshot();
    assert.deepEqual(snapshot.problems.filter((p) => p.problem.severity === 'warning').map((p) => p.problem.message), [], 'the entry names a dimension the imported rubric has');
  });

  it('writes nothing when the import is discarded', async () => {
    await setJournal(api(), HEADER);
    const prompts = new ScriptedPrompts({ pickLadderFile: [files().ladder] });
    prompts.infoAnswer = 'Discard';
    api().setPrompts(prompts);
    await vscode.commands.executeCommand('growthJournal.importLadder');
    assert.deepEqual(prompts.errors, []);
    assert.equal(await exists(files().rubric), false);
    assert.equal(await readJournal(), HEADER);
  });

  it('says what it looked for when the file holds no ladder, and writes nothing', async () => {
    await vscode.workspace.fs.writeFile(files().ladder, new TextEncoder().encode('# Notes\n\nJust prose.\n'));
    const prompts = new ScriptedPrompts({ pickLadderFile: [files().ladder] });
    api().setPrompts(prompts);
    await vscode.commands.executeCommand('growthJournal.importLadder');
    assert.equal(prompts.errors.length, 1);
    assert.match(prompts.errors[0], /^team-ladder\.md: Found no ladder\. The importer reads a comparison table/);
    assert.equal(await exists(files().rubric), false);
  });
});

describe('switching rubrics', () => {
  const api = useExtension();
  const rubricUri = () => vscode.Uri.joinPath(folders().app.uri, '.growth', 'rubrics', 'team.rubric.yaml');
  const TEAM = 'id: team\nname: Team Ladder\nversion: 1\nlevels:\n  - { id: junior, name: Junior }\n  - { id: mid, name: Mid }\n  - { id: senior, name: Senior }\ngroups:\n  - id: g\n    name: Craft\n    dimensions:\n      - id: shipping\n        name: "Shipping"\n        expectations:\n          junior: ["Ships small fixes."]\n      - id: reliability\n        name: "Reliability"\n        expectations:\n          senior: ["Leads incident reviews."]\n';
  const JOURNAL = `${HEADER.replace('entries: []\n', 'entries:\n')}  - id: e1 # the first\n    date: 2026-10-02\n    kind: note\n    title: Hardened the token check\n    dimensions: [technical-depth, communication]\n    level: senior\n  - id: e2\n    date: 2026-10-03\n    kind: note\n    title: "Ran the review"\n    dimensions:\n      - communication\n`;

  after(async () => {
    await vscode.workspace.fs.delete(rubricUri()).then(undefined, () => undefined);
    await setJournal(api(), HEADER);
  });

  it('lists the rubrics, maps the ids in one list, shows the plan on one page, writes one change, and Undo gives the journal back byte for byte', async () => {
    await vscode.workspace.fs.writeFile(rubricUri(), new TextEncoder().encode(TEAM));
    await setJournal(api(), JOURNAL);
    let offered: string[] = [];
    let listed: string[] = [];
    type Row = { row?: { m: { id: string } } };
    const prompts = new ScriptedPrompts({
      pick: [
        (_title: string, _hint: string, choices: { label: string; description?: string; value: unknown }[]) => ((offered = choices.map((c) => `${c.label} · ${c.description}`)), choices.find((c) => c.label === 'Team Ladder')!.value),
        // One list holds every id the new rubric lacks; picking one maps it, and the list comes back.
        (title: string, _hint: string, choices: { label: string; value: Row }[]) => ((listed = [title, ...choices.map((c) => c.label)]), choices.find((c) => c.value.row?.m.id === 'technical-depth')!.value),
        (_title: string, _hint: string, choices: { value: { to?: string } }[]) => choices.find((c) => c.value.to === 'shipping')!.value,
        (_title: string, _hint: string, choices: { label: string; value: Row }[]) => choices.find((c) => c.label === 'Review the Switch')!.value,
        (title: string, _hint: string, choices: { label: string; value: string }[]) => (assert.match(title, /Switch the journal to "Team Ladder"/), choices.find((c) => c.label === 'Switch Rubric')!.value),
      ],
    });
    prompts.infoAnswer = 'Undo';
    api().setPrompts(prompts);
    await vscode.commands.executeCommand('growthJournal.switchRubric');
    assert.deepEqual(prompts.errors, []);
    assert.deepEqual(offered, ['Product Security Career Pathway · product-security · in use', 'Team Ladder · .growth/rubrics/team.rubric.yaml']);
    assert.deepEqual(listed, ['Switch to "Team Ladder": 2 ids it lacks', 'Review the Switch', 'Dimension Technical Depth → kept as it is', 'Dimension Communication & Influence → kept as it is']);
    // The plan, on one page, before anything was written.
    assert.equal(prompts.pages.length, 1);
    assert.match(prompts.pages[0].markdown, /^# Switch the journal to Team Ladder\n/);
    assert.match(prompts.pages[0].markdown, /- Dimension Technical Depth \(technical-depth\) → Shipping \(shipping\): 1 use\./);
    assert.match(prompts.pages[0].markdown, /- Communication & Influence \(2 uses\) is not in Team Ladder: kept as it is/);
    assert.match(prompts.infos[0] ?? '', /now uses Team Ladder: 1 id moved\. Every entry is kept, and switching back gives every id back/);
    // Undo (the notification's answer) goes back over the switch: the journal as it was, byte for byte.
    await waitFor('the undo', async () => (await readJournal()) === JOURNAL);
    await waitFor('the notice', () => prompts.infos.some((i) => /uses Product Security Career Pathway again/.test(i)));
  });

  it('Set Current and Target Level offers the ladder first when there are several: Enter keeps the one in use, another is switched to before its levels', async () => {
    await vscode.workspace.fs.writeFile(rubricUri(), new TextEncoder().encode(TEAM));
    await setJournal(api(), HEADER);
    const ladders: string[][] = [];
    const levelsOffered: string[][] = [];
    const ladderThen = (label: string) => (_title: string, _hint: string, choices: { label: string; description?: string; value: unknown }[]) => (ladders.push(choices.map((c) => `${c.label} · ${c.description}`)), choices.find((c) => c.label === label)!.value);
    const level = (id: string) => (rubric: { levels: { id: string }[] }) => (levelsOffered.push(rubric.levels.map((l) => l.id)), id);
    const keep = new ScriptedPrompts({ pick: [ladderThen('Product Security Career Pathway')], pickLevel: [level('senior'), level('senior')] });
    api().setPrompts(keep);
    await vscode.commands.executeCommand('growthJournal.setProfile');
    assert.deepEqual(keep.errors, []);
    assert.deepEqual(ladders[0], ['Product Security Career Pathway · product-security · 3 levels · in use', 'Team Ladder · .growth/rubrics/team.rubric.yaml · 3 levels'], 'the ladder in use first, so Enter keeps it');
    assert.match(await readJournal(), /rubric: product-security\n/);
    assert.match(await readJournal(), /currentLevel: senior # since spring\n/, 'the comment kept');

    const other = new ScriptedPrompts({ pick: [ladderThen('Team Ladder')], pickLevel: [level('mid'), level('senior')] });
    api().setPrompts(other);
    await vscode.commands.executeCommand('growthJournal.setProfile');
    assert.deepEqual(other.errors, []);
    const journal = parseJournal(await readJournal()).journal!;
    assert.equal(journal.rubric, '.growth/rubrics/team.rubric.yaml');
    assert.deepEqual(journal.profile, { currentLevel: 'mid', targetLevel: 'senior' });
    assert.deepEqual(levelsOffered.slice(2), [['junior', 'mid', 'senior'], ['junior', 'mid', 'senior']], "the new ladder's levels");
    await setJournal(api(), HEADER);
  });

  it('shows a switch plan as a read-only Markdown page, rendered', async () => {
    await new VsCodePrompts().showMarkdown('Switch to Team Ladder', '# Switch the journal to Team Ladder\n\n- Dimension a → b: 1 use.\n');
    const tab = await waitFor('the plan page', () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.label.includes('Switch to Team Ladder')));
    assert.ok(tab.input instanceof vscode.TabInputWebview || tab.input instanceof vscode.TabInputText, 'the Markdown preview, or the text where there is none');
    await vscode.window.tabGroups.close(tab);
  });

  it('writes the switch with its record, and a switch back asks nothing and gives every id back', async () => {
    await vscode.workspace.fs.writeFile(rubricUri(), new TextEncoder().encode(TEAM));
    await setJournal(api(), JOURNAL);
    type Row = { row?: { m: { id: string } } };
    const switchTo = (label: string, map: boolean) => new ScriptedPrompts({
      pick: [
        (_title: string, _hint: string, choices: { label: string; value: unknown }[]) => choices.find((c) => c.label === label)!.value,
        ...(map ? [
          (_title: string, _hint: string, choices: { value: Row }[]) => choices.find((c) => c.value.row?.m.id === 'technical-depth')!.value,
          (_title: string, _hint: string, choices: { value: { to?: string } }[]) => choices.find((c) => c.value.to === 'shipping')!.value,
          (_title: string, _hint: string, choices: { label: string; value: Row }[]) => choices.find((c) => c.label === 'Review the Switch')!.value,
        ] : []),
        (_title: string, _hint: string, choices: { label: string; value: string }[]) => choices.find((c) => c.label === 'Switch Rubric')!.value,
      ],
    });
    api().setPrompts(switchTo('Team Ladder', true));
    await vscode.commands.executeCommand('growthJournal.switchRubric');
    const onTeam = await readJournal();
    const today = new Date();
    const date = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
    const record = `rubricHistory:\n  - from: product-security\n    to: .growth/rubrics/team.rubric.yaml\n    date: ${date}\n    dimensions:\n      technical-depth: shipping\n`;
    assert.equal(onTeam, JOURNAL.replace('rubric: product-security', 'rubric: .growth/rubrics/team.rubric.yaml').replace('entries:\n', `${record}entries:\n`).replace('[technical-depth, communication]', '[shipping, communication]'));
    const back = switchTo('Product Security Career Pathway', false);
    api().setPrompts(back);
    await vscode.commands.executeCommand('growthJournal.switchRubric');
    assert.deepEqual(back.errors, []);
    assert.equal(await readJournal(), JOURNAL);
    assert.match(back.pages[0].markdown, /Goes back over the switch of/);
  });
});
