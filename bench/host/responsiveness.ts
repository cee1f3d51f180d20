// Loaded by the extension host as its extensionTestsPath from `npm run bench`: writes a
// 50,000-entry journal and loads it cold while timing how long the extension host's thread
// pauses and how late a concurrent command answers. Writes test-results/responsiveness.json;
// the budget is judged in the bench's report, never as a test.
import { mkdirSync, writeFileSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Session } from 'node:inspector/promises';
import { PerformanceObserver } from 'node:perf_hooks';
import * as vscode from 'vscode';
import { extensionApi, folders, waitFor } from '../../test/integration/helpers';
import { benchJournal } from '../journals';

const ENTRIES = 50_000;
const PING_EVERY_MS = 10;
/** How long the host is left to settle after start-up before the load is watched. */
const SETTLE_MS = 5000;

/**
 * Watches the extension host's thread until stopped: how late a 5 ms timer fires, and how long
 * a command takes from when it is due until it has answered.
 */
function watchResponsiveness(): { stop(): Promise<{ longestPause: number; slowestCommand: number; commands: number; longestGc: number; longPauses: string[] }> } {
  const pauses: number[] = [];
  const commands: number[] = [];
  const started = performance.now();
  /** Pauses over 30 ms, when they ended (ms after the start): to tell which step held the thread. */
  const longPauses: string[] = [];
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    pauses.push(now - last);
    if (now - last > 30) longPauses.push(`${(now - last).toFixed(0)} ms ending at ${(now - started).toFixed(0)} ms`);
    last = now;
  }, 5);
  // The garbage collector's pauses of this thread, part of the longest pause or not.
  const gcs: number[] = [];
  const gcObserver = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      gcs.push(entry.duration);
      const kind = (entry as { detail?: { kind?: number } }).detail?.kind;
      if (entry.duration > 30) longPauses.push(`(gc kind ${kind}: ${entry.duration.toFixed(0)} ms at ${(entry.startTime - started).toFixed(0)} ms)`);
    }
  });
  gcObserver.observe({ entryTypes: ['gc'] });
  const ping = vscode.commands.registerCommand('growthJournalBench.ping', () => performance.now());
  let running = true;
  const pinging = (async () => {
    while (running) {
      const due = performance.now() + PING_EVERY_MS;
      await new Promise((r) => setTimeout(r, PING_EVERY_MS));
      await vscode.commands.executeCommand('growthJournalBench.ping');
      commands.push(performance.now() - due);
    }
  })();
  return {
    async stop() {
      running = false;
      await pinging;
      clearInterval(timer);
      gcObserver.disconnect();
      ping.dispose();
      return { longestPause: Math.max(...pauses), slowestCommand: Math.max(...commands), commands: commands.length, longestGc: Math.max(0, ...gcs), longPauses };
    },
  };
}

export async function run(): Promise<void> {
  console.log(`Bench in VS Code ${vscode.version}: a ${ENTRIES.toLocaleString('en')}-entry journal loads cold`);
  const api = await extensionApi();
  const { store } = api.services;
  // A journal path no editor has opened: VS Code sends the text of an open document to the
  // extension host itself, and that cost is VS Code's, not the extension's.
  const journalPath = '.growth/large-journal.yaml';
  const config = vscode.workspace.getConfiguration('growthJournal', folders().app.uri);
  const file = vscode.Uri.joinPath(folders().app.uri, journalPath).fsPath;
  await config.update('journalPath', journalPath, vscode.ConfigurationTarget.WorkspaceFolder);
  await waitFor('the store to use the large journal path', async () => (await store.snapshot()).journalUri?.fsPath === file, 60_000);
  const bytes = new TextEncoder().encode(benchJournal(ENTRIES));
  // The host's own start-up work (a built-in extension's first HTTPS connection loads the
  // system's certificates on this thread, 30-50 ms) is done before the watch begins.
  await new Promise((r) => setTimeout(r, SETTLE_MS));
  await mkdir(dirname(file), { recursive: true });
  const rendered = new Promise<void>((resolve) => {
    const sub = store.onDidChange((s) => s.journal?.entries.length === ENTRIES && (sub.dispose(), resolve()));
  });

  // GROWTH_BENCH_PROFILE=1 keeps a CPU profile of the host while it loads, to tell which work a
  // long pause belongs to; off by default, as sampling slows the thread it watches.
  const profiler = process.env.GROWTH_BENCH_PROFILE === '1' ? new Session() : undefined;
  profiler?.connect();
  await profiler?.post('Profiler.enable');
  await profiler?.post('Profiler.start');
  const watch = watchResponsiveness();
  const watched = performance.now();
  // Written off this thread, as another program would write it, then read cold.
  await writeFile(file, bytes);
  await store.reload();
  await rendered;
  console.log(`bench: the store held all ${ENTRIES.toLocaleString('en')} entries ${(performance.now() - watched).toFixed(0)} ms after the write began`);
  // The tree and the status bar rebuild after the change event, and the file watcher's reload follows: watch those too.
  await new Promise((r) => setTimeout(r, 1500));
  const figures = await watch.stop();
  const profile = profiler && (await profiler.post('Profiler.stop')).profile;
  profiler?.disconnect();

  await config.update('journalPath', undefined, vscode.ConfigurationTarget.WorkspaceFolder);
  await rm(file, { force: true });
  const extension = vscode.extensions.getExtension('growth-journal.growth-journal')!;
  const results = join(extension.extensionPath, 'test-results');
  mkdirSync(results, { recursive: true });
  writeFileSync(join(results, 'responsiveness.json'), JSON.stringify({ entries: ENTRIES, ...figures, vscode: vscode.version }));
  if (profile) writeFileSync(join(results, 'host-load.cpuprofile'), JSON.stringify(profile));
  console.log(`bench: longest pause ${figures.longestPause.toFixed(0)} ms (longest garbage collection ${figures.longestGc.toFixed(0)} ms); slowest of ${figures.commands} concurrent commands ${figures.slowestCommand.toFixed(0)} ms; pauses over 30 ms: ${figures.longPauses.join(', ') || 'none'}`);
}
