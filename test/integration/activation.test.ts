import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type * as InProcessEngineModule from '../../src/host/journal/inProcessEngine';
import { extensionApi, HEADER, journalUri, setJournal } from './helpers';

describe('activation', () => {
  it('activates lazily on first use and registers its commands (its time is a bench figure)', async () => {
    const extension = vscode.extensions.getExtension('growth-journal.growth-journal');
    assert.ok(extension, 'the extension is loaded in development mode');
    assert.equal(extension.isActive, false, 'nothing activates it at start-up in a workspace without a journal');
    const start = performance.now();
    const api = (await extension.activate()) as { activationMs: number };
    const withLoading = performance.now() - start;
    const ms = api.activationMs;
    // Recorded for `npm run bench`; the budget is reported there, not asserted here.
    const results = join(extension.extensionPath, 'test-results');
    mkdirSync(results, { recursive: true });
    writeFileSync(join(results, 'activation.json'), JSON.stringify({ ms, withLoading, vscode: vscode.version }));
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['tagCommit', 'tagLastCommit', 'tagSelection', 'addNote', 'setProfile', 'openJournal', 'refresh']) {
      assert.ok(commands.includes(`growthJournal.${id}`), id);
    }
  });

  it("loads the journal engine for the host's own thread from its bundle, and it reads the journal as the worker does", async () => {
    const extension = vscode.extensions.getExtension('growth-journal.growth-journal')!;
    const api = await extensionApi();
    await setJournal(api, `${HEADER.replace('entries: []\n', 'entries:\n')}  - id: a\n    date: 2026-11-02\n    kind: note\n    title: One\n    dimensions: [communication]\n`);
    const snapshot = await api.services.store.snapshot();
    // The bundle the store loads when the worker cannot start (src/host/journal/store.ts).
    const bundle = join(extension.extensionPath, 'dist', 'inProcessEngine.js');
    const { InProcessEngine } = createRequire(bundle)(bundle) as typeof InProcessEngineModule;
    const engine = new InProcessEngine();
    const read = await engine.readFile(journalUri().fsPath);
    engine.dispose();
    assert.equal(read.kind, 'text');
    assert.deepEqual(read.kind === 'text' && read.journal?.entries.map((e) => e.title), snapshot.journal?.entries.map((e) => e.title));
    await setJournal(api, HEADER);
  });
});
