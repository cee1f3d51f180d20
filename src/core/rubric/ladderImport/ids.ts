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

/** Hands out unique ids: a name whose id is taken gets `-2`, `-3`, … in the order asked. */
export class IdAllocator {
  private readonly used = new Set<string>();

  constructor(private readonly fallback: string) {}

  /** `preferred` (an id kept from a source or a previous version) wins over one derived from the name. */
  take(name: string, preferred?: string): string {
    const base = preferred ?? (kebabId(name) || this.fallback);
    let id = base;
    for (let n = 2; this.used.has(id); n++) id = `${base}-${n}`;
    this.used.add(id);
    return id;
  }
}

