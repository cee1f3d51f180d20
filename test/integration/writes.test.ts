import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { parseJournal } from '../../src/core/journal';
import { codeActionAt, useExtension } from './helpers';

/** Runs the packaged CLI the way a git hook would, and resolves with its exit code and output. */
function cli(args: string[], cwd: string): Promise<{ code: number | null; out: string; err: string }> {
  const script = join(vscode.extensions.getExtension('growth-journal.growth-journal')!.extensionPath, 'dist', 'cli.js');
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script, ...args], { cwd, env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d));
    child.stderr.on('data', (d: Buffer) => (err += d));
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

describe('the one write path', () => {
  const api = useExtension();

  it('loses no entry when the extension and the CLI write the journal at the same time', async function () {
    this.timeout(180_000);
    const { store } = api().services;
    const snapshot = await store.snapshot();
    assert.ok(snapshot.folder && snapshot.journalUri, 'a workspace folder is open');
    const folder = snapshot.folder.uri.fsPath;
    const fromCli = Array.from({ length: 6 }, (_, i) => `written by a hook ${i}`);
    const fromExtension = Array.from({ length: 6 }, (_, i) => `tagged in the editor ${i}`);
    const [cliRuns, tagged] = await Promise.all([
      Promise.all(fromCli.map((title) => cli(['add', '--title', title, '--dimension', 'communication'], folder))),
      Promise.all(fromExtension.map((title) => store.append({ date: '2026-11-27', kind: 'note', title, dimensions: ['communication'] }, title))),
    ]);
    for (const run of cliRuns) assert.equal(run.code, 0, run.err);
    const text = readFileSync(snapshot.journalUri.fsPath, 'utf8');
    const parse = parseJournal(text);
    assert.deepEqual(parse.problems.filter((p) => p.severity === 'error'), []);
    const titles = new Set(parse.journal!.entries.map((e) => e.title));
    for (const title of [...fromCli, ...fromExtension]) assert.ok(titles.has(title), `"${title}" is in the journal`);
    const after = await store.reload();
    const seen = new Set(after.journal?.entries.map((e) => e.title));
    for (const title of [...fromCli, ...fromExtension]) assert.ok(seen.has(title), `"${title}" is in the view's snapshot`);
    const ids = [...tagged.map((e) => e.id), ...cliRuns.map((r) => r.out.trim())];
    await store.remove(...ids);
    assert.equal(readFileSync(snapshot.journalUri.fsPath, 'utf8').includes('written by a hook'), false, 'one Undo-style write removes them all');
  });
});

describe('credentials in the journal', () => {
  const api = useExtension();

  it('a URL with a token gets a warning and a quick fix that removes it through the write path', async function () {
    this.timeout(120_000);
    const { store } = api().services;
    const snapshot = await store.snapshot();
    const uri = snapshot.journalUri!;
    const before = readFileSync(uri.fsPath, 'utf8');
    const added = await store.append({ date: '2026-11-27', kind: 'commit', title: 'token test', dimensions: ['communication'], commit: { sha: 'abcdef1234567', repo: 'https://me:tok3n@github.com/o/r.git' } }, 'token test');
    assert.doesNotMatch(readFileSync(uri.fsPath, 'utf8'), /tok3n/, 'an append never writes credentials');
    await store.remove(added.id);
    // An older journal that already holds one, written by hand.
    const { writeFileSync } = await import('node:fs');
    const withSecret = `${before.replace(/\s*$/, '\n')}  - id: ev-secret\n    date: 2026-11-27\n    kind: commit\n    title: old entry\n    dimensions: [communication]\n    commit:\n      sha: abcdef1\n      repo: https://me:tok3n@github.com/o/r.git\n`;
    writeFileSync(uri.fsPath, withSecret);
    const reloaded = await store.reload();
    const warning = reloaded.problems.find((p) => p.problem.code === 'credentials-in-url');
    assert.ok(warning, 'a warning at the URL');
    // Code actions are asked of an open document, as the editor's light bulb does.
    await vscode.workspace.openTextDocument(uri);
    const at = new vscode.Position(warning.problem.line! - 1, warning.problem.column! - 1);
    const fix = await codeActionAt(uri, new vscode.Range(at, at), 'the credentials quick fix', (a) => a.command?.command === 'growthJournal.redactCredentials');
    api().setPrompts(undefined);
    await vscode.commands.executeCommand(fix.command!.command);
    const after = readFileSync(uri.fsPath, 'utf8');
    assert.doesNotMatch(after, /tok3n/);
    assert.match(after, /repo: "https:\/\/github\.com\/o\/r\.git"/);
    writeFileSync(uri.fsPath, before);
    await store.reload();
  });
});
