/** Ids from names: stable (the same name always gives the same id), kebab-case, unique within their kind. */

const MAX_ID_LENGTH = 60;

/**
 * `Problem Solving & Initiative` -> `problem-solving-initiative`. ASCII only, accents dropped
 * (`Théorie` -> `theorie`): ids are typed in commit trailers and on the command line; a name with
 * no Latin letters or digits gets a fallback id from IdAllocator.
 */
export function kebabId(name: string): string {
  const words = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
  let id = '';
  for (const word of words) {
    const next = id === '' ? word : `${id}-${word}`;
    if (next.length > MAX_ID_LENGTH && id !== '') break;
    id = next.slice(0, MAX_ID_LENGTH);
  }
  return id;
}

/**
 * Hands out unique ids: a name whose id is taken gets `-2`, `-3`, … in the order asked. Each base
 * id keeps the next suffix to try, so a name repeated n times costs n steps, not n² (a ladder of
 * 30,000 rows with one name imports in a blink).
 */
export class IdAllocator {
  private readonly used = new Set<string>();
  private readonly nextSuffix = new Map<string, number>();
  /** Ids tried and found taken, over the allocator's life: the test of the linear bound reads it. */
  collisions = 0;

  constructor(private readonly fallback: string) {}

  /** `preferred` (an id kept from a source or a previous version) wins over one derived from the name. */
  take(name: string, preferred?: string): string {
    const base = preferred ?? (kebabId(name) || this.fallback);
    let id = base;
    let n = this.nextSuffix.get(base) ?? 2;
    if (this.used.has(id)) {
      // A suffixed id may be taken by a name that reads so (`Review 2` next to two `Review`s).
      for (id = `${base}-${n}`; this.used.has(id); id = `${base}-${++n}`) this.collisions++;
      this.nextSuffix.set(base, n + 1);
    }
    this.used.add(id);
    return id;
  }
}
