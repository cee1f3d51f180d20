import * as vscode from 'vscode';
import { isCommitSha } from '../../core/git/commitSha';
import { localIsoDate } from '../../core/time/dates';
import { type Entry, type EntryData, type Profile, growthTrailers, knownStatements } from '../../core/journal';
import { allDimensions, dimensionNames, levelName, levelRank, type Rubric } from '../../core/rubric/rubric';
import { citations } from '../../core/reports/coverage';
import { citedRef, expectationInForce, findStatement, parseStatementRef, refDimension, refKey, type Statement } from '../../core/rubric/statements';
import { type Commit, type Repo } from '../../host/git/repos';
import { JournalError } from '../../host/journal/error';
import { type JournalSnapshot } from '../../host/journal/store';
import { guarded, showAt, type Services } from '../../host/services';
import { requireTrust } from '../../host/workspace/trust';
import { recordedSelection } from '../../host/workspace/selection';
import { completeWalkthroughStep } from '../../host/ui/walkthrough';
import { shortened } from '../../core/text/shorten';

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

/**
 * What a tag starts from, already known so not asked again: dimensions chosen in the tree, or a
 * statement without evidence, which brings its dimension and level.
 */
interface Start {
  dimensions: string[];
  statement?: Statement;
}

const NOTHING_KNOWN: Start = { dimensions: [] };

