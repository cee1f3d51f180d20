import { isMap, isScalar, isSeq, YAMLMap, type Node } from 'yaml';
import { quoted, type Problem } from '../text/problem';
import { closestIds } from '../text/closest';
import { profileProblem, type Profile } from './profile';
import { allDimensions, levelRank, type Rubric } from '../rubric/rubric';
import { checkStatementRef, parseStatementRef, refKey, type RefCheck } from '../rubric/statements';
import { ENTRIES_PER_STEP, journalBytesSteps, journalSourceSteps, LazyEntryMap, reReadTail, type ByteView, type ItemSink } from './fastReader';
import { type TextEdit } from '../text/textEdit';
import { runSteps } from '../steps';
import { rubricRef } from '../rubric/rubricRef';
import { workspacePath } from '../text/workspacePath';
import { FirstIndex } from '../text/strings';
import { NodeReader, parseYaml, positionOf, type YamlSource } from '../yaml/source';
import { lineStartOf } from '../text/lines';
import { settleAsPlainObjects } from './tricks';
import { ENTRY, type EntryKind, type Field, type Fields } from './fields';
import { valueNode, type FieldAt, type FieldType, type Judge, type ScalarValue } from './fieldTypes';
import { readSwitchRecord, type SwitchRecord } from './switchHistory';

interface CommitRef {
  sha: string;
  repo?: string;
  subject?: string;
}

interface SelectionRef {
  /** Workspace-relative, forward slashes. */
  file: string;
  startLine: number;
  endLine: number;
  sha?: string;
  link?: string;
  /** What the lines held when recorded, to find them again after edits above them (see core/text/anchor.ts). */
  hash?: string;
  firstLine?: string;
}

/** One piece of evidence, as the user's journal holds it. */
export interface EntryData {
  id: string;
  date: string;
  kind: EntryKind;
  title: string;
  dimensions: string[];
  level?: string;
  commit?: CommitRef;
  selection?: SelectionRef;
  note?: string;
  /** Statement refs, `<dimension-id>/<level-id>/<n>` with an optional `@fingerprint` (see statements.ts). */
  statements?: string[];
  private?: boolean;
}

export interface Entry extends EntryData {
  /** 1-based line of the entry's first key, to open it in the journal. */
  line: number;
  /** Fields this version does not know, when there are some; edits leave them as the user wrote them. */
  extra?: Readonly<Record<string, unknown>>;
}

export interface Journal {
  version: number;
  /** A bundled rubric id or a path to a rubric file, relative to the journal's workspace folder. */
  rubric?: string;
  profile: Profile;
  /** The switches to other rubrics, oldest first (`rubricHistory:`; see switchHistory.ts). */
  rubricHistory?: SwitchRecord[];
  entries: Entry[];
}

/**
 * A journal as a host read it: its text's journal (none when the text does not parse) and
 * problems, bytes that are not a journal's text (invalid UTF-8, too large), or no file at all.
 */
export type JournalRead = { kind: 'text'; journal?: Journal; problems: Problem[] } | { kind: 'invalid'; problem: Problem } | { kind: 'missing' };

export type JournalParse =
  | {
      journal: Journal;
      problems: Problem[];
      source: YamlSource;
      entryNodes: YAMLMap[];
      entryIds: EntryIds;
      /**
       * Set when read from `base` by re-reading its tail: entries before `entries`, and every
       * line before `line`, are base's. Held weakly, so a chain of edits keeps no old parse alive.
       */
      reReadFrom?: { entries: number; line: number; base: WeakRef<JournalParse> };
    }
  | { journal: undefined; problems: Problem[]; source: undefined; entryNodes?: undefined; entryIds?: undefined; reReadFrom?: undefined };

/**
 * Parses a journal, through the fast path where it applies (see fastJournal.ts). Only a YAML syntax error (or a root that is not a mapping) yields no
 * journal; a misfit entry is reported where it stands and read as far as it makes sense.
 */
