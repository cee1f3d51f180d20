import { isMap, isScalar, isSeq, YAMLMap, type Node } from 'yaml';
import { isCommitSha } from '../git/commitSha';
import { parseIsoDate } from '../time/dates';
import { quoted, type Problem } from '../text/problem';
import { closestIds } from '../text/closest';
import { profileProblem, type Profile } from './profile';
import { allDimensions, levelRank, type Rubric } from '../rubric/rubric';
import { checkStatementRef, parseStatementRef, refKey, type RefCheck } from '../rubric/statements';
import { ENTRIES_PER_STEP, journalBytesSteps, journalSourceSteps, LazyEntryMap, reReadTail, type ByteView, type ItemSink } from './fastReader';
import { type TextEdit } from '../text/textEdit';
import { runSteps } from '../steps';
import { hasCredentials } from '../git/remoteUrl';
import { rubricRef } from '../rubric/rubricRef';
import { workspacePath } from '../text/workspacePath';
import { FirstIndex } from '../text/strings';
import { NodeReader, pairOf, parseYaml, positionOf, type YamlSource } from '../yaml/source';
import { lineStartOf } from '../text/lines';
import { settleAsPlainObjects } from './tricks';
import { ENTRY_KEYS } from './fields';
import { readSwitchRecord, type SwitchRecord } from './switchHistory';

export const ENTRY_KINDS = ['commit', 'selection', 'note'] as const;
type EntryKind = (typeof ENTRY_KINDS)[number];

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

const ENTRY_KEY_SET: ReadonlySet<string> = new Set(ENTRY_KEYS);

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
      r.report(entryField(item as YAMLMap, 'id') ?? (item as Node), `Entry id "${entry.id}" is used again (first on line ${entries[earlier].line}). Give each entry its own id.`, 'duplicate-id');
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

function entryField(map: YAMLMap, key: string): Node | undefined {
  return (pairOf(map, key)?.value as Node | undefined) ?? undefined;
}

function readEntry(r: NodeReader, node: Node): Entry | undefined {
  const map = r.map(node, 'Each entry');
  if (!map) return undefined;
  const line = positionOf(r.source, map).line ?? 1;
  const id = r.id(map, 'id', 'An entry');
  if (id === undefined) return undefined;
  const what = `Entry "${id}"`;
  const date = readDate(r, map, what);
  const kindText = r.string(map, 'kind', what);
  let kind: EntryKind = 'note';
  if (kindText !== undefined) {
    if ((ENTRY_KINDS as readonly string[]).includes(kindText)) kind = kindText as EntryKind;
    else r.report(entryField(map, 'kind'), `${what} has kind "${kindText}"; use one of ${ENTRY_KINDS.join(', ')}.`, 'unknown-kind');
  }
  const title = r.string(map, 'title', what) ?? '';
  const dimsNode = r.field(map, 'dimensions', what, true);
  const dimensions = dimsNode ? r.strings(dimsNode, `"dimensions" of ${what}`) : [];
  const level = r.id(map, 'level', what, false);
  const note = readText(r, map, 'note', what);
  const statementsNode = r.field(map, 'statements', what, false);
  const statements = statementsNode ? r.strings(statementsNode, `"statements" of ${what}`) : undefined;
  const isPrivate = readBoolean(r, map, 'private', what);
  // A field that is there but wrong has its own problem already; no second one for it.
  let reported = r.problems.length;
  const commit = readCommit(r, map, what);
  const commitFits = r.problems.length === reported;
  reported = r.problems.length;
  const selection = readSelection(r, map, what);
  const selectionFits = r.problems.length === reported;
  if (kind === 'commit' && !commit && kindText !== undefined && commitFits) r.report(map, `${what} is a commit entry without "commit: { sha: ... }".`, 'missing-field', 'warning');
  if (kind === 'selection' && !selection && kindText !== undefined && selectionFits) r.report(map, `${what} is a selection entry without "selection: { file: ..., startLine: ..., endLine: ... }".`, 'missing-field', 'warning');

  // Absent rather than empty: a large journal has tens of thousands of entries, nearly all without.
  let extra: Record<string, unknown> | undefined;
  for (const pair of map.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    if (!ENTRY_KEY_SET.has(key)) (extra ??= {})[key] = isScalar(pair.value) ? pair.value.value : (pair.value as { toJSON?: () => unknown } | null)?.toJSON?.() ?? null;
  }
  return entryOf({ id, date: date ?? '', kind, title, dimensions, level, commit, selection, note, statements, isPrivate }, line, extra);
}

