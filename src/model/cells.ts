/**
 * Reading the text cells of a field table: names, required markers, descriptions.
 */
import type { TableCell } from "mdast";
import { plainText } from "../parse/inline.js";

/** `N/A` and friends: a description that says nothing. */
const EMPTY_DESCRIPTION = /^(n\/a|na|none|-|—)?$/i;
/** The deprecation marker Speakeasy puts at the start of a field description (spaces vary). */
const FIELD_DEPRECATION = /^:\s*warning\s*:\s*\*\*\s*DEPRECATED\s*\*\*\s*:?\s*/i;

/** The Markdown source inside a cell (the cell's own delimiters and padding excluded). */
export function cellSource(cell: TableCell, source: string): string {
  const first = cell.children[0];
  const last = cell.children[cell.children.length - 1];
  const start = first?.position?.start.offset;
  const end = last?.position?.end.offset;
  if (start === undefined || end === undefined) return "";
  return source.slice(start, end);
}

/** A field name cell: the name and whether it is struck through (deprecated). */
export function readNameCell(cell: TableCell): { name: string; deprecated: boolean } {
  return {
    name: plainText(cell).trim(),
    deprecated: cell.children.some((child) => child.type === "delete"),
  };
}

/**
 * A description cell as doc text: `<br/>` becomes a line break, escaped pipes are unescaped, `N/A` means
 * no description, and a leading deprecation marker is reported separately.
 */
export function readDescriptionCell(
  cell: TableCell | undefined,
  source: string,
): { text?: string; deprecated: boolean } {
  if (!cell) return { deprecated: false };
  let text = cellSource(cell, source)
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/\\\|/g, "|")
    .trim();
  let deprecated = false;
  if (FIELD_DEPRECATION.test(text)) {
    deprecated = true;
    text = text.replace(FIELD_DEPRECATION, "").trim();
  }
  return EMPTY_DESCRIPTION.test(text) ? { deprecated } : { text, deprecated };
}

const REQUIRED_WORDS = /^(:heavy_check_mark:|✔️?|✓|✅|yes|y|true|required|x|\*)$/i;
const OPTIONAL_WORDS = /^(:heavy_minus_sign:|➖|-|—|no|n|false|optional|)$/i;

/** A Required column cell: true, false, or undefined when the text is not a known marker. */
export function readRequiredCell(cell: TableCell): boolean | undefined {
  const text = plainText(cell).trim();
  if (REQUIRED_WORDS.test(text)) return true;
  if (OPTIONAL_WORDS.test(text)) return false;
  return undefined;
}
