import { type Problem } from '../text/problem';

/**
 * Commits a rebase or an amend left behind. Such a commit still exists (git keeps the object a
 * while), so "exists" is not the test: a cited commit is reported when no branch or tag (local
 * or remote) reaches it, and re-pointed when a reachable commit has the same patch
 * (`git patch-id --stable`). The host runs git; what it answers is read here.
 */

/** The problem code of a cited commit no branch or tag reaches: the quick fix looks for it. */
export const REWRITTEN_CODE = 'commit-unreachable';

/** How many of the newest reachable commits are searched for the same patch. */
export const PATCH_ID_DEPTH = 3000;

/** A commit an entry cites, and where the journal holds its hash (1-based). */
export interface CitedCommit {
  entryId: string;
  title: string;
  sha: string;
  line: number;
  column: number;
}

/** What git says of a cited commit no branch or tag reaches: the reachable commit with its patch, if any. */
export interface LostCommit {
  cited: CitedCommit;
  successor?: string;
}

/** `git patch-id` output (`<patch-id> <commit>` per line) as patch id -> the first commit listed with it. */
export function parsePatchIds(output: string): Map<string, string> {
  const byPatch = new Map<string, string>();
  for (const line of output.split('\n')) {
    const m = /^([0-9a-f]{40,64}) ([0-9a-f]{40,64})$/.exec(line.trim());
    if (m && !byPatch.has(m[1])) byPatch.set(m[1], m[2]);
  }
  return byPatch;
}

/** The warning for a lost commit, at its hash in the journal. */
export function lostCommitProblem(lost: LostCommit, repoName: string): Problem {
  const { cited, successor } = lost;
  const what = `Commit ${cited.sha.slice(0, 7)} of entry “${cited.title}”`;
  const message = successor
    ? `${what} is no longer on any branch or tag of ${repoName} (a rebase or an amend rewrote it): it is now ${successor.slice(0, 7)}, same change. Use the quick fix, or growth-journal relink, to re-point the entry.`
    : `${what} is no longer on any branch or tag of ${repoName} (a rebase or an amend rewrote it, or its branch was deleted), and none of the last ${PATCH_ID_DEPTH.toLocaleString('en-US')} commits on them has the same change. Point the entry at the commit that holds the work now, or push the branch that has it.`;
  return { severity: 'warning', code: REWRITTEN_CODE, message, line: cited.line, column: cited.column };
}

/**
 * Where an entry's commit hash is written: the first `sha:` line holding it at or after the
 * entry's first line (`lines` 0-based), else the entry's line. Text only, so it works on the
 * journal as the user wrote it, in block or flow style.
 */
export function shaPlace(lines: readonly string[], entryLine: number, sha: string): { line: number; column: number } {
  for (let i = entryLine - 1; i < lines.length; i++) {
    const at = lines[i].indexOf(sha);
    if (at >= 0 && /sha:\s*['"]?$/.test(lines[i].slice(0, at))) return { line: i + 1, column: at + 1 };
  }
  return { line: entryLine, column: 1 };
}

/**
 * Each lost commit with the place of its hash in the journal's text. The text is asked for and
 * split into lines only when a commit was lost: a large journal whose commits are all reachable
 * costs nothing here.
 */
export function placeLostShas<T extends { lost: LostCommit }>(found: readonly T[], text: () => string): T[] {
  if (found.length === 0) return [];
  const lines = text().split(/\r\n|\r|\n/);
  return found.map((f) => ({ ...f, lost: { ...f.lost, cited: { ...f.lost.cited, ...shaPlace(lines, f.lost.cited.line, f.lost.cited.sha) } } }));
}