export function parseJournal(text: string, options: { fast?: boolean } = {}): JournalParse {
  return runSteps(parseJournalSteps(text, options));
}

/** parseJournal in steps (see fastJournal.ts), for hosts that must stay responsive during long reads. */
export function* parseJournalSteps(text: string, options: { fast?: boolean } = {}): Generator<void, JournalParse> {
  const reader = new PlainEntryReader();
  const fast = options.fast === false ? undefined : yield* journalSourceSteps(text, reader);
  const parsed = fast ? ({ ok: true, source: fast, problems: [] } as const) : parseYaml(text);
  if (!parsed.ok) return { journal: undefined, problems: parsed.problems, source: undefined };
  const { source } = parsed;
  const r = new NodeReader(source);
  const contents = source.doc.contents as Node | null;
  const root = r.map(contents, 'A journal', contents);
  if (!root) return { journal: undefined, problems: [...parsed.problems, ...r.problems], source: undefined };

  const head = readHead(r, root);
  const entriesNode = r.field(root, 'entries', 'The journal', false);
  const entries: Entry[] = [];
  const entryNodes: YAMLMap[] = [];
  const seq = entriesNode && r.seq(entriesNode, '"entries"');
  const entryIds = new EntryIds();
  yield* readEntries(r, seq?.items ?? [], entryIds, entries, entryNodes);
  return {
    journal: { ...head, entries },
    problems: [...parsed.problems, ...r.problems],
    source,
    entryNodes,
    entryIds,
  };
}

/**
 * The journal in a file's bytes, read for a first look: entries straight from the bytes, with no
 * text decoded and no nodes built (see journalBytesSteps), when the journal is in the shape
 * Growth Journal writes and reads with no problem at all. Undefined otherwise: parseJournal then
 * reads the text and says what is wrong where. Equals parseJournal's journal; tests check it.
 */
export function* quickJournalSteps(view: ByteView): Generator<void, Journal | undefined> {
  const reader = new PlainEntryReader(new FirstIndex());
  const read = yield* journalBytesSteps(view, reader);
  // An id used again is a problem to place: parseJournal reports it.
  if (!read || reader.idUsedAgain) return undefined;
  const r = new NodeReader(read.header);
  const head = readHead(r, (read.header.doc.contents as YAMLMap | null) ?? new YAMLMap());
  if (r.problems.length) return undefined;
  return { ...head, entries: read.items };
}

/** The journal's keys above its entries, with their problems reported to `r`. */
function readHead(r: NodeReader, root: YAMLMap): Omit<Journal, 'entries'> {
  const version = r.integer(root, 'version', 'The journal', false) ?? 1;
  if (version !== 1) r.report(r.field(root, 'version', '', false), `Journal version ${version} is newer than this extension understands (1). Update Growth Journal.`, 'version');
  const rubric = r.string(root, 'rubric', 'The journal', false);
  const rubricPath = rubricRef(rubric);
  if (rubric !== undefined && rubricPath.kind === 'path' && !workspacePath(rubricPath.path).ok) r.problems.push(rubricOutsideProblem({ source: r.source } as JournalParse, rubricPath.path));
  const profile = readProfile(r, root);
  const history = readRubricHistory(r, root);
  return { version, ...(rubric === undefined ? {} : { rubric }), profile, ...(history ? { rubricHistory: history } : {}) };
}

/** The records of `rubricHistory:`; one this version cannot read is kept in the file, said, and not used. */
function readRubricHistory(r: NodeReader, root: YAMLMap): SwitchRecord[] | undefined {
  const node = r.field(root, 'rubricHistory', 'The journal', false);
  if (!node) return undefined;
  const unusable = 'is not a rubric switch record Growth Journal can read, so a switch back cannot use it; it is kept as it is.';
  if (!isSeq(node)) {
    r.report(node, `"rubricHistory" ${unusable}`, 'rubric-history', 'warning');
    return undefined;
  }
  const records: SwitchRecord[] = [];
  for (const [i, item] of node.items.entries()) {
    const record = readSwitchRecord((item as Node | null)?.toJS(r.source.doc));
    if (record) records.push(record);
    else r.report(item as Node, `Item ${i + 1} of "rubricHistory" ${unusable}`, 'rubric-history', 'warning');
  }
  return records;
}

