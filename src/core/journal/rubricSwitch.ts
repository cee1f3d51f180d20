/**
 * What switching a journal to another rubric means for its entries: the ids they use that the
 * new rubric lacks, each with a suggested id from matching names, so nothing is dropped unseen;
 * and the switch as one op that records what it did (switchHistory.ts), so that the switch back
 * gives every entry, and the profile, the ids they had, merged ids included.
 */
import { type Entry, type Journal } from './model';
import { type RubricSwitch } from './edit';
import { type EntryIdsBefore, type SwitchRecord } from './switchHistory';
import { kebabId } from '../rubric/ladderImport/ids';
import { allDimensions, type Rubric } from '../rubric/rubric';
import { rubricRef } from '../rubric/rubricRef';
import { refKey, rubricStatements } from '../rubric/statements';

export interface MissingId {
  id: string;
  /** Its name in the rubric the journal used, when that rubric has it. */
  name?: string;
  /** How many entries (or profile fields, for levels) use it. */
  uses: number;
  /** The new rubric's id for the same name, when there is one. */
  suggestion?: string;
  /** The id an earlier switch from the new rubric recorded for it: used without asking. */
  recorded?: string;
}

export interface RubricSwitchPlan {
  dimensions: MissingId[];
  levels: MissingId[];
  /** `statements:` references (dimension/level/n, fingerprints aside) the new rubric lacks, with how many entries hold each. */
  statements: { id: string; uses: number }[];
  /**
   * Set when the journal came to its rubric from the new one by the last recorded switches (one,
   * or a chain: A to B to C, back to A): those, newest first, are undone exactly.
   */
  back?: SwitchRecord[];
}

/** A journal's `rubric:` as the rubric it names: a journal that names none is on the default. */
export function currentRubricRef(journal: Journal): string {
  const ref = rubricRef(journal.rubric);
  return ref.kind === 'bundled' ? ref.id : ref.path;
}

/**
 * The ids `journal` uses that `to` lacks, in order of first use; `from` is the rubric it used, if
 * it loaded. Given `toRef`, what `rubricHistory` says: going back over the last switch asks only
 * about ids the journal took up on `from` since, and an earlier switch from `to` answers for the
 * ids it mapped.
 */
export function planRubricSwitch(journal: Journal, from: Rubric | undefined, to: Rubric, toRef?: string): RubricSwitchPlan {
  const back = toRef === undefined ? undefined : chainBack(journal, toRef);
  const view = back ? switchedBack(journal, back) : journal;
  const dimensionUses = new Map<string, number>();
  const levelUses = new Map<string, number>();
  const statementUses = new Map<string, number>();
  const count = (map: Map<string, number>, id: string) => map.set(id, (map.get(id) ?? 0) + 1);
  for (const level of [view.profile.currentLevel, view.profile.targetLevel]) if (level) count(levelUses, level);
  for (const entry of view.entries) {
    for (const id of new Set(entry.dimensions)) count(dimensionUses, id);
    if (entry.level) count(levelUses, entry.level);
    for (const ref of new Set(entry.statements?.map(refKey))) count(statementUses, ref);
  }
  if (back && from) {
    // Ids the switch gave back were the journal's before it; only ids of `from` with no way back are questions.
    const onFrom = idsOf(from);
    for (const uses of [dimensionUses, levelUses]) for (const id of uses.keys()) if (!onFrom.has(id)) uses.delete(id);
  }

  const newDimensions = allDimensions(to);
  const oldDimensions = from ? allDimensions(from) : [];
  const statementIds = new Set(rubricStatements(to).map((s) => s.ref));
  const earlier = toRef === undefined || back ? undefined : [...(journal.rubricHistory ?? [])].reverse().find((h) => h.from === toRef && h.to === currentRubricRef(journal));
  const ids = idsOf(to);
  return {
    dimensions: missing(dimensionUses, newDimensions, oldDimensions, earlier && backMap(earlier.dimensions, ids)),
    levels: missing(levelUses, to.levels, from?.levels ?? [], earlier && backMap(earlier.levels, ids)),
    statements: [...statementUses].filter(([id]) => !statementIds.has(id)).map(([id, uses]) => ({ id, uses })),
    ...(back ? { back } : {}),
  };
}

