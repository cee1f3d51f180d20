import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { type CommitRelink, type EntryChanges, type EntryData, type Journal, type Profile, newJournalText, type RemovedEntry, type RubricSwitch, type JournalOp, type JournalRead, loadJournal, type RubricRead, type SelectionAnchor } from '../../core/journal';
import { type Rubric } from '../../core/rubric/rubric';
import { type RubricRef } from '../../core/rubric/rubricRef';
import { dirtyDocument, offsetRange, readTextFile } from '../workspace/files';
import { JournalError, type FileProblem } from './error';
import { requireTrust } from '../workspace/trust';
import { resolveInsideFolder } from '../workspace/workspaceFiles';
import { readSettings, type GrowthSettings } from '../workspace/settings';
import { WorkerEngine, type JournalEngine } from './engine';
import type * as InProcessEngineModule from './inProcessEngine';
import { type CitedCommit, type LostCommit } from '../../core/git/rewritten';
import { type GitArgv } from '../../core/git/commitSha';

type JournalStatus = 'noFolder' | 'noJournal' | 'journalError' | 'rubricError' | 'ready';

/** What the views show: the journal and its rubric as last read, and why not when they can't be. */
export interface JournalSnapshot {
  status: JournalStatus;
  settings: GrowthSettings;
  folder?: vscode.WorkspaceFolder;
  journalUri?: vscode.Uri;
  rubric?: Rubric;
  rubricUri?: vscode.Uri;
  journal?: Journal;
  problems: FileProblem[];
  /** The first error that stops reading or writing, for "open at error". */
  firstError?: FileProblem;
  /**
   * While the journal does not parse (mid-edit): the last journal that did, with its rubric, so
   * the view keeps its counts (marked as from the last good read) instead of showing none.
   */
  lastGood?: { journal: Journal; rubric: Rubric };
}

const RELOAD_DELAY_MS = 250;

/**
 * Parses in the bundled worker thread; the engine on this thread, a bundle of its own
 * (dist/inProcessEngine.js), is loaded only when the worker cannot start.
 */
function createJournalEngine(extensionUri: vscode.Uri): JournalEngine {
  const dist = vscode.Uri.joinPath(extensionUri, 'dist').fsPath;
  const inProcess = () => {
    const bundle = join(dist, 'inProcessEngine.js');
    return new (createRequire(bundle)(bundle) as typeof InProcessEngineModule).InProcessEngine();
  };
  const script = join(dist, 'journalWorker.js');
  return existsSync(script) ? new WorkerEngine(script, inProcess) : inProcess();
}

/** The text the user sees: unsaved edits when there are some, else the file. */
function readDocumentOrFile(uri: vscode.Uri) {
  const doc = dirtyDocument(uri);
  return doc ? Promise.resolve({ kind: 'text', text: doc.getText() } as const) : readTextFile(uri);
}
/** What a change did: the entries it added, or the lines of those it removed; for a file, the journal as written when the engine holds it. */
type Applied = { added: EntryData[]; removed?: RemovedEntry[]; read?: JournalRead };

/** Times an edit of an open journal is planned again because the user typed meanwhile. */
const EDIT_ATTEMPTS = 3;

/**
 * Owns reading and writing the journal. Reads the open editor's text when the journal is
 * open (unsaved edits included), writes through a WorkspaceEdit there and never saves the
 * user's unsaved edits; otherwise writes the file atomically after checking it is unchanged.
 * A journal that does not parse is never written.
 */
