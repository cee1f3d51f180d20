import assert from 'node:assert/strict';
import { parseDocument } from 'yaml';
import { benchJournal } from '../../../bench/journals';
import { LazyEntryMap, parseJournalSource } from '../../../src/core/journal/fastReader';
import { checkJournal, parseAfterTailEdit, parseJournal, quickJournalSteps, type EntryData, type JournalParse } from '../../../src/core/journal/model';
import { runSteps } from '../../../src/core/steps';
import { JournalSession } from '../../../src/core/journal/session';
import { byteView } from '../../../src/host/journal/file';
import { addDimensionsEdit, appendEntryEdit, removeEntryEdit, setProfileEdits, switchRubricEdits } from '../../../src/core/journal/edit';
import { applyEdit } from '../../../src/core/text/textEdit';
import { bundledRubric, fixture, random } from '../helpers';

/** Seeds of the random-edit run; GROWTH_FUZZ_SEEDS=400 runs the long version. */
const FUZZ_SEEDS = Number(process.env.GROWTH_FUZZ_SEEDS) || 12;


const AWKWARD = ['plain words', 'colon: inside', 'hash # inside', '"quoted"', "it's", '--- dashes', '🚀 emoji', 'multi\nline', 'trailing space ', '123', 'true', 'null', '', 'tab\there', 'back\\slash', '[brackets]', '{braces}', '- dash', '@at', 'ünïcödé'];
const DIMS = ['technical-depth', 'risk-management', 'communication', 'no-such-dimension'];
// Known, fingerprinted, stale, unknown and malformed refs: the check must agree on each.
const REFS = ['risk-management/senior/1', 'risk-management/senior/1@000000', 'technical-depth/mid/2', 'communication/senior/9', 'no-such/mid/1', 'not a ref'];

function randomEntry(r: ReturnType<typeof random>, i: number): EntryData {
  const title = r.pick(AWKWARD).trim() || `entry ${i}`;
  const kind = r.pick(['commit', 'selection', 'note'] as const);
  return {
    id: `ev-${i}`,
    date: r.int(10) === 0 ? '2026-02-30' : `2026-${String(1 + r.int(12)).padStart(2, '0')}-${String(1 + r.int(28)).padStart(2, '0')}`,
    kind,
    title,
    dimensions: [r.pick(DIMS), ...(r.int(2) ? [r.pick(DIMS)] : [])].filter((d, k, a) => a.indexOf(d) === k),
    ...(r.int(3) ? { level: r.pick(['mid', 'senior', 'staff']) } : {}),
    ...(kind === 'commit' ? { commit: { sha: `${i}abc1234`, repo: 'git@github.com:o/r.git', subject: r.pick(AWKWARD) } } : {}),
    ...(kind === 'selection' ? { selection: { file: 'src/a.ts', startLine: 1 + r.int(9), endLine: 10 + r.int(9), sha: 'abcdef1', ...(r.int(2) ? { hash: r.pick(['0a1b2c3d4e5f60', '00123456789012', 'abc']), firstLine: r.pick(AWKWARD) } : {}) } } : {}),
    ...(r.int(2) ? { note: r.pick(['one line', 'two\nlines\n', 'keep\n\n\n', '  leading', 'x: y # z', 'a\n  indented\nback']) } : {}),
    ...(r.int(3) === 0 ? { statements: [r.pick(REFS), ...(r.int(2) ? [r.pick(REFS)] : [])] } : {}),
    ...(r.int(4) === 0 ? { private: true } : {}),
  };
}

