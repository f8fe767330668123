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
