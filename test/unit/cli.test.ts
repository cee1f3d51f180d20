import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseJournal, MAX_JOURNAL_BYTES } from '../../src/core/journal';
import { root, run } from './helpers';

describe('cli', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'growth-cli-'));
    mkdirSync(join(dir, '.growth'));
    copyFileSync(join(root, 'test/fixtures/journals/sample.yaml'), join(dir, '.growth/journal.yaml'));
  });

  it('validate: exits 0 on a valid journal', async () => {
    const r = await run(['validate'], dir);
    assert.equal(r.code, 0, r.out + r.err);
    assert.equal(r.out, '');
    assert.match(r.err, /5 entries, no problems/);
  });

  it('validate: prints file:line:col and exits 1 on a syntax error', async () => {
    const lines = readFileSync(join(dir, '.growth/journal.yaml'), 'utf8').split('\n');
    lines[6] = '  - id: "broken';
    writeFileSync(join(dir, 'bad.yaml'), lines.join('\n'));
    const r = await run(['validate', '--journal', 'bad.yaml'], dir);
    assert.equal(r.code, 1);
    assert.match(r.out, /^bad\.yaml:\d+:\d+: error: /m);
  });

  it('validate: warnings alone exit 0; unknown dimensions are named', async () => {
    writeFileSync(join(dir, 'w.yaml'), 'version: 1\nentries:\n  - id: a\n    date: 2026-01-01\n    kind: note\n    title: A\n    dimensions: [nope]\n');
    const r = await run(['validate', '--journal', 'w.yaml'], dir);
    assert.equal(r.code, 0);
    assert.equal(r.out, 'w.yaml:7:18: warning: Entry "a" names dimension "nope", which Product Security Career Pathway does not have.\n');
  });

  it('summary: prints the quarter, the same as the golden file', async () => {
    const r = await run(['summary', '--quarter', '2026-Q4'], dir);
    assert.equal(r.code, 0, r.err);
    assert.equal(r.out, readFileSync(join(root, 'test/fixtures/summaries/sample-2026-Q4.md'), 'utf8'));
    const out = await run(['summary', '--quarter=current', '--out', 'q.md', '--include-private'], dir);
    assert.equal(out.code, 0, out.err);
    assert.match(readFileSync(join(dir, 'q.md'), 'utf8'), /Salary negotiation notes/);
  });

  it('summary: --period takes a half, a year or a range', async () => {
    const half = await run(['summary', '--period', '2026-H2'], dir);
    assert.equal(half.code, 0, half.err);
    assert.match(half.out, /^# Growth summary: 2026-H2 \(Jul–Dec 2026\)/);
    const range = await run(['summary', '--period', '2026-10-01..2026-10-31'], dir);
    assert.match(range.out, /^# Growth summary: 2026-10-01 to 2026-10-31/);
  });

  it('packet: prints the golden packet in Markdown or HTML, or writes it with --out', async () => {
    copyFileSync(join(root, 'test/fixtures/journals/packet.yaml'), join(dir, 'packet.yaml'));
    const md = await run(['packet', 'packet.yaml', '--period', '2026-Q4'], dir);
    assert.equal(md.code, 0, md.err);
    assert.equal(md.out, readFileSync(join(root, 'test/fixtures/packets/packet-senior-2026-Q4.md'), 'utf8').replace('`.growth/journal.yaml`', '`packet.yaml`'));
    const html = await run(['packet', 'packet.yaml', '--period', '2026-Q4', '--format', 'html', '--out', 'p.html'], dir);
    assert.equal(html.code, 0, html.err);
    assert.equal(readFileSync(join(dir, 'p.html'), 'utf8'), readFileSync(join(root, 'test/fixtures/packets/packet-senior-2026-Q4.html'), 'utf8').replace('<code>.growth/journal.yaml</code>', '<code>packet.yaml</code>'));
    const bad = await run(['packet', 'packet.yaml', '--format', 'pdf'], dir);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /--format takes md or html/);
    const level = await run(['packet', 'packet.yaml', '--level', 'staff'], dir);
    assert.match(level.err, /"staff" is not a level/);
  });

  it('packet --gaps: statements without evidence once as a checklist at the end (the default), under each statement, or left out', async () => {
    copyFileSync(join(root, 'test/fixtures/journals/packet.yaml'), join(dir, 'packet.yaml'));
    const packet = async (...args: string[]) => {
      const r = await run(['packet', 'packet.yaml', '--period', '2026-Q4', ...args], dir);
      assert.equal(r.code, 0, r.err);
      return r.out;
    };
    const checklist = await packet('--gaps', 'checklist');
    assert.equal(checklist, await packet(), 'checklist is the default');
    assert.match(checklist, /## Statements without evidence yet\n\nThe 46 statements in force at Senior[^\n]*\n\n- \*\*Problem Solving & Initiative\*\*\n {2}- \[ \] Thinks ahead/);
    assert.doesNotMatch(checklist, /No evidence yet\./);
    const inline = await packet('--gaps', 'inline');
    assert.equal(inline.match(/_No evidence yet\._/g)?.length, 46);
    assert.doesNotMatch(inline, /Statements without evidence yet/);
    const none = await packet('--gaps', 'none');
    assert.doesNotMatch(none, /No evidence yet|Statements without evidence yet|Thinks ahead/);
    assert.match(none, /#### Balances security and business needs expertly\./, 'statements with evidence stay');
    for (const text of [checklist, inline, none]) assert.doesNotMatch(text, /[a-z-]+\/senior\/\d/, 'no statement id in the reading text');
    const bad = await run(['packet', 'packet.yaml', '--gaps', 'some'], dir);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /--gaps takes checklist, inline, none, not "some"/);
    const summary = await run(['summary', 'packet.yaml', '--period', '2026-Q4', '--gaps', 'none'], dir);
    assert.match(summary.err, /--gaps is for packet/);
  });

  it('summary: works with another ladder given as a path', async () => {
    // The fixture names its rubric relative to the repository, which is not the journal's folder.
    const r = await run(['summary', '--quarter', '2026-Q1', '--workspace', root, '--journal', join(root, 'test/fixtures/journals/five-levels.yaml')], root);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /Platform Engineering Ladder/);
  });

  it('takes the journal as FILE after the command, the same as --journal, but only once', async () => {
    const journal = join(root, 'test/fixtures/journals/five-levels.yaml');
    const byFile = await run(['summary', journal, '--quarter', '2026-Q1', '--workspace', root], root);
    assert.equal(byFile.code, 0, byFile.err);
    assert.equal(byFile.out, (await run(['summary', '--quarter', '2026-Q1', '--journal', journal, '--workspace', root], root)).out);
    const twice = await run(['validate', 'a.yaml', '--journal', 'b.yaml'], dir);
    assert.equal(twice.code, 2);
    assert.match(twice.err, /The journal is named twice: "a\.yaml" and "b\.yaml"/);
  });

  it('validate: a journal over the size limit is an error without a line, and is not parsed', async () => {
    const huge = join(dir, 'huge.yaml');
    writeFileSync(huge, '');
    truncateSync(huge, MAX_JOURNAL_BYTES + 1);
    const r = await run(['validate', 'huge.yaml'], dir);
    assert.equal(r.code, 1);
    assert.match(r.out, /^huge\.yaml: error: The journal is 33 MB; Growth Journal reads journals of up to 32 MB/);
  });

  it('one clear line for a missing file, an unknown rubric and bad usage; exit 2', async () => {
    const cases: [string[], RegExp][] = [
      [['validate', '--journal', 'missing.yaml'], /^growth-journal: No journal at .*missing\.yaml\.\n$/],
      [['validate', '--rubric', 'nope.yaml'], /^growth-journal: No rubric at .*nope\.yaml\.\n$/],
      [['summary'], /summary needs --period/],
      [['summary', '--quarter', '2026-Q9'], /"2026-Q9" is not a period/],
      [['frobnicate'], /Unknown command "frobnicate"/],
      [['validate', '--bogus'], /Unknown option --bogus/],
      [['validate', 'missing.yaml'], /^growth-journal: No journal at .*missing\.yaml\.\n$/],
      [['summary', '--quarter', 'current', '--fiscal-start', '13'], /--fiscal-start takes a month number 1-12/],
    ];
    for (const [args, message] of cases) {
      const r = await run(args, dir);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.err, message, args.join(' '));
      assert.doesNotMatch(r.err, /\n\s+at /, 'no stack trace');
    }
    writeFileSync(join(dir, 'odd.yaml'), 'version: 1\nrubric: made-up-ladder\nentries: []\n');
    const r = await run(['validate', '--journal', 'odd.yaml'], dir);
    assert.equal(r.code, 2);
    assert.match(r.err, /names rubric "made-up-ladder", which is neither a bundled rubric/);
  });

  it('add, remove and profile change the journal through the write path, keeping every other byte', async () => {
    const path = join(dir, '.growth/journal.yaml');
    const before = readFileSync(path, 'utf8');
    const added = await run(['add', '--title', 'Led the incident review', '--dimension', 'communication,risk-management', '--level', 'senior', '--note', 'two\nlines', '--date', '2026-11-20', '--private'], dir);
    assert.equal(added.code, 0, added.err);
    const id = added.out.trim();
    assert.match(id, /^ev-20261120-[0-9a-f]{6}$/);
    const after = readFileSync(path, 'utf8');
    assert.ok(after.startsWith(before), 'appended only');
    const entry = parseJournal(after).journal!.entries.at(-1)!;
    assert.deepEqual({ ...entry, line: 0 }, { id, date: '2026-11-20', kind: 'note', title: 'Led the incident review', dimensions: ['communication', 'risk-management'], level: 'senior', note: 'two\nlines', private: true, line: 0 });
    const removed = await run(['remove', id], dir);
    assert.equal(removed.code, 0, removed.err);
    assert.equal(readFileSync(path, 'utf8'), before, 'remove undoes add byte for byte');
    assert.equal((await run(['profile'], dir)).out, 'current: mid\ntarget: senior\n');
    const set = await run(['profile', '--current', 'senior', '--target', 'senior'], dir);
    assert.equal(set.code, 0, set.err);
    assert.equal((await run(['profile'], dir)).out, 'current: senior\ntarget: senior\n');
    const below = await run(['profile', '--current', 'senior', '--target', 'associate'], dir);
    assert.equal(below.code, 2);
    assert.match(below.err, /The target level, Associate\/Junior, is below the current level, Senior\. Choose a target at or above Senior/);
  });

  it('add and remove refuse what they cannot do, leaving the file byte for byte', async () => {
    const path = join(dir, '.growth/journal.yaml');
    const before = readFileSync(path, 'utf8');
    const cases: [string[], number, RegExp][] = [
      [['add', '--title', 'x', '--dimension', 'technical-dept'], 2, /"technical-dept" is not a dimension/],
      [['add', '--title', 'x'], 2, /add needs --dimension/],
      [['add', '--title', 'x', '--dimension', 'communication', '--date', '2026-02-30'], 2, /not a date/],
      [['add', '--title', 'x', '--dimension', 'communication', '--level', 'wizard'], 2, /"wizard" is not a level/],
      [['add', '--dimension', 'communication', '--commit', '--output=/tmp/x'], 2, /--commit needs a value|is not a revision/],
      [['remove', 'ev-nope'], 1, /No entry with id "ev-nope"/],
      [['remove'], 2, /remove needs the id/],
    ];
    for (const [args, code, message] of cases) {
      const r = await run(args, dir);
      assert.equal(r.code, code, `${args.join(' ')}: ${r.err}`);
      assert.match(r.err, message, args.join(' '));
      assert.equal(readFileSync(path, 'utf8'), before, args.join(' '));
    }
    writeFileSync(path, `${before}  - id: "broken\n`);
    const broken = await run(['add', '--title', 'x', '--dimension', 'communication'], dir);
    assert.equal(broken.code, 1);
    assert.match(broken.err, /journal\.yaml:\d+:\d+: error: /);
    assert.equal(readFileSync(path, 'utf8'), `${before}  - id: "broken\n`);
  });

  it('add starts a journal where there is none, and resolves the rubric against the workspace, not the current folder', async () => {
    const fresh = mkdtempSync(join(tmpdir(), 'growth-cli-new-'));
    const r = await run(['add', '--title', 'First', '--dimension', 'communication'], fresh);
    assert.equal(r.code, 0, r.err);
    const journal = readFileSync(join(fresh, '.growth/journal.yaml'), 'utf8');
    assert.match(journal, /^# Growth journal/);
    assert.equal(parseJournal(journal).journal?.entries[0].title, 'First');
    mkdirSync(join(fresh, '.growth/rubrics'));
    copyFileSync(join(root, 'test/fixtures/rubrics/five-levels.yaml'), join(fresh, '.growth/rubrics/five.rubric.yaml'));
    writeFileSync(join(fresh, '.growth/journal.yaml'), journal.replace('rubric: product-security', 'rubric: .growth/rubrics/five.rubric.yaml'));
    for (const cwd of [fresh, tmpdir(), root]) {
      const v = await run(['validate', join(fresh, '.growth/journal.yaml')], cwd);
      assert.equal(v.code, 0, `from ${cwd}: ${v.out}${v.err}`);
    }
    writeFileSync(join(fresh, '.growth/journal.yaml'), journal.replace('rubric: product-security', 'rubric: ../../../../etc/passwd'));
    const outside = await run(['validate'], fresh);
    assert.match(outside.out, /:6:9: warning: The rubric path "\.\.\/\.\.\/\.\.\/\.\.\/etc\/passwd" is not a path inside/);
  });

  it('add --commit records the commit as the extension does: full sha, subject, the remote without credentials', async () => {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 'Dana', GIT_AUTHOR_EMAIL: 'dana@example.com', GIT_COMMITTER_NAME: 'Dana', GIT_COMMITTER_EMAIL: 'dana@example.com' } });
    git('init', '-q');
    git('remote', 'add', 'origin', 'https://dana:ghp_secret@github.com/acme/app.git');
    writeFileSync(join(dir, 'a.txt'), 'a\n');
    git('add', 'a.txt');
    git('commit', '-q', '-m', 'fix(auth): reject "none" tokens');
    const sha = git('rev-parse', 'HEAD').trim();
    const r = await run(['add', '--commit', 'HEAD', '--dimension', 'technical-depth'], dir);
    assert.equal(r.code, 0, r.err);
    const entry = parseJournal(readFileSync(join(dir, '.growth/journal.yaml'), 'utf8')).journal!.entries.at(-1)!;
    assert.deepEqual([entry.kind, entry.title, entry.commit], ['commit', 'fix(auth): reject "none" tokens', { sha, repo: 'https://github.com/acme/app.git', subject: 'fix(auth): reject "none" tokens' }]);
    assert.doesNotMatch(readFileSync(join(dir, '.growth/journal.yaml'), 'utf8'), /ghp_secret/);
    for (const rev of ['--output=/tmp/x', '-n1', 'no-such-rev']) {
      const bad = await run(['add', '--dimension', 'technical-depth', `--commit=${rev}`], dir);
      assert.notEqual(bad.code, 0, rev);
    }
  });

  it('the bundled dist/cli.js runs with --help, --version and exit codes', function () {
    const cli = join(root, 'dist', 'cli.js');
    // Built here, with the build the package uses, so this test never runs against a stale or missing bundle.
    execFileSync(process.execPath, [join(root, 'esbuild.js')], { cwd: root });
    assert.ok(existsSync(cli), 'the build writes dist/cli.js');
    assert.match(execFileSync(process.execPath, [cli, '--help'], { encoding: 'utf8' }), /Usage: growth-journal/);
    const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
    assert.equal(execFileSync(process.execPath, [cli, '--version'], { encoding: 'utf8' }).trim(), version);
    assert.equal(spawnSync(process.execPath, [cli, 'validate'], { cwd: dir }).status, 0);
    writeFileSync(join(dir, '.growth/journal.yaml'), 'version: 1\nentries: [\n');
    const bad = spawnSync(process.execPath, [cli, 'validate'], { cwd: dir, encoding: 'utf8' });
    assert.equal(bad.status, 1);
    assert.match(bad.stdout, /^\.growth\/journal\.yaml:\d+:\d+: error: /);
  });
});
