import assert from 'node:assert/strict';
import { parseJournal, type EntryData } from '../../../src/core/journal/model';
import { JournalSession } from '../../../src/core/journal/session';
import { type JournalOp } from '../../../src/core/journal/ops';
import { runSteps } from '../../../src/core/steps';

// Layouts people write by hand, each with the edits Growth Journal makes to it. Every edit
// either keeps all the user wrote (keys, comments, quoting, order) and parses to exactly the
// intended journal, or is refused with a message and changes nothing.

const note: Omit<EntryData, 'id'> = { date: '2026-11-27', kind: 'note', title: 'Ran the design review', dimensions: ['communication'], level: 'senior' };
const append: JournalOp = { kind: 'append', drafts: [{ data: note, idSeed: 'seed' }] };
const profile: JournalOp = { kind: 'profile', profile: { currentLevel: 'mid', targetLevel: 'senior' } };

const entry = (id: string, indent = '  ') => `${indent}- id: ${id}\n${indent}  date: 2026-01-01\n${indent}  kind: note\n${indent}  title: T ${id}\n${indent}  dimensions: [communication]\n`;

const LAYOUTS: Record<string, string> = {
  'block profile whose last key is a block list': `version: 1\nprofile:\n  currentLevel: mid\n  mentors:\n    - Ada\n    - Lin\nentries:\n${entry('a')}`,
  'block profile whose last key is a |- scalar': `version: 1\nprofile:\n  currentLevel: mid\n  plan: |-\n    grow\n    more\nentries:\n${entry('a')}`,
  'profile targetLevel held as a block scalar': `version: 1\nprofile:\n  currentLevel: mid\n  targetLevel: |-\n    staff\nentries:\n${entry('a')}`,
  'flow profile with an unknown key and a comment': `version: 1\nprofile: { currentLevel: mid, manager: Bob } # my lead\nentries:\n${entry('a')}`,
  'multi-line flow profile with comments': `version: 1\nprofile: {\n  manager: Bob, # my lead\n  currentLevel: associate,\n}\nentries:\n${entry('a')}`,
  'empty flow profile': 'version: 1\nprofile: {} # to do\nentries: []\n',
  'null profile with a comment': 'version: 1\nprofile: ~ # fill in later\nentries: []\n',
  'bare profile key with a comment': 'version: 1\nprofile: # fill in later\nentries: []\n',
  'bare profile key at the end without a newline': 'version: 1\nentries: []\nprofile:',
  'empty flow list with a comment inside': 'version: 1\nentries: [ # nothing yet\n]\n',
  'flow list with a trailing comma': 'version: 1\nentries: [\n  { id: a, date: 2026-01-01, kind: note, title: A, dimensions: [communication] },\n]\n',
  'flow list with a comment after the last item': 'version: 1\nentries: [\n  { id: a, date: 2026-01-01, kind: note, title: A, dimensions: [communication] }, # first\n]\n',
  'entries whose dash stands alone': `version: 1\nentries:\n  -\n    id: a\n    date: 2026-01-01\n    kind: note\n    title: A\n    dimensions: [communication]\n  - # second one\n    id: b\n    date: 2026-01-02\n    kind: note\n    title: B\n    dimensions: [communication]\n`,
  'root mapping indented by two spaces, no entries key': '  version: 1\n  rubric: product-security\n',
  'root mapping indented by two spaces, no profile key': `  version: 1\n  entries:\n${entry('a', '    ')}`,
  'keys after the entries list': `version: 1\nentries:\n${entry('a')}# trailing\nnotes: keep me\n`,
  'CRLF with a comment after entries': `version: 1\r\nentries: # mine\r\n${entry('a').replace(/\n/g, '\r\n')}`,
  'no final newline after a block note': `version: 1\nentries:\n${entry('a')}    note: |\n      last line`,
  'anchors and aliases': `version: 1\ndefaults: &d [communication]\nentries:\n  - id: a\n    date: 2026-01-01\n    kind: note\n    title: A\n    dimensions: *d\n`,
};

