import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseJournal, planRubricSwitch } from '../../src/core/journal';
import { importLadder } from '../../src/core/rubric/ladderImport';
import { parseRubric } from '../../src/core/rubric/rubric';
import { bundledRubric, fixture, root } from './helpers';

describe('switching rubrics', () => {
  const journal = parseJournal(fixture('journals/sample.yaml')).journal!;
  const derived = parseRubric(importLadder(readFileSync(join(root, 'rubric/source/product-security-career-pathway.md'), 'utf8')).yaml).rubric!;

  it('lists every id the journal uses that the new rubric lacks, with uses, and suggests ids by name', () => {
    const plan = planRubricSwitch(journal, bundledRubric(), derived);
    const used = new Set(journal.entries.flatMap((e) => e.dimensions));
    const lacking = [...used].filter((id) => !derived.groups.some((g) => g.dimensions.some((d) => d.id === id)));
    assert.deepEqual(plan.dimensions.map((d) => d.id).sort(), lacking.sort());
    const communication = plan.dimensions.find((d) => d.id === 'communication');
    assert.deepEqual(communication, { id: 'communication', name: 'Communication & Influence', uses: journal.entries.filter((e) => e.dimensions.includes('communication')).length, suggestion: 'communication-influence' });
    // Levels match by their names in the old rubric: Mid-Level -> mid-level.
    const levels = Object.fromEntries(plan.levels.map((l) => [l.id, l.suggestion]));
    assert.equal(levels.mid, 'mid-level');
    assert.equal('senior' in levels, false, 'senior is in both');
  });

  it('suggests nothing for an id no name matches, and lists statement references the new rubric lacks', () => {
    const text = 'version: 1\nprofile: { currentLevel: a }\nentries:\n  - { id: e1, date: 2026-01-01, kind: note, title: T, dimensions: [gone, gone], level: a, statements: [gone/a/1, keep/b/1] }\n';
    const to = parseRubric('id: t\nname: T\nlevels: [{ id: b, name: B }, { id: c, name: C }]\ngroups:\n  - id: g\n    name: G\n    dimensions:\n      - { id: keep, name: Keep, expectations: { b: [One.] } }\n').rubric!;
    const plan = planRubricSwitch(parseJournal(text).journal!, undefined, to);
    assert.deepEqual(plan.dimensions, [{ id: 'gone', uses: 1 }]);
    assert.deepEqual(plan.levels, [{ id: 'a', uses: 2 }]);
    assert.deepEqual(plan.statements, [{ id: 'gone/a/1', uses: 1 }]);
  });
});
