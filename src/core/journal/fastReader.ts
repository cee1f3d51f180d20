import { runSteps } from '../steps';
import { Document, Pair, Scalar, YAMLMap, YAMLSeq, isMap, isNode, isPair, isSeq, type Node } from 'yaml';
import { LineIndex } from '../text/problem';
import { hashOfChars } from '../text/strings';
import { parseYamlDocument, YAML_OPTIONS, type YamlSource } from '../yaml/source';
import { actAsYamlMap } from './tricks';
import { BOOLEAN_KEYS, INTEGER_KEYS, KNOWN_KEYS, REPEATING_KEYS } from './fields';
import { lineEndOf, lineStartOf } from '../text/lines';
import { type TextEdit } from '../text/textEdit';

/**
 * The characters the line reader looks for, by name. Kept in this file: a compiler that works a
 * file at a time (tsx, in the tests and the bench) puts a const enum's numbers in place only
 * within the file that declares it, and these are read in the reader's innermost loops.
 */
const enum Char {
  Tab = 0x09,
  LineFeed = 0x0a,
  CarriageReturn = 0x0d,
  Space = 0x20,
  DoubleQuote = 0x22,
  Hash = 0x23,
  Dollar = 0x24,
  SingleQuote = 0x27,
  OpenParen = 0x28,
  Comma = 0x2c,
  Dash = 0x2d,
  Dot = 0x2e,
  Slash = 0x2f,
  Digit0 = 0x30,
  Digit9 = 0x39,
  Colon = 0x3a,
  At = 0x40,
  UpperA = 0x41,
  UpperF = 0x46,
  UpperN = 0x4e,
  UpperT = 0x54,
  UpperZ = 0x5a,
  OpenBracket = 0x5b,
  Backslash = 0x5c,
  CloseBracket = 0x5d,
  Underscore = 0x5f,
  LowerA = 0x61,
  LowerF = 0x66,
  LowerN = 0x6e,
  LowerT = 0x74,
  LowerZ = 0x7a,
  Bar = 0x7c,
  LastAscii = 0x7f,
}

/**
 * A fast path for reading large journals. The `yaml` library needs over a second for a
 * 10,000-entry journal, while nearly every entry is in the simple shape Growth Journal writes.
 * This reads that shape line by line, in one pass over the text, handing each value to an
 * ItemSink (the journal builds its entries straight from them); each entry's node stands in for
 * the one `yaml` would build, and is made from the entry's lines only when something asks for
 * it (an edit, a problem's place). It hands any entry it is unsure of to `yaml` itself, and
 * gives up, so the caller parses the whole text with `yaml`, at any doubt: a syntax error,
 * anchors, document markers, keys after the entries list. Its result must equal a full parse;
 * tests check that.
 */
export function parseJournalSource(text: string): YamlSource | undefined {
  return runSteps(journalSourceSteps(text, new NodeSink()));
}

/** Entries between the points where a long read lets the caller breathe. */
export const ENTRIES_PER_STEP = 100;

/**
 * Receives what the line reader reads of one entry, in the order it stands: scalars, flow
 * lists of scalars, and one level of nested mappings of scalars. Offsets are the journal's.
 * `finish` says what the item reads as, or undefined; a read that doubts is abandoned without
 * a call to `finish`, and the next `begin` starts afresh.
 */
export interface ItemSink<T> {
  begin(line: number): void;
  scalar(key: string, keyStart: number, value: string | number | boolean, start: number, end: number, style: ScalarStyle): void;
  listStart(key: string, keyStart: number, start: number): void;
  listItem(value: string, start: number, end: number, style: ScalarStyle): void;
  listEnd(end: number): void;
  mapStart(key: string, keyStart: number): void;
  mapEnd(end: number): void;
  finish(start: number, end: number): T | undefined;
}

/** How a scalar is written, as yaml's Scalar.type names it (edits leave block scalars to the user). */
type ScalarStyle = 'PLAIN' | 'QUOTE_DOUBLE' | 'QUOTE_SINGLE' | 'BLOCK_LITERAL';

