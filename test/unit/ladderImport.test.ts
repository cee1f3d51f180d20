import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IdAllocator, kebabId } from '../../src/core/rubric/ladderImport/ids';
import { importLadder, LadderImportError } from '../../src/core/rubric/ladderImport';
import { type Ladder, ladderToRubric } from '../../src/core/rubric/ladderImport/ladder';
import { splitSentences } from '../../src/core/rubric/ladderImport/sentences';
import { parseRubric } from '../../src/core/rubric/rubric';
import { bundledRubric, fixture, root } from './helpers';

const ladder = (name: string) => fixture(`ladders/${name}`);
const statements = (r: ReturnType<typeof importLadder>, dimension: string) =>
  r.rubric.groups.flatMap((g) => g.dimensions).find((d) => d.id === dimension)?.expectations;

describe('ladder import', () => {
  describe('sentences', () => {
    const cases: [string, string[]][] = [
      ['Tackles simple tasks. Debugs small code sections.', ['Tackles simple tasks.', 'Debugs small code sections.']],
      ['Shares updates (e.g., discussing a false positive ticket). Focuses on work.', ['Shares updates (e.g., discussing a false positive ticket).', 'Focuses on work.']],
      ['Uses managed queues, e.g. Kafka. Tunes them.', ['Uses managed queues, e.g. Kafka.', 'Tunes them.']],
      ['Knows the basics, i.e. The Twelve Factors. Applies them.', ['Knows the basics, i.e. The Twelve Factors.', 'Applies them.']],
      ['Weighs build vs. Buy. Decides.', ['Weighs build vs. Buy.', 'Decides.']],
      ['Navigates (SOC2, ISO, GDPR, etc.) and translates them.', ['Navigates (SOC2, ISO, GDPR, etc.) and translates them.']],
      ['Uses tools, scripts, etc. Leads teams.', ['Uses tools, scripts, etc.', 'Leads teams.']],
      ['Keeps p99 under 2.5 seconds. Reports it.', ['Keeps p99 under 2.5 seconds.', 'Reports it.']],
      ['Says "Not yet." Explains why.', ['Says "Not yet."', 'Explains why.']],
      ['Takes time to understand "why?" before execution.', ['Takes time to understand "why?" before execution.']],
      ['Tracks issue No. 5 closely. Is it done? Yes!', ['Tracks issue No. 5 closely.', 'Is it done?', 'Yes!']],
      ['Pivots strategies based on changing priorities', ['Pivots strategies based on changing priorities']],
      ['', []],
    ];
    for (const [text, expected] of cases) {
      it(`splits ${JSON.stringify(text)}`, () => {
        assert.deepEqual(splitSentences(text), expected);
        assert.equal(splitSentences(text).join(' '), text, 'word for word');
      });
    }
  });

  describe('ids', () => {
    it('derives stable kebab-case ASCII ids from names', () => {
      assert.equal(kebabId('Problem Solving & Initiative'), 'problem-solving-initiative');
      assert.equal(kebabId('L3: Senior Software Engineer'), 'l3-senior-software-engineer');
      assert.equal(kebabId('Théorie  des Systèmes'), 'theorie-des-systemes');
      assert.equal(kebabId('Associate/Junior'), 'associate-junior');
      assert.equal(kebabId('設計'), '');
      assert.equal(kebabId('!!!'), '');
      assert.ok(kebabId('word '.repeat(40)).length <= 60);
    });

    it('keeps ids unique in the order asked, with a fallback for names without letters', () => {
      const ids = new IdAllocator('dimension');
      assert.deepEqual(['Delivery', 'delivery!', 'Delivery', '???', '...'].map((n) => ids.take(n)), ['delivery', 'delivery-2', 'delivery-3', 'dimension', 'dimension-2']);
    });

    it('hands out 32,000 ids for one repeated name in linear work: each id asked costs one try', () => {
      const ids = new IdAllocator('dimension');
      const taken = Array.from({ length: 32_000 }, () => ids.take('Same name'));
      assert.equal(new Set(taken).size, 32_000);
      assert.deepEqual(taken.slice(0, 3), ['same-name', 'same-name-2', 'same-name-3']);
      assert.equal(taken[31_999], 'same-name-32000');
      // A count kept since the first id would try every suffix again: about 512 million tries.
      assert.equal(ids.collisions, 0);
    });

    it('skips a suffix a name already took, once, and goes on from there', () => {
      const ids = new IdAllocator('dimension');
      assert.deepEqual(['Review', 'Review 2', 'Review', 'Review', 'Review 3'].map((n) => ids.take(n)), ['review', 'review-2', 'review-3', 'review-4', 'review-3-2']);
      assert.equal(ids.collisions, 1);
    });

    it('keeps 32,000 ids of one repeated name from an earlier version (--keep-ids), each once', () => {
      const ladder: Ladder = { name: 'L', levels: [{ name: 'Junior' }, { name: 'Senior' }], groups: [{ name: 'Areas', dimensions: Array.from({ length: 32_000 }, () => ({ name: 'Same', statements: [['x'], []] })) }] };
      const first = ladderToRubric(ladder, {}, { skipped: [], guessed: [] });
      const ids = first.groups[0].dimensions.map((d) => d.id);
      assert.equal(new Set(ids).size, 32_000);
      const again = ladderToRubric(ladder, { previous: first }, { skipped: [], guessed: [] });
      assert.deepEqual(again.groups[0].dimensions.map((d) => d.id), ids);
    });
  });

  describe('comparison tables', () => {
    const result = importLadder(ladder('platform-table.md'), { sourceName: 'platform-table.md' });

    it('reads a row per dimension and a column per level, formatting removed, words kept', () => {
      assert.equal(result.shape, 'table');
      assert.equal(result.rubric.name, 'Platform Engineering Ladder');
      assert.deepEqual(result.rubric.levels, [
        { id: 'engineer-i', name: 'Engineer I' },
        { id: 'engineer-ii', name: 'Engineer II' },
        { id: 'senior-engineer', name: 'Senior Engineer' },
      ]);
      assert.deepEqual(statements(result, 'delivery'), {
        'engineer-i': ['Ships small changes with review, e.g. config updates.', 'Asks for help early.'],
        'engineer-ii': ['Ships features end to end.', 'Estimates work within 2.5 days of actual.'],
        'senior-engineer': ['Weighs multi-quarter work vs. Short-term fixes.', 'Pushes back with "Not yet."', 'Asks "why?" before building.'],
      });
      assert.deepEqual(statements(result, 'code-review'), {
        'engineer-i': ["Reviews peers' code using the team checklist."],
        'senior-engineer': ['Sets review standards across teams.'],
      });
    });

    it('reads escaped pipes, <br> line breaks and empty cells (no statement at that level)', () => {
      const operations = result.rubric.groups[0].dimensions.find((d) => d.id === 'operations-on-call');
      assert.equal(operations?.name, 'Operations | On-call');
      assert.deepEqual(operations?.expectations, {
        'engineer-ii': ['Joins the on-call rotation.', 'Writes runbooks for owned services.'],
        'senior-engineer': ['Leads incident reviews, i.e. the blameless kind.', 'Improves alerting, etc. and reduces pages.'],
      });
    });

    it('reads bold-named qualities after the table as a group at the highest level, and says it guessed', () => {
      const qualities = result.rubric.groups[1];
      assert.equal(qualities.name, 'Senior Qualities');
      assert.equal(qualities.description, 'Beyond the table, Senior Engineers show:');
      assert.deepEqual(qualities.dimensions.map((d) => [d.id, d.expectations]), [
        ['technical-vision', { 'senior-engineer': ['Sees where the platform should be in two years'] }],
        ['hiring', { 'senior-engineer': ['Interviews candidates.', 'Calibrates other interviewers.'] }],
      ]);
      assert.ok(result.report.guessed.some((g) => /"Senior Qualities" names no level.*Senior Engineer/.test(g)), result.report.guessed.join('\n'));
    });

    it('reports what it left out: a row with only empty cells, prose, an unnamed bullet, a glossary', () => {
      assert.equal(result.rubric.groups.length, 2);
      const skipped = result.report.skipped.join('\n');
      assert.match(skipped, /"Empty" states nothing at any level/);
      assert.match(skipped, /paragraph at line 14/);
      assert.match(skipped, /"A line without a bold name\."/);
      assert.match(skipped, /"Glossary"/);
      assert.match(result.report.guessed.join('\n'), /named "Expectations", after the heading above its table/);
    });

    it('reads the transposed table: a row per level and a column per dimension', () => {
      const r = importLadder(ladder('levels-as-rows.md'));
      assert.deepEqual(r.rubric.levels.map((l) => l.id), ['junior', 'mid', 'senior']);
      assert.deepEqual(r.rubric.groups[0].dimensions.map((d) => [d.id, d.expectations]), [
        ['impact', { junior: ['Works on tasks within one project.'], mid: ['Owns a project.'], senior: ["Shapes the team's roadmap."] }],
        ['craft', { junior: ['Writes correct SQL.', 'Learns the warehouse.'], mid: ['Designs models for a domain.'] }],
      ]);
      assert.match(r.report.guessed.join('\n'), /row per level/);
    });

    it('takes a "Description" column as the dimensions\' descriptions', () => {
      const r = importLadder('| Area | Description | Junior | Senior |\n|-|-|-|-|\n| Craft | How well you build. | Builds. | Builds well. |\n');
      assert.deepEqual(r.rubric.groups[0].dimensions[0], { id: 'craft', name: 'Craft', description: 'How well you build.', expectations: { junior: ['Builds.'], senior: ['Builds well.'] } });
    });
  });

  describe('heading ladders', () => {
    const result = importLadder(ladder('heading-ladder.md'));

    it('reads a heading per level and a sub-heading per area; an area at only some levels stays at those', () => {
      assert.equal(result.shape, 'headings');
      assert.deepEqual(result.rubric.levels.map((l) => l.name), ['L1: Software Engineer', 'L2: Senior Software Engineer']);
      const [l1, l2] = result.rubric.levels.map((l) => l.id);
      assert.deepEqual(result.rubric.groups[0].dimensions.map((d) => [d.name, d.expectations]), [
        ['Technical Skills', { [l1]: ['Writes tested code for well-scoped tasks.', 'Debugs issues in one service, e.g. with logs and traces.'], [l2]: ['Designs services that other teams depend on.'] }],
        ['Collaboration', { [l1]: ['Shares progress in stand-ups.', 'Asks questions when blocked.'], [l2]: ['Mentors L1 engineers.'] }],
        ['Leadership', { [l2]: ['Leads a project of three to five engineers.'] }],
      ]);
    });

    it('skips and reports the sections that are not levels, text outside an area, and code', () => {
      const skipped = result.report.skipped.join('\n');
      for (const section of ['"Philosophy"', '"Overview"', '"Promotion Process"']) assert.match(skipped, new RegExp(`section ${section}.*not a level`));
      assert.match(skipped, /under "L1: Software Engineer" before its first area/);
      assert.match(skipped, /code block at line 41/);
    });

    it('turns levels listed from the highest down round, and says so', () => {
      const r = importLadder('# Ladder\n## L2 Senior\n### Craft\nBuilds well.\n## L1 Junior\n### Craft\nBuilds.\n');
      assert.deepEqual(r.rubric.levels.map((l) => l.name), ['L1 Junior', 'L2 Senior']);
      assert.deepEqual(r.rubric.groups[0].dimensions[0].expectations, { 'l1-junior': ['Builds.'], 'l2-senior': ['Builds well.'] });
      assert.match(r.report.guessed.join('\n'), /turned round/);
    });
  });

  describe('heading ladders as companies write them', () => {
    const names = (r: ReturnType<typeof importLadder>) => r.rubric.levels.map((l) => l.name);
    const dimensions = (r: ReturnType<typeof importLadder>) => r.rubric.groups.flatMap((g) => g.dimensions);

    it('leaves out a "Levels Overview" table of the levels and a process section, reported, ahead of "L1:"', () => {
      const r = importLadder(ladder('levels-overview.md'));
      assert.equal(r.shape, 'headings');
      assert.deepEqual(names(r), ['L1: Software Engineer I', 'L2: Software Engineer II', 'L3: Senior Software Engineer']);
      assert.deepEqual(dimensions(r).map((d) => d.name), ['Technical Skills', 'Communication']);
      const skipped = r.report.skipped.join('\n');
      assert.match(skipped, /section "Levels Overview" \(line 5\): it is not a level/);
      assert.match(skipped, /section "How Promotions Work" \(line 44\): it is not a level/);
    });

    it('reads levels under track headings as levels, the tracks as groupings, and a list per level as one dimension', () => {
      const r = importLadder(ladder('tracks.md'));
      assert.equal(r.shape, 'headings');
      assert.deepEqual(names(r), ['Level 1: Software Engineer (0-2 years)', 'Level 2: Software Engineer II (2-4 years)', 'Level 3: Senior Software Engineer (4-7 years)', 'Level 4: Staff Engineer', 'Level 5: Senior Staff Engineer', 'Level 6: Principal Engineer']);
      const [only, ...rest] = dimensions(r);
      assert.deepEqual(rest, []);
      assert.equal(only.name, 'Key expectations');
      const ids = r.rubric.levels.map((l) => l.id);
      assert.deepEqual(only.expectations[ids[0]], ['Completes well-defined tasks with guidance.', "Learns the team's codebase and tools."]);
      assert.deepEqual(only.expectations[ids[4]], ['Shapes the architecture of a product line.']);
      const guessed = r.report.guessed.join('\n');
      assert.match(guessed, /"Individual Contributor Track \(Levels 1-3\)" \(line 3\) groups levels/);
      assert.match(guessed, /"Senior Track \(Levels 4-6\)" \(line 26\) groups levels/);
      assert.match(guessed, /no areas of their own, so their statements are one dimension, "Key expectations"/);
      const skipped = r.report.skipped.join('\n');
      assert.match(skipped, /text under "Senior Track \(Levels 4-6\)"/);
      assert.match(skipped, /Level "Level 6: Principal Engineer" \(line 42\) states nothing/);
    });

    it('reads IC-numbered and level-word headings, each a run of siblings; other sections at their depth are skipped', () => {
      const ic = importLadder('# Ladder\n## About\nText.\n## IC1\n### Craft\n- Builds.\n## Career Philosophy\n- Grow.\n## IC2\n### Craft\n- Builds more.\n');
      assert.deepEqual(names(ic), ['IC1', 'IC2']);
      assert.match(ic.report.skipped.join('\n'), /"About".*not a level[\s\S]*"Career Philosophy".*not a level/);
      const words = importLadder('# Ladder\n## Junior Engineer\n- Learns.\n## Senior Engineer\n- Leads.\n## Staff Engineer\n1. Sets direction.\n');
      assert.deepEqual(names(words), ['Junior Engineer', 'Senior Engineer', 'Staff Engineer']);
      assert.deepEqual(dimensions(words).map((d) => [d.name, Object.values(d.expectations)]), [['Expectations', [['Learns.'], ['Leads.'], ['Sets direction.']]]]);
      const grouped = importLadder('# L\n## Engineering (E1-E3)\n### E1 Engineer\n- One.\n### E2 Engineer\n- Two.\n## Management\n### M1 Manager\n- Leads.\n');
      assert.deepEqual(names(grouped), ['E1 Engineer', 'E2 Engineer', 'M1 Manager']);
    });

    it('still reads a table ladder whose sections are named after levels as a table', () => {
      const r = importLadder('# L\n| Area | Junior | Senior |\n| --- | --- | --- |\n| Craft | Builds. | Leads. |\n## Senior Qualities\n- **Vision**: Sees far.\n## Staff Qualities\n- **Reach**: Spans teams.\n');
      assert.equal(r.shape, 'table');
    });
  });

  describe('FT-style YAML', () => {
    const result = importLadder(ladder('ft-style.yml'));

    it('reads levels, themes as dimensions with their summary as description, competencies as statements', () => {
      assert.equal(result.shape, 'ft-yaml');
      assert.deepEqual(result.rubric.levels.map((l) => l.id), ['junior', 'engineer', 'senior-1']);
      assert.deepEqual(result.rubric.groups[0].dimensions, [
        {
          id: 'planning-organising', name: 'Planning and Organising',
          description: 'Effectively manages activities and keeps to expected or communicated timelines.',
          expectations: { junior: ['Aware of how the team delivers.', 'Plans and delivers own work tasks.'] },
        },
        {
          id: 'technical', name: 'Technical', description: 'Demonstrates technical expertise.',
          expectations: {
            junior: ['Writes well-tested code.', 'Applies changes with care.', 'Uses tooling at a basic level (source control, CI/CD etc.)'],
            'senior-1': ['Designs solutions for non-functional needs such as security, i.e. the whole system.'],
          },
        },
      ]);
    });

    it('reports a competency of an unknown level, fields it has no place for, and a theme with no competency', () => {
      const skipped = result.report.skipped.join('\n');
      assert.match(skipped, /competency "c4": its level "principal" is not one of "levels"/);
      assert.match(skipped, /"proficiency" of 3 competencies/);
      assert.match(skipped, /"Unused Theme" states nothing/);
    });

    it('says where YAML does not parse, and refuses aliases rather than expanding them', () => {
      assert.throws(() => importLadder('levels: [\n', { format: 'ft-yaml' }), (e: Error) => e instanceof LadderImportError && /line \d/.test(e.message));
      const aliased = 'name: X\nlevels:\n  - &a { id: a, name: A }\n  - *a\nthemes: []\n';
      assert.throws(() => importLadder(aliased, { format: 'ft-yaml' }), (e: Error) => e instanceof LadderImportError && /aliases/.test(e.message));
    });
  });

  describe('the rubric it writes', () => {
    it('is a valid rubric in our format, for every shape', () => {
      for (const name of ['platform-table.md', 'levels-as-rows.md', 'heading-ladder.md', 'ft-style.yml']) {
        const r = importLadder(ladder(name));
        const parsed = parseRubric(r.yaml);
        assert.deepEqual(parsed.problems, [], name);
        assert.deepEqual(parsed.rubric?.groups.map((g) => g.dimensions.map((d) => d.expectations)), r.rubric.groups.map((g) => g.dimensions.map((d) => d.expectations)), name);
      }
    });

    it('quotes what YAML would misread: names like true, 1 or with colons and quotes', () => {
      const r = importLadder('| Area | true | 1: "one" |\n|-|-|-|\n| null | A #1. | B: "b". |\n', { format: 'table' });
      const parsed = parseRubric(r.yaml).rubric;
      assert.deepEqual(parsed?.levels.map((l) => l.name), ['true', '1: "one"']);
      assert.deepEqual(parsed?.groups[0].dimensions[0].name, 'null');
      assert.deepEqual(Object.values(parsed?.groups[0].dimensions[0].expectations ?? {}), [['A #1.'], ['B: "b".']]);
    });

    it('fails with a message that says what it looked for when the text holds no ladder', () => {
      assert.throws(() => importLadder('# Notes\n\nJust prose.\n'), (e: Error) => e instanceof LadderImportError && /Found no ladder.*comparison table.*heading per level.*FT-style/.test(e.message));
      assert.throws(() => importLadder('| Area | Only |\n|-|-|\n| A | B. |\n', { format: 'table' }), LadderImportError);
    });

    it('refuses a ladder with more levels than a rubric allows, naming the rule', () => {
      const header = Array.from({ length: 12 }, (_, i) => `L${i + 1}`).join(' | ');
      const text = `| Area | ${header} |\n|${'-|'.repeat(13)}\n| A | ${Array.from({ length: 12 }, () => 'X.').join(' | ')} |\n`;
      assert.throws(() => importLadder(text), (e: Error) => /2 to 10 levels/.test(e.message));
    });
  });

  describe('the shipped Product Security pathway', () => {
    const source = readFileSync(join(root, 'rubric', 'source', 'product-security-career-pathway.md'), 'utf8');
    const shipped = readFileSync(join(root, 'rubric', 'product-security.yaml'), 'utf8');

    it('is exactly what the importer makes of its source, keeping the ids it was published with', () => {
      const r = importLadder(source, { sourceName: 'product-security-career-pathway.md', name: 'Product Security Career Pathway', previous: bundledRubric() });
      assert.equal(r.yaml, shipped);
      assert.deepEqual(r.report, { skipped: [], guessed: [] });
    });

    it('without the previous ids, has the same text under ids derived from names, and says what it guessed', () => {
      const r = importLadder(source);
      assert.equal(r.rubric.name, 'Product Security Career Pathway: Competencies by Level');
      assert.deepEqual(r.rubric.levels.map((l) => l.id), ['associate-junior', 'mid-level', 'senior']);
      assert.deepEqual(r.rubric.groups.map((g) => g.id), ['career-level-comparison-table', 'additional-senior-qualities']);
      assert.equal(r.rubric.groups[0].dimensions[0].id, 'problem-solving-initiative');
      const texts = (g: typeof r.rubric.groups) => g.flatMap((x) => x.dimensions.flatMap((d) => Object.values(d.expectations).flat()));
      assert.deepEqual(texts(r.rubric.groups), texts(bundledRubric().groups));
      assert.deepEqual(r.report.guessed, ['The group of "Problem Solving & Initiative" and the rest is named "Career Level Comparison Table", after the heading above its table.']);
    });
  });
});
