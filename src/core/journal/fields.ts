/**
 * The keys of a journal entry, one row each, in the order Growth Journal writes them; the
 * readers' lists of keys are made from these rows, not written out again.
 *
 * `repeats`: its values recur from entry to entry (ids of dimensions, levels, dates, files),
 * and the line reader makes one string of each. `integer`: its value is a whole number.
 * `fields`: the keys of a mapping under it.
 *
 * A new key is a row here, then its reading (model.ts: readEntry and PlainEntryReader) and its
 * writing (edit.ts: renderEntry); the line reader (fastReader.ts) takes it from the rows.
 */
interface FieldRow {
  repeats?: true;
  integer?: true;
  fields?: Readonly<Record<string, FieldRow>>;
}

const COMMIT_FIELDS = { sha: {}, repo: { repeats: true }, subject: {} } as const satisfies Record<string, FieldRow>;
const SELECTION_FIELDS = { file: { repeats: true }, startLine: { integer: true }, endLine: { integer: true }, sha: {}, link: {}, hash: {}, firstLine: {} } as const satisfies Record<string, FieldRow>;

const ENTRY_FIELDS = {
  id: {},
  date: { repeats: true },
  kind: {},
  title: {},
  dimensions: { repeats: true },
  level: { repeats: true },
  commit: { fields: COMMIT_FIELDS },
  selection: { fields: SELECTION_FIELDS },
  note: {},
  statements: { repeats: true },
  private: {},
} as const satisfies Record<string, FieldRow>;

/** An entry's keys, in the order they are written. */
export const ENTRY_KEYS: readonly (keyof typeof ENTRY_FIELDS)[] = Object.keys(ENTRY_FIELDS) as (keyof typeof ENTRY_FIELDS)[];

const rows: [string, FieldRow][] = Object.entries(ENTRY_FIELDS);
const nestedRows: [string, FieldRow][] = rows.flatMap(([, row]) => Object.entries(row.fields ?? {}));

/** Every key of an entry and of the mappings under it, each once. */
export const KNOWN_KEYS: readonly string[] = [...new Set([...rows, ...nestedRows].map(([key]) => key))];

/** Keys whose values recur from entry to entry. */
export const REPEATING_KEYS: ReadonlySet<string> = new Set([...rows, ...nestedRows].filter(([, row]) => row.repeats).map(([key]) => key));

/** Keys whose values are whole numbers. */
export const INTEGER_KEYS: ReadonlySet<string> = new Set([...rows, ...nestedRows].filter(([, row]) => row.integer).map(([key]) => key));
