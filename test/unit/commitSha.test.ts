import assert from 'node:assert/strict';
import { checkedSha, gitArgv, isCommitSha, parentRevision, UnsafeGitArgument } from '../../src/core/git/commitSha';
import { parseJournal } from '../../src/core/journal';

/** Values a hostile or careless journal, trailer or ref could hold where a commit hash belongs. */
export const HOSTILE_SHAS = [
  '--output=/tmp/x',
  '-n1',
  '-',
  '--',
  'HEAD',
  'HEAD~1',
  'main',
  'abc',
  'abcdef', // six digits: too short to name a commit
  'a'.repeat(65),
  '9c1d2e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d\n',
  '\n9c1d2e4',
  '9c1d2e4 ',
  ' 9c1d2e4',
  '9c1d2e4^',
  '9c1d2e4..HEAD',
  '9c1d2e4:path',
  '9c1d2e4\u0000',
  '9c1d2e4\r',
  '٩c1d2e4', // ARABIC-INDIC DIGIT NINE
  '９c1d2e4', // FULLWIDTH DIGIT NINE
  '9c1d2e４',
  'ｆ9c1d2e4', // FULLWIDTH f
  '9c1d2eg',
  '0x1234567',
  '',
];

describe('commit hashes before git', () => {
  it('accepts 7 to 64 ASCII hex digits, either case', () => {
    for (const sha of ['9c1d2e4', '9C1D2E4', '9c1d2e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d', 'a'.repeat(64), '1234567']) {
      assert.equal(isCommitSha(sha), true, sha);
      assert.equal(checkedSha(sha), sha);
    }
  });

  it('refuses everything else, with a message that shows the value safely', () => {
    for (const value of HOSTILE_SHAS) {
      assert.equal(isCommitSha(value), false, JSON.stringify(value));
      assert.throws(() => checkedSha(value), (e: unknown) => e instanceof UnsafeGitArgument && e.message.includes(JSON.stringify(value)), JSON.stringify(value));
    }
    for (const value of [undefined, null, 1234567, ['9c1d2e4'], { toString: () => '9c1d2e4' }]) assert.equal(isCommitSha(value), false, String(value));
  });

  it('builds git argument lists where no journal value can start an option or be read as a path', () => {
    assert.deepEqual(gitArgv(['show', '--stat', '--no-color'], ['9c1d2e4']), ['show', '--stat', '--no-color', '9c1d2e4', '--']);
    assert.deepEqual(gitArgv(['rev-parse', '--show-toplevel']), ['rev-parse', '--show-toplevel']);
    assert.equal(parentRevision('9c1d2e4'), '9c1d2e4^');
    for (const value of HOSTILE_SHAS) {
      assert.throws(() => gitArgv(['show'], [value]), UnsafeGitArgument, JSON.stringify(value));
      assert.throws(() => gitArgv(['show'], ['9c1d2e4', value]), UnsafeGitArgument, JSON.stringify(value));
      assert.throws(() => parentRevision(value), UnsafeGitArgument, JSON.stringify(value));
    }
  });

  describe('in a journal, a bad hash is an error at its line and column, and never reaches the model', () => {
    const head = 'version: 1\nentries:\n';
    const commitEntry = (sha: string) => `  - id: ev-1\n    date: 2026-11-27\n    kind: commit\n    title: T\n    dimensions: [technical-depth]\n    commit:\n      sha: ${sha}\n`;
    const selectionEntry = (sha: string) =>
      `  - id: ev-1\n    date: 2026-11-27\n    kind: selection\n    title: T\n    dimensions: [technical-depth]\n    selection: { file: a.ts, startLine: 1, endLine: 2, sha: ${sha} }\n`;
    for (const value of HOSTILE_SHAS) {
      // Written as YAML would keep the exact value: double-quoted with escapes.
      const written = JSON.stringify(value);
      for (const fast of [true, false]) {
        it(`commit.sha ${written}${fast ? '' : ' (full yaml parse)'}`, () => {
          const parse = parseJournal(`${head}${commitEntry(written)}`, { fast });
          const problem = parse.problems.find((p) => p.code === 'bad-sha');
          assert.ok(problem, JSON.stringify(parse.problems));
          assert.equal(problem.severity, 'error');
          assert.deepEqual([problem.line, problem.column], [9, 12]);
          assert.match(problem.message, /"commit\.sha" of Entry "ev-1".* is not a commit hash\. Write the hash git shows: 7 to 64 hex digits/);
          assert.equal(parse.journal?.entries[0].commit, undefined);
          assert.equal(parse.problems.filter((p) => p.code === 'missing-field').length, 0, 'one problem for one mistake');
        });
      }
      it(`selection.sha ${written}`, () => {
        const parse = parseJournal(`${head}${selectionEntry(written)}`);
        const problem = parse.problems.find((p) => p.code === 'bad-sha');
        assert.ok(problem, JSON.stringify(parse.problems));
        assert.deepEqual([problem.severity, problem.line, problem.column], ['error', 8, 61]);
        assert.equal(parse.journal?.entries[0].selection?.sha, undefined);
      });
    }

    it('judges a hash YAML reads as a number by the digits written, not the number', () => {
      const digits = '1234567890123456789012345678901234567890';
      assert.equal(parseJournal(`${head}${commitEntry(digits)}`).journal?.entries[0].commit?.sha, digits);
      for (const number of ['1e10', '0x1234567', '0o1234567', '12345.67', '-1234567']) {
        const parse = parseJournal(`${head}${commitEntry(number)}`);
        assert.ok(parse.problems.some((p) => p.code === 'bad-sha' && p.severity === 'error'), number);
        assert.equal(parse.journal?.entries[0].commit, undefined, number);
      }
    });

    it('plain hostile values, unquoted', () => {
      for (const plain of ['--output=/tmp/x', '-n1', 'HEAD~1', 'abc']) {
        const parse = parseJournal(`${head}${commitEntry(plain)}`);
        assert.ok(parse.problems.some((p) => p.code === 'bad-sha' && p.severity === 'error' && p.line === 9), plain);
      }
    });
  });
});