/** Hand edits a person makes: comments, reordered keys, changed values, blank lines. */
function handEdit(text: string, r: ReturnType<typeof random>): string {
  const lines = text.split('\n');
  const i = 1 + r.int(Math.max(1, lines.length - 1));
  switch (r.int(9)) {
    case 6:
    case 7: {
      // Characters JavaScript counts as white space or line breaks and YAML does not (or does
      // differently): a lone CR, no-break spaces, line separators, a BOM mid-file, NEL, tabs.
      const odd = r.pick(['\r', '\u00a0', '\u3000', '\u2028', '\u2029', '\ufeff', '\u0085', '\t', ' \r', '\u00a0#']);
      const at = r.int(text.length + 1);
      return text.slice(0, at) + odd + text.slice(at);
    }
    case 0:
      lines.splice(i, 0, `${' '.repeat(r.pick([0, 2, 4, 6]))}# a comment of mine`);
      break;
    case 1:
      lines.splice(i, 0, '');
      break;
    case 2:
      lines[i] = lines[i]?.replace(/title: .*/, "title: 'hand: edited'") ?? '';
      break;
    case 3: {
      const a = lines.findIndex((l, k) => k >= i && /^ {4}kind: /.test(l));
      if (a > 0 && /^ {4}date: /.test(lines[a - 1])) [lines[a - 1], lines[a]] = [lines[a], lines[a - 1]];
      break;
    }
    case 4:
      lines[i] = (lines[i] ?? '') + (/^\s*(#|$)/.test(lines[i] ?? '') || /\|[-+]?$/.test(lines[i] ?? '') ? '' : '   # why');
      break;
    case 5: {
      // Statements as a person writes them: one ref without brackets, a block list, none, a number.
      const at = lines.findIndex((l, k) => k >= i && /^ {4}statements: \[/.test(l));
      if (at > 0) {
        const refs = lines[at].replace(/^ {4}statements: \[|\]\s*$/g, '').split(', ');
        const form = r.int(4);
        if (form === 0) lines[at] = `    statements: ${refs[0]}`;
        else if (form === 1) lines.splice(at, 1, '    statements:', ...refs.map((ref) => `      - ${ref}`));
        else lines[at] = form === 2 ? '    statements: []' : '    statements: [7, risk-management/senior/1]';
      }
      break;
    }
    default:
      lines[i] = lines[i]?.replace(/level: \w+/, 'level: senior') ?? '';
  }
  return lines.join('\n');
}

function comparable(parse: JournalParse) {
  const rubric = bundledRubric();
  return JSON.stringify({ journal: parse.journal, problems: parse.problems, checked: checkJournal(parse, rubric) });
}

/**
 * The quick read of `text`'s UTF-8 bytes (no text decoded, no nodes) gives a journal only when
 * a full parse reports no problem, and then exactly its journal; so does a session's check.
 * Returns whether it gave one.
 */
function quickAgrees(text: string, full: JournalParse, why: string): boolean {
  const bytes = new TextEncoder().encode(text);
  const view = byteView(bytes);
  assert.ok(view, why);
  const quick = runSteps(quickJournalSteps(view));
  if (!quick) return false;
  assert.deepEqual(full.problems, [], `a quick read of a journal with problems: ${why}`);
  assert.equal(JSON.stringify(quick), JSON.stringify(full.journal), `quick read: ${why}`);
  const session = new JournalSession(byteView);
  runSteps(session.readBytes(bytes));
  assert.equal(JSON.stringify(session.check(bundledRubric())), JSON.stringify(checkJournal(full, bundledRubric())), `quick read's check: ${why}`);
  assert.equal(session.lastText, text, why);
  return true;
}

function editsAgree(text: string, fast: JournalParse, full: JournalParse, extra: EntryData): void {
  const attempt = (f: () => string) => {
    try {
      return f();
    } catch (e) {
      return `error: ${(e as Error).message}`;
    }
  };
  assert.equal(attempt(() => applyEdit(text, appendEntryEdit(fast, extra))), attempt(() => applyEdit(text, appendEntryEdit(full, extra))), 'append');
  const id = fast.journal?.entries.at(-1)?.id ?? 'none';
  assert.equal(attempt(() => applyEdit(text, removeEntryEdit(fast, id))), attempt(() => applyEdit(text, removeEntryEdit(full, id))), 'remove');
  const profile = { currentLevel: 'mid', targetLevel: 'senior' };
  assert.equal(attempt(() => setProfileEdits(fast, profile).reduce(applyEdit, text)), attempt(() => setProfileEdits(full, profile).reduce(applyEdit, text)), 'profile');
}

/** Texts on which the fast reader once disagreed with yaml, found by trying to break it. */
const FOUND = [
  // Keys above `entries:` indented: yaml reads no mapping there.
  '\n    subject: "s"\nentries:\t\n- id: e0\n  date: 2024-04-13\n  kind: note\n  title: x\n  dimensions: []\n',
  '  version: 1\nentries:\n- id: e0\n  date: 2024-04-13\n  kind: note\n  title: x\n  dimensions: []\n',
  '      date: 2024-01-10\n\nentries:\n    - id: e0\n      date: 2024-01-10\n      extra: note\n      title: T\n      dimensions: []\n',
  // One text judged as a URL, then as a date or a file.
  'entries:\n- id: a\n  date: 2024-01-01\n  kind: commit\n  title: t\n  dimensions: [communication]\n  commit:\n    sha: abcdef1\n    repo: unknown\n- id: b\n  date: unknown\n  kind: note\n  title: t\n  dimensions: [communication]\n',
  'entries:\n- id: a\n  date: 2024-01-01\n  kind: commit\n  title: t\n  dimensions: [communication]\n  commit:\n    sha: abcdef1\n    repo: ../x\n- id: b\n  date: 2024-01-01\n  kind: selection\n  title: t\n  dimensions: [communication]\n  selection:\n    file: ../x\n    startLine: 1\n    endLine: 2\n',
  // Keys yaml reads as null or true.
  'entries:\n- null: a\n  Null: b\n',
  'entries:\n- id: a\n  date: 2024-01-01\n  kind: note\n  title: t\n  dimensions: [communication]\n  true: x\n',
  // Block scalars where edits want a plain one.
  'entries:\n- id: a\n  date: 2024-01-01\n  kind: note\n  title: t\n  dimensions: |-\n    communication\n',
  // An empty value with a comment, before another entry: yaml stretches the entry over the next indentation.
  'entries:\n  - id: a\n    date: 2024-01-01\n    kind: note\n    title: t\n    dimensions: [communication]\n    private: # true\n  - id: b\n    date: 2024-01-01\n    kind: note\n    title: t\n    dimensions: [communication]\n',
  // What follows an entry changes what it holds once the entry after it is removed.
  'entries:\n- id: a\n  date: 2024-01-01\n  kind: note\n  title: t\n  dimensions: [communication]\n  note: |+\n    x\n- id: b\n  date: 2024-01-01\n  kind: note\n  title: t\n  dimensions: [communication]\n\n\n',
  'entries:\n- id: a\n  date: 2024-01-01\n  kind: note\n  title: t\n  dimensions: [communication]\n  level:\n- id: b\n  date: 2024-01-01\n  kind: note\n  title: t\n  dimensions: [communication]\n# c\n',
  // Keys of over 1024 characters, which YAML refuses, in an entry and in the mappings whose unknown keys the reader passes over.
  `entries:\n- id: a\n  date: 2024-01-01\n  kind: note\n  title: t\n  dimensions: [communication]\n  ${'k'.repeat(1025)}: x\n`,
  `entries:\n- id: a\n  date: 2024-01-01\n  kind: commit\n  title: t\n  dimensions: [communication]\n  commit:\n    sha: abcdef1\n    ${'k'.repeat(1025)}: x\n`,
  `entries:\n- id: a\n  date: 2024-01-01\n  kind: note\n  title: t\n  dimensions: [communication]\n  selection:\n    file: a.ts\n    startLine: 1\n    endLine: 2\n    ${'k'.repeat(1025)}: x\n`,
];

describe('fast journal reading', () => {
  it('agrees with a full parse on texts that once set them apart', () => {
    for (const text of FOUND) {
      const fast = parseJournal(text);
      const full = parseJournal(text, { fast: false });
      assert.equal(comparable(fast), comparable(full), JSON.stringify(text));
      quickAgrees(text, full, JSON.stringify(text));
      editsAgree(text, fast, full, { id: 'ev-new', date: '2026-01-02', kind: 'note', title: 'new', dimensions: ['communication'] });
      const attempt = (f: () => unknown) => {
        try {
          return JSON.stringify(f());
        } catch (e) {
          return `error: ${(e as Error).message}`;
        }
      };
      assert.equal(attempt(() => addDimensionsEdit(fast, 'a', ['mentorship'])), attempt(() => addDimensionsEdit(full, 'a', ['mentorship'])), `add dimensions: ${JSON.stringify(text)}`);
      const change = { rubric: 'other', dimensions: { communication: 'talking' }, levels: { mid: 'senior' } };
      assert.equal(attempt(() => switchRubricEdits(fast, change)), attempt(() => switchRubricEdits(full, change)), `switch: ${JSON.stringify(text)}`);
      // After removing the last entry, the parse that reads only the tail again equals a full one.
      const last = fast.journal?.entries.at(-1)?.id;
      if (!fast.journal || last === undefined) continue;
      const edit = removeEntryEdit(fast, last);
      const after = applyEdit(text, edit);
      const tail = parseAfterTailEdit(fast, after, [edit]);
      if (tail) assert.equal(comparable(tail), comparable(parseJournal(after)), `tail after removing ${last}: ${JSON.stringify(text)}`);
    }
  });

  it('takes the fast path for journals in the shape Growth Journal writes', () => {
    let text = 'version: 1\nrubric: product-security\nprofile:\n  currentLevel: mid\n  targetLevel: senior\nentries: []\n';
    const r = random(7);
    for (let i = 0; i < 60; i++) text = applyEdit(text, appendEntryEdit(parseJournal(text), randomEntry(r, i)));
    assert.ok(parseJournalSource(text), 'no fallback for our own output');
    assert.ok(parseJournalSource(fixture('journals/sample.yaml')));
  });

  it('reads entries straight from the lines and builds the nodes of an entry only when asked, equal to those yaml builds', () => {
    const text = benchJournal(120);
    const parse = parseJournal(text);
    assert.ok(parse.source?.fastDash !== undefined && parse.journal);
    assert.ok(parse.entryNodes.every((node) => node instanceof LazyEntryMap), 'every entry in our shape read without nodes');
    assert.deepEqual(parse.source.doc.toJS(), parseDocument(text).toJS(), 'the nodes built on demand are the ones yaml builds');
    assert.deepEqual(parse.journal.entries, parseJournal(text, { fast: false }).journal?.entries);
    assert.ok(parse.journal.entries.filter((e) => e.statements?.length).length >= 20, 'statements read from the lines too');
    assert.deepEqual(checkJournal(parse, bundledRubric()), checkJournal(parseJournal(text, { fast: false }), bundledRubric()), 'statement problems placed alike');
    assert.ok(quickAgrees(text, parseJournal(text, { fast: false }), 'the bench journal'), 'read quickly from its bytes');
  });

  it('reads values past ASCII from the bytes in a quick read, and takes only bytes that decode', () => {
    const odd = ['ünïcödé', '🚀 launch', '日本語のメモ', 'em — dash', '\u00a0no-break', 'line\u2028separator', 'nel\u0085here', 'é"quoted"', "l'été"];
    let text = 'version: 1\nrubric: product-security\nentries: []\n';
    odd.forEach((title, i) => {
      text = applyEdit(text, appendEntryEdit(parseJournal(text), { id: `ev-${i}`, date: '2026-01-02', kind: 'note', title, dimensions: ['communication'], note: `${title}\n${title}: again\n` }));
    });
    const full = parseJournal(text, { fast: false });
    assert.ok(quickAgrees(text, full, text), 'a journal of such values is read quickly');
    const repeated = text.replace('id: ev-3', 'id: ev-1');
    assert.equal(quickAgrees(repeated, parseJournal(repeated, { fast: false }), repeated), false, 'an id used again is left to the full read, which reports it');
    const items = text.slice(text.indexOf('entries:\n') + 9);
    const commented = `# ${odd.join(' ')}\nentries: # 🚀\n${items}`;
    assert.ok(quickAgrees(commented, parseJournal(commented, { fast: false }), commented), 'comments past ASCII');
    // `.` stops at a line separator, so this `entries:` line is yaml's to read, whichever way the text is held.
    const separated = `entries: # \u2028\n${items}`;
    assert.equal(quickAgrees(separated, parseJournal(separated, { fast: false }), separated), false);
    // The view is made only of bytes a strict UTF-8 decoder takes: surrogates, overlongs, stray and cut-off sequences are not.
    for (const bad of [[0xed, 0xa0, 0x80], [0xc0, 0xaf], [0xe0, 0x80, 0xaf], [0xf8, 0x88, 0x80, 0x80, 0x80], [0x80], [0xe2, 0x82], [0xf4, 0x90, 0x80, 0x80]]) {
      const bytes = new Uint8Array([...new TextEncoder().encode('entries:\n- id: '), ...bad, 0x0a]);
      assert.equal(byteView(bytes), undefined, bad.join(' '));
      let decoded = true;
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      } catch {
        decoded = false;
      }
      assert.equal(decoded, false, bad.join(' '));
    }
  });

  it('gives exactly what a full parse gives, through random appends, hand edits, removals, CRLF and a BOM', function () {
    this.timeout(0);
    let fastUsed = 0;
    let quickUsed = 0;
    for (let seed = 1; seed <= FUZZ_SEEDS; seed++) {
      const r = random(seed);
      let text = r.int(2) ? 'version: 1\nrubric: product-security\nentries: []\n' : '# mine\nversion: 1\nprofile: { currentLevel: mid }\nentries:\n';
      for (let step = 0; step < 25; step++) {
        const op = r.int(10);
        const parse = parseJournal(text);
        if (op < 6 && parse.journal) text = applyEdit(text, appendEntryEdit(parse, randomEntry(r, seed * 100 + step)));
        else if (op < 8) text = handEdit(text, r);
        else if (parse.journal?.entries.length) text = applyEdit(text, removeEntryEdit(parse, r.pick(parse.journal.entries).id));
        const variants = [text, text.replace(/\n/g, '\r\n'), `\uFEFF${text}`, text.trimEnd()];
        for (const variant of variants) {
          const fast = parseJournal(variant);
          const full = parseJournal(variant, { fast: false });
          if (parseJournalSource(variant)) fastUsed++;
          assert.equal(comparable(fast), comparable(full), `seed ${seed}, step ${step}:\n${variant}`);
          if (quickAgrees(variant, full, `seed ${seed}, step ${step}:\n${variant}`)) quickUsed++;
          editsAgree(variant, fast, full, randomEntry(r, 9999));
        }
      }
    }
    assert.ok(fastUsed > FUZZ_SEEDS * 25, `the fast path ran ${fastUsed} times`);
    assert.ok(quickUsed > FUZZ_SEEDS * 5, `the quick read gave a journal ${quickUsed} times`);
  });
});