/** The last recorded switches that lead from `toRef` to the journal's rubric, newest first; undefined when none do. */
function chainBack(journal: Journal, toRef: string): SwitchRecord[] | undefined {
  const history = journal.rubricHistory ?? [];
  let at = currentRubricRef(journal);
  for (let i = history.length - 1; i >= 0 && history[i].to === at; i--) {
    if (history[i].from === toRef) return history.slice(i).reverse();
    at = history[i].from;
  }
  return undefined;
}

/** The ids a rubric has, dimensions and levels alike (a map's keys are one or the other, never confused in use). */
function idsOf(rubric: Rubric): Set<string> {
  return new Set([...allDimensions(rubric).map((d) => d.id), ...rubric.levels.map((l) => l.id)]);
}

/**
 * A switch's map read backwards: a new id that one old id alone became goes back to it, unless
 * the old rubric has the new id itself (`known`; then it stays). Ids two old ones merged into
 * stay too; what each entry had is in the record for those.
 */
function backMap(map: Readonly<Record<string, string>>, known: ReadonlySet<string>): Record<string, string> {
  const sources = new Map<string, string[]>();
  for (const [old, now] of Object.entries(map)) sources.set(now, [...(sources.get(now) ?? []), old]);
  const out: Record<string, string> = {};
  for (const [now, olds] of sources) if (olds.length === 1 && !known.has(now)) out[now] = olds[0];
  return out;
}

const mapped = (map: Readonly<Record<string, string>>, id: string) => (Object.hasOwn(map, id) ? map[id] : id);
const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** What an entry's ids become when `record` is undone: what it had, if it still holds what the switch made of that; else its ids read backwards. */
function entryBack(entry: Entry, record: SwitchRecord, dimensionsBack: Readonly<Record<string, string>>, levelsBack: Readonly<Record<string, string>>): { dimensions: string[]; level?: string } {
  const had = Object.hasOwn(record.entriesBefore, entry.id) ? record.entriesBefore[entry.id] : undefined;
  const dimensions = had?.dimensions && sameList(had.dimensions.map((d) => mapped(record.dimensions, d)), entry.dimensions) ? [...had.dimensions] : entry.dimensions.map((d) => mapped(dimensionsBack, d));
  if (entry.level === undefined) return { dimensions };
  const level = had?.level !== undefined && mapped(record.levels, had.level) === entry.level ? had.level : mapped(levelsBack, entry.level);
  return { dimensions, level };
}

/**
 * The journal as undoing `records` (newest first) leaves it. Each record holds all it needs
 * (its maps, the new ids its old rubric had too, what entries had where that is not enough), so
 * no rubric in between is read, and one edited since changes nothing.
 */
function switchedBack(journal: Journal, records: readonly SwitchRecord[]): Journal {
  return records.reduce(undoneOnce, journal);
}

function undoneOnce(journal: Journal, record: SwitchRecord): Journal {
  const known = new Set(record.targetsKept);
  const dimensionsBack = backMap(record.dimensions, known);
  const levelsBack = backMap(record.levels, known);
  const profile = { ...journal.profile };
  for (const key of ['currentLevel', 'targetLevel'] as const) {
    const now = profile[key];
    if (now === undefined) continue;
    const had = record.profileBefore[key];
    profile[key] = had !== undefined && mapped(record.levels, had) === now ? had : mapped(levelsBack, now);
  }
  return { ...journal, profile, entries: journal.entries.map((e) => ({ ...e, ...entryBack(e, record, dimensionsBack, levelsBack) })) };
}

/**
 * The switch as one op for the write path. Going back over the last recorded switch, every entry
 * gets the ids it had (position by position) and the record is taken off; otherwise `choice`
 * maps ids, and a record of what the maps cannot undo on their own is added.
 */
