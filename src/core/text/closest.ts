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

/**
 * The candidates closest to a mistyped word, nearest first: those within a third of the word's
 * length in edits (at least 2), or that contain it or are contained in it. At most `max`.
 */
export function closestIds(word: string, candidates: readonly string[], max = 3): string[] {
  const w = word.toLowerCase();
  const limit = Math.max(2, Math.floor(w.length / 3));
  return candidates
    .map((id) => ({ id, distance: editDistance(w, id.toLowerCase()) }))
    .filter(({ id, distance }) => distance > 0 && (distance <= limit || (w.length >= 4 && (id.toLowerCase().includes(w) || w.includes(id.toLowerCase())))))
    .sort((x, y) => x.distance - y.distance || x.id.localeCompare(y.id))
    .slice(0, max)
    .map((c) => c.id);
}