type EntryFields = Pick<Entry, 'id' | 'date' | 'kind' | 'title' | 'dimensions'> & { level: string | undefined; commit: CommitRef | undefined; selection: SelectionRef | undefined; note: string | undefined; statements: string[] | undefined; isPrivate: boolean };

/** An entry with its optional fields only when set, in one key order whichever reader made it. */
function entryOf(f: EntryFields, line: number, extra?: Record<string, unknown>): Entry {
  return new PlainEntry(f, line, extra);
}

/** Entries are made by a constructor, not a literal, for the room V8 leaves in them (see settleAsPlainObjects in tricks.ts). */
const PlainEntry = function (this: Entry, f: EntryFields, line: number, extra: Record<string, unknown> | undefined) {
  this.id = f.id;
  this.date = f.date;
  this.kind = f.kind;
  this.title = f.title;
  this.dimensions = f.dimensions;
  if (f.level !== undefined) this.level = f.level;
  if (f.commit) this.commit = f.commit;
  if (f.selection) this.selection = f.selection;
  if (f.note !== undefined) this.note = f.note;
  if (f.statements !== undefined) this.statements = f.statements;
  if (f.isPrivate) this.private = true;
  this.line = line;
  if (extra) this.extra = extra;
} as unknown as new (f: EntryFields, line: number, extra: Record<string, unknown> | undefined) => Entry;
settleAsPlainObjects(PlainEntry, [{ id: '', date: '', kind: 'note', title: '', dimensions: [], level: '', commit: { sha: '' }, selection: { file: '', startLine: 1, endLine: 1 }, note: '', statements: [], isPrivate: true }, 0, {}]);

