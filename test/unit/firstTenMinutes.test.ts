import assert from 'node:assert/strict';
import { closestIds, editDistance } from '../../src/core/text/closest';
import { checkJournal, parseJournal, addDimensionsEdit, applyEdit, JournalEditError, removedEntry, removeEntryEdit, restoreEntryEdit, JournalSession, profileProblem, targetLevelChoices } from '../../src/core/journal';
import { runSteps } from '../../src/core/steps';
import { parseYaml } from '../../src/core/yaml/source';
import { buildCompareModel } from '../../src/core/reports/compareModel';
import { wordRuns } from '../../src/core/rubric/levelDiff';
import { parseWebviewMessage } from '../../src/shared/protocol';
import { allDimensions } from '../../src/core/rubric/rubric';
import { bundledRubric, fixture } from './helpers';

const ENTRY = (dimensions: string) => `# mine\nversion: 1\nentries:\n  - id: a # first\n    date: 2026-01-01\n    kind: commit\n    title: 'A: quoted'\n${dimensions}    commit: { sha: abc1234 }\n    custom: kept   # unknown key\n  - id: b\n    date: 2026-01-02\n    kind: note\n    title: B\n    dimensions: [x]\n`;

function amend(text: string, id: string, add: string[]): string {
  return applyEdit(text, addDimensionsEdit(parseJournal(text), id, add));
}

describe('adding dimensions to an entry (amend)', () => {
  const cases: [string, string, string][] = [
    ['a flow list', '    dimensions: [x, "y"]  # why\n', '    dimensions: [x, "y", risk-management, ownership]  # why\n'],
    ['an empty flow list', '    dimensions: []\n', '    dimensions: [risk-management, ownership]\n'],
    ['a flow list with a trailing comma', '    dimensions: [x,]\n', '    dimensions: [x, risk-management, ownership,]\n'],
    ['a multi-line flow list', '    dimensions: [x,\n      y]\n', '    dimensions: [x,\n      y, risk-management, ownership]\n'],
    ['a block list with a comment', '    dimensions:\n      - x # main\n      - y\n', '    dimensions:\n      - x # main\n      - y\n      - risk-management\n      - ownership\n'],
    ['a zero-indented block list', '    dimensions:\n    - x\n', '    dimensions:\n    - x\n    - risk-management\n    - ownership\n'],
    ['a single id', '    dimensions: x\n', '    dimensions: [x, risk-management, ownership]\n'],
    ['a single quoted id', "    dimensions: 'x'\n", "    dimensions: ['x', risk-management, ownership]\n"],
  ];
  for (const [what, before, after] of cases) {
    it(`extends ${what} and touches no other byte`, () => {
      const text = ENTRY(before);
      const edited = amend(text, 'a', ['risk-management', 'ownership']);
      assert.equal(edited, ENTRY(after));
      const parse = parseJournal(edited);
      assert.ok(parse.journal);
      assert.deepEqual(parse.journal.entries[0].dimensions.slice(-2), ['risk-management', 'ownership']);
      assert.deepEqual(parse.journal.entries[0].extra, { custom: 'kept' });
    });
  }

  it('keeps CRLF line endings', () => {
    const text = ENTRY('    dimensions:\n      - x\n').replace(/\n/g, '\r\n');
    const edited = amend(text, 'a', ['ownership']);
    assert.equal(edited, text.replace('      - x\r\n', '      - x\r\n      - ownership\r\n'));
  });

  it('adds only the dimensions the entry does not have yet', () => {
    assert.equal(amend(ENTRY('    dimensions: [x]\n'), 'a', ['x', 'z', 'z']), ENTRY('    dimensions: [x, z]\n'));
    assert.throws(() => amend(ENTRY('    dimensions: [x]\n'), 'a', ['x']), /already has that dimension/);
  });

  it('refuses, rather than guess, what it cannot extend exactly', () => {
    const refuse = (text: string, pattern: RegExp) => assert.throws(() => amend(text, 'a', ['y']), (e: unknown) => e instanceof JournalEditError && pattern.test(e.message));
    refuse(ENTRY(''), /has no "dimensions" list; add the dimensions to it by hand/);
    refuse(ENTRY('    dimensions: ~\n'), /has no "dimensions" list/);
    refuse(ENTRY('    dimensions: &d [x]\n    also: *d\n'), /reads back exactly/);
    refuse('entries:\n  - { id: a, date: 2026-01-01, kind: note, title: A, dimensions: [x] }\n', /flow style/);
    refuse(ENTRY('    dimensions: >-\n      x\n'), /form Growth Journal does not extend/);
    assert.throws(() => amend(ENTRY('    dimensions: [x]\n'), 'nope', ['y']), /No entry with id "nope"/);
    assert.throws(() => amend('entries:\n  - id: a\n   title: "open\n', 'a', ['y']), /left untouched/);
  });

  it('writes odd ids so that they read back', () => {
    const edited = amend(ENTRY('    dimensions: [x]\n'), 'a', ['a: b', '#hash', 'yes']);
    assert.deepEqual(parseJournal(edited).journal?.entries[0].dimensions, ['x', 'a: b', '#hash', 'yes']);
  });

  it('is a journal op of the one write path', () => {
    const text = fixture('journals/sample.yaml');
    const id = parseJournal(text).journal!.entries[0].id;
    const outcome = runSteps(new JournalSession().plan(text, { kind: 'amend', id, addDimensions: ['ownership'] }));
    assert.ok(outcome.ok, outcome.ok ? '' : outcome.message);
    assert.ok(parseJournal(outcome.text).journal!.entries[0].dimensions.includes('ownership'));
    const refused = runSteps(new JournalSession().plan(text, { kind: 'amend', id: 'nope', addDimensions: ['ownership'] }));
    assert.equal(refused.ok, false);
  });
});

