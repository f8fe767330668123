/**
 * Reading the text cells of a field table: names, required markers, descriptions.
 */
import type { TableCell } from "mdast";
import { decodeCellText } from "../dialects/tokens.js";
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
 * A description cell as doc text: `<br/>` becomes a line break, character references (`&#x60;`,
 * `&quot;`) and backslash escapes (`\|`) are decoded as Markdown decodes them, `N/A` means no
 * description, and a leading deprecation marker is reported separately. The text is the docs' own:
 * emit/escape.ts guards what reaches the output.
 */
export function readDescriptionCell(
  cell: TableCell | undefined,
  source: string,
): { text?: string; deprecated: boolean } {
  if (!cell) return { deprecated: false };
  // `<br/>` first: an encoded `&lt;br/&gt;` is text that shows the tag, not a line break.
  let text = decodeCellText(cellSource(cell, source).replace(/<br\s*\/?>/gi, "\n")).trim();
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

/** What OpenAPI Generator's Notes column says, and the rest of its text. */
export interface NotesCell {
  /** `[optional]`. */
  optional: boolean;
  /** `[readonly]`. */
  readonly: boolean;
  /** `[default to X]`: X as written. */
  defaultText?: string;
  /** The text besides the markers (hand-written tables use Notes as the description). */
  rest?: string;
  /** `must be one of ["A", "B", ]` (OpenAPI Generator Python): the values the field takes. */
  oneOf?: (string | number)[];
}

const ONE_OF = /must be one of \[(.*?)\]/is;
const ONE_OF_VALUE = /"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|(-?\d+(?:\.\d+)?)/g;

const NOTES_MARKER = /\[(optional|readonly|read-only|default to ([^\]]*))\]/gi;

/** Reads a Notes cell: `[optional] [readonly] [default to 250]`. */
export function readNotesCell(cell: TableCell | undefined, source: string): NotesCell {
  const notes: NotesCell = { optional: false, readonly: false };
  if (!cell) return notes;
  const text = readDescriptionCell(cell, source).text ?? "";
  for (const match of text.matchAll(NOTES_MARKER)) {
    const marker = (match[1] as string).toLowerCase();
    if (marker === "optional") notes.optional = true;
    else if (marker === "readonly" || marker === "read-only") notes.readonly = true;
    else notes.defaultText = (match[2] as string).trim();
  }
  const oneOf = ONE_OF.exec(text)?.[1];
  if (oneOf !== undefined) {
    notes.oneOf = [...oneOf.matchAll(ONE_OF_VALUE)].map((m) =>
      m[3] !== undefined ? Number(m[3]) : ((m[1] ?? m[2]) as string),
    );
  }
  const rest = text.replace(NOTES_MARKER, "").trim();
  if (rest !== "" && !EMPTY_DESCRIPTION.test(rest)) notes.rest = rest;
  return notes;
}

/**
 * An Example or Default cell as text: the code of a cell that is one code span, else the cell's
 * Markdown with `<br/>` as line breaks and character references and backslash escapes decoded;
 * undefined when empty.
 */
export function readExampleCell(cell: TableCell, source: string): string | undefined {
  const only = cell.children.length === 1 ? cell.children[0] : undefined;
  const text =
    only?.type === "inlineCode"
      ? only.value
      : decodeCellText(cellSource(cell, source).replace(/<br\s*\/?>/gi, "\n")).trim();
  return text === "" || EMPTY_DESCRIPTION.test(text) ? undefined : text;
}
