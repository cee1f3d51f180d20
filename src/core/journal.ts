import { isMap, isScalar, isSeq, type Node, type Pair, type YAMLMap } from 'yaml';
import { parseIsoDate } from './dates';
import { type Problem } from './problem';
import { findDimension, levelRank, type Rubric } from './rubric';
import { ENTRIES_PER_STEP, journalSourceSteps, runSteps } from './fastJournal';
import { NodeReader, parseYaml, positionOf, type YamlSource } from './yamlSource';

const ENTRY_KINDS = ['commit', 'selection', 'note'] as const;
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
  private?: boolean;
}

export interface Entry extends EntryData {
  /** 1-based line of the entry's first key, to open it in the journal. */
  line: number;
  /** Fields this version does not know, when there are some; edits leave them as the user wrote them. */
  extra?: Readonly<Record<string, unknown>>;
}

export interface Profile {
  currentLevel?: string;
  targetLevel?: string;
}

export interface Journal {
  version: number;
  /** A bundled rubric id or a path to a rubric file, relative to the journal's workspace folder. */
  rubric?: string;
  profile: Profile;
  entries: Entry[];
}

export type JournalParse =
  | { journal: Journal; problems: Problem[]; source: YamlSource; entryNodes: YAMLMap[] }
  | { journal: undefined; problems: Problem[]; source: undefined; entryNodes?: undefined };

const ENTRY_KEYS = new Set(['id', 'date', 'kind', 'title', 'dimensions', 'level', 'commit', 'selection', 'note', 'private']);

/**
 * Parses a journal, through the fast path where it applies (see fastJournal.ts). Only a YAML syntax error (or a root that is not a mapping) yields no
 * journal; a misfit entry is reported where it stands and read as far as it makes sense.
 */
export function parseJournal(text: string, options: { fast?: boolean } = {}): JournalParse {
  return runSteps(parseJournalSteps(text, options));
}

