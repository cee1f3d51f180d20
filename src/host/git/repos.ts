import * as vscode from 'vscode';
import { checkedSha, gitArgv, isCommitSha, parentRevision } from '../../core/git/commitSha';
import { type GitAPI, type GitCommit, type GitExtension, type GitRepository as GitApiRepository } from './api';
import { requireTrust } from '../workspace/trust';
import { runGit, type GitRunner } from './run';
import { withoutCredentials } from '../../core/git/remoteUrl';

/** A commit as Growth Journal shows and records it. */
export interface Commit {
  sha: string;
  subject: string;
  message: string;
  author: string;
  /** As the commit records it; empty when git gave none. */
  authorEmail: string;
  date?: Date;
}

export interface Repo {
  root: vscode.Uri;
  /** A display name: the folder's name. */
  name: string;
  /** The remote URL permalinks are built from (origin first), if any. */
  remote?: string;
  head?: string;
}

const GIT_API_TIMEOUT_MS = 5_000;

/**
 * Git through the built-in Git extension's API, as VS Code's own features use it; where that
 * API is unavailable (disabled, or not yet initialised) through `git` with an argument array,
 * never a shell. In Restricted Mode it runs nothing.
 */
export class Git {
  /** `run`: where git runs (the journal's worker, in the extension). */
  constructor(private readonly run: GitRunner = runGit) {}

  private api: Promise<GitAPI | undefined> | undefined;

  private gitApi(): Promise<GitAPI | undefined> {
    this.api ??= (async () => {
      const extension = vscode.extensions.getExtension<GitExtension>('vscode.git');
      if (!extension) return undefined;
      const exports = extension.isActive ? extension.exports : await extension.activate();
      if (!exports.enabled) return undefined;
      const api = exports.getAPI(1);
      if (api.state === 'initialized') return api;
      return new Promise<GitAPI | undefined>((resolve) => {
        const timer = setTimeout(() => resolve(undefined), GIT_API_TIMEOUT_MS);
        api.onDidChangeState((s) => {
          if (s === 'initialized') {
            clearTimeout(timer);
            resolve(api);
          }
        });
      });
    })().catch(() => undefined);
    return this.api;
  }

  private requireTrust(): void {
    requireTrust();
  }

