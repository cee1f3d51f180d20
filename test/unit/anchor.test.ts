import assert from 'node:assert/strict';
import { linesContent, locateLines, textLines } from '../../src/core/text/anchor';

describe('anchors: tagged lines found again after edits', () => {
  const code = ['import x from "y";', '', 'function check(a, b) {', '  return timingSafeEqual(a, b);', '}', '', 'export { check };'];
  const recorded = { startLine: 3, endLine: 5, ...linesContent(textLines(code.join('\n')), 2, 4) };

  it('records a hash of the lines and the first line as written, without its indentation', () => {
    assert.equal(recorded.firstLine, 'function check(a, b) {');
    assert.match(recorded.hash, /^[0-9a-f]{14}$/);
    // CRLF and trailing spaces do not change the content.
    assert.deepEqual(linesContent(textLines(code.join('\r\n').replace('{', '{  ')), 2, 4), { hash: recorded.hash, firstLine: recorded.firstLine });
  });

  it('finds the lines where they were recorded', () => {
    assert.deepEqual(locateLines(textLines(code.join('\n')), recorded), { state: 'same', startLine: 3, endLine: 5 });
  });

  it('follows the lines when code is inserted or removed above them', () => {
    const inserted = ['// a header', '// of three', '// lines', ...code];
    assert.deepEqual(locateLines(textLines(inserted.join('\n')), recorded), { state: 'moved', startLine: 6, endLine: 8 });
    const removed = code.slice(2);
    assert.deepEqual(locateLines(textLines(removed.join('\n')), recorded), { state: 'moved', startLine: 1, endLine: 3 });
  });

  it('prefers the nearest copy when the same lines appear twice', () => {
    const twice = [...code, ...code, ...code];
    const far = { ...recorded, startLine: 10, endLine: 12 };
    assert.deepEqual(locateLines(textLines(twice.join('\n')), far), { state: 'same', startLine: 10, endLine: 12 });
    const between = { ...recorded, startLine: 12, endLine: 14 };
    assert.equal(locateLines(textLines(twice.join('\n')), between).startLine, 10);
  });

  it('says "changed" when the content is gone, at the recorded place within the file', () => {
    const edited = code.map((l) => l.replace('timingSafeEqual', 'equals'));
    assert.deepEqual(locateLines(textLines(edited.join('\n')), recorded), { state: 'changed', startLine: 3, endLine: 5 });
    assert.deepEqual(locateLines(textLines('one line'), recorded), { state: 'changed', startLine: 1, endLine: 1 });
  });

  it('shows selections recorded before anchors where they were recorded', () => {
    assert.deepEqual(locateLines(textLines(code.join('\n')), { startLine: 4, endLine: 20 }), { state: 'unrecorded', startLine: 4, endLine: 7 });
  });
});