/**
 * The index of each entry id's first entry, to tell an id used again. The parse after an edit
 * near the end shares its predecessor's map, read only and for the entries it kept, and holds
 * its own for the entries it read again: a tag never copies the ids of a large journal.
 */
class EntryIds {
  constructor(
    private readonly shared: FirstIndex = new FirstIndex(),
    private readonly limit = 0,
    private readonly own = new FirstIndex(),
  ) {}

  get(id: string): number | undefined {
    const own = this.own.get(id);
    if (own !== undefined || this.limit === 0) return own;
    return this.sharedGet(id);
  }

  has(id: string): boolean {
    return this.get(id) !== undefined;
  }

  /** The index of the first entry with `id`, or, when there is none, undefined after recording `index` as it. */
  firstOr(id: string, index: number): number | undefined {
    return (this.limit === 0 ? undefined : this.sharedGet(id)) ?? this.own.firstOr(id, index);
  }

  /** The ids of the first `count` entries: a journal read whole shares its map from here on. */
  keep(count: number): EntryIds {
    if (this.limit === 0) return new EntryIds(this.own, count);
    const own = new FirstIndex();
    this.own.forEach((id, index) => void (index < count && own.firstOr(id, index)));
    return new EntryIds(this.shared, Math.min(this.limit, count), own);
  }

  private sharedGet(id: string): number | undefined {
    const shared = this.shared.get(id);
    return shared !== undefined && shared < this.limit ? shared : undefined;
  }
}

/** Reads list items into entries, reporting misfits and ids used again. */
function* readEntries(r: NodeReader, items: readonly unknown[], ids: EntryIds, entries: Entry[], entryNodes: YAMLMap[]): Generator<void, void> {
  for (let n = 0; n < items.length; n++) {
    if (n % ENTRIES_PER_STEP === ENTRIES_PER_STEP - 1) yield;
    const item = items[n];
    const plain = item instanceof LazyEntryMap ? (item.takePlain() as Entry | undefined) : undefined;
    const entry = plain ?? readEntry(r, item as Node);
    if (!entry) continue;
    const earlier = ids.firstOr(entry.id, entries.length);
    if (earlier !== undefined) {
      r.report(valueNode(item as YAMLMap, 'id') ?? (item as Node), `Entry id "${entry.id}" is used again (first on line ${entries[earlier].line}). Give each entry its own id.`, 'duplicate-id');
    }
    entries.push(entry);
    entryNodes.push(item as YAMLMap);
  }
}

/**
 * The parse of `after`, the text `before` parsed with `edits` made, found by reading again only
 * the entries from the first one the edits touch on (made from `before`'s text; `after` is never read). Undefined when that can't
 * be done exactly (the journal is not in the fast reader's shape, or the edit is above the
 * entries): the caller then parses `after` whole. Equals parseJournal(after); tests check it.
 */
