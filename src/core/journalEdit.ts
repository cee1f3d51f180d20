import { isMap, isScalar, isSeq, parse as parseYamlValue, type Node, type Pair, type YAMLMap } from 'yaml';
import { parseJournal, type EntryData, type JournalParse, type Profile } from './journal';
import { textShape } from './text';
import { yamlFlowScalar, yamlLiteralBlock, yamlQuoted, yamlScalar } from './yamlText';

/** One replacement in a text, in UTF-16 offsets, so hosts can apply it to a document or a file. */
export interface TextEdit {
  offset: number;
  deleteCount: number;
  insert: string;
}

export class JournalEditError extends Error {
  constructor(message: string, readonly line?: number) {
    super(message);
    this.name = 'JournalEditError';
  }
}

export function applyEdit(text: string, edit: TextEdit): string {
  return text.slice(0, edit.offset) + edit.insert + text.slice(edit.offset + edit.deleteCount);
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
  const root = source.doc.contents;
  if (!isMap(root) || root.flow) throw new JournalEditError('The journal\'s top level is written in flow style ({ ... }); write it as block YAML to let Growth Journal add entries.');
  const pair = findPair(root, 'entries');
  const value = pair?.value as Node | null | undefined;

  if (!pair) {
    const item = formatEntries(entries, 2, eol);
    const atEnd = text.length;
    return text.length === 0 || text.endsWith('\n')
      ? { offset: atEnd, deleteCount: 0, insert: `entries:${eol}${item}${eol}` }
      : { offset: atEnd, deleteCount: 0, insert: `${eol}entries:${eol}${item}` };
  }
  const keyColumn = column(text, (pair.key as Node).range![0]);
  if (value == null || (isScalar(value) && value.value === null) || (isSeq(value) && value.flow && value.items.length === 0)) {
    // `entries:`, `entries: ~` or `entries: []`: the first item turns it into a block list.
    const item = formatEntries(entries, keyColumn + 2, eol);
    const valueEnd = value?.range ? value.range[1] : (pair.key as Node).range![1];
    let start = value?.range ? value.range[0] : valueEnd;
    while (text[start - 1] === ' ' || text[start - 1] === '\t') start--;
    const lineEnd = endOfLine(text, valueEnd);
    const rest = text.slice(valueEnd, lineEnd);
    return { offset: start, deleteCount: lineEnd - start, insert: `${rest}${eol}${item}` };
  }
  if (!isSeq(value)) throw new JournalEditError('"entries" in the journal is not a list.', source.lines.position(value.range![0]).line);
  if (value.flow) {
    const close = text.lastIndexOf(']', value.range![1]);
    return { offset: close, deleteCount: 0, insert: entries.map((e) => `, ${JSON.stringify(entryForFlow(e))}`).join('') };
  }
  const last = value.items[value.items.length - 1] as Node;
  const dashColumn = column(text, value.range![0]);
  const keyIndent = isMap(last) ? column(text, last.range![0]) : dashColumn + 2;
  const item = formatEntries(entries, keyIndent, eol, dashColumn);
  const end = last.range![1];
  if (end > 0 && text[end - 1] === '\n') return { offset: end, deleteCount: 0, insert: `${item}${eol}` };
  return { offset: endOfLine(text, end), deleteCount: 0, insert: `${eol}${item}` };
}

