/** Edit distance with adjacent swaps (Damerau–Levenshtein, optimal string alignment). */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array<number>(rows * cols);
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[(i - 1) * cols + j] + 1, d[i * cols + j - 1] + 1, d[(i - 1) * cols + j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[(i - 2) * cols + j - 2] + 1);
      d[i * cols + j] = best;
    }
  }
  return d[rows * cols - 1];
}

/** A candidate with a name people call it by (a dimension: `vendor-management`, "Vendor Management"). */
export interface NamedCandidate {
  id: string;
  name: string;
}

const words = (text: string) => text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/** `short` is how people shorten `word`: its start (`mgmt`'s letters in order, from the first: `management`; `tech`: `technical`). */
function shortens(short: string, word: string): boolean {
  if (short[0] !== word[0]) return false;
  let at = 0;
  for (const c of short) {
    at = word.indexOf(c, at) + 1;
    if (at === 0) return false;
  }
  return true;
}

/**
 * Whether a typed id names the candidate by its words rather than its spelling: every typed
 * word shortens a different word of the candidate's id or name (`vendor-mgmt`, `tech-depth`),
 * or one typed word is the initials of its words (`td` for Technical Depth).
 */
function namesByWords(typed: string, candidate: NamedCandidate): boolean {
  const typedWords = words(typed);
  if (!typedWords.length) return false;
  for (const phrase of [candidate.id, candidate.name]) {
    const own = words(phrase);
    if (typedWords.length === 1 && own.length > 1 && typedWords[0] === own.map((w) => w[0]).join('')) return true;
    const free = [...own];
    const all = typedWords.every((t) => {
      const i = free.findIndex((w) => shortens(t, w));
      if (i < 0) return false;
      free.splice(i, 1);
      return true;
    });
    if (all) return true;
  }
  return false;
}

/**
 * The candidates closest to a mistyped word, nearest first: those within a third of the word's
 * length in edits (at least 2), or that contain it or are contained in it; then, for named
 * candidates, those it names by words or their shortenings (`vendor-mgmt` → `vendor-management`).
 * At most `max`.
 */
export function closestIds(word: string, candidates: readonly (string | NamedCandidate)[], max = 3): string[] {
  const w = word.toLowerCase();
  const limit = Math.max(2, Math.floor(w.length / 3));
  const named = candidates.map((c) => (typeof c === 'string' ? { id: c, name: c } : c));
  const bySpelling = named
    .map(({ id }) => ({ id, distance: editDistance(w, id.toLowerCase()) }))
    .filter(({ id, distance }) => distance > 0 && (distance <= limit || (w.length >= 4 && (id.toLowerCase().includes(w) || w.includes(id.toLowerCase())))))
    .sort((x, y) => x.distance - y.distance || x.id.localeCompare(y.id))
    .map((c) => c.id);
  const byWords = named.filter((c) => c.id.toLowerCase() !== w && !bySpelling.includes(c.id) && namesByWords(word, c)).map((c) => c.id);
  return [...bySpelling, ...byWords].slice(0, max);
}