/**
 * Builds an entry from the values the line reader reads, when reading its nodes would report
 * nothing: every field known and well formed. Anything else (a problem to place, an unknown
 * field to keep) finishes as undefined, and the entry is read from its nodes, so the two ways
 * agree by construction. Values that repeat (dimension ids, levels, dates, files, repos) come
 * from the line reader as shared strings, so a large journal holds each once.
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
  /** The nested mapping being read: only commit and selection have one. */
  private parent: 'commit' | 'selection' | undefined;
  /** The list being read, reused from list to list. */
  private readonly list: string[] = [];
  private listKey = '';
  private id: string | undefined;
  private date: string | undefined;
  private kind: EntryKind | undefined;
  private title: string | undefined;
  private dimensions: string[] | undefined;
  private level: string | undefined;
  private note: string | undefined;
  private statements: string[] | undefined;
  private isPrivate = false;
  // The fields of a commit or selection as read, kept here rather than in an object per entry.
  private hasCommit = false;
  private hasSelection = false;
  private sha: ScalarValue | undefined;
  private repo: ScalarValue | undefined;
  private subject: ScalarValue | undefined;
  private file: ScalarValue | undefined;
  private startLine: ScalarValue | undefined;
  private endLine: ScalarValue | undefined;
  private selectionSha: ScalarValue | undefined;
  private link: ScalarValue | undefined;
  private selectionHash: ScalarValue | undefined;
  private firstLine: ScalarValue | undefined;

  begin(line: number): void {
    this.fits = true;
    this.line = line;
    this.parent = undefined;
    this.id = this.date = this.kind = this.title = this.dimensions = this.level = this.note = this.statements = undefined;
    this.isPrivate = this.hasCommit = this.hasSelection = false;
    this.sha = this.repo = this.subject = this.file = this.startLine = this.endLine = this.selectionSha = this.link = this.selectionHash = this.firstLine = undefined;
  }

  scalar(key: string, _keyStart: number, value: ScalarValue): void {
    if (this.parent === 'commit') {
      if (key === 'sha') this.sha = value;
      else if (key === 'repo') this.repo = value;
      else if (key === 'subject') this.subject = value;
      return;
    }
    if (this.parent === 'selection') {
      if (key === 'file') this.file = value;
      else if (key === 'startLine') this.startLine = value;
      else if (key === 'endLine') this.endLine = value;
      else if (key === 'sha') this.selectionSha = value;
      else if (key === 'link') this.link = value;
      else if (key === 'hash') this.selectionHash = value;
      else if (key === 'firstLine') this.firstLine = value;
      return;
    }
    switch (key) {
      case 'id':
        if ((this.id = plainText(value)) === undefined) this.fits = false;
        break;
      case 'date':
        this.date = plainText(value);
        if (this.date === undefined || !this.judge(this.date, isIsoDate)) this.fits = false;
        break;
      case 'kind':
        // The constants, not the text read: one string for every entry's kind.
        this.kind = value === 'commit' ? 'commit' : value === 'selection' ? 'selection' : value === 'note' ? 'note' : undefined;
        if (!this.kind) this.fits = false;
        break;
      case 'title':
        if ((this.title = plainText(value)) === undefined) this.fits = false;
        break;
      // One text for a list of one, as NodeReader.strings takes it.
      case 'dimensions':
        if (typeof value === 'string') this.dimensions = [value];
        else this.fits = false;
        break;
      case 'statements':
        if (typeof value === 'string') this.statements = [value];
        else this.fits = false;
        break;
      case 'level':
        if ((this.level = plainText(value)) === undefined) this.fits = false;
        break;
      case 'note':
        if (typeof value === 'boolean') this.fits = false;
        else this.note = String(value);
        break;
      case 'private':
        if (typeof value === 'boolean') this.isPrivate = value;
        else this.fits = false;
        break;
      default:
        this.fits = false; // a field this version does not know (the node reader keeps it), or a commit or selection that is not a mapping
    }
  }

  listStart(key: string): void {
    this.list.length = 0;
    this.listKey = key;
  }

  listItem(value: string): void {
    this.list.push(value);
  }

  listEnd(): void {
    // A copy of the exact size: an array grown by push holds room for 17 items, and a journal holds two lists per entry.
    const list = this.list.slice();
    if (this.listKey === 'dimensions') this.dimensions = list;
    else if (this.listKey === 'statements') this.statements = list;
    else this.fits = false;
  }

  mapStart(key: string): void {
    if (key === 'commit') this.hasCommit = true;
    else if (key === 'selection') this.hasSelection = true;
    else this.fits = false;
    this.parent = key === 'commit' || key === 'selection' ? key : undefined;
  }

  mapEnd(): void {
    this.parent = undefined;
  }

  finish(): Entry | undefined {
    const { id, date, kind, title, dimensions } = this;
    if (!this.fits || id === undefined || date === undefined || kind === undefined || title === undefined || dimensions === undefined) return undefined;
    const commit = this.hasCommit ? this.plainCommit() : undefined;
    const selection = this.hasSelection ? this.plainSelection() : undefined;
    if ((this.hasCommit && !commit) || (this.hasSelection && !selection)) return undefined;
    if ((kind === 'commit' && !commit) || (kind === 'selection' && !selection)) return undefined;
    // Told while the id is at hand: a pass over tens of thousands of ids afterwards finds each cold in memory.
    if (this.ids?.firstOr(id, 0) !== undefined) this.idUsedAgain = true;
    return entryOf({ id, date, kind, title, dimensions, level: this.level, commit, selection, note: this.note, statements: this.statements, isPrivate: this.isPrivate }, this.line);
  }

  /** `test(text)`, asked once per distinct text. */
  private judge(text: string, test: (text: string) => boolean): boolean {
    let verdicts = this.judged.get(test);
    if (!verdicts) this.judged.set(test, (verdicts = new Map()));
    let fits = verdicts.get(text);
    if (fits === undefined) verdicts.set(text, (fits = test(text)));
    return fits;
  }

  private plainCommit(): CommitRef | undefined {
    const { sha, repo, subject } = this;
    if (!isCommitSha(sha)) return undefined;
    if (repo !== undefined && (typeof repo !== 'string' || !this.judge(repo, isCleanUrl))) return undefined;
    if (typeof subject === 'boolean') return undefined;
    // Whole literals where the fields are known: a field added later costs each commit another object.
    if (repo !== undefined && subject !== undefined) return { sha, repo, subject: String(subject) };
    const commit: CommitRef = { sha };
    if (repo !== undefined) commit.repo = repo;
    if (subject !== undefined) commit.subject = String(subject);
    return commit;
  }

  private plainSelection(): SelectionRef | undefined {
    const { file, startLine, endLine, selectionSha: sha, link, selectionHash: hash, firstLine } = this;
    if (typeof file !== 'string' || typeof startLine !== 'number' || typeof endLine !== 'number' || !Number.isInteger(startLine) || !Number.isInteger(endLine)) return undefined;
    if (!this.judge(file, isPlainWorkspacePath) || startLine < 1 || endLine < startLine) return undefined;
    if (sha !== undefined && !isCommitSha(sha)) return undefined;
    if (link !== undefined && (typeof link !== 'string' || !this.judge(link, isCleanUrl))) return undefined;
    // The anchor as NodeReader reads it: the hash non-empty text, the first line any text.
    if (hash !== undefined && (typeof hash !== 'string' || hash.trim() === '')) return undefined;
    if (typeof firstLine === 'boolean') return undefined;
    if (sha !== undefined && link === undefined && hash === undefined && firstLine === undefined) return { file, startLine, endLine, sha };
    const selection: SelectionRef = { file, startLine, endLine };
    if (sha !== undefined) selection.sha = sha;
    if (link !== undefined) selection.link = link;
    if (hash !== undefined) selection.hash = hash;
    if (firstLine !== undefined) selection.firstLine = String(firstLine);
    return selection;
  }
}

