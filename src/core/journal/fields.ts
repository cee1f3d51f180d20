import { anyText, date, filePath, flag, id, ids, integer, oneOf, prose, sha, text, url, type FieldType } from './fieldTypes';

/**
 * The keys of a journal entry, one row each, in the order Growth Journal writes them. Everything
 * done key by key walks these rows: the full reader (model.ts: readEntry), the line reader's
 * known keys and its fast path (fastReader.ts, model.ts: PlainEntryReader), the writer (edit.ts:
 * renderEntry) and the host's sharing of repeated strings. A new key is a row here (its type, from
 * fieldTypes.ts, says how it is read, checked and written) and its property in `EntryData`.
 *
 * `required`: an entry without it is said; a commit or selection without it is not read.
 * `repeats`: its values recur from entry to entry (kinds, ids of dimensions, levels, dates,
 * files), and the readers hold one string of each. `quoted`: written in double quotes.
 * `forKind`: entries of that kind need it. `names`: the entry is called by it in messages, and
 * a mapping without it is no entry.
 */
interface FieldRow {
  type: FieldType | MappingType;
  required?: true;
  repeats?: true;
  quoted?: true;
  forKind?: EntryKind;
  names?: true;
}

/** A mapping of fields under a key: read whole or not at all, every required field there and `check` holding. */
interface MappingType {
  fields: Readonly<Record<string, FieldRow>>;
  check?: {
    /** Whether `value` (its required fields at least) is as it should be. */
    holds(value: Readonly<Record<string, unknown>>): boolean;
    /** What is wrong, said of the mapping `what`. */
    problem(value: Readonly<Record<string, unknown>>, what: string): { message: string; code: string };
  };
}

export const ENTRY_KINDS = ['commit', 'selection', 'note'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

const COMMIT_FIELDS = {
  sha: { type: sha, required: true },
  repo: { type: url, repeats: true },
  subject: { type: anyText },
} satisfies Record<string, FieldRow>;

const SELECTION_FIELDS = {
  file: { type: filePath, required: true, repeats: true },
  startLine: { type: integer, required: true },
  endLine: { type: integer, required: true },
  sha: { type: sha },
  link: { type: url, quoted: true },
  // What the lines held when recorded, to find them again after edits above them (see core/text/anchor.ts).
  hash: { type: text },
  firstLine: { type: anyText },
} satisfies Record<string, FieldRow>;

const linesInOrder: MappingType['check'] = {
  holds: ({ startLine, endLine }) => (startLine as number) >= 1 && (endLine as number) >= (startLine as number),
  problem: ({ startLine, endLine }, what) => ({ message: `${what} has lines ${String(startLine)}-${String(endLine)}; lines start at 1 and end after they start.`, code: 'bad-lines' }),
};

const ENTRY_FIELDS = {
  id: { type: id, required: true, names: true },
  date: { type: date, required: true, repeats: true },
  kind: { type: oneOf(ENTRY_KINDS, 'note'), required: true, repeats: true },
  title: { type: text, required: true },
  dimensions: { type: ids, required: true, repeats: true },
  level: { type: id, repeats: true },
  commit: { type: { fields: COMMIT_FIELDS }, forKind: 'commit' },
  selection: { type: { fields: SELECTION_FIELDS, check: linesInOrder }, forKind: 'selection' },
  note: { type: prose },
  statements: { type: ids, repeats: true },
  private: { type: flag },
} satisfies Record<string, FieldRow>;

/** A row with its key and its place among its mapping's rows (the fast path's slot). */
export interface Field extends FieldRow {
  key: string;
  index: number;
  /** Set for a mapping: its fields. */
  fields?: Fields;
}

/** The rows of a mapping, in order, with the key of each found at once. */
export interface Fields {
  all: readonly Field[];
  keys: readonly string[];
  indexOf: ReadonlyMap<string, number>;
  check?: MappingType['check'];
}

function fieldsOf({ fields, check }: MappingType): Fields {
  // Every row with every property, in one order: one shape, so the readers' loops over rows stay fast.
  const all = Object.entries(fields).map(
    ([key, row], index): Field => ({ key, index, type: row.type, required: row.required, repeats: row.repeats, quoted: row.quoted, forKind: row.forKind, names: row.names, fields: 'fields' in row.type ? fieldsOf(row.type) : undefined }),
  );
  return { all, keys: all.map((f) => f.key), indexOf: new Map(all.map((f) => [f.key, f.index])), check };
}

/** The rows of an entry. */
export const ENTRY: Fields = fieldsOf({ fields: ENTRY_FIELDS });

/** An entry's keys, in the order they are written. */
export const ENTRY_KEYS = ENTRY.keys as readonly (keyof typeof ENTRY_FIELDS)[];

const everyRow: Field[] = ENTRY.all.flatMap((f) => [f, ...(f.fields?.all ?? [])]);
const keysWhere = (test: (f: Field) => boolean) => new Set(everyRow.filter(test).map((f) => f.key));

/** Every key of an entry and of the mappings under it, each once. */
export const KNOWN_KEYS: readonly string[] = [...keysWhere(() => true)];

/** Keys whose values recur from entry to entry. */
export const REPEATING_KEYS: ReadonlySet<string> = keysWhere((f) => !!f.repeats);

/** Keys whose values are whole numbers. */
export const INTEGER_KEYS: ReadonlySet<string> = keysWhere((f) => !f.fields && (f.type as FieldType).shape === 'integer');

/** Keys whose values are true or false. */
export const BOOLEAN_KEYS: ReadonlySet<string> = keysWhere((f) => !f.fields && (f.type as FieldType).shape === 'boolean');

/** The value of `f` in `value` as it is written: undefined when absent, or when its type writes nothing of it (a flag that is false). */
export function writtenValue(value: Readonly<Record<string, unknown>>, f: Field): unknown {
  const field = value[f.key];
  return field === undefined || f.fields || ((f.type as FieldType).written?.(field as never) ?? true) ? field : undefined;
}

/** Puts `share(text)` in place of each text of a repeating field of `value` (and of each item of a list): an entry sent from the worker then holds the strings the entries repeat once. */
export function shareRepeated(value: Record<string, unknown>, share: (text: string) => string, fields: Fields = ENTRY): void {
  for (const f of fields.all) {
    const field = value[f.key];
    if (field === undefined) continue;
    if (f.fields) shareRepeated(field as Record<string, unknown>, share, f.fields);
    else if (!f.repeats) continue;
    else if (Array.isArray(field)) for (let i = 0; i < field.length; i++) field[i] = share(field[i] as string);
    else value[f.key] = share(field as string);
  }
}