/** The fast read as steps: it yields every ENTRIES_PER_STEP entries, so a host can keep responding. */
export function* journalSourceSteps<T>(text: string, sink: ItemSink<T>): Generator<void, YamlSource | undefined> {
  const start = openEntries(text, undefined);
  if (!start) return undefined;
  const { cursor, dash, keyStart, root } = start;
  const first = cursor.start;
  const seq = new YAMLSeq();
  const read = yield* readItems(cursor, dash, 0, sink, (from, to, keys, plain) => new LazyEntryMap(text, from, to, dash, 0, keys[0], keys[1], plain).asMap(), (from, to) => readItemWithYaml(text, from, to, 0));
  if (!read) return undefined;
  seq.items = read;
  seq.range = [first + dash, text.length, text.length];

  // The nodes are built by hand with every range set, so they stand in for parsed ones.
  const map = (root ?? new YAMLMap()) as YAMLMap<unknown, unknown>;
  const key = new Scalar('entries');
  key.range = [keyStart, keyStart + 7, keyStart + 7];
  map.items.push(new Pair<unknown, unknown>(key, seq));
  map.range = [map.range?.[0] ?? keyStart, text.length, text.length];
  const doc = new Document(null, YAML_OPTIONS) as Document.Parsed;
  doc.contents = map as unknown as Document.Parsed['contents'];
  return { text, doc, lines: new LineIndex(text), fastDash: dash };
}

/**
 * A file's bytes beside their Latin-1 view, a character per byte, for a first look at a large
 * journal without decoding it: the view costs half the memory of the decoded text and takes
 * a copy, not a decode. Host code makes it (core has no Buffer), and only of valid UTF-8.
 */
export interface ByteView {
  readonly bytes: Uint8Array;
  readonly latin1: string;
}

/**
 * The fast read of a file's bytes, for a first look: what the sink makes of each entry, and
 * the keys above the entries as `yaml` reads them, or undefined when any entry is out of the
 * simple shape or the sink makes nothing of it. Reads the view exactly as journalSourceSteps
 * reads a text (structure is ASCII, so a byte per character changes no decision), decodes every
 * value that holds more than ASCII from the bytes, and builds no nodes: offsets given to the
 * sink are byte offsets.
 */
export function* journalBytesSteps<T>(view: ByteView, sink: ItemSink<T>): Generator<void, { header: YamlSource; items: T[] } | undefined> {
  const start = openEntries(view.latin1, view.bytes);
  if (!start) return undefined;
  const items = yield* readItems(start.cursor, start.dash, 0, sink, (_from, _to, _keys, plain) => plain, undefined);
  return items && { header: start.header, items };
}

/** Where a journal's entries list starts, when the text is in the fast reader's shape down to its first item. */
interface EntriesStart {
  /** The keys above `entries:`, as `yaml` reads them, or null when there are none. */
  root: YAMLMap | null;
  /** The text above `entries:` and its parse. */
  header: YamlSource;
  keyStart: number;
  /** On the first item's line. */
  cursor: LineCursor;
  dash: number;
}

