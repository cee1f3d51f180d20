// The rough edges of a new user's first ten minutes (issue 13), each checked where it happens.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as vscode from 'vscode';
import { parseJournal } from '../../src/core/journal';
import { evidenceKindChoices, type DimensionPickOptions } from '../../src/host/ui/prompts';
import { codeActionAt, folders, HEADER, journalUri, readJournal, ScriptedPrompts, setJournal, useExtension, waitFor } from './helpers';

const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();
const RECENT_KEY = 'growthJournal.recentDimensions';
const withEntries = (entries: string) => `${HEADER.replace('entries: []\n', 'entries:\n')}${entries}`;
// The demo journal is written by the test host's builder from the commits it makes; the suite's workspace has them too.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS script of the test host, without types
const demo = require('../host/demo-journal') as { demoJournal(shaOf: (subject: string) => string | undefined): string; SELECTED: { startLine: number; endLine: number } };

describe('the first ten minutes', () => {
  const api = useExtension();

  it('Tag Last Commit names the commit, and for one already tagged adds dimensions to its entry instead of a second entry', async () => {
    await setJournal(api(), HEADER);
    const head = git(folders().app.uri.fsPath, 'rev-parse', 'HEAD');
    const first = new ScriptedPrompts({ pickDimensions: [['technical-depth']], pickLevelAndVisibility: ['senior'] });
    api().setPrompts(first);
    await vscode.commands.executeCommand('growthJournal.tagLastCommit');
    const options = first.asked.find((a) => a.method === 'pickDimensions')!.args[1] as DimensionPickOptions;
    assert.equal(options.subject, `${head.slice(0, 7)} “fix: handle tokens without "sub"”`);

    const again = new ScriptedPrompts({ pick: [true], pickDimensions: [['technical-depth', 'risk-management']] });
    api().setPrompts(again);
    await vscode.commands.executeCommand('growthJournal.tagLastCommit');
    assert.deepEqual(again.errors, []);
    assert.match(String(again.asked.find((a) => a.method === 'pick')!.args[0]), new RegExp(`^${head.slice(0, 7)} .* is already tagged$`));
    const entries = parseJournal(await readJournal()).journal!.entries;
    assert.equal(entries.length, 1, 'no second entry for the same commit');
    assert.deepEqual(entries[0].dimensions, ['technical-depth', 'risk-management']);
    assert.match(again.infos[0], /^Added Risk Management to “fix: handle tokens without "sub"”\.$/);
  });

  it('a dimension chosen in the tree is pinned first and named; with code selected, Selected code comes first', async () => {
    await setJournal(api(), HEADER);
    const prompts = new ScriptedPrompts({ pickEvidenceKind: ['note'], inputTitle: ['Mentored a new hire'], inputDetails: [''], pickDimensions: [undefined] });
    api().setPrompts(prompts);
    await vscode.commands.executeCommand('growthJournal.tagForDimension', 'mentorship');
    const options = prompts.asked.find((a) => a.method === 'pickDimensions')!.args[1] as DimensionPickOptions;
    assert.deepEqual(options.pinned, ['mentorship']);
    assert.equal(prompts.asked[0].args[1], 'Mentorship & Leadership', 'the first question names the dimension');
    assert.equal(prompts.asked[1].args[2], 'Tag Evidence for Mentorship & Leadership');
    assert.deepEqual(options.preselected, []);
    assert.equal(evidenceKindChoices(true)[0].evidence, 'selection');
    assert.equal(evidenceKindChoices(false)[0].evidence, 'lastCommit');
  });

  it('an undone tag is removed and leaves Recently used as it was', async () => {
    const before = withEntries('  - id: keep\n    date: 2026-11-02\n    kind: note\n    title: Keep me\n    dimensions: [collaboration]\n');
    await setJournal(api(), before);
    await api().services.workspaceState.update(RECENT_KEY, ['communication']);
    const prompts = new ScriptedPrompts({ inputTitle: ['Oops'], inputDetails: [''], pickDimensions: [['ownership']], pickLevelAndVisibility: ['mid'] });
    prompts.infoAnswer = 'Undo';
    api().setPrompts(prompts);
    await vscode.commands.executeCommand('growthJournal.addNote');
    await waitFor('the undo', async () => (await readJournal()) === before);
    await waitFor('the notice', () => prompts.infos.includes('Removed “Oops” from the journal.'));
    assert.deepEqual(api().services.workspaceState.get(RECENT_KEY), ['communication']);
  });

  it('Remove offers Undo in its notification, which puts the entry back byte for byte', async () => {
    const text = withEntries('  - id: one # mine\n    date: 2026-11-02\n    kind: note\n    title: "One: quoted"\n    dimensions:\n      - collaboration\n    custom: kept\n  - id: two\n    date: 2026-11-03\n    kind: note\n    title: Two\n    dimensions: [collaboration]\n');
    await setJournal(api(), text);
    const prompts = new ScriptedPrompts({ confirm: [true] });
    prompts.infoAnswer = 'Undo';
    api().setPrompts(prompts);
    await vscode.commands.executeCommand('growthJournal.removeEntry', 'one');
    const detail = String(prompts.asked[0].args[1]);
    assert.doesNotMatch(detail, /in the editor/);
    await waitFor('the undo', async () => (await readJournal()) === text);
    assert.deepEqual(prompts.infos, ['Removed “One: quoted” from the journal.']);
  });

  it('Set Profile offers targets from the current level up, and refuses one below it', async () => {
    await setJournal(api(), HEADER);
    const offered: unknown[] = [];
    api().setPrompts(new ScriptedPrompts({ pickLevel: ['senior', (_r: unknown, o: unknown) => (offered.push(o), 'senior')] }));
    await vscode.commands.executeCommand('growthJournal.setProfile');
    assert.deepEqual((offered[0] as { only: string[] }).only, ['senior']);
    const refused = new ScriptedPrompts({ pickLevel: ['senior', 'associate'] });
    api().setPrompts(refused);
    await setJournal(api(), HEADER);
    await vscode.commands.executeCommand('growthJournal.setProfile');
    assert.equal(await readJournal(), HEADER, 'nothing written');
    assert.deepEqual(refused.errors, ['The target level, Associate/Junior, is below the current level, Senior. Choose a target at or above Senior: coverage counts evidence against the target.']);
  });

  it('a mistyped dimension id has a quick fix with the closest ids', async () => {
    await setJournal(api(), withEntries('  - id: a\n    date: 2026-11-02\n    kind: note\n    title: T\n    dimensions: [collaboration, "technical-dept"]\n'));
    const doc = await vscode.workspace.openTextDocument(journalUri());
    await vscode.window.showTextDocument(doc);
    const diagnostic = await waitFor('the warning', () => vscode.languages.getDiagnostics(journalUri()).find((d) => d.code === 'unknown-dimension'));
    assert.match(diagnostic.message, /Did you mean "technical-depth"\?/);
    const fix = await codeActionAt(journalUri(), diagnostic.range, 'the "technical-depth" quick fix', (a) => a.title === 'Change to "technical-depth"');
    assert.ok(fix.edit);
    assert.ok(fix.isPreferred);
    await vscode.workspace.applyEdit(fix.edit);
    assert.match(doc.getText(), /dimensions: \[collaboration, "technical-depth"\]\n$/);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('every entry of the demo journal opens its commit, its file at its lines, or its note', async function () {
    // Some thirty editors opened one after another: more than one test's usual time.
    this.timeout(300_000);
    const app = folders().app.uri.fsPath;
    const bySubject = new Map(git(app, 'log', '--format=%H%x09%s').split('\n').map((line) => [line.slice(41), line.slice(0, 40)]));
    await setJournal(api(), demo.demoJournal((subject) => bySubject.get(subject)));
    const entries = (await api().services.store.snapshot()).journal!.entries;
    assert.equal(entries.length, 27);
    const prompts = new ScriptedPrompts({});
    api().setPrompts(prompts);
    for (const entry of entries) {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.commands.executeCommand('growthJournal.openEntry', entry.id);
      assert.deepEqual(prompts.errors, [], `${entry.kind} “${entry.title}” opened without an error`);
      if (entry.kind === 'commit') {
        const sha = entry.commit!.sha;
        assert.equal(git(app, 'log', '-1', '--format=%s', sha), entry.commit!.subject, 'the journal cites the real commit');
        const tab = await waitFor('the commit', () => vscode.window.tabGroups.activeTabGroup.activeTab);
        assert.match(tab.label, new RegExp(`^${sha.slice(0, 7)}\\b`), `the commit of “${entry.title}” is shown`);
      } else {
        const editor = await waitFor('an editor', () => vscode.window.activeTextEditor);
        if (entry.kind === 'selection') {
          assert.ok(editor.document.uri.path.endsWith(`/${entry.selection!.file}`), `${editor.document.uri.path} is ${entry.selection!.file}`);
          assert.deepEqual([editor.selection.start.line + 1, editor.selection.end.line + 1], [demo.SELECTED.startLine, demo.SELECTED.endLine]);
          assert.match(editor.document.lineAt(demo.SELECTED.startLine - 1).text, /^export function check/);
          assert.match(entry.selection!.link!, new RegExp(`^https://github.com/acme/app/blob/${entry.selection!.sha}/`));
          assert.equal(git(app, 'cat-file', '-t', `${entry.selection!.sha}:${entry.selection!.file.replace(/^app\//, '')}`), 'blob', 'the file is in the cited commit');
        } else {
          assert.equal(editor.document.uri.toString(), journalUri().toString());
          assert.equal(editor.selection.active.line + 1, entry.line, `the note “${entry.title}” is shown where it is`);
        }
      }
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await setJournal(api(), HEADER);
  });
});