export function parseAfterTailEdit(before: JournalParse, after: string, edits: readonly TextEdit[]): JournalParse | undefined {
  const editStart = Math.min(...edits.map((e) => e.offset));
  if (!before.journal || before.source.fastDash === undefined) return undefined;
  const root = before.source.doc.contents as YAMLMap;
  const seq = root.items[root.items.length - 1]?.value;
  if (!isSeq(seq) || seq.items.length === 0) return undefined;
  const text = before.source.text;
  const lineOf = (node: unknown) => lineStartOf(text, (node as Node).range![0]);
  let keep = seq.items.length - 1;
  while (keep >= 0 && lineOf(seq.items[keep]) > editStart) keep--;
  if (keep < 0) return undefined;
  // The item before the edit is read again too: what follows an item can change what it holds
  // (a `|+` block keeps the blank lines after it; yaml stretches some ranges over what follows).
  if (keep > 0) keep--;
  const tail = reReadTail(before.source, after, keep, edits, new PlainEntryReader());
  if (!tail) return undefined;
  // Entry nodes are items in order (an item that is no entry has none): those before the first re-read item stay.
  const firstReRead = (seq.items[keep] as Node).range![0];
  let n = before.entryNodes.length;
  while (n > 0 && (before.entryNodes[n - 1] as Node).range![0] >= firstReRead) n--;
  const entries = before.journal.entries.slice(0, n);
  const entryNodes = before.entryNodes.slice(0, n);
  const entryIds = before.entryIds.keep(n);
  const regionLine = before.source.lines.position(lineOf(seq.items[keep])).line;
  const r = new NodeReader(tail.source);
  runSteps(readEntries(r, tail.items, entryIds, entries, entryNodes));
  return {
    journal: { ...before.journal, entries },
    problems: [...before.problems.filter((p) => (p.line ?? 0) < regionLine), ...r.problems],
    source: tail.source,
    entryNodes,
    entryIds,
    reReadFrom: { entries: n, line: regionLine, base: new WeakRef(before) },
  };
}

function readProfile(r: NodeReader, root: YAMLMap): Profile {
  const node = r.field(root, 'profile', 'The journal', false);
  const map = node && r.map(node, '"profile"');
  if (!map) return {};
  const currentLevel = r.id(map, 'currentLevel', 'The profile', false);
  const targetLevel = r.id(map, 'targetLevel', 'The profile', false);
  return { ...(currentLevel === undefined ? {} : { currentLevel }), ...(targetLevel === undefined ? {} : { targetLevel }) };
}

function readEntry(r: NodeReader, node: Node): Entry | undefined {
  const map = r.map(node, 'Each entry');
  if (!map) return undefined;
  const line = positionOf(r.source, map).line ?? 1;
  const values = readFields(r, map, ENTRY, 'An entry');
  if (!values) return undefined;
  // Absent rather than empty: a large journal has tens of thousands of entries, nearly all without.
  let extra: Record<string, unknown> | undefined;
  for (const pair of map.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    if (!ENTRY.indexOf.has(key)) (extra ??= {})[key] = isScalar(pair.value) ? pair.value.value : (pair.value as { toJSON?: () => unknown } | null)?.toJSON?.() ?? null;
  }
  values[LINE] = line;
  values[EXTRA] = extra;
  return new PlainEntry(values) as unknown as Entry;
}

/**
 * The values of the fields of `map`, by row, each read by its type with its problems reported
 * where they stand: the required fields, then the checks of a whole mapping, then the others,
 * then the mappings under it. Undefined for an entry without the field that names it, and for a
 * mapping under an entry without a required field; an entry without one is read with the type's
 * empty value. `entry`: the entry, for a mapping under it.
 */