/** `text` up to its entries, or undefined at any doubt; `bytes` when `text` is their Latin-1 view. */
function openEntries(text: string, bytes: Uint8Array | undefined): EntriesStart | undefined {
  // A lone CR is a line break to YAML, and a BOM past the start is a marker: both change how
  // lines read, so `yaml` handles such a text. So do directives and document markers; below
  // `entries:` the line reader itself refuses them (a line at column 0 there must start an
  // item), so only the lines above it are searched.
  if ((text.indexOf('\r') >= 0 && /\r(?!\n)/.test(text)) || text.indexOf(bytes ? BOM_BYTES : BOM, 1) >= 0) return undefined;
  // The line as decoded: `.` stops at a line separator such a comment may hold.
  const decoded = (from: number, to: number) => (bytes ? UTF8.decode(bytes.subarray(from, to)) : text.slice(from, to));
  const keyStart = lineStartMatch(text, /^entries:/gm, (at) => /^entries:(?:[ \t]*|[ \t]+#.*)$/.test(decoded(at, lineEndOf(text, at))));
  if (keyStart < 0 || lineStartMatch(text.slice(0, keyStart), /^(?:---|\.\.\.|%)/gm) >= 0) return undefined;
  const headerText = decoded(0, keyStart);
  const doc = parseYamlDocument(headerText);
  if (doc.errors.length || doc.warnings.length) return undefined;
  const root = doc.contents;
  if (root !== null && (!isMap(root) || root.flow || root.has('entries'))) return undefined;
  // `entries:` stands at column 0, so the keys above it must too: indented, they are no mapping of its.
  if (root !== null && root.range && root.range[0] !== lineStartOf(headerText, root.range[0])) return undefined;

  let line = 2;
  for (let i = text.indexOf('\n'); i !== -1 && i < keyStart; i = text.indexOf('\n', i + 1)) line++;
  const cursor = new LineCursor(text, text.indexOf('\n', keyStart) + 1, line, text.length, bytes);
  cursor.skipBlankAndComments();
  if (cursor.done) return undefined; // `entries:` with nothing after it: rare, and yaml says what it means
  const dash = cursor.indent;
  if (!cursor.isItemStart(dash)) return undefined;
  return { root, header: { text: headerText, doc, lines: new LineIndex(headerText) }, keyStart, cursor, dash };
}

/** The offset of the first match of `pattern` (global, multiline) at a line start, or -1. JavaScript's `^` also matches after CR and U+2028; YAML's lines start after LF. */
function lineStartMatch(text: string, pattern: RegExp, accept: (at: number) => boolean = () => true): number {
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    if ((m.index === 0 || text.charCodeAt(m.index - 1) === Char.LineFeed) && accept(m.index)) return m.index;
    pattern.lastIndex = m.index + 1;
  }
  return -1;
}

/**
 * Reads list items at the dash column from the cursor on, one result per item, or undefined at
 * any doubt about the list itself. `base`: where the cursor's text starts in the journal, when
 * it is only the journal's tail. `made` makes an item the line reader read (its lines, its keys'
 * span, what the sink made of it); `other` an item out of the simple shape (its lines), or, left
 * out, such an item ends the read.
 */
function* readItems<T, N>(
  cursor: LineCursor,
  dash: number,
  base: number,
  sink: ItemSink<T>,
  made: (from: number, to: number, keys: readonly [number, number], plain: T | undefined) => N | undefined,
  other: ((from: number, to: number) => N | undefined) | undefined,
): Generator<void, N[] | undefined> {
  const items: N[] = [];
  const keys: [number, number] = [0, 0];
  while (!cursor.done) {
    // Every line here is an item's first: blank lines and comments go with the item above.
    if (!cursor.isItemStart(dash)) return undefined;
    const from = cursor.start;
    const line = cursor.line;
    sink.begin(line);
    const end = readItem(cursor, dash, sink, base);
    let item: N | undefined;
    if (end >= 0 && (cursor.done || cursor.indent === dash)) {
      keys[0] = from + dash + 2 + base;
      keys[1] = end + base;
      item = made(from, cursor.start, keys, sink.finish(keys[0], keys[1]));
    } else {
      if (!other) return undefined;
      // An item out of the simple shape: its lines run to the next line at the dash column.
      cursor.seek(from, line);
      cursor.advance();
      cursor.skipItemLines(dash);
      // With the next item's indentation, as a full parse sees it: yaml stretches some ranges over it.
      item = other(from, cursor.done ? cursor.start : cursor.start + Math.min(dash, cursor.indent));
    }
    if (item === undefined) return undefined;
    items.push(item);
    if (items.length % ENTRIES_PER_STEP === 0) yield;
  }
  return items.length ? items : undefined;
}

/**
 * The source of `after`, a text that equals `before` up to `from` (the start of the line of
 * its last entry) and differs only after it, read by re-reading the entries from there on and
 * keeping the rest of `before`'s nodes. Undefined when `before` was not read by the fast path
 * or the new text needs a full read: the caller then reads `after` whole. Equal to a full fast
 * read of `after` by construction: the fast read reads each item apart from the others.
 */
export function reReadTail<T>(before: YamlSource, after: string, keep: number, edits: readonly TextEdit[], sink: ItemSink<T>): { source: YamlSource; items: YAMLMap[] } | undefined {
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
  const cursor = new LineCursor(tail, 0, before.lines.position(from).line);
  cursor.skipBlankAndComments();
  // No item left after the edit: only an edit that keeps earlier items leaves a list.
  if (cursor.done && keep === 0) return undefined;
  const dash = before.fastDash;
  const items = cursor.done ? [] : runSteps(readItems(cursor, dash, from, sink, (at, to, keys, plain) => new LazyEntryMap(tail, at, to, dash, from, keys[0], keys[1], plain).asMap(), (at, to) => readItemWithYaml(tail, at, to, from)));
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

/**
 * `text` from `from` on, with `edits` made, or undefined when the edits are not all past `from`
 * or not in the order that keeps each one's offsets those of `text` (last in the text first).
 */
export function tailAfterEdits(text: string, edits: readonly TextEdit[], from: number): string | undefined {
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

/** One line of a text at a time, without an object per line: the current line's bounds, indentation and number. */
class LineCursor {
  /** Start of the current line. */
  start = 0;
  /** End of the current line's text, before `\r\n` or `\n`. */
  end = 0;
  /** Start of the next line, or the text's end. */
  next: number;
  /** Leading spaces; -1 for a blank line. */
  indent = -1;
  /** 1-based number of the current line in the journal. */
  line: number;
  /** Where the last quoted value readQuoted read ends: a number kept here rather than an object per value. */
  quotedEnd = 0;

  constructor(
    readonly text: string,
    from: number,
    line: number,
    private readonly to = text.length,
    /** The file's bytes when `text` is their Latin-1 view (see ByteView). */
    private readonly bytes?: Uint8Array,
  ) {
    this.next = from;
    this.line = line - 1;
    this.advance();
  }

  get done(): boolean {
    return this.start >= this.to;
  }

  advance(): void {
    const { text } = this;
    const start = (this.start = this.next);
    this.line++;
    if (start >= this.to) {
      this.end = start;
      this.indent = -1;
      return;
    }
    const nl = text.indexOf('\n', start);
    this.next = nl < 0 ? text.length : nl + 1;
    const end = (this.end = nl < 0 ? text.length : nl > start && text.charCodeAt(nl - 1) === Char.CarriageReturn ? nl - 1 : nl);
    let i = start;
    while (i < end && text.charCodeAt(i) === Char.Space) i++;
    this.indent = i === end ? -1 : i - start;
  }

  /** Puts the cursor back on the line starting at `start`, line number `line`. */
  seek(start: number, line: number): void {
    this.next = start;
    this.line = line - 1;
    this.advance();
  }

  isBlankOrComment(): boolean {
    return this.indent < 0 || this.text.charCodeAt(this.start + this.indent) === Char.Hash;
  }

  skipBlankAndComments(): void {
    while (!this.done && this.isBlankOrComment()) this.advance();
  }

  /** Past the lines of an item: to the next line at or left of its dash that is neither blank nor a comment. */
  skipItemLines(dash: number): void {
    while (!this.done && (this.isBlankOrComment() || this.indent > dash)) this.advance();
  }

  /** The text from `start` to `end`; in a byte view, decoded where it holds more than ASCII (`ascii`: the caller has seen it does not). */
  slice(start: number, end: number, ascii = false): string {
    const text = this.text.slice(start, end);
    return this.bytes && !ascii && NOT_ASCII.test(text) ? UTF8.decode(this.bytes.subarray(start, end)) : text;
  }

  /** The values read so far that repeat from entry to entry, by the hash of their characters (see shared). */
  private sharedValues: (string | undefined)[] | undefined;
  private sharedCount = 0;

  /**
   * slice(start, end) as the one string this read made of those characters: a value that
   * repeats (a dimension id, a level, a date) is found without making a string to look it up.
   */
  shared(start: number, end: number): string {
    const { text } = this;
    let hash = 0x811c9dc5;
    let all = 0;
    for (let i = start; i < end; i++) {
      const c = text.charCodeAt(i);
      all |= c;
      hash = Math.imul(hash ^ c, 0x01000193);
    }
    // In a byte view a character past ASCII is a byte of another: such a value is decoded, not matched.
    if (all > Char.LastAscii && this.bytes) return this.slice(start, end);
    const values = (this.sharedValues ??= new Array<string | undefined>(64).fill(undefined));
    const mask = values.length - 1;
    let at = hash & mask;
    for (let known = values[at]; known !== undefined; known = values[at]) {
      if (known.length === end - start && sameCharsAt(text, start, known)) return known;
      at = (at + 1) & mask;
    }
    const value = text.slice(start, end);
    values[at] = value;
    if (++this.sharedCount * 2 > values.length) {
      const grown = new Array<string | undefined>(values.length * 2).fill(undefined);
      for (const known of values) {
        if (known === undefined) continue;
        let to = hashOfChars(known, 0, known.length) & (grown.length - 1);
        while (grown[to] !== undefined) to = (to + 1) & (grown.length - 1);
        grown[to] = known;
      }
      this.sharedValues = grown;
    }
    return value;
  }

  isItemStart(dash: number): boolean {
    const { text, start, end } = this;
    return this.indent === dash && text.charCodeAt(start + dash) === Char.Dash && (start + dash + 1 === end || text.charCodeAt(start + dash + 1) === Char.Space);
  }
}

/** An entry `yaml` parses on its own; its ranges are moved to where the entry stands in the journal. */
function readItemWithYaml(text: string, from: number, to: number, base: number): YAMLMap | undefined {
  const doc = parseYamlDocument(text.slice(from, to));
  if (doc.errors.length || doc.warnings.length || !isSeq(doc.contents) || doc.contents.items.length !== 1) return undefined;
  const node = doc.contents.items[0];
  if (!isMap(node)) return undefined;
  shiftRanges(node, from + base);
  return node;
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

/**
 * An entry's mapping node whose pairs are read from the text the first time something asks
 * for them; until then it holds only its place. `plain` is what the sink made of it during the
 * read, for the journal to take (and drop).
 *
 * It is a YAMLMap to everything that reads it, but it is built without YAMLMap's constructor
 * (see actAsYamlMap in tricks.ts).
 */
export class LazyEntryMap {
  private pairs: Pair<unknown, unknown>[] | undefined = undefined;

  /** Its lines are from..to in `text`, which starts at `base` in the journal; its keys span start..end in the journal. */
  constructor(
    private readonly text: string,
    private readonly from: number,
    private readonly to: number,
    private readonly dash: number,
    private readonly base: number,
    private start: number,
    private end: number,
    public plain: unknown,
  ) {}

  /** What the sink made of the entry, once: the journal keeps its entry, not this. */
  takePlain(): unknown {
    const plain = this.plain;
    this.plain = undefined;
    return plain;
  }

  get items(): Pair<unknown, unknown>[] {
    if (!this.pairs) {
      const { text, from, to, dash, base } = this;
      const sink = new NodeSink();
      const cursor = new LineCursor(text, from, 1, to);
      sink.begin();
      const end = readItem(cursor, dash, sink, base);
      this.pairs = sink.finish(from + dash + 2 + base, end + base).items;
    }
    return this.pairs;
  }

  set items(items: Pair<unknown, unknown>[]) {
    this.pairs = items;
  }

  get range(): [number, number, number] {
    return [this.start, this.end, this.end];
  }

  set range(range: [number, number, number]) {
    this.start = range[0];
    this.end = range[1];
  }

  /** The node as the YAMLMap it stands in for. */
  asMap(): YAMLMap {
    return this as unknown as YAMLMap;
  }

  static {
    actAsYamlMap(this.prototype);
  }
}

/** Builds the nodes `yaml` would build for an entry the line reader read, ranges and all. */
class NodeSink implements ItemSink<YAMLMap<unknown, unknown>> {
  private top = new YAMLMap<unknown, unknown>();
  private current = this.top;
  private list: { seq: YAMLSeq; key: Scalar } | undefined;

  begin(): void {
    this.current = this.top = new YAMLMap<unknown, unknown>();
  }

  scalar(key: string, keyStart: number, value: string | number | boolean, start: number, end: number, style: ScalarStyle): void {
    this.current.items.push(new Pair<unknown, unknown>(scalar(key, keyStart, keyStart + key.length), scalar(value, start, end, style)));
  }

  listStart(key: string, keyStart: number, start: number): void {
    const seq = new YAMLSeq();
    seq.flow = true;
    seq.range = [start, start, start];
    this.list = { seq, key: scalar(key, keyStart, keyStart + key.length) };
  }

  listItem(value: string, start: number, end: number, style: ScalarStyle): void {
    this.list!.seq.items.push(scalar(value, start, end, style));
  }

  listEnd(end: number): void {
    const { seq, key } = this.list!;
    seq.range = [seq.range![0], end, end];
    this.current.items.push(new Pair<unknown, unknown>(key, seq));
  }

  mapStart(key: string, keyStart: number): void {
    const map = new YAMLMap<unknown, unknown>();
    this.top.items.push(new Pair<unknown, unknown>(scalar(key, keyStart, keyStart + key.length), map));
    this.current = map;
  }

  mapEnd(end: number): void {
    this.current.range = [(this.current.items[0].key as Scalar).range![0], end, end];
    this.current = this.top;
  }

  finish(start: number, end: number): YAMLMap<unknown, unknown> {
    this.top.range = [start, end, end];
    return this.top;
  }
}

// ---- the simple shape, line by line --------------------------------------------------------

/**
 * Reads the item whose dash line the cursor is on, its keys two columns past the dash; the
 * cursor is left on the first line after it that is neither blank nor a comment. Returns the
 * end of its last value (offsets of the cursor's text), or -1 when the item is not in the
 * simple shape.
 */
function readItem<T>(cursor: LineCursor, dash: number, sink: ItemSink<T>, base: number): number {
  const k = dash + 2;
  if (cursor.end - cursor.start <= k || cursor.text.charCodeAt(cursor.start + k) === Char.Space) return -1;
  return readPairs(cursor, k, true, sink, base);
}

/** The keys read so far of the mapping at each depth: reused, as nearly every mapping is small. */
const keysAt: [string[], string[]] = [[], []];

function readPairs<T>(c: LineCursor, k: number, isItem: boolean, sink: ItemSink<T>, base: number): number {
  const { text } = c;
  const keys = keysAt[isItem ? 0 : 1];
  keys.length = 0;
  let lastEnd = -1;
  let onItemLine = isItem;
  while (!c.done) {
    if (!onItemLine) {
      if (c.isBlankOrComment()) {
        // A comment indented past the keys belongs to the value above it, and yaml stretches
        // that value's (and its mapping's) range over it: leave such an entry to yaml.
        if (c.indent > k || (c.indent === k && !isItem)) return -1;
        c.advance();
        continue;
      }
      if (c.indent < k) break;
      if (c.indent > k) return -1;
    }
    onItemLine = false;
    const keyStart = c.start + k;
    const colon = keyEnd(text, keyStart, c.end);
    if (colon < 0) return -1;
    const key = keyName(text, keyStart, colon);
    if (key === undefined || keys.includes(key)) return -1;
    keys.push(key);
    // The value between YAML's white space (space and tab), found without cutting the line up.
    let valueStart = colon + 1;
    while (valueStart < c.end && isYamlSpace(text.charCodeAt(valueStart))) valueStart++;
    let valueEnd = c.end;
    while (valueEnd > valueStart && isYamlSpace(text.charCodeAt(valueEnd - 1))) valueEnd--;
    const first = valueStart < valueEnd ? text.charCodeAt(valueStart) : -1;
    if (first === -1 || first === Char.Hash) {
      // A nested mapping of scalars, one level deep.
      if (!isItem) return -1;
      sink.mapStart(key, keyStart + base);
      c.advance();
      const end = readPairs(c, k + 2, false, sink, base);
      if (end < 0) return -1;
      sink.mapEnd(end + base);
      lastEnd = end;
      continue;
    }
    if (first === Char.Bar && (valueEnd - valueStart === 1 || (valueEnd - valueStart === 2 && text.charCodeAt(valueStart + 1) === Char.Dash))) {
      const end = readLiteral(c, k, key, keyStart, valueStart, valueEnd - valueStart === 1, sink, base);
      if (end < 0) return -1;
      lastEnd = end;
      continue;
    }
    if (first === Char.OpenBracket) {
      if (!isItem || !readFlowList(c, valueStart, c.end, key, keyStart, sink, base)) return -1;
    } else if (!readInline(c, valueStart, c.end, key, keyStart, sink, base)) return -1;
    lastEnd = c.next;
    c.advance();
  }
  if (keys.length === 0) return -1;
  return lastEnd;
}

/** Where the key that starts at `at` ends (its colon), or -1: a plain key followed by a colon and a space or the line's end. */
function keyEnd(text: string, at: number, end: number): number {
  let i = at;
  let c = text.charCodeAt(i);
  if (!(isLetter(c) || c === Char.Underscore)) return -1;
  for (i++; i < end; i++) {
    c = text.charCodeAt(i);
    if (!(isLetter(c) || isDigit(c) || c === Char.Underscore || c === Char.Dash)) break;
  }
  // YAML refuses an implicit key of over 1024 characters: yaml says so where it stands.
  if (i >= end || c !== Char.Colon || i - at > MAX_KEY_LENGTH) return -1;
  return i + 1 === end || text.charCodeAt(i + 1) === Char.Space ? i : -1;
}

/** Keys longer than this are left to yaml, which refuses those of over 1024 characters. */
const MAX_KEY_LENGTH = 1000;

/** The keys Growth Journal writes (fields.ts) by length, as the one string each, so reading a key makes no new string and is compared with the few of its length only. */
const KNOWN_KEYS_BY_LENGTH: string[][] = [];
for (const key of KNOWN_KEYS) (KNOWN_KEYS_BY_LENGTH[key.length] ??= []).push(key);

/** The key as a string, or undefined for a key that yaml reads as no text (`null:`, `True:`): yaml decides those. */
function keyName(text: string, start: number, end: number): string | undefined {
  const candidates = KNOWN_KEYS_BY_LENGTH[end - start];
  if (candidates) for (let i = 0; i < candidates.length; i++) if (sameCharsAt(text, start, candidates[i])) return candidates[i];
  const key = text.slice(start, end);
  return mayNotBeText(key.charCodeAt(0)) && NOT_TEXT.test(key) ? undefined : key;
}

/** Whether `text` holds `chars` at `at`: a loop the compiler inlines, where startsWith is a call. */
function sameCharsAt(text: string, at: number, chars: string): boolean {
  for (let i = 0; i < chars.length; i++) if (text.charCodeAt(at + i) !== chars.charCodeAt(i)) return false;
  return true;
}

/** A `|` or `|-` block: content lines indented past the key, trailing blank lines dropped. */
function readLiteral<T>(c: LineCursor, k: number, key: string, keyStart: number, start: number, clip: boolean, sink: ItemSink<T>, base: number): number {
  const { text } = c;
  let indent = -1;
  let first = -1;
  let contentEnd = -1;
  let afterContentLine = 0;
  let end = -1;
  for (c.advance(); !c.done; c.advance()) {
    if (c.indent < 0) {
      // A blank line: spaces beyond the block's indentation would be content; leave those to yaml.
      if (c.end > c.start && (indent < 0 || c.end - c.start > indent)) return -1;
      if (indent < 0) return -1;
      continue;
    }
    if (indent < 0) {
      if (c.indent <= k) return -1;
      indent = c.indent;
      first = c.start + indent;
    }
    if (c.indent < indent) break;
    if (c.indent === indent && text.charCodeAt(c.start + indent) === Char.Tab) return -1;
    contentEnd = c.end;
    end = c.next;
    afterContentLine = c.line + 1;
  }
  if (end < 0) return -1;
  // Blank lines after the block go back to the mapping.
  c.seek(end, afterContentLine);
  // The lines less the block's indentation (blank lines have no more than that), as one flat
  // string; `|` keeps the last line break, and adds one at the text's end.
  const withBreak = clip && end > contentEnd;
  const value = c.slice(first, withBreak ? end : contentEnd).replace(blockIndentation(indent), '\n');
  sink.scalar(key, keyStart + base, clip && !withBreak ? value + '\n' : value, start + base, end + base, 'BLOCK_LITERAL');
  return end;
}

/** A line break and up to `indent` spaces after it, by indentation: a block's lines keep what is past its indentation. */
const BLOCK_INDENTATION: RegExp[] = [];
function blockIndentation(indent: number): RegExp {
  return (BLOCK_INDENTATION[indent] ??= new RegExp(`\\r?\\n {0,${indent}}`, 'g'));
}

// YAML 1.2 core schema: plain scalars that do not read as text.
const NOT_TEXT = /^(?:~|[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE|[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

/** Whether plain text starting with `c` could read as something other than text (NOT_TEXT): a digit, a dot, or the first letter of null, true or false. */
function mayNotBeText(c: number): boolean {
  return isDigit(c) || c === Char.Dot || c === Char.LowerN || c === Char.UpperN || c === Char.LowerT || c === Char.UpperT || c === Char.LowerF || c === Char.UpperF;
}

/** A value on the key's line, `text` from `start` to the line's `end`: double- or single-quoted, or plain. */
function readInline<T>(cursor: LineCursor, start: number, end: number, key: string, keyStart: number, sink: ItemSink<T>, base: number): boolean {
  const { text } = cursor;
  const c = text.charCodeAt(start);
  if (c === Char.DoubleQuote || c === Char.SingleQuote) {
    const value = readQuoted(cursor, start, end);
    if (value === undefined || !isTrailingComment(text, cursor.quotedEnd, end)) return false;
    sink.scalar(key, keyStart + base, value, start + base, cursor.quotedEnd + base, c === Char.DoubleQuote ? 'QUOTE_DOUBLE' : 'QUOTE_SINGLE');
    return true;
  }
  // Plain: up to a comment (a # after white space), less trailing white space. A tab, or a
  // colon that would start a value, in a plain value: yaml decides.
  if (!isPlainStart(c)) return false;
  let valueEnd = end;
  let tab = end;
  let all = c;
  for (let i = start + 1, before = c; i < end; i++) {
    const ch = text.charCodeAt(i);
    if (ch === Char.Hash && isYamlSpace(before)) {
      valueEnd = i - 1;
      break;
    }
    if (before === Char.Colon && ch === Char.Space) return false;
    if (ch === Char.Tab && tab === end) tab = i;
    all |= ch;
    before = ch;
  }
  while (valueEnd > start && isYamlSpace(text.charCodeAt(valueEnd - 1))) valueEnd--;
  if (tab < valueEnd || text.charCodeAt(valueEnd - 1) === Char.Colon) return false;
  const value = REPEATING_KEYS.has(key) ? cursor.shared(start, valueEnd) : cursor.slice(start, valueEnd, all <= Char.LastAscii);
  if (mayNotBeText(c) && NOT_TEXT.test(value)) {
    if (INTEGER_KEYS.has(key) && /^(?:0|[1-9][0-9]*)$/.test(value)) sink.scalar(key, keyStart + base, Number(value), start + base, valueEnd + base, 'PLAIN');
    else if (BOOLEAN_KEYS.has(key) && (value === 'true' || value === 'false')) sink.scalar(key, keyStart + base, value === 'true', start + base, valueEnd + base, 'PLAIN');
    else return false;
    return true;
  }
  sink.scalar(key, keyStart + base, value, start + base, valueEnd + base, 'PLAIN');
  return true;
}

/** What may start a plain value in a block: a letter, a digit, or one of `_ ( . / $`. */
function isPlainStart(c: number): boolean {
  return isLetter(c) || isDigit(c) || c === Char.Underscore || c === Char.OpenParen || c === Char.Dot || c === Char.Slash || c === Char.Dollar;
}

/** Nothing but white space from `at` to `end`, or white space then a comment. */
function isTrailingComment(text: string, at: number, end: number): boolean {
  let i = at;
  while (i < end && isYamlSpace(text.charCodeAt(i))) i++;
  return i === end || (i > at && text.charCodeAt(i) === Char.Hash);
}

// YAML's white space is the space and the tab, nothing else: JavaScript's trim() and \s would
// also take a no-break space, U+3000 or U+2028, which YAML keeps as content.
const BOM = '\uFEFF';
/** A BOM's UTF-8 bytes, as a byte view reads them. */
const BOM_BYTES = '\u00EF\u00BB\u00BF';
const NOT_ASCII = /[^\x00-\x7F]/;
const UTF8 = new TextDecoder('utf-8', { ignoreBOM: true });
function isYamlSpace(c: number): boolean {
  return c === Char.Space || c === Char.Tab;
}
function isLetter(c: number): boolean {
  return (c >= Char.LowerA && c <= Char.LowerZ) || (c >= Char.UpperA && c <= Char.UpperZ);
}
function isDigit(c: number): boolean {
  return c >= Char.Digit0 && c <= Char.Digit9;
}

function scalar(value: unknown, start: number, end: number, style: ScalarStyle = 'PLAIN'): Scalar {
  const node = new Scalar(value);
  node.range = [start, end, end];
  node.type = style;
  return node;
}

const JSON_ESCAPE = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/y;

/** The quoted value at `from` on a line ending at `end`, or undefined when yaml should read it; sets cursor.quotedEnd. */
function readQuoted(cursor: LineCursor, from: number, end: number): string | undefined {
  const { text } = cursor;
  if (text.charCodeAt(from) === Char.SingleQuote) {
    let i = from + 1;
    let doubled = false;
    for (;;) {
      const close = text.indexOf("'", i);
      if (close < 0 || close >= end) return undefined;
      if (close + 1 < end && text.charCodeAt(close + 1) === Char.SingleQuote) {
        doubled = true;
        i = close + 2;
        continue;
      }
      cursor.quotedEnd = close + 1;
      const inside = cursor.slice(from + 1, close);
      return doubled ? inside.replace(/''/g, "'") : inside;
    }
  }
  let escaped = false;
  for (let i = from + 1; i < end; i++) {
    const ch = text.charCodeAt(i);
    if (ch === Char.DoubleQuote) {
      cursor.quotedEnd = i + 1;
      if (!escaped) return cursor.slice(from + 1, i);
      try {
        return JSON.parse(cursor.slice(from, i + 1)) as string;
      } catch {
        return undefined;
      }
    }
    // Raw control characters: yaml decides (JSON would refuse them).
    if (ch < Char.Space) return undefined;
    if (ch === Char.Backslash) {
      JSON_ESCAPE.lastIndex = i;
      if (!JSON_ESCAPE.test(text)) return undefined; // a YAML-only escape such as \x41
      escaped = true;
      i = JSON_ESCAPE.lastIndex - 1;
    }
  }
  return undefined;
}

/** A flow list of ids or double-quoted text on one line, `[` at `from`. */
function readFlowList<T>(cursor: LineCursor, from: number, end: number, key: string, keyStart: number, sink: ItemSink<T>, base: number): boolean {
  const { text } = cursor;
  let i = from + 1;
  sink.listStart(key, keyStart + base, from + base);
  while (i < end && text.charCodeAt(i) === Char.Space) i++;
  if (i < end && text.charCodeAt(i) === Char.CloseBracket) {
    if (!isTrailingComment(text, i + 1, end)) return false;
    sink.listEnd(i + 1 + base);
    return true;
  }
  for (;;) {
    while (i < end && text.charCodeAt(i) === Char.Space) i++;
    const start = i;
    if (i < end && text.charCodeAt(i) === Char.DoubleQuote) {
      const value = readQuoted(cursor, i, end);
      if (value === undefined) return false;
      sink.listItem(value, start + base, cursor.quotedEnd + base, 'QUOTE_DOUBLE');
      i = cursor.quotedEnd;
    } else {
      let c = i < end ? text.charCodeAt(i) : -1;
      if (!(isLetter(c) || isDigit(c) || c === Char.Underscore)) return false;
      for (i++; i < end; i++) {
        c = text.charCodeAt(i);
        if (c === Char.Comma || c === Char.CloseBracket || c === Char.Space) break;
        // Ids and statement refs: `@` only joins a ref to its fingerprint inside a value.
        if (!(isLetter(c) || isDigit(c) || c === Char.Underscore || c === Char.Dot || c === Char.Slash || c === Char.At || c === Char.Dash)) return false;
      }
      const value = cursor.shared(start, i); // ASCII only, as checked above
      if (mayNotBeText(text.charCodeAt(start)) && NOT_TEXT.test(value)) return false;
      sink.listItem(value, start + base, i + base, 'PLAIN');
    }
    while (i < end && text.charCodeAt(i) === Char.Space) i++;
    const c = i < end ? text.charCodeAt(i) : -1;
    if (c === Char.Comma) {
      i++;
      continue;
    }
    if (c !== Char.CloseBracket || !isTrailingComment(text, i + 1, end)) return false;
    sink.listEnd(i + 1 + base);
    return true;
  }
}