function comments(text: string): string[] {
  return [...text.matchAll(/(?:^|[ \t])(#.*)$/gm)].map((m) => m[1].trimEnd());
}

function apply(text: string, op: JournalOp) {
  return runSteps(new JournalSession().plan(text, op));
}

// Each layout as written, and again after a byte order mark (which opens the file, not its first
// line). `yaml` reads a mark before an indented root as bad indentation, so those are left out.
const WITH_BOM = Object.entries(LAYOUTS).flatMap(([name, text]) => [[name, text], ...(text.startsWith(' ') ? [] : [[`${name}, after a byte order mark`, `\uFEFF${text}`]])]);

describe('edits on hand-written layouts', () => {
  for (const [name, text] of WITH_BOM) {
    for (const [opName, op] of Object.entries({ append, profile, removeFirst: undefined as JournalOp | undefined })) {
      it(`${opName}: ${name}`, () => {
        const before = parseJournal(text);
        assert.ok(before.journal, `the layout parses: ${JSON.stringify(before.problems)}`);
        const theOp: JournalOp = op ?? { kind: 'remove', ids: [before.journal.entries[0]?.id ?? 'none'] };
        const outcome = apply(text, theOp);
        if (!outcome.ok) {
          // Refused only where a person can do it by hand more clearly, and then saying so.
          assert.ok(theOp.kind === 'remove', `refused: ${outcome.message}`);
          assert.match(outcome.message, before.journal.entries.length ? /remove the entry by hand/ : /No entry with id "none"/);
          return;
        }
        assert.equal(outcome.text.lastIndexOf('\uFEFF'), text.startsWith('\uFEFF') ? 0 : -1, 'a byte order mark stays first, and only there');
        const after = parseJournal(outcome.text);
        assert.ok(after.journal, `result parses:\n${outcome.text}\n${JSON.stringify(after.problems)}`);
        const errors = (ps: typeof after.problems) => ps.filter((p) => p.severity === 'error').map((p) => p.message);
        assert.deepEqual(errors(after.problems).filter((e) => !errors(before.problems).includes(e)), [], outcome.text);
        for (const c of comments(text)) {
          if (theOp.kind === 'remove') continue;
          assert.ok(outcome.text.includes(c), `comment ${c} kept:\n${outcome.text}`);
        }
        // Other top-level and profile keys keep their values.
        const plain = (t: string) => {
          const { entries: _e, profile: p, ...rest } = (runYaml(t) ?? {}) as Record<string, unknown>;
          const { currentLevel: _c, targetLevel: _t, ...otherProfile } = (p ?? {}) as Record<string, unknown>;
          return { rest, otherProfile };
        };
        assert.deepEqual(plain(outcome.text), plain(text));
        const strip = (e: { line: number }) => ({ ...e, line: 0 });
        if (theOp.kind === 'append') {
          assert.deepEqual(after.journal.entries.slice(0, -1).map(strip), before.journal.entries.map(strip));
          assert.equal(after.journal.entries.at(-1)?.title, note.title);
        }
        if (theOp.kind === 'profile') {
          assert.deepEqual({ ...after.journal.profile }, { currentLevel: 'mid', targetLevel: 'senior' });
          assert.deepEqual(after.journal.entries.map(strip), before.journal.entries.map(strip));
        }
        if (theOp.kind === 'remove') assert.deepEqual(after.journal.entries.map(strip), before.journal.entries.slice(1).map(strip));
        const bareDashes = (t: string) => t.split(/\r?\n/).filter((l) => /^[ \t]*-[ \t]*$/.test(l)).length;
        const removedBare = theOp.kind === 'remove' && /^[ \t]*-[ \t]*\r?\n[ \t]+id: /m.test(text.split('id: ' + theOp.ids[0])[0] + 'id: ') ? 1 : 0;
        assert.equal(bareDashes(outcome.text), bareDashes(text) - removedBare, `no bare dash left behind:\n${outcome.text}`);
      });
    }
  }
});

function runYaml(text: string): unknown {
  const parse = parseJournal(text, { fast: false });
  return parse.source?.doc.toJS();
}

describe('removing an entry keeps the lines after it that are not its own', () => {
  const entryA = (tail: string) => `  - id: a\n    date: 2026-11-03\n    kind: selection\n    title: A\n    dimensions: [communication]\n    selection:\n      file: src/a.ts\n      startLine: 1\n      endLine: 2\n${tail}`;
  const entryB = '  - id: b\n    date: 2026-12-01\n    kind: note\n    title: B\n    dimensions: [communication]\n';
  const heading = '# ---- 2026-12: December ----\n  # (keep me too)\n';
  const cases: Record<string, { text: string; gone: RegExp[] }> = {
    'a nested mapping that ends in its own comment, then a heading': { text: `version: 1\nentries:\n${entryA('      # lines 1-2 are the fix\n')}${heading}${entryB}`, gone: [/lines 1-2 are the fix/] },
    'the same, read by yaml whole (a document marker)': { text: `---\nversion: 1\nentries:\n${entryA('      # lines 1-2 are the fix\n')}${heading}\n${entryB}`, gone: [/lines 1-2 are the fix/] },
    'a block note whose last line starts with #, then a heading': { text: `version: 1\nentries:\n${entryA('    note: |\n      first\n\n      # not a comment\n')}${heading}${entryB}`, gone: [/# not a comment/] },
    'the only entry, then a heading': { text: `version: 1\nentries:\n${entryA('      # mine\n')}${heading}`, gone: [/# mine/] },
    'CRLF': { text: `version: 1\r\nentries:\r\n${entryA('      # mine\n')}${heading}${entryB}`.replace(/\r?\n/g, '\r\n'), gone: [/# mine/] },
  };
  for (const [name, { text, gone }] of Object.entries(cases)) {
    it(name, () => {
      const outcome = apply(text, { kind: 'remove', ids: ['a'] });
      assert.ok(outcome.ok, outcome.ok ? '' : outcome.message);
      assert.ok(outcome.text.includes('# ---- 2026-12: December ----') && outcome.text.includes('  # (keep me too)'), outcome.text);
      for (const g of gone) assert.doesNotMatch(outcome.text, g);
      assert.deepEqual(parseJournal(outcome.text).journal?.entries.map((e) => e.id), /id: b/.test(text) ? ['b'] : []);
      assert.ok(!/\n\s*date: 2026-11-03/.test(outcome.text), 'the entry is gone');
    });
  }
});
