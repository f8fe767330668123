/**
 * Splits a page's source into sections at its top-level `#` and `##` ATX headings before any Markdown is
 * parsed, so that the parser can be handed only the sections a model is read from.
 *
 * The scan reads lines as CommonMark's block structure does where that is certain: a heading line is a
 * split point only when it starts at column 1 (so it closes every open list and blockquote) outside a
 * fenced code block and an HTML block. Where the scan cannot be sure how CommonMark reads a line (an
 * indented heading, fence or HTML line that may belong to a list item; a line that may or may not
 * continue an HTML block), it stops splitting: the rest of the page is one section that is always kept.
 * Sections whose content may change how the rest of the page reads (a link reference definition) or
 * that may hold a setext heading are always kept too.
 */
import type { Nodes, Root } from "mdast";

type Point = NonNullable<Nodes["position"]>["start"];

/** One section of a page: the lines from its heading up to the next split heading (0-based, end exclusive). */
export interface SourceSection {
  startLine: number;
  endLine: number;
  /** The ATX heading on `startLine` (absent for the lines before the first heading). */
  heading?: { depth: 1 | 2; text: string };
  /** Lines that must stay even when the section is skipped: the heading and top-level fence lines. */
  keepLines: number[];
  /** The section must be parsed as it is (see the module comment). */
  mustKeep: boolean;
}

/** A page as the parser sees it when sections are skipped. */
export interface ReducedSource {
  /**
   * The kept lines as they are, and of a skipped section only its heading and top-level fence lines:
   * columns are the original's, lines are mapped back through `lines`.
   */
  text: string;
  /** For each line of `text`, its line in the original source (0-based). */
  lines: number[];
  /** Offset of each original line's first character in the original source. */
  lineStarts: number[];
}

const ATX = /^(#{1,6})(?=[ \t]|$)/;
const FENCE_OPEN = /^(`{3,}|~{3,})(.*)$/;
const FENCE_CLOSE = /^(`{3,}|~{3,})[ \t]*$/;
const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/;
/** HTML blocks that end on a line holding a marker (CommonMark's conditions 1 to 5). */
const HTML_WITH_END: ReadonlyArray<readonly [RegExp, RegExp]> = [
  [/^<(?:pre|script|style|textarea)(?:[ \t>]|$)/i, /<\/(?:pre|script|style|textarea)>/i],
  [/^<!--/, /-->/],
  [/^<\?/, /\?>/],
  [/^<![A-Za-z]/, />/],
  [/^<!\[CDATA\[/, /\]\]>/],
];
/** Condition 6: block-level tag names; such an HTML block ends at a blank line. */
const HTML_BLOCK_TAG =
  /^<\/?(?:address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul)(?:[ \t]|\/?>|$)/i;
/** Condition 7: a line holding one complete open or closing tag and nothing else. */
const TAG_NAME = "[A-Za-z][A-Za-z0-9-]*";
const ATTRIBUTE = `[ \\t]+[A-Za-z_:][A-Za-z0-9_.:-]*(?:[ \\t]*=[ \\t]*(?:[^ \\t"'=<>\`]+|'[^']*'|"[^"]*"))?`;
const HTML_TAG_LINE = new RegExp(
  `^(?:<${TAG_NAME}(?:${ATTRIBUTE})*[ \\t]*/?>|</${TAG_NAME}[ \\t]*>)[ \\t]*$`,
);

/** Leading spaces of a line when they are fewer than four and no tab comes first, else -1. */
function indentOf(line: string): number {
  let i = 0;
  while (i < 4 && line.charCodeAt(i) === 32) i += 1;
  return i < 4 && line.charCodeAt(i) !== 9 ? i : -1;
}

/** What may start a block at indent 0-3 that the scan must understand. */
const SIGNIFICANT = /^[#`~<]/;

/**
 * Splits normalised source (LF line endings) into sections; see the module comment. `lines` is the
 * source split at its line feeds, when the caller has it already.
 */
export function splitSections(source: string, lines = source.split("\n")): SourceSection[] {
  const sections: SourceSection[] = [];
  let current: SourceSection = { startLine: 0, endLine: 0, keepLines: [], mustKeep: false };
  sections.push(current);
  let fence: { char: string; length: number } | undefined;
  /** An HTML block's end: a marker, or a blank line (`certain`: CommonMark surely reads an HTML block). */
  let html: { end: RegExp } | { certain: boolean } | undefined;
  let previousBlank = true;
  let gaveUp = false;

  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index] as string;
    const blank = /^[ \t]*$/.test(line);
    const indent = indentOf(line);
    const text = indent >= 0 ? line.slice(indent) : "";
    if (gaveUp) continue;
    if (fence) {
      const close = indent >= 0 ? FENCE_CLOSE.exec(text) : null;
      if (close && close[1]?.[0] === fence.char && (close[1]?.length ?? 0) >= fence.length) {
        fence = undefined;
        current.keepLines.push(index);
      }
      previousBlank = false;
      continue;
    }
    if (html) {
      if ("end" in html) {
        if (html.end.test(line)) html = undefined;
      } else if (blank) {
        html = undefined;
      } else if (!html.certain && SIGNIFICANT.test(text)) {
        // After a condition-7 tag the line is either HTML or a paragraph's: no way to tell here.
        gaveUp = true;
        current.mustKeep = true;
      }
      previousBlank = blank;
      continue;
    }
    if (indent > 0 && SIGNIFICANT.test(text)) {
      // Indented by one to three spaces: it may belong to a list item opened above.
      gaveUp = true;
      current.mustKeep = true;
      continue;
    }
    if (indent === 0) {
      const atx = ATX.exec(line);
      if (atx) {
        const depth = atx[1]?.length ?? 0;
        if (depth <= 2) {
          current.endLine = index;
          current = {
            startLine: index,
            endLine: index,
            heading: { depth: depth as 1 | 2, text: line.slice(depth) },
            keepLines: [index],
            mustKeep: false,
          };
          sections.push(current);
        }
        previousBlank = false;
        continue;
      }
      const open = FENCE_OPEN.exec(line);
      if (open && !(open[1]?.[0] === "`" && open[2]?.includes("`"))) {
        fence = { char: open[1]?.[0] as string, length: open[1]?.length ?? 0 };
        current.keepLines.push(index);
        previousBlank = false;
        continue;
      }
      if (line.startsWith("<")) {
        const withEnd = HTML_WITH_END.find(([start]) => start.test(line));
        if (withEnd) {
          // The end marker may be on the start line itself (CommonMark looks from the line's start).
          if (!withEnd[1].test(line)) html = { end: withEnd[1] };
        } else if (HTML_BLOCK_TAG.test(line)) {
          html = { certain: true };
        } else if (HTML_TAG_LINE.test(line)) {
          // Condition 7 cannot interrupt a paragraph: after a non-blank line, this may be either.
          html = { certain: previousBlank };
          if (!previousBlank) current.mustKeep = true;
        }
        if (html || withEnd) {
          previousBlank = false;
          continue;
        }
      }
    }
    // A setext underline makes a heading (a section boundary) of the paragraph above it.
    if (!previousBlank && SETEXT_UNDERLINE.test(line)) current.mustKeep = true;
    // A link reference definition (or footnote) is read by every section of the page.
    if (line.includes("]:")) current.mustKeep = true;
    previousBlank = blank;
  }
  current.endLine = lines.length;
  return sections;
}

