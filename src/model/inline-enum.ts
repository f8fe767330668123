/**
 * Hand-written enums inside a cell: "one of `a`, `b` or `c`" (also "any of", "allowed values:",
 * "possible values:") followed by code spans becomes a union of literal types.
 */
import type { TableCell } from "mdast";
import { readLiteral, readNumberLiteral, type LiteralResult } from "./literals.js";
import type { PageContext } from "./page-context.js";
import { skippedEnumValue } from "./read-enum.js";
import type { Origin, TypeRef } from "../core/model.js";

const LEAD_IN = /\b(one of|any of|allowed values?|possible values?|valid values?)\s*:?\s*$/i;
/** Text allowed between the listed values: commas, "or", "and", quotes, spaces. */
const SEPARATOR = /^[\s,;/|]*(?:\b(?:or|and)\b[\s,]*)?$/i;

/**
 * The literal union a cell lists, or undefined when it lists none. `base` is the documented type of
 * the values (`string`: every value is text; `number`: every value must be a number); without it a
 * value is read as a number, a boolean or a (quoted or bare) string.
 */
export function readInlineEnum(
  page: PageContext,
  cell: TableCell,
  origin: Origin,
  base?: "string" | "number",
): TypeRef | undefined {
  const children = cell.children;
  const start = children.findIndex((node) => node.type === "text" && LEAD_IN.test(node.value));
  if (start < 0) return undefined;
  return readListedValues(page, cell, start, origin, base);
}

/**
 * A type cell that is only values in code, two or more (`` `scan`, `handover` or `delivery` ``), or
 * "one of" and such values, as a literal union; undefined when any listed word is a type's name in the
 * page's dialect (`` `integer` or `string` `` lists types, not values).
 */
export function readValuesCell(
  page: PageContext,
  cell: TableCell,
  origin: Origin,
): TypeRef | undefined {
  const children = cell.children;
  const lead = children.findIndex((node) => node.type === "text" && LEAD_IN.test(node.value));
  const listed = children.slice(lead + 1);
  const codes = listed.filter((node) => node.type === "inlineCode");
  const primitives = page.rules.spellings.primitives;
  if (
    codes.length < (lead < 0 ? 2 : 1) ||
    children.slice(0, Math.max(lead, 0)).some((node) => plainCellText(node) !== "") ||
    (lead >= 0 &&
      plainCellText(children[lead] as TableCell["children"][number])
        .replace(LEAD_IN, "")
        .trim() !== "") ||
    listed.some((node) => node.type !== "inlineCode" && !SEPARATOR.test(plainCellText(node))) ||
    codes.some((node) => Object.hasOwn(primitives, node.value.trim().toLowerCase()))
  )
    return undefined;
  return readListedValues(page, cell, lead, origin, undefined);
}

/** The text of a cell's inline node that is not code (`, `, ` or `), or `\u0000` for other nodes. */
function plainCellText(node: TableCell["children"][number]): string {
  return node.type === "text" ? node.value.trim().replace(/^\.$/, "") : "\u0000";
}

/** The literal union of the code spans after `start` up to the first text that is not a separator. */
function readListedValues(
  page: PageContext,
  cell: TableCell,
  start: number,
  origin: Origin,
  base: "string" | "number" | undefined,
): TypeRef | undefined {
  const children = cell.children;
  const members: TypeRef[] = [];
  const seen = new Set<string>();
  for (const node of children.slice(start + 1)) {
    if (node.type === "text" && !SEPARATOR.test(node.value)) break;
    if (node.type !== "inlineCode") continue;
    const read = readMember(node.value, base);
    if (!read.ok) {
      skippedEnumValue(page, origin, read.reason);
      continue;
    }
    const key = `${typeof read.value}:${String(read.value)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    members.push({ kind: "literal", value: read.value });
  }
  if (members.length === 0) return undefined;
  return members.length === 1 ? members[0] : { kind: "union", members };
}

function readMember(text: string, base: "string" | "number" | undefined): LiteralResult {
  if (base === "number") return readNumberLiteral(text.trim());
  const read = readLiteral(text, true);
  if (base === "string" && read.ok && typeof read.value !== "string")
    return { ok: true, value: text.trim() };
  return read;
}
