import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { parseJournal } from '../../src/core/journal';
import { linesContent, textLines } from '../../src/core/text/anchor';
import { codeActionAt, folders, HEADER, journalUri, readJournal, ScriptedPrompts, setJournal, settingIs, useExtension, waitFor } from './helpers';

const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();
const withEntries = (entries: string) => `${HEADER.replace('entries: []\n', 'entries:\n')}${entries}`;

const MAC_TS = ['import { timingSafeEqual } from "node:crypto";', '', '// Compares MACs in constant time.', 'export function sameMac(a: Buffer, b: Buffer): boolean {', '  return a.length === b.length && timingSafeEqual(a, b);', '}', '', 'export function rotate(keys: string[]): string[] {', '  return [...keys.slice(1), keys[0]];', '}', ''].join('\n');

/** An entry recorded before anchors (file and lines only) and one recorded with its content. */
function markedJournal(): string {
  const { hash, firstLine } = linesContent(textLines(MAC_TS), 7, 9);
  return withEntries(
    [
      '  - id: ev-old',
      '    date: 2026-11-03',
      '    kind: selection',
      '    title: Constant-time MAC comparison',
      '    dimensions: [technical-depth]',
      '    level: senior',
      '    selection: { file: app/src/mac.ts, startLine: 4, endLine: 6 }',
      '    statements: [technical-depth/senior/1]',
      '  - id: ev-anchored',
      '    date: 2026-11-04',
      '    kind: selection',
      '    title: Key rotation without downtime',
      '    dimensions: [risk-management, technical-depth]',
      '    selection:',
      '      file: src/mac.ts',
      '      startLine: 8',
      '      endLine: 10',
      `      hash: "${hash}"`,
      `      firstLine: ${JSON.stringify(firstLine)}`,
      '',
    ].join('\n'),
  );
}

async function lenses(uri: vscode.Uri): Promise<{ line: number; title: string }[]> {
  const found = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
  return found.filter((l) => l.command?.command.startsWith('growthJournal.')).map((l) => ({ line: l.range.start.line + 1, title: l.command!.title }));
}