describe('the profile rule', () => {
  const rubric = bundledRubric();

  it('refuses a target below the current level, saying what to choose', () => {
    assert.equal(profileProblem(rubric, { currentLevel: 'mid', targetLevel: 'senior' }), undefined);
    assert.equal(profileProblem(rubric, { currentLevel: 'senior', targetLevel: 'senior' }), undefined);
    assert.equal(
      profileProblem(rubric, { currentLevel: 'senior', targetLevel: 'associate' }),
      'The target level, Associate/Junior, is below the current level, Senior. Choose a target at or above Senior: coverage counts evidence against the target.',
    );
    assert.match(profileProblem(rubric, { currentLevel: 'staff', targetLevel: 'senior' })!, /"staff" is not a level of Product Security Career Pathway \(associate, mid, senior\)/);
  });

  it('offers targets from the current level up, in ladder order', () => {
    assert.deepEqual(targetLevelChoices(rubric, 'mid'), ['mid', 'senior']);
    assert.deepEqual(targetLevelChoices(rubric, 'associate'), ['associate', 'mid', 'senior']);
    assert.deepEqual(targetLevelChoices(rubric, 'unknown'), ['associate', 'mid', 'senior']);
  });

  it('warns about a hand-edited journal whose target is below the current level', () => {
    const parse = parseJournal('version: 1\nprofile:\n  currentLevel: senior\n  targetLevel: associate\nentries: []\n');
    assert.deepEqual(checkJournal(parse, rubric).map((p) => [p.code, p.line, p.column]), [['target-below-current', 4, 16]]);
  });
});

describe('closest ids for a mistyped dimension', () => {
  const ids = allDimensions(bundledRubric()).map((d) => d.id);

  it('measures edits with swaps', () => {
    assert.equal(editDistance('technical-dept', 'technical-depth'), 1);
    assert.equal(editDistance('ab', 'ba'), 1);
    assert.equal(editDistance('', 'abc'), 3);
  });

  it('names the nearest ids first, and none for a word like no id', () => {
    assert.deepEqual(closestIds('technical-dept', ids), ['technical-depth']);
    assert.deepEqual(closestIds('mentorhsip', ids), ['mentorship']);
    assert.deepEqual(closestIds('risk', ids), ['risk-management']);
    assert.deepEqual(closestIds('wizardry', ids), []);
  });

  it('puts the suggestion in the warning', () => {
    const parse = parseJournal('version: 1\nentries:\n  - id: a\n    date: 2026-01-01\n    kind: note\n    title: A\n    dimensions: [technical-dept]\n');
    assert.match(checkJournal(parse, bundledRubric())[0].message, /names dimension "technical-dept", which Product Security Career Pathway does not have\. Did you mean "technical-depth"\?$/);
  });
});

describe('a journal that does not parse', () => {
  const journal = (line: string) => `version: 1\nentries:\n  - id: a\n    date: 2026-01-01\n    kind: note\n${line}\n    dimensions: [x]\n  - id: b\n    title: B\n`;
  const errors = (text: string) => parseYaml(text).problems.filter((p) => p.severity === 'error').map((p) => `${p.line}:${p.column} ${p.message}`);

  it('reports one error, where the mistake is, as a sentence', () => {
    assert.deepEqual(errors(journal('    title: [unclosed')), ['6:12 Missing closing ] for the list that opens here.']);
    assert.deepEqual(errors(journal('    title: {a: 1')), ['6:12 Missing closing } for the mapping that opens here.']);
    assert.deepEqual(errors(journal('\ttitle: tab')), ['6:1 Line 6 is indented with a tab; YAML indents with spaces only, so replace the tab with spaces.']);
    assert.deepEqual(errors(journal('   title: off by one')), ["6:4 Line 6 is indented less than the keys of the entry above it; line it up with them, or start a new entry with '- '."]);
    assert.deepEqual(errors(journal('    title: "open')), ['6:12 Missing closing " quote for the string that starts here.']);
  });
});

