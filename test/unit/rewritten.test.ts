import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parsePatchIds, placeLostShas, shaPlace } from '../../src/core/git/rewritten';
import { lostCommits } from '../../src/host/git/rewritten';
import { run } from './helpers';

/** A repository with a journal citing three commits, then history rewritten under them. */
function rewrittenRepo() {
  const dir = mkdtempSync(join(tmpdir(), 'growth-rewritten-'));
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 'Dana', GIT_AUTHOR_EMAIL: 'dana@example.com', GIT_COMMITTER_NAME: 'Dana', GIT_COMMITTER_EMAIL: 'dana@example.com' } }).trim();
  const commit = (file: string, text: string, message: string) => {
    writeFileSync(join(dir, file), text);
    git('add', file);
    git('commit', '-q', '-m', message);
    return git('rev-parse', 'HEAD');
  };
  git('init', '-q', '-b', 'main');
  const kept = commit('a.txt', 'a\n', 'first');
  // Rebased: a feature commit moved onto a new main commit keeps its patch, not its hash.
  git('checkout', '-q', '-b', 'feature');
  const rebased = commit('b.txt', 'b\n', 'feature work');
  git('checkout', '-q', 'main');
  commit('c.txt', 'c\n', 'meanwhile on main');
  git('checkout', '-q', 'feature');
  git('rebase', '-q', 'main');
  const rebasedNow = git('rev-parse', 'HEAD');
  // Amended: the message changes, the change does not.
  const amended = commit('d.txt', 'd\n', 'typo in message');
  git('commit', '-q', '--amend', '-m', 'fixed message');
  const amendedNow = git('rev-parse', 'HEAD');
  // Dropped: reset away, with no commit of the same change left.
  const dropped = commit('e.txt', 'e\n', 'abandoned');
  git('reset', '-q', '--hard', 'HEAD~1');
  const entry = (id: string, sha: string, title: string) => [`  - id: ${id}`, '    date: 2026-11-03', '    kind: commit', `    title: ${title}`, '    dimensions: [technical-depth]', '    commit:', `      sha: ${sha}   # as recorded`, `      subject: ${title}`];
  const journal = ['# mine', 'version: 1', 'rubric: product-security', 'entries:', ...entry('ev-kept', kept, 'First'), ...entry('ev-rebased', rebased, 'Feature work'), ...entry('ev-amended', amended.slice(0, 10), 'Fixed message'), ...entry('ev-dropped', dropped, 'Abandoned'), ''].join('\n');
  mkdirSync(join(dir, '.growth'));
  writeFileSync(join(dir, '.growth/journal.yaml'), journal);
  return { dir, journal, kept, rebased, rebasedNow, amended, amendedNow, dropped };
}

describe('commits a rebase or an amend rewrote', () => {
  it('reads patch-id output, keeping the newest commit of each patch', () => {
    const p = 'a'.repeat(40);
    assert.deepEqual([...parsePatchIds(`${p} ${'1'.repeat(40)}\n${p} ${'2'.repeat(40)}\nnoise\n`)], [[p, '1'.repeat(40)]]);
  });

  it('places the warning at the hash as written', () => {
    assert.deepEqual(shaPlace(['  - id: a', '    commit:', "      sha: 'abcdef1'  # x"], 1, 'abcdef1'), { line: 3, column: 13 });
    assert.deepEqual(shaPlace(['  - id: a'], 1, 'abcdef1'), { line: 1, column: 1 });
  });

  it('reads the journal for the places of hashes only when a commit was lost', () => {
    assert.deepEqual(placeLostShas([], () => assert.fail('the text is not asked for')), []);
    const cited = { entryId: 'a', title: 'T', sha: 'abcdef1', line: 1, column: 1 };
    const placed = placeLostShas([{ lost: { cited }, repoName: 'app' }], () => "  - id: a\r\n    commit:\r\n      sha: 'abcdef1'\r\n");
    assert.deepEqual(placed, [{ lost: { cited: { ...cited, line: 3, column: 13 } }, repoName: 'app' }]);
  });

  it('finds cited commits no branch reaches, and the reachable commit with the same patch', async () => {
    const r = rewrittenRepo();
    const cite = (entryId: string, sha: string) => ({ entryId, title: entryId, sha, line: 1, column: 1 });
    const lost = await lostCommits(r.dir, [cite('k', r.kept), cite('r', r.rebased), cite('a', r.amended.slice(0, 10)), cite('d', r.dropped), cite('x', 'abcdef1234')]);
    assert.deepEqual(lost.map((l) => [l.cited.entryId, l.successor]), [['r', r.rebasedNow], ['a', r.amendedNow], ['d', undefined]]);
  });

  it('validate warns at each rewritten hash and names its successor; relink re-points them in one verified write', async () => {
    const r = rewrittenRepo();
    const validated = await run(['validate'], r.dir);
    assert.equal(validated.code, 0, validated.err);
    const warnings = validated.out.trim().split('\n');
    assert.equal(warnings.length, 3, validated.out);
    assert.match(warnings[0], new RegExp(`^\\.growth/journal\\.yaml:19:12: warning: Commit ${r.rebased.slice(0, 7)} of entry “Feature work” is no longer on any branch or tag of growth-rewritten-\\w+ \\(a rebase or an amend rewrote it\\): it is now ${r.rebasedNow.slice(0, 7)}, same change\\.`));
    assert.match(warnings[1], new RegExp(`:27:12: warning: .* it is now ${r.amendedNow.slice(0, 7)}, same change`));
    assert.match(warnings[2], /:35:12: warning: Commit .* of entry “Abandoned” .* none of the last 3,000 commits/);

    const dry = await run(['relink', '--dry-run'], r.dir);
    assert.equal(dry.code, 0, dry.err);
    assert.equal(dry.out, `ev-rebased: ${r.rebased.slice(0, 7)} -> ${r.rebasedNow.slice(0, 7)}, same change (Feature work)\nev-amended: ${r.amended.slice(0, 7)} -> ${r.amendedNow.slice(0, 7)}, same change (Fixed message)\n`);
    assert.match(dry.err, /2 entries would be re-pointed \(dry run/);
    assert.equal(readFileSync(join(r.dir, '.growth/journal.yaml'), 'utf8'), r.journal);

    const done = await run(['relink'], r.dir);
    assert.equal(done.code, 0, done.err);
    assert.match(done.err, /Re-pointed 2 entries/);
    assert.equal(readFileSync(join(r.dir, '.growth/journal.yaml'), 'utf8'), r.journal.replace(r.rebased, r.rebasedNow).replace(r.amended.slice(0, 10), r.amendedNow));
    const after = await run(['validate'], r.dir);
    assert.equal(after.out.trim().split('\n').length, 1, after.out);
    assert.match(after.out, /“Abandoned”/);
  });
});
