/**
 * Which entries of a list moved between two versions: the shared entries outside a longest common
 * subsequence of the two orders. Moving one field to the end of ten moves that one field, not the
 * nine it passed.
 */

/** Lists longer than this (both multiplied) fall back to a greedy match, so time stays bounded. */
const MAX_CELLS = 4_000_000;

/** One entry that moved: its key and its 1-based positions among the entries of each version. */
export interface Moved {
  key: string;
  before: number;
  after: number;
}

/** The entries present in both lists whose relative order changed, in the new list's order. */
export function movedEntries(before: readonly string[], after: readonly string[]): Moved[] {
  const inAfter = new Set(after);
  const inBefore = new Set(before);
  const a = before.filter((key) => inAfter.has(key));
  const b = after.filter((key) => inBefore.has(key));
  const kept = a.length * b.length <= MAX_CELLS ? longestCommon(a, b) : greedyCommon(a, b);
  return after.flatMap((key, index) =>
    inBefore.has(key) && !kept.has(key)
      ? [{ key, before: before.indexOf(key) + 1, after: index + 1 }]
      : [],
  );
}

/** The keys of a longest common subsequence (the keys are distinct in each list). */
function longestCommon(a: readonly string[], b: readonly string[]): Set<string> {
  const width = b.length + 1;
  const table = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i -= 1)
    for (let j = b.length - 1; j >= 0; j -= 1)
      table[i * width + j] =
        a[i] === b[j]
          ? (table[(i + 1) * width + j + 1] as number) + 1
          : Math.max(table[(i + 1) * width + j] as number, table[i * width + j + 1] as number);
  const kept = new Set<string>();
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      kept.add(a[i] as string);
      i += 1;
      j += 1;
    } else if ((table[(i + 1) * width + j] as number) >= (table[i * width + j + 1] as number))
      i += 1;
    else j += 1;
  }
  return kept;
}

/** Keys kept in order by a single pass over the new order (for very long lists). */
function greedyCommon(a: readonly string[], b: readonly string[]): Set<string> {
  const position = new Map(a.map((key, index) => [key, index]));
  const kept = new Set<string>();
  let last = -1;
  for (const key of b) {
    const at = position.get(key) as number;
    if (at > last) {
      kept.add(key);
      last = at;
    }
  }
  return kept;
}
