/**
 * "Did you mean": the nearest known words to a misspelt one, by edit distance. Shared by config errors
 * (option names and values), `unknown-type` warnings (the dialect's type words) and `unresolved-ref`
 * errors (page names).
 */

/** Levenshtein distance between `a` and `b` (insertions, deletions and substitutions cost 1). */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    let previous = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const current = row[j] as number;
      row[j] = Math.min(
        (row[j] as number) + 1,
        (row[j - 1] as number) + 1,
        previous + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      previous = current;
    }
  }
  return row[b.length] as number;
}

/**
 * The candidates nearest to `given` (case-insensitively), all at the smallest distance found, in the
 * order given; none when even the nearest is farther than `maxDistance` (default: a third of the
 * word's length, at least 2). Exact matches (distance 0) are not suggestions.
 */
export function nearestWords(
  given: string,
  candidates: Iterable<string>,
  maxDistance = Math.max(2, Math.floor(given.length / 3)),
): string[] {
  const lower = given.toLowerCase();
  let best: string[] = [];
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    // A length difference alone exceeds the limit: skip the quadratic distance.
    if (Math.abs(candidate.length - given.length) > Math.min(maxDistance, bestDistance)) continue;
    const d = editDistance(lower, candidate.toLowerCase());
    if (d === 0 || d > maxDistance) continue;
    if (d < bestDistance) [best, bestDistance] = [[candidate], d];
    else if (d === bestDistance && !best.includes(candidate)) best.push(candidate);
  }
  return best;
}

/** ` (did you mean "x"?)` for the nearest candidate within a small distance, else "". */
export function didYouMean(given: string, candidates: readonly string[]): string {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = editDistance(given.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  const allowed = Math.max(2, Math.floor(given.length / 3));
  return best !== undefined && bestDistance <= allowed ? ` (did you mean "${best}"?)` : "";
}

/** `a`, `a or b`, `a, b or c` for a list of suggestions, each in backticks. */
export function orList(words: readonly string[]): string {
  const quoted = words.map((word) => `\`${word}\``);
  return quoted.length <= 1
    ? (quoted[0] ?? "")
    : `${quoted.slice(0, -1).join(", ")} or ${quoted.at(-1)}`;
}