/** The tagging commands: commits, the last commit, a code selection, a note, and "for this dimension" or "for this statement". */
export function registerTagging(context: vscode.ExtensionContext, services: Services): void {
  const flows = new TaggingFlows(services);
  const register = (id: string, body: (...args: never[]) => Promise<unknown>) =>
    context.subscriptions.push(vscode.commands.registerCommand(id, guarded(services, body as (...args: unknown[]) => Promise<unknown>)));
  register('growthJournal.tagCommit', (item?: unknown, uri?: unknown) => flows.tagCommits(commitFromTimeline(item), uri instanceof vscode.Uri ? uri : undefined));
  register('growthJournal.tagLastCommit', () => flows.tagLastCommit());
  register('growthJournal.tagSelection', () => flows.tagSelection());
  register('growthJournal.addNote', () => flows.addNote());
  register('growthJournal.tagEvidence', () => flows.tagAny(NOTHING_KNOWN));
  register('growthJournal.tagForDimension', (arg?: unknown) => flows.tagAny({ dimensions: dimensionIdOf(arg) }));
  register('growthJournal.tagForStatement', (arg?: unknown) => flows.tagForStatement(statementRefOf(arg)));
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

/** A statement ref as given (Compare's matrix), or the ref of the tree's statement item. */
function statementRefOf(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg;
  const node = arg as { kind?: unknown; dimension?: { id?: unknown }; levelId?: unknown; index?: unknown } | undefined;
  return node?.kind === 'statement' && typeof node.dimension?.id === 'string' && typeof node.levelId === 'string' && typeof node.index === 'number' ? `${node.dimension.id}/${node.levelId}/${node.index + 1}` : undefined;
}

class TaggingFlows {
  constructor(private readonly services: Services) {}

  private get prompts() {
    return this.services.prompts;
  }

  async tagAny(start: Start): Promise<void> {
    const { rubric } = await this.writableSnapshot();
    const kind = await this.prompts.pickEvidenceKind(!!vscode.window.activeTextEditor && !vscode.window.activeTextEditor.selection.isEmpty, startName(rubric, start));
    if (kind === 'commit') await this.tagCommits(undefined, undefined, start);
    if (kind === 'lastCommit') await this.tagLastCommit(start);
    if (kind === 'selection') await this.tagSelection(start);
    if (kind === 'note') await this.addNote(start);
  }

  async tagForStatement(ref: string | undefined): Promise<void> {
    const { rubric } = await this.writableSnapshot();
    const parsed = ref === undefined ? undefined : parseStatementRef(ref);
    const statement = parsed && findStatement(rubric, parsed);
    if (!statement) throw new Error(`${ref === undefined ? 'No statement was given' : `“${ref}” is not a statement of ${rubric.name}`}. Run Tag Evidence for This Statement… from a statement in the Growth view or in Compare Levels.`);
    await this.tagAny({ dimensions: [statement.dimensionId], statement });
  }

  async tagCommits(sha?: string, from?: vscode.Uri, start: Start = NOTHING_KNOWN): Promise<void> {
    const snapshot = await this.writableSnapshot();
    // Which commits to list: the person's choice unless the file or editor says (the last commit is no guide here).
    const repo = from ? await this.services.git.repositoryFor(from) : await this.repositoryToTag(false);
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
    if (commits.length === 1) return this.tagOneCommit(commits[0], repo, start);
    // Of several, those already in the journal keep their entries: no second entry for a commit.
    const fresh = commits.filter((c) => !tagged.has(c.sha));
    if (!fresh.length) throw new Error(`All ${commits.length} commits are already in the journal. To add dimensions to one, tag it on its own.`);
    if (fresh.length === 1) return this.tagOneCommit(fresh[0], repo, start);
    await this.complete(fresh.map((c) => commitDraft(c, repo)), start);
  }

  async tagLastCommit(start: Start = NOTHING_KNOWN): Promise<void> {
    await this.writableSnapshot();
    const repo = await this.repositoryToTag(true);
    if (!repo) return;
    const head = await this.services.git.head(repo);
    if (!head) throw new Error(`${repo.name} has no commits yet. Commit first, or add a note instead.`);
    await this.tagOneCommit(head, repo, start);
  }

  /** A commit already in the journal gets more dimensions on its entry, never a second entry. */
  private async tagOneCommit(commit: Commit, repo: Repo, start: Start): Promise<void> {
    const draft = commitDraft(commit, repo);
    const snapshot = await this.writableSnapshot();
    const existing = snapshot.journal?.entries.find((e) => e.kind === 'commit' && e.commit?.sha === commit.sha);
    if (!existing) return this.complete([draft], start);
    const add = await this.prompts.pick(`${draft.subject} is already tagged`, `It is evidence for ${dimensionNames(snapshot.rubric, existing.dimensions)} (${existing.date}). Add dimensions to that entry?`, [
      { label: '$(add) Add dimensions to that entry', description: 'no second entry for the same commit', value: true },
    ]);
    if (add) await this.addToEntry(existing, draft, start.dimensions);
  }

  async tagSelection(start: Start = NOTHING_KNOWN): Promise<void> {
    const { rubric } = await this.writableSnapshot();
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.selection.isEmpty) throw new Error('Select the code to tag in an editor first.');
    const { document } = editor;
    const selection = await recordedSelection(this.services.git, editor);
    const { file, startLine, endLine } = selection;
    const name = document.uri.path.slice(document.uri.path.lastIndexOf('/') + 1);
    const title = await this.prompts.inputTitle(`What does this code show${forStart(rubric, start)}? One line for the journal.`, `${name}, lines ${startLine}-${endLine}`, `Tag Evidence${forStart(rubric, start)}`);
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
    await this.complete([draft], start);
  }

  async addNote(start: Start = NOTHING_KNOWN): Promise<void> {
    const { rubric } = await this.writableSnapshot();
    const title = await this.prompts.inputTitle(`What did you do${forStart(rubric, start)}? One line for the journal.`, undefined, `Tag Evidence${forStart(rubric, start)}`);
    if (!title?.trim()) return;
    const details = await this.prompts.inputDetails();
    if (details === undefined) return;
    const draft: Draft = {
      data: { date: localIsoDate(new Date()), kind: 'note', title: title.trim(), ...(details.trim() ? { note: details.trim() } : {}) },
      idSeed: `${title}|${Date.now()}`,
      subject: `“${title.trim()}”`,
    };
    await this.complete([draft], start);
  }

  /**
   * The repository without a question where something tells: the active editor's file, or (when
   * `lastCommitted`) the repository committed to last. A picker only when nothing does.
   */
  private async repositoryToTag(lastCommitted: boolean): Promise<Repo | undefined> {
    const { git } = this.services;
    const repos = await git.repositories();
    if (repos.length === 0) throw new Error('No git repository is open in this workspace. Add a note instead, or open a repository.');
    if (repos.length === 1) return repos[0];
    const active = vscode.window.activeTextEditor?.document.uri;
    const ofEditor = active?.scheme === 'file' ? await git.repositoryFor(active) : undefined;
    const known = ofEditor && repos.find((r) => r.root.toString() === ofEditor.root.toString());
    return known ?? (lastCommitted ? await git.lastCommittedTo(repos) : undefined) ?? this.prompts.pickRepository(repos);
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

  /**
   * The questions every flow shares, each with a default Enter takes, then one entry per draft and
   * a notification with Undo: for one commit what it achieved (and its title), then what it shows
   * (dimensions and statements, unless the start says), then the level and visibility.
   */
  private async complete(drafts: Draft[], start: Start): Promise<void> {
    const snapshot = await this.writableSnapshot();
    const { rubric } = snapshot;
    const profile = snapshot.journal?.profile ?? {};
    const recent = this.services.workspaceState.get<string[]>(RECENT_KEY, []);
    const subject = drafts.length === 1 ? drafts[0].subject : `${drafts.length} commits`;
    const title = `Tag Evidence${forStart(rubric, start)}`;
    if (drafts.length === 1 && drafts[0].data.kind === 'commit') {
      const story = await this.prompts.inputAchievement(subject, drafts[0].data.title);
      if (!story) return;
      drafts = [{ ...drafts[0], data: { ...drafts[0].data, title: story.title, ...(story.note ? { note: story.note } : {}) } }];
    }
    const shown = start.statement ? { dimensions: [start.statement.dimensionId], statements: [start.statement.ref] } : await this.pickShown(rubric, snapshot.journal?.entries ?? [], profile, drafts, start, recent, subject);
    if (!shown) return;
    // A statement ticked brings its dimension.
    const dimensions = [...new Set([...shown.dimensions, ...shown.statements.map(refDimension)])];
    if (!dimensions.length) throw new Error('Pick at least one dimension: evidence counts toward the dimensions it is tagged with.');
    const statements = shown.statements.flatMap((ref) => {
      const parsed = parseStatementRef(ref);
      const statement = parsed && findStatement(rubric, parsed);
      return statement ? [statement] : [];
    });
    const level = start.statement ? { id: start.statement.levelId, because: 'the statement’s level' } : defaultLevel(rubric, drafts, statements, profile.currentLevel);
    const answer = await this.prompts.pickLevelAndVisibility(rubric, {
      title: `${title}: Level shown and visibility · ${subject}`,
      suggested: level.id,
      because: level.because,
      ...(start.statement ? { only: [start.statement.levelId] } : {}),
      ...(profile.currentLevel ? { currentLevel: profile.currentLevel } : {}),
      ...(profile.targetLevel ? { targetLevel: profile.targetLevel } : {}),
    });
    if (!answer) return;

    // One write for all of them, and one for Undo.
    const cites = statements.length ? { statements: statements.map(citedRef) } : {};
    const added = await this.services.store.appendMany(drafts.map((draft) => ({ data: { ...draft.data, dimensions, level: answer.level, ...cites, ...(answer.private ? { private: true } : {}) }, idSeed: draft.idSeed })));
    await this.services.workspaceState.update(RECENT_KEY, [...new Set([...dimensions, ...recent])].slice(0, 10));
    completeWalkthroughStep('tag');
    const what = added.length === 1 ? `“${added[0].title}”` : `${added.length} commits`;
    // Not awaited: the notification stays until dismissed, and the command is done.
    void this.prompts.info(`Tagged ${what} as ${levelName(rubric, answer.level)} evidence for ${dimensionNames(rubric, dimensions)}.`, 'Open in Journal', 'Undo').then((choice) => this.afterTagged(added, choice, recent));
  }

  /**
   * Dimensions and statements in one question. Under each dimension, the statements in force at the
   * current and the target level (ladders are cumulative), and any a commit trailer names; those
   * and the trailer's dimensions come ticked.
   */
  private pickShown(rubric: Rubric, entries: readonly Entry[], profile: Profile, drafts: readonly Draft[], start: Start, recent: readonly string[], subject: string) {
    const levels = [...new Set([profile.currentLevel, profile.targetLevel].filter((l): l is string => !!l && levelRank(rubric, l) >= 0))];
    const fromTrailers = knownStatements(rubric, drafts.flatMap((d) => d.suggestedStatements ?? [])).map(refKey);
    const byDimension = new Map<string, Statement[]>();
    for (const dimension of allDimensions(rubric)) {
      const inForce = (levels.length ? levels : [rubric.levels[rubric.levels.length - 1].id]).flatMap((l) => expectationInForce(rubric, dimension, l)?.statements ?? []);
      const named = fromTrailers.flatMap((ref) => {
        const parsed = parseStatementRef(ref);
        const statement = parsed?.dimensionId === dimension.id ? findStatement(rubric, parsed) : undefined;
        return statement ? [statement] : [];
      });
      const unique = new Map([...inForce, ...named].map((s) => [s.ref, s]));
      byDimension.set(dimension.id, [...unique.values()].sort((a, b) => levelRank(rubric, a.levelId) - levelRank(rubric, b.levelId) || a.n - b.n));
    }
    const cited = new Map([...citations(entries)].map(([ref, list]) => [ref, list.length]));
    return this.prompts.pickDimensions(rubric, {
      recent,
      preselected: [...new Set(drafts.flatMap((d) => d.suggestedDimensions ?? []))],
      pinned: start.dimensions,
      subject,
      ...(profile.targetLevel ? { targetLevel: profile.targetLevel } : {}),
      statements: { byDimension, preselected: fromTrailers, cited },
    });
  }

  /** Adds dimensions to an entry already in the journal, through the same write path. */
  private async addToEntry(entry: Entry, draft: Draft, pinned: string[]): Promise<void> {
    const snapshot = await this.writableSnapshot();
    const { rubric } = snapshot;
    const recent = this.services.workspaceState.get<string[]>(RECENT_KEY, []);
    const suggested = (draft.suggestedDimensions ?? []).filter((d) => !entry.dimensions.includes(d));
    const targetLevel = snapshot.journal?.profile.targetLevel;
    const picked = await this.prompts.pickDimensions(rubric, { recent, preselected: suggested, pinned, subject: `add to ${draft.subject} (has ${dimensionNames(rubric, entry.dimensions)})`, ...(targetLevel ? { targetLevel } : {}) });
    if (!picked) return;
    const fresh = picked.dimensions.filter((d) => !entry.dimensions.includes(d));
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

/** " for Technical Depth", " for “Reviews designs…”": what a tag started from, for its questions. */
function forStart(rubric: Rubric, start: Start): string {
  const name = startName(rubric, start);
  return name ? ` for ${name}` : '';
}

function startName(rubric: Rubric, start: Start): string | undefined {
  if (start.statement) return `“${shortened(start.statement.text, 60)}”`;
  return start.dimensions.length ? dimensionNames(rubric, start.dimensions) : undefined;
}

/**
 * The level a tag suggests claims no more than the entry shows: the level its commit trailer
 * names, else the highest level of the statements it cites, else the person's current level,
 * else the ladder's first. Never the target by default: one Enter must not claim it.
 */
function defaultLevel(rubric: Rubric, drafts: readonly Draft[], statements: readonly Statement[], currentLevel: string | undefined): { id: string; because: string } {
  const fromTrailer = drafts.find((d) => d.suggestedLevel && levelRank(rubric, d.suggestedLevel) >= 0)?.suggestedLevel;
  if (fromTrailer) return { id: fromTrailer, because: 'named by the commit’s Growth-Level trailer' };
  if (statements.length) {
    const highest = statements.reduce((a, b) => (levelRank(rubric, b.levelId) > levelRank(rubric, a.levelId) ? b : a));
    return { id: highest.levelId, because: statements.length === 1 ? 'the level of the statement cited' : 'the level of the statements cited' };
  }
  if (currentLevel && levelRank(rubric, currentLevel) >= 0) return { id: currentLevel, because: 'your current level' };
  return { id: rubric.levels[0].id, because: 'the first level: no current level is set' };
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
