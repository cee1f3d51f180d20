import { quoted } from '../text/problem';

/**
 * The one rule for a commit hash that comes from a journal, a trailer or the Git extension,
 * checked where the journal is read and again where a git argument list is built: 7 to 64
 * ASCII hex digits (SHA-1 and SHA-256, abbreviated or full), nothing else. Such a value can
 * never start an option (`--output=FILE`), name a ref (`HEAD~1`) or carry a line break.
 */
const COMMIT_SHA = /^[0-9a-fA-F]{7,64}$/;

export function isCommitSha(value: unknown): value is string {
  return typeof value === 'string' && COMMIT_SHA.test(value);
}

/** Thrown instead of running git with an argument that did not pass the rule. */
export class UnsafeGitArgument extends Error {
  constructor(value: string) {
    super(`${quoted(value)} is not a commit hash (7 to 64 hex digits), so Growth Journal does not pass it to git. Fix it in the journal.`);
    this.name = 'UnsafeGitArgument';
  }
}

/** The hash itself, or an UnsafeGitArgument: the last check before a value becomes a git argument. */
export function checkedSha(value: string): string {
  if (!isCommitSha(value)) throw new UnsafeGitArgument(value);
  return value;
}

/** The first parent of a checked commit, as a revision (`<sha>^`). */
export function parentRevision(sha: string): string {
  return `${checkedSha(sha)}^`;
}

/**
 * A git argument list: the program's own words (a subcommand and options written in the
 * source), then commit hashes, each checked here, then `--`, so git reads nothing after the
 * words as an option and no hash as a path.
 */
export function gitArgv(words: readonly string[], shas: readonly string[] = []): GitArgv {
  const argv: readonly string[] = shas.length ? [...words, ...shas.map(checkedSha), '--'] : [...words];
  return argv as GitArgv;
}

/** An argument list gitArgv built; the only kind the host's git runner takes. */
export type GitArgv = readonly string[] & { readonly __brand: 'GitArgv' };
