// The one way the extension starts git: execFile with checked arguments (never a shell, never a
// value that can start an option), input on standard input. The extension's Git class and the
// rewritten-commit checks call it in the journal's worker (JournalEngine.runGit): starting a
// process copies the address space of the thread's process, and from an extension host holding
// a large journal that held its thread 30-230 ms.
import { execFile } from 'node:child_process';
import { type GitArgv } from '../../core/git/commitSha';

const GIT_TIMEOUT_MS = 30_000;
/** `git log -p` of a few thousand commits (the patch ids of rewritten commits) is the largest answer asked for. */
const GIT_MAX_OUTPUT = 256 * 1024 * 1024;

/** Runs git in `cwd` with `input` on standard input; resolves with its standard output. */
export function runGit(cwd: string, args: GitArgv, input = ''): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile('git', [...args], { cwd, encoding: 'utf8', maxBuffer: GIT_MAX_OUTPUT, timeout: GIT_TIMEOUT_MS }, (error, stdout) => (error ? reject(error) : resolve(stdout)));
    // A git that exits without reading all of its input fails by its exit code, not by a broken pipe.
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(input);
  });
}

/** Where git runs: this thread (runGit) or the journal's worker. */
export type GitRunner = (cwd: string, args: GitArgv) => Promise<string>;
