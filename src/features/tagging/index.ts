import * as vscode from 'vscode';
import { isCommitSha } from '../../core/git/commitSha';
import { localIsoDate } from '../../core/time/dates';
import { type Entry, type EntryData, growthTrailers, knownStatements } from '../../core/journal';
import { dimensionNames, findDimension, levelName, type Rubric } from '../../core/rubric/rubric';
import { citations } from '../../core/reports/coverage';
import { citedRef, expectationInForce } from '../../core/rubric/statements';
import { type Commit, type Repo } from '../../host/git/repos';
import { JournalError } from '../../host/journal/error';
import { type JournalSnapshot } from '../../host/journal/store';
import { guarded, showAt, type Services } from '../../host/services';
import { requireTrust } from '../../host/workspace/trust';
import { recordedSelection } from '../../host/workspace/selection';
import { completeWalkthroughStep } from '../../host/ui/walkthrough';

const RECENT_KEY = 'growthJournal.recentDimensions';
const COMMITS_SHOWN = 50;

/** A piece of evidence before the questions every flow shares: dimensions, level, visibility. */
interface Draft {
  data: Omit<EntryData, 'id' | 'dimensions' | 'level' | 'private'>;
  idSeed: string;
  /** What is tagged, as the prompts name it: a commit's short sha and subject, a file's lines. */
  subject: string;
  suggestedDimensions?: string[];
  suggestedLevel?: string;
  /** Statement refs from a Growth-Evidence trailer, as written. */
  suggestedStatements?: string[];
}

/** The tagging commands: commits, the last commit, a code selection, a note, and "for this dimension". */
export function registerTagging(context: vscode.ExtensionContext, services: Services): void {
  const flows = new TaggingFlows(services);
  const register = (id: string, body: (...args: never[]) => Promise<unknown>) =>
    context.subscriptions.push(vscode.commands.registerCommand(id, guarded(services, body as (...args: unknown[]) => Promise<unknown>)));
  register('growthJournal.tagCommit', (item?: unknown, uri?: unknown) => flows.tagCommits(commitFromTimeline(item), uri instanceof vscode.Uri ? uri : undefined));
  register('growthJournal.tagLastCommit', () => flows.tagLastCommit());
  register('growthJournal.tagSelection', () => flows.tagSelection());
  register('growthJournal.addNote', () => flows.addNote());
  register('growthJournal.tagEvidence', () => flows.tagAny([]));
  register('growthJournal.tagForDimension', (arg?: unknown) => flows.tagAny(dimensionIdOf(arg)));
}

/** A commit sha from a Timeline item of the git provider, when the command runs from there. */
function commitFromTimeline(item: unknown): string | undefined {
  const id = (item as { id?: unknown } | undefined)?.id;
  return isCommitSha(id) ? id : undefined;
}

function dimensionIdOf(arg: unknown): string[] {
  if (typeof arg === 'string') return [arg];
  const view = (arg as { view?: { dimension?: { id?: unknown } } } | undefined)?.view;
  return typeof view?.dimension?.id === 'string' ? [view.dimension.id] : [];
}

class TaggingFlows {
  constructor(private readonly services: Services) {}

  private get prompts() {
    return this.services.prompts;
  }

  async tagAny(preselected: string[]): Promise<void> {
    await this.writableSnapshot();
    const kind = await this.prompts.pickEvidenceKind(!!vscode.window.activeTextEditor && !vscode.window.activeTextEditor.selection.isEmpty);
    if (kind === 'commit') await this.tagCommits(undefined, undefined, preselected);
    if (kind === 'lastCommit') await this.tagLastCommit(preselected);
    if (kind === 'selection') await this.tagSelection(preselected);
    if (kind === 'note') await this.addNote(preselected);
  }

