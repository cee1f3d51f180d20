import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { parseJournal } from '../../src/core/journal';
import type { OutlineNode } from '../../src/core/rubric/ladderImport/outline';
import { parseRubric } from '../../src/core/rubric/rubric';
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
    assert.equal(await readJournal(), HEADER.replace('rubric: product-security', 'rubric: ".growth/rubrics/team-ladder.rubric.yaml"'), 'only the rubric line changed');
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

  it('lists bundled and workspace rubrics, maps old ids to new in one change, keeps every entry and says what it kept', async () => {
    await vscode.workspace.fs.writeFile(rubricUri(), new TextEncoder().encode(TEAM));
    await setJournal(api(), JOURNAL);
    let offered: string[] = [];
    const mapped: string[] = [];
    const prompts = new ScriptedPrompts({
      pick: [
        (_title: string, _hint: string, choices: { label: string; description?: string; value: unknown }[]) => ((offered = choices.map((c) => `${c.label} · ${c.description}`)), choices.find((c) => c.label === 'Team Ladder')!.value),
        (title: string, _hint: string, choices: { label: string; value: { to?: string } }[]) => (mapped.push(title), choices.find((c) => c.value.to === 'shipping')!.value),
        (title: string, _hint: string, choices: { label: string; value: { to?: string } }[]) => (mapped.push(title), choices.find((c) => c.value.to === undefined)!.value),
      ],
      confirm: [(message: string, detail: string) => (assert.match(message, /Switch the journal to "Team Ladder"/), assert.match(detail, /Every entry \(2\) is kept\.\nDimension technical-depth → shipping\nKept as it is, not in Team Ladder: communication \(2 uses\)/), true)],
    });
    api().setPrompts(prompts);
    await vscode.commands.executeCommand('growthJournal.switchRubric');
    assert.deepEqual(prompts.errors, []);
    assert.deepEqual(offered, ['Product Security Career Pathway · product-security · in use', 'Team Ladder · .growth/rubrics/team.rubric.yaml']);
    assert.deepEqual(mapped, ['Map dimension "Technical Depth" (1 use) — 1 of 2', 'Map dimension "Communication & Influence" (2 uses) — 2 of 2']);
    const expected = JOURNAL.replace('rubric: product-security', 'rubric: ".growth/rubrics/team.rubric.yaml"').replace('[technical-depth, communication]', '[shipping, communication]');
    assert.equal(await readJournal(), expected, 'only the rubric and the mapped id changed; comments and quotes stay');
    assert.match(prompts.infos.at(-1) ?? '', /now uses Team Ladder: 1 id mapped, 1 kept as they were/);
  });
});