/** The edit that removes the entry with `id`, its lines and nothing else. */
export function removeEntryEdit(parse: JournalParse, id: string): TextEdit {
  const p = requireParsed(parse);
  const index = p.journal.entries.findIndex((e) => e.id === id);
  if (index < 0) throw new JournalEditError(`No entry with id "${id}" is in the journal.`);
  const node = p.entryNodes[index];
  const { text } = p.source;
  const entries = findPair(p.source.doc.contents as YAMLMap, 'entries')?.value;
  if (isSeq(entries) && entries.flow) throw new JournalEditError('"entries" is written in flow style ([ ... ]); remove the entry by hand.', p.journal.entries[index].line);
  const start = lineStart(text, node.range![0]);
  const end = node.range![1];
  const stop = end > 0 && text[end - 1] === '\n' ? end : nextLineStart(text, end);
  return { offset: start, deleteCount: stop - start, insert: '' };
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
  const value = findPair(map, 'dimensions')?.value as Node | null | undefined;
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
    edit = end > 0 && text[end - 1] === '\n' ? { offset: end, deleteCount: 0, insert: `${lines}${eol}` } : { offset: endOfLine(text, end), deleteCount: 0, insert: `${eol}${lines}` };
  } else if (isScalar(value) && !/[\r\n]/.test(text.slice(value.range[0], value.range[1]))) {
    edit = { offset: value.range[0], deleteCount: value.range[1] - value.range[0], insert: `[${text.slice(value.range[0], value.range[1])}, ${fresh.map(yamlFlowScalar).join(', ')}]` };
  } else throw byHand('has "dimensions" in a form Growth Journal does not extend');
  // Read the edited entry back on its own: everything as before, the dimensions one list longer.
  const start = lineStart(text, map.range![0]);
  const stop = map.range![1] > 0 && text[map.range![1] - 1] === '\n' ? map.range![1] : nextLineStart(text, map.range![1]);
  const item = applyEdit(text.slice(start, stop), { ...edit, offset: edit.offset - start });
  const expected = { ...(map.toJSON() as Record<string, unknown>), dimensions: [...entry.dimensions, ...fresh] };
  if (!readsBackAsValue(item, expected)) throw byHand('could not be extended so that it reads back exactly');
  return edit;
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
  const pair = findPair(p.source.doc.contents as YAMLMap, 'entries');
  const list = pair?.value as Node | null | undefined;
  if (!pair || (isSeq(list) && list.flow) || (list && !isSeq(list) && !(isScalar(list) && list.value === null))) throw new JournalEditError('The journal\'s "entries" list changed shape, so the removed entry was not restored. Add it back by hand.');
  let offset: number;
  if (removed.afterId !== undefined) {
    const index = p.journal.entries.findIndex((e) => e.id === removed.afterId);
    if (index < 0) throw new JournalEditError(`The entry "${removed.afterId}" that the removed one followed is gone, so it was not restored.`);
    const end = p.entryNodes[index].range![1];
    offset = end > 0 && text[end - 1] === '\n' ? end : nextLineStart(text, end);
  } else {
    const first = isSeq(list) ? (list.items[0] as Node | undefined) : undefined;
    offset = first?.range ? lineStart(text, first.range[0]) : nextLineStart(text, (pair.key as Node).range![1]);
  }
  const lead = offset > 0 && text[offset - 1] !== '\n' ? eol : '';
  const tail = offset < text.length && !removed.text.endsWith('\n') ? eol : '';
  return { offset, deleteCount: 0, insert: `${lead}${removed.text}${tail}` };
}

