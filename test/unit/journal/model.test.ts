import assert from 'node:assert/strict';
import { checkJournal, parseJournal } from '../../../src/core/journal/model';
import { decodeUtf8 } from '../../../src/core/text/strings';
import { bundledRubric, fixture } from '../helpers';

const head = 'version: 1\nrubric: product-security\nprofile:\n  currentLevel: mid\n  targetLevel: senior\nentries:\n';
const entry = (fields: string) => `  - id: ev-1\n    date: 2026-11-27\n    kind: note\n    title: T\n    dimensions: [technical-depth]\n${fields}`;

describe('journal', () => {
  it('reads the sample journal, keeping unknown fields', () => {
    const parse = parseJournal(fixture('journals/sample.yaml'));
    assert.ok(parse.journal, JSON.stringify(parse.problems));
    assert.deepEqual(parse.problems, []);
    const { journal } = parse;
    assert.deepEqual(journal.profile, { currentLevel: 'mid', targetLevel: 'senior' });
    assert.equal(journal.entries.length, 5);
    const [commit, selection, , secret, mentor] = journal.entries;
    assert.equal(commit.commit?.subject, 'fix(auth): reject tokens with a "none" alg');
    assert.equal(commit.note, 'Found while reviewing the login flow: tokens signed with `alg: none` were accepted.\nAdded a test per algorithm and a lint rule so it cannot come back.\n');
    assert.equal(commit.line, 8);
    assert.deepEqual(selection.selection, { file: 'tools/threat-model.ts', startLine: 10, endLine: 42, sha: '41aa07c3d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4', link: 'https://github.com/acme/app/blob/41aa07c3d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4/tools/threat-model.ts#L10-L42' });
    assert.equal(secret.private, true);
    assert.deepEqual(mentor.extra, { reviewer: 'Dana' });
    assert.deepEqual(checkJournal(parse, bundledRubric()), []);
  });

  it('reads a journal with no entries key, or an empty list', () => {
    assert.deepEqual(parseJournal('version: 1\n').journal?.entries, []);
    assert.deepEqual(parseJournal('version: 1\nentries: []\n').journal?.entries, []);
    assert.deepEqual(parseJournal('version: 1\nentries:\n').journal?.entries, []);
  });

  it('reads a BOM and CRLF line endings', () => {
    const parse = parseJournal(`\uFEFF${head}${entry('')}`.replace(/\n/g, '\r\n'));
    assert.equal(parse.journal?.entries[0].title, 'T');
    assert.equal(parse.journal?.entries[0].line, 7);
  });

  describe('bad input gets a message at a line and column, never a crash', () => {
    // [name, text, severity, code, line, column, message]
    const cases: [string, string, 'error' | 'warning', string, number, number, RegExp][] = [
      ['empty file', '', 'error', 'empty', 1, 1, /empty/],
      ['only whitespace', '  \n\n', 'error', 'empty', 1, 1, /empty/],
      ['only comments', '# nothing yet\n', 'error', 'wrong-type', 1, 1, /must be a mapping/],
      ['a list at the top', '- a\n- b\n', 'error', 'wrong-type', 1, 1, /must be a mapping/],
      ['unclosed flow list', `${head}  - { id: x, dimensions: [a, b }\n`, 'error', 'yaml-', 7, 26, /./],
      ['unclosed quote, at the quote that opens it', `${head}${entry('    note: "open\n')}`, 'error', 'yaml-', 12, 11, /^Missing closing " quote for the string that starts here\.$/],
      ['unclosed single quote', `${head}${entry("    note: 'it''s open\n")}`, 'error', 'yaml-', 12, 11, /^Missing closing ' quote/],
      ['tab indentation', `${head}${entry('\tlevel: senior\n')}`, 'error', 'yaml-', 12, 1, /tab/i],
      ['duplicate keys', `${head}${entry('    title: again\n')}`, 'error', 'yaml-duplicate-key', 12, 5, /sets "title" again/],
      ['bad indentation', `${head}  - id: ev-1\n      date: 2026-11-27\n    kind: note\n`, 'error', 'yaml-', 8, 7, /indented deeper/],
      ['a second document', `${head}---\nversion: 2\n`, 'error', 'yaml-', 7, 1, /document/i],
      ['a stray colon value', `version: 1\nentries: a: b\n`, 'error', 'yaml-', 2, 10, /./],
      ['entries not a list', `${head.replace('entries:\n', 'entries: lots\n')}`, 'error', 'wrong-type', 6, 10, /must be a list/],
      ['an entry that is text', `${head}  - just text\n`, 'error', 'wrong-type', 7, 5, /must be a mapping/],
      ['an entry without id', `${head}  - date: 2026-11-27\n    title: T\n`, 'error', 'missing-field', 7, 5, /needs "id"/],
      ['a title that is a list', `${head}  - id: ev-1\n    date: 2026-11-27\n    kind: note\n    title: [a]\n    dimensions: [x]\n`, 'error', 'wrong-type', 10, 12, /"title".*non-empty text/],
      ['dimensions as a number', `${head}${entry('').replace('[technical-depth]', '42')}`, 'error', 'wrong-type', 11, 17, /must be a list/],
      ['private as text', `${head}${entry('    private: maybe\n')}`, 'error', 'wrong-type', 12, 14, /true or false/],
      ['selection lines as text', `${head}${entry('    selection: { file: a.ts, startLine: one, endLine: 2 }\n')}`, 'error', 'wrong-type', 12, 41, /whole number/],
      ['impossible date', `${head}${entry('').replace('2026-11-27', '2026-02-30')}`, 'warning', 'bad-date', 8, 11, /"2026-02-30".*not a real calendar date/],
      ['a date with a time', `${head}${entry('').replace('2026-11-27', '27/11/2026')}`, 'warning', 'bad-date', 8, 11, /YYYY-MM-DD/],
      ['an unknown kind', `${head}${entry('').replace('kind: note', 'kind: meeting')}`, 'error', 'unknown-kind', 9, 11, /"meeting"; use one of commit, selection, note/],
      ['a duplicate entry id', `${head}${entry('')}${entry('')}`, 'error', 'duplicate-id', 12, 9, /used again \(first on line 7\)/],
      ['a newer version', 'version: 2\nentries: []\n', 'error', 'version', 1, 10, /newer than this extension understands/],
      ['a 1 MB line', `${head}${entry(`    note: ${'x'.repeat(1_000_000)}\n    oops\n`)}`, 'error', 'yaml-', 13, 5, /./],
    ];
    for (const [name, text, severity, code, line, column, message] of cases) {
      it(name, () => {
        const parse = parseJournal(text);
        const problem = parse.problems.find((p) => p.code.startsWith(code) && p.severity === severity);
        assert.ok(problem, `expected ${severity} ${code}, got ${JSON.stringify(parse.problems)}`);
        assert.match(problem.message, message);
        assert.deepEqual({ line: problem.line, column: problem.column }, { line, column });
        if (severity === 'error' && code.startsWith('yaml') || code === 'empty') assert.equal(parse.journal, undefined, 'no journal from broken YAML');
      });
    }

    it('invalid UTF-8 is refused at its line and column, not replaced', () => {
      const bytes = Buffer.concat([Buffer.from('version: 1\ntitle: caf'), Buffer.from([0xc3, 0x28]), Buffer.from('\n')]);
      const decoded = decodeUtf8(bytes);
      assert.equal(decoded.ok, false);
      if (!decoded.ok) {
        assert.match(decoded.problem.message, /not valid UTF-8 \(byte 0xc3 at offset 21\)/);
        assert.deepEqual([decoded.problem.line, decoded.problem.column], [2, 11]);
      }
      assert.deepEqual(decodeUtf8(Buffer.from('\uFEFFé😀')), { ok: true, text: '\uFEFFé😀' });
      for (const bad of [[0xed, 0xa0, 0x80], [0xc0, 0xaf], [0xf4, 0x90, 0x80, 0x80], [0xe2, 0x82]]) {
        assert.equal(decodeUtf8(Uint8Array.from(bad)).ok, false, bad.join(','));
      }
    });
  });

  describe('checked against the rubric', () => {
    it('warns about unknown dimensions and levels where they stand', () => {
      const text = `${head.replace('targetLevel: senior', 'targetLevel: principal')}${entry('    level: staff\n').replace('[technical-depth]', '[technical-depth, wizardry]')}`;
      const parse = parseJournal(text);
      const problems = checkJournal(parse, bundledRubric());
      assert.deepEqual(
        problems.map((p) => [p.severity, p.code, p.line, p.column]),
        [
          ['warning', 'unknown-level', 5, 16],
          ['warning', 'unknown-dimension', 11, 35],
          ['warning', 'unknown-level', 12, 12],
        ],
      );
      assert.match(problems[1].message, /Entry "ev-1" names dimension "wizardry", which Product Security Career Pathway does not have/);
    });
  });
});
