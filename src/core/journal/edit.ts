import { isMap, isPair, isScalar, isSeq, parse as parseYamlValue, type Node, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import { parseJournal, type EntryData, type JournalParse } from './model';
import { type Profile } from './profile';
import { readableScalar, switchRecordYaml, type SwitchRecord } from './switchHistory';
import { hasCredentials, withoutCredentials } from '../git/remoteUrl';
import { isCommitSha } from '../git/commitSha';
import { canonicalJson, textShape } from '../text/strings';
import { lineEndOf, lineStartOf, nextLineStartOf } from '../text/lines';
import { applyEdit, type TextEdit } from '../text/textEdit';
import { pairOf } from '../yaml/source';
import { ENTRY, writtenValue, type Fields } from './fields';
import { type FieldType, type WriteHow } from './fieldTypes';
import { yamlFlowScalar, yamlLiteralBlock, yamlQuoted, yamlScalar } from '../yaml/scalars';

export class JournalEditError extends Error {
  constructor(message: string, readonly line?: number) {
    super(message);
    this.name = 'JournalEditError';
  }
}

type ParsedJournal = Extract<JournalParse, { source: object }>;

function requireParsed(parse: JournalParse): ParsedJournal {
  if (!parse.source) {
    const first = parse.problems[0];
    throw new JournalEditError(`The journal has errors, so it was left untouched${first?.line ? ` (line ${first.line}, column ${first.column}: ${first.message})` : ''}.`, first?.line);
  }
  return parse;
}

/**
 * The edit that appends `entry` to a parsed journal. It only inserts text: comments, order,
 * quoting, line endings, a BOM and a missing final newline all stay as the user left them.
 */
export function appendEntryEdit(parse: JournalParse, entry: EntryData): TextEdit {
  return appendEntriesEdit(parse, [entry]);
}

/** Appends several entries in one edit, in order (an import of many commits writes once). */
export function appendEntriesEdit(parse: JournalParse, entries: readonly EntryData[]): TextEdit {
  if (entries.length === 0) throw new JournalEditError('Nothing to append.');
  const { source } = requireParsed(parse);
  const { text } = source;
  const { eol } = textShape(text);
  const root = blockRoot(source.doc.contents, 'add entries');
  const pair = pairOf(root, 'entries');
  const value = pair?.value as Node | null | undefined;

  if (!pair) return addRootKey(text, root, `entries:`, formatEntries(entries, rootIndent(text, root) + 2, eol), eol);
  const keyColumn = column(text, (pair.key as Node).range![0]);
  if (value == null || (isScalar(value) && value.value === null) || (isSeq(value) && value.flow && value.items.length === 0 && isBareEmptyFlow(text, value))) {
    // `entries:`, `entries: ~` or `entries: []`: the first item turns it into a block list.
    const item = formatEntries(entries, keyColumn + 2, eol);
    const valueEnd = value?.range ? value.range[1] : (pair.key as Node).range![1];
    let start = value?.range ? value.range[0] : valueEnd;
    while (text[start - 1] === ' ' || text[start - 1] === '\t') start--;
    const lineEnd = lineEndOf(text, valueEnd);
    const rest = text.slice(valueEnd, lineEnd);
    return { offset: start, deleteCount: lineEnd - start, insert: `${rest}${eol}${item}` };
  }
  if (!isSeq(value)) throw new JournalEditError('"entries" in the journal is not a list.', source.lines.position(value.range![0]).line);
  if (value.flow) return { offset: flowInsertionPoint(text, value), deleteCount: 0, insert: flowItems(text, value, entries.map((e) => JSON.stringify(entryForFlow(e)))) };
  const last = value.items[value.items.length - 1] as Node;
  const dashColumn = column(text, value.range![0]);
  const keyIndent = isMap(last) ? column(text, last.range![0]) : dashColumn + 2;
  const item = formatEntries(entries, keyIndent, eol, dashColumn);
  return insertLinesAfter(text, last.range![1], item, eol);
}

/** The edit that removes the entry with `id`, its lines and nothing else. */
export function removeEntryEdit(parse: JournalParse, id: string): TextEdit {
  const p = requireParsed(parse);
  const index = p.journal.entries.findIndex((e) => e.id === id);
  if (index < 0) throw new JournalEditError(`No entry with id "${id}" is in the journal.`);
  // Two entries with one id is the journal's own error (validate reports it): which one to remove is the user's call.
  const twins = p.journal.entries.filter((e) => e.id === id);
  if (twins.length > 1) throw new JournalEditError(`${twins.length} entries have the id "${id}" (lines ${twins.map((e) => e.line).join(', ').replace(/, (\d+)$/, ' and $1')}); give each its own id in the journal, then remove the one you mean.`, p.journal.entries[index].line);
  const node = p.entryNodes[index];
  const { text } = p.source;
  const entries = pairOf(p.source.doc.contents as YAMLMap, 'entries')?.value;
  if (!isSeq(entries) || entries.flow) throw new JournalEditError('"entries" is written in flow style ([ ... ]); remove the entry by hand.', p.journal.entries[index].line);
  const start = itemStart(text, node.range![0]);
  if (start === undefined) throw new JournalEditError(`Growth Journal could not tell where entry "${id}" starts; remove it by hand.`, p.journal.entries[index].line);
  const stop = itemLinesEnd(text, entries, node, start);
  return { offset: start, deleteCount: stop - start, insert: '' };
}

/**
 * Where the lines of `item` (a list item starting at `start`) end: after its last line of
 * content, and the comments indented into it just below. `yaml` stretches an item's range over
 * the comments and blank lines after it, sometimes into the next item's indentation; a comment
 * at or left of the item's dash is a heading for what follows, and stays.
 */
function itemLinesEnd(text: string, seq: YAMLSeq, item: Node, start: number): number {
  const dash = /^[ \t]*/.exec(text.slice(start, start + 200))![0].length;
  const following = seq.items[seq.items.indexOf(item) + 1] as Node | undefined;
  const rangeEnd = item.range![1];
  const bound = Math.min(rangeEnd > 0 && text[rangeEnd - 1] === '\n' ? rangeEnd : nextLineStartOf(text, rangeEnd), (following?.range && itemStart(text, following.range[0])) ?? text.length);
  let at = nextLineStartOf(text, start);
  let end = Math.min(at, bound);
  let attached = true;
  while (at < bound) {
    const next = Math.min(nextLineStartOf(text, at), bound);
    const line = text.slice(at, lineEndOf(text, at));
    const indent = /^[ \t]*/.exec(line)![0].length;
    if (indent === line.length) {
      // A blank line belongs to the item only if more of it follows.
    } else if (line[indent] === '#') {
      if (attached && indent > dash) end = next;
      else attached = false;
    } else {
      end = next;
      attached = true;
    }
    at = next;
  }
  return end;
}

/**
 * The edit that adds dimensions to an existing entry's `dimensions`, in the style it is written
 * (`[a, b]`, a block list, or a single id), touching nothing else. Refuses, with a reason, any
 * shape it cannot extend so that the entry reads back exactly as before plus the new ids.
 */
export function addDimensionsEdit(parse: JournalParse, id: string, add: readonly string[]): TextEdit {
  const p = requireParsed(parse);
  const index = p.journal.entries.findIndex((e) => e.id === id);
  if (index < 0) throw new JournalEditError(`No entry with id "${id}" is in the journal.`);
  const entry = p.journal.entries[index];
  const fresh = [...new Set(add)].filter((d) => !entry.dimensions.includes(d));
  if (fresh.length === 0) throw new JournalEditError(`Entry "${id}" already has ${add.length === 1 ? 'that dimension' : 'those dimensions'}.`, entry.line);
  const map = p.entryNodes[index];
  const { text } = p.source;
  const byHand = (why: string) => new JournalEditError(`Entry "${id}" ${why}; add the dimensions to it by hand.`, entry.line);
  if (map.flow) throw byHand('is written in flow style ({ ... })');
  const value = pairOf(map, 'dimensions')?.value as Node | null | undefined;
  if (!value?.range || (isScalar(value) && value.value === null)) throw byHand('has no "dimensions" list');
  let edit: TextEdit;
  if (isSeq(value) && value.flow) {
    const last = value.items.at(-1) as Node | undefined;
    const items = fresh.map(yamlFlowScalar).join(', ');
    edit = last?.range ? { offset: last.range[1], deleteCount: 0, insert: `, ${items}` } : { offset: text.indexOf('[', value.range[0]) + 1, deleteCount: 0, insert: items };
  } else if (isSeq(value)) {
    const last = value.items.at(-1) as Node;
    const dash = ' '.repeat(column(text, value.range[0]));
    const { eol } = textShape(text);
    const lines = fresh.map((d) => `${dash}- ${yamlFlowScalar(d)}`).join(eol);
    const end = last.range![1];
    edit = end > 0 && text[end - 1] === '\n' ? { offset: end, deleteCount: 0, insert: `${lines}${eol}` } : { offset: lineEndOf(text, end), deleteCount: 0, insert: `${eol}${lines}` };
  } else if (isScalar(value) && !/[\r\n]/.test(text.slice(value.range[0], value.range[1]))) {
    edit = { offset: value.range[0], deleteCount: value.range[1] - value.range[0], insert: `[${text.slice(value.range[0], value.range[1])}, ${fresh.map(yamlFlowScalar).join(', ')}]` };
  } else throw byHand('has "dimensions" in a form Growth Journal does not extend');
  // Read the edited entry back on its own: everything as before, the dimensions one list longer.
  const start = lineStart(text, map.range![0]);
  const stop = map.range![1] > 0 && text[map.range![1] - 1] === '\n' ? map.range![1] : nextLineStartOf(text, map.range![1]);
  const item = applyEdit(text.slice(start, stop), { ...edit, offset: edit.offset - start });
  const expected = { ...(map.toJSON() as Record<string, unknown>), dimensions: [...entry.dimensions, ...fresh] };
  if (!readsBackAsValue(item, expected)) throw byHand('could not be extended so that it reads back exactly');
  return edit;
}

/**
 * The edit that re-points one cited statement of an entry: the ref `from`, as written in its
 * `statements`, becomes `to` (a ref with the fingerprint of the statement it now names). Only
 * that scalar changes; a block scalar or an entry without that ref is refused.
 */
export function repointStatementEdit(parse: JournalParse, id: string, from: string, to: string): TextEdit {
  const p = requireParsed(parse);
  const index = p.journal.entries.findIndex((e) => e.id === id);
  if (index < 0) throw new JournalEditError(`No entry with id "${id}" is in the journal.`);
  const entry = p.journal.entries[index];
  const value = pairOf(p.entryNodes[index], 'statements')?.value;
  const items = isSeq(value) ? value.items : [value];
  const node = items.find((n) => isScalar(n) && n.value === from) as Node | undefined;
  if (!node?.range) throw new JournalEditError(`Entry "${id}" does not cite "${from}".`, entry.line);
  if (isScalar(node) && (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED')) throw new JournalEditError(`Entry "${id}" cites "${from}" as a block scalar; change it by hand.`, entry.line);
  return { offset: node.range[0], deleteCount: node.range[1] - node.range[0], insert: yamlFlowScalar(to) };
}

/**
 * New values for an entry's fields: a field left out stays as it is; `null` (and an empty
 * `statements`, and `private: false` where the key is absent) means no such key.
 */
export interface EntryChanges {
  title?: string;
  /** The entry's details. */
  note?: string | null;
  dimensions?: string[];
  level?: string | null;
  statements?: string[] | null;
  private?: boolean;
}

const EDITABLE_KEYS = ['title', 'level', 'note', 'dimensions', 'statements', 'private'] as const;

/** The entry as it reads after `changes`: what verify.ts expects an edit to leave. */
export function entryWithChanges<E extends EntryData>(entry: E, changes: EntryChanges): E {
  const out = { ...entry } as Record<string, unknown>;
  for (const key of EDITABLE_KEYS) {
    const value = changes[key];
    if (value === undefined) continue;
    const absent = value === null || value === false || (key === 'statements' && Array.isArray(value) && value.length === 0);
    if (absent) delete out[key];
    else out[key] = Array.isArray(value) ? [...value] : value;
  }
  return out as E;
}

/** The changes that give back `entry`'s values for the fields `changes` sets: an edit's Undo. */
export function undoChanges(entry: EntryData, changes: EntryChanges): EntryChanges {
  const undo: Record<string, unknown> = {};
  for (const key of EDITABLE_KEYS) {
    if (changes[key] === undefined) continue;
    const old = entry[key];
    undo[key] = key === 'private' ? !!old : old === undefined ? null : Array.isArray(old) ? [...old] : old;
  }
  return undo as EntryChanges;
}

/** The index of the one entry with `id`; an id that is missing or used twice is refused by name. */
function entryIndexOf(parse: JournalParse, id: string): number {
  const p = requireParsed(parse);
  const index = p.journal.entries.findIndex((e) => e.id === id);
  if (index < 0) throw new JournalEditError(`No entry with id "${id}" is in the journal.`);
  const again = p.journal.entries.findIndex((e, i) => i > index && e.id === id);
  if (again >= 0) throw new JournalEditError(`The id "${id}" is used by more than one entry (lines ${p.journal.entries[index].line} and ${p.journal.entries[again].line}); give each its own id first, so the change goes to the right one.`, p.journal.entries[again].line);
  return index;
}

/**
 * Edits that change an entry's fields where they stand, value by value: the rest of its lines
 * (comments, quoting, key order, keys this version does not know) and every other entry stay
 * as they were. New keys go after the entry's last line; a removed key takes its own lines.
 */
export function editEntryEdits(parse: JournalParse, id: string, changes: EntryChanges): TextEdit[] {
  const p = requireParsed(parse);
  const index = entryIndexOf(parse, id);
  const entry = p.journal.entries[index];
  const map = p.entryNodes[index];
  const { text } = p.source;
  const { eol } = textShape(text);
  const byHand = (why: string) => new JournalEditError(`Entry "${id}" ${why}; change it by hand.`, entry.line);
  if (changes.dimensions?.length === 0) throw new JournalEditError(`Entry "${id}" needs at least one dimension.`, entry.line);
  const firstKey = map.items[0]?.key as Node | undefined;
  if (!firstKey?.range) throw byHand('has no keys Growth Journal can place');
  const pad = ' '.repeat(column(text, firstKey.range[0]));
  const edits: TextEdit[] = [];
  const added: string[] = [];
  for (const key of EDITABLE_KEYS) {
    const value = changes[key];
    if (value === undefined) continue;
    const pair = pairOf(map, key);
    const node = pair?.value as Node | null | undefined;
    // Public takes `private: true` out, unless a comment shares its line: then it reads `private: false`.
    const trailing = node?.range ? text.slice(node.range[1], lineEndOf(text, node.range[1])).trim() : '';
    const absent = value === null || (Array.isArray(value) && value.length === 0) || (value === false && isScalar(node) && node.value === true && trailing === '' && !map.flow);
    if (absent) {
      if (pair) edits.push(removePairEdit(text, map, pair, byHand));
      continue;
    }
    // Public is what an entry without `private: true` is.
    if (typeof value === 'boolean' && (isScalar(node) ? node.value === value || (!value && node.value !== true) : !value)) continue;
    if (typeof value === 'string' && isScalar(node) && node.value === value) continue;
    const listed = Array.isArray(value) ? value : undefined;
    if (node?.range && !(isScalar(node) && node.value === null)) {
      if (listed) edits.push(...listEdits(text, node, listed, eol, byHand));
      else edits.push(scalarEdit(text, node, typeof value === 'boolean' ? String(value) : scalarText(text, node.range[1], value as string, map.flow, pad, eol, key === 'note'), eol, byHand));
      continue;
    }
    const written = listed ? `[${listed.map(yamlFlowScalar).join(', ')}]` : typeof value === 'boolean' ? String(value) : undefined;
    if (pair) {
      // `key:` with no value: the value goes after the colon, and a comment there stays after it.
      const colon = text.indexOf(':', (pair.key as Node).range![1]);
      edits.push({ offset: colon + 1, deleteCount: 0, insert: ` ${written ?? scalarText(text, colon + 1, value as string, map.flow, pad, eol, key === 'note')}` });
      continue;
    }
    if (map.flow) throw byHand('is written in flow style ({ ... })');
    added.push(`${pad}${key}: ${written ?? (key === 'note' ? (yamlLiteralBlock(value as string, pad + '  ', eol) ?? yamlQuoted(value as string)) : yamlScalar(value as string))}`);
  }
  if (added.length > 0) edits.push(insertLinesAfter(text, contentEnd(map), added.join(eol), eol));
  if (edits.length === 0) throw new JournalEditError(`Entry "${id}" already reads that way: nothing to change.`, entry.line);
  // Later offsets first, so each edit's offsets stay valid as the others apply.
  return edits.sort((a, b) => b.offset - a.offset);
}

/** Where an entry's lines start and end (after its last line's break): the region an edit of it may change. */
export function entryLinesSpan(parse: JournalParse, index: number): { start: number; end: number } {
  const p = requireParsed(parse);
  const { text } = p.source;
  const map = p.entryNodes[index];
  const end = contentEnd(map);
  return { start: lineStart(text, map.range![0]), end: end > 0 && text[end - 1] === '\n' ? end : nextLineStartOf(text, end) };
}

/** Where a node's last content ends: a block collection's range may run on over comments after it. */
function contentEnd(node: Node): number {
  if (isMap(node) && !node.flow && node.items.length > 0) {
    const last = node.items[node.items.length - 1];
    return contentEnd((last.value as Node | null) ?? (last.key as Node));
  }
  if (isSeq(node) && !node.flow && node.items.length > 0) return contentEnd(node.items[node.items.length - 1] as Node);
  return node.range![1];
}

/**
 * A scalar as it will stand after `offset`: in a flow mapping flow-safe; a note as Growth Journal
 * writes notes, several lines as a literal block unless a comment follows on its line (it would
 * become part of the block).
 */
function scalarText(text: string, offset: number, value: string, flow: boolean | undefined, pad: string, eol: string, isNote: boolean): string {
  if (flow) return yamlFlowScalar(value);
  if (!isNote) return yamlScalar(value);
  // A block scalar's range ends after its last line: nothing follows it on that line.
  const restOfLine = text[offset - 1] === '\n' ? '' : text.slice(offset, lineEndOf(text, offset));
  return (restOfLine.trim() === '' ? yamlLiteralBlock(value, pad + '  ', eol) : undefined) ?? yamlQuoted(value);
}

/** Replaces a scalar value; a block scalar's range ends after its line break, which stays. */
function scalarEdit(text: string, node: Node, written: string, eol: string, byHand: (why: string) => Error): TextEdit {
  if (!isScalar(node)) throw byHand('holds a list or a mapping where a single value belongs');
  const [start, end] = node.range!;
  const replaced = text.slice(start, end);
  return { offset: start, deleteCount: end - start, insert: written + (/\n$/.test(replaced) ? eol : '') };
}

/**
 * Edits that make a list read `items`, item by item: an item that stays keeps its text (and its
 * comment), a changed one is replaced, new ones go after the last, surplus ones are taken out.
 */
function listEdits(text: string, node: Node, items: readonly string[], eol: string, byHand: (why: string) => Error): TextEdit[] {
  if (isScalar(node) && typeof node.value === 'string' && !/[\r\n]/.test(text.slice(node.range![0], node.range![1]))) {
    return [{ offset: node.range![0], deleteCount: node.range![1] - node.range![0], insert: `[${items.map(yamlFlowScalar).join(', ')}]` }];
  }
  if (!isSeq(node)) throw byHand('has a list written in a form Growth Journal does not change');
  const old = node.items as Node[];
  if (old.some((n) => !isScalar(n) || !n.range || n.type === 'BLOCK_LITERAL' || n.type === 'BLOCK_FOLDED')) throw byHand('has a list item that is not a single value');
  const edits: TextEdit[] = [];
  for (let i = 0; i < Math.min(old.length, items.length); i++) {
    if ((old[i] as Scalar).value !== items[i]) edits.push({ offset: old[i].range![0], deleteCount: old[i].range![1] - old[i].range![0], insert: yamlFlowScalar(items[i]) });
  }
  const last = old[old.length - 1];
  if (items.length > old.length) {
    const fresh = items.slice(old.length);
    if (node.flow) edits.push(last ? { offset: last.range![1], deleteCount: 0, insert: `, ${fresh.map(yamlFlowScalar).join(', ')}` } : { offset: text.indexOf('[', node.range![0]) + 1, deleteCount: 0, insert: fresh.map(yamlFlowScalar).join(', ') });
    else {
      const dash = ' '.repeat(column(text, node.range![0]));
      edits.push(insertLinesAfter(text, last.range![1], fresh.map((d) => `${dash}- ${yamlFlowScalar(d)}`).join(eol), eol));
    }
  } else if (items.length < old.length) {
    const keptLast = old[items.length - 1];
    if (node.flow) edits.push({ offset: keptLast.range![1], deleteCount: last.range![1] - keptLast.range![1], insert: '' });
    else {
      const from = lineStart(text, old[items.length].range![0]);
      const to = nextLineStartOf(text, last.range![1]);
      if (!/^[ \t]*-[ \t]/.test(text.slice(from, old[items.length].range![0]))) throw byHand('has a list item Growth Journal cannot take out on its own');
      edits.push({ offset: from, deleteCount: to - from, insert: '' });
    }
  }
  return edits;
}

/** The edit that takes a key and its value out of an entry: whole lines, never the entry's first. */
function removePairEdit(text: string, map: YAMLMap, pair: Pair, byHand: (why: string) => Error): TextEdit {
  if (map.flow) throw byHand('is written in flow style ({ ... })');
  const keyStart = (pair.key as Node).range![0];
  const from = lineStart(text, keyStart);
  if (!/^[ \t]*$/.test(text.slice(from, keyStart))) throw byHand(`has "${String((pair.key as Scalar).value)}" where it cannot be taken out on its own line`);
  const end = contentEnd((pair.value as Node | null) ?? (pair.key as Node));
  const to = end > 0 && text[end - 1] === '\n' ? end : nextLineStartOf(text, end);
  return { offset: from, deleteCount: to - from, insert: '' };
}

/**
 * Edits that set keys of one entry's `commit` or `selection` mapping, scalar by scalar: a key
 * there gets its value replaced, a key not there is added after the mapping's last key. Every
 * other key, comment and quote stays; a value written as a block scalar is refused.
 */
export function setNestedScalarsEdits(parse: JournalParse, id: string, parent: 'commit' | 'selection', values: Readonly<Record<string, string | number | undefined>>): TextEdit[] {
  const p = requireParsed(parse);
  const index = p.journal.entries.findIndex((e) => e.id === id);
  if (index < 0) throw new JournalEditError(`No entry with id "${id}" is in the journal.`);
  const entry = p.journal.entries[index];
  const { text } = p.source;
  const { eol } = textShape(text);
  const map = pairOf(p.entryNodes[index], parent)?.value;
  if (!isMap(map) || !map.range) throw new JournalEditError(`Entry "${id}" has no "${parent}" mapping to change.`, entry.line);
  // A hash stays plain as git shows it, unless YAML would read it as a number (all digits, or digits e digits).
  const plainSha = (value: string) => isCommitSha(value) && /[a-f]/i.test(value) && !/^\d+e\d+$/i.test(value);
  const written = (key: string, value: string | number) => (typeof value === 'number' ? String(value) : key === 'sha' && plainSha(value) ? value : key === 'firstLine' || key === 'link' ? yamlQuoted(value) : yamlScalar(value));
  const edits: TextEdit[] = [];
  const missing: [string, string | number][] = [];
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) continue;
    const pair = pairOf(map, key);
    const node = pair?.value as Node | null | undefined;
    if (!pair) missing.push([key, value]);
    else if (!isScalar(node) || !node.range || node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') throw new JournalEditError(`"${parent}.${key}" of entry "${id}" is not written as one plain value; change it by hand.`, entry.line);
    else edits.push({ offset: node.range[0], deleteCount: node.range[1] - node.range[0], insert: written(key, value) });
  }
  if (missing.length > 0) {
    if (map.flow) edits.push({ offset: flowInsertionPoint(text, map), deleteCount: 0, insert: flowItems(text, map, missing.map(([k, v]) => `${k}: ${typeof v === 'number' ? String(v) : yamlQuoted(v)}`)) });
    else {
      const last = map.items[map.items.length - 1];
      const indent = ' '.repeat(column(text, (map.items[0].key as Node).range![0]));
      const end = ((last.value as Node | null)?.range ?? (last.key as Node).range!)[1];
      edits.push(insertLinesAfter(text, end, missing.map(([k, v]) => `${indent}${k}: ${written(k, v)}`).join(eol), eol));
    }
  }
  // Later offsets first, so each edit's offsets stay valid as the others apply.
  return edits.sort((a, b) => b.offset - a.offset);
}

/** An entry's own lines, as removeEntryEdit took them out, and the entry they followed. */
export interface RemovedEntry {
  text: string;
  afterId?: string;
}

/** The lines `removeEntryEdit` would take out, and the id of the entry before them, for Undo. */
export function removedEntry(parse: JournalParse, id: string): RemovedEntry {
  const p = requireParsed(parse);
  const edit = removeEntryEdit(parse, id);
  const index = p.journal.entries.findIndex((e) => e.id === id);
  const before = p.journal.entries[index - 1];
  return { text: p.source.text.slice(edit.offset, edit.offset + edit.deleteCount), ...(before ? { afterId: before.id } : {}) };
}

/**
 * Undo of a removal: puts an entry's lines back, byte for byte, after the entry they followed
 * (or first in the list). Refuses when that entry is gone or the id is back in the journal.
 */
export function restoreEntryEdit(parse: JournalParse, removed: RemovedEntry): TextEdit {
  const p = requireParsed(parse);
  const { text } = p.source;
  const { eol } = textShape(text);
  const restored = parseJournal(`entries:${eol}${removed.text}`).journal?.entries[0];
  if (!restored) throw new JournalEditError('The removed entry could not be read back, so it was not restored.');
  if (p.journal.entries.some((e) => e.id === restored.id)) throw new JournalEditError(`An entry with id "${restored.id}" is in the journal again, so the removed one was not restored.`);
  const pair = pairOf(p.source.doc.contents as YAMLMap, 'entries');
  const list = pair?.value as Node | null | undefined;
  if (!pair || (isSeq(list) && list.flow) || (list && !isSeq(list) && !(isScalar(list) && list.value === null))) throw new JournalEditError('The journal\'s "entries" list changed shape, so the removed entry was not restored. Add it back by hand.');
  let offset: number;
  if (removed.afterId !== undefined) {
    const index = p.journal.entries.findIndex((e) => e.id === removed.afterId);
    if (index < 0) throw new JournalEditError(`The entry "${removed.afterId}" that the removed one followed is gone, so it was not restored.`);
    const end = p.entryNodes[index].range![1];
    offset = end > 0 && text[end - 1] === '\n' ? end : nextLineStartOf(text, end);
  } else {
    const first = isSeq(list) ? (list.items[0] as Node | undefined) : undefined;
    offset = first?.range ? lineStart(text, first.range[0]) : nextLineStartOf(text, (pair.key as Node).range![1]);
  }
  const lead = offset > 0 && text[offset - 1] !== '\n' ? eol : '';
  const tail = offset < text.length && !removed.text.endsWith('\n') ? eol : '';
  return { offset, deleteCount: 0, insert: `${lead}${removed.text}${tail}` };
}

/**
 * When `ids` are all the entries of a block list, the edit that makes it `entries: []` again,
 * keeping a comment on the key's line; otherwise undefined.
 */
export function emptyEntriesEdit(parse: JournalParse, ids: ReadonlySet<string>): TextEdit | undefined {
  const p = requireParsed(parse);
  const pair = pairOf(p.source.doc.contents as YAMLMap, 'entries');
  const seq = pair?.value;
  if (!pair || !isSeq(seq) || seq.flow || seq.items.length !== p.journal.entries.length || !p.journal.entries.every((e) => ids.has(e.id))) return undefined;
  const { text } = p.source;
  const colon = text.indexOf(':', (pair.key as Node).range![1]);
  const keyLineEnd = lineEndOf(text, colon);
  const last = seq.items[seq.items.length - 1] as Node;
  const lastStart = itemStart(text, last.range![0]);
  if (lastStart === undefined) return undefined;
  const end = itemLinesEnd(text, seq, last, lastStart);
  const comment = text.slice(colon + 1, keyLineEnd);
  const { eol } = textShape(text);
  return { offset: colon + 1, deleteCount: end - colon - 1, insert: ` []${comment}${end > keyLineEnd && text.slice(0, end).endsWith('\n') ? eol : ''}` };
}

/**
 * Where the list item whose content starts at `contentStart` begins: the start of the line of
 * its `-`, which is on the same line or, written alone, on an earlier one (comments between).
 */
function itemStart(text: string, contentStart: number): number | undefined {
  let lineAt = lineStart(text, contentStart);
  if (/^[ \t]*-[ \t]/.test(text.slice(lineAt, contentStart))) return lineAt;
  if (!/^[ \t]*$/.test(text.slice(lineAt, contentStart))) return undefined;
  while (lineAt > 0) {
    lineAt = lineStart(text, lineAt - 1);
    const line = text.slice(lineAt, lineEndOf(text, lineAt));
    if (/^[ \t]*(?:#.*)?$/.test(line)) continue;
    return /^[ \t]*-[ \t]*(?:#.*)?$/.test(line) ? lineAt : undefined;
  }
  return undefined;
}

/** Edits that set the profile's levels in place, keeping every other key and comment. */
export function setProfileEdits(parse: JournalParse, profile: Required<Profile>): TextEdit[] {
  const { source } = requireParsed(parse);
  const { text } = source;
  const { eol } = textShape(text);
  const root = blockRoot(source.doc.contents, 'set the profile');
  const pair = pairOf(root, 'profile');
  const keys = ['currentLevel', 'targetLevel'] as const;
  const blockLines = (indent: number, ks: readonly (keyof Profile)[]) => ks.map((k) => `${' '.repeat(indent)}${k}: ${yamlScalar(profile[k])}`).join(eol);
  const flowMap = `{ ${keys.map((k) => `${k}: ${yamlFlowScalar(profile[k])}`).join(', ')} }`;
  if (!pair) {
    const entries = pairOf(root, 'entries');
    const indent = rootIndent(text, root);
    const block = `${' '.repeat(indent)}profile:${eol}${blockLines(indent + 2, keys)}${eol}`;
    if (entries) return [{ offset: lineStart(text, (entries.key as Node).range![0]), deleteCount: 0, insert: block }];
    return [addRootKey(text, root, 'profile:', blockLines(indent + 2, keys), eol)];
  }
  const keyNode = pair.key as Node;
  const value = pair.value as Node | null;
  if (value == null || (isScalar(value) && value.value === null)) {
    // `profile: ~ # later` keeps its comment as `profile: { ... } # later`; a bare `profile:` gets lines below it.
    if (value?.range && value.range[1] > value.range[0]) return [{ offset: value.range[0], deleteCount: value.range[1] - value.range[0], insert: flowMap }];
    return [insertLinesAfter(text, keyNode.range![1], blockLines(column(text, keyNode.range![0]) + 2, keys), eol)];
  }
  if (!isMap(value)) throw new JournalEditError('"profile" in the journal is not a mapping of currentLevel and targetLevel; fix it by hand first.', source.lines.position(value.range![0]).line);
  const edits: TextEdit[] = [];
  const missing: (keyof Profile)[] = [];
  for (const key of keys) {
    const existing = pairOf(value, key);
    if (!existing) {
      missing.push(key);
      continue;
    }
    const node = existing.value as Node | null;
    const written = value.flow ? yamlFlowScalar(profile[key]) : yamlScalar(profile[key]);
    if (node && !isScalar(node)) throw new JournalEditError(`"profile.${key}" holds a list or a mapping; set it by hand.`, source.lines.position(node.range![0]).line);
    if (node?.range && node.range[1] > node.range[0]) {
      // A block scalar's range ends after its line break: keep the break.
      const replaced = text.slice(node.range[0], node.range[1]);
      edits.push({ offset: node.range[0], deleteCount: replaced.length, insert: written + (/\n$/.test(replaced) ? eol : '') });
    } else {
      const colon = text.indexOf(':', (existing.key as Node).range![1]);
      edits.push({ offset: colon + 1, deleteCount: 0, insert: ` ${written}` });
    }
  }
  if (missing.length > 0) {
    if (value.flow) {
      const items = missing.map((k) => `${k}: ${yamlFlowScalar(profile[k])}`);
      edits.push({ offset: flowInsertionPoint(text, value), deleteCount: 0, insert: flowItems(text, value, items) });
    } else {
      const lastPair = value.items[value.items.length - 1];
      const indent = column(text, (value.items[0].key as Node).range![0]);
      const end = ((lastPair.value as Node | null)?.range ?? (lastPair.key as Node).range!)[1];
      edits.push(insertLinesAfter(text, end, blockLines(indent, missing), eol));
    }
  }
  // Later offsets first, so each edit's offsets stay valid as the others apply.
  return edits.sort((a, b) => b.offset - a.offset);
}

/** Edits that rewrite every commit.repo and selection.link holding credentials without them. */
export function redactCredentialsEdits(parse: JournalParse): TextEdit[] {
  const p = requireParsed(parse);
  const edits: TextEdit[] = [];
  for (const node of p.entryNodes) {
    for (const [outer, key] of [['commit', 'repo'], ['selection', 'link']] as const) {
      const map = node.get(outer, true);
      const value = isMap(map) ? map.get(key, true) : undefined;
      if (!isScalar(value) || typeof value.value !== 'string' || !hasCredentials(value.value) || !value.range) continue;
      edits.push({ offset: value.range[0], deleteCount: value.range[1] - value.range[0], insert: yamlQuoted(withoutCredentials(value.value)) });
    }
  }
  if (edits.length === 0) throw new JournalEditError('No URL in the journal carries credentials.');
  return edits.sort((a, b) => b.offset - a.offset);
}

/** A journal pointed at another rubric: its `rubric:` value, and old ids mapped to the new rubric's. */
export interface RubricSwitch {
  rubric: string;
  /** Old dimension id -> new one, applied to every entry's `dimensions` (but those in `entries`). */
  dimensions: Readonly<Record<string, string>>;
  /** Old level id -> new one, applied to entries' `level` and the profile (but what `entries` and `profile` set). */
  levels: Readonly<Record<string, string>>;
  /** Entry id -> the ids it gets, position by position (a switch back gives merged ids back this way). */
  entries?: Readonly<Record<string, { dimensions: readonly string[]; level?: string }>>;
  /** The profile's levels, set as given. */
  profile?: Readonly<{ currentLevel?: string; targetLevel?: string }>;
  /** A record added at the end of `rubricHistory:`, or the last ones taken off (the switches they record undone). */
  /** A record to add; or the last `drop` records to take off, `then` in their place (a switch back that keeps cited statements the rubric lacks). */
  history?: SwitchRecord | { drop: number; then?: SwitchRecord };
}

/**
 * Edits that set `rubric:` and rewrite mapped ids where they stand, scalar by scalar, so every
 * entry, comment and quote stays as it was; ids not in the maps are left alone. The record of
 * the switch goes in as lines of its own before `entries:`, and a switch back takes them out.
 */
export function switchRubricEdits(parse: JournalParse, change: RubricSwitch): TextEdit[] {
  const { source, entryNodes, journal } = requireParsed(parse);
  const { text } = source;
  const { eol } = textShape(text);
  const root = blockRoot(source.doc.contents, 'point it at another rubric');
  const edits: TextEdit[] = [];
  const set = (node: unknown, to: string | undefined) => {
    if (to === undefined || !isScalar(node) || typeof node.value !== 'string' || node.value === to || !node.range) return;
    if (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') {
      throw new JournalEditError(`"${node.value}" is written as a block scalar; change it by hand.`, source.lines.position(node.range[0]).line);
    }
    edits.push({ offset: node.range[0], deleteCount: node.range[1] - node.range[0], insert: yamlFlowScalar(to) });
  };
  const replace = (node: unknown, map: Readonly<Record<string, string>>) => {
    if (isScalar(node) && typeof node.value === 'string' && Object.hasOwn(map, node.value)) set(node, map[node.value]);
  };

  const rubricPair = pairOf(root, 'rubric');
  const rubricValue = rubricPair?.value as Node | null | undefined;
  if (rubricPair && isScalar(rubricValue) && rubricValue.range && rubricValue.range[1] > rubricValue.range[0] && rubricValue.type !== 'BLOCK_LITERAL' && rubricValue.type !== 'BLOCK_FOLDED') {
    edits.push({ offset: rubricValue.range[0], deleteCount: rubricValue.range[1] - rubricValue.range[0], insert: readableScalar(change.rubric) });
  } else if (rubricPair) {
    if (rubricValue && !isScalar(rubricValue)) throw new JournalEditError('"rubric" in the journal is not a single value; fix it by hand first.', source.lines.position(rubricValue.range![0]).line);
    const colon = text.indexOf(':', (rubricPair.key as Node).range![1]);
    edits.push({ offset: colon + 1, deleteCount: 0, insert: ` ${readableScalar(change.rubric)}` });
  } else {
    // After `version:`, where a new journal has it; otherwise as the first key.
    const version = pairOf(root, 'version');
    const line = `${' '.repeat(rootIndent(text, root))}rubric: ${readableScalar(change.rubric)}`;
    const versionEnd = version && ((version.value as Node | null)?.range ?? (version.key as Node).range!)[1];
    edits.push(versionEnd !== undefined ? insertLinesAfter(text, versionEnd, line, eol) : { offset: lineStart(text, (root.items[0]?.key as Node | undefined)?.range?.[0] ?? 0), deleteCount: 0, insert: `${line}${eol}` });
  }

  const profile = pairOf(root, 'profile')?.value;
  if (isMap(profile)) {
    for (const key of ['currentLevel', 'targetLevel'] as const) {
      const node = pairOf(profile, key)?.value;
      if (change.profile && Object.hasOwn(change.profile, key)) set(node, change.profile[key]);
      else replace(node, change.levels);
    }
  }
  entryNodes.forEach((entry, i) => {
    const exact = change.entries && Object.hasOwn(change.entries, journal.entries[i].id) ? change.entries[journal.entries[i].id] : undefined;
    const dimensions = pairOf(entry, 'dimensions')?.value;
    const items = isSeq(dimensions) ? dimensions.items : dimensions == null ? [] : [dimensions];
    if (exact) {
      if (items.length !== exact.dimensions.length) throw new JournalEditError(`Entry "${journal.entries[i].id}" changed since the switch it goes back over; set its dimensions by hand.`, journal.entries[i].line);
      items.forEach((item, n) => set(item, exact.dimensions[n]));
      set(pairOf(entry, 'level')?.value, exact.level);
    } else {
      for (const item of items) replace(item, change.dimensions);
      replace(pairOf(entry, 'level')?.value, change.levels);
    }
  });
  if (change.history) edits.push(historyEdit(text, root, change.history, eol));
  // Later offsets first, so each edit's offsets stay valid as the others apply.
  return edits.sort((a, b) => b.offset - a.offset);
}

/** Adds a record at the end of `rubricHistory:` (the key made before `entries:` if need be), or takes the last ones off. */
function historyEdit(text: string, root: YAMLMap, history: NonNullable<RubricSwitch['history']>, eol: string): TextEdit {
  const pair = pairOf(root, 'rubricHistory');
  const list = pair?.value;
  const byHand = (what: string) => new JournalEditError(`"rubricHistory" in the journal ${what}; Growth Journal changes it only as a block list of the records it writes. Fix it by hand, or switch with every id mapped.`);
  if (pair && (!isSeq(list) || list.flow || list.items.length === 0)) throw byHand('is not a block list');
  const seq = list as YAMLSeq | undefined;
  const last = seq?.items[seq.items.length - 1] as Node | undefined;
  const lastStart = last?.range ? itemStart(text, last.range[0]) : undefined;
  if (seq && (!last || lastStart === undefined)) throw byHand('has an item whose start cannot be told');
  if ('drop' in history) {
    if (!seq || !last || lastStart === undefined || history.drop < 1 || history.drop > seq.items.length) throw new JournalEditError('The journal records no such switch to go back over.');
    const end = itemLinesEnd(text, seq, last, lastStart);
    // Every record goes with its key, as the first switch added them.
    const first = seq.items[seq.items.length - history.drop] as Node;
    const start = history.drop === seq.items.length ? lineStart(text, (pair!.key as Node).range![0]) : first.range ? itemStart(text, first.range[0]) : undefined;
    if (start === undefined) throw byHand('has an item whose start cannot be told');
    if (!history.then) return { offset: start, deleteCount: end - start, insert: '' };
    const newline = text[end - 1] === '\n' ? eol : '';
    const indent = rootIndent(text, root);
    const insert = history.drop === seq.items.length
      ? `${' '.repeat(indent)}rubricHistory:${eol}${switchRecordYaml(history.then, indent + 2, eol)}${newline}`
      : `${switchRecordYaml(history.then, column(text, start + /^[ \t]*/.exec(text.slice(start))![0].length), eol)}${newline}`;
    return { offset: start, deleteCount: end - start, insert };
  }
  if (seq && last && lastStart !== undefined) {
    const end = itemLinesEnd(text, seq, last, lastStart);
    const dash = column(text, lastStart + /^[ \t]*/.exec(text.slice(lastStart))![0].length);
    const lead = end > 0 && text[end - 1] !== '\n' ? eol : '';
    return { offset: end, deleteCount: 0, insert: `${lead}${switchRecordYaml(history, dash, eol)}${eol}` };
  }
  const indent = rootIndent(text, root);
  const block = `${' '.repeat(indent)}rubricHistory:${eol}${switchRecordYaml(history, indent + 2, eol)}${eol}`;
  const entries = pairOf(root, 'entries');
  if (entries) return { offset: lineStart(text, (entries.key as Node).range![0]), deleteCount: 0, insert: block };
  return addRootKey(text, root, 'rubricHistory:', switchRecordYaml(history, indent + 2, eol), eol);
}

/** The journal's top-level mapping, which edits need in block style. */
function blockRoot(contents: unknown, what: string): YAMLMap {
  if (!isMap(contents) || contents.flow) throw new JournalEditError(`The journal's top level is written in flow style ({ ... }); write it as block YAML to let Growth Journal ${what}.`);
  return contents;
}

/** The column of the top-level keys: a journal may indent its whole mapping. */
function rootIndent(text: string, root: YAMLMap): number {
  const first = root.items[0]?.key as Node | undefined;
  return first?.range ? column(text, first.range[0]) : 0;
}

/** Adds `key` with `body` lines under it as a new top-level key at the end of the journal. */
function addRootKey(text: string, root: YAMLMap, key: string, body: string, eol: string): TextEdit {
  const block = `${' '.repeat(rootIndent(text, root))}${key}${eol}${body}`;
  return text.length === 0 || text.endsWith('\n') ? { offset: text.length, deleteCount: 0, insert: `${block}${eol}` } : { offset: text.length, deleteCount: 0, insert: `${eol}${block}` };
}

/** Inserts whole lines after the line that holds `end` (or at `end` when it starts a line). */
function insertLinesAfter(text: string, end: number, lines: string, eol: string): TextEdit {
  if (end > 0 && text[end - 1] === '\n') return { offset: end, deleteCount: 0, insert: `${lines}${eol}` };
  return { offset: lineEndOf(text, end), deleteCount: 0, insert: `${eol}${lines}` };
}

/** `[]` or `{}` with nothing but spaces inside: a comment inside keeps the flow style. */
function isBareEmptyFlow(text: string, node: Node): boolean {
  return /^[[{][ \t]*[\]}]$/.test(text.slice(node.range![0], node.range![1]).trimEnd());
}

/**
 * Where new items go in a flow collection: right after the last item and its comma, if it
 * has one, so comments after it and the closing bracket's line stay as they were.
 */
function flowInsertionPoint(text: string, node: YAMLSeq | YAMLMap): number {
  const last = node.items[node.items.length - 1] as Node | Pair | undefined;
  if (!last) return node.range![0] + 1;
  const end = flowItemEnd(last);
  const comma = /^[ \t]*,/.exec(text.slice(end));
  return comma ? end + comma[0].length : end;
}

/** New flow items as text for flowInsertionPoint: separated by commas, with a comma before them unless one is there. */
function flowItems(text: string, node: YAMLSeq | YAMLMap, items: string[]): string {
  const at = flowInsertionPoint(text, node);
  const afterOpening = node.items.length === 0;
  const hasComma = !afterOpening && text[at - 1] === ',';
  const joined = items.join(', ');
  if (afterOpening) return ` ${joined}${node.items.length === 0 && !/^[ \t]/.test(text.slice(at)) ? ' ' : ''}`;
  return hasComma ? ` ${joined},` : `, ${joined}`;
}

function flowItemEnd(item: Node | Pair): number {
  if (isPair(item)) return ((item.value as Node | null)?.range ?? (item.key as Node).range!)[1];
  return item.range![1];
}

function formatEntries(entries: readonly EntryData[], keyIndent: number, eol: string, dashColumn = keyIndent - 2): string {
  return entries.map((e) => formatEntry(e, keyIndent, eol, dashColumn)).join(eol);
}

/** Renders an entry as a block list item whose keys start at column `keyIndent` (0-based). */
export function formatEntry(entry: EntryData, keyIndent: number, eol: string, dashColumn = keyIndent - 2): string {
  const formatted = renderEntry(entry, keyIndent, eol, dashColumn, false);
  if (readsBackAs(formatted, entry)) return formatted;
  // Belt and braces: if the readable form would not read back exactly, quote every string.
  const quoted = renderEntry(entry, keyIndent, eol, dashColumn, true);
  if (readsBackAs(quoted, entry)) return quoted;
  throw new JournalEditError('Growth Journal could not write this entry as YAML that reads back exactly; nothing was written. Please report this.');
}

function renderEntry(entry: EntryData, keyIndent: number, eol: string, dashColumn: number, quoteAll: boolean): string {
  const out: string[] = [];
  renderFields(entry as unknown as Record<string, unknown>, ENTRY, ' '.repeat(keyIndent), { quoteAll, indent: '', eol }, out);
  out[0] = `${' '.repeat(dashColumn)}- ${' '.repeat(keyIndent - dashColumn - 2)}${out[0].slice(keyIndent)}`;
  return out.join(eol);
}

/** The lines of `value`'s fields at `pad`, in the rows' order, each as its type writes it (a mapping as its key, then its fields two further in). */
function renderFields(value: Readonly<Record<string, unknown>>, fields: Fields, pad: string, how: WriteHow, out: string[]): void {
  const nested = { ...how, indent: pad + '  ' };
  for (const f of fields.all) {
    const field = writtenValue(value, f);
    if (field === undefined) continue;
    if (f.fields) {
      out.push(`${pad}${f.key}:`);
      renderFields(field as Record<string, unknown>, f.fields, nested.indent, how, out);
    } else out.push(`${pad}${f.key}: ${f.quoted ? yamlQuoted(field as string) : (f.type as FieldType).write(field as never, nested)}`);
  }
}

function readsBackAs(itemText: string, entry: EntryData): boolean {
  return readsBackAsValue(itemText, entryForFlow(entry));
}

/** Whether a list item's text parses, on its own, to exactly `expected` (ids compared as text). */
function readsBackAsValue(itemText: string, expected: Record<string, unknown>): boolean {
  let value: unknown;
  try {
    value = parseYamlValue(itemText, { strict: true, uniqueKeys: true });
  } catch {
    return false;
  }
  const dimensionsAsText = (v: unknown) => (v && typeof v === 'object' && Array.isArray((v as { dimensions?: unknown }).dimensions) ? { ...v, dimensions: (v as { dimensions: unknown[] }).dimensions.map(String) } : v);
  return Array.isArray(value) && value.length === 1 && canonicalJson(dimensionsAsText(value[0])) === canonicalJson(dimensionsAsText(expected));
}

/** The entry as plain data in the key order it is written, for flow lists and read-back checks. */
function entryForFlow(entry: EntryData): Record<string, unknown> {
  const inOrder = Object.fromEntries(ENTRY.all.map((f) => [f.key, writtenValue(entry as unknown as Record<string, unknown>, f)]));
  return JSON.parse(JSON.stringify(inOrder)) as Record<string, unknown>;
}

/** The text of a new journal: a commented header that explains the format to whoever opens it. */
export function newJournalText(rubricId: string, profile: Profile, eol = '\n'): string {
  const lines = [
    '# Growth journal: evidence of growth against a career rubric.',
    '# Edit freely: Growth Journal keeps your comments, order and formatting, and only appends.',
    '# Each entry: id, date (YYYY-MM-DD), kind (commit | selection | note), title, dimensions,',
    '# and optionally level, commit, selection, note and private: true (left out of summaries).',
    'version: 1',
    `rubric: ${yamlScalar(rubricId)}`,
    'profile:',
    ...(profile.currentLevel ? [`  currentLevel: ${yamlScalar(profile.currentLevel)}`] : []),
    ...(profile.targetLevel ? [`  targetLevel: ${yamlScalar(profile.targetLevel)}`] : []),
    'entries: []',
  ];
  if (!profile.currentLevel && !profile.targetLevel) lines[6] = 'profile: {}';
  return lines.join(eol) + eol;
}

function lineStart(text: string, offset: number): number {
  const start = lineStartOf(text, offset);
  // A byte order mark opens the file, not its first line: columns count from after it, and
  // nothing is inserted before it.
  return start === 0 && offset > 0 && text.charCodeAt(0) === 0xfeff ? 1 : start;
}

function column(text: string, offset: number): number {
  return offset - lineStart(text, offset);
}