/** parseJournal in steps (see fastJournal.ts), for hosts that must stay responsive during long reads. */
export function* parseJournalSteps(text: string, options: { fast?: boolean } = {}): Generator<void, JournalParse> {
  const fast = options.fast === false ? undefined : yield* journalSourceSteps(text);
  const parsed = fast ? ({ ok: true, source: fast, problems: [] } as const) : parseYaml(text);
  if (!parsed.ok) return { journal: undefined, problems: parsed.problems, source: undefined };
  const { source } = parsed;
  const r = new NodeReader(source);
  const contents = source.doc.contents as Node | null;
  const root = r.map(contents, 'A journal', contents);
  if (!root) return { journal: undefined, problems: [...parsed.problems, ...r.problems], source: undefined };

  const version = r.integer(root, 'version', 'The journal', false) ?? 1;
  if (version !== 1) r.report(r.field(root, 'version', '', false), `Journal version ${version} is newer than this extension understands (1). Update Growth Journal.`, 'version');
  const rubric = r.string(root, 'rubric', 'The journal', false);
  const profile = readProfile(r, root);
  const entriesNode = r.field(root, 'entries', 'The journal', false);
  const entries: Entry[] = [];
  const entryNodes: YAMLMap[] = [];
  const seq = entriesNode && r.seq(entriesNode, '"entries"');
  const ids = new Map<string, number>();
  for (const [n, item] of (seq?.items ?? []).entries()) {
    if (n % ENTRIES_PER_STEP === ENTRIES_PER_STEP - 1) yield;
    const entry = readEntry(r, item as Node);
    if (!entry) continue;
    const earlier = ids.get(entry.id);
    if (earlier !== undefined) {
      r.report(entryField(item as YAMLMap, 'id') ?? (item as Node), `Entry id "${entry.id}" is used again (first on line ${earlier}). Give each entry its own id.`, 'duplicate-id');
    } else ids.set(entry.id, entry.line);
    entries.push(entry);
    entryNodes.push(item as YAMLMap);
  }
  return {
    journal: { version, ...(rubric === undefined ? {} : { rubric }), profile, entries },
    problems: [...parsed.problems, ...r.problems],
    source,
    entryNodes,
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
  const pair = map.items.find((p: Pair) => isScalar(p.key) && p.key.value === key);
  return (pair?.value as Node | undefined) ?? undefined;
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
  const isPrivate = readBoolean(r, map, 'private', what);
  const commit = readCommit(r, map, what);
  const selection = readSelection(r, map, what);
  if (kind === 'commit' && !commit && kindText !== undefined) r.report(map, `${what} is a commit entry without "commit: { sha: ... }".`, 'missing-field', 'warning');
  if (kind === 'selection' && !selection && kindText !== undefined) r.report(map, `${what} is a selection entry without "selection: { file: ..., startLine: ..., endLine: ... }".`, 'missing-field', 'warning');

  // Absent rather than empty: a large journal has tens of thousands of entries, nearly all without.
  let extra: Record<string, unknown> | undefined;
  for (const pair of map.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    if (!ENTRY_KEYS.has(key)) (extra ??= {})[key] = isScalar(pair.value) ? pair.value.value : (pair.value as { toJSON?: () => unknown } | null)?.toJSON?.() ?? null;
  }
  return {
    id,
    date: date ?? '',
    kind,
    title,
    dimensions,
    ...(level === undefined ? {} : { level }),
    ...(commit ? { commit } : {}),
    ...(selection ? { selection } : {}),
    ...(note === undefined ? {} : { note }),
    ...(isPrivate ? { private: true } : {}),
    line,
    ...(extra ? { extra } : {}),
  };
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
  const sha = r.id(m, 'sha', `"commit" of ${what}`);
  if (sha === undefined) return undefined;
  if (!/^[0-9a-f]{4,64}$/i.test(sha)) r.report(entryField(m, 'sha'), `"commit.sha" of ${what} is not a commit hash.`, 'bad-sha', 'warning');
  const repo = r.string(m, 'repo', `"commit" of ${what}`, false);
  const subject = readText(r, m, 'subject', `"commit" of ${what}`);
  return { sha, ...(repo === undefined ? {} : { repo }), ...(subject === undefined ? {} : { subject }) };
}

function readSelection(r: NodeReader, map: YAMLMap, what: string): SelectionRef | undefined {
  const node = r.field(map, 'selection', what, false);
  const m = node && r.map(node, `"selection" of ${what}`);
  if (!m) return undefined;
  const w = `"selection" of ${what}`;
  const file = r.string(m, 'file', w);
  const startLine = r.integer(m, 'startLine', w);
  const endLine = r.integer(m, 'endLine', w);
  if (file === undefined || startLine === undefined || endLine === undefined) return undefined;
  if (startLine < 1 || endLine < startLine) r.report(m, `${w} has lines ${startLine}-${endLine}; lines start at 1 and end after they start.`, 'bad-lines');
  const sha = r.string(m, 'sha', w, false);
  const link = r.string(m, 'link', w, false);
  return { file, startLine, endLine, ...(sha === undefined ? {} : { sha }), ...(link === undefined ? {} : { link }) };
}

/** Checks a parsed journal against its rubric: unknown dimensions and levels are warnings where they stand. */
export function checkJournal(parse: JournalParse, rubric: Rubric): Problem[] {
  if (!parse.journal || !parse.source) return [];
  const problems: Problem[] = [];
  const { journal, source } = parse;
  const root = source.doc.contents as YAMLMap;
  const levels = rubric.levels.map((l) => l.id).join(', ');
  const profile = root.get('profile', true) as Node | undefined;
  for (const key of ['currentLevel', 'targetLevel'] as const) {
    const value = journal.profile[key];
    if (value !== undefined && levelRank(rubric, value) < 0) {
      const node = isMap(profile) ? (profile.get(key, true) as Node) : profile;
      problems.push({ severity: 'warning', code: 'unknown-level', message: `Profile ${key} "${value}" is not a level of ${rubric.name} (${levels}).`, ...positionOf(source, node) });
    }
  }
  journal.entries.forEach((entry, index) => {
    const map = parse.entryNodes[index];
    const dims = map.get('dimensions', true);
    entry.dimensions.forEach((id, i) => {
      if (findDimension(rubric, id)) return;
      const at = isSeq(dims) ? (dims.items[i] as Node) : (dims as Node | undefined);
      problems.push({ severity: 'warning', code: 'unknown-dimension', message: `Entry "${entry.id}" names dimension "${id}", which ${rubric.name} does not have.`, ...positionOf(source, at) });
    });
    if (entry.dimensions.length === 0) {
      problems.push({ severity: 'warning', code: 'no-dimensions', message: `Entry "${entry.id}" is tagged with no dimension, so it counts toward none.`, line: entry.line, column: 1 });
    }
    if (entry.level !== undefined && levelRank(rubric, entry.level) < 0) {
      problems.push({ severity: 'warning', code: 'unknown-level', message: `Entry "${entry.id}" claims level "${entry.level}", which is not a level of ${rubric.name} (${levels}).`, ...positionOf(source, map.get('level', true) as Node | undefined) });
    }
  });
  return problems;
}
