/**
 * `check`'s findings as diagnostics: one `stale-output` error per output file that is missing, stale
 * or no longer generated, at the line and column where the file on disk first differs from what
 * generate would write, so CI (`--reporter json`) can point at it.
 */
import { diagnosticAt, type Diagnostic } from "../core/diagnostics.js";
import type { OutputChanges } from "./output.js";

/** How much of a line a message quotes. */
const QUOTED = 60;

/** A line as a code span in a message, shortened around the column where it differs. */
function quote(line: string, column: number): string {
  const start =
    line.length <= QUOTED ? 0 : Math.max(0, Math.min(column - 1 - 10, line.length - QUOTED));
  const text = line.slice(start, start + QUOTED).trim();
  const before = start > 0 ? "..." : "";
  const after = start + QUOTED < line.length ? "..." : "";
  return `\`${before}${text.replace(/`/g, "'")}${after}\``;
}

/** The first line (1-based) and column where `written` (on disk) and `wanted` differ. */
export function firstDifference(written: string, wanted: string): { line: number; column: number } {
  const a = written.split("\n");
  const b = wanted.split("\n");
  for (let index = 0; index < Math.max(a.length, b.length); index += 1) {
    const x = a[index];
    const y = b[index];
    if (x === y) continue;
    let column = 0;
    while (x !== undefined && y !== undefined && column < x.length && x[column] === y[column])
      column += 1;
    return { line: index + 1, column: column + 1 };
  }
  return { line: 1, column: 1 };
}

/** One `stale-output` error per changed, missing or extra file; `out` is the output folder as given. */
export function staleOutputDiagnostics(
  out: string,
  changes: OutputChanges,
  regenerateCommand: string,
  /** The output (`emit` id) that writes a file this run does not, when the run does not emit it. */
  ownerOf: (path: string) => string | undefined = () => undefined,
): Diagnostic[] {
  const file = (path: string) => `${out.replace(/\/+$/, "")}/${path}`;
  const fix = `run \`${regenerateCommand}\``;
  const stale = (path: string, line: number, column: number, message: string): Diagnostic =>
    diagnosticAt({ file: file(path), line, column }, "error", "stale-output", `${message}; ${fix}`);
  return [
    ...changes.added.map((added) =>
      stale(added.path, 1, 1, "Unexpected missing file, expected the file generate writes"),
    ),
    ...changes.changed.map((changed) => {
      const { line, column } = firstDifference(changed.previous, changed.content);
      const was = changed.previous.split("\n")[line - 1];
      const wanted = changed.content.split("\n")[line - 1];
      const found = was === undefined ? "end of file" : quote(was, column);
      const expected = wanted === undefined ? "the end of the file" : quote(wanted, column);
      return stale(changed.path, line, column, `Unexpected ${found}, expected ${expected}`);
    }),
    ...changes.removed.map((removed) => {
      const owner = ownerOf(removed.path);
      const why =
        owner === undefined
          ? "its page was removed or renamed"
          : `written by the \`${owner}\` output, which this run does not emit: add it to \`emit\` in the config or \`--emit\` to keep it`;
      return stale(
        removed.path,
        1,
        1,
        `Unexpected file that generate no longer writes (${why}), expected no file`,
      );
    }),
  ];
}