function readFields(r: NodeReader, map: YAMLMap, fields: Fields, what: string, entry?: { key: string; what: string }): unknown[] | undefined {
  const values: unknown[] = [];
  const at = (f: Field): FieldAt => ({ r, map, key: f.key, required: !!f.required, what, path: entry ? `"${entry.key}.${f.key}" of ${entry.what}` : `"${f.key}" of ${what}` });
  let whole = true;
  for (const f of fields.all) {
    if (!f.required || f.fields) continue;
    const value = (f.type as FieldType).read(at(f));
    if (f.names) {
      if (value === undefined) return undefined;
      what = `Entry "${String(value)}"`;
    }
    if (value === undefined) whole = false;
    values[f.index] = value ?? (entry ? undefined : (f.type as FieldType).empty?.());
  }
  if (entry && !whole) return undefined;
  if (whole) {
    for (const f of fields.all) if (f.required && !f.fields) (f.type as FieldType).check?.(at(f), values[f.index]);
    const value = fields.check && recordOf(fields, values);
    if (value && !fields.check!.holds(value)) {
      const { message, code } = fields.check!.problem(value, what);
      r.report(map, message, code);
    }
  }
  for (const f of fields.all) {
    if (f.required || f.fields) continue;
    const value = (f.type as FieldType).read(at(f));
    if (value !== undefined) (f.type as FieldType).check?.(at(f), value);
    values[f.index] = value;
  }
  // A mapping that is there but wrong has its own problem already: a kind that needs it says so only when it is absent.
  const fitting: Field[] = [];
  for (const f of fields.all) {
    if (!f.fields) continue;
    const reported = r.problems.length;
    const node = r.field(map, f.key, what, false);
    const under = `"${f.key}" of ${what}`;
    const m = node && r.map(node, under);
    const read = m && readFields(r, m, f.fields, under, { key: f.key, what });
    values[f.index] = read && new (plainObjectsOf(f.fields))(read);
    if (r.problems.length === reported) fitting.push(f);
  }
  const kind = fields.indexOf.get('kind');
  for (const f of fitting) {
    if (f.forKind === undefined || values[f.index] !== undefined || kind === undefined || values[kind] !== f.forKind) continue;
    const needs = f.fields!.all.filter((g) => g.required).map((g) => `${g.key}: ...`);
    r.report(map, `${what} is a ${f.forKind} entry without "${f.key}: { ${needs.join(', ')} }".`, 'missing-field', 'warning');
  }
  return values;
}

/** The values by row as an object, for a mapping's check. */
function recordOf(fields: Fields, values: readonly unknown[]): Record<string, unknown> {
  return Object.fromEntries(fields.keys.map((key, i) => [key, values[i]]));
}

/**
 * A constructor of plain objects with `keys`: an object has the keys whose values are set, in
 * this order, whichever reader made it. Objects are made by a constructor, not a literal, for
 * the room V8 leaves in them (see settleAsPlainObjects in tricks.ts).
 */
function plainObjects(keys: readonly string[]): new (values: readonly unknown[]) => object {
  const Plain = function (this: Record<string, unknown>, values: readonly unknown[]) {
    for (let i = 0; i < keys.length; i++) if (values[i] !== undefined) this[keys[i]] = values[i];
  } as unknown as new (values: readonly unknown[]) => object;
  settleAsPlainObjects(Plain, [keys.map(() => null)]);
  return Plain;
}

const PLAIN_OBJECTS = new Map<Fields, new (values: readonly unknown[]) => object>();
/** The constructor of the objects a mapping of `fields` is read as. */
function plainObjectsOf(fields: Fields): new (values: readonly unknown[]) => object {
  let made = PLAIN_OBJECTS.get(fields);
  if (!made) PLAIN_OBJECTS.set(fields, (made = plainObjects(fields.keys)));
  return made;
}

/** An entry: its fields, by row, then its line and its unknown fields. */
const PlainEntry = plainObjects([...ENTRY.keys, 'line', 'extra']);
const LINE = ENTRY.keys.length;
const EXTRA = LINE + 1;

/** Where the line reader keeps the values of a mapping: fixed slots, reused from entry to entry rather than an object per entry. */
interface Slots {
  fields: Fields;
  /** The values read, by row, each as the full reader reads it. */
  values: unknown[];
  /** How many required fields were read, of `needs`. */
  required: number;
  needs: number;
  /** The slots of the mapping under each row that holds one. */
  under: (Slots | undefined)[];
  /** The row of the mapping it is under. */
  at: number;
  make: new (values: readonly unknown[]) => object;
}

function slotsOf(fields: Fields, at = -1): Slots {
  const needs = fields.all.filter((f) => f.required).length;
  return { fields, values: fields.all.map(() => undefined), required: 0, needs, under: fields.all.map((f) => f.fields && slotsOf(f.fields, f.index)), at, make: plainObjectsOf(fields) };
}

const NAMES = ENTRY.all.find((f) => f.names)!.index;
const KIND = ENTRY.indexOf.get('kind')!;

