/**
 * Input limits, checked with one cheap linear scan before a page reaches the Markdown parser.
 *
 * remark (micromark + mdast-util-from-markdown) is quadratic or worse in container nesting (`"* "` x 8000
 * runs for ~35 s, then overflows the stack; `">"` x 10000 overflows) and in nested emphasis, so the
 * pages that would stall or crash it are turned away here with a diagnostic. The scan over-approximates
 * nesting (it counts markers and indentation, not what CommonMark would finally build), so a page it
 * passes is safe to parse; a page it rejects is one no real schema doc looks like.
 */
import { diagnosticAt, type Diagnostic, type RuleId } from "../core/diagnostics.js";
import type { Limits } from "../core/options.js";

/** The rule ids this module reports. */
export type LimitRule = Extract<
  RuleId,
  | "page-too-large"
  | "nesting-too-deep"
  | "too-many-blocks"
  | "table-too-large"
  | "cell-too-long"
  | "parse-failed"
>;

/** A limit's error at a point of the page (the scan knows where a problem starts, not its span). */
function problem(
  file: string,
  line: number,
  column: number,
  ruleId: LimitRule,
  message: string,
): Diagnostic {
  return diagnosticAt({ file, line, column }, "error", ruleId, message);
}

const LIST_MARKER = /^(?:[*+-]|\d{1,9}[.)])(?=[ \t]|$)/;
const FENCE = /^(`{3,}|~{3,})/;
const TABLE_DELIMITER = /^\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;

interface Prefix {
  /** Container markers (`>`, list markers) at the start of the line, plus indentation levels. */
  depth: number;
  /** Column (1-based) where the container that crossed `max` starts, when one did. */
  overAt?: number;
  /** Offset of the line's content after the prefix. */
  contentStart: number;
}

/**
 * Measures a line's container prefix. Every `>` and list marker opens a container, and every two
 * columns of indentation can continue one (a nested list needs at least two more columns), so the sum
 * bounds the nesting the parser will build for this line.
 */
function readPrefix(text: string, start: number, end: number, max: number): Prefix {
  let depth = 0;
  let columns = 0;
  let i = start;
  let overAt: number | undefined;
  const bump = (at: number, by: number) => {
    depth += by;
    if (depth > max && overAt === undefined) overAt = at - start + 1;
  };
  while (i < end) {
    const ch = text.charCodeAt(i);
    if (ch === 0x20 || ch === 0x09) {
      columns += ch === 0x09 ? 4 - (columns % 4) : 1;
      if (columns >= 2) {
        bump(i, Math.floor(columns / 2));
        columns %= 2;
      }
      i += 1;
      continue;
    }
    // A marker's own following space belongs to it, not to the indentation.
    if (ch === 0x3e /* > */) {
      bump(i, 1);
      i += 1;
      if (text.charCodeAt(i) === 0x20) i += 1;
      columns = 0;
      continue;
    }
    const marker = LIST_MARKER.exec(text.slice(i, Math.min(end, i + 11)));
    if (marker) {
      bump(i, 1);
      i += marker[0].length;
      if (text.charCodeAt(i) === 0x20) i += 1;
      columns = 0;
      continue;
    }
    break;
  }
  return { depth, contentStart: i, ...(overAt !== undefined ? { overAt } : {}) };
}

/**
 * Tracks how deeply emphasis delimiters and link brackets could nest inside one run of inline text
 * (a paragraph, or one table cell). A delimiter run that can only open raises the depth, one that can
 * only close lowers it; the parser's cost grows with the square of this depth.
 */
class InlineDepth {
  depth = 0;
  max = 0;

  reset(): void {
    this.depth = 0;
  }

  scan(text: string, from: number, to: number, onOver: (offset: number) => boolean): boolean {
    let i = from;
    while (i < to) {
      const ch = text[i] as string;
      if (ch === "\\") {
        i += 2;
        continue;
      }
      if (ch === "[") this.depth += 1;
      else if (ch === "]") this.depth = Math.max(0, this.depth - 1);
      else if (ch === "*" || ch === "_" || ch === "~") {
        let j = i;
        while (j < to && text[j] === ch) j += 1;
        const before = i > from ? (text[i - 1] as string) : " ";
        const after = j < to ? (text[j] as string) : " ";
        const opens = !/\s/.test(after);
        const closes = !/\s/.test(before);
        if (opens && !closes) this.depth += 1;
        else if (closes && !opens) this.depth = Math.max(0, this.depth - 1);
        i = j;
      } else if (ch === "|") {
        // Cells are parsed one by one; a table row's pipe ends an inline run.
        this.depth = 0;
      }
      if (this.depth > this.max) this.max = this.depth;
      if (onOver(i)) return true;
      i += 1;
    }
    return false;
  }
}

/**
 * Checks a page's text against the limits before it is parsed. Returns at most one diagnostic per rule
 * (the first offending place); any diagnostic means the page must not be parsed.
 */
export function checkPageLimits(file: string, text: string, limits: Limits): Diagnostic[] {
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes > limits.maxPageBytes)
    return [
      problem(
        file,
        1,
        1,
        "page-too-large",
        `Unexpected page of ${bytes} bytes, expected at most ${limits.maxPageBytes} (limits.maxPageBytes)`,
      ),
    ];
  const found = new Map<LimitRule, Diagnostic>();
  const report = (line: number, column: number, rule: LimitRule, message: string) => {
    if (!found.has(rule)) found.set(rule, problem(file, line, column, rule, message));
  };
  const inline = new InlineDepth();
  let fence: string | undefined;
  // Front matter is data, not Markdown: the parser keeps it as one literal node (a YAML alias `*a`
  // is no emphasis, a `- item` no list); its reader has its own caps (parse/frontmatter.ts).
  const frontMatterLines = frontMatterLength(text);
  let tableRows = -1; // -1: not in a table
  let previousHadPipe = false;
  let line = 0;
  let start = 0;
  // micromark's cost grows with the square of the number of list and block quote containers on a
  // page (2,000 block quotes: ~0.9 s; 16,000: ~65 s), so their openings are counted and capped. A list,
  // a nested list and a block quote each count once; the items of one flat list do not.
  const maxContainers = limits.maxContainers;
  let containerOpenings = 0;
  let previousDepth = 0;
  let previousBlank = true;
  while (start <= text.length) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    line += 1;
    if (line <= frontMatterLines) {
      start = end + 1;
      continue;
    }
    const prefix = readPrefix(text, start, end, limits.maxNesting);
    // Inside a fenced code block indentation is text, not nesting.
    if (prefix.overAt !== undefined && fence === undefined)
      report(
        line,
        prefix.overAt,
        "nesting-too-deep",
        `Unexpected list or block quote nested more than ${limits.maxNesting} levels deep, expected at most ${limits.maxNesting} (limits.maxNesting)`,
      );
    const content = text.slice(prefix.contentStart, end);
    const blank = content.trim() === "";
    if (
      fence === undefined &&
      !blank &&
      prefix.depth > 0 &&
      (previousBlank || prefix.depth !== previousDepth)
    ) {
      containerOpenings += 1;
      if (containerOpenings > maxContainers)
        report(
          line,
          1,
          "too-many-blocks",
          `Unexpected page with more than ${maxContainers} separate lists and block quotes, expected at most ${maxContainers} (limits.maxContainers)`,
        );
    }
    if (!blank) previousDepth = prefix.depth;
    previousBlank = blank;
    const fenceMatch = FENCE.exec(content);
    if (fence !== undefined) {
      // Inside a fenced code block nothing is Markdown; only the closing fence matters.
      if (fenceMatch && fenceMatch[1]!.startsWith(fence) && content.trim() === fenceMatch[1])
        fence = undefined;
    } else if (fenceMatch) {
      fence = fenceMatch[1];
    } else if (content.trim() === "") {
      inline.reset();
      tableRows = -1;
      previousHadPipe = false;
    } else {
      const hasPipe = content.includes("|");
      if (tableRows < 0 && previousHadPipe && TABLE_DELIMITER.test(content)) tableRows = 0;
      else if (tableRows >= 0 && hasPipe) {
        tableRows += 1;
        if (tableRows > limits.maxTableRows)
          report(
            line,
            1,
            "table-too-large",
            `Unexpected table with more than ${limits.maxTableRows} rows, expected at most ${limits.maxTableRows} (limits.maxTableRows)`,
          );
        checkCells(content, prefix.contentStart - start, limits.maxCellLength, (column, length) =>
          report(
            line,
            column,
            "cell-too-long",
            `Unexpected table cell of ${length} characters, expected at most ${limits.maxCellLength} (limits.maxCellLength)`,
          ),
        );
      } else if (tableRows >= 0) tableRows = -1;
      previousHadPipe = hasPipe;
      if (tableRows >= 0) inline.reset();
      inline.scan(text, prefix.contentStart, end, (offset) => {
        if (inline.depth <= limits.maxNesting) return false;
        report(
          line,
          offset - start + 1,
          "nesting-too-deep",
          `Unexpected emphasis or link brackets nested more than ${limits.maxNesting} levels deep, expected at most ${limits.maxNesting} (limits.maxNesting)`,
        );
        return true;
      });
    }
    start = end + 1;
  }
  return [...found.values()];
}

/** The number of lines of the front matter (`---` or `+++` to the same line) that starts `text`, or 0. */
function frontMatterLength(text: string): number {
  const fence = /^(---|\+\+\+)[ \t]*\n/.exec(text)?.[1];
  if (fence === undefined) return 0;
  const close = new RegExp(`\n${fence === "---" ? "---" : "\\+\\+\\+"}[ \t]*(?:\n|$)`).exec(text);
  return close ? text.slice(0, close.index + 1).split("\n").length : 0;
}

/** Calls `onLong(column, length)` for the first cell of a table row longer than `max` characters. */
function checkCells(
  row: string,
  offset: number,
  max: number,
  onLong: (column: number, length: number) => void,
): void {
  if (row.length <= max) return;
  let cellStart = 0;
  for (let i = 0; i <= row.length; i += 1) {
    const ch = row[i];
    if (ch === "\\") {
      i += 1;
      continue;
    }
    if (ch === "|" || i === row.length) {
      if (i - cellStart > max) {
        onLong(offset + cellStart + 1, i - cellStart);
        return;
      }
      cellStart = i + 1;
    }
  }
}
