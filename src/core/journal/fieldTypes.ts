import { isScalar, type Node, type YAMLMap } from 'yaml';
import { isCommitSha } from '../git/commitSha';
import { hasCredentials } from '../git/remoteUrl';
import { quoted } from '../text/problem';
import { workspacePath } from '../text/workspacePath';
import { parseIsoDate } from '../time/dates';
import { pairOf, type NodeReader } from '../yaml/source';
import { yamlFlowScalar, yamlLiteralBlock, yamlQuoted, yamlScalar } from '../yaml/scalars';

/*
 * The types of an entry's values (fields.ts gives each key one). A type says, once for every
 * key of it, how the full reader reads a value from its node and what it reports where, which
 * values the line reader's fast path takes as they are (any other it leaves to the full reader,
 * so the two agree), and how the value is written.
 */

/** A value the line reader reads (yaml's `Scalar` is the node that holds one), or a list it read. */
export type ScalarValue = string | number | boolean;

/** `test(text)`, asked once per distinct text: most texts repeat from entry to entry. */
export type Judge = (text: string, test: (text: string) => boolean) => boolean;

/** A field as the full reader reads it, and how its problems name it. */
export interface FieldAt {
  r: NodeReader;
  map: YAMLMap;
  key: string;
  required: boolean;
  /** The mapping that holds the key, as messages name it: `Entry "x"`, `"commit" of Entry "x"`. */
  what: string;
  /** The key with the keys above it, of its entry: `"commit.sha" of Entry "x"`. */
  path: string;
}

/** How a value is written: every string quoted (when the readable form would not read back), and the indent of a block's lines. */
export interface WriteHow {
  quoteAll: boolean;
  indent: string;
  eol: string;
}

/** What the line reader hands on for a key: plain digits read as numbers for `integer`, true and false as booleans for `boolean`. */
type Shape = 'text' | 'integer' | 'boolean' | 'list';

export interface FieldType<T = unknown> {
  shape: Shape;
  /** The value under `at.key`, or undefined when absent or wrong (its problem reported). */
  read(at: FieldAt): T | undefined;
  /** A check once every required field beside it has read (a misfit there says enough). */
  check?(at: FieldAt, value: T): void;
  /** What a required field holds when it is absent or wrong, where the entry is read anyway. */
  empty?(): T;
  /**
   * Whether read() takes `value`, as the line reader read it, without a problem; when it does,
   * the value as read() reads it is put in `into[at]` (left as it is when it does not).
   */
  fit(value: ScalarValue | string[], judge: Judge, into: unknown[], at: number): boolean;
  /** The value in a block mapping. */
  write(value: T, how: WriteHow): string;
  /** Whether the value is written at all: a flag that is false is not (an entry read holds only true). */
  written?(value: T): boolean;
}

/** A type with every method it may have set (undefined where it has none), so that every type has one shape, and the readers' calls of them stay fast. */
function typed<T>(type: FieldType<T>): FieldType<T> {
  const { shape, read, check, empty, fit, write, written } = type;
  return { shape, read, check, empty, fit, write, written };
}

/** The node of `key`'s value, to place a problem about the value. */
export function valueNode(map: YAMLMap, key: string): Node | undefined {
  return (pairOf(map, key)?.value as Node | undefined) ?? undefined;
}

/** Puts `value` in `into[at]` when `fits`. */
function put(fits: boolean, value: unknown, into: unknown[], at: number): boolean {
  if (fits) into[at] = value;
  return fits;
}

/** Text that is not blank, as NodeReader.string and NodeReader.id take it. */
function isPlainText(value: ScalarValue | string[]): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

const plainText = (value: ScalarValue | string[], _judge: Judge, into: unknown[], at: number) => put(isPlainText(value), value, into, at);

/** A readable scalar, or quoted when every string must be. */
const scalar = (value: string, how: WriteHow) => (how.quoteAll ? yamlQuoted(value) : yamlScalar(value));

/** Text that is not blank. */
export const text: FieldType<string> = typed({
  shape: 'text',
  read: ({ r, map, key, what, required }) => r.string(map, key, what, required),
  empty: () => '',
  fit: plainText,
  write: scalar,
});

/** An id: text, or a plain number (YAML reads `1` as a number; ids like that are fine, and the fast path leaves them to the full reader). */
export const id: FieldType<string> = typed({ ...text, read: ({ r, map, key, what, required }) => r.id(map, key, what, required) });

const isIsoDate = (value: string) => parseIsoDate(value) !== undefined;

/** A real calendar date, YYYY-MM-DD. */
export const date: FieldType<string> = typed({
  shape: 'text',
  read: ({ r, map, key, what, required }) => {
    const node = r.field(map, key, what, required);
    if (!node) return undefined;
    const value = isScalar(node) ? node.value : undefined;
    if (typeof value === 'string' && isIsoDate(value)) return value;
    const shown = isScalar(node) ? `"${String(value)}"` : 'a non-date value';
    r.report(node, `${what} has ${key} ${shown}, which is not a real calendar date. Write it as YYYY-MM-DD.`, 'bad-date', 'warning');
    return undefined;
  },
  empty: () => '',
  fit: (value, judge, into, at) => put(isPlainText(value) && judge(value, isIsoDate), value, into, at),
  // A YYYY-MM-DD date reads back as text under YAML 1.2's core schema, so it can stay plain.
  write: (value, how) => (!how.quoteAll && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : scalar(value, how)),
});

