/**
 * `rubricHistory:` in a journal: a record per switch to another rubric, newest last, so that the
 * switch back gives every entry its ids as they were. Plain YAML a person can read: the rubric
 * the journal was on and the one it moved to, the maps applied, and, only where the maps read
 * backwards cannot say it (two ids merged into one), what an entry or the profile had before.
 */
import { parse as parseYamlValue } from 'yaml';
import { yamlFlowScalar, yamlScalar } from '../yaml/scalars';

export interface SwitchRecord {
  from: string;
  to: string;
  date: string;
  /** Old id -> new id, as the switch applied them. */
  dimensions: Readonly<Record<string, string>>;
  levels: Readonly<Record<string, string>>;
  /** New ids the old rubric has too (`collaboration`, with mentorship mapped onto it): read backwards, they stay. */
  targetsKept: readonly string[];
  /** Entry id -> its dimensions (in order) and level before the switch, where the maps read backwards would not give them. */
  entriesBefore: Readonly<Record<string, EntryIdsBefore>>;
  /** The profile's levels before the switch, where the level map read backwards would not give them. */
  profileBefore: Readonly<{ currentLevel?: string; targetLevel?: string }>;
  /** Statement refs the entries cite that name no statement of `to`: kept as written, and no error while the journal is on `to`. */
  statementsKept: readonly string[];
}

export interface EntryIdsBefore {
  dimensions?: readonly string[];
  level?: string;
}

type Plain = Record<string, unknown>;
const isPlain = (v: unknown): v is Plain => typeof v === 'object' && v !== null && !Array.isArray(v);
const stringMap = (v: unknown): Record<string, string> | undefined =>
  v === undefined || v === null ? {} : isPlain(v) && Object.values(v).every((x) => typeof x === 'string') ? (v as Record<string, string>) : undefined;
const strings = (v: unknown): string[] | undefined => (Array.isArray(v) && v.every((x) => typeof x === 'string') ? v : undefined);

/** A `rubricHistory` item read from its plain value; undefined when it is not a record this file writes. */
export function readSwitchRecord(value: unknown): SwitchRecord | undefined {
  if (!isPlain(value) || typeof value.from !== 'string' || typeof value.to !== 'string') return undefined;
  const dimensions = stringMap(value.dimensions);
  const levels = stringMap(value.levels);
  const profile = stringMap(value.profileBefore);
  const kept = value.statementsKept === undefined || value.statementsKept === null ? [] : strings(value.statementsKept);
  const targetsKept = value.targetsKept === undefined || value.targetsKept === null ? [] : strings(value.targetsKept);
  const before = value.entriesBefore === undefined || value.entriesBefore === null ? {} : value.entriesBefore;
  if (!dimensions || !levels || !profile || !kept || !targetsKept || !isPlain(before)) return undefined;
  const entriesBefore: Record<string, EntryIdsBefore> = {};
  for (const [id, had] of Object.entries(before)) {
    if (!isPlain(had)) return undefined;
    const dims = had.dimensions === undefined ? undefined : strings(had.dimensions);
    if ((had.dimensions !== undefined && !dims) || (had.level !== undefined && typeof had.level !== 'string')) return undefined;
    entriesBefore[id] = { ...(dims ? { dimensions: dims } : {}), ...(typeof had.level === 'string' ? { level: had.level } : {}) };
  }
  return { from: value.from, to: value.to, date: typeof value.date === 'string' ? value.date : '', dimensions, levels, targetsKept, entriesBefore, profileBefore: profile, statementsKept: kept };
}

/** The record as `readSwitchRecord` reads it back from its YAML: empty parts are not written. */
export function switchRecordValue(record: SwitchRecord): Plain {
  const some = (o: object) => Object.keys(o).length > 0;
  return {
    from: record.from,
    to: record.to,
    date: record.date,
    ...(some(record.dimensions) ? { dimensions: record.dimensions } : {}),
    ...(some(record.levels) ? { levels: record.levels } : {}),
    ...(record.targetsKept.length ? { targetsKept: record.targetsKept } : {}),
    ...(some(record.profileBefore) ? { profileBefore: record.profileBefore } : {}),
    ...(some(record.entriesBefore) ? { entriesBefore: record.entriesBefore } : {}),
    ...(record.statementsKept.length ? { statementsKept: record.statementsKept } : {}),
  };
}

/** A value as a plain scalar when it reads back as itself (`.growth/rubrics/x.yaml`, `2026-12-07`, as people write them), else as yamlScalar writes it. */
export function readableScalar(value: string): string {
  const plain = /^[A-Za-z0-9_.][^\s#:,[\]{}]*$/.test(value) && (parseYamlValue(value) as unknown) === value;
  return plain ? value : yamlScalar(value);
}

/** The record as a block list item: its dash at `dash` columns, lines joined by `eol`, no final break. */
export function switchRecordYaml(record: SwitchRecord, dash: number, eol: string): string {
  const pad = (depth: number) => ' '.repeat(dash + 2 * depth);
  const lines: string[] = [];
  const key = (depth: number, name: string, value?: string) => lines.push(`${pad(depth)}${readableScalar(name)}:${value === undefined ? '' : ` ${value}`}`);
  const value = switchRecordValue(record);
  for (const [name, v] of Object.entries(value)) {
    if (typeof v === 'string') key(1, name, readableScalar(v));
    else if (Array.isArray(v)) {
      key(1, name);
      for (const item of v as string[]) lines.push(`${pad(2)}- ${readableScalar(item)}`);
    } else {
      key(1, name);
      for (const [inner, innerValue] of Object.entries(v as Plain)) {
        if (typeof innerValue === 'string') key(2, inner, readableScalar(innerValue));
        else {
          key(2, inner);
          const had = innerValue as EntryIdsBefore;
          if (had.dimensions) key(3, 'dimensions', `[${had.dimensions.map(yamlFlowScalar).join(', ')}]`);
          if (had.level !== undefined) key(3, 'level', readableScalar(had.level));
        }
      }
    }
  }
  lines[0] = `${' '.repeat(dash)}- ${lines[0].slice(dash + 2)}`;
  return lines.join(eol);
}