  async tagCommits(sha?: string, from?: vscode.Uri, preselected: string[] = []): Promise<void> {
    const snapshot = await this.writableSnapshot();
    const repo = from ? await this.services.git.repositoryFor(from) : await this.pickRepository();
    if (!repo) return;
    let commits: Commit[];
    const tagged = new Set(snapshot.journal?.entries.flatMap((e) => (e.commit ? [e.commit.sha] : [])));
    if (sha) {
      const commit = await this.services.git.commit(repo, sha);
      if (!commit) throw new Error(`Commit ${sha.slice(0, 7)} was not found in ${repo.name}.`);
      commits = [commit];
    } else {
      const recent = await this.services.git.recentCommits(repo, COMMITS_SHOWN);
      if (!recent.length) throw new Error(`${repo.name} has no commits yet. Commit first, or add a note instead.`);
      const picked = await this.prompts.pickCommits(recent.map((commit) => ({ commit, tagged: tagged.has(commit.sha) })), repo);
      if (!picked?.length) return;
      commits = picked;
    }
    if (commits.length === 1) return this.tagOneCommit(commits[0], repo, preselected);
    // Of several, those already in the journal keep their entries: no second entry for a commit.
    const fresh = commits.filter((c) => !tagged.has(c.sha));
    if (!fresh.length) throw new Error(`All ${commits.length} commits are already in the journal. To add dimensions to one, tag it on its own.`);
    if (fresh.length === 1) return this.tagOneCommit(fresh[0], repo, preselected);
    await this.complete(fresh.map((c) => commitDraft(c, repo)), preselected);
  }

  async tagLastCommit(preselected: string[] = []): Promise<void> {
    await this.writableSnapshot();
    const repo = await this.pickRepository();
    if (!repo) return;
    const head = await this.services.git.head(repo);
    if (!head) throw new Error(`${repo.name} has no commits yet. Commit first, or add a note instead.`);
    await this.tagOneCommit(head, repo, preselected);
  }

  /** A commit already in the journal gets more dimensions on its entry, never a second entry. */
  private async tagOneCommit(commit: Commit, repo: Repo, preselected: string[]): Promise<void> {
    const draft = commitDraft(commit, repo);
    const snapshot = await this.writableSnapshot();
    const existing = snapshot.journal?.entries.find((e) => e.kind === 'commit' && e.commit?.sha === commit.sha);
    if (!existing) return this.complete([draft], preselected);
    const add = await this.prompts.pick(`${draft.subject} is already tagged`, `It is evidence for ${dimensionNames(snapshot.rubric, existing.dimensions)} (${existing.date}). Add dimensions to that entry?`, [
      { label: '$(add) Add dimensions to that entry', description: 'no second entry for the same commit', value: true },
    ]);
    if (add) await this.addToEntry(existing, draft, preselected);
  }

