import assert from 'node:assert/strict';
import { runSteps } from '../../src/core/steps';
import { CREDENTIALS_CODE, parseJournal, JournalSession } from '../../src/core/journal';
import { hasCredentials, withoutCredentials } from '../../src/core/git/remoteUrl';

describe('credentials in recorded URLs', () => {
  it('strips user info, tokens, queries and fragments from URL remotes; scp-like remotes stay', () => {
    const cases: [string, string][] = [
      ['https://user:token@github.com/org/repo.git', 'https://github.com/org/repo.git'],
      ['https://ghp_abc123@github.com/org/repo.git', 'https://github.com/org/repo.git'],
      ['https://oauth2:glpat-x@gitlab.example.com:8443/g/r.git?private_token=1#frag', 'https://gitlab.example.com:8443/g/r.git#frag'],
      ['https://github.com/o/r/blob/abc/f.ts#L10-L42', 'https://github.com/o/r/blob/abc/f.ts#L10-L42'],
      ['ssh://git:pw@host.example/r.git', 'ssh://host.example/r.git'],
      ['https://a@b@host/r', 'https://host/r'],
      ['git@github.com:org/repo.git', 'git@github.com:org/repo.git'],
      ['https://github.com/org/repo.git', 'https://github.com/org/repo.git'],
      ['/srv/git/repo.git', '/srv/git/repo.git'],
    ];
    for (const [input, expected] of cases) {
      assert.equal(withoutCredentials(input), expected, input);
      assert.equal(hasCredentials(input), input !== expected, input);
    }
  });

  it('a journal holding one gets a warning at the URL that does not repeat the secret, and the redact change removes it', () => {
    const text = 'version: 1\nentries:\n  - id: a\n    date: 2026-01-01\n    kind: commit\n    title: A\n    dimensions: [communication]\n    commit:\n      sha: abcdef1\n      repo: https://me:s3cret@github.com/o/r.git # mine\n';
    const parse = parseJournal(text);
    const warning = parse.problems.find((p) => p.code === CREDENTIALS_CODE);
    assert.deepEqual([warning?.line, warning?.column, warning?.severity], [10, 13, 'warning']);
    assert.doesNotMatch(warning!.message, /s3cret/);
    const outcome = runSteps(new JournalSession().plan(text, { kind: 'redact' }));
    assert.ok(outcome.ok, outcome.ok ? '' : outcome.message);
    assert.equal(outcome.text, text.replace('https://me:s3cret@github.com/o/r.git', '"https://github.com/o/r.git"'));
    assert.equal(parseJournal(outcome.text).problems.length, 0);
    const again = runSteps(new JournalSession().plan(outcome.text, { kind: 'redact' }));
    assert.deepEqual(again, { ok: false, message: 'No URL in the journal carries credentials.' });
  });
});