describe('evidence where the code is', () => {
  const api = useExtension();
  const macUri = () => vscode.Uri.joinPath(folders().app.uri, 'src', 'mac.ts');

  beforeEach(async () => {
    writeFileSync(macUri().fsPath, MAC_TS);
    await setJournal(api(), markedJournal());
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    api().setPrompts(undefined);
  });

  it('a CodeLens names each tagged range by dimensions and title, for entries with and without recorded content', async () => {
    await vscode.window.showTextDocument(macUri());
    assert.deepEqual(await waitFor('two lenses', async () => ((await lenses(macUri())).length === 2 ? lenses(macUri()) : undefined)), [
      { line: 4, title: 'Technical Depth · Constant-time MAC comparison' },
      { line: 8, title: 'Risk Management, Technical Depth · Key rotation without downtime' },
    ]);
    const none = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folders().app.uri, 'README.md'));
    assert.deepEqual(await lenses(none.uri), [], 'a file without evidence has no lens');
  });

  it('the hover shows the level, the statements cited by their text, and the actions', async () => {
    await vscode.window.showTextDocument(macUri());
    const hovers = await waitFor('the hover', async () => {
      const found = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', macUri(), new vscode.Position(4, 10));
      return found.some((h) => h.contents.some((c) => (c as vscode.MarkdownString).value?.includes('Constant'))) ? found : undefined;
    });
    const text = hovers.flatMap((h) => h.contents.map((c) => (c as vscode.MarkdownString).value ?? '')).find((v) => v.includes('Constant'))!;
    assert.match(text, /Level: Senior/);
    assert.match(text, /Statements cited:\n\n- Deep technical expertise across multiple domains\./);
    assert.match(text, /\[Open in Journal\]\(command:growthJournal\.openEntryInJournal\?/);
    assert.match(text, /\[Remove\]\(command:growthJournal\.removeEntry\?/);
    assert.doesNotMatch(text, /Re-anchor/, 'an entry where it was recorded needs no re-anchoring');
  });

  it('a mark follows its lines when lines are inserted above; when its code changes it says so, and Re-anchor records the lines selected now', async () => {
    const editor = await vscode.window.showTextDocument(macUri());
    const insert = new vscode.WorkspaceEdit();
    insert.insert(macUri(), new vscode.Position(0, 0), '// licence header\n// two\n// three\n');
    assert.ok(await vscode.workspace.applyEdit(insert));
    assert.deepEqual(
      await waitFor('the anchored mark three lines down', async () => ((await lenses(macUri())).some((l) => l.line === 11) ? lenses(macUri()) : undefined)),
      [
        { line: 4, title: 'Technical Depth · Constant-time MAC comparison' },
        { line: 11, title: 'Risk Management, Technical Depth · Key rotation without downtime' },
      ],
      'the anchored mark moved with its code; the one without recorded content stays at its lines',
    );

    const change = new vscode.WorkspaceEdit();
    change.replace(macUri(), new vscode.Range(11, 0, 11, Number.MAX_SAFE_INTEGER), '  return keys.length ? [...keys.slice(1), keys[0]] : keys;');
    assert.ok(await vscode.workspace.applyEdit(change));
    const changed = await waitFor('the "moved or changed" mark', async () => ((await lenses(macUri())).some((l) => l.title === 'Re-anchor to Selection') ? lenses(macUri()) : undefined));
    assert.deepEqual(changed.slice(1), [
      { line: 8, title: '$(warning) Moved or changed · Risk Management, Technical Depth · Key rotation without downtime' },
      { line: 8, title: 'Re-anchor to Selection' },
    ]);

    const prompts = new ScriptedPrompts({});
    api().setPrompts(prompts);
    editor.selection = new vscode.Selection(10, 0, 13, 0);
    await vscode.commands.executeCommand('growthJournal.reanchorEntry', 'ev-anchored');
    assert.deepEqual(prompts.errors, []);
    const entry = parseJournal(await readJournal()).journal!.entries[1];
    const now = linesContent({ lineCount: editor.document.lineCount, lineText: (i) => editor.document.lineAt(i).text }, 10, 12);
    const { sha: _sha, link, ...anchored } = entry.selection!;
    assert.deepEqual(anchored, { file: 'src/mac.ts', startLine: 11, endLine: 13, ...now });
    if (link !== undefined) assert.match(link, /\/src\/mac\.ts#L11-L13$/, 'a new permalink for the lines recorded now');
    assert.match(prompts.infos[0], /now points at lines 11-13 of src\/mac\.ts/);
    assert.ok(await waitFor('the mark where it was re-anchored', async () => (await lenses(macUri())).some((l) => l.line === 11 && !l.title.startsWith('$(warning)')) || undefined));
  });

  it('growthJournal.codeLens.enabled turns the marks off', async () => {
    await vscode.window.showTextDocument(macUri());
    await waitFor('the lenses', async () => (await lenses(macUri())).length === 2 || undefined);
    const config = vscode.workspace.getConfiguration('growthJournal');
    await config.update('codeLens.enabled', false, vscode.ConfigurationTarget.Workspace);
    try {
      await settingIs('codeLens.enabled', false);
      assert.deepEqual(await lenses(macUri()), []);
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', macUri(), new vscode.Position(4, 10));
      assert.ok(!hovers.some((h) => h.contents.some((c) => (c as vscode.MarkdownString).value?.includes('Constant'))));
    } finally {
      await config.update('codeLens.enabled', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });
});

describe('commits a rebase or an amend rewrote', () => {
  const api = useExtension();

  it('a cited commit no branch reaches is a warning at its hash, naming the same change, and the quick fix re-points the entry', async () => {
    const app = folders().app.uri.fsPath;
    writeFileSync(join(app, 'notes', 'mac.md'), 'constant-time comparison\n');
    git(app, 'add', 'notes/mac.md');
    git(app, '-c', 'user.name=Dana', '-c', 'user.email=dana@example.com', 'commit', '-q', '-m', 'feat: compare MACs in constnat time');
    const before = git(app, 'rev-parse', 'HEAD');
    git(app, '-c', 'user.name=Dana', '-c', 'user.email=dana@example.com', 'commit', '-q', '--amend', '-m', 'feat: compare MACs in constant time');
    const after = git(app, 'rev-parse', 'HEAD');
    const entry = ['  - id: ev-mac', '    date: 2026-11-05', '    kind: commit', '    title: Compare MACs in constant time', '    dimensions: [technical-depth]', '    commit:', `      sha: ${before}   # before the amend`, '      repo: git@github.com:acme/app.git', ''].join('\n');
    const text = withEntries(entry);
    await setJournal(api(), text);
    const diagnostic = await waitFor('the rewritten-commit warning', () => vscode.languages.getDiagnostics(journalUri()).find((d) => d.code === 'commit-unreachable'));
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(diagnostic.range.start.line + 1, text.split('\n').findIndex((l) => l.includes(`sha: ${before}`)) + 1);
    assert.match(diagnostic.message, new RegExp(`^Commit ${before.slice(0, 7)} of entry “Compare MACs in constant time” is no longer on any branch or tag of app .*: it is now ${after.slice(0, 7)}, same change\\.`));

    await vscode.window.showTextDocument(journalUri());
    const fix = await codeActionAt(journalUri(), diagnostic.range, 'the re-point quick fix', (a) => a.title === `Re-point to ${after.slice(0, 7)}, the same change`);
    assert.ok(fix.command && fix.isPreferred);
    const prompts = new ScriptedPrompts({});
    api().setPrompts(prompts);
    try {
      await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));
    } finally {
      api().setPrompts(undefined);
    }
    assert.deepEqual(prompts.errors, []);
    assert.equal(await readJournal(), text.replace(before, after), 'only the hash changed; the comment beside it stays');
    await waitFor('the warning to go', () => !vscode.languages.getDiagnostics(journalUri()).some((d) => d.code === 'commit-unreachable') || undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
