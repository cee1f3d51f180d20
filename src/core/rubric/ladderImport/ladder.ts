/**
 * What every ladder shape reads into: names and statements in the source's order and words,
 * no ids yet. One function then gives ids, so every shape names things the same way.
 */
import { type DraftDimension, type DraftGroup, type RubricDraft } from '../rubricYaml';
import { IdAllocator, kebabId } from './ids';

export interface LadderDimension {
  name: string;
  description?: string;
  /** Statements per level, by the level's position in `Ladder.levels`; empty where the ladder says nothing. */
  statements: string[][];
  /** An id the source gives (FT-style YAML), kept when it is a usable id. */
  sourceId?: string;
}

export interface LadderGroup {
  name: string;
  /** Set when the source names no group here: how the name was guessed ("after the heading above its table"). */
  nameGuessed?: string;
  description?: string;
  dimensions: LadderDimension[];
}

export interface Ladder {
  name: string;
  levels: { name: string; sourceId?: string }[];
  groups: LadderGroup[];
}

/** A text that holds no ladder the importer can read; the message says what it looked for. */
export class LadderImportError extends Error {}

/** What an import left out and what it had to guess, for a person to check. */
export interface ImportReport {
  skipped: string[];
  guessed: string[];
}

export interface IdOptions {
  /** The rubric's id; by default derived from its name. */
  id?: string;
  /** The rubric's name; by default the ladder's title. */
  name?: string;
  /**
   * A previous version of this rubric: levels, groups and dimensions with the same name keep
   * their ids, so evidence tagged against them stays attached when a ladder is imported again.
   */
  previous?: RubricDraft;
}

/** The rubric schema's id pattern; `/` is out, as it separates the parts of a statement id. */
const USABLE_SOURCE_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

/** Gives the ladder ids and drops what would leave an empty dimension or group, saying so. */
export function ladderToRubric(ladder: Ladder, options: IdOptions, report: ImportReport): RubricDraft {
  const previous = options.previous;
  const previousLevels = byName(previous?.levels);
  const levelIds = new IdAllocator('level');
  const levels = ladder.levels.map((level) => ({
    id: levelIds.take(level.name, previousLevels(level.name)?.id ?? usable(level.sourceId)),
    name: level.name,
  }));

  const previousDimensions = byName(previous?.groups.flatMap((g) => g.dimensions));
  const previousGroups = byName(previous?.groups);
  const groupIds = new IdAllocator('group');
  const dimensionIds = new IdAllocator('dimension');
  const groups: DraftGroup[] = [];
  for (const group of ladder.groups) {
    const dimensions: DraftDimension[] = [];
    for (const dimension of group.dimensions) {
      const expectations: Record<string, string[]> = {};
      dimension.statements.forEach((statements, i) => {
        if (statements.length > 0 && levels[i]) expectations[levels[i].id] = statements;
      });
      if (Object.keys(expectations).length === 0) {
        report.skipped.push(`"${dimension.name}" states nothing at any level, so it is left out.`);
        continue;
      }
      const id = dimensionIds.take(dimension.name, previousDimensions(dimension.name)?.id ?? usable(dimension.sourceId));
      dimensions.push({ id, name: dimension.name, ...(dimension.description ? { description: dimension.description } : {}), expectations });
    }
    if (dimensions.length === 0) {
      report.skipped.push(`Group "${group.name}" has no dimension with statements, so it is left out.`);
      continue;
    }
    // A guessed group name gives way to the previous version's group that holds the same dimensions.
    const kept = previousGroups(group.name) ?? (group.nameGuessed ? groupHolding(previous, dimensions) : undefined);
    const name = group.nameGuessed && kept ? kept.name : group.name;
    if (group.nameGuessed && !kept) report.guessed.push(`The group of "${dimensions[0].name}" and the rest is named "${group.name}", ${group.nameGuessed}.`);
    groups.push({ id: groupIds.take(name, kept?.id), name, ...(group.description ? { description: group.description } : {}), dimensions });
  }
  return { id: options.id ?? previous?.id ?? (kebabId(options.name ?? ladder.name) || 'ladder'), name: options.name ?? ladder.name, levels, groups };
}

/** Finds an item by name as kebabId reads it, the first of its name; indexed once, so a large --keep-ids rubric costs one pass. */
function byName<T extends { name: string }>(items: readonly T[] | undefined): (name: string) => T | undefined {
  const index = new Map<string, T>();
  for (const item of items ?? []) {
    const key = kebabId(item.name);
    if (!index.has(key)) index.set(key, item);
  }
  return (name) => index.get(kebabId(name));
}

function usable(id: string | undefined): string | undefined {
  return id !== undefined && USABLE_SOURCE_ID.test(id) ? id : undefined;
}

/** The previous group that holds most of these dimensions (by id), when it holds over half of them. */
function groupHolding(previous: RubricDraft | undefined, dimensions: readonly DraftDimension[]): DraftGroup | undefined {
  const ids = new Set(dimensions.map((d) => d.id));
  let best: DraftGroup | undefined;
  let bestCount = 0;
  for (const group of previous?.groups ?? []) {
    const count = group.dimensions.filter((d) => ids.has(d.id)).length;
    if (count > bestCount) [best, bestCount] = [group, count];
  }
  return bestCount * 2 > dimensions.length ? best : undefined;
}
