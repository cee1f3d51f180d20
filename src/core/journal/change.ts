import { type Entry, type Journal } from './model';
import { type Problem } from '../text/problem';

/** An entry of the journal before the change, reading the same, perhaps at another line. */
interface KeptEntry {
  from: number;
  line: number;
}

/**
 * What a write changed, so a copy of the journal as it was becomes the journal as written
 * without its entries being sent again: the first `keep` entries stay as they were, then
 * `tail` lists the rest, each new (an Entry) or an earlier one kept (a KeptEntry).
 */
export interface JournalChange {
  header: Omit<Journal, 'entries'>;
  keep: number;
  tail: (Entry | KeptEntry)[];
  problems: Problem[];
}

/** A journal and the problems its read found. */
export interface JournalWithProblems {
  journal: Journal;
  problems: Problem[];
}

/** The change from `before` to `after`, two reads of texts the same write joins. */
export function journalChange(before: Journal, after: JournalWithProblems): JournalChange {
  const old = before.entries;
  const now = after.journal.entries;
  let keep = 0;
  // After a write, the entries above the edit are the very objects of the earlier parse.
  while (keep < old.length && keep < now.length && (old[keep] === now[keep] || (old[keep].line === now[keep].line && sameExceptLine(old[keep], now[keep])))) keep++;
  const tail: (Entry | KeptEntry)[] = [];
  let byId: Map<string, number[]> | undefined;
  let i = keep;
  for (let j = keep; j < now.length; j++) {
    const entry = now[j];
    let from = i < old.length && old[i].id === entry.id && sameExceptLine(old[i], entry) ? i : -1;
    if (from < 0) {
      // Entries removed or inserted before this one: find it further on among the earlier entries.
      byId ??= indexById(old, keep);
      from = byId.get(entry.id)?.find((k) => k >= i && sameExceptLine(old[k], entry)) ?? -1;
    }
    if (from < 0) tail.push(entry);
    else {
      tail.push({ from, line: entry.line });
      i = from + 1;
    }
  }
  const { entries: _, ...header } = after.journal;
  return { header, keep, tail, problems: after.problems };
}

/** `before` with `change` applied: entries that did not change are the same objects. */
export function applyJournalChange(before: Journal, change: JournalChange): JournalWithProblems {
  const entries = before.entries.slice(0, change.keep);
  for (const t of change.tail) {
    if (!('from' in t)) entries.push(t);
    else {
      const kept = before.entries[t.from];
      entries.push(kept.line === t.line ? kept : { ...kept, line: t.line });
    }
  }
  return { journal: { ...change.header, entries }, problems: change.problems };
}

function indexById(entries: readonly Entry[], from: number): Map<string, number[]> {
  const map = new Map<string, number[]>();
  for (let k = from; k < entries.length; k++) {
    const list = map.get(entries[k].id);
    if (list) list.push(k);
    else map.set(entries[k].id, [k]);
  }
  return map;
}

function sameExceptLine(a: Entry, b: Entry): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const k of keys) if (k !== 'line' && !(Object.hasOwn(b, k) && sameValue(a[k as keyof Entry], b[k as keyof Entry]))) return false;
  return true;
}

/** Equality of the plain data an entry holds (strings, numbers, booleans, arrays, records). */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = Object.keys(x);
  if (keys.length !== Object.keys(y).length) return false;
  for (const k of keys) if (!(Object.hasOwn(y, k) && sameValue(x[k], y[k]))) return false;
  return true;
}
