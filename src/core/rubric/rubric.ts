import { isScalar, type Node, type YAMLMap } from 'yaml';
import { type Problem } from '../text/problem';
import { contentHash } from '../text/strings';
import { NodeReader, parseYaml } from '../yaml/source';

export interface Level {
  id: string;
  name: string;
}

export interface Dimension {
  id: string;
  name: string;
  /** What the dimension is about (an FT theme's summary), for tooltips; not a statement. */
  description?: string;
  groupId: string;
  /** Level id -> statements, one sentence each. Only the levels the rubric describes. */
  expectations: Readonly<Record<string, readonly string[]>>;
}

export interface Group {
  id: string;
  name: string;
  description?: string;
  dimensions: readonly Dimension[];
}

export interface Rubric {
  id: string;
  name: string;
  version: number;
  /** Lowest first. */
  levels: readonly Level[];
  groups: readonly Group[];
  /** Fingerprint of the rubric's text, so a summary can show which wording it used. */
  hash: string;
}

const MIN_LEVELS = 2;
const MAX_LEVELS = 10;

export type RubricParse = { rubric: Rubric; problems: Problem[] } | { rubric: undefined; problems: Problem[] };

/** A ladder of 10 levels and hundreds of statements is under 200 KB; this bounds what a hostile file can cost. */
export const MAX_RUBRIC_BYTES = 2 * 1024 * 1024;

export const RUBRIC_TOO_LARGE: Problem = {
  severity: 'error',
  code: 'too-large',
  message: `The rubric is over ${MAX_RUBRIC_BYTES / 1024 / 1024} MB, far more than any ladder needs, so Growth Journal did not read it. Check that the journal names the right file.`,
  line: 1,
  column: 1,
};

/** Parses and validates a rubric. Any error means no rubric: a half-read ladder would mislead. */
export function parseRubric(text: string): RubricParse {
  if (text.length > MAX_RUBRIC_BYTES) return { rubric: undefined, problems: [RUBRIC_TOO_LARGE] };
  const parsed = parseYaml(text);
  if (!parsed.ok) return { rubric: undefined, problems: parsed.problems };
  const r = new NodeReader(parsed.source);
  const root = r.map(parsed.source.doc.contents, 'A rubric', parsed.source.doc.contents as Node | null);
  if (!root) return { rubric: undefined, problems: [...parsed.problems, ...r.problems] };

  const id = r.id(root, 'id', 'The rubric');
  const name = r.string(root, 'name', 'The rubric');
  const version = r.integer(root, 'version', 'The rubric', false) ?? 1;
  const levels = readLevels(r, root);
  const levelIds = new Set(levels.map((l) => l.id));
  const groups = readGroups(r, root, levelIds);

  const problems = [...parsed.problems, ...r.problems];
  if (problems.some((p) => p.severity === 'error') || id === undefined || name === undefined) {
    return { rubric: undefined, problems };
  }
  return { rubric: { id, name, version, levels, groups, hash: contentHash(text) }, problems };
}

function readLevels(r: NodeReader, root: YAMLMap): Level[] {
  const node = r.field(root, 'levels', 'The rubric', true);
  const seq = node && r.seq(node, '"levels"');
  if (!seq) return [];
  const levels: Level[] = [];
  const seen = new Set<string>();
  for (const item of seq.items) {
    const map = r.map(item, 'Each level', seq);
    if (!map) continue;
    const id = r.id(map, 'id', 'A level');
    const name = r.string(map, 'name', 'A level');
    if (id === undefined || name === undefined) continue;
    if (seen.has(id)) r.report(map, `Level id "${id}" is used twice. Level ids must be unique.`, 'duplicate-id');
    seen.add(id);
    levels.push({ id, name });
  }
  if (levels.length < MIN_LEVELS || levels.length > MAX_LEVELS) {
    r.report(seq, `A rubric needs ${MIN_LEVELS} to ${MAX_LEVELS} levels, lowest first; this one has ${levels.length}.`, 'level-count');
  }
  return levels;
}

