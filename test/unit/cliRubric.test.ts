import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/index';
import { rubricCommand } from '../../src/cli/rubric';
import { parseJournal } from '../../src/core/journal';
import { parseRubric } from '../../src/core/rubric/rubric';
import { root } from './helpers';

async function run(args: string[], cwd = root) {
  let out = '';
  let err = '';
  const code = await rubricCommand(args, { cwd, out: (t) => (out += t), err: (t) => (err += t), packageRoot: root, today: new Date(2026, 10, 27) });
  return { code, out, err };
}

describe('cli: rubric import', () => {
  it('prints the rubric on standard output and what it skipped and guessed on standard error', async () => {
    const r = await run(['import', 'test/fixtures/ladders/platform-table.md']);
    assert.equal(r.code, 0, r.err);
    assert.equal(parseRubric(r.out).rubric?.id, 'platform-engineering-ladder');
    const lines = r.err.trimEnd().split('\n');
    assert.equal(lines[0], 'test/fixtures/ladders/platform-table.md: read as table: 3 levels, 2 groups, 5 dimensions, 16 statements.');
    assert.ok(lines.some((l) => l.startsWith('skipped: "Empty" states nothing')), r.err);
    assert.ok(lines.some((l) => l.startsWith('guessed: "Senior Qualities" names no level')), r.err);
  });

  it('gives the shipped rubric from its source, with --name and --keep-ids', async () => {
    const r = await run(['import', 'rubric/source/product-security-career-pathway.md', '--name', 'Product Security Career Pathway', '--keep-ids', 'rubric/product-security.yaml']);
    assert.equal(r.code, 0, r.err);
    assert.equal(r.out, readFileSync(join(root, 'rubric/product-security.yaml'), 'utf8'));
    assert.equal(r.err, 'rubric/source/product-security-career-pathway.md: read as table: 3 levels, 2 groups, 21 dimensions, 127 statements.\n');
  });

  it('takes --format, --id and --out (written whole, nothing on standard output)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'growth-rubric-'));
    const r = await run(['import', join(root, 'test/fixtures/ladders/heading-ladder.md'), '--format=headings', '--id', 'backend', '--out', 'backend.rubric.yaml'], dir);
    assert.equal(r.code, 0, r.err);
    assert.equal(r.out, '');
    assert.match(r.err, /read as headings: 2 levels, 1 group, 3 dimensions, 7 statements; wrote backend\.rubric\.yaml\./);
    assert.equal(parseRubric(readFileSync(join(dir, 'backend.rubric.yaml'), 'utf8')).rubric?.id, 'backend');
  });

  it('exits 1 with a message when the file holds no ladder, or the format does not fit', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'growth-rubric-'));
    writeFileSync(join(dir, 'notes.md'), '# Notes\n\nNothing here.\n');
    const r = await run(['import', 'notes.md'], dir);
    assert.equal(r.code, 1);
    assert.equal(r.out, '');
    assert.match(r.err, /^growth-journal: notes\.md: Found no ladder\./);
    const wrongShape = await run(['import', 'test/fixtures/ladders/ft-style.yml', '--format', 'headings']);
    assert.equal(wrongShape.code, 1);
  });

  it('exits 2 on bad usage and missing or unreadable files, saying what to do', async () => {
    const cases: [string[], RegExp][] = [
      [[], /Say what to do with rubrics/],
      [['export'], /Unknown rubric command "export"/],
      [['import'], /needs the ladder file/],
      [['import', 'a.md', 'b.md'], /One ladder at a time/],
      [['import', 'a.md', '--format', 'csv'], /--format takes auto, table, headings, ft-yaml, not "csv"/],
      [['import', 'a.md', '--id', 'has space'], /--id takes an id/],
      [['import', 'a.md', '--name'], /--name needs a value/],
      [['import', 'missing.md'], /No file at missing\.md/],
    ];
    for (const [args, message] of cases) {
      const r = await run(args);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.err, message, args.join(' '));
    }
    const dir = mkdtempSync(join(tmpdir(), 'growth-rubric-'));
    writeFileSync(join(dir, 'bad.md'), Buffer.from([0x23, 0x20, 0xff, 0x0a]));
    const invalid = await run(['import', 'bad.md'], dir);
    assert.equal(invalid.code, 2);
    assert.match(invalid.err, /bad\.md:1:\d+: error: .*UTF-8/);
  });

  it('refuses --keep-ids with a rubric that does not parse, printing its problems', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'growth-rubric-'));
    writeFileSync(join(dir, 'old.yaml'), 'id: old\nlevels: []\n');
    const r = await run(['import', join(root, 'test/fixtures/ladders/levels-as-rows.md'), '--keep-ids', 'old.yaml'], dir);
    assert.equal(r.code, 1);
    assert.match(r.err, /^old\.yaml:1:1: error: /m);
    assert.match(r.err, /--keep-ids old\.yaml is not a valid rubric/);
  });
});