/** A value the line reader reads (yaml's `Scalar` is the node that holds one). */
type ScalarValue = string | number | boolean;

const isIsoDate = (text: string) => parseIsoDate(text) !== undefined;
const isPlainWorkspacePath = (file: string) => file.trim() !== '' && workspacePath(file).ok;
const isCleanUrl = (url: string) => url.trim() !== '' && !hasCredentials(url);

/** Text that is not blank, as NodeReader.string and NodeReader.id take it. */
function plainText(value: ScalarValue): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function readDate(r: NodeReader, map: YAMLMap, what: string): string | undefined {
  const node = r.field(map, 'date', what, true);
  if (!node) return undefined;
  const value = isScalar(node) ? node.value : undefined;
  if (typeof value === 'string' && parseIsoDate(value)) return value;
  const shown = isScalar(node) ? `"${String(value)}"` : 'a non-date value';
  r.report(node, `${what} has date ${shown}, which is not a real calendar date. Write it as YYYY-MM-DD.`, 'bad-date', 'warning');
  return undefined;
}

function readText(r: NodeReader, map: YAMLMap, key: string, what: string): string | undefined {
  const node = r.field(map, key, what, false);
  if (!node) return undefined;
  if (isScalar(node) && (typeof node.value === 'string' || typeof node.value === 'number')) return String(node.value);
  r.report(node, `"${key}" of ${what} must be text.`, 'wrong-type');
  return undefined;
}

function readBoolean(r: NodeReader, map: YAMLMap, key: string, what: string): boolean {
  const node = r.field(map, key, what, false);
  if (!node) return false;
  if (isScalar(node) && typeof node.value === 'boolean') return node.value;
  r.report(node, `"${key}" of ${what} must be true or false.`, 'wrong-type');
  return false;
}

