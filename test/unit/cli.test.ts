import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli';
import { MAX_JOURNAL_BYTES } from '../../src/core/journalSession';
import { root } from './helpers';

function run(args: string[], cwd: string) {
  let out = '';
  let err = '';
  const code = main(args, { cwd, out: (t) => (out += t), err: (t) => (err += t), packageRoot: root, today: new Date(2026, 10, 27) });
  return { code, out, err };
}

describe('cli', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'growth-cli-'));
    mkdirSync(join(dir, '.growth'));
    copyFileSync(join(root, 'test/fixtures/journals/sample.yaml'), join(dir, '.growth/journal.yaml'));
  });

  it('validate: exits 0 on a valid journal', () => {
    const r = run(['validate'], dir);
    assert.equal(r.code, 0, r.out + r.err);
    assert.equal(r.out, '');
    assert.match(r.err, /5 entries, no problems/);
  });

  it('validate: prints file:line:col and exits 1 on a syntax error', () => {
    const lines = readFileSync(join(dir, '.growth/journal.yaml'), 'utf8').split('\n');
    lines[6] = '  - id: "broken';
    writeFileSync(join(dir, 'bad.yaml'), lines.join('\n'));
    const r = run(['validate', '--journal', 'bad.yaml'], dir);
    assert.equal(r.code, 1);
    assert.match(r.out, /^bad\.yaml:\d+:\d+: error: /m);
  });

  it('validate: warnings alone exit 0; unknown dimensions are named', () => {
    writeFileSync(join(dir, 'w.yaml'), 'version: 1\nentries:\n  - id: a\n    date: 2026-01-01\n    kind: note\n    title: A\n    dimensions: [nope]\n');
    const r = run(['validate', '--journal', 'w.yaml'], dir);
    assert.equal(r.code, 0);
    assert.equal(r.out, 'w.yaml:7:18: warning: Entry "a" names dimension "nope", which Product Security Career Pathway does not have.\n');
  });

  it('summary: prints the quarter, the same as the golden file', () => {
    const r = run(['summary', '--quarter', '2026-Q4'], dir);
    assert.equal(r.code, 0, r.err);
    assert.equal(r.out, readFileSync(join(root, 'test/fixtures/summaries/sample-2026-Q4.md'), 'utf8'));
    const out = run(['summary', '--quarter=current', '--out', 'q.md', '--include-private'], dir);
    assert.equal(out.code, 0, out.err);
    assert.match(readFileSync(join(dir, 'q.md'), 'utf8'), /Salary negotiation notes/);
  });

  it('summary: works with another ladder given as a path', () => {
    const r = run(['summary', '--quarter', '2026-Q1', '--journal', join(root, 'test/fixtures/journals/five-levels.yaml')], root);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /Platform Engineering Ladder/);
  });

  it('takes the journal as FILE after the command, the same as --journal, but only once', () => {
    const journal = join(root, 'test/fixtures/journals/five-levels.yaml');
    const byFile = run(['summary', journal, '--quarter', '2026-Q1'], root);
    assert.equal(byFile.code, 0, byFile.err);
    assert.equal(byFile.out, run(['summary', '--quarter', '2026-Q1', '--journal', journal], root).out);
    const twice = run(['validate', 'a.yaml', '--journal', 'b.yaml'], dir);
    assert.equal(twice.code, 2);
    assert.match(twice.err, /The journal is named twice: "a\.yaml" and "b\.yaml"/);
  });

  it('validate: a journal over the size limit is an error without a line, and is not parsed', () => {
    const huge = join(dir, 'huge.yaml');
    writeFileSync(huge, '');
    truncateSync(huge, MAX_JOURNAL_BYTES + 1);
    const r = run(['validate', 'huge.yaml'], dir);
    assert.equal(r.code, 1);
    assert.match(r.out, /^huge\.yaml: error: The journal is 33 MB; Growth Journal reads journals of up to 32 MB/);
  });

  it('one clear line for a missing file, an unknown rubric and bad usage; exit 2', () => {
    const cases: [string[], RegExp][] = [
      [['validate', '--journal', 'missing.yaml'], /^growth-journal: No journal at .*missing\.yaml\.\n$/],
      [['validate', '--rubric', 'nope.yaml'], /^growth-journal: No rubric at .*nope\.yaml\.\n$/],
      [['summary'], /summary needs --quarter/],
      [['summary', '--quarter', '2026-Q9'], /"2026-Q9" is not a quarter/],
      [['frobnicate'], /Unknown command "frobnicate"/],
      [['validate', '--bogus'], /Unknown option --bogus/],
      [['validate', 'missing.yaml'], /^growth-journal: No journal at .*missing\.yaml\.\n$/],
      [['summary', '--quarter', 'current', '--fiscal-start', '13'], /--fiscal-start takes a month number 1-12/],
    ];
    for (const [args, message] of cases) {
      const r = run(args, dir);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.err, message, args.join(' '));
      assert.doesNotMatch(r.err, /\n\s+at /, 'no stack trace');
    }
    writeFileSync(join(dir, 'odd.yaml'), 'version: 1\nrubric: made-up-ladder\nentries: []\n');
    const r = run(['validate', '--journal', 'odd.yaml'], dir);
    assert.equal(r.code, 2);
    assert.match(r.err, /names rubric "made-up-ladder", which is neither a bundled rubric/);
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
