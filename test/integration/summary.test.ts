import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as vscode from 'vscode';
import { main } from '../../src/cli/index';
import { localIsoDate } from '../../src/core/time/dates';
import { parseJournal } from '../../src/core/journal';
import { quarterLabel, quarterOfDate } from '../../src/core/time/quarters';
import type { Choice } from '../../src/host/ui/prompts';
import { useExtension, folders, gitExtensionAtHead, HEADER, readJournal, ScriptedPrompts, setJournal, settingIs, waitFor } from './helpers';

const today = localIsoDate(new Date());
const quarter = quarterLabel(quarterOfDate(today));
const JOURNAL = `${HEADER.replace('entries: []\n', 'entries:\n')}  - id: one
    date: ${today}
    kind: note
    title: Led the threat-model review for <checkout> & payments
    dimensions: [communication, risk-management]
    level: senior
    note: Three teams, six follow-ups.
  - id: secret
    date: ${today}
    kind: note
    title: Notes for my promotion case
    dimensions: [business-acumen]
    private: true
`;

async function read(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

describe('quarterly summaries', () => {
  const api = useExtension();

  it('writes .growth/summaries/<quarter>.md, identical to the CLI, private entries left out, and opens the preview', async () => {
    await setJournal(api(), JOURNAL);
    const summaries = vscode.Uri.joinPath(folders().app.uri, '.growth', 'summaries');
    await vscode.workspace.fs.delete(summaries, { recursive: true }).then(undefined, () => undefined);
    let offered: Choice<unknown>[] = [];
    api().setPrompts(new ScriptedPrompts({ pick: [(_t: string, _p: string, choices: Choice<unknown>[]) => ((offered = choices), choices[0].value), false] }));
    await vscode.commands.executeCommand('growthJournal.generateSummary');
    assert.equal(offered[0].label, quarter, 'the current quarter comes first');
    const file = vscode.Uri.joinPath(summaries, `${quarter}.md`);
    const written = await read(file);
    assert.match(written, /Led the threat-model review for \\<checkout\\> & payments/);
    assert.doesNotMatch(written, /promotion case/);
    assert.match(written, /1 private entry left out/);
    let cli = '';
    const code = await main(['summary', '--quarter', quarter], { cwd: folders().app.uri.fsPath, out: (t) => (cli += t), err: () => undefined, packageRoot: vscode.extensions.getExtension('growth-journal.growth-journal')!.extensionPath, today: new Date() });
    assert.equal(code, 0);
    assert.equal(cli, written, 'the CLI prints the same bytes');
    await waitFor('the Markdown preview', () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => /Preview/.test(t.label)));
  });

  it('asks before replacing a summary the user edited, and can keep it by writing a new file', async () => {
    await setJournal(api(), JOURNAL);
    const summaries = vscode.Uri.joinPath(folders().app.uri, '.growth', 'summaries');
    const file = vscode.Uri.joinPath(summaries, `${quarter}.md`);
    const edited = `${await read(file)}\nMy own closing words.\n`;
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(edited));
    const prompts = new ScriptedPrompts({ pick: [quarterChoice, false, (_t: string, _p: string, choices: Choice<vscode.Uri>[]) => choices[0].value] });
    api().setPrompts(prompts);
    await vscode.commands.executeCommand('growthJournal.generateSummary');
    assert.equal(await read(file), edited, 'the edited summary is untouched');
    assert.match(await read(vscode.Uri.joinPath(summaries, `${quarter} (2).md`)), /Growth summary/);
  });

  it('Copy Summary puts the summary on the clipboard, with private entries when asked', async () => {
    await setJournal(api(), JOURNAL);
    api().setPrompts(new ScriptedPrompts({ pick: [quarterChoice, true] }));
    await vscode.commands.executeCommand('growthJournal.copySummary');
    const copied = await vscode.env.clipboard.readText();
    assert.match(copied, /Notes for my promotion case/);
    // Plain text for a review tool: no Markdown and no escapes.
    assert.match(copied, /Led the threat-model review for <checkout> & payments \(Senior\)/);
    assert.doesNotMatch(copied, /\\|\*\*|^#/m);
  });
});

function quarterChoice(_t: string, _p: string, choices: Choice<unknown>[]): unknown {
  return choices.find((c) => c.label === quarter)!.value;
}

/** The fixture's commits with trailers, as import records them: subject, dimensions, level. */
const FIXTURE_TRAILERS = [
  ['feat(auth): validate "alg" against an allow-list', ['technical-depth', 'risk-management'], 'senior'],
  ['chore: post-mortem notes 🚒', ['incident-response'], undefined],
];

async function imported() {
  return parseJournal(await readJournal()).journal!.entries.map((e) => [e.commit?.subject, e.dimensions, e.level]);
}