function readCommit(r: NodeReader, map: YAMLMap, what: string): CommitRef | undefined {
  const node = r.field(map, 'commit', what, false);
  const m = node && r.map(node, `"commit" of ${what}`);
  if (!m) return undefined;
  const sha = readSha(r, m, 'commit', what, true);
  if (sha === undefined) return undefined;
  const repo = r.string(m, 'repo', `"commit" of ${what}`, false);
  if (repo !== undefined) warnCredentials(r, m, 'repo', `"commit.repo" of ${what}`, repo);
  const subject = readText(r, m, 'subject', `"commit" of ${what}`);
  return { sha, ...(repo === undefined ? {} : { repo }), ...(subject === undefined ? {} : { subject }) };
}

/** A URL that carries user info or a query: the secret itself is never repeated in the message. */
function warnCredentials(r: NodeReader, map: YAMLMap, key: string, what: string, url: string): void {
  if (!hasCredentials(url)) return;
  r.report(entryField(map, key), `${what} carries a user name, password or token, or a query, which a journal people commit should not hold. Use the quick fix to remove it (the URL works without it).`, CREDENTIALS_CODE, 'warning');
}

/** The problem code of a URL with credentials in the journal: the quick fix looks for it. */
export const CREDENTIALS_CODE = 'credentials-in-url';

function readSelection(r: NodeReader, map: YAMLMap, what: string): SelectionRef | undefined {
  const node = r.field(map, 'selection', what, false);
  const m = node && r.map(node, `"selection" of ${what}`);
  if (!m) return undefined;
  const w = `"selection" of ${what}`;
  const file = r.string(m, 'file', w);
  const startLine = r.integer(m, 'startLine', w);
  const endLine = r.integer(m, 'endLine', w);
  if (file === undefined || startLine === undefined || endLine === undefined) return undefined;
  const path = workspacePath(file);
  if (!path.ok) {
    r.report(entryField(m, 'file'), `${w} has file ${quoted(file)}, ${path.reason}. Growth Journal opens only files inside the workspace: write the path relative to the workspace folder, with / between folders.`, 'path-outside-workspace', 'warning');
  }
  if (startLine < 1 || endLine < startLine) r.report(m, `${w} has lines ${startLine}-${endLine}; lines start at 1 and end after they start.`, 'bad-lines');
  const sha = readSha(r, m, 'selection', what, false);
  const link = r.string(m, 'link', w, false);
  if (link !== undefined) warnCredentials(r, m, 'link', `"selection.link" of ${what}`, link);
  const hash = r.string(m, 'hash', w, false);
  const firstLine = readText(r, m, 'firstLine', w);
  return { file, startLine, endLine, ...(sha === undefined ? {} : { sha }), ...(link === undefined ? {} : { link }), ...(hash === undefined ? {} : { hash }), ...(firstLine === undefined ? {} : { firstLine }) };
}

/**
 * A commit hash as the journal holds it, or undefined after an error at its place: only a
 * value that passes isCommitSha ever reaches the model, and so git.
 */
function readSha(r: NodeReader, m: YAMLMap, parent: 'commit' | 'selection', what: string, required: boolean): string | undefined {
  const node = r.field(m, 'sha', `"${parent}" of ${what}`, required);
  if (!node) return undefined;
  // YAML reads an all-digit hash as a number, losing digits: judge the text as written.
  const value = isScalar(node) && typeof node.value === 'number' && node.range ? r.source.text.slice(node.range[0], node.range[1]) : isScalar(node) ? node.value : undefined;
  if (isCommitSha(value)) return value;
  const written = typeof value === 'string' ? ` is ${quoted(value)}, which` : '';
  r.report(node, `"${parent}.sha" of ${what}${written} is not a commit hash. Write the hash git shows: 7 to 64 hex digits (0-9, a-f).`, 'bad-sha');
  return undefined;
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