  /** The repositories of the workspace folders (one per folder at most), in folder order. */
  async repositories(): Promise<Repo[]> {
    this.requireTrust();
    const repos: Repo[] = [];
    const seen = new Set<string>();
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const repo = await this.repositoryFor(folder.uri);
      if (repo && !seen.has(repo.root.toString())) {
        seen.add(repo.root.toString());
        repos.push(repo);
      }
    }
    return repos;
  }

  async repositoryFor(uri: vscode.Uri): Promise<Repo | undefined> {
    this.requireTrust();
    const api = await this.gitApi();
    const repo = api?.getRepository(uri);
    if (repo) {
      const remotes = repo.state.remotes;
      const fetchUrl = (remotes.find((r) => r.name === 'origin') ?? remotes[0])?.fetchUrl;
      // What is recorded and linked never carries a token: journals get committed.
      const remote = fetchUrl === undefined ? undefined : withoutCredentials(fetchUrl);
      const head = repo.state.HEAD?.commit;
      return { root: repo.rootUri, name: basename(repo.rootUri), ...(remote ? { remote } : {}), ...(isCommitSha(head) ? { head } : {}) };
    }
    if (uri.scheme !== 'file') return undefined;
    const cwd = uri.fsPath;
    const top = await this.run(cwd, gitArgv(['rev-parse', '--show-toplevel'])).catch(() => undefined);
    if (!top) return undefined;
    const root = vscode.Uri.file(top.trim());
    const head = (await this.run(cwd, gitArgv(['rev-parse', '--verify', '--quiet', 'HEAD'])).catch(() => '')).trim();
    // `remote -v` rather than `remote get-url NAME`: a remote's name never becomes an argument.
    const remotes = new Map<string, string>();
    for (const line of (await this.run(cwd, gitArgv(['remote', '-v'])).catch(() => '')).split('\n')) {
      const m = /^([^\t]+)\t(.*) \(fetch\)$/.exec(line);
      if (m && !remotes.has(m[1])) remotes.set(m[1], m[2]);
    }
    const fetchUrl = remotes.get('origin') ?? [...remotes.values()][0];
    const remote = fetchUrl === undefined ? undefined : withoutCredentials(fetchUrl);
    return { root, name: basename(root), ...(remote ? { remote } : {}), ...(isCommitSha(head) ? { head } : {}) };
  }

  /**
   * Calls `listener` after each commit in a workspace repository, made in VS Code or a terminal:
   * HEAD moving to a child of itself. Through the Git API only; without it nothing watches.
   */
  onDidCommit(listener: (repo: Repo, sha: string) => void): Promise<vscode.Disposable> {
    return this.onHeadMove(async (repository, previous, now) => {
      const commit = await repository.getCommit(checkedSha(now)).catch(() => undefined);
      const repo = commit && previous && commit.parents.includes(previous) ? await this.repositoryFor(repository.rootUri) : undefined;
      if (repo) listener(repo, now);
    });
  }

  /** Calls `listener` when HEAD of a workspace repository moves (a commit, a rebase, an amend, a checkout). Through the Git API only. */
  onDidMoveHead(listener: () => void): Promise<vscode.Disposable> {
    return this.onHeadMove(() => listener());
  }

  /** Calls `listener` with HEAD before and after, each time HEAD of a workspace repository moves. */
  private async onHeadMove(listener: (repository: GitApiRepository, previous: string | undefined, now: string) => void): Promise<vscode.Disposable> {
    const api = vscode.workspace.isTrusted ? await this.gitApi() : undefined;
    if (!api) return new vscode.Disposable(() => undefined);
    const subscriptions: vscode.Disposable[] = [];
    const watch = (repository: GitApiRepository) => {
      let head = repository.state.HEAD?.commit;
      subscriptions.push(
        repository.state.onDidChange(() => {
          const now = repository.state.HEAD?.commit;
          if (!isCommitSha(now) || now === head) return;
          const previous = head;
          head = now;
          listener(repository, previous, now);
        }),
      );
    };
    api.repositories.forEach(watch);
    subscriptions.push(api.onDidOpenRepository(watch));
    return vscode.Disposable.from(...subscriptions);
  }

  async recentCommits(repo: Repo, count: number): Promise<Commit[]> {
    this.requireTrust();
    const api = await this.gitApi();
    const apiRepo = api?.getRepository(repo.root);
    if (apiRepo) return (await apiRepo.log({ maxEntries: count })).map(fromApi).filter((c) => isCommitSha(c.sha));
    // %x1e separates records and %x00 fields, so any message text is safe.
    const out = await this.run(repo.root.fsPath, gitArgv(['log', `--max-count=${Math.floor(count)}`, '--format=%H%x00%an%x00%ae%x00%aI%x00%B%x1e']));
    return out
      .split('\x1e')
      .map((r) => r.replace(/^\n/, ''))
      .filter((r) => r.includes('\x00'))
      .map((record) => {
        const [sha, author, authorEmail, date, message] = record.split('\x00');
        return { sha, author, authorEmail, date: new Date(date), message: message.replace(/\n+$/, ''), subject: message.split('\n')[0] };
      })
      .filter((c) => isCommitSha(c.sha));
  }

  /** The files a commit changed, as git: URIs before and after, when the Git API is there. */
  async changes(repo: Repo, commit: Commit): Promise<CommitChanges | undefined> {
    this.requireTrust();
    const api = await this.gitApi();
    const apiRepo = api?.getRepository(repo.root);
    if (!api || !apiRepo) return undefined;
    const sha = checkedSha(commit.sha);
    const parent = parentRevision(sha);
    const changes = await apiRepo.diffBetween(parent, sha).catch(() => undefined);
    if (!changes) return undefined;
    const ADDED = [1, 7];
    const DELETED = [2, 6];
    return {
      title: `${sha.slice(0, 7)} ${commit.subject}`,
      resources: changes.map((c) => {
        const after = c.renameUri ?? c.uri;
        return [after, ADDED.includes(c.status) ? undefined : api.toGitUri(c.originalUri, parent), DELETED.includes(c.status) ? undefined : api.toGitUri(after, sha)];
      }),
    };
  }

  /** `git show` of a commit, for when the Git API cannot list its changes. */
  async show(repo: Repo, sha: string): Promise<string> {
    this.requireTrust();
    return this.run(repo.root.fsPath, gitArgv(['show', '--stat', '--patch', '--format=fuller', '--no-color'], [sha]));
  }

  /** A commit by its hash (from a journal, a trailer or git itself); throws UnsafeGitArgument for anything else. */
  async commit(repo: Repo, sha: string): Promise<Commit | undefined> {
    checkedSha(sha);
    this.requireTrust();
    const api = await this.gitApi();
    const apiRepo = api?.getRepository(repo.root);
    if (apiRepo) return apiRepo.getCommit(checkedSha(sha)).then(fromApi, () => undefined);
    const lower = sha.toLowerCase();
    return (await this.recentCommits(repo, 200)).find((c) => c.sha.startsWith(lower));
  }

  /** The commit HEAD points at, or undefined in a repository without commits. */
  async head(repo: Repo): Promise<Commit | undefined> {
    this.requireTrust();
    const api = await this.gitApi();
    const head = api?.getRepository(repo.root)?.state.HEAD?.commit ?? (await this.repositoryFor(repo.root))?.head;
    return isCommitSha(head) ? this.commit(repo, head) : undefined;
  }

  /**
   * Of several repositories, the one committed to last: the newest HEAD commit (its committer date,
   * which a commit, an amend or a rebase sets). Undefined when that does not tell (no commits, a tie).
   */
  async lastCommittedTo(repos: readonly Repo[]): Promise<Repo | undefined> {
    this.requireTrust();
    const api = await this.gitApi();
    const headTime = async (repo: Repo): Promise<number | undefined> => {
      const apiRepo = api?.getRepository(repo.root);
      const head = apiRepo?.state.HEAD?.commit;
      if (apiRepo && isCommitSha(head)) {
        const commit = await apiRepo.getCommit(checkedSha(head)).catch(() => undefined);
        return (commit?.commitDate ?? commit?.authorDate)?.getTime();
      }
      const seconds = Number((await this.run(repo.root.fsPath, gitArgv(['log', '-1', '--format=%ct'])).catch(() => '')).trim());
      return seconds > 0 ? seconds * 1000 : undefined;
    };
    const times = await Promise.all(repos.map(headTime));
    const newest = Math.max(...times.map((t) => t ?? -Infinity));
    const at = times.flatMap((t, i) => (t === newest ? [repos[i]] : []));
    return Number.isFinite(newest) && at.length === 1 ? at[0] : undefined;
  }

  /** `user.email` as git resolves it for the repository (local, then global, then system), or '' when unset. */
  async userEmail(repo: Repo): Promise<string> {
    this.requireTrust();
    return (await this.run(repo.root.fsPath, gitArgv(['config', '--get', 'user.email'])).catch(() => '')).trim();
  }
}

export interface CommitChanges {
  title: string;
  /** [resource, before, after] as the `vscode.changes` command takes them. */
  resources: [vscode.Uri, vscode.Uri | undefined, vscode.Uri | undefined][];
}

function fromApi(c: GitCommit): Commit {
  const message = c.message.replace(/\n+$/, '');
  return { sha: c.hash, message, subject: message.split('\n')[0], author: c.authorName ?? '', authorEmail: c.authorEmail ?? '', ...(c.authorDate ? { date: c.authorDate } : {}) };
}

function basename(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}
