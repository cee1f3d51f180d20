import { contentHash } from '../text/strings';

/**
 * A new entry id like `ev-20261127-3f2a1c`: the day, then six hex digits. For a commit the
 * digits are its sha's, so the id says which commit it is; otherwise they come from `seed`.
 */
export function newEntryId(date: string, seed: string, taken: { has(id: string): boolean }): string {
  const day = date.replace(/-/g, '');
  const base = /^[0-9a-f]{6,}$/i.test(seed) ? seed.slice(0, 6).toLowerCase() : contentHash(seed).slice(-6);
  let id = `ev-${day}-${base}`;
  for (let n = 1; taken.has(id); n++) id = `ev-${day}-${contentHash(`${seed}#${n}`).slice(-6)}`;
  return id;
}