/**
 * Builds an entry from the values the line reader reads, when reading its nodes would report
 * nothing: every field known and fitting its type (`fit` in fieldTypes.ts), every required one
 * there, every check holding. Anything else (a problem to place, an unknown field to keep)
 * finishes as undefined, and the entry is read from its nodes, so the two ways agree by
 * construction. Values that repeat (fields.ts: `repeats`) come from the line reader as shared
 * strings, so a large journal holds each once.
 */
class PlainEntryReader implements ItemSink<Entry> {
  /** Set when an entry it made has an id one before it had, with `ids` given. */
  idUsedAgain = false;

  /** `ids`: the ids of the entries made so far, to tell one used again. */
  constructor(private readonly ids?: FirstIndex) {}

  /** Texts already judged, a cache per test (a date, a file path, a URL): most repeat from entry to entry. */
  private readonly judged = new Map<(text: string) => boolean, Map<string, boolean>>();
  private fits = true;
  private line = 0;
  private readonly entry: Slots = slotsOf(ENTRY);
  /** The rows an entry of some kind needs. */
  private readonly forKind: readonly Field[] = ENTRY.all.filter((f) => f.forKind !== undefined);
  /** The mapping being read: the entry, or one under it. */
  private slots: Slots = this.entry;
  /** The list being read, reused from list to list. */
  private readonly list: string[] = [];
  private listKey = '';

  begin(line: number): void {
    this.fits = true;
    this.line = line;
    this.slots = this.entry;
    this.entry.values.fill(undefined);
    this.entry.required = 0;
  }

  scalar(key: string, _keyStart: number, value: ScalarValue): void {
    const { slots } = this;
    const index = slots.fields.indexOf.get(key);
    // A key a mapping under the entry does not know: the node reader does not read it either.
    if (index === undefined) this.fits &&= slots !== this.entry;
    else this.take(slots, index, value);
  }

  listStart(key: string): void {
    this.list.length = 0;
    this.listKey = key;
  }

  listItem(value: string): void {
    this.list.push(value);
  }

  listEnd(): void {
    const { slots } = this;
    const index = slots.fields.indexOf.get(this.listKey);
    // A copy of the exact size: an array grown by push holds room for 17 items, and a journal holds two lists per entry.
    if (index !== undefined && (slots.fields.all[index].type as FieldType).shape === 'list') this.take(slots, index, this.list.slice());
    else this.fits = false;
  }

  mapStart(key: string): void {
    const index = this.entry.fields.indexOf.get(key);
    const slots = index === undefined ? undefined : this.entry.under[index];
    if (!slots) return void (this.fits = false);
    slots.values.fill(undefined);
    slots.required = 0;
    this.slots = slots;
  }

  mapEnd(): void {
    const { slots, entry } = this;
    this.slots = entry;
    if (!this.fits) return;
    if (slots.required < slots.needs) return void (this.fits = false);
    const made = new slots.make(slots.values);
    const { check } = slots.fields;
    if (check && !check.holds(made as Record<string, unknown>)) return void (this.fits = false);
    entry.values[slots.at] = made;
  }

  finish(): Entry | undefined {
    const { entry } = this;
    const { values } = entry;
    if (!this.fits || entry.required < entry.needs) return undefined;
    for (const f of this.forKind) if (values[f.index] === undefined && values[KIND] === f.forKind) return undefined;
    // Told while the id is at hand: a pass over tens of thousands of ids afterwards finds each cold in memory.
    if (this.ids?.firstOr(values[NAMES] as string, 0) !== undefined) this.idUsedAgain = true;
    values[LINE] = this.line;
    values[EXTRA] = undefined;
    return new PlainEntry(values) as unknown as Entry;
  }

  /** The value the line reader read for row `index` of `slots`, when it fits the row's type (a commit or selection must be a mapping). */
  private take(slots: Slots, index: number, value: ScalarValue | string[]): void {
    const f = slots.fields.all[index];
    if (slots.under[index] || !(f.type as FieldType).fit(value, this.judge, slots.values, index)) this.fits = false;
    else if (f.required) slots.required++;
  }

