import { Document, Pair, Scalar, YAMLMap, YAMLSeq, isMap, isNode, isPair, isSeq, type Node } from 'yaml';
import { LineIndex } from './problem';
import { parseYamlDocument, YAML_OPTIONS, type YamlSource } from './yamlSource';

/**
 * A fast path for reading large journals. The `yaml` library needs over a second for a
 * 10,000-entry journal, while nearly every entry is in the simple shape Growth Journal writes.
 * This reads that shape line by line into plain values with their offsets; each entry's node
 * stands in for the one `yaml` would build (LazyEntryMap: its pairs, values and source ranges
 * alike are made from its lines when first asked for). It hands any entry it is unsure of to
 * `yaml` itself, and gives up, so the caller parses the whole text with `yaml`, at any doubt:
 * a syntax error, anchors, documents markers, keys after the entries list. Its result must
 * equal a full parse; tests check that.
 */
export function parseJournalSource(text: string): YamlSource | undefined {
  return runSteps(journalSourceSteps(text));
}

/** Entries between the points where a long read lets the caller breathe. */
export const ENTRIES_PER_STEP = 100;

/** Drives a step generator to its end without pausing. */
export function runSteps<T>(steps: Generator<void, T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** The fast read as steps: it yields every ENTRIES_PER_STEP entries, so a host can keep responding. */
export function* journalSourceSteps(text: string): Generator<void, YamlSource | undefined> {
  // A lone CR is a line break to YAML, and a BOM past the start is a marker: both change how
  // lines read, so `yaml` handles such a text.
  if (/\r(?!\n)/.test(text) || text.indexOf(BOM, 1) >= 0) return undefined;
  const lines = yield* splitLines(text);
  const entriesAt = lines.findIndex((l) => /^entries:(?:[ \t]*|[ \t]+#.*)$/.test(text.slice(l.start, l.end)));
  if (entriesAt < 0) return undefined;
  for (const l of lines) {
    const c = text.charCodeAt(l.start);
    // Directives and document markers change how everything reads: leave them to `yaml`.
    if ((c === 0x2d || c === 0x2e || c === 0x25) && /^(?:---|\.\.\.|%)/.test(text.slice(l.start, l.start + 3))) return undefined;
  }
  const keyLine = lines[entriesAt];
  const header = parseYamlDocument(text.slice(0, keyLine.start));
  if (header.errors.length || header.warnings.length) return undefined;
  const root = header.contents;
  if (root !== null && (!isMap(root) || root.flow || root.has('entries'))) return undefined;

  const body = lines.slice(entriesAt + 1);
  const first = body.find((l) => !isBlankOrComment(text, l));
  if (!first) return undefined; // `entries:` with nothing after it: rare, and yaml says what it means
  const dash = first.indent;
  if (!isItemStart(text, first, dash)) return undefined;

  const seq = new YAMLSeq();
  const read = yield* readItems(text, body, dash);
  if (!read) return undefined;
  seq.items = read;
  seq.range = [first.start + dash, text.length, text.length];

  // The nodes are built by hand with every range set, so they stand in for parsed ones.
  const map = (root ?? new YAMLMap()) as YAMLMap<unknown, unknown>;
  const key = new Scalar('entries');
  key.range = [keyLine.start, keyLine.start + 7, keyLine.start + 7];
  map.items.push(new Pair<unknown, unknown>(key, seq));
  map.range = [map.range?.[0] ?? keyLine.start, text.length, text.length];
  const doc = new Document(null, YAML_OPTIONS) as Document.Parsed;
  doc.contents = map as unknown as Document.Parsed['contents'];
  yield;
  const index = new LineIndex(text);
  yield;
  return { text, doc, lines: index, fastDash: dash };
}

/** Splits list lines into items at the dash column and reads each, or undefined at any doubt. */
/** `base`: where `text` starts in the journal, when it is only the journal's tail. */
function* readItems(text: string, body: Line[], dash: number, base = 0): Generator<void, YAMLMap[] | undefined> {
  let chunk: Line[] = [];
  const items: Line[][] = [];
  for (const [n, l] of body.entries()) {
    if (n % LINES_PER_STEP === LINES_PER_STEP - 1) yield;
    if (isBlankOrComment(text, l)) {
      if (chunk.length) chunk.push(l);
      continue;
    }
    if (l.indent < dash || (l.indent === dash && !isItemStart(text, l, dash))) return undefined; // keys after the list
    if (l.indent === dash) {
      if (chunk.length) items.push(chunk);
      chunk = [l];
    } else chunk.push(l);
  }
  if (!chunk.length) return undefined;
  items.push(chunk);
  const nodes: YAMLMap[] = [];
  for (const [n, item] of items.entries()) {
    const raw = readItem(text, item, dash);
    const node = raw ? new LazyEntryMap(text, item, dash, base ? shiftRaw(raw, base) : raw, base) : readItemWithYaml(text, item, base);
    if (!node) return undefined;
    nodes.push(node);
    if (n % ENTRIES_PER_STEP === ENTRIES_PER_STEP - 1) yield;
  }
  return nodes;
}

/**
 * The source of `after`, a text that equals `before` up to `from` (the start of the line of
 * its last entry) and differs only after it, read by re-reading the entries from there on and
 * keeping the rest of `before`'s nodes. Undefined when `before` was not read by the fast path
 * or the new text needs a full read: the caller then reads `after` whole. Equal to a full fast
 * read of `after` by construction: the fast read reads each item apart from the others.
 */
export function reReadTail(before: YamlSource, after: string, keep: number, edits: readonly SpliceEdit[]): { source: YamlSource; items: YAMLMap[] } | undefined {
  if (before.fastDash === undefined) return undefined;
  const root = before.doc.contents as YAMLMap;
  const pair = root.items[root.items.length - 1];
  const seq = pair.value as YAMLSeq<YAMLMap>;
  if (keep < 0 || keep >= seq.items.length) return undefined;
  const from = keep === 0 ? lineStartOf(before.text, seq.range![0]) : lineStartOf(before.text, seq.items[keep].range![0]);
  // Only the text from `from` on is read, made from `before` and the edits: `after` itself is a
  // string of millions of characters joined from pieces, and reading any of it would copy it all.
  const tail = tailAfterEdits(before.text, edits, from);
  if (tail === undefined || /\r(?!\n)/.test(tail) || tail.includes(BOM) || /^(?:---|\.\.\.|%)/m.test(tail)) return undefined;
  const lines = runSteps(splitLines(tail));
  const first = lines.find((l) => !isBlankOrComment(tail, l));
  // No item left after the edit: only an edit that keeps earlier items leaves a list.
  if (!first && keep === 0) return undefined;
  if (first && !isItemStart(tail, first, before.fastDash)) return undefined;
  const items = first ? runSteps(readItems(tail, lines, before.fastDash, from)) : [];
  if (!items) return undefined;
  const newSeq = new YAMLSeq<YAMLMap>();
  newSeq.items = seq.items.slice(0, keep).concat(items);
  newSeq.range = [seq.range![0], after.length, after.length];
  const map = new YAMLMap<unknown, unknown>();
  map.items = [...root.items.slice(0, -1), new Pair<unknown, unknown>(pair.key, newSeq)];
  map.range = [root.range![0], after.length, after.length];
  const doc = new Document(null, YAML_OPTIONS) as Document.Parsed;
  doc.contents = map as unknown as Document.Parsed['contents'];
  return { source: { text: after, doc, lines: LineIndex.afterTail(before.lines, from, tail), fastDash: before.fastDash }, items };
}

/** A replacement in a text, as the journal's edits make them (TextEdit). */
export interface SpliceEdit {
  offset: number;
  deleteCount: number;
  insert: string;
}

/**
 * `text` from `from` on, with `edits` made, or undefined when the edits are not all past `from`
 * or not in the order that keeps each one's offsets those of `text` (last in the text first).
 */
export function tailAfterEdits(text: string, edits: readonly SpliceEdit[], from: number): string | undefined {
  let tail = text.slice(from);
  let bound = text.length;
  for (const e of edits) {
    if (e.offset < from || e.offset + e.deleteCount > bound) return undefined;
    const at = e.offset - from;
    tail = tail.slice(0, at) + e.insert + tail.slice(at + e.deleteCount);
    bound = e.offset;
  }
  return tail;
}

function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

interface Line {
  start: number;
  /** End of the line's text, before `\r\n` or `\n`. */
  end: number;
  /** Start of the next line, or the text's end. */
  next: number;
  /** Leading spaces; -1 for a blank line. */
  indent: number;
}

const LINES_PER_STEP = ENTRIES_PER_STEP * 10;

function* splitLines(text: string, from = 0, to = text.length): Generator<void, Line[]> {
  const lines: Line[] = [];
  let start = from;
  while (start < to) {
    if (lines.length % LINES_PER_STEP === LINES_PER_STEP - 1) yield;
    const nl = text.indexOf('\n', start);
    const next = nl < 0 ? text.length : nl + 1;
    const end = nl < 0 ? text.length : nl > start && text[nl - 1] === '\r' ? nl - 1 : nl;
    let i = start;
    while (i < end && text.charCodeAt(i) === 0x20) i++;
    lines.push({ start, end, next, indent: i === end ? -1 : i - start });
    start = next;
  }
  return lines;
}

function isBlankOrComment(text: string, l: Line): boolean {
  return l.indent < 0 || text.charCodeAt(l.start + l.indent) === 0x23;
}

function isItemStart(text: string, l: Line, dash: number): boolean {
  return l.indent === dash && text.charCodeAt(l.start + dash) === 0x2d && (l.start + dash + 1 === l.end || text.charCodeAt(l.start + dash + 1) === 0x20);
}

/** An entry `yaml` parses on its own; its ranges are moved to where the entry stands in the text. */
function readItemWithYaml(text: string, item: Line[], base: number): YAMLMap | undefined {
  const start = item[0].start;
  const doc = parseYamlDocument(text.slice(start, item[item.length - 1].next));
  if (doc.errors.length || doc.warnings.length || !isSeq(doc.contents) || doc.contents.items.length !== 1) return undefined;
  const node = doc.contents.items[0];
  if (!isMap(node)) return undefined;
  shiftRanges(node, start + base);
  return node;
}

/** Moves what the line reader read in a tail to where it stands in the journal. */
function shiftRaw<T extends RawValue>(value: T, delta: number): T {
  value.start += delta;
  value.end += delta;
  if ('pairs' in value) {
    for (const p of value.pairs) {
      p.keyStart += delta;
      shiftRaw(p.value, delta);
    }
  } else if ('list' in value) for (const item of value.list) shiftRaw(item, delta);
  return value;
}

function shiftRanges(node: unknown, delta: number): void {
  if (isPair(node)) {
    shiftRanges(node.key, delta);
    shiftRanges(node.value, delta);
    return;
  }
  if (!isNode(node)) return;
  const n = node as Node;
  if (n.range) n.range = [n.range[0] + delta, n.range[1] + delta, n.range[2] + delta];
  if (isMap(n) || isSeq(n)) for (const child of n.items) shiftRanges(child, delta);
}

// ---- the simple shape, line by line --------------------------------------------------------

// Sticky, to match in place without cutting each line out of the text.
const KEY = /([A-Za-z_][A-Za-z0-9_-]*):(?= |\r?\n|\r?$)/y;
// YAML 1.2 core schema: plain scalars that do not read as text.
const NOT_TEXT = /^(?:~|[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE|[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
const PLAIN_BLOCK = /^[A-Za-z0-9_(./$][^\t]*$/;
// `@` only starts a reserved indicator at the start of a scalar: inside, it joins a statement ref to its fingerprint.
const PLAIN_FLOW = /^[A-Za-z0-9_][A-Za-z0-9_./@-]*$/;
const INTEGER_KEYS = new Set(['startLine', 'endLine']);

/**
 * What the line reader makes of an item: plain values with their offsets, which cost far less
 * than `yaml`'s nodes. The journal reads an entry straight from them; nodes are built from the
 * text only for an entry something asks about (an edit, a problem's place).
 */
interface RawScalar {
  value: string | number | boolean;
  start: number;
  end: number;
}
interface RawList {
  list: RawScalar[];
  start: number;
  end: number;
}
export interface RawMap {
  pairs: RawPair[];
  start: number;
  end: number;
}
interface RawPair {
  key: string;
  keyStart: number;
  value: RawValue;
}
export type RawValue = RawScalar | RawList | RawMap;

/**
 * An entry's mapping node whose pairs are read from the text the first time something asks
 * for them; until then it holds only its place. `raw` is what the line reader read, for the
 * journal to take (and drop) when it reads the entry.
 */
export class LazyEntryMap extends YAMLMap<unknown, unknown> {
  declare raw: RawMap | undefined;
  declare private pairs: Pair<unknown, unknown>[] | undefined;
  /** Its lines in `text`, which starts at `base` in the journal. */
  declare private readonly source: { text: string; from: number; to: number; dash: number; base: number };

  constructor(text: string, item: Line[], dash: number, raw: RawMap, base: number) {
    super();
    this.pairs = undefined;
    this.source = { text, from: item[0].start, to: item[item.length - 1].next, dash, base };
    this.raw = raw;
    this.range = [raw.start, raw.end, raw.end];
  }

  /** The line reader's values, once: the journal keeps the entry it reads from them, not them. */
  takeRaw(): RawMap | undefined {
    const raw = this.raw;
    this.raw = undefined;
    return raw;
  }

  static {
    // YAMLMap's constructor assigns `items`: an accessor on the prototype takes that over.
    Object.defineProperty(this.prototype, 'items', {
      get(this: LazyEntryMap) {
        if (!this.pairs) {
          const { text, from, to, dash, base } = this.source;
          const node = toNode(readItem(text, runSteps(splitLines(text, from, to)), dash)!) as YAMLMap<unknown, unknown>;
          if (base) shiftRanges(node, base);
          this.pairs = node.items;
        }
        return this.pairs;
      },
      set(this: LazyEntryMap, items: Pair<unknown, unknown>[]) {
        this.pairs = items;
      },
    });
  }
}

/** The nodes `yaml` would build for what the line reader read, ranges and all. */
function toNode(value: RawValue): Node {
  if ('pairs' in value) {
    const map = new YAMLMap<unknown, unknown>();
    map.items = value.pairs.map((p) => new Pair<unknown, unknown>(scalar(p.key, p.keyStart, p.keyStart + p.key.length), toNode(p.value)));
    map.range = [value.start, value.end, value.end];
    return map;
  }
  if ('list' in value) {
    const seq = new YAMLSeq();
    seq.flow = true;
    seq.items = value.list.map(toNode);
    seq.range = [value.start, value.end, value.end];
    return seq;
  }
  return scalar(value.value, value.start, value.end);
}

/** An entry in the shape Growth Journal writes, or undefined to let `yaml` read it. */
function readItem(text: string, item: Line[], dash: number): RawMap | undefined {
  const k = dash + 2;
  const first = item[0];
  if (first.end - first.start <= k || text.charCodeAt(first.start + k) === 0x20) return undefined;
  const read = readPairs(text, item, 0, k, true);
  if (!read || read.next !== item.length) return undefined;
  return read.map;
}

function readPairs(text: string, lines: Line[], from: number, k: number, firstIsItem: boolean): { map: RawMap; next: number } | undefined {
  const pairs: RawPair[] = [];
  let i = from;
  let lastEnd = -1;
  while (i < lines.length) {
    const l = lines[i];
    if (!(firstIsItem && i === from)) {
      if (isBlankOrComment(text, l)) {
        // A comment indented past the keys belongs to the value above it, and yaml stretches
        // that value's (and its mapping's) range over it: leave such an entry to yaml.
        if (l.indent > k || (l.indent === k && !firstIsItem)) return undefined;
        i++;
        continue;
      }
      if (l.indent < k) break;
      if (l.indent > k) return undefined;
    }
    const keyStart = l.start + k;
    KEY.lastIndex = keyStart;
    const m = KEY.exec(text);
    if (!m || m.index + m[0].length > l.end || pairs.some((p) => p.key === m[1])) return undefined;
    // The value between YAML's white space (space and tab), found without cutting the line up.
    let valueStart = keyStart + m[0].length;
    while (valueStart < l.end && isYamlSpace(text.charCodeAt(valueStart))) valueStart++;
    let valueEnd = l.end;
    while (valueEnd > valueStart && isYamlSpace(text.charCodeAt(valueEnd - 1))) valueEnd--;
    const value = text.slice(valueStart, valueEnd);
    let node: RawValue | undefined;
    if (value === '' || value.startsWith('#')) {
      const nested = readPairs(text, lines, i + 1, k + 2, false);
      if (!nested || nested.map.pairs.length === 0 || nested.map.pairs.some((p) => 'pairs' in p.value || 'list' in p.value)) return undefined;
      node = nested.map;
      lastEnd = node.end;
      i = nested.next;
    } else if (value === '|' || value === '|-') {
      const block = readLiteral(text, lines, i + 1, k, valueStart, value === '|');
      if (!block) return undefined;
      node = block.node;
      lastEnd = node.end;
      i = block.next;
    } else {
      node = readInline(text.slice(valueStart, l.end), valueStart, m[1]);
      if (!node) return undefined;
      lastEnd = l.next;
      i++;
    }
    pairs.push({ key: m[1], keyStart, value: node });
  }
  return { map: { pairs, start: pairs.length ? pairs[0].keyStart : -1, end: lastEnd }, next: i };
}

/** A `|` or `|-` block: content lines indented past the key, trailing blank lines dropped. */
function readLiteral(text: string, lines: Line[], from: number, k: number, start: number, clip: boolean): { node: RawScalar; next: number } | undefined {
  let i = from;
  let indent = -1;
  const parts: string[] = [];
  let lastContent = -1;
  for (; i < lines.length; i++) {
    const l = lines[i];
    if (l.indent < 0) {
      // A blank line: spaces beyond the block's indentation would be content; leave those to yaml.
      if (l.end > l.start && (indent < 0 || l.end - l.start > indent)) return undefined;
      parts.push('');
      continue;
    }
    if (indent < 0) {
      if (l.indent <= k || parts.length) return undefined;
      indent = l.indent;
    }
    if (l.indent < indent) break;
    const content = text.slice(l.start + indent, l.end);
    if (content.includes('\t') && l.indent === indent && content.startsWith('\t')) return undefined;
    parts.push(content);
    lastContent = i;
  }
  if (lastContent < 0) return undefined;
  const kept = parts.slice(0, lastContent - from + 1);
  const end = lines[lastContent].next;
  return { node: { value: kept.join('\n') + (clip ? '\n' : ''), start, end }, next: lastContent + 1 };
}

/** A value on the key's line: double- or single-quoted, a flow list of ids, or plain. */
function readInline(s: string, offset: number, key: string): RawValue | undefined {
  const c = s[0];
  if (c === '"' || c === "'") {
    const q = readQuoted(s, 0);
    if (!q || !isTrailingComment(s.slice(q.end))) return undefined;
    return { value: q.value, start: offset, end: offset + q.end };
  }
  if (c === '[') return readFlowList(s, offset);
  const hash = s.search(/[ \t]#/);
  const value = trimYamlEnd(hash < 0 ? s : s.slice(0, hash));
  if (!PLAIN_BLOCK.test(value) || /: |:$/.test(value)) return undefined;
  if (NOT_TEXT.test(value)) {
    if (INTEGER_KEYS.has(key) && /^(?:0|[1-9][0-9]*)$/.test(value)) return { value: Number(value), start: offset, end: offset + value.length };
    if (key === 'private' && (value === 'true' || value === 'false')) return { value: value === 'true', start: offset, end: offset + value.length };
    return undefined;
  }
  return { value, start: offset, end: offset + value.length };
}

function isTrailingComment(rest: string): boolean {
  return /^[ \t]*$/.test(rest) || /^[ \t]+#/.test(rest);
}

// YAML's white space is the space and the tab, nothing else: JavaScript's trim() and \s would
// also take a no-break space, U+3000 or U+2028, which YAML keeps as content.
const BOM = '\uFEFF';
function isYamlSpace(c: number): boolean {
  return c === 0x20 || c === 0x09;
}
function trimYamlEnd(s: string): string {
  return s.replace(/[ \t]+$/, '');
}

function scalar(value: unknown, start: number, end: number): Scalar {
  const node = new Scalar(value);
  node.range = [start, end, end];
  return node;
}

const JSON_ESCAPE = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/y;

function readQuoted(s: string, from: number): { value: string; end: number } | undefined {
  const quote = s[from];
  if (quote === "'") {
    let i = from + 1;
    for (;;) {
      const close = s.indexOf("'", i);
      if (close < 0) return undefined;
      if (s[close + 1] === "'") i = close + 2;
      else return { value: s.slice(from + 1, close).replace(/''/g, "'"), end: close + 1 };
    }
  }
  let i = from + 1;
  while (i < s.length) {
    const ch = s.charCodeAt(i);
    if (ch === 0x22) {
      try {
        return { value: JSON.parse(s.slice(from, i + 1)) as string, end: i + 1 };
      } catch {
        return undefined; // raw control characters and the like: yaml decides
      }
    }
    if (ch === 0x5c) {
      JSON_ESCAPE.lastIndex = i;
      if (!JSON_ESCAPE.test(s)) return undefined; // a YAML-only escape such as \x41
      i = JSON_ESCAPE.lastIndex;
      continue;
    }
    i++;
  }
  return undefined;
}

function readFlowList(s: string, offset: number): RawList | undefined {
  const list: RawScalar[] = [];
  let i = 1;
  const skipSpaces = () => {
    while (s[i] === ' ') i++;
  };
  skipSpaces();
  if (s[i] === ']') {
    if (!isTrailingComment(s.slice(i + 1))) return undefined;
    return { list, start: offset, end: offset + i + 1 };
  }
  for (;;) {
    skipSpaces();
    const start = i;
    if (s[i] === '"') {
      const q = readQuoted(s, i);
      if (!q) return undefined;
      list.push({ value: q.value, start: offset + start, end: offset + q.end });
      i = q.end;
    } else {
      while (i < s.length && s[i] !== ',' && s[i] !== ']' && s[i] !== ' ') i++;
      const value = s.slice(start, i);
      if (!PLAIN_FLOW.test(value) || NOT_TEXT.test(value)) return undefined;
      list.push({ value, start: offset + start, end: offset + i });
    }
    skipSpaces();
    if (s[i] === ',') {
      i++;
      continue;
    }
    if (s[i] !== ']' || !isTrailingComment(s.slice(i + 1))) return undefined;
    return { list, start: offset, end: offset + i + 1 };
  }
}
