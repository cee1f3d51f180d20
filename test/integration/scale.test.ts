import assert from 'node:assert/strict';
import { rm, stat, truncate, writeFile } from 'node:fs/promises';
import * as vscode from 'vscode';
import { benchJournal } from '../../bench/journals';
import { MAX_JOURNAL_BYTES } from '../../src/core/journal';
import { MAX_LISTED_EVIDENCE } from '../../src/core/reports/rubricView';
import { folders, useExtension, waitFor } from './helpers';

const ENTRIES = 50_000;

describe('a 50,000-entry journal', () => {
  const api = useExtension();
  // A journal path no test has opened: VS Code sends the text of an open document to the
  // extension host itself, and that cost is VS Code's, not the extension's.
  const journalPath = '.growth/large-journal.yaml';
  const config = () => vscode.workspace.getConfiguration('growthJournal', folders().app.uri);
  const file = () => vscode.Uri.joinPath(folders().app.uri, journalPath).fsPath;

  before(async () => {
    await config().update('journalPath', journalPath, vscode.ConfigurationTarget.WorkspaceFolder);
    await waitFor('the store to use the large journal path', async () => (await api().services.store.snapshot()).journalUri?.fsPath === file());
  });
  after(async () => {
    await config().update('journalPath', undefined, vscode.ConfigurationTarget.WorkspaceFolder);
    await rm(file(), { force: true });
    await api().services.store.reload();
  });

  // How long the extension host pauses meanwhile is a bench figure (npm run bench), not a pass/fail test.
  it('loads cold, and the tree lists the newest entries of a dimension and one row for the rest', async () => {
    const bytes = new TextEncoder().encode(benchJournal(ENTRIES));
    const { store } = api().services;
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.fsPath === file()), 'the large journal is not open in VS Code');
    const rendered = new Promise<void>((resolve) => {
      const sub = store.onDidChange((s) => s.journal?.entries.length === ENTRIES && (sub.dispose(), resolve()));
    });

    // Written off this thread, as another program would write it, then read cold.
    await writeFile(file(), bytes);
    const snapshot = await store.reload();
    await rendered;

    assert.equal(snapshot.status, 'ready');
    assert.equal(snapshot.journal?.entries.length, ENTRIES);
    const tree = api().tree;
    const groups = await tree.getChildren();
    assert.equal(groups.length, 2, 'the tree shows the rubric');
    // All time, a dimension lists its newest entries and one row for the rest.
    await vscode.commands.executeCommand('growthJournal.showAllTime');
    try {
      const [core] = await tree.getChildren();
      const depth = (await tree.getChildren(core)).find((d) => tree.getTreeItem(d).label === 'Technical Depth')!;
      const [, evidence] = await tree.getChildren(depth);
      const listed = await tree.getChildren(evidence);
      assert.equal(listed.length, MAX_LISTED_EVIDENCE + 1);
      const older = tree.getTreeItem(listed[MAX_LISTED_EVIDENCE]);
      assert.match(String(older.label), /^\d{2},\d{3} older entries$/);
      assert.equal(older.command?.command, 'growthJournal.openEntryInJournal', 'it opens the journal where the older entries start');
    } finally {
      await vscode.commands.executeCommand('growthJournal.showThisQuarter');
    }
  });

  it('refuses a journal over the size limit with a clear message, and never writes to it', async () => {
    await writeFile(file(), '');
    await truncate(file(), MAX_JOURNAL_BYTES + 1); // sparse, so nothing large is written
    const { store } = api().services;
    const snapshot = await store.reload();
    assert.equal(snapshot.status, 'journalError');
    assert.equal(snapshot.firstError?.problem.code, 'too-large');
    assert.equal((await api().tree.getChildren()).length, 2, 'the rubric stays browsable, as for any journal error');
    const [diagnostic] = vscode.languages.getDiagnostics(vscode.Uri.file(file()));
    assert.match(diagnostic.message, /^The journal is 33 MB; Growth Journal reads journals of up to 32 MB/);
    await assert.rejects(store.append({ date: '2026-11-27', kind: 'note', title: 'Too late', dimensions: ['communication'] }, 'seed'), /The journal is 33 MB/);
    assert.equal((await stat(file())).size, MAX_JOURNAL_BYTES + 1, 'the file is untouched');
  });
});
