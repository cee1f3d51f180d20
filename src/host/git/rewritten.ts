// Cited commits a rebase or an amend left behind, found by git through execFile with checked
// arguments (never a shell); hashes go to git on standard input, one per line, never as options.
import { gitArgv, isCommitSha, type GitArgv } from '../../core/git/commitSha';
import { parsePatchIds, PATCH_ID_DEPTH, type CitedCommit, type LostCommit } from '../../core/git/rewritten';
import { runGit as git } from './run';

const REACHING_REFS = ['--branches', '--tags', '--remotes'];

/** `git log -p` of some commits fed to `git patch-id --stable`: patch id -> commit, newest first. */
async function patchIds(cwd: string, log: GitArgv, input = ''): Promise<Map<string, string>> {
  const patches = await git(cwd, log, input);
  return parsePatchIds(await git(cwd, gitArgv(['patch-id', '--stable']), patches));
}

/** The patch ids of the newest reachable commits, per repository and ref tips: computed once while no ref moves. */
const reachablePatches = new Map<string, { tips: string; byPatch: Promise<Map<string, string>> }>();

/** The git repository's top folder that holds `folder`, or undefined when it is in none (or git is missing). */
export async function repositoryRoot(folder: string): Promise<string | undefined> {
  const top = await git(folder, gitArgv(['rev-parse', '--show-toplevel'])).catch(() => undefined);
  return top?.trim() || undefined;
}

/**
 * Of `cited`, the commits of the repository at `root` that no branch or tag reaches, each with
 * the reachable commit that has the same patch when one of the newest PATCH_ID_DEPTH has it.
 * Hashes the repository does not hold are not reported here: they may be another repository's.
 */
export async function lostCommits(root: string, cited: readonly CitedCommit[]): Promise<LostCommit[]> {
  const shas = [...new Set(cited.map((c) => c.sha))].filter(isCommitSha);
  if (shas.length === 0) return [];
  // While no ref moves and the journal cites the same commits, the answer stays the same.
  const tips = await git(root, gitArgv(['for-each-ref', '--format=%(objectname) %(refname)', 'refs/heads', 'refs/tags', 'refs/remotes']));
  const key = `${tips}\n${shas.sort().join(' ')}`;
  let known = lastAnswers.get(root);
  if (known?.key !== key) {
    known = { key, lost: lostShas(root, shas, tips) };
    lastAnswers.set(root, known);
  }
  const lost = await known.lost;
  return cited.filter((c) => lost.has(c.sha)).map((c) => {
    const successor = lost.get(c.sha);
    return { cited: c, ...(successor ? { successor } : {}) };
  });
}

/** The last answer per repository: the ref tips and hashes asked about, and the lost hashes with their successors. */
const lastAnswers = new Map<string, { key: string; lost: Promise<Map<string, string | undefined>> }>();

/** Of `shas`, those no ref reaches, each with the reachable commit of the same patch, if any. */
async function lostShas(root: string, shas: readonly string[], tips: string): Promise<Map<string, string | undefined>> {
  // Which hashes name commits here, by their full names.
  const checked = await git(root, gitArgv(['cat-file', '--batch-check=%(objectname) %(objecttype)']), shas.join('\n') + '\n');
  const full = new Map<string, string>();
  checked.split('\n').forEach((line, i) => {
    const [name, type] = line.split(' ');
    if (type === 'commit' && isCommitSha(name) && i < shas.length) full.set(shas[i], name);
  });
  const found = new Map<string, string | undefined>();
  if (full.size === 0) return found;
  // Commits reachable from the cited ones and from no branch or tag: a walk that stops where they meet.
  const unreachable = new Set((await git(root, gitArgv(['rev-list', '--stdin', '--not', ...REACHING_REFS]), [...new Set(full.values())].join('\n') + '\n')).split('\n'));
  const lost = [...full].filter(([, name]) => unreachable.has(name));
  if (lost.length === 0) return found;
  let cache = reachablePatches.get(root);
  if (cache?.tips !== tips) {
    cache = { tips, byPatch: patchIds(root, gitArgv(['log', `--max-count=${PATCH_ID_DEPTH}`, '--no-merges', '-p', '--no-color', '--format=commit %H', ...REACHING_REFS])) };
    reachablePatches.set(root, cache);
  }
  const byPatch = await cache.byPatch;
  const ownPatches = await patchIds(root, gitArgv(['log', '--no-walk=unsorted', '--stdin', '-p', '--no-color', '--format=commit %H']), [...new Set(lost.map(([, name]) => name))].join('\n') + '\n');
  const patchOf = new Map([...ownPatches].map(([patch, sha]) => [sha, patch]));
  for (const [sha, name] of lost) found.set(sha, byPatch.get(patchOf.get(name) ?? ''));
  return found;
}