  /** `test(text)`, asked once per distinct text. */
  private readonly judge: Judge = (text, test) => {
    let verdicts = this.judged.get(test);
    if (!verdicts) this.judged.set(test, (verdicts = new Map()));
    let fits = verdicts.get(text);
    if (fits === undefined) verdicts.set(text, (fits = test(text)));
    return fits;
  };
}

/** The journal's rubric path leads outside its workspace folder: it is never read. */
export function rubricOutsideProblem(parse: JournalParse, path: string): Problem {
  const node = isMap(parse.source?.doc.contents) ? ((parse.source.doc.contents as YAMLMap).get('rubric', true) as Node | undefined) : undefined;
  return {
    severity: 'warning',
    code: 'rubric-outside',
    message: `The rubric path ${quoted(path)} is not a path inside the journal's workspace folder, so Growth Journal does not read it. Put the rubric inside the folder (for example .growth/rubrics/) and name it relative to the folder.`,
    ...(parse.source ? positionOf(parse.source, node) : { line: 1, column: 1 }),
  };
}

/**
 * Checks a parsed journal against its rubric: unknown dimensions and levels are warnings where
 * they stand. Given `fromEntry`, the entries from there on only: the caller holds the problems
 * of those before it and of the profile (see JournalSession.check).
 */
export function checkJournal(parse: JournalParse, rubric: Rubric, fromEntry?: number): Problem[] {
  if (!parse.journal) return [];
  const problems: Problem[] = [];
  const { journal } = parse;
  // The text and nodes are read only to place a problem: a journal read for a first look has
  // them made then (see JournalSession), and nearly every journal has no problem.
  const at = (node: Node | null | undefined) => positionOf(parse.source, node);
  const profileField = (key: string) => {
    const profile = (parse.source.doc.contents as YAMLMap).get('profile', true) as Node | undefined;
    return isMap(profile) ? (profile.get(key, true) as Node) : profile;
  };
  const entryNode = (index: number) => parse.entryNodes[index];
  const levels = rubric.levels.map((l) => l.id).join(', ');
  for (const key of fromEntry === undefined ? (['currentLevel', 'targetLevel'] as const) : []) {
    const value = journal.profile[key];
    if (value !== undefined && levelRank(rubric, value) < 0) {
      problems.push({ severity: 'warning', code: 'unknown-level', message: `Profile ${key} "${value}" is not a level of ${rubric.name} (${levels}).`, ...at(profileField(key)) });
    }
  }
  const { currentLevel, targetLevel } = journal.profile;
  const profileMessage = currentLevel && targetLevel && levelRank(rubric, currentLevel) >= 0 && levelRank(rubric, targetLevel) >= 0 ? profileProblem(rubric, { currentLevel, targetLevel }) : undefined;
  if (profileMessage && fromEntry === undefined) {
    problems.push({ severity: 'warning', code: 'target-below-current', message: profileMessage, ...at(profileField('targetLevel')) });
  }
  const dimensions = allDimensions(rubric);
  const knownDimensions = new Set(dimensions.map((d) => d.id));
  const knownLevels = new Set(rubric.levels.map((l) => l.id));
  // Entries cite the same few refs again and again, and checking one hashes statement texts.
  const refProblems = new Map<string, ReturnType<typeof statementProblem>>();
  // A ref a switch to this rubric kept from the rubric before names nothing here, and is no error: the switch back needs it.
  const keptRefs = new Set(journal.rubricHistory?.filter((h) => h.to === journal.rubric).flatMap((h) => h.statementsKept));
  // Plain loops: this runs for every entry of every load, and nearly every entry is fine.
  const { entries } = journal;
  for (let index = fromEntry ?? 0; index < entries.length; index++) {
    const entry = entries[index];
    for (let i = 0; i < entry.dimensions.length; i++) {
      const id = entry.dimensions[i];
      if (knownDimensions.has(id)) continue;
      const dims = entryNode(index).get('dimensions', true);
      const place = isSeq(dims) ? (dims.items[i] as Node) : (dims as Node | undefined);
      const near = closestIds(id, dimensions);
      const hint = near.length ? ` Did you mean ${near.map((n) => `"${n}"`).join(' or ')}?` : '';
      problems.push({ severity: 'warning', code: 'unknown-dimension', message: `Entry "${entry.id}" names dimension "${id}", which ${rubric.name} does not have.${hint}`, ...at(place) });
    }
    if (entry.level !== undefined && !knownLevels.has(entry.level)) {
      problems.push({ severity: 'warning', code: 'unknown-level', message: `Entry "${entry.id}" claims level "${entry.level}", which is not a level of ${rubric.name} (${levels}).`, ...at(entryNode(index).get('level', true) as Node | undefined) });
    }
    const statements = entry.statements ?? [];
    for (let i = 0; i < statements.length; i++) {
      const ref = statements[i];
      let problem = refProblems.get(ref);
      if (problem === undefined && !refProblems.has(ref)) refProblems.set(ref, (problem = statementProblem(rubric, ref)));
      if (!problem || (keptRefs.has(refKey(ref)) && problem(entry.id).code === STATEMENT_CODES.unknown)) continue;
      const cited = entryNode(index).get('statements', true);
      problems.push({ ...problem(entry.id), ...at(isSeq(cited) ? (cited.items[i] as Node) : (cited as Node | undefined)) });
    }
    if (entry.dimensions.length === 0 && statements.length === 0) {
      problems.push({ severity: 'warning', code: 'no-dimensions', message: `Entry "${entry.id}" is tagged with no dimension, so it counts toward none.`, line: entry.line, column: 1 });
    }
  }
  return problems;
}