/**
 * The source with only the sections `keep` accepts (plus those that must stay) left as they are, and of
 * every other section only its heading and top-level fence lines. Undefined when nothing is skipped.
 *
 * Leaving a skipped section's other lines out (rather than empty) changes nothing the model reads: the
 * section starts with an ATX heading at column 1, which ends every block and container above it, and
 * its own blocks are the heading and code blocks whose content was dropped anyway. Blank lines cost the
 * parser time: an OpenAPI Generator Go page is mostly its `## Methods` section.
 */
export function reduceSource(
  source: string,
  sections: readonly SourceSection[],
  keep: (section: SourceSection, index: number) => boolean,
  lines = source.split("\n"),
): ReducedSource | undefined {
  const kept = sections.map((section, index) => section.mustKeep || keep(section, index));
  if (kept.every(Boolean)) return undefined;
  const lineStarts: number[] = new Array<number>(lines.length);
  let offset = 0;
  for (const [index, line] of lines.entries()) {
    lineStarts[index] = offset;
    offset += line.length + 1;
  }
  const out: string[] = [];
  const outLines: number[] = [];
  for (const [index, section] of sections.entries()) {
    if (kept[index]) {
      for (let line = section.startLine; line < section.endLine; line += 1) {
        out.push(lines[line] as string);
        outLines.push(line);
      }
      continue;
    }
    for (const line of section.keepLines) {
      out.push(lines[line] as string);
      outLines.push(line);
    }
  }
  return { text: out.join("\n"), lines: outLines, lineStarts };
}

/**
 * Gives every position in a tree parsed from `reduced.text` the line and offset it has in the original
 * source (columns are already the original's), so that slicing the original by offsets works.
 */
export function restoreOffsets(root: Root, reduced: ReducedSource, source: string): void {
  const fixed = new WeakSet<Point>();
  const fix = (point: Point | undefined) => {
    if (!point || fixed.has(point)) return;
    fixed.add(point);
    const line = reduced.lines[point.line - 1] ?? 0;
    point.line = line + 1;
    point.offset = (reduced.lineStarts[line] ?? 0) + point.column - 1;
  };
  const visit = (node: Nodes) => {
    fix(node.position?.start);
    fix(node.position?.end);
    if ("children" in node) for (const child of node.children) visit(child);
  };
  visit(root);
  // The root spans the source, whose first and last lines may have been left out.
  if (root.position) {
    const last = reduced.lineStarts.length;
    const lastStart = reduced.lineStarts[last - 1] ?? 0;
    root.position.start = { line: 1, column: 1, offset: 0 };
    root.position.end = {
      line: last,
      column: source.length - lastStart + 1,
      offset: source.length,
    };
  }
}

/**
 * The page reduced to the lines before its first heading and the sections that hold a line `wanted`
 * matches (a table row, for families that read models from tables); see `reduceSource`.
 */
export function keepSectionsWith(
  source: string,
  sections: readonly SourceSection[],
  wanted: RegExp,
  lines = source.split("\n"),
): ReducedSource | undefined {
  return reduceSource(
    source,
    sections,
    (section, index) =>
      index === 0 ||
      lines.slice(section.startLine, section.endLine).some((line) => wanted.test(line)),
    lines,
  );
}