export function rubricSwitchOp(journal: Journal, plan: RubricSwitchPlan, from: Rubric | undefined, to: { ref: string; rubric: Rubric }, choice: Pick<RubricSwitch, 'dimensions' | 'levels'>, date: string): RubricSwitch {
  if (plan.back) {
    const view = switchedBack(journal, plan.back);
    const entries: Record<string, { dimensions: string[]; level?: string }> = {};
    view.entries.forEach((e, i) => {
      const was = journal.entries[i];
      // Ids the record gives back are exact; the user's map answers only for ids taken up since.
      const dimensions = e.dimensions.map((d, n) => (d === was.dimensions[n] ? mapped(choice.dimensions, d) : d));
      const level = e.level !== undefined && e.level === was.level ? mapped(choice.levels, e.level) : e.level;
      if (!sameList(dimensions, was.dimensions) || level !== was.level) entries[e.id] = { dimensions, ...(level === undefined ? {} : { level }) };
    });
    const profile = Object.fromEntries((['currentLevel', 'targetLevel'] as const).flatMap((k) => {
      const now = view.profile[k];
      return now === undefined ? [] : [[k, now === journal.profile[k] ? mapped(choice.levels, now) : now]];
    }));
    // Statements cited since, which the rubric gone back to lacks, are kept as written: recorded, so they are no error there
    // (those an earlier switch to it kept, whose record stays, are recorded already).
    const history = journal.rubricHistory ?? [];
    const recorded = new Set(history.slice(0, history.length - plan.back.length).filter((h) => h.to === to.ref).flatMap((h) => h.statementsKept));
    const kept = plan.statements.map((s) => s.id).filter((id) => !recorded.has(id));
    const then: SwitchRecord | undefined = kept.length
      ? { from: currentRubricRef(journal), to: to.ref, date, dimensions: {}, levels: {}, targetsKept: [], entriesBefore: {}, profileBefore: {}, statementsKept: kept }
      : undefined;
    return { rubric: to.ref, dimensions: {}, levels: {}, entries, profile, history: { drop: plan.back.length, ...(then ? { then } : {}) } };
  }

  const fromIds = from ? idsOf(from) : new Set<string>();
  const targetsKept = [...new Set([...Object.values(choice.dimensions), ...Object.values(choice.levels)])].filter((id) => fromIds.has(id));
  const dimensionsBack = backMap(choice.dimensions, new Set(targetsKept));
  const levelsBack = backMap(choice.levels, new Set(targetsKept));
  const levelBack = (level: string) => mapped(levelsBack, mapped(choice.levels, level)) === level;
  const entriesBefore: Record<string, EntryIdsBefore> = {};
  for (const e of journal.entries) {
    const dimensions = e.dimensions.map((d) => mapped(choice.dimensions, d));
    const dimensionsBackOk = sameList(dimensions.map((d) => mapped(dimensionsBack, d)), e.dimensions);
    const levelBackOk = e.level === undefined || levelBack(e.level);
    if (!dimensionsBackOk || !levelBackOk) entriesBefore[e.id] = { ...(dimensionsBackOk ? {} : { dimensions: e.dimensions }), ...(levelBackOk ? {} : { level: e.level }) };
  }
  const profileBefore = Object.fromEntries((['currentLevel', 'targetLevel'] as const).flatMap((k) => {
    const had = journal.profile[k];
    return had !== undefined && !levelBack(had) ? [[k, had]] : [];
  }));
  const record: SwitchRecord = {
    from: currentRubricRef(journal),
    to: to.ref,
    date,
    dimensions: choice.dimensions,
    levels: choice.levels,
    targetsKept,
    entriesBefore,
    profileBefore,
    statementsKept: plan.statements.map((s) => s.id),
  };
  // A switch that maps nothing, merges nothing and keeps no cited statement is undone by switching back: it needs no record.
  const says = [record.dimensions, record.levels, record.entriesBefore, record.profileBefore].some((o) => Object.keys(o).length > 0) || record.statementsKept.length > 0;
  return { rubric: to.ref, dimensions: choice.dimensions, levels: choice.levels, ...(says ? { history: record } : {}) };
}

