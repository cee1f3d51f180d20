import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allDimensions, findDimension, levelRank, parseRubric } from '../../src/core/rubric/rubric';
import { bundledRubric, root, rubricFixture } from './helpers';

describe('rubric', () => {
  describe('the bundled Product Security rubric', () => {
    const rubric = bundledRubric();

    it('has three levels and 14 core dimensions plus 7 senior qualities', () => {
      assert.deepEqual(rubric.levels.map((l) => l.name), ['Associate/Junior', 'Mid-Level', 'Senior']);
      assert.equal(rubric.groups[0].dimensions.length, 14);
      assert.equal(rubric.groups[1].dimensions.length, 7);
      for (const d of rubric.groups[0].dimensions) assert.deepEqual(Object.keys(d.expectations), ['associate', 'mid', 'senior'], d.id);
      for (const d of rubric.groups[1].dimensions) assert.deepEqual(Object.keys(d.expectations), ['senior'], d.id);
    });

    it('uses only the seed\'s words: each cell is its statements joined, word for word', () => {
      const seed = readFileSync(join(root, 'rubric', 'source', 'product-security-career-pathway.md'), 'utf8');
      const cells = new Map<string, string[]>();
      for (const line of seed.split('\n')) {
        const row = /^\| \*\*(.+?)\*\* \| (.+) \| (.+) \| (.+) \|$/.exec(line);
        if (row && row[1] !== 'Dimension') cells.set(row[1], [row[2], row[3], row[4]].map((c) => c.trim()));
        const quality = /^- \*\*(.+?)\*\*: (.+)$/.exec(line);
        if (quality) cells.set(quality[1], [quality[2].trim()]);
      }
      assert.equal(cells.size, 21);
      for (const d of allDimensions(rubric)) {
        const expected = cells.get(d.name);
        assert.ok(expected, `dimension "${d.name}" is not in the seed`);
        assert.deepEqual(Object.values(d.expectations).map((s) => s.join(' ')), expected, d.name);
        for (const statements of Object.values(d.expectations)) {
          for (const s of statements) assert.ok(!/\.\s+[A-Z]/.test(s), `"${s}" holds more than one sentence`);
        }
      }
    });
  });

  it('reads any ladder: five levels with other ids', () => {
    const rubric = rubricFixture('rubrics/five-levels.yaml');
    assert.equal(rubric.levels.length, 5);
    assert.equal(levelRank(rubric, 'l4'), 3);
    assert.equal(levelRank(rubric, 'senior'), -1);
    assert.deepEqual(findDimension(rubric, 'operations')?.expectations, { l2: ['Handles on-call for owned services.'], l4: ['Designs reliability practices.'] });
  });

  it('fingerprints the text so a changed rubric is visible', () => {
    const text = readFileSync(join(root, 'test', 'fixtures', 'rubrics', 'five-levels.yaml'), 'utf8');
    const a = parseRubric(text).rubric!;
    const b = parseRubric(text.replace('Delivers small tasks.', 'Delivers small tasks well.')).rubric!;
    assert.notEqual(a.hash, b.hash);
    assert.equal(a.hash, parseRubric(text).rubric!.hash);
  });

  it('reads descriptions of groups and dimensions, and refuses one that is not text', () => {
    const text = 'id: x\nname: X\nlevels: [{ id: a, name: A }, { id: b, name: B }]\ngroups:\n  - id: g\n    name: G\n    description: About G.\n    dimensions:\n      - id: d\n        name: D\n        description: About D.\n        expectations: { a: [One.] }\n';
    const rubric = parseRubric(text).rubric;
    assert.equal(rubric?.groups[0].description, 'About G.');
    assert.equal(rubric?.groups[0].dimensions[0].description, 'About D.');
    const bad = parseRubric(text.replace('description: About D.', 'description: [About, D]'));
    assert.equal(bad.rubric, undefined);
    assert.deepEqual(bad.problems.map((p) => [p.code, p.line]), [['wrong-type', 11]]);
  });

  const base = (levels: string, dims: string) => `id: x\nname: X\nlevels:\n${levels}groups:\n  - id: g\n    name: G\n    dimensions:\n${dims}`;
  const twoLevels = '  - { id: a, name: A }\n  - { id: b, name: B }\n';
  const dim = (id: string, exp = '{ a: [One.] }') => `      - id: ${id}\n        name: ${id}\n        expectations: ${exp}\n`;

  const cases: { name: string; text: string; code: string; line: number; column: number; message: RegExp }[] = [
    { name: 'duplicate dimension ids', text: base(twoLevels, dim('d') + dim('d')), code: 'duplicate-id', line: 13, column: 9, message: /Dimension id "d" is used twice/ },
    { name: 'duplicate level ids', text: base('  - { id: a, name: A }\n  - { id: a, name: B }\n', dim('d')), code: 'duplicate-id', line: 5, column: 5, message: /Level id "a" is used twice/ },
    { name: 'one level', text: base('  - { id: a, name: A }\n', dim('d')), code: 'level-count', line: 4, column: 3, message: /2 to 10 levels.*has 1/ },
    { name: 'eleven levels', text: base(Array.from({ length: 11 }, (_, i) => `  - { id: l${i}, name: L${i} }\n`).join(''), dim('d', '{ l0: [One.] }')), code: 'level-count', line: 4, column: 3, message: /has 11/ },
    { name: 'expectations for an unknown level', text: base(twoLevels, dim('d', '{ a: [One.], z: [Two.] }')), code: 'unknown-level', line: 12, column: 36, message: /"z", which is not one of the rubric's levels \(a, b\)/ },
    { name: 'a dimension with no level', text: base(twoLevels, dim('d', '{}')), code: 'no-expectations', line: 12, column: 23, message: /describes no level/ },
    { name: 'a missing name', text: 'id: x\nlevels: []\ngroups: []\n', code: 'missing-field', line: 1, column: 1, message: /needs "name"/ },
  ];
  for (const c of cases) {
    it(`rejects ${c.name}, at its line and column`, () => {
      const parsed = parseRubric(c.text);
      assert.equal(parsed.rubric, undefined);
      const problem = parsed.problems.find((p) => p.code === c.code);
      assert.ok(problem, `no ${c.code} in ${JSON.stringify(parsed.problems)}`);
      assert.match(problem.message, c.message);
      assert.deepEqual([problem.line, problem.column], [c.line, c.column]);
    });
  }
});
