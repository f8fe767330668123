/**
 * A short unified diff between two texts, for `--check`: what is stale and how.
 */

/** Longest-common-subsequence line diff; falls back to a whole replacement for very large inputs. */
function diffLines(a: readonly string[], b: readonly string[]): Array<[" " | "-" | "+", string]> {
  const n = a.length;
  const m = b.length;
  if (n * m > 4_000_000)
    return [
      ...a.map((line): [" " | "-" | "+", string] => ["-", line]),
      ...b.map((line): [" " | "-" | "+", string] => ["+", line]),
    ];
  // lengths[i][j] = LCS length of a[i..] and b[j..], stored row-major.
  const width = m + 1;
  const lengths = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i -= 1) {
    for (let j = m - 1; j >= 0; j -= 1) {
      lengths[i * width + j] =
        a[i] === b[j]
          ? (lengths[(i + 1) * width + j + 1] as number) + 1
          : Math.max(lengths[(i + 1) * width + j] as number, lengths[i * width + j + 1] as number);
    }
  }
  const out: Array<[" " | "-" | "+", string]> = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      out.push([" ", a[i] as string]);
      i += 1;
      j += 1;
    } else if ((lengths[(i + 1) * width + j] as number) >= (lengths[i * width + j + 1] as number)) {
      out.push(["-", a[i] as string]);
      i += 1;
    } else {
      out.push(["+", b[j] as string]);
      j += 1;
    }
  }
  while (i < n) out.push(["-", a[i++] as string]);
  while (j < m) out.push(["+", b[j++] as string]);
  return out;
}

/**
 * A hunk's range in a file: its first line and line count, where an empty range names the line before
 * it (`0,0` for an empty file), as diff and patch write and read it.
 */
function hunkRange(line: number, count: number): string {
  return count === 0 ? `${line - 1},0` : `${line},${count}`;
}

/**
 * A unified diff of `before` -> `after` with `context` lines around changes, cut after `maxLines` lines.
 */
export function unifiedDiff(
  path: string,
  before: string,
  after: string,
  options: { context?: number; maxLines?: number } = {},
): string {
  const context = options.context ?? 3;
  const maxLines = options.maxLines ?? 40;
  const a = before === "" ? [] : before.replace(/\n$/, "").split("\n");
  const b = after === "" ? [] : after.replace(/\n$/, "").split("\n");
  const ops = diffLines(a, b);
  const header = [`--- a/${path}`, `+++ b/${path}`];
  const lines: string[] = [];
  let index = 0;
  let oldLine = 1;
  let newLine = 1;
  while (index < ops.length) {
    // Find the next change.
    let start = index;
    while (start < ops.length && (ops[start] as [string, string])[0] === " ") start += 1;
    if (start >= ops.length) break;
    const hunkStart = Math.max(index, start - context);
    for (let k = index; k < hunkStart; k += 1) {
      oldLine += 1;
      newLine += 1;
    }
    let end = start;
    let quiet = 0;
    while (end < ops.length && quiet <= context * 2) {
      quiet = (ops[end] as [string, string])[0] === " " ? quiet + 1 : 0;
      end += 1;
    }
    end = Math.min(ops.length, end - Math.max(0, quiet - context));
    const hunk = ops.slice(hunkStart, end);
    const oldCount = hunk.filter(([op]) => op !== "+").length;
    const newCount = hunk.filter(([op]) => op !== "-").length;
    lines.push(`@@ -${hunkRange(oldLine, oldCount)} +${hunkRange(newLine, newCount)} @@`);
    for (const [op, text] of hunk) lines.push(`${op}${text}`);
    oldLine += oldCount;
    newLine += newCount;
    index = end;
  }
  const shown = lines.slice(0, maxLines);
  if (lines.length > maxLines) shown.push(`... (${lines.length - maxLines} more diff lines)`);
  return [...header, ...shown].join("\n");
}
