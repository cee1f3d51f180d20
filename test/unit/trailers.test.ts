import assert from 'node:assert/strict';
import { growthTrailers, parseTrailers } from '../../src/core/trailers';

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
