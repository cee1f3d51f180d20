// Git for the CLI: execFile with checked arguments, never a shell, never a value that can start an option.
import { execFileSync } from 'node:child_process';
import { isCommitSha } from '../core/commitSha';
import { withoutCredentials } from '../core/remoteUrl';

export interface CliCommit {
  sha: string;
  subject: string;
  date: string;
  remote?: string;
}

function git(cwd: string, args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 16 * 1024 * 1024 });
}

/** The commit `rev` names in the repository at `cwd`, with what the journal records of it. */
export function readCommit(cwd: string, rev: string): CliCommit {
  if (!rev || rev.startsWith('-') || /[\0\s]/.test(rev)) throw new Error(`"${rev}" is not a revision.`);
  let sha: string;
  try {
    sha = git(cwd, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`]).trim();
  } catch {
    throw new Error(`"${rev}" names no commit in the repository at ${cwd}.`);
  }
  if (!isCommitSha(sha)) throw new Error(`git answered "${sha}" for ${rev}, which is not a commit hash.`);
  const [subject, date] = git(cwd, ['show', '-s', '--format=%s%x00%as', sha, '--']).replace(/\n$/, '').split('\0');
  const remotes = git(cwd, ['remote']).split('\n').filter(Boolean);
  const name = remotes.includes('origin') ? 'origin' : remotes[0];
  const remote = name && !name.startsWith('-') ? git(cwd, ['remote', 'get-url', '--', name]).trim() : '';
  return { sha, subject, date, ...(remote ? { remote: withoutCredentials(remote) } : {}) };
}
