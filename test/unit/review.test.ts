import assert from 'node:assert/strict';
import { parseJournal, type Entry, type Journal } from '../../src/core/journal';
import { entriesInPeriod } from '../../src/core/reports/coverage';
import { EvidenceWriter } from '../../src/core/reports/document';
import { evidenceHead } from '../../src/core/reports/renderMarkdown';
import { buildReview, reviewWords, type ReviewInput } from '../../src/core/reports/review';
import { parsePeriod } from '../../src/core/time/periods';
import { type Rubric } from '../../src/core/rubric/rubric';
import { citedRef, statementsAt } from '../../src/core/rubric/statements';
import { bundledRubric, fixture, random } from './helpers';

const SECTION = / <!-- gj:(dim|stmt|unlinked|kept)(?: (\S+))? h=[0-9a-f]{6} -->\s*$/;

/** Per line of a review, the section it is in: `kind key`, or `top` before the first. */
function sectionsOf(text: string): string[] {
  let current = 'top';
  return text.split(/\r?\n/).map((line) => {
    const m = SECTION.exec(line);
    if (m) current = `${m[1]} ${m[2] ?? ''}`;
    return current;
  });
}

function sectionOfLine(text: string, wanted: string): string[] {
  const lines = text.split(/\r?\n/);
  const sections = sectionsOf(text);
  return lines.flatMap((l, i) => (l === wanted ? [sections[i]] : []));
}

/** Inserts `line` after line `at` (0: before the first). */
function insertAt(text: string, at: number, line: string): string {
  const lines = text.split('\n');
  lines.splice(at, 0, line);
  return lines.join('\n');
}

/** Inserts `line` after the first line matching `after`. */
function insertAfter(text: string, after: RegExp, line: string): string {
  const lines = text.split('\n');
  const i = lines.findIndex((l) => after.test(l));
  assert.ok(i >= 0, `no line matches ${after}`);
  lines.splice(i + 1, 0, line);
  return lines.join('\n');
}

function reworded(rubric: Rubric, dimensionId: string, level: string, n: number, text: string): Rubric {
  return {
    ...rubric,
    groups: rubric.groups.map((g) => ({
      ...g,
      dimensions: g.dimensions.map((d) => (d.id !== dimensionId ? d : { ...d, expectations: { ...d.expectations, [level]: d.expectations[level].map((t, i) => (i === n - 1 ? text : t)) } })),
    })),
  };
}