/** Edits that set the profile's levels in place, keeping the comments around them. */
export function setProfileEdits(parse: JournalParse, profile: Required<Profile>): TextEdit[] {
  const { source } = requireParsed(parse);
  const { text } = source;
  const { eol } = textShape(text);
  const root = source.doc.contents as YAMLMap;
  const pair = findPair(root, 'profile');
  const lines = (indent: number, keys: (keyof Profile)[]) => keys.map((k) => `${' '.repeat(indent)}${k}: ${yamlScalar(profile[k])}`).join(eol);
  if (!pair || !isMap(pair.value)) {
    const block = `profile:${eol}${lines(2, ['currentLevel', 'targetLevel'])}${eol}`;
    if (pair) {
      const start = lineStart(text, (pair.key as Node).range![0]);
      const valueEnd = (pair.value as Node | null)?.range?.[1] ?? (pair.key as Node).range![1];
      return [{ offset: start, deleteCount: nextLineStart(text, valueEnd) - start, insert: block }];
    }
    const entries = findPair(root, 'entries');
    if (entries) return [{ offset: lineStart(text, (entries.key as Node).range![0]), deleteCount: 0, insert: block }];
    return [text.endsWith('\n') || text.length === 0 ? { offset: text.length, deleteCount: 0, insert: block } : { offset: text.length, deleteCount: 0, insert: eol + block.slice(0, -eol.length) }];
  }
  const map = pair.value;
  if (map.flow) {
    return [{ offset: map.range![0], deleteCount: map.range![1] - map.range![0], insert: `{ currentLevel: ${yamlScalar(profile.currentLevel)}, targetLevel: ${yamlScalar(profile.targetLevel)} }` }];
  }
  const edits: TextEdit[] = [];
  const missing: (keyof Profile)[] = [];
  for (const key of ['currentLevel', 'targetLevel'] as const) {
    const existing = findPair(map, key);
    const node = existing?.value as Node | null | undefined;
    if (node?.range) edits.push({ offset: node.range[0], deleteCount: node.range[1] - node.range[0], insert: yamlScalar(profile[key]) });
    else if (existing) edits.push({ offset: (existing.key as Node).range![2], deleteCount: 0, insert: ` ${yamlScalar(profile[key])}` });
    else missing.push(key);
  }
  if (missing.length > 0) {
    const lastPair = map.items[map.items.length - 1];
    const indent = column(text, (map.items[0].key as Node).range![0]);
    const end = ((lastPair.value as Node | null)?.range ?? (lastPair.key as Node).range!)[1];
    edits.push({ offset: endOfLine(text, end), deleteCount: 0, insert: eol + lines(indent, missing) });
  }
  // Later offsets first, so each edit's offsets stay valid as the others apply.
  return edits.sort((a, b) => b.offset - a.offset);
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
  const pad = ' '.repeat(keyIndent);
  const str = quoteAll ? yamlQuoted : yamlScalar;
  const out: string[] = [];
  const field = (key: string, value: string, indent = pad) => out.push(`${indent}${key}: ${value}`);
  field('id', str(entry.id));
  // A YYYY-MM-DD date reads back as text under YAML 1.2's core schema, so it can stay plain.
  field('date', !quoteAll && /^\d{4}-\d{2}-\d{2}$/.test(entry.date) ? entry.date : str(entry.date));
  field('kind', entry.kind);
  field('title', str(entry.title));
  field('dimensions', `[${entry.dimensions.map((d) => (quoteAll ? yamlQuoted(d) : yamlFlowScalar(d))).join(', ')}]`);
  if (entry.level !== undefined) field('level', str(entry.level));
  const nested = pad + '  ';
  if (entry.commit) {
    out.push(`${pad}commit:`);
    field('sha', str(entry.commit.sha), nested);
    if (entry.commit.repo !== undefined) field('repo', str(entry.commit.repo), nested);
    if (entry.commit.subject !== undefined) field('subject', yamlQuoted(entry.commit.subject), nested);
  }
  if (entry.selection) {
    const s = entry.selection;
    out.push(`${pad}selection:`);
    field('file', str(s.file), nested);
    field('startLine', String(s.startLine), nested);
    field('endLine', String(s.endLine), nested);
    if (s.sha !== undefined) field('sha', str(s.sha), nested);
    if (s.link !== undefined) field('link', yamlQuoted(s.link), nested);
  }
  if (entry.note !== undefined) field('note', (!quoteAll && yamlLiteralBlock(entry.note, nested, eol)) || yamlQuoted(entry.note));
  if (entry.private) field('private', 'true');
  out[0] = `${' '.repeat(dashColumn)}- ${' '.repeat(keyIndent - dashColumn - 2)}${out[0].slice(keyIndent)}`;
  return out.join(eol);
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
  const { id, date, kind, title, dimensions, level, commit, selection, note } = entry;
  return JSON.parse(
    JSON.stringify({ id, date, kind, title, dimensions, level, commit, selection, note, private: entry.private ? true : undefined }),
  ) as Record<string, unknown>;
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

/** JSON with object keys sorted, so two values compare by content alone. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

function findPair(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((p) => isScalar(p.key) && p.key.value === key);
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function column(text: string, offset: number): number {
  return offset - lineStart(text, offset);
}

/** Offset of the line break that ends the line holding `offset` (before a CR), or the text's end. */
function endOfLine(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  if (nl < 0) return text.length;
  return nl > 0 && text[nl - 1] === '\r' ? nl - 1 : nl;
}

function nextLineStart(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  return nl < 0 ? text.length : nl + 1;
}