  async tagSelection(preselected: string[] = []): Promise<void> {
    await this.writableSnapshot();
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.selection.isEmpty) throw new Error('Select the code to tag in an editor first.');
    const { document } = editor;
    const selection = await recordedSelection(this.services.git, editor);
    const { file, startLine, endLine } = selection;
    const name = document.uri.path.slice(document.uri.path.lastIndexOf('/') + 1);
    const title = await this.prompts.inputTitle('What does this code show? One line for the journal.', `${name}, lines ${startLine}-${endLine}`);
    if (!title?.trim()) return;
    const draft: Draft = {
      data: {
        date: localIsoDate(new Date()),
        kind: 'selection',
        title: title.trim(),
        selection,
      },
      idSeed: `${file}:${startLine}-${endLine}|${Date.now()}`,
      subject: `${file}:${startLine}-${endLine}`,
    };
    await this.complete([draft], preselected);
  }

  async addNote(preselected: string[] = []): Promise<void> {
    await this.writableSnapshot();
    const title = await this.prompts.inputTitle('What did you do? One line for the journal.');
    if (!title?.trim()) return;
    const details = await this.prompts.inputDetails();
    if (details === undefined) return;
    const draft: Draft = {
      data: { date: localIsoDate(new Date()), kind: 'note', title: title.trim(), ...(details.trim() ? { note: details.trim() } : {}) },
      idSeed: `${title}|${Date.now()}`,
      subject: `“${title.trim()}”`,
    };
    await this.complete([draft], preselected);
  }

  private async pickRepository(): Promise<Repo | undefined> {
    const repos = await this.services.git.repositories();
    if (repos.length === 0) throw new Error('No git repository is open in this workspace. Add a note instead, or open a repository.');
    return repos.length === 1 ? repos[0] : this.prompts.pickRepository(repos);
  }

  /** Fails early, before any question, when nothing could be written. */
  private async writableSnapshot(): Promise<JournalSnapshot & { rubric: NonNullable<JournalSnapshot['rubric']> }> {
    requireTrust();
    const snapshot = await this.services.store.snapshot();
    if (snapshot.status === 'noFolder') throw new Error('Open a folder first: the journal lives in the first workspace folder.');
    if (snapshot.status === 'journalError' && snapshot.firstError) {
      const { problem } = snapshot.firstError;
      throw new JournalError(`The journal has an error at line ${problem.line}, column ${problem.column}: ${problem.message} Fix it first; nothing is written to a journal that does not parse.`, snapshot.firstError);
    }
    if (!snapshot.rubric) throw new JournalError(`The rubric could not be loaded${snapshot.firstError ? `: ${snapshot.firstError.problem.message}` : '.'}`, snapshot.firstError);
    return snapshot as JournalSnapshot & { rubric: NonNullable<JournalSnapshot['rubric']> };
  }

  /** The questions every flow shares, then one entry per draft, then a notification with Undo. */
  private async complete(drafts: Draft[], pinned: string[]): Promise<void> {
    const snapshot = await this.writableSnapshot();
    const { rubric } = snapshot;
    const profile = snapshot.journal?.profile ?? {};
    const recent = this.services.workspaceState.get<string[]>(RECENT_KEY, []);
    const suggested = [...new Set(drafts.flatMap((d) => d.suggestedDimensions ?? []))];
    const subject = drafts.length === 1 ? drafts[0].subject : `${drafts.length} commits`;
    const dimensions = await this.prompts.pickDimensions(rubric, { recent, preselected: suggested, pinned, subject, ...(profile.targetLevel ? { targetLevel: profile.targetLevel } : {}) });
    if (!dimensions) return;
    if (!dimensions.length) throw new Error('Pick at least one dimension: evidence counts toward the dimensions it is tagged with.');
    const suggestedLevel = drafts.find((d) => d.suggestedLevel)?.suggestedLevel ?? profile.targetLevel ?? rubric.levels[rubric.levels.length - 1].id;
    const level = await this.prompts.pickLevel(rubric, {
      title: 'Tag Evidence: Level shown',
      suggested: suggestedLevel,
      ...(profile.currentLevel ? { currentLevel: profile.currentLevel } : {}),
      ...(profile.targetLevel ? { targetLevel: profile.targetLevel } : {}),
    });
    if (!level) return;
    const statements = await this.pickStatements(rubric, snapshot.journal?.entries ?? [], dimensions, level, drafts);
    if (!statements) return;
    const isPrivate = await this.prompts.pickPrivacy();
    if (isPrivate === undefined) return;

    // One write for all of them, and one for Undo.
    const cites = statements.length ? { statements } : {};
    const added = await this.services.store.appendMany(drafts.map((draft) => ({ data: { ...draft.data, dimensions, level, ...cites, ...(isPrivate ? { private: true } : {}) }, idSeed: draft.idSeed })));
    await this.services.workspaceState.update(RECENT_KEY, [...new Set([...dimensions, ...recent])].slice(0, 10));
    completeWalkthroughStep('tag');
    const what = added.length === 1 ? `“${added[0].title}”` : `${added.length} commits`;
    // Not awaited: the notification stays until dismissed, and the command is done.
    void this.prompts.info(`Tagged ${what} as ${levelName(rubric, level)} evidence for ${dimensionNames(rubric, dimensions)}.`, 'Open in Journal', 'Undo').then((choice) => this.afterTagged(added, choice, recent));
  }

  /**
   * The statements in force at `level` for the chosen dimensions (ladders are cumulative), offered
   * after the level; refs come back with the fingerprint of their text. Statement refs from commit
   * trailers are preselected by skipping the question when they already name statements in force.
   */
  private async pickStatements(rubric: Rubric, entries: readonly Entry[], dimensions: readonly string[], level: string, drafts: readonly Draft[]): Promise<string[] | undefined> {
    const inForce = dimensions.flatMap((id) => {
      const dimension = findDimension(rubric, id);
      return dimension ? (expectationInForce(rubric, dimension, level)?.statements ?? []) : [];
    });
    const fromTrailers = knownStatements(rubric, drafts.flatMap((d) => d.suggestedStatements ?? []));
    if (fromTrailers.length) return fromTrailers;
    if (!inForce.length) return [];
    const cited = new Map([...citations(entries)].map(([ref, list]) => [ref, list.length]));
    const picked = await this.prompts.pickStatements(rubric, { statements: inForce, cited, levelName: levelName(rubric, level) });
    if (!picked) return undefined;
    return inForce.filter((s) => picked.includes(s.ref)).map(citedRef);
  }

  /** Adds dimensions to an entry already in the journal, through the same write path. */
  private async addToEntry(entry: Entry, draft: Draft, pinned: string[]): Promise<void> {
    const snapshot = await this.writableSnapshot();
    const { rubric } = snapshot;
    const recent = this.services.workspaceState.get<string[]>(RECENT_KEY, []);
    const suggested = (draft.suggestedDimensions ?? []).filter((d) => !entry.dimensions.includes(d));
    const targetLevel = snapshot.journal?.profile.targetLevel;
    const dimensions = await this.prompts.pickDimensions(rubric, { recent, preselected: suggested, pinned, subject: `add to ${draft.subject} (has ${dimensionNames(rubric, entry.dimensions)})`, ...(targetLevel ? { targetLevel } : {}) });
    if (!dimensions) return;
    const fresh = dimensions.filter((d) => !entry.dimensions.includes(d));
    if (!fresh.length) throw new Error(`“${entry.title}” already counts toward ${dimensionNames(rubric, entry.dimensions)}. Pick a dimension it does not have yet.`);
    await this.services.store.addDimensions(entry.id, fresh);
    await this.services.workspaceState.update(RECENT_KEY, [...new Set([...fresh, ...recent])].slice(0, 10));
    void this.prompts.info(`Added ${dimensionNames(rubric, fresh)} to “${entry.title}”.`, 'Open in Journal').then((choice) => this.afterTagged([entry], choice, recent));
  }

  private async afterTagged(added: EntryData[], choice: string | undefined, recentBefore: string[]): Promise<void> {
    try {
      if (choice === 'Undo') {
        await this.services.store.remove(...added.map((e) => e.id));
        // An undone tag is no use of those dimensions: "Recently used" goes back to what it was.
        await this.services.workspaceState.update(RECENT_KEY, recentBefore);
        void this.prompts.info(added.length === 1 ? `Removed “${added[0].title}” from the journal.` : `Removed the ${added.length} entries from the journal.`);
      } else if (choice === 'Open in Journal') {
        const snapshot = await this.services.store.snapshot();
        const entry = snapshot.journal?.entries.find((e) => e.id === added[0].id);
        if (snapshot.journalUri) await showAt(snapshot.journalUri, entry?.line ?? 1);
      }
    } catch (e) {
      await this.prompts.error(e instanceof Error ? e.message : String(e));
    }
  }
}

function commitDraft(commit: Commit, repo: Repo): Draft {
  const trailers = growthTrailers(commit.message);
  return {
    data: {
      date: localIsoDate(commit.date ?? new Date()),
      kind: 'commit',
      title: commit.subject,
      commit: { sha: commit.sha, ...(repo.remote ? { repo: repo.remote } : {}), subject: commit.subject },
    },
    idSeed: commit.sha,
    subject: `${commit.sha.slice(0, 7)} “${commit.subject}”`,
    ...(trailers ? { suggestedDimensions: trailers.dimensions, ...(trailers.level ? { suggestedLevel: trailers.level } : {}), ...(trailers.statements ? { suggestedStatements: trailers.statements } : {}) } : {}),
  };
}
