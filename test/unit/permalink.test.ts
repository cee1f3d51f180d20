import assert from 'node:assert/strict';
import { commitUrl, fileUrl, forgeRepo } from '../../src/core/git/permalink';

describe('permalinks', () => {
  const sha = '3f2a1c0000000000000000000000000000000000';
  const cases: [string, string, string][] = [
    ['https://github.com/org/app.git', `https://github.com/org/app/blob/${sha}/src/a%20b.ts#L10-L42`, `https://github.com/org/app/commit/${sha}`],
    ['git@github.com:org/app.git', `https://github.com/org/app/blob/${sha}/src/a%20b.ts#L10-L42`, `https://github.com/org/app/commit/${sha}`],
    ['ssh://git@github.com/org/app', `https://github.com/org/app/blob/${sha}/src/a%20b.ts#L10-L42`, `https://github.com/org/app/commit/${sha}`],
    ['https://gitlab.com/group/sub/app.git', `https://gitlab.com/group/sub/app/-/blob/${sha}/src/a%20b.ts#L10-42`, `https://gitlab.com/group/sub/app/-/commit/${sha}`],
    ['git@gitlab.com:group/app.git', `https://gitlab.com/group/app/-/blob/${sha}/src/a%20b.ts#L10-42`, `https://gitlab.com/group/app/-/commit/${sha}`],
    ['https://me@bitbucket.org/team/app.git', `https://bitbucket.org/team/app/src/${sha}/src/a%20b.ts#lines-10:42`, `https://bitbucket.org/team/app/commits/${sha}`],
    ['git@bitbucket.org:team/app.git', `https://bitbucket.org/team/app/src/${sha}/src/a%20b.ts#lines-10:42`, `https://bitbucket.org/team/app/commits/${sha}`],
    ['https://org@dev.azure.com/org/proj/_git/app', `https://dev.azure.com/org/proj/_git/app?path=/src/a%20b.ts&version=GC${sha}&line=10&lineEnd=43&lineStartColumn=1&lineEndColumn=1&lineStyle=plain&_a=contents`, `https://dev.azure.com/org/proj/_git/app/commit/${sha}`],
    ['git@ssh.dev.azure.com:v3/org/proj/app', `https://dev.azure.com/org/proj/_git/app?path=/src/a%20b.ts&version=GC${sha}&line=10&lineEnd=43&lineStartColumn=1&lineEndColumn=1&lineStyle=plain&_a=contents`, `https://dev.azure.com/org/proj/_git/app/commit/${sha}`],
    ['https://org.visualstudio.com/proj/_git/app', `https://dev.azure.com/org/proj/_git/app?path=/src/a%20b.ts&version=GC${sha}&line=10&lineEnd=43&lineStartColumn=1&lineEndColumn=1&lineStyle=plain&_a=contents`, `https://dev.azure.com/org/proj/_git/app/commit/${sha}`],
  ];
  for (const [remote, file, commit] of cases) {
    it(remote, () => {
      assert.equal(fileUrl(remote, sha, 'src/a b.ts', 10, 42), file);
      assert.equal(commitUrl(remote, sha), commit);
    });
  }

  it('gives nothing for unknown hosts and local paths', () => {
    for (const remote of ['https://git.example.com/org/app.git', '/srv/git/app.git', 'file:///tmp/app', '']) {
      assert.equal(forgeRepo(remote), undefined, remote);
    }
  });

  it('links one line without a range', () => {
    assert.equal(fileUrl('git@github.com:o/r.git', 'abc', 'x.ts', 7, 7), 'https://github.com/o/r/blob/abc/x.ts#L7');
  });
});
