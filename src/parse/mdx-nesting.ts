/**
 * How deeply an MDX page nests JSX elements and `{...}` expressions, found with one linear scan before
 * the page is parsed. The MDX syntax's cost grows with the square of that depth (an expression of
 * object literals nested 1,000 deep took ~9 s, 4,000 JSX elements nested ~13 s, 20,000 braces minutes),
 * so a page nested deeper than `limits.maxNesting` is parsed as plain Markdown, as a page the MDX
 * syntax rejects is (parse/markdown.ts): its tables are read all the same.
 *
 * The scan over-approximates: it counts braces and tags outside code, not what the parser would build,
 * so a page it passes is safe to parse as MDX. A tag it counts but MDX would not close (`<br>`) is a
 * page the MDX syntax rejects anyway.
 */

/** Where a page's JSX and expression nesting first goes deeper than allowed. */
export interface NestingPoint {
  line: number;
  column: number;
}

const FENCE = /^[ \t]*(`{3,}|~{3,})/;

/** The first place where `source` nests JSX elements and expressions more than `max` deep, if any. */
export function mdxNestingOver(source: string, max: number): NestingPoint | undefined {
  let depth = 0;
  /** The depth just inside the tag being read (`<Parcel` read, its `>` not yet), or -1. */
  let inTag = -1;
  let fence: string | undefined;
  let line = 0;
  let start = 0;
  while (start <= source.length) {
    let end = source.indexOf("\n", start);
    if (end < 0) end = source.length;
    line += 1;
    const fenceMatch =
      depth === 0 ? FENCE.exec(source.slice(start, Math.min(end, start + 64))) : null;
    if (fence !== undefined) {
      // Inside a fenced code block nothing is MDX; only the closing fence matters.
      if (fenceMatch?.[1]?.startsWith(fence) && source.slice(start, end).trim() === fenceMatch[1])
        fence = undefined;
    } else if (fenceMatch) {
      fence = fenceMatch[1];
    } else {
      let i = start;
      while (i < end) {
        const ch = source[i];
        const next = source[i + 1] ?? "";
        if (ch === "\\" && depth === 0) i += 1;
        else if (ch === "`" && depth === 0) {
          // A code span holds no MDX: skip to its closing run on the same line, if it has one.
          let run = i;
          while (source[run] === "`") run += 1;
          const ticks = source.slice(i, run);
          const close = source.indexOf(ticks, run);
          i = close >= 0 && close < end ? close + ticks.length - 1 : run - 1;
        } else if (ch === "{") depth += 1;
        else if (ch === "}") depth = Math.max(0, depth - 1);
        else if (ch === "<" && next === "/") depth = Math.max(0, depth - 1);
        else if (ch === "<" && (next === ">" || /[A-Za-z]/.test(next))) {
          depth += 1;
          inTag = depth;
        } else if (ch === ">" && inTag === depth) {
          // `<Parcel />` closes itself; `<Parcel>` stays open until its `</Parcel>`.
          if (source[i - 1] === "/") depth = Math.max(0, depth - 1);
          inTag = -1;
        }
        if (depth > max) return { line, column: i - start + 1 };
        i += 1;
      }
    }
    start = end + 1;
  }
  return undefined;
}
