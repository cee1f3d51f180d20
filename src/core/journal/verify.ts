import { isMap, isScalar, Lexer, type Node, type YAMLMap } from 'yaml';
import { type Entry, type EntryData, type JournalParse } from './model';
import { type Profile } from './profile';
import { type CommitRelink, type JournalOp } from './ops';
import { entryWithoutCredentials } from './credentials';
import { entryLinesSpan, entryWithChanges } from './edit';
import { switchRecordValue } from './switchHistory';
import { entryAfterSwitch } from './rubricSwitch';
import { canonicalJson } from '../text/strings';

/**
 * Why `after` is not exactly `op` applied to `before`, or undefined when it is. Compares what
 * the journal means, not its text: the edit functions only change text in place, and this
 * catches an edit that would make the rest read differently (a key swallowed by a block
 * value, an item joined to its neighbour, a comment turned into text).
 */
export function verifyChange(before: JournalParse, after: JournalParse, op: JournalOp, added: readonly EntryData[]): string | undefined {
  if (!before.journal) return 'the journal did not parse before the change.';
  if (!after.journal) {
    const e = after.problems.find((p) => p.severity === 'error');
    return `the new text would not parse${e?.line ? ` (line ${e.line}, column ${e.column}: ${e.message})` : ''}.`;
  }
  const errorsBefore = new Set(before.problems.filter((p) => p.severity === 'error').map((p) => `${p.code}|${p.message}`));
  const newError = after.problems.find((p) => p.severity === 'error' && !errorsBefore.has(`${p.code}|${p.message}`));
  if (newError) return `it would add an error at line ${newError.line}, column ${newError.column}: ${newError.message}`;
  if (after.journal.version !== before.journal.version) return 'the version would change.';
  if (after.journal.rubric !== (op.kind === 'rubric' ? op.rubric : before.journal.rubric)) return op.kind === 'rubric' ? 'the rubric would not read as intended.' : 'the rubric would change.';

  const expectedProfile = op.kind === 'profile' ? { ...before.journal.profile, ...op.profile } : op.kind === 'rubric' ? { ...mapProfile(before.journal.profile, op.levels), ...op.profile } : before.journal.profile;
  if (canonicalJson(after.journal.profile) !== canonicalJson(expectedProfile)) return 'the profile would not read as intended.';
  const otherRoot = (p: JournalParse) => otherKeys(p, p.source?.doc.contents, ['entries', ...(op.kind === 'profile' ? ['profile'] : []), ...(op.kind === 'rubric' ? ['rubric', 'profile', 'rubricHistory'] : [])]);
  if (otherRoot(after) !== otherRoot(before)) return 'a top-level key other than the ones changed would read differently.';
  if (op.kind === 'rubric') {
    // The records before stay as they were; the switch adds its own at the end, or a switch back takes the last ones off (with, in their place, the cited statements it keeps).
    const records = (p: JournalParse) => {
      const node = isMap(p.source?.doc.contents) ? (p.source.doc.contents as YAMLMap).get('rubricHistory', true) : undefined;
      const value: unknown = (node as Node | undefined)?.toJS(p.source!.doc) ?? [];
      return Array.isArray(value) ? value : [value];
    };
    const was = records(before);
    const dropped = op.history && 'drop' in op.history ? op.history.drop : 0;
    if (dropped > was.length) return 'there is no such recorded switch to take off.';
    const then = op.history && 'drop' in op.history && op.history.then ? [switchRecordValue(op.history.then)] : [];
    const expected = dropped ? [...was.slice(0, was.length - dropped), ...then] : op.history && !('drop' in op.history) ? [...was, switchRecordValue(op.history)] : was;
    if (canonicalJson(records(after)) !== canonicalJson(expected)) return 'the rubric history would not read as intended.';
  }
  if (op.kind === 'profile' || op.kind === 'rubric') {
    const profileRest = (p: JournalParse) => otherKeys(p, isMap(p.source?.doc.contents) ? (p.source.doc.contents as YAMLMap).get('profile', true) : undefined, ['currentLevel', 'targetLevel']);
    if (profileRest(after) !== profileRest(before)) return 'a key of the profile other than the levels would read differently.';
  }

  const removed = new Set(op.kind === 'remove' ? op.ids : []);
  const kept = before.journal.entries.filter((e) => !removed.has(e.id));
  const expected: (Entry | EntryData)[] =
    op.kind === 'redact' ? kept.map(entryWithoutCredentials) : op.kind === 'rubric' ? kept.map((e) => entryAfterSwitch(e, op)) : op.kind === 'amend' ? kept.map((e) => (e.id === op.id ? amended(e, op.addDimensions) : e))
      : op.kind === 'repoint' ? kept.map((e) => (e.id === op.id ? repointed(e, op.from, op.to) : e))
      : op.kind === 'edit' ? kept.map((e) => (e.id === op.id ? entryWithChanges(e, op.changes) : e))
      : op.kind === 'reanchor' ? kept.map((e) => (e.id === op.id && e.selection ? { ...e, selection: { ...e.selection, ...definedOnly(op.selection) } } : e))
      : op.kind === 'relink' ? kept.map((e) => relinked(e, op.links))
      : kept;
  if (op.kind === 'edit') {
    const wrongText = editedOnlyEntryText(before, after, op.id);
    if (wrongText) return wrongText;
  }
  if (op.kind === 'remove' && expected.length !== before.journal.entries.length - removed.size) return 'an entry to remove is not in the journal.';
  if (op.kind === 'restore') {
    // The restored entry is the user's own lines, back: it must be the one new entry, where it was.
    const ids = new Set(before.journal.entries.map((e) => e.id));
    const back = after.journal.entries.filter((e) => !ids.has(e.id));
    if (back.length !== 1) return 'the removed entry would not come back as one entry.';
    const at = op.removed.afterId === undefined ? 0 : expected.findIndex((e) => e.id === op.removed.afterId) + 1;
    if (at < 0 || (op.removed.afterId !== undefined && at === 0)) return 'the entry the removed one followed is gone.';
    expected.splice(at, 0, back[0]);
  }
  expected.push(...added);
  const actual = after.journal.entries;
  if (actual.length !== expected.length) return `the journal would hold ${actual.length} entries instead of ${expected.length}.`;
  for (let i = 0; i < actual.length; i++) {
    // Entries the change did not touch are often the very objects of the earlier parse.
    if (actual[i] === expected[i] || sameEntry(actual[i], expected[i])) continue;
    return `entry "${expected[i].id}" would read differently.`;
  }
  return undefined;
}

