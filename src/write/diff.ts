/**
 * A short unified diff between two texts, for `--check`: what is stale and how. The line diff is the
 * `diff` package's (Myers' algorithm, linear in memory), so a one-line edit is a one-line hunk whatever
 * the file's size; this module only frames its hunks and cuts the listing short.
 */
import { structuredPatch } from "diff";

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
  const patch = structuredPatch(path, path, before, after, undefined, undefined, { context });
  const lines: string[] = [];
  for (const hunk of patch.hunks) {
    // The package numbers an empty range from the line after it (`hunkRange` names the one before).
    lines.push(
      `@@ -${hunkRange(hunk.oldStart, hunk.oldLines)} +${hunkRange(hunk.newStart, hunk.newLines)} @@`,
      ...hunk.lines,
    );
  }
  const shown = lines.slice(0, maxLines);
  if (lines.length > maxLines) shown.push(`... (${lines.length - maxLines} more diff lines)`);
  return [`--- a/${path}`, `+++ b/${path}`, ...shown].join("\n");
}