function missing(uses: ReadonlyMap<string, number>, known: readonly { id: string; name: string }[], old: readonly { id: string; name: string }[], recorded?: Readonly<Record<string, string>>): MissingId[] {
  const ids = new Set(known.map((k) => k.id));
  const names = new Map(old.map((o) => [o.id, o.name]));
  const out: MissingId[] = [];
  for (const [id, count] of uses) {
    if (ids.has(id)) continue;
    const name = names.get(id);
    const back = recorded && Object.hasOwn(recorded, id) && ids.has(recorded[id]) ? { recorded: recorded[id] } : {};
    out.push({ id, ...(name ? { name } : {}), uses: count, ...suggest(name ?? id, known), ...back });
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

/** An entry as the switch leaves it: the ids it gets back, or its ids mapped. verify.ts holds the write to exactly this. */
export function entryAfterSwitch<T extends Pick<Entry, 'id' | 'dimensions' | 'level'>>(entry: T, change: RubricSwitch): T {
  const exact = change.entries && Object.hasOwn(change.entries, entry.id) ? change.entries[entry.id] : undefined;
  if (exact) return { ...entry, dimensions: [...exact.dimensions], ...(exact.level === undefined ? {} : { level: exact.level }) };
  return { ...entry, dimensions: entry.dimensions.map((d) => mapped(change.dimensions, d)), ...(entry.level === undefined ? {} : { level: mapped(change.levels, entry.level) }) };
}

/** One id the switch moves, and how many entries (and profile fields, for levels) it moves in. */
export interface SwitchMove {
  kind: 'dimension' | 'level';
  from: string;
  to: string;
  uses: number;
  /** The other ids that end up as `to` too: merged into it. */
  mergedWith: string[];
}

/** What moves where: each id the switch changes, from the entries themselves, so a switch back reads like one forward. */
export function switchMoves(journal: Journal, change: RubricSwitch): SwitchMove[] {
  const moves = new Map<string, SwitchMove>();
  const landed = new Map<string, Set<string>>();
  const note = (kind: SwitchMove['kind'], from: string, to: string) => {
    const key = `${kind}\u0000${to}`;
    landed.set(key, (landed.get(key) ?? new Set()).add(from));
    if (from === to) return;
    const move = moves.get(`${kind}\u0000${from}\u0000${to}`) ?? { kind, from, to, uses: 0, mergedWith: [] };
    move.uses++;
    moves.set(`${kind}\u0000${from}\u0000${to}`, move);
  };
  for (const entry of journal.entries) {
    const after = entryAfterSwitch(entry, change);
    for (const [i, id] of entry.dimensions.entries()) note('dimension', id, after.dimensions[i]);
    if (entry.level !== undefined) note('level', entry.level, after.level!);
  }
  for (const key of ['currentLevel', 'targetLevel'] as const) {
    const had = journal.profile[key];
    if (had !== undefined) note('level', had, change.profile && Object.hasOwn(change.profile, key) ? change.profile[key]! : mapped(change.levels, had));
  }
  for (const move of moves.values()) move.mergedWith = [...landed.get(`${move.kind}\u0000${move.to}`)!].filter((id) => id !== move.from);
  return [...moves.values()];
}

/**
 * The switch in sentences a person checks before it is written: what moves where and what
 * merges, what is kept as written, and what the journal records for the way back. Plain text:
 * the CLI prints it, the extension escapes it into Markdown.
 */
export function describeRubricSwitch(journal: Journal, plan: RubricSwitchPlan, change: RubricSwitch, from: Rubric | undefined, to: Rubric): string[] {
  const name = (rubric: Rubric | undefined, kind: SwitchMove['kind'], id: string) => {
    const found = kind === 'level' ? rubric?.levels.find((l) => l.id === id) : rubric && allDimensions(rubric).find((d) => d.id === id);
    return found && found.name !== id ? `${found.name} (${id})` : id;
  };
  const entries = (n: number) => `${n} ${n === 1 ? 'use' : 'uses'}`;
  const lines: string[] = [];
  for (const record of plan.back ?? []) lines.push(`Goes back over the switch of ${record.date || 'an earlier day'} from ${record.from} to ${record.to}: every entry gets the ids it had then, and that record is taken off rubricHistory.`);
  for (const move of switchMoves(journal, change)) {
    const merged = move.mergedWith.length ? `, merged with ${move.mergedWith.map((id) => name(from, move.kind, id)).join(', ')}` : '';
    lines.push(`${move.kind === 'level' ? 'Level' : 'Dimension'} ${name(from, move.kind, move.from)} → ${name(to, move.kind, move.to)}: ${entries(move.uses)}${merged}.`);
  }
  const kept = [...plan.dimensions.filter((m) => !Object.hasOwn(change.dimensions, m.id)), ...plan.levels.filter((m) => !Object.hasOwn(change.levels, m.id))];
  for (const m of kept) lines.push(`${m.name ?? m.id} (${entries(m.uses)}) is not in ${to.name}: kept as it is, shown as a warning.`);
  for (const s of plan.statements) lines.push(`Cited statement ${s.id} (${entries(s.uses)}) is not in ${to.name}: kept as written, and no error while the journal is on it.`);
  if (change.history && !('drop' in change.history)) {
    const had = Object.keys(change.history.entriesBefore).length;
    lines.push(`rubricHistory records this switch${had ? `, with the ids ${had} ${had === 1 ? 'entry' : 'entries'} had before the merge` : ''}, so switching back to ${change.history.from} gives every id back.`);
  }
  lines.push(`Every entry (${journal.entries.length}) is kept.`);
  return lines;
}