/** One of `values`, held as the constant itself (one string for every entry); `fallback` when absent or another. */
export function oneOf<V extends string>(values: readonly V[], fallback: V): FieldType<V> {
  return typed({
    shape: 'text',
    read: ({ r, map, key, what, required }) => {
      const value = r.string(map, key, what, required);
      if (value === undefined) return undefined;
      const index = values.indexOf(value as V);
      if (index >= 0) return values[index];
      r.report(valueNode(map, key), `${what} has ${key} "${value}"; use one of ${values.join(', ')}.`, `unknown-${key}`);
      return undefined;
    },
    empty: () => fallback,
    fit: (value, _judge, into, at) => {
      const index = values.indexOf(value as V);
      return put(index >= 0, values[index], into, at);
    },
    write: (value) => value,
  });
}

/** Text, or a number read as text. */
export const anyText: FieldType<string> = typed({
  shape: 'text',
  read: ({ r, map, key, what, required }) => {
    const node = r.field(map, key, what, required);
    if (!node) return undefined;
    if (isScalar(node) && (typeof node.value === 'string' || typeof node.value === 'number')) return String(node.value);
    r.report(node, `"${key}" of ${what} must be text.`, 'wrong-type');
    return undefined;
  },
  fit: (value, _judge, into, at) => put(typeof value === 'string' || typeof value === 'number', String(value), into, at),
  write: (value) => yamlQuoted(value),
});

/** Text of any length and lines, written as a literal block where it has lines. */
export const prose: FieldType<string> = typed({
  ...anyText,
  write: (value, how) => (!how.quoteAll && yamlLiteralBlock(value, how.indent, how.eol)) || yamlQuoted(value),
});

/** A list of ids; one id on its own is a list of one. */
export const ids: FieldType<string[]> = typed({
  shape: 'list',
  read: ({ r, map, key, what, required }) => {
    const node = r.field(map, key, what, required);
    return node ? r.strings(node, `"${key}" of ${what}`) : undefined;
  },
  empty: () => [],
  fit: (value, _judge, into, at) => put(typeof value === 'string' || typeof value === 'object', typeof value === 'string' ? [value] : value, into, at),
  write: (value, how) => `[${value.map((item) => (how.quoteAll ? yamlQuoted(item) : yamlFlowScalar(item))).join(', ')}]`,
});

/** true or false; an entry holds only true. */
export const flag: FieldType<true> = typed({
  shape: 'boolean',
  read: ({ r, map, key, what }) => {
    const node = r.field(map, key, what, false);
    if (!node) return undefined;
    if (isScalar(node) && typeof node.value === 'boolean') return node.value || undefined;
    r.report(node, `"${key}" of ${what} must be true or false.`, 'wrong-type');
    return undefined;
  },
  fit: (value, _judge, into, at) => put(typeof value === 'boolean', value || undefined, into, at),
  write: () => 'true',
  written: (value) => value,
});

/** A whole number. */
export const integer: FieldType<number> = typed({
  shape: 'integer',
  read: ({ r, map, key, what, required }) => r.integer(map, key, what, required),
  fit: (value, _judge, into, at) => put(typeof value === 'number' && Number.isInteger(value), value, into, at),
  write: (value) => String(value),
});

/**
 * A commit hash, or undefined after an error at its place: only a value that passes isCommitSha
 * ever reaches the model, and so git.
 */
export const sha: FieldType<string> = typed({
  shape: 'text',
  read: ({ r, map, key, what, path, required }) => {
    const node = r.field(map, key, what, required);
    if (!node) return undefined;
    // YAML reads an all-digit hash as a number, losing digits: judge the text as written.
    const value = isScalar(node) && typeof node.value === 'number' && node.range ? r.source.text.slice(node.range[0], node.range[1]) : isScalar(node) ? node.value : undefined;
    if (isCommitSha(value)) return value;
    const written = typeof value === 'string' ? ` is ${quoted(value)}, which` : '';
    r.report(node, `${path}${written} is not a commit hash. Write the hash git shows: 7 to 64 hex digits (0-9, a-f).`, 'bad-sha');
    return undefined;
  },
  fit: (value, _judge, into, at) => put(isCommitSha(value), value, into, at),
  write: scalar,
});

/** The problem code of a URL with credentials in the journal: the quick fix looks for it. */
export const CREDENTIALS_CODE = 'credentials-in-url';

const isCleanUrl = (value: string) => value.trim() !== '' && !hasCredentials(value);

/** A URL; one that carries user info or a query is said (the secret itself is never repeated in the message). */
export const url: FieldType<string> = typed({
  shape: 'text',
  read: (at) => {
    const value = text.read(at);
    if (value !== undefined && hasCredentials(value)) {
      at.r.report(valueNode(at.map, at.key), `${at.path} carries a user name, password or token, or a query, which a journal people commit should not hold. Use the quick fix to remove it (the URL works without it).`, CREDENTIALS_CODE, 'warning');
    }
    return value;
  },
  fit: (value, judge, into, at) => put(typeof value === 'string' && judge(value, isCleanUrl), value, into, at),
  write: scalar,
});

const isPlainWorkspacePath = (value: string) => value.trim() !== '' && workspacePath(value).ok;

/** A path inside the workspace, relative to its folder, with / between folders; one that leads outside is said. */
export const filePath: FieldType<string> = typed({
  ...text,
  check: ({ r, map, key, what }, value) => {
    const path = workspacePath(value);
    if (path.ok) return;
    r.report(valueNode(map, key), `${what} has ${key} ${quoted(value)}, ${path.reason}. Growth Journal opens only files inside the workspace: write the path relative to the workspace folder, with / between folders.`, 'path-outside-workspace', 'warning');
  },
  fit: (value, judge, into, at) => put(typeof value === 'string' && judge(value, isPlainWorkspacePath), value, into, at),
});
