/**
 * Table padding out before parsing, positions back after.
 *
 * Generated docs pad every table cell to the widest cell of its column: two thirds of the Speakeasy Go
 * corpus is spaces before a `|`, and the Markdown parser walks each of them. GFM trims a cell's
 * content, so a run of spaces before a cell's closing pipe means nothing; `collapseTablePadding`
 * shortens each such run to one space, and `restorePositions` moves every node's position back to
 * where it is in the original text. The tree is the same as the original text's, positions included
 * (test/padding.test.ts compares the two on every page of every corpus).
 *
 * Only lines certain to be table rows are touched: a line that starts with `|`, in a block that starts
 * after a blank line or a heading with a header row and a delimiter row of the same cell count, outside
 * fenced code. Anything else is left as written.
 */
import type { Root } from "mdast";

/** Where spaces were removed: sorted removal points in the shortened text, with running totals. */
export interface PaddingMap {
  /** Offset in the shortened text just after each kept space. */
  points: number[];
  /** Spaces removed at or before each point, in all. */
  totals: number[];
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
/** HTML blocks that end at a closing marker rather than a blank line (CommonMark types 1 to 5). */
const HTML_UNTIL_MARKER: ReadonlyArray<[start: RegExp, end: RegExp]> = [
  [/^ {0,3}<(?:pre|script|style|textarea)(?:[\s>]|$)/i, /<\/(?:pre|script|style|textarea)>/i],
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<![A-Za-z]/, />/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
];
/** Any other line starting with `<` may open an HTML block that runs to the next blank line. */
const HTML_UNTIL_BLANK = /^ {0,3}</;
const HEADING = /^ {0,3}#{1,6}(?:[ \t]|$)/;
const DELIMITER_CELL = /^[ \t]*:?-+:?[ \t]*$/;

/** The cells of a table row split at unescaped pipes, without the empty ends of edge pipes. */
function rowCells(line: string): string[] {
  const cells: string[] = [];
  let cell = "";
  for (let i = 0; i < line.length; i++) {
    const char = line[i] as string;
    if (char === "\\" && i + 1 < line.length) {
      cell += char + (line[i + 1] as string);
      i++;
    } else if (char === "|") {
      cells.push(cell);
      cell = "";
    } else cell += char;
  }
  cells.push(cell);
  if (cells[0]?.trim() === "") cells.shift();
  if (cells.length > 0 && cells[cells.length - 1]?.trim() === "") cells.pop();
  return cells;
}

/** Whether `header` and `delimiter` open a GFM table (same cell count, delimiter cells `:--:`). */
function opensTable(header: string, delimiter: string): boolean {
  if (!delimiter.startsWith("|")) return false;
  const marks = rowCells(delimiter);
  return (
    marks.length > 0 &&
    marks.every((mark) => DELIMITER_CELL.test(mark)) &&
    rowCells(header).length === marks.length
  );
}

/**
 * For a line that may open an HTML block: what ends the block (a closing marker, found on this line
 * or a later one, or a blank line). Undefined when the line opens none or the block ends on it.
 */
function htmlBlockEnd(line: string): RegExp | "blank" | undefined {
  for (const [start, end] of HTML_UNTIL_MARKER)
    if (start.test(line)) return end.test(line.replace(start, "")) ? undefined : end;
  return HTML_UNTIL_BLANK.test(line) ? "blank" : undefined;
}

/** Whether `line` closes the fence `open` (same character, at least as long, nothing after). */
function closesFence(line: string, open: string): boolean {
  const match = /^ {0,3}(`+|~+)[ \t]*$/.exec(line);
  return match !== null && match[1]?.[0] === open[0] && (match[1]?.length ?? 0) >= open.length;
}

/**
 * Shortens every run of spaces before an unescaped `|` in table rows to one space. Returns the text
 * unchanged (and no map) when there is nothing to shorten.
 */
export function collapseTablePadding(source: string): { text: string; map?: PaddingMap } {
  if (!source.includes("  |")) return { text: source };
  const lines = source.split("\n");
  const points: number[] = [];
  const totals: number[] = [];
  let removed = 0;
  let offset = 0; // start of the current line in the shortened text
  let fence: string | undefined;
  let html: RegExp | "blank" | undefined;
  let inTable = false;
  const out: string[] = [];
  for (let index = 0; index < lines.length; index++) {
    let line = lines[index] as string;
    if (fence !== undefined) {
      if (closesFence(line, fence)) fence = undefined;
    } else if (html !== undefined) {
      // An HTML block (taken as one whenever it may be: at worst a table goes unshortened).
      if (html === "blank" ? line.trim() === "" : html.test(line)) html = undefined;
    } else if (!line.startsWith("|")) {
      inTable = false;
      fence = FENCE.exec(line)?.[1];
      if (fence === undefined) html = htmlBlockEnd(line);
    } else {
      if (!inTable) {
        const previous = index === 0 ? "" : (lines[index - 1] as string);
        const afterBreak = previous.trim() === "" || HEADING.test(previous);
        inTable = afterBreak && opensTable(line, lines[index + 1] ?? "");
      }
      if (inTable) {
        const row = shortenRow(line);
        for (const [point, count] of row.runs) {
          removed += count;
          points.push(offset + point);
          totals.push(removed);
        }
        line = row.text;
      }
    }
    out.push(line);
    offset += line.length + 1;
  }
  if (points.length === 0) return { text: source };
  return { text: out.join("\n"), map: { points, totals } };
}

/**
 * Shortens the padding runs of one row. Each run is given as the offset in the shortened row just
 * after its kept space, and the number of spaces removed there.
 */
function shortenRow(line: string): { text: string; runs: Array<[number, number]> } {
  const runs: Array<[number, number]> = [];
  let text = "";
  let i = 0;
  while (i < line.length) {
    const char = line[i] as string;
    if (char === "\\" && i + 1 < line.length) {
      text += line.slice(i, i + 2);
      i += 2;
    } else if (char === " ") {
      let end = i;
      while (line[end] === " ") end++;
      if (end - i >= 2 && line[end] === "|") {
        text += " ";
        runs.push([text.length, end - i - 1]);
      } else text += line.slice(i, end);
      i = end;
    } else {
      text += char;
      i++;
    }
  }
  return { text, runs };
}

/** The offset in the original text of an offset in the shortened text. */
function originalOffset(map: PaddingMap, offset: number): number {
  // The last removal point at or before `offset`.
  let low = 0;
  let high = map.points.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if ((map.points[mid] as number) <= offset) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return offset + (found < 0 ? 0 : (map.totals[found] as number));
}

/** Moves every position in `root` (parsed from the shortened text) back to the original `source`. */
export function restorePositions(root: Root, map: PaddingMap, source: string): void {
  const lineStarts = [0];
  for (let i = source.indexOf("\n"); i >= 0; i = source.indexOf("\n", i + 1))
    lineStarts.push(i + 1);
  const fix = (point: { line: number; column: number; offset?: number | undefined }) => {
    if (point.offset === undefined) return;
    point.offset = originalOffset(map, point.offset);
    point.column = point.offset - (lineStarts[point.line - 1] as number) + 1;
  };
  const stack: Array<{ position?: Root["position"]; children?: unknown[] }> = [root];
  while (stack.length > 0) {
    const node = stack.pop() as { position?: Root["position"]; children?: unknown[] };
    if (node.position) {
      fix(node.position.start);
      fix(node.position.end);
    }
    if (node.children) for (const child of node.children) stack.push(child as typeof node);
  }
}