export class JournalStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<JournalSnapshot>();
  readonly onDidChange = this.changed.event;
  private readonly loading = new vscode.EventEmitter<Promise<JournalSnapshot>>();
  /** Fires as each read starts, with its outcome to come: for progress on slow reads. */
  readonly onDidStartLoading = this.loading.event;
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('growthJournal');
  private readonly disposables: vscode.Disposable[] = [this.changed, this.loading, this.diagnostics];
  private watchers: vscode.Disposable[] = [];
  private current: Promise<JournalSnapshot> | undefined;
  private reloadTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly engine: JournalEngine;
  private inFlight: Promise<JournalSnapshot> | undefined;
  private queued: Promise<JournalSnapshot> | undefined;

  constructor(private readonly extensionUri: vscode.Uri) {
    this.engine = createJournalEngine(extensionUri);
    this.disposables.push(
      this.engine,
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('growthJournal') && this.reload()),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.reload()),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.reload()),
      vscode.workspace.onDidChangeTextDocument((e) => this.isJournalOrRubric(e.document.uri) && this.scheduleReload()),
      vscode.workspace.onDidCloseTextDocument((d) => this.isJournalOrRubric(d.uri) && this.scheduleReload()),
    );
  }

  dispose(): void {
    clearTimeout(this.reloadTimer);
    for (const d of [...this.watchers, ...this.disposables]) d.dispose();
  }

  /** The cited commits no branch or tag of the repository at `root` reaches, asked of git off this thread (JournalEngine.lostCommits). */
  lostCommits(root: string, cited: readonly CitedCommit[]): Promise<LostCommit[]> {
    return this.engine.lostCommits(root, cited);
  }

  /** Git in `cwd`, run off this thread (JournalEngine.runGit): the Git class's runner. */
  runGit(cwd: string, args: GitArgv): Promise<string> {
    return this.engine.runGit(cwd, args);
  }

  /** The latest snapshot, loading it on first use. */
  snapshot(): Promise<JournalSnapshot> {
    this.current ??= this.startLoad();
    return this.current;
  }

  /**
   * Reads everything again and tells every view. One read at a time: a request during a read
   * waits for it and then reads once more, however many requests came. `written`: the journal
   * file as a write just left it, which then needs no reading (a read under way is followed by
   * a full one instead, as the engine answers it from the write).
   */
  reload(written?: JournalRead): Promise<JournalSnapshot> {
    clearTimeout(this.reloadTimer);
    if (this.inFlight) {
      this.queued ??= this.inFlight.then(
        () => ((this.queued = undefined), this.reload()),
        () => ((this.queued = undefined), this.reload()),
      );
      return this.queued;
    }
    const next = this.startLoad(written).finally(() => {
      if (this.inFlight === next) this.inFlight = undefined;
    });
    this.inFlight = next;
    this.current = next;
    // Views rebuild in their own turn of the event loop, not on the end of the last parse slice.
    void next.then((s) => setImmediate(() => this.current === next && this.changed.fire(s)));
    return next;
  }

  private scheduleReload(): void {
    clearTimeout(this.reloadTimer);
    this.reloadTimer = setTimeout(() => void this.reload(), RELOAD_DELAY_MS);
  }

  private lastUris: string[] = [];

  /** The last read of the journal that parsed, with its rubric (see JournalSnapshot.lastGood). */
  private lastGood: { uri: string; journal: Journal; rubric: Rubric } | undefined;

  private isJournalOrRubric(uri: vscode.Uri): boolean {
    return this.lastUris.includes(uri.toString());
  }

  /** The journal's folder and file; the journal lives in the first workspace folder. */
  journalLocation(): { folder: vscode.WorkspaceFolder; uri: vscode.Uri; settings: GrowthSettings } | undefined {
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder) return undefined;
    const settings = readSettings(folder.uri);
    return { folder, uri: vscode.Uri.joinPath(folder.uri, settings.journalPath), settings };
  }

  private startLoad(written?: JournalRead): Promise<JournalSnapshot> {
    const loading = this.load(written);
    this.loading.fire(loading);
    return loading;
  }

  private async load(written?: JournalRead): Promise<JournalSnapshot> {
    const location = this.journalLocation();
    if (!location) {
      this.diagnostics.clear();
      return { status: 'noFolder', settings: readSettings(), problems: [] };
    }
    const { folder, uri: journalUri, settings } = location;
    // Unsaved edits are what the user sees; otherwise the file, read where it is parsed.
    const dirty = dirtyDocument(journalUri);
    const loaded = await loadJournal<vscode.Uri>(
      {
        readJournal: async () => (dirty ? this.engine.readText(dirty.getText()) : (written ?? this.engine.readFile(journalUri.fsPath))),
        readRubric: (ref) => this.readRubric(folder, ref),
        parseRubric: (text) => this.engine.parseRubric(text),
        check: (rubric) => this.engine.check(rubric),
      },
      settings.rubric ? { fallbackRubric: settings.rubric } : {},
    );
    const { journal, rubricAt } = loaded;
    if (journal && loaded.rubric) this.lastGood = { uri: journalUri.toString(), journal, rubric: loaded.rubric };
    else if (journal || loaded.journalRead.kind === 'missing') this.lastGood = undefined;
    const lastGood = !journal && this.lastGood?.uri === journalUri.toString() ? { journal: this.lastGood.journal, rubric: this.lastGood.rubric } : undefined;
    // The rubric the journal named when it last parsed, not the fallback a broken journal gets.
    const rubric = lastGood?.rubric ?? loaded.rubric;
    const problems: FileProblem[] = loaded.problems.map(({ in: where, problem }) => ({ uri: where === 'rubric' && rubricAt ? rubricAt : journalUri, problem }));
    this.publish(problems, [journalUri, rubricAt]);
    this.watch(folder, settings, rubricAt);

    const firstError = problems.find((p) => p.problem.severity === 'error' && (p.uri.toString() === journalUri.toString() ? !journal : !rubric));
    const status: JournalStatus =
      loaded.journalRead.kind === 'missing' ? (rubric ? 'noJournal' : 'rubricError') : !journal ? 'journalError' : !rubric ? 'rubricError' : 'ready';
    return {
      status,
      settings,
      folder,
      journalUri,
      problems,
      ...(firstError ? { firstError } : {}),
      ...(journal ? { journal } : {}),
      ...(rubric ? { rubric } : {}),
      ...(rubricAt ? { rubricUri: rubricAt } : {}),
      ...(lastGood ? { lastGood } : {}),
    };
  }

  /** A rubric for the loader: bundled from the extension, or a file inside the folder (symlinks followed), size-capped. */
  private async readRubric(folder: vscode.WorkspaceFolder, ref: RubricRef): Promise<RubricRead<vscode.Uri>> {
    let uri: vscode.Uri;
    if (ref.kind === 'bundled') uri = vscode.Uri.joinPath(this.extensionUri, 'rubric', `${ref.id}.yaml`);
    else {
      const inside = await resolveInsideFolder(folder, ref.path);
      if (inside.kind === 'refused') return { kind: 'refused', code: 'rubric-outside', message: inside.message };
      uri = inside.kind === 'inside' ? inside.uri : vscode.Uri.joinPath(folder.uri, ref.path);
    }
    const read = await readDocumentOrFile(uri);
    return read.kind === 'text' ? { kind: 'text', where: uri, text: read.text } : read.kind === 'missing' ? { kind: 'missing', where: uri } : { kind: 'invalid', where: uri, problem: read.problem };
  }

  private publish(problems: FileProblem[], uris: (vscode.Uri | undefined)[]): void {
    this.diagnostics.clear();
    const byUri = new Map<string, { uri: vscode.Uri; list: vscode.Diagnostic[] }>();
    for (const { uri, problem } of problems) {
      const pos = new vscode.Position(Math.max(0, (problem.line ?? 1) - 1), Math.max(0, (problem.column ?? 1) - 1));
      const diagnostic = new vscode.Diagnostic(new vscode.Range(pos, pos), problem.message, problem.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning);
      diagnostic.source = 'Growth Journal';
      diagnostic.code = problem.code;
      const slot = byUri.get(uri.toString()) ?? { uri, list: [] };
      slot.list.push(diagnostic);
      byUri.set(uri.toString(), slot);
    }
    for (const { uri, list } of byUri.values()) this.diagnostics.set(uri, list);
    this.lastUris = uris.filter((u): u is vscode.Uri => !!u).map((u) => u.toString());
  }

  private watchedKey = '';

  private watch(folder: vscode.WorkspaceFolder, settings: GrowthSettings, rubricUri: vscode.Uri | undefined): void {
    const key = `${folder.uri}|${settings.journalPath}|${rubricUri}`;
    if (key === this.watchedKey) return;
    this.watchedKey = key;
    for (const w of this.watchers) w.dispose();
    const patterns = [new vscode.RelativePattern(folder, settings.journalPath)];
    if (rubricUri && vscode.workspace.getWorkspaceFolder(rubricUri)) patterns.push(new vscode.RelativePattern(vscode.Uri.joinPath(rubricUri, '..'), rubricUri.path.slice(rubricUri.path.lastIndexOf('/') + 1)));
    this.watchers = patterns.map((pattern) => {
      const watcher = vscode.workspace.createFileSystemWatcher(pattern);
      const onEvent = () => this.scheduleReload();
      watcher.onDidChange(onEvent);
      watcher.onDidCreate(onEvent);
      watcher.onDidDelete(onEvent);
      return watcher;
    });
  }

  // ---- writing ----------------------------------------------------------------------------

  /** Appends a new entry and returns it with its id. Creates the journal on first use. */
  async append(data: Omit<EntryData, 'id'>, idSeed: string): Promise<EntryData> {
    return (await this.appendMany([{ data, idSeed }]))[0];
  }

  /** Appends entries in one write, each with a new id. */
  async appendMany(drafts: readonly { data: Omit<EntryData, 'id'>; idSeed: string }[]): Promise<EntryData[]> {
    return (await this.mutate({ kind: 'append', drafts: [...drafts] }, true)).added;
  }

  /** Removes entries in one write, and returns their lines for restore() to put back on Undo. */
  async remove(...ids: string[]): Promise<RemovedEntry[]> {
    return (await this.mutate({ kind: 'remove', ids }, false)).removed ?? [];
  }

  /** Undo of remove(): an entry's own lines back where they were. */
  async restore(removed: RemovedEntry): Promise<void> {
    await this.mutate({ kind: 'restore', removed }, false);
  }

  /** Adds dimensions to an entry already in the journal (a commit tagged again, say). */
  async addDimensions(id: string, dimensions: string[]): Promise<void> {
    await this.mutate({ kind: 'amend', id, addDimensions: dimensions }, false);
  }

  /** Re-points one statement an entry cites (`from` as written) to `to`. */
  async repointStatement(id: string, from: string, to: string): Promise<void> {
    await this.mutate({ kind: 'repoint', id, from, to }, false);
  }

  /** Changes fields of one entry in one write (Edit Entry, and its Undo). */
  async edit(id: string, changes: EntryChanges): Promise<void> {
    await this.mutate({ kind: 'edit', id, changes }, false);
  }

  /** Points a selection entry at lines as they are now (its code moved or changed). */
  async reanchor(id: string, selection: SelectionAnchor): Promise<void> {
    await this.mutate({ kind: 'reanchor', id, selection }, false);
  }

  /** Re-points commit entries to the commits a rebase or amend made of theirs. */
  async relink(links: CommitRelink[]): Promise<void> {
    await this.mutate({ kind: 'relink', links }, false);
  }

  /** Removes credentials and queries from every URL the journal recorded. */
  async redactCredentials(): Promise<void> {
    await this.mutate({ kind: 'redact' }, false);
  }

  /** Points the journal at another rubric, mapping old ids to new; creates the journal if there is none. */
  async switchRubric(change: RubricSwitch): Promise<void> {
    await this.mutate({ kind: 'rubric', ...change }, true);
  }

  async setProfile(profile: Required<Profile>): Promise<void> {
    await this.mutate({ kind: 'profile', profile }, true, profile);
  }

  /**
   * The one way the extension changes the journal. A journal with unsaved edits in an editor is
   * changed there, verified like a file write, and left unsaved for its owner; otherwise the
   * file is changed through the write path (src/host/journal/write.ts), and an editor showing it
   * follows the disk as VS Code reloads it.
   */
  private async mutate(op: JournalOp, create: boolean, profile: Profile = {}): Promise<Applied> {
    requireTrust();
    const location = this.journalLocation();
    if (!location) throw new JournalError('Open a folder first: the journal lives in the first workspace folder.');
    const { uri, settings } = location;
    if (uri.scheme !== 'file') throw new JournalError(`Growth Journal writes only journals on disk, not ${uri.scheme}: resources.`);
    const doc = dirtyDocument(uri);
    const applied = doc ? await this.editDocument(doc, op) : await this.writeFile(uri, op, create ? newJournalText(settings.rubric || 'product-security', profile) : undefined);
    // The engine hands back the journal as written when it holds it: the snapshot is made from that, not from the file read again.
    await this.reload(applied.read);
    return applied;
  }

  private async writeFile(uri: vscode.Uri, op: JournalOp, template: string | undefined): Promise<Applied> {
    const outcome = await this.engine.write({ path: uri.fsPath, op, ...(template === undefined ? {} : { template }) });
    if (!outcome.ok) throw new JournalError(outcome.message, outcome.problem ? { uri, problem: outcome.problem } : undefined);
    return outcome;
  }

  private async editDocument(doc: vscode.TextDocument, op: JournalOp): Promise<Applied> {
    // Planning may take a moment: if the user typed meanwhile, plan again on their text.
    for (let attempt = 1; attempt <= EDIT_ATTEMPTS; attempt++) {
      const version = doc.version;
      const planned = await this.engine.plan(doc.getText(), op);
      if (!planned.ok) throw new JournalError(planned.message, planned.problem ? { uri: doc.uri, problem: planned.problem } : undefined);
      if (doc.version !== version) continue;
      const workspaceEdit = new vscode.WorkspaceEdit();
      for (const e of planned.edits) workspaceEdit.replace(doc.uri, offsetRange(doc, e.offset, e.deleteCount), e.insert);
      if (!(await vscode.workspace.applyEdit(workspaceEdit))) throw new JournalError('VS Code did not apply the edit to the open journal; nothing was changed.');
      // Never saved here: the document holds the user's unsaved edits too, theirs to save.
      return planned;
    }
    throw new JournalError('The journal kept changing while Growth Journal tried to edit it; nothing was changed. Try again.');
  }
}