describe('undo of a removal (restore)', () => {
  const remove = (text: string, id: string) => {
    const parse = parseJournal(text);
    return { text: applyEdit(text, removeEntryEdit(parse, id)), removed: removedEntry(parse, id) };
  };
  const restore = (text: string, removed: ReturnType<typeof removedEntry>) => applyEdit(text, restoreEntryEdit(parseJournal(text), removed));

  it('puts every entry of the sample back byte for byte, comments included', () => {
    const original = fixture('journals/sample.yaml');
    for (const { id } of parseJournal(original).journal!.entries) {
      const { text, removed } = remove(original, id);
      assert.equal(restore(text, removed), original, id);
    }
  });

  it('works with CRLF, with the only entry, and with no final newline', () => {
    const crlf = ENTRY('    dimensions: [x]\n').replace(/\n/g, '\r\n');
    for (const id of ['a', 'b']) {
      const { text, removed } = remove(crlf, id);
      assert.equal(restore(text, removed), crlf);
    }
    const only = 'version: 1\nentries:\n  - id: a\n    title: A # mine\n';
    const gone = remove(only, 'a');
    assert.equal(restore(gone.text, gone.removed), only);
    const noNewline = ENTRY('    dimensions: [x]\n').trimEnd();
    const last = remove(noNewline, 'b');
    assert.deepEqual(parseJournal(restore(last.text, last.removed)).journal?.entries.map((e) => e.id), ['a', 'b']);
  });

  it('refuses when the entry it followed is gone or its id is back', () => {
    const text = ENTRY('    dimensions: [x]\n');
    const { text: without, removed } = remove(text, 'b');
    const alsoWithoutA = applyEdit(without, removeEntryEdit(parseJournal(without), 'a'));
    assert.throws(() => restore(alsoWithoutA, removed), /"a" that the removed one followed is gone/);
    assert.throws(() => restore(text, removed), /"b" is in the journal again/);
  });

  it('is a journal op, and remove hands back what it removed', () => {
    const text = fixture('journals/sample.yaml');
    const id = parseJournal(text).journal!.entries[1].id;
    const removedOutcome = runSteps(new JournalSession().plan(text, { kind: 'remove', ids: [id] }));
    assert.ok(removedOutcome.ok && removedOutcome.removed?.length === 1, removedOutcome.ok ? '' : removedOutcome.message);
    const restoredOutcome = runSteps(new JournalSession().plan(removedOutcome.text, { kind: 'restore', removed: removedOutcome.removed[0] }));
    assert.ok(restoredOutcome.ok, restoredOutcome.ok ? '' : restoredOutcome.message);
    assert.equal(restoredOutcome.text, text);
  });
});

describe('Compare Levels changes', () => {
  it('shows a rewording word by word, old before new, a sentence end not counted as a change', () => {
    assert.deepEqual(wordRuns('Solid understanding of security principles.', 'Deep understanding of security principles and trends.'), [
      { kind: 'removed', text: 'Solid ' },
      { kind: 'added', text: 'Deep ' },
      { kind: 'same', text: 'understanding of security principles ' },
      { kind: 'added', text: 'and trends.' },
    ]);
    assert.deepEqual(wordRuns('A b.', 'A b.'), [{ kind: 'same', text: 'A b.' }]);
    assert.deepEqual(wordRuns('', 'New.'), [{ kind: 'added', text: 'New.' }]);
  });

  it('carries the mode last chosen, and takes it back from the webview only when well-formed', () => {
    const rubric = bundledRubric();
    assert.equal(buildCompareModel(rubric, undefined, { period: 'quarter', today: '2026-11-27', fiscalStartMonth: 1 }).mode, 'levels');
    assert.equal(buildCompareModel(rubric, undefined, { period: 'quarter', mode: 'changes', today: '2026-11-27', fiscalStartMonth: 1 }).mode, 'changes');
    assert.deepEqual(parseWebviewMessage({ type: 'setMode', mode: 'changes' }), { type: 'setMode', mode: 'changes' });
    assert.equal(parseWebviewMessage({ type: 'setMode', mode: '<b>' }), undefined);
  });
});
