/**
 * What switching a journal to another rubric means for its entries: the ids they use that the
 * new rubric lacks, each with a suggested id from matching names, so nothing is dropped unseen.
 */
import { type Journal } from './model';
import { kebabId } from '../rubric/ladderImport/ids';
import { allDimensions, type Rubric } from '../rubric/rubric';
import { refKey, rubricStatements } from '../rubric/statements';

export interface MissingId {
  id: string;
  /** Its name in the rubric the journal used, when that rubric has it. */
  name?: string;
  /** How many entries (or profile fields, for levels) use it. */
  uses: number;
  /** The new rubric's id for the same name, when there is one. */
  suggestion?: string;
}

export interface RubricSwitchPlan {
  dimensions: MissingId[];
  levels: MissingId[];
  /** `statements:` references (dimension/level/n, fingerprints aside) the new rubric lacks, with how many entries hold each. */
  statements: { id: string; uses: number }[];
}

/** The ids `journal` uses that `to` lacks, in order of first use; `from` is the rubric it used, if it loaded. */
export function planRubricSwitch(journal: Journal, from: Rubric | undefined, to: Rubric): RubricSwitchPlan {
  const dimensionUses = new Map<string, number>();
  const levelUses = new Map<string, number>();
  const statementUses = new Map<string, number>();
  const count = (map: Map<string, number>, id: string) => map.set(id, (map.get(id) ?? 0) + 1);
  for (const level of [journal.profile.currentLevel, journal.profile.targetLevel]) if (level) count(levelUses, level);
  for (const entry of journal.entries) {
    for (const id of new Set(entry.dimensions)) count(dimensionUses, id);
    if (entry.level) count(levelUses, entry.level);
    for (const ref of new Set(entry.statements?.map(refKey))) count(statementUses, ref);
  }

  const newDimensions = allDimensions(to);
  const oldDimensions = from ? allDimensions(from) : [];
  const statementIds = new Set(rubricStatements(to).map((s) => s.ref));
  return {
    dimensions: missing(dimensionUses, newDimensions, oldDimensions),
    levels: missing(levelUses, to.levels, from?.levels ?? []),
    statements: [...statementUses].filter(([id]) => !statementIds.has(id)).map(([id, uses]) => ({ id, uses })),
  };
}

function missing(uses: ReadonlyMap<string, number>, known: readonly { id: string; name: string }[], old: readonly { id: string; name: string }[]): MissingId[] {
  const ids = new Set(known.map((k) => k.id));
  const out: MissingId[] = [];
  for (const [id, count] of uses) {
    if (ids.has(id)) continue;
    const name = old.find((o) => o.id === id)?.name;
    out.push({ id, ...(name ? { name } : {}), uses: count, ...suggest(name ?? id, known) });
  }
  return out;
}

/** The known item named like `name`: the same words, or, for `Associate/Junior`-style names, one of its parts. */
function suggest(name: string, known: readonly { id: string; name: string }[]): { suggestion?: string } {
  const key = kebabId(name);
  const parts = (n: string) => n.split('/').map(kebabId).filter((p) => p !== '');
  const match =
    known.find((k) => kebabId(k.name) === key || k.id === key) ??
    known.find((k) => parts(k.name).some((p) => parts(name).includes(p)));
  return match ? { suggestion: match.id } : {};
}