describe('self-review document', () => {
  const rubric = bundledRubric();
  const journal = parseJournal(fixture('journals/packet.yaml')).journal!;
  const period = parsePeriod('2026-Q4')!;
  const input: ReviewInput = { rubric, journal, period, journalLabel: '.growth/journal.yaml' };
  const risk1 = citedRef(statementsAt(rubric.groups.flatMap((g) => g.dimensions).find((d) => d.id === 'risk-management')!, 'senior')[0]);
  const withEntries = (entries: Entry[]): Journal => ({ ...journal, entries });

  it('has a section per statement in force, with the evidence citing it, then the period evidence citing none', () => {
    const { text } = buildReview(input);
    assert.match(text, /^# Self-review: Senior, 2026-Q4/);
    assert.match(text, /### Balances security and business needs expertly\. <!-- gj:stmt risk-management\/senior\/1@[0-9a-f]{6} h=\w+ -->\n\n- \*\*2026-10-02\*\*: Hardened token validation/);
    const unlinked = text.slice(text.indexOf('gj:unlinked'));
    assert.match(unlinked, /2026-10-20/, 'the entry naming only a dimension is listed as citing no statement');
    assert.doesNotMatch(text, /Private reflection/, 'private entries are left out unless asked');
    assert.match(buildReview({ ...input, includePrivate: true }).text, /Private reflection/);
    assert.doesNotMatch(text, /Earlier risk review/, 'entries outside the period are left out');
  });

  it("writes each evidence line as the summary and the packet write an item's first line (the document model's), with the id after it", () => {
    const { text } = buildReview(input);
    const writer = new EvidenceWriter(rubric);
    const listed = entriesInPeriod(journal.entries, { range: period.range });
    assert.ok(listed.some((e) => e.commit) && listed.some((e) => e.level), 'the fixture has commits and levels to write');
    for (const e of listed) {
      const line = text.split('\n').find((l) => l.includes(` <!-- gj:ev ${e.id} h=`));
      assert.ok(line?.startsWith(`${evidenceHead(writer.full(e))} \`${e.id}\``), `${e.id}: ${line}`);
    }
  });

  it('is inert Markdown: hostile titles are escaped text, markers cannot be closed by an id', () => {
    const hostile = { ...journal.entries[1], id: 'ev--><script>x</script> <!-- gj:stmt risk-management/senior/1@416d55 h=000000 -->', title: '<img src=x onerror=alert(1)> [a](javascript:alert(1)) <!-- gj:stmt x h=000000 -->' };
    const { text } = buildReview({ ...input, journal: withEntries([...journal.entries, hostile]) });
    assert.doesNotMatch(text.replace(/`[^`]*`/g, ''), /(?<!\\)<(?:script|img)/, 'outside code spans, where it is literal text');
    assert.ok(text.includes('`ev--><script>x</script> <!-- gj:stmt risk-management/senior/1@416d55 h=000000 -->`'), 'an id is literal text in a code span, a marker in it none of ours');
    assert.ok(text.includes('\\[a\\](javascript\\:alert(1))'));
    const outsideCode = text.replace(/`[^`]*`/g, '');
    assert.equal((outsideCode.match(/-->/g) ?? []).length, (outsideCode.match(/<!-- gj:/g) ?? []).length, 'every comment is ours and closes once');
    assert.equal(buildReview({ ...input, journal: withEntries([...journal.entries, hostile]) }, text).text, text, 'and it reads back as written');
  });

  it('makes the same bytes again from its own output', () => {
    const first = buildReview(input).text;
    assert.equal(buildReview(input, first).text, first);
  });

  it('keeps the user\'s words under a heading, after an evidence line and after the list, in their sections', () => {
    let text = buildReview(input).text;
    text = insertAfter(text, /gj:stmt risk-management\/senior\/1@/, 'Right under the heading.');
    text = insertAfter(text, /gj:ev ev-20261002-9c1d2e/, '  This one took three weeks.');
    text = insertAfter(text, /gj:stmt risk-management\/senior\/2@/, 'After nothing yet.');
    text += '\nAt the very end, after everything.\n';
    text = insertAt(text, 0, 'Above the title.');
    const again = buildReview(input, text).text;
    assert.deepEqual(sectionOfLine(again, 'Right under the heading.'), [`stmt ${risk1}`]);
    assert.equal(sectionOfLine(again, '  This one took three weeks.').length, 1, 'the line follows the evidence line it was written under');
    assert.equal(sectionOfLine(again, 'Above the title.')[0], 'top');
    assert.equal(sectionOfLine(again, 'At the very end, after everything.')[0], 'unlinked ');
    assert.equal(buildReview(input, again).text, again, 'stable once merged');
    assert.deepEqual(reviewWords(again).get(risk1), ['Right under the heading.']);
  });

  it('adds new evidence, and marks evidence that left without deleting the words about it', () => {
    const first = buildReview(input).text;
    const edited = insertAfter(first, /gj:ev ev-20261002-9c1d2e/, 'Proud of this one.');
    const later = withEntries([
      ...journal.entries.filter((e) => e.id !== 'ev-20261002-9c1d2e'),
      { ...journal.entries[2], id: 'ev-20261201-new001', date: '2026-12-01', title: 'New risk call', statements: ['risk-management/senior/1'], line: 99 },
    ]);
    const again = buildReview({ ...input, journal: later }, edited).text;
    assert.match(again, /- ~~\*\*2026-10-02\*\*: Hardened token validation.*~~ _\(no longer in this review: .*\)_ <!-- gj:gone ev-20261002-9c1d2e/);
    assert.match(again, /gj:gone ev-20261002-9c1d2e h=\w+ -->\nProud of this one\./);
    assert.match(again, /New risk call/);
    assert.equal(buildReview({ ...input, journal: later }, again).text, again);
    const back = buildReview(input, again).text;
    assert.match(back, /gj:ev ev-20261002-9c1d2e h=\w+ -->\nProud of this one\./, 'an entry that comes back is listed again, the words still after it');
  });

  it('keeps the section of a reworded statement, flagged, and opens one for the new wording', () => {
    const first = insertAfter(buildReview(input).text, /gj:stmt risk-management\/senior\/1@/, 'My words on balance.');
    const changed = reworded(rubric, 'risk-management', 'senior', 1, 'Balances security, cost and speed.');
    const again = buildReview({ ...input, rubric: changed }, first).text;
    assert.deepEqual(sectionOfLine(again, 'My words on balance.'), [`stmt ${risk1}`]);
    assert.match(again, /> The rubric no longer has this statement in force/);
    assert.match(again, /### Balances security, cost and speed\./);
    assert.ok(again.indexOf('My words on balance.') > again.indexOf('Balances security, cost and speed.'), 'the flagged section follows the live ones of its dimension');
    assert.equal(buildReview({ ...input, rubric: changed }, again).text, again);
  });

  it('a file broken by hand: deleted headings, reordered sections, edited generated lines: every word kept', () => {
    const base = insertAfter(buildReview(input).text, /gj:stmt risk-management\/senior\/1@/, 'Words one.');
    const lines = base.split('\n');
    // Move the Risk Management dimension block to the top, delete its heading, and edit an evidence line.
    const start = lines.findIndex((l) => l.includes('gj:dim risk-management'));
    const end = lines.findIndex((l, i) => i > start && l.includes('gj:dim '));
    const block = lines.splice(start, end - start);
    block.shift();
    lines.splice(4, 0, ...block);
    const evidence = lines.findIndex((l) => l.includes('gj:ev ev-20261002-9c1d2e'));
    lines[evidence] = lines[evidence].replace('Hardened', 'Hardened (my edit)');
    const heading = lines.findIndex((l) => l.includes('gj:stmt risk-management/senior/2@'));
    lines[heading] += ' and words typed after the marker';
    lines.push('', '## My own section', '', 'Things I want to say.');
    const broken = lines.join('\n');
    const again = buildReview(input, broken).text;
    for (const words of ['Words one.', '## My own section', 'Things I want to say.']) assert.equal(again.split('\n').filter((l) => l === words).length, 1, words);
    assert.deepEqual(sectionOfLine(again, 'Words one.'), [`stmt ${risk1}`]);
    const typedAfter = again.split('\n').filter((l) => l.endsWith(' and words typed after the marker'));
    assert.equal(typedAfter.length, 1);
    assert.match(typedAfter[0], /^### Takes calculated risks.* and words typed after the marker$/, 'kept without our marker, in its own section');
    assert.match(sectionOfLine(again, typedAfter[0])[0], /^stmt risk-management\/senior\/2@/);
    assert.ok(again.split('\n').some((l) => l.startsWith('- **2026-10-02**: Hardened (my edit)') && !l.includes('<!--')), 'the edited line is the user\'s now');
  });

  it('puts the words of a section whose place is gone under "Kept from the earlier version"', () => {
    const first = buildReview(input).text;
    const edited = insertAfter(first, /gj:dim risk-management/, 'About risk in general.');
    const smaller: Rubric = { ...rubric, groups: rubric.groups.map((g) => ({ ...g, dimensions: g.dimensions.filter((d) => d.id !== 'risk-management') })) };
    const withWords = insertAfter(edited, /gj:stmt risk-management\/senior\/1@/, 'About balance.');
    const again = buildReview({ ...input, rubric: smaller }, withWords).text;
    const kept = again.slice(again.indexOf('## Kept from the earlier version'));
    assert.ok(kept.includes('About risk in general.'));
    assert.ok(kept.includes('About balance.'), 'the statement section moves there whole, flagged');
    assert.equal(buildReview({ ...input, rubric: smaller }, again).text, again);
  });

  it('an id used twice in the journal is listed once, the words under it kept once', () => {
    const twice = withEntries([...journal.entries, { ...journal.entries[0], line: 300 }]);
    let text = insertAfter(buildReview({ ...input, journal: twice }).text, /gj:ev ev-20261002-9c1d2e/, 'Said once.');
    for (let run = 0; run < 3; run++) text = buildReview({ ...input, journal: twice }, text).text;
    assert.equal(text.split('\n').filter((l) => l === 'Said once.').length, 1);
  });

  it('keeps CRLF line endings and a byte order mark', () => {
    const crlf = `\uFEFF${buildReview(input).text.replace(/\n/g, '\r\n')}`;
    const again = buildReview(input, crlf).text;
    assert.ok(again.startsWith('\uFEFF'));
    assert.doesNotMatch(again.replace(/\r\n/g, ''), /\n/);
    assert.equal(again, crlf);
  });

  it('writes a draft only where the user wrote nothing', () => {
    const first = insertAfter(buildReview(input).text, /gj:stmt risk-management\/senior\/1@/, 'Mine.');
    const tech = [...reviewWords(first).keys()];
    assert.deepEqual(tech, [risk1]);
    const crisis = buildReview(input).text.match(/gj:stmt (crisis-management\/senior\/1@\w+)/)![1];
    const drafts = new Map([
      [risk1, ['Draft for risk.']],
      [crisis, ['Draft for crisis.']],
    ]);
    const { text, drafted } = buildReview(input, first, drafts);
    assert.deepEqual(drafted, [crisis]);
    assert.ok(!text.includes('Draft for risk.'));
    assert.deepEqual(sectionOfLine(text, 'Draft for crisis.'), [`stmt ${crisis}`]);
  });

  it('property: user text inserted at random places survives any number of regenerations, in its section', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const rnd = random(seed);
      const samples = ['plain words', '- a list item of mine', '## A heading of my own', '> a quote', '    indented', '[a link](https://example.com)', '<b>html</b>', '| a | b |', '**bold** and `code`'];
      let entries = [...journal.entries];
      let currentRubric = rubric;
      let text = buildReview({ ...input, journal: withEntries(entries) }).text;
      const inserted: { line: string; section: string }[] = [];
      const rounds = 1 + rnd.int(6);
      for (let round = 0; round < rounds; round++) {
        for (let k = rnd.int(4); k >= 0; k--) {
          const line = `user ${seed}.${round}.${k}: ${rnd.pick(samples)}`;
          const lines = text.split('\n');
          const at = rnd.int(lines.length + 1);
          text = insertAt(text, at, line);
          if (rnd.int(3) === 0) text = insertAt(text, at + 1, ''); // now and then a blank line after it
          inserted.push({ line, section: sectionOfLine(text, line)[0] });
        }
        // Between runs the journal and rubric change: an entry removed or added, a statement reworded.
        const change = rnd.int(4);
        if (change === 0 && entries.length > 1) entries = entries.filter((_, i) => i !== rnd.int(entries.length));
        if (change === 1) entries = [...entries, { ...journal.entries[0], id: `ev-2026112${round}-${seed}aaaa`, date: `2026-11-2${round}`, line: 200 + round }];
        if (change === 2) currentRubric = reworded(currentRubric, 'risk-management', 'senior', 1 + rnd.int(3), `Reworded in round ${round}.`);
        text = buildReview({ ...input, rubric: currentRubric, journal: withEntries(entries) }, text).text;
        for (const { line, section } of inserted) {
          const found = sectionOfLine(text, line);
          assert.equal(found.length, 1, `seed ${seed}, round ${round}: "${line}" appears ${found.length} times`);
          assert.equal(found[0], section, `seed ${seed}, round ${round}: "${line}" moved from ${section} to ${found[0]}`);
        }
      }
      assert.equal(buildReview({ ...input, rubric: currentRubric, journal: withEntries(entries) }, text).text, text, `seed ${seed}: stable`);
    }
  });
});