/**
 * Why an edit of entry `id` changed text outside that entry's lines, or a comment inside them
 * (meaning alone cannot tell: comments are not part of it), or undefined when it did neither.
 */
function editedOnlyEntryText(before: JournalParse, after: JournalParse, id: string): string | undefined {
  const index = before.journal!.entries.findIndex((e) => e.id === id);
  if (index < 0) return `no entry "${id}" is in the journal.`;
  const old = before.source!.text;
  const now = after.source!.text;
  const { start, end } = entryLinesSpan(before, index);
  const newEnd = end + now.length - old.length;
  if (newEnd < start || now.slice(0, start) !== old.slice(0, start) || now.slice(newEnd) !== old.slice(end)) return 'text outside the entry would change.';
  const a = comments(old.slice(start, end));
  const b = comments(now.slice(start, newEnd));
  if (a.length !== b.length || a.some((c, i) => c !== b[i])) return `a comment in entry "${id}" would change or go; change that entry by hand.`;
  return undefined;
}

/** The comments of a piece of YAML, in order, as the `yaml` lexer reads them (not a `#` inside a value). */
function comments(yaml: string): string[] {
  const found: string[] = [];
  let previous = '';
  for (const token of new Lexer().lex(yaml)) {
    // A scalar's text follows the \x1f marker: a block scalar's lines may start with `#`.
    if (token.startsWith('#') && previous !== '\x1f') found.push(token);
    previous = token;
  }
  return found;
}

function amended(e: Entry, add: readonly string[]): Entry {
  return { ...e, dimensions: [...e.dimensions, ...add.filter((d, i) => !e.dimensions.includes(d) && add.indexOf(d) === i)] };
}

/** The entry with its first citation of `from` naming `to`: the one scalar the edit replaces. */
function repointed(e: Entry, from: string, to: string): Entry {
  const statements = [...(e.statements ?? [])];
  const at = statements.indexOf(from);
  if (at >= 0) statements[at] = to;
  return { ...e, statements };
}

/** The entry citing the commit a relink names, citing its successor instead. */
function relinked(e: Entry, links: readonly CommitRelink[]): Entry {
  const link = e.commit && links.find((l) => l.id === e.id && l.from === e.commit!.sha);
  return link ? { ...e, commit: { ...e.commit!, sha: link.to } } : e;
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

const mapped = (map: Readonly<Record<string, string>>, id: string) => (Object.hasOwn(map, id) ? map[id] : id);

function mapProfile(profile: Profile, levels: Readonly<Record<string, string>>): Profile {
  return Object.fromEntries(Object.entries(profile).map(([k, v]) => [k, typeof v === 'string' ? mapped(levels, v) : v]));
}

function sameEntry(a: Entry, b: Entry | EntryData): boolean {
  const { line: _a, ...restA } = a;
  const { line: _b, ...restB } = b as Entry;
  return canonicalJson(restA) === canonicalJson(restB);
}

/** The other keys of a mapping as canonical JSON, to compare what they say. An absent or null mapping has none. */
function otherKeys(parse: JournalParse, node: unknown, skip: readonly string[]): string {
  const doc = parse.source?.doc;
  if (!doc || node == null || (isScalar(node) && node.value === null)) return '{}';
  if (!isMap(node)) return json((node as Node).toJS(doc));
  const rest: Record<string, unknown> = {};
  for (const pair of node.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : json(pair.key);
    if (!skip.includes(key)) rest[key] = (pair.value as Node | null)?.toJS(doc) ?? null;
  }
  return canonicalJson(rest);
}

function json(value: unknown): string {
  return JSON.stringify(value) ?? 'undefined';
}
