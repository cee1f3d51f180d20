import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as vscode from 'vscode';
import { parseJournal } from '../../src/core/journal';
import { linesContent, textLines } from '../../src/core/text/anchor';
import type { Commit, Repo } from '../../src/host/git/repos';
import type { CommitChoice, LevelAndVisibilityOptions } from '../../src/host/ui/prompts';
import { useExtension, folders, HEADER, journalUri, questionsAsked, readJournal, ScriptedPrompts, setJournal, waitFor } from './helpers';

const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();

function entriesOf(text: string) {
  const parse = parseJournal(text);
  assert.ok(parse.journal, JSON.stringify(parse.problems));
  return parse.journal.entries;
}

describe('tagging evidence', () => {
  const api = useExtension();

  it('Tag Last Commit starts a journal with a commented header and writes the commit entry, in three questions with no repository asked', async () => {
    await setJournal(api(), undefined);
    const prompts = new ScriptedPrompts({ pickDimensions: [['technical-depth']], pickLevelAndVisibility: ['senior'] });
    api().setPrompts(prompts);
    await vscode.commands.executeCommand('growthJournal.tagLastCommit');
    assert.deepEqual(prompts.errors, []);
    // Two repositories, no editor open: app was committed to last, so it is not asked.
    assert.deepEqual(questionsAsked(prompts), ['inputAchievement', 'pickDimensions', 'pickLevelAndVisibility']);
    const level = prompts.asked[2].args[1] as LevelAndVisibilityOptions;
    assert.deepEqual([level.suggested, level.because], ['associate', 'the first level: no current level is set'], 'never the target by default');
    const text = await readJournal();
    assert.ok(text.startsWith('# Growth journal'), 'a commented header explains the file');
    const { app } = folders();
    const head = git(app.uri.fsPath, 'rev-parse', 'HEAD');
    // Other suites may have committed since the fixture was made: the subject is whatever HEAD's is.
    const subject = git(app.uri.fsPath, 'log', '-1', '--format=%s');
    const [entry] = entriesOf(text);
    assert.equal(entry.kind, 'commit');
    assert.equal(entry.title, subject);
    assert.equal(entry.note, undefined, 'Enter skips what it achieved');
    assert.deepEqual(entry.commit, { sha: head, repo: 'git@github.com:acme/app.git', subject });
    assert.deepEqual(entry.dimensions, ['technical-depth']);
    assert.equal(entry.level, 'senior');
    assert.equal(entry.id, `ev-${entry.date.replace(/-/g, '')}-${head.slice(0, 6)}`);
    assert.ok(prompts.infos[0].startsWith(`Tagged “${subject}” as Senior evidence for Technical Depth`), prompts.infos[0]);
    assert.equal(prompts.doneCount, 1, 'the command says once that its questions are over');
  });

  it('Tag Last Commit asks what it achieved: the answer is the entry\'s note, the title may be changed from the subject, which the commit keeps', async () => {
    await setJournal(api(), HEADER);
    const subject = git(folders().app.uri.fsPath, 'log', '-1', '--format=%s');
    const prompts = new ScriptedPrompts({
      inputAchievement: [(_s: string, title: string) => ({ title: `Tokens without "sub" rejected (was: ${title})`, note: 'No token without a subject reaches the session: closes the audit finding.' })],
      pickDimensions: [['risk-management']],
      pickLevelAndVisibility: [(_r: unknown, o: LevelAndVisibilityOptions) => o.suggested],
    });
    api().setPrompts(prompts);
    await vscode.commands.executeCommand('growthJournal.tagLastCommit');
    assert.deepEqual(prompts.errors, []);
    const [entry] = entriesOf(await readJournal());
    assert.equal(entry.title, `Tokens without "sub" rejected (was: ${subject})`);
    assert.equal(entry.note, 'No token without a subject reaches the session: closes the audit finding.');
    assert.equal(entry.commit?.subject, subject);
    assert.equal(entry.level, 'mid', 'Enter on the level takes the current level');
  });

  it('capture stays within its budget: Tag Selection three questions, Add Note four; the active editor names the repository', async () => {
    await setJournal(api(), HEADER);
    const { app, lib } = folders();
    const selection = new ScriptedPrompts({ inputTitle: ['Allow-list check'], pickDimensions: [['technical-depth']], pickLevelAndVisibility: ['mid'] });
    api().setPrompts(selection);
    const editor = await vscode.window.showTextDocument(vscode.Uri.joinPath(app.uri, 'src', 'auth.ts'));
    editor.selection = new vscode.Selection(1, 0, 3, 0);
    await vscode.commands.executeCommand('growthJournal.tagSelection');
    assert.deepEqual(questionsAsked(selection), ['inputTitle', 'pickDimensions', 'pickLevelAndVisibility']);

    const note = new ScriptedPrompts({ inputTitle: ['Ran the review'], inputDetails: [''], pickDimensions: [['communication']], pickLevelAndVisibility: ['mid'] });
    api().setPrompts(note);
    await vscode.commands.executeCommand('growthJournal.addNote');
    assert.deepEqual(questionsAsked(note), ['inputTitle', 'inputDetails', 'pickDimensions', 'pickLevelAndVisibility']);

    // lib was not committed to last, but its file is in the editor: that names the repository.
    await vscode.window.showTextDocument(vscode.Uri.joinPath(lib.uri, 'index.ts'));
    const last = new ScriptedPrompts({ pickDimensions: [['collaboration']], pickLevelAndVisibility: ['mid'] });
    api().setPrompts(last);
    await vscode.commands.executeCommand('growthJournal.tagLastCommit');
    assert.deepEqual(last.errors, []);
    assert.deepEqual(questionsAsked(last), ['inputAchievement', 'pickDimensions', 'pickLevelAndVisibility']);
    assert.equal(entriesOf(await readJournal()).at(-1)?.commit?.sha, git(lib.uri.fsPath, 'rev-parse', 'HEAD'));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('Tag Evidence for This Statement, from the tree or the matrix, names the statement and asks neither dimension nor statement', async () => {
    await setJournal(api(), HEADER);
    const statementNode = { kind: 'statement', dimension: { id: 'risk-management' }, levelId: 'senior', index: 1 };
    for (const [from, run] of [
      ['tree', () => vscode.commands.executeCommand('growthJournal.tagForStatement', statementNode)],
      ['matrix', async () => {
        await vscode.commands.executeCommand('growthJournal.compareLevels');
        await api().compare.receive({ type: 'tagStatement', ref: 'risk-management/senior/2' });
      }],
    ] as const) {
      const prompts = new ScriptedPrompts({ pickEvidenceKind: ['note'], inputTitle: [`Risk review (${from})`], inputDetails: [''], pickLevelAndVisibility: [(_r: unknown, o: LevelAndVisibilityOptions) => ({ level: o.suggested, private: false })] });
      api().setPrompts(prompts);
      await run();
      assert.deepEqual(prompts.errors, [], from);
      assert.deepEqual(questionsAsked(prompts), ['pickEvidenceKind', 'inputTitle', 'inputDetails', 'pickLevelAndVisibility'], from);
      assert.match(String(prompts.asked[0].args[1]), /^“.+”$/, 'the first question names the statement');
      assert.match(String(prompts.asked[1].args[2]), /^Tag Evidence for “/);
      assert.deepEqual((prompts.asked[3].args[1] as LevelAndVisibilityOptions).only, ['senior'], 'the level is the statement\'s');
      const entry = entriesOf(await readJournal()).find((e) => e.title === `Risk review (${from})`);
      assert.deepEqual(entry?.dimensions, ['risk-management']);
      assert.equal(entry?.level, 'senior');
      assert.match(entry?.statements?.[0] ?? '', /^risk-management\/senior\/2@[0-9a-f]{6}$/);
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('a tagging command cancelled or failing part-way writes nothing and still says its questions are over', async () => {
    await setJournal(api(), HEADER);
    for (const dimensions of [undefined, []]) {
      const prompts = new ScriptedPrompts({ pickDimensions: [dimensions] });
      api().setPrompts(prompts);
      await vscode.commands.executeCommand('growthJournal.tagLastCommit');
      assert.deepEqual(prompts.errors, dimensions ? ['Pick at least one dimension: evidence counts toward the dimensions it is tagged with.'] : []);
      assert.equal(await readJournal(), HEADER);
      assert.equal(prompts.doneCount, 1);
    }
  });

  it('Tag Commit: subjects with quotes, colons, #, ---, emoji and unicode round-trip exactly; trailers preselect dimensions', async () => {
    await setJournal(api(), HEADER);
    let offered: CommitChoice[] = [];
    const prompts = new ScriptedPrompts({
      pickRepository: [(repos: Repo[]) => repos.find((r) => r.name === 'app')],
      pickCommits: [(choices: CommitChoice[]) => ((offered = choices), choices.map((c) => c.commit))],
      pickDimensions: [['incident-response']],
      pickLevelAndVisibility: [{ level: 'mid', private: true }],
    });
    api().setPrompts(prompts);
    await vscode.commands.executeCommand('growthJournal.tagCommit');
    assert.deepEqual(prompts.errors, []);
    const subjects = git(folders().app.uri.fsPath, 'log', '--format=%s').split('\n');
    assert.deepEqual(offered.map((c) => c.commit.subject), subjects);
    const dims = prompts.asked.find((a) => a.method === 'pickDimensions')!.args[1] as { preselected: string[] };
    assert.deepEqual([...dims.preselected].sort(), ['incident-response', 'risk-management', 'technical-depth']);
    const text = await readJournal();
    assert.ok(text.startsWith(HEADER.replace('entries: []\n', 'entries:')), 'the header, comments and quoting are kept');
    const entries = entriesOf(text);
    assert.deepEqual(entries.map((e) => e.commit?.subject), subjects);
    assert.deepEqual(entries.map((e) => e.title), subjects);
    assert.ok(entries.every((e) => e.private === true && e.level === 'mid'));
    // The next pick marks them as already tagged.
    const again = new ScriptedPrompts({ pickRepository: [(repos: Repo[]) => repos[0]], pickCommits: [(choices: CommitChoice[]) => ((offered = choices), undefined)] });
    api().setPrompts(again);
    await vscode.commands.executeCommand('growthJournal.tagCommit');
    assert.ok(offered.every((c) => c.tagged));
  });

  it('Tag Commit asks which repository in a multi-root workspace and records that repository', async () => {
    await setJournal(api(), HEADER);
    let repoNames: string[] = [];
    const prompts = new ScriptedPrompts({
      pickRepository: [(repos: Repo[]) => ((repoNames = repos.map((r) => r.name)), repos.find((r) => r.name === 'lib'))],
      pickCommits: [(choices: CommitChoice[]): Commit[] => [choices[0].commit]],
      pickDimensions: [['collaboration']],
      pickLevelAndVisibility: ['mid'],
    });
    api().setPrompts(prompts);
    await vscode.commands.executeCommand('growthJournal.tagCommit');
    assert.deepEqual(repoNames, ['app', 'lib']);
    const [entry] = entriesOf(await readJournal());
    assert.deepEqual(entry.commit, { sha: git(folders().lib.uri.fsPath, 'rev-parse', 'HEAD'), repo: 'https://gitlab.com/acme/lib.git', subject: 'feat: the answer' });
    assert.ok(vscode.workspace.getWorkspaceFolder(journalUri())?.name === 'app', 'the journal lives in the first folder');
  });

  it('Tag Selection records the file, lines, their content, HEAD sha and a permalink', async () => {
    await setJournal(api(), HEADER);
    const { app } = folders();
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(app.uri, 'src', 'auth.ts'));
    const editor = await vscode.window.showTextDocument(doc);
    editor.selection = new vscode.Selection(9, 0, 15, 0);
    const prompts = new ScriptedPrompts({ inputTitle: [(_p: string, value: string) => `${value}: allow-list check`], pickDimensions: [['technical-depth', 'risk-management']], pickLevelAndVisibility: ['senior'] });
    api().setPrompts(prompts);
    await vscode.commands.executeCommand('growthJournal.tagSelection');
    assert.deepEqual(prompts.errors, []);
    const head = git(app.uri.fsPath, 'rev-parse', 'HEAD');
    const [entry] = entriesOf(await readJournal());
    assert.equal(entry.title, 'auth.ts, lines 10-15: allow-list check');
    assert.deepEqual(entry.selection, { file: 'app/src/auth.ts', startLine: 10, endLine: 15, sha: head, link: `https://github.com/acme/app/blob/${head}/src/auth.ts#L10-L15`, ...linesContent(textLines(doc.getText()), 9, 14) });
  });

  it('Add Note writes the title and details', async () => {
    await setJournal(api(), HEADER);
    const prompts = new ScriptedPrompts({ inputTitle: ['Ran the threat-model review: "payments" #2 --- 🚀'], inputDetails: ['Three teams; six follow-ups.'], pickDimensions: [['communication']], pickLevelAndVisibility: ['senior'] });
    api().setPrompts(prompts);
    await vscode.commands.executeCommand('growthJournal.addNote');
    const [entry] = entriesOf(await readJournal());
    assert.equal(entry.kind, 'note');
    assert.equal(entry.title, 'Ran the threat-model review: "payments" #2 --- 🚀');
    assert.equal(entry.note, 'Three teams; six follow-ups.');
  });

  it('an open journal with unsaved edits gets the entry in the editor, and the unsaved text survives unsaved', async () => {
    await setJournal(api(), HEADER);
    const doc = await vscode.workspace.openTextDocument(journalUri());
    // VS Code may hand back the document an earlier test had open, until its file watcher reports the new text.
    await waitFor('the document to hold the journal on disk', () => doc.getText() === HEADER || undefined);
    const editor = await vscode.window.showTextDocument(doc);
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), '# unsaved thought\n'));
    assert.ok(doc.isDirty);
    api().setPrompts(new ScriptedPrompts({ inputTitle: ['Paired on the incident'], inputDetails: [''], pickDimensions: [['collaboration']], pickLevelAndVisibility: ['mid'] }));
    await vscode.commands.executeCommand('growthJournal.addNote');
    assert.ok(doc.isDirty, 'the user decides when to save');
    assert.ok(doc.getText().startsWith('# unsaved thought\n# my journal'));
    assert.equal(entriesOf(doc.getText())[0].title, 'Paired on the incident');
    assert.equal(await readJournal(), HEADER, 'nothing was saved for the user');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('a journal that does not parse is left byte for byte, and the error names its line and column', async () => {
    const broken = `${HEADER.replace('entries: []\n', 'entries:\n')}  - id: a\n    title: "unterminated\n`;
    await setJournal(api(), broken);
    const prompts = new ScriptedPrompts({ inputTitle: ['x'], inputDetails: [''], pickDimensions: [['collaboration']], pickLevelAndVisibility: ['mid'] });
    api().setPrompts(prompts);
    await vscode.commands.executeCommand('growthJournal.addNote');
    assert.equal(await readJournal(), broken);
    assert.equal(prompts.errors.length, 1);
    assert.match(prompts.errors[0], /The journal has an error at line \d+, column \d+: .*Fix it first/);
    assert.equal(prompts.asked.length, 0, 'it says so before asking anything');
    const diagnostics = vscode.languages.getDiagnostics(journalUri());
    assert.ok(diagnostics.some((d) => d.severity === vscode.DiagnosticSeverity.Error));
  });

  it('an unknown dimension id shows a warning in the Problems panel at its place', async () => {
    await setJournal(api(), `${HEADER.replace('entries: []\n', 'entries:\n')}  - id: a\n    date: 2026-11-02\n    kind: note\n    title: T\n    dimensions: [wizardry]\n`);
    const diagnostics = await waitFor('a diagnostic', () => {
      const found = vscode.languages.getDiagnostics(journalUri()).filter((d) => /wizardry/.test(d.message));
      return found.length ? found : undefined;
    });
    assert.equal(diagnostics[0].severity, vscode.DiagnosticSeverity.Warning);
    assert.deepEqual([diagnostics[0].range.start.line, diagnostics[0].range.start.character], [11, 17]);
  });

  it('Undo removes exactly the new entry', async () => {
    const before = `${HEADER.replace('entries: []\n', 'entries:\n')}  - id: keep\n    date: 2026-11-02\n    kind: note\n    title: Keep me # not a comment\n    dimensions: [collaboration]\n`;
    await setJournal(api(), before);
    const prompts = new ScriptedPrompts({ inputTitle: ['Oops'], inputDetails: [''], pickDimensions: [['collaboration']], pickLevelAndVisibility: ['mid'] });
    prompts.infoAnswer = 'Undo';
    api().setPrompts(prompts);
    await vscode.commands.executeCommand('growthJournal.addNote');
    await waitFor('the undo', async () => (await readJournal()) === before);
  });

  it('Remove from Journal asks first and removes only that entry', async () => {
    const text = `${HEADER.replace('entries: []\n', 'entries:\n')}  - id: one\n    date: 2026-11-02\n    kind: note\n    title: One\n    dimensions: [collaboration]\n  # between\n  - id: two\n    date: 2026-11-03\n    kind: note\n    title: Two\n    dimensions: [collaboration]\n`;
    await setJournal(api(), text);
    api().setPrompts(new ScriptedPrompts({ confirm: [false, true] }));
    await vscode.commands.executeCommand('growthJournal.removeEntry', 'one');
    assert.equal(await readJournal(), text, 'declined: nothing changes');
    await vscode.commands.executeCommand('growthJournal.removeEntry', 'one');
    assert.equal(await readJournal(), text.replace('  - id: one\n    date: 2026-11-02\n    kind: note\n    title: One\n    dimensions: [collaboration]\n', ''));
  });

  it('Set Current and Target Level writes the profile and keeps its comments', async () => {
    await setJournal(api(), HEADER);
    api().setPrompts(new ScriptedPrompts({ pickLevel: ['senior', 'senior'] }));
    await vscode.commands.executeCommand('growthJournal.setProfile');
    assert.equal(await readJournal(), HEADER.replace('currentLevel: mid # since spring', 'currentLevel: senior # since spring'));
  });
});