describe('cli: rubric switch', () => {
  const journalText = [
    'version: 1',
    'rubric: product-security',
    'profile:',
    '  currentLevel: mid',
    '  targetLevel: senior # next year',
    'entries:',
    '  - { id: e1, date: 2026-01-02, kind: note, title: Mentored Ana, dimensions: [mentorship], level: senior, statements: [mentorship/senior/1] }',
    '  - { id: e2, date: 2026-01-03, kind: note, title: Paired, dimensions: [collaboration, mentorship], level: mid }',
    '  - { id: e3, date: 2026-01-04, kind: note, title: Reviewed, dimensions: [collaboration], level: mid }',
    '  - { id: e4, date: 2026-01-05, kind: note, title: Hardened auth, dimensions: [technical-depth] }',
    '',
  ].join('\n');
  const team = 'id: team\nname: Team Ladder\nlevels: [{ id: l2, name: L2 }, { id: l3, name: L3 }]\ngroups:\n  - id: g\n    name: G\n    dimensions:\n      - { id: collaboration, name: Collaboration, expectations: { l2: [Works with others.], l3: [Grows others.] } }\n      - { id: technical-depth, name: Technical Depth, expectations: { l2: [Builds.] } }\n';
  const workspace = () => {
    const dir = mkdtempSync(join(tmpdir(), 'growth-switch-'));
    mkdirSync(join(dir, '.growth/rubrics'), { recursive: true });
    writeFileSync(join(dir, '.growth/journal.yaml'), journalText);
    writeFileSync(join(dir, '.growth/rubrics/team.rubric.yaml'), team);
    return dir;
  };
  const cli = async (args: string[], cwd: string) => {
    let out = '';
    let err = '';
    const code = await main(args, { cwd, out: (t) => (out += t), err: (t) => (err += t), packageRoot: root, today: new Date(2026, 11, 7) });
    return { code, out, err };
  };
  const journalOf = (dir: string) => readFileSync(join(dir, '.growth/journal.yaml'), 'utf8');

  it('refuses ids the new rubric lacks that no --map covers, listing them, and writes nothing', async () => {
    const dir = workspace();
    const r = await cli(['rubric', 'switch', '.growth/rubrics/team.rubric.yaml'], dir);
    assert.equal(r.code, 1, r.err);
    assert.match(r.err, /dimension mentorship \(2 uses\)/);
    assert.match(r.err, /level mid \(3 uses\)/);
    assert.match(r.err, /level senior \(2 uses\)/);
    assert.equal(journalOf(dir), journalText);
    const bad = await cli(['rubric', 'switch', '.growth/rubrics/team.rubric.yaml', '--map', 'mentorship=nowhere'], dir);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /"nowhere" is no dimension id of Team Ladder/);
  });

  it('prints the plan with --dry-run: what moves where and what merges, nothing written', async () => {
    const dir = workspace();
    const r = await cli(['rubric', 'switch', '.growth/rubrics/team.rubric.yaml', '--map', 'mentorship=collaboration', '--map=mid=l2', '--map', 'senior=l3', '--dry-run'], dir);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /Dimension Mentorship & Leadership \(mentorship\) → Collaboration \(collaboration\): 2 uses, merged with Collaboration \(collaboration\)\./);
    assert.match(r.out, /Level Mid-Level \(mid\) → L2 \(l2\): 3 uses\./);
    assert.match(r.out, /Cited statement mentorship\/senior\/1 \(1 use\) is not in Team Ladder: kept as written/);
    assert.match(r.out, /rubricHistory records this switch, with the ids 2 entries had before the merge/);
    assert.match(r.out, /Nothing was written/);
    assert.equal(journalOf(dir), journalText);
  });

  it('switches with the maps, validates clean on the new rubric, and switching back needs no --map and gives the file back as it was', async () => {
    const dir = workspace();
    const there = await cli(['rubric', 'switch', '.growth/rubrics/team.rubric.yaml', '.growth/journal.yaml', '--map', 'mentorship=collaboration', '--map', 'mid=l2', '--map', 'senior=l3'], dir);
    assert.equal(there.code, 0, there.err);
    assert.match(there.err, /Switched \.growth\/journal\.yaml to Team Ladder\./);
    const onTeam = parseJournal(journalOf(dir)).journal!;
    assert.equal(onTeam.rubric, '.growth/rubrics/team.rubric.yaml');
    assert.deepEqual(onTeam.entries.map((e) => e.dimensions), [['collaboration'], ['collaboration', 'collaboration'], ['collaboration'], ['technical-depth']]);
    const valid = await cli(['validate'], dir);
    assert.equal(valid.code, 0, valid.out + valid.err);
    assert.doesNotMatch(valid.out, /mentorship\/senior\/1/);

    const back = await cli(['rubric', 'switch', 'product-security'], dir);
    assert.equal(back.code, 0, back.err);
    assert.match(back.err, /Goes back over the switch of 2026-12-07/);
    assert.equal(journalOf(dir), journalText);
  });
});