describe('commit trailers', () => {
  const api = useExtension();
  // These tests commit in the workspace's repository: each leaves it at the HEAD it found, so
  // other suites see the fixture's history whatever order they run in.
  let startHead = '';
  before(() => {
    startHead = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: folders().app.uri.fsPath, encoding: 'utf8' }).trim();
  });
  afterEach(async () => {
    await vscode.workspace.getConfiguration('growthJournal').update('importTrailersOnCommit', undefined, vscode.ConfigurationTarget.Workspace);
    execFileSync('git', ['reset', '-q', '--hard', startHead], { cwd: folders().app.uri.fsPath });
    // Tagging reads HEAD through the Git extension: it must have seen the reset before the next test.
    await gitExtensionAtHead(folders().app.uri.fsPath);
  });

  it('imports one entry per commit with a Growth-Evidence trailer, and no duplicates on a second run', async () => {
    await setJournal(api(), HEADER);
    const prompts = new ScriptedPrompts({});
    api().setPrompts(prompts);
    await vscode.commands.executeCommand('growthJournal.importTrailers');
    assert.deepEqual(await imported(), FIXTURE_TRAILERS);
    assert.match(prompts.infos[0], /Imported 2 entries/);
    await vscode.commands.executeCommand('growthJournal.importTrailers');
    assert.equal(parseJournal(await readJournal()).journal!.entries.length, 2);
    assert.match(prompts.infos[1], /No new Growth-Evidence trailers.*2 already in the journal/);
  });

  it("imports only the user's own commits and only ids the rubric has, and says what it left out", async () => {
    await setJournal(api(), HEADER);
    const cwd = folders().lib.uri.fsPath;
    const git = (env: Record<string, string>, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, ...env } }).trim();
    const before = git({}, 'rev-parse', 'HEAD');
    const mallory = { GIT_AUTHOR_NAME: 'Mallory', GIT_AUTHOR_EMAIL: 'mallory@example.com' };
    const dana = { GIT_AUTHOR_NAME: 'Dana', GIT_AUTHOR_EMAIL: 'Dana@Example.com' };
    try {
      git(mallory, 'commit', '--allow-empty', '-q', '-m', 'feat: not mine\n\nGrowth-Evidence: technical-depth');
      git(dana, 'commit', '--allow-empty', '-q', '-m', 'feat: mine, one id misspelt\n\nGrowth-Evidence: technical-depth, wizardry\nGrowth-Level: archmage');
      git(dana, 'commit', '--allow-empty', '-q', '-m', 'feat: mine, no id the rubric has\n\nGrowth-Evidence: sorcery');
      const prompts = new ScriptedPrompts({});
      api().setPrompts(prompts);
      await vscode.commands.executeCommand('growthJournal.importTrailers');
      assert.deepEqual(await imported(), [...FIXTURE_TRAILERS, ['feat: mine, one id misspelt', ['technical-depth'], undefined]]);
      assert.equal(prompts.warnings.length, 1, prompts.infos.join('\n'));
      assert.match(prompts.warnings[0], /^Imported 3 entries from Growth-Evidence trailers\. Skipped 1 commit by other authors: .*growthJournal\.trailerAuthors setting\. Left out ids that Product Security Career Pathway does not have: "sorcery", "wizardry", "archmage"; 1 commit with no id it knows was skipped\./);
    } finally {
      git({}, 'reset', '-q', '--hard', before);
      await gitExtensionAtHead(cwd);
    }
  });

  it('with importTrailersOnCommit on, a real commit with a trailer lands in the journal by itself', async () => {
    await setJournal(api(), HEADER);
    api().setPrompts(new ScriptedPrompts({}));
    await vscode.workspace.getConfiguration('growthJournal').update('importTrailersOnCommit', true, vscode.ConfigurationTarget.Workspace);
    const cwd = folders().app.uri.fsPath;
    const head = () => execFileSync('git', ['rev-parse', 'HEAD'], { cwd, encoding: 'utf8' }).trim();
    await settingIs('importTrailersOnCommit', true);
    await gitExtensionAtHead(cwd);
    execFileSync('git', ['commit', '--allow-empty', '-q', '-m', 'feat: mentoring notes\n\nGrowth-Evidence: mentorship\nGrowth-Level: mid'], { cwd });
    const sha = head();
    const entry = await waitFor('the auto-imported entry', async () => parseJournal(await readJournal()).journal?.entries.find((e) => e.commit?.sha === sha), 30_000);
    assert.deepEqual([entry.dimensions, entry.level], [['mentorship'], 'mid']);
  });

  it('with askAfterCommit on, a commit gets one "Tag this commit?" question, and "Don\'t Ask Again" turns it off', async () => {
    await setJournal(api(), HEADER);
    const prompts = new ScriptedPrompts({});
    prompts.infoAnswer = "Don't Ask Again";
    api().setPrompts(prompts);
    const config = () => vscode.workspace.getConfiguration('growthJournal');
    await config().update('askAfterCommit', true, vscode.ConfigurationTarget.Global);
    try {
      await settingIs('askAfterCommit', true);
      await gitExtensionAtHead(folders().app.uri.fsPath);
      execFileSync('git', ['commit', '--allow-empty', '-q', '-m', 'docs: write up the threat model'], { cwd: folders().app.uri.fsPath });
      const asked = await waitFor('the question', () => prompts.infos.find((m) => /Tag this commit as evidence\? “docs: write up the threat model”/.test(m)), 30_000);
      assert.ok(asked);
      await waitFor('the setting to turn off', () => config().inspect<boolean>('askAfterCommit')?.globalValue === false || undefined, 10_000);
      assert.equal(prompts.infos.filter((m) => /Tag this commit/.test(m)).length, 1, 'asked once');
    } finally {
      await config().update('askAfterCommit', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