function readGroups(r: NodeReader, root: YAMLMap, levelIds: ReadonlySet<string>): Group[] {
  const node = r.field(root, 'groups', 'The rubric', true);
  const seq = node && r.seq(node, '"groups"');
  if (!seq) return [];
  const groups: Group[] = [];
  const groupIds = new Set<string>();
  const dimensionIds = new Set<string>();
  for (const item of seq.items) {
    const map = r.map(item, 'Each group', seq);
    if (!map) continue;
    const id = r.id(map, 'id', 'A group');
    const name = r.string(map, 'name', 'A group');
    const description = r.string(map, 'description', 'A group', false);
    if (id === undefined || name === undefined) continue;
    if (groupIds.has(id)) r.report(map, `Group id "${id}" is used twice. Group ids must be unique.`, 'duplicate-id');
    groupIds.add(id);
    const dimsNode = r.field(map, 'dimensions', `Group "${id}"`, true);
    const dimsSeq = dimsNode && r.seq(dimsNode, `"dimensions" of group "${id}"`);
    const dimensions: Dimension[] = [];
    for (const d of dimsSeq?.items ?? []) {
      const dimension = readDimension(r, d, id, levelIds);
      if (!dimension) continue;
      if (dimensionIds.has(dimension.id)) {
        r.report(d as Node, `Dimension id "${dimension.id}" is used twice. Dimension ids must be unique across the rubric.`, 'duplicate-id');
      }
      dimensionIds.add(dimension.id);
      dimensions.push(dimension);
    }
    groups.push({ id, name, ...(description === undefined ? {} : { description }), dimensions });
  }
  return groups;
}

function readDimension(r: NodeReader, node: unknown, groupId: string, levelIds: ReadonlySet<string>): Dimension | undefined {
  const map = r.map(node, 'Each dimension');
  if (!map) return undefined;
  const id = r.id(map, 'id', 'A dimension');
  const name = r.string(map, 'name', `Dimension "${id ?? '?'}"`);
  const description = r.string(map, 'description', `Dimension "${id ?? '?'}"`, false);
  if (id === undefined || name === undefined) return undefined;
  const expNode = r.field(map, 'expectations', `Dimension "${id}"`, true);
  const expMap = expNode && r.map(expNode, `"expectations" of dimension "${id}"`);
  const expectations: Record<string, readonly string[]> = {};
  for (const pair of expMap?.items ?? []) {
    const levelId = isScalar(pair.key) ? String(pair.key.value) : '';
    if (!levelIds.has(levelId)) {
      r.report(pair.key as Node, `Dimension "${id}" has expectations for "${levelId}", which is not one of the rubric's levels (${[...levelIds].join(', ')}).`, 'unknown-level');
      continue;
    }
    const statements = pair.value ? r.strings(pair.value as Node, `expectations "${levelId}" of dimension "${id}"`) : [];
    if (statements.length > 0) expectations[levelId] = statements;
  }
  if (expMap && Object.keys(expectations).length === 0) {
    r.report(expMap, `Dimension "${id}" describes no level. Give at least one level a list of statements.`, 'no-expectations');
  }
  return { id, name, ...(description === undefined ? {} : { description }), groupId, expectations };
}

export function allDimensions(rubric: Rubric): Dimension[] {
  return rubric.groups.flatMap((g) => g.dimensions);
}

export function findDimension(rubric: Rubric, id: string): Dimension | undefined {
  for (const g of rubric.groups) for (const d of g.dimensions) if (d.id === id) return d;
  return undefined;
}

/** Dimensions by name, in the order given ("Technical Depth, Risk Management"); an id the rubric lacks stays an id. */
export function dimensionNames(rubric: Rubric | undefined, ids: readonly string[]): string {
  return ids.map((id) => (rubric && findDimension(rubric, id)?.name) || id).join(', ');
}

/** Position of a level in the ladder, lowest 0; -1 when unknown. */
export function levelRank(rubric: Rubric, levelId: string | undefined): number {
  return levelId === undefined ? -1 : rubric.levels.findIndex((l) => l.id === levelId);
}

export function levelName(rubric: Rubric, levelId: string | undefined): string {
  return rubric.levels.find((l) => l.id === levelId)?.name ?? levelId ?? '';
}