/** Problem codes of cited statements: the quick fixes look for them. */
export const STATEMENT_CODES = { unknown: 'unknown-statement', changed: 'statement-changed', badRef: 'bad-statement-ref' } as const;

/** What is wrong with one cited ref, for the entry that cites it and without its place; undefined when it names the statement it cited. */
function statementProblem(rubric: Rubric, ref: string): ((entryId: string) => Omit<Problem, 'line' | 'column'>) | undefined {
  const parsed = parseStatementRef(ref);
  if (!parsed) {
    return (entryId) => ({ severity: 'error', code: STATEMENT_CODES.badRef, message: `Entry "${entryId}" cites ${quoted(ref)}, which is not a statement ref. Write <dimension-id>/<level-id>/<n>, e.g. risk-management/senior/1.` });
  }
  const check: RefCheck = checkStatementRef(rubric, parsed);
  switch (check.kind) {
    case 'ok':
      return undefined;
    case 'unknown':
      return (entryId) => ({ severity: 'error', code: STATEMENT_CODES.unknown, message: `Entry "${entryId}" cites statement ${quoted(ref)}, which is not in ${rubric.name}: ${check.reason}.` });
    case 'changed':
      return (entryId) => ({
        severity: 'warning',
        code: STATEMENT_CODES.changed,
        message: check.movedTo
          ? `The rubric changed since entry "${entryId}" cited ${quoted(ref)}: the statement it cited, ${quoted(check.movedTo.text)}, is now ${check.movedTo.ref}, and ${check.now.ref} reads ${quoted(check.now.text)}. Use the quick fix to re-point it.`
          : `The rubric changed since entry "${entryId}" cited ${quoted(ref)}: ${check.now.ref} now reads ${quoted(check.now.text)}, and the text it cited is no longer in the rubric. Use the quick fix to confirm the new wording or cite another statement.`,
      });
    case 'moved':
      return (entryId) => ({ severity: 'warning', code: STATEMENT_CODES.changed, message: `The rubric changed since entry "${entryId}" cited ${quoted(ref)}: the statement it cited, ${quoted(check.movedTo.text)}, is now ${check.movedTo.ref}. Use the quick fix to re-point it.` });
  }
}
