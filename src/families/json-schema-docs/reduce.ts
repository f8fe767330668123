/**
 * The part of a JSON Schema docs page that its reader needs, decided on the source before parsing (the
 * input limits count what is parsed). A sub-schema page that is no model (read-page.ts: all but a
 * definition's and an untitled one's that lists properties or union members) keeps only its
 * title and `$id` block, a page that opens with a title of another kind (the folder's README) only that. A schema's page keeps everything but each property's fact list (`* is
 * required`, `* Type: ...`, `* cannot be null`, `* defined in: ...`): the property table and the
 * property's `### x Type` section say the same, and a schema of 300 properties has 1,200 of those list
 * items, each a container the parser pays for.
 */
import type { ReducedSource } from "../../parse/sections.js";
import { SCHEMA_TITLE, UNTITLED_IN } from "./read-page.js";

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
/** The first item of a property's fact list, as the tool writes it. */
const FACTS_START = /^\* is (?:required|optional)[ \t]*$/;
/** A line of a flat, single-line-item list at column 1, or a blank line between its items. */
const FACT_LINE = /^(?:\* \S.*|[ \t]*)$/;
/** A property table's header or a join list's words: what makes an untitled sub-schema's page a model. */
const MEMBER_LIST = /^\|\s*Property\s*\||^(?:one \(and only one\) of|any of|all of)[ \t]*$/im;
/** A definition's pointer (`#/definitions/x`, `#/$defs/x`): such a sub-schema page may be a model. */
const DECLARING_POINTER = /^[^#]*(?:#\/(?:definitions|\$defs)\/[^/]+)?$/;

/** The source with only `keep`'s lines, mapped back to the original's lines. */
function keptLines(lines: readonly string[], keep: readonly boolean[]): ReducedSource {
  const lineStarts: number[] = [];
  let offset = 0;
  for (const line of lines) {
    lineStarts.push(offset);
    offset += line.length + 1;
  }
  const out: string[] = [];
  const outLines: number[] = [];
  lines.forEach((line, index) => {
    if (!keep[index]) return;
    out.push(line);
    outLines.push(index);
  });
  return { text: out.join("\n"), lines: outLines, lineStarts };
}

/** The reduced page (see the module comment), or undefined to parse it whole. */
export function schemaPageLines(source: string): ReducedSource | undefined {
  const lines = source.split("\n");
  // `# X Schema`, a blank line, then the `$id` block: the page's first lines as the tool writes them.
  const title = lines.findIndex((line) => line.startsWith("# "));
  const open = lines.findIndex((line, index) => index > title && FENCE.test(line));
  const id = lines[open + 1];
  const close = open + 2;
  if (title < 0) return undefined;
  // A page that is no schema's (the folder's README) is skipped by its title: parse nothing else.
  if (
    !SCHEMA_TITLE.test((lines[title] as string).slice(2).trim()) ||
    id === undefined ||
    !FENCE.test(lines[close] ?? "") ||
    lines.slice(title + 1, open).some((line) => line.trim() !== "")
  )
    return title === 0 ? keptLines(lines, [true]) : undefined;
  const titleText = SCHEMA_TITLE.exec((lines[title] as string).slice(2).trim())?.[1] ?? "";
  const listsMembers = UNTITLED_IN.test(titleText) && MEMBER_LIST.test(source);
  if (!DECLARING_POINTER.test(id.trim()) && !listsMembers)
    return keptLines(
      lines,
      lines.map((_, index) => index <= close),
    );
  const keep = lines.map(() => true);
  let fence: string | undefined;
  let dropped = false;
  for (let index = close + 1; index < lines.length; index += 1) {
    const line = lines[index] as string;
    const marker = FENCE.exec(line)?.[1];
    if (fence !== undefined) {
      if (
        marker !== undefined &&
        marker[0] === fence[0] &&
        marker.length >= fence.length &&
        line.trim() === marker
      )
        fence = undefined;
      continue;
    }
    if (marker !== undefined) {
      fence = marker;
      continue;
    }
    if (!FACTS_START.test(line) || lines[index - 1]?.trim() !== "") continue;
    // The run of list items and blank lines up to the next other line (a heading, as the tool writes).
    let end = index;
    while (end < lines.length && FACT_LINE.test(lines[end] as string)) end += 1;
    for (let drop = index; drop < end; drop += 1) keep[drop] = false;
    dropped = true;
    index = end - 1;
  }
  return dropped ? keptLines(lines, keep) : undefined;
}
