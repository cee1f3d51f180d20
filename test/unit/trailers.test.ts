import assert from 'node:assert/strict';
import { decideTrailerImport, emptyTally, growthTrailers, normalizeEmail, parseTrailers, skippedTrailersMessage, tallyDecision, type TrailerCommit } from '../../src/core/journal';
import { bundledRubric } from './helpers';

describe('trailers', () => {
  it('reads Growth-Evidence and Growth-Level from the last paragraph', () => {
    const message = 'fix(auth): reject "none" tokens\n\nBody: not a trailer block because\nit has prose.\n\nGrowth-Evidence: technical-depth, risk-management\nGrowth-Level: senior\nSigned-off-by: A <a@b.c>\n';
    assert.deepEqual(growthTrailers(message), { dimensions: ['technical-depth', 'risk-management'], level: 'senior' });
  });

  it('follows git: the subject alone has no trailers; prose in the block disqualifies it unless git wrote a trailer', () => {
    assert.equal(growthTrailers('Growth-Evidence: technical-depth'), undefined);
    assert.equal(growthTrailers('subject\n\nsome prose\nGrowth-Evidence: technical-depth\n'), undefined);
    assert.deepEqual(growthTrailers('subject\n\nsome prose\nGrowth-Evidence: a\nSigned-off-by: x <x@y>\n'), { dimensions: ['a'] });
  });

  it('joins continuation lines, repeats, CRLF and case; a --- line in a message is text, comments are skipped', () => {
    const message = 'subject\r\n\r\ngrowth-evidence: a,\r\n  b\r\nGROWTH-EVIDENCE: c a\r\n';
    assert.deepEqual(growthTrailers(message), { dimensions: ['a', 'b', 'c'] });
    assert.deepEqual(parseTrailers('s\n\n--- not a patch\n\nKey: v\n'), [{ key: 'Key', value: 'v' }]);
    assert.deepEqual(parseTrailers('s\n\nKey: v\n# comment\n'), [{ key: 'Key', value: 'v' }]);
  });
});

describe('trailer import', () => {
  const rubric = bundledRubric();
  const message = (trailers: string) => `feat: thing\n\nWhy it matters.\n\n${trailers}\n`;
  const commit = (over: Partial<TrailerCommit> = {}): TrailerCommit => ({
    sha: '9c1d2e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d',
    subject: 'feat: thing',
    message: message('Growth-Evidence: technical-depth, risk-management\nGrowth-Level: senior'),
    date: '2026-11-27',
    authorEmail: 'me@example.com',
    remote: 'git@github.com:acme/app.git',
    ...over,
  });
  const rules = { authors: ['me@example.com'], rubric };

  it("takes the user's own commit with the ids the rubric has", () => {
    const decision = decideTrailerImport(commit(), rules);
    assert.deepEqual(decision, {
      take: true,
      data: {
        date: '2026-11-27',
        kind: 'commit',
        title: 'feat: thing',
        dimensions: ['technical-depth', 'risk-management'],
        level: 'senior',
        commit: { sha: '9c1d2e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d', repo: 'git@github.com:acme/app.git', subject: 'feat: thing' },
      },
      unknownDimensions: [],
    });
  });

  it('compares e-mails without case, spaces or angle brackets, and a setting adds addresses', () => {
    assert.equal(decideTrailerImport(commit({ authorEmail: ' Me@Example.COM ' }), rules).take, true);
    assert.equal(decideTrailerImport(commit({ authorEmail: 'home@example.org' }), { rubric, authors: ['me@example.com', '<Home@example.org>'] }).take, true);
    assert.equal(normalizeEmail(' <A.B@Example.com> '), 'a.b@example.com');
  });

  it("skips everyone else's commits, and every commit when no address is known", () => {
    for (const authorEmail of ['mallory@example.com', '', 'me@example.com.evil.example', 'xme@example.com', 'me@example.co']) {
      assert.deepEqual(decideTrailerImport(commit({ authorEmail }), rules), { take: false, reason: 'other-author' }, authorEmail);
    }
    assert.deepEqual(decideTrailerImport(commit(), { rubric, authors: [] }), { take: false, reason: 'other-author' });
    assert.deepEqual(decideTrailerImport(commit({ authorEmail: '' }), { rubric, authors: [''] }), { take: false, reason: 'other-author' }, 'an empty address matches nobody');
  });

  it('leaves out ids the rubric does not have, and says which; a commit with none it knows is skipped', () => {
    const some = decideTrailerImport(commit({ message: message('Growth-Evidence: technical-depth, wizardry, ../../etc\nGrowth-Level: archmage') }), rules);
    assert.ok(some.take);
    assert.deepEqual(some.data.dimensions, ['technical-depth']);
    assert.equal(some.data.level, undefined);
    assert.deepEqual(some.unknownDimensions, ['wizardry', '../../etc']);
    assert.equal(some.unknownLevel, 'archmage');
    assert.deepEqual(decideTrailerImport(commit({ message: message('Growth-Evidence: wizardry') }), rules), { take: false, reason: 'no-known-dimension', unknownDimensions: ['wizardry'] });
  });

  it('skips a commit without a trailer, or whose hash is not one', () => {
    assert.deepEqual(decideTrailerImport(commit({ message: 'feat: thing\n\nNo trailer.\n' }), rules), { take: false, reason: 'no-trailer' });
    assert.deepEqual(decideTrailerImport(commit({ sha: '--output=/tmp/x' }), rules), { take: false, reason: 'not-a-sha' });
  });

  it('says what it left out and what to do', () => {
    const tally = emptyTally(true);
    tallyDecision(tally, decideTrailerImport(commit({ authorEmail: 'mallory@example.com' }), rules));
    tallyDecision(tally, decideTrailerImport(commit({ message: message('Growth-Evidence: technical-depth, wizardry') }), rules));
    tallyDecision(tally, decideTrailerImport(commit({ message: message('Growth-Evidence: wizardry\n  sorcery') }), rules));
    assert.deepEqual([tally.added, tally.otherAuthors, tally.noKnownDimension, [...tally.unknownIds]], [1, 1, 1, [['wizardry', 2], ['sorcery', 1]]]);
    const text = skippedTrailersMessage(tally, rubric.name);
    assert.match(text, /Skipped 1 commit by other authors: only your own commits \(your git user\.email\) are imported\. .*growthJournal\.trailerAuthors setting\./);
    assert.match(text, /Left out ids that Product Security Career Pathway does not have: "wizardry" \(2 commits\), "sorcery"; 1 commit with no id it knows was skipped\. Check the trailers' spelling/);
    assert.equal(skippedTrailersMessage(emptyTally(true), rubric.name), '');
    const nobody = emptyTally(false);
    tallyDecision(nobody, decideTrailerImport(commit(), { rubric, authors: [] }));
    assert.match(skippedTrailersMessage(nobody, rubric.name), /^Git has no user\.email here, so no commit is known to be yours and 1 commit with a trailer was skipped: set it with "git config user\.email"/);
  });
});
