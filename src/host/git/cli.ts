// Git for the CLI: execFile with checked arguments, never a shell, never a value that can start an option.
import { execFileSync } from 'node:child_process';
import { gitArgv, isCommitSha, type GitArgv } from '../../core/git/commitSha';
import { withoutCredentials } from '../../core/git/remoteUrl';

export interface CliCommit {
  sha: string;
  subject: string;
  date: string;
  remote?: string;
}

function git(cwd: string, args: GitArgv): string {
  return execFileSync('git', [...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 16 * 1024 * 1024 });
}

/** The commit `rev` names in the repository at `cwd`, with what the journal records of it. */
export function readCommit(cwd: string, rev: string): CliCommit {
  if (!rev || rev.startsWith('-') || /[\0\s]/.test(rev)) throw new Error(`"${rev}" is not a revision.`);
  let sha: string;
  try {
    // The one place a revision from the user is passed: after --end-of-options, so it is never an option.
    sha = git(cwd, gitArgv(['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`])).trim();
  } catch {
    throw new Error(`"${rev}" names no commit in the repository at ${cwd}.`);
  }
  if (!isCommitSha(sha)) throw new Error(`git answered "${sha}" for ${rev}, which is not a commit hash.`);
  const [subject, date] = git(cwd, gitArgv(['show', '-s', '--format=%s%x00%as'], [sha])).replace(/\n$/, '').split('\0');
  // `remote -v` rather than `remote get-url NAME`, as the extension does: a remote's name never becomes an argument.
  const remotes = new Map<string, string>();
  for (const line of git(cwd, gitArgv(['remote', '-v'])).split('\n')) {
    const m = /^([^\t]+)\t(.*) \(fetch\)$/.exec(line);
    if (m && !remotes.has(m[1])) remotes.set(m[1], m[2]);
  }
  const remote = remotes.get('origin') ?? [...remotes.values()][0];
  return { sha, subject, date, ...(remote ? { remote: withoutCredentials(remote) } : {}) };
}
