import assert from 'node:assert/strict';
import { parseYaml } from '../../src/core/yaml/source';

/** The first error of a text, as `line:column message`. */
const firstError = (text: string) => {
  const p = parseYaml(text).problems.find((x) => x.severity === 'error');
  return p && `${p.line}:${p.column} ${p.message}`;
};
const head = 'version: 1\nentries:\n  - id: a\n    date: 2026-01-01\n';

describe('YAML errors as sentences a person understands', () => {
  it('a line indented deeper than the one above: at that line, saying how entries start', () => {
    assert.equal(firstError(`${head}    title: x\n      kind: note\n`), "6:7 Line 6 is indented deeper than the line above it; each entry starts with '- ' and its keys line up under the first one.");
  });

  it('a value with ": " in it: put it in quotes', () => {
    assert.equal(firstError(`${head}    title: fix: the bug\n`), "5:12 The value on line 5 contains ': ', which YAML reads as the start of a key; put the whole value in quotes.");
  });

  it('a key out of line with the keys above it names both columns', () => {
    assert.equal(firstError(`${head}    title: x\n  kind: note\n`), "6:3 Line 6 starts at column 3, but the keys above it start at column 5; line it up with them, and each entry starts with '- ' and its keys line up under the first one.");
  });

  it('a key indented between the dash and the keys', () => {
    assert.equal(firstError(`${head}   title: x\n`), "5:4 Line 5 is indented less than the keys of the entry above it; line it up with them, or start a new entry with '- '.");
  });

  it('a list item among the keys of an entry', () => {
    assert.match(firstError(`${head}    title: x\n    - id: b\n`)!, /^6:5 Line 6 starts a list item \('- '\) among the keys of a mapping/);
  });

  it('text after a closing quote (yaml: "Unexpected scalar at node end")', () => {
    assert.match(firstError(`${head}    title: "x" y\n`)!, /^5:16 Line 5 has more text after a value ends/);
  });

  it('a key without a colon', () => {
    assert.equal(firstError(`${head}    title x\n    kind: note\n`), "5:5 Line 5 has text with no ':' after it; write it as key: value, or, if it continues the value above, indent it deeper than that value's key.");
  });

  it('a tab, a repeated key, a second document, a reserved first character, a bad escape', () => {
    assert.equal(firstError(`${head}\ttitle: x\n`), '5:1 Line 5 is indented with a tab; YAML indents with spaces only, so replace the tab with spaces.');
    assert.equal(firstError(`${head}    date: 2026-01-02\n`), '5:5 Line 5 sets "date" again in the same mapping; a key appears once, so keep one of them.');
    assert.match(firstError(`${head}---\nversion: 2\n`)!, /^5:1 Line 5 starts a second document/);
    assert.equal(firstError(`${head}    title: @me\n`), '5:12 Line 5: a value cannot start with "@" unless it is in quotes; put the value in quotes.');
    assert.match(firstError(`${head}    title: "a\\q"\n`)!, /^5:\d+ Line 5 has a backslash YAML does not know/);
  });

  it('keeps no YAML jargon in any of them', () => {
    const texts = [`${head}    title: x\n      kind: note\n`, `${head}    title: "x" y\n`, `${head}    title x\n    kind: note\n`, `${head}   title: x\n`];
    for (const text of texts) assert.doesNotMatch(firstError(text)!, /implicit|scalar|compact|indicator|node/i);
  });
});
