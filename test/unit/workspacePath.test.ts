import assert from 'node:assert/strict';
import { parseJournal } from '../../src/core/journal';
import { workspacePath } from '../../src/core/text/workspacePath';

/** Paths a hostile or careless journal could name where a workspace-relative file belongs. */
const OUTSIDE: [string, RegExp][] = [
  ['../../../../etc/passwd', /climbs out/],
  ['..', /climbs out/],
  ['src/../../x', /climbs out/],
  ['a/b/../../../c', /climbs out/],
  ['./../x', /climbs out/],
  ['/etc/passwd', /absolute/],
  ['//server/share/x', /absolute/],
  ['C:/Windows/win.ini', /drive letter/],
  ['c:x', /drive letter/],
  ['C:\\Windows\\win.ini', /backslash/],
  ['..\\..\\secret', /backslash/],
  ['src\\..\\..\\x', /backslash/],
  ['src/a.ts\u0000.png', /control/],
  ['src/a.ts\n# heading', /control/],
  ['src/a.ts\r', /control/],
  ['src/\u2028a.ts', /control/],
  ['src/\u0085a.ts', /control/],
  ['src/\ud800.ts', /not valid Unicode/],
  ['src/\udc00\ud800.ts', /not valid Unicode/],
  ['file:///etc/passwd', /URL/],
  ['https://evil.example/x', /URL/],
  ['javascript:alert(1)', /URL/],
  ['vscode://settings', /URL/],
  ['command:workbench.action.quit', /URL/],
  ['.', /folder itself/],
  ['./', /folder itself/],
  ['a/..', /folder itself/],
];

describe('workspace-relative paths', () => {
  it('reads a relative path into segments, applying . and inner ..', () => {
    assert.deepEqual(workspacePath('src/a.ts'), { ok: true, segments: ['src', 'a.ts'] });
    assert.deepEqual(workspacePath('./src//b/../a.ts'), { ok: true, segments: ['src', 'a.ts'] });
    assert.deepEqual(workspacePath('app/src/a b#c?.ts'), { ok: true, segments: ['app', 'src', 'a b#c?.ts'] });
    assert.deepEqual(workspacePath('..foo/x'), { ok: true, segments: ['..foo', 'x'] }, 'a name that starts with two dots is a name');
    assert.deepEqual(workspacePath('-rf/x'), { ok: true, segments: ['-rf', 'x'] });
  });

  for (const [path, reason] of OUTSIDE) {
    it(`refuses ${JSON.stringify(path)}`, () => {
      const result = workspacePath(path);
      assert.equal(result.ok, false);
      if (!result.ok) assert.match(result.reason, reason);
    });
  }

  it('a journal warns at the selection.file that leaves the workspace, and keeps the entry', () => {
    for (const [path] of OUTSIDE) {
      const text = `version: 1\nentries:\n  - id: ev-1\n    date: 2026-11-27\n    kind: selection\n    title: T\n    dimensions: [technical-depth]\n    selection:\n      file: ${JSON.stringify(path)}\n      startLine: 1\n      endLine: 2\n`;
      for (const fast of [true, false]) {
        const parse = parseJournal(text, { fast });
        const problem = parse.problems.find((p) => p.code === 'path-outside-workspace');
        assert.ok(problem, `${JSON.stringify(path)}: ${JSON.stringify(parse.problems)}`);
        assert.deepEqual([problem.severity, problem.line, problem.column], ['warning', 9, 13]);
        assert.match(problem.message, /"selection" of Entry "ev-1" has file .*\. Growth Journal opens only files inside the workspace/);
        assert.equal(parse.journal?.entries[0].selection?.file, path);
      }
    }
  });
});
