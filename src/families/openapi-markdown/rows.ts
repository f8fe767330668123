/**
 * The rows of a schema's property tables (`Name | Type | Required | Restrictions | Description`) as a
 * tree: `» name` rows are the properties of the inline object (or array items) of the row above with
 * one `»` less. Rows of a combinator block (a table under `allOf`, `and`, `oneOf`, `xor`, `anyOf`,
 * `or`, `not`) named `*anonymous*` are the members of that combinator on their parent; `continued`
 * returns to plain properties. `**additionalProperties**` rows give the values of a map.
 */
import type { Table, TableCell } from "mdast";
import type { Origin, TypeRef } from "../../core/model.js";
import { decodeCellText, tokenizeInline } from "../../dialects/tokens.js";
import { cellSource, readDescriptionCell, readRequiredCell } from "../../model/cells.js";
import type { PageContext } from "../../model/page-context.js";
import { originOf, plainText } from "../../parse/inline.js";
import { readTable } from "../../parse/table.js";
import type { PropertyBlock } from "./sections.js";

/** How a row's name cell reads. */
export type RowName =
  | { kind: "property"; name: string }
  /** `*anonymous*`: the schema itself, or a member of a combinator. */
  | { kind: "anonymous" }
  /** `**additionalProperties**` (or a `*pattern*` of patternProperties): the values of a map. */
  | { kind: "additional" };

/** What a combinator block's members make of their parent. */
export type Combinator = "all" | "one" | "not";

/** One row of a property table, with the rows nested under it. */
export interface PropertyRow {
  depth: number;
  name: RowName;
  /** The name cell's plain text without the `»` marks, spaces collapsed. */
  text: string;
  /** Set on a row that is a member of a combinator (an anonymous row of a combinator block). */
  combinator?: Combinator;
  type: TypeRef;
  required: boolean;
  readonly: boolean;
  description?: string;
  origin: Origin;
  typeOrigin: Origin;
  children: PropertyRow[];
}

/** Block titles and the combinator each opens (`continued`: back to plain properties). */
const BLOCK_TITLES: ReadonlyArray<readonly [RegExp, Combinator | undefined]> = [
  [/^(?:allof|and)\b/i, "all"],
  [/^(?:oneof|xor|anyof|or)\b/i, "one"],
  [/^not\b/i, "not"],
  [/^continued\b/i, undefined],
];

const combinatorOf = (title: string | undefined): Combinator | undefined =>
  title === undefined ? undefined : BLOCK_TITLES.find(([pattern]) => pattern.test(title))?.[1];

const INDENT = /^(?:\s*»)+\s*/;

/** Reads a name cell: its depth (the `»` marks) and what it names. */
function readName(cell: TableCell, source: string): { depth: number; name: RowName; text: string } {
  const raw = cellSource(cell, source).trim();
  const indent = INDENT.exec(raw)?.[0] ?? "";
  const depth = (indent.match(/»/g) ?? []).length;
  const rest = raw.slice(indent.length).trim();
  const text = plainText(cell).replace(INDENT, "").replace(/\s+/g, " ").trim();
  if (/^\*\*additionalProperties\*\*$/.test(rest) || /^\*[^*]+\*$/.test(rest))
    return {
      depth,
      name: /^\*anonymous\*$/.test(rest) ? { kind: "anonymous" } : { kind: "additional" },
      text,
    };
  return { depth, name: { kind: "property", name: decodeCellText(rest) }, text };
}

/** The index of the column whose header matches `pattern`, or -1. */
const columnIndex = (headers: readonly string[], pattern: RegExp) =>
  headers.findIndex((header) => pattern.test(header.trim()));

/** Reads one table's rows, flat, in order; rows without a name or type cell are reported and skipped. */
function readRows(page: PageContext, block: PropertyBlock): PropertyRow[] {
  const read = readTable(block.table);
  const combinator = combinatorOf(block.title);
  const restrictions = columnIndex(read.headers, /^restrictions?$/i);
  const rows: PropertyRow[] = [];
  for (const row of read.rows) {
    const { name: nameCell, type: typeCell } = row.cells;
    if (!nameCell || !typeCell) {
      page.report(
        originOf(row.all[0], page.file),
        "warning",
        "table-row-cells",
        `Unexpected row with ${row.all.length} of ${read.columns.length} cells, expected a name and a type; row skipped`,
      );
      continue;
    }
    const name = readName(nameCell, page.source);
    const typeOrigin = originOf(typeCell, page.file);
    const cell = page.parseCell(tokenizeInline(typeCell.children, [], page.source), typeOrigin);
    const restriction = plainText(row.all[restrictions] ?? nameCell).trim();
    const readonly = restrictions >= 0 && /^read-?only$/i.test(restriction);
    const description = readDescriptionCell(row.cells.description, page.source).text;
    // Restrictions other than read-only (`write-only`) stay in the description.
    const kept =
      restrictions >= 0 && !readonly && !/^(?:none|)$/i.test(restriction)
        ? [description, `Restrictions: ${restriction}.`].filter(Boolean).join("\n\n")
        : description;
    rows.push({
      ...name,
      ...(combinator && name.name.kind === "anonymous" ? { combinator } : {}),
      type: page.memberType(cell),
      required: row.cells.required ? (readRequiredCell(row.cells.required) ?? false) : false,
      readonly,
      ...(kept ? { description: kept } : {}),
      origin: originOf(nameCell, page.file),
      typeOrigin,
      children: [],
    });
  }
  return rows;
}

/**
 * The rows of every block as a tree: the top-level rows (depth 0, the schema's own) with the deeper
 * ones under the row above them with one `»` less.
 */
export function readRowTree(page: PageContext, blocks: readonly PropertyBlock[]): PropertyRow[] {
  const top: PropertyRow[] = [];
  const open: PropertyRow[] = [];
  for (const block of blocks) {
    for (const row of readRows(page, block)) {
      while ((open[open.length - 1]?.depth ?? -1) >= row.depth) open.pop();
      const parent = open[open.length - 1];
      (parent ? parent.children : top).push(row);
      open.push(row);
    }
  }
  return top;
}

/** A cell's text between its pipes, as written (spaces kept). */
function cellBetweenPipes(cell: TableCell, source: string): string {
  const start = cell.position?.start.offset;
  const end = cell.position?.end.offset;
  if (start === undefined || end === undefined) return "";
  return source
    .slice(start, end)
    .replace(/^\|/, "")
    .replace(/(?<!\\)\|$/, "");
}

/**
 * The `Property | Value` rows of an Enumerated Values table: the values of each property name. A
 * table written without padding (`|Property|Value|`, as widdershins writes it) has no space that is
 * not the value's own (`| ApiKey|`): its value cells are read as written between the pipes.
 */
export function readEnumValues(page: PageContext, table: Table | undefined): Map<string, string[]> {
  const values = new Map<string, string[]>();
  if (!table) return values;
  const read = readTable(table);
  const header = table.children[0]?.children[0];
  const unpadded = header !== undefined && /^\S/.test(cellBetweenPipes(header, page.source));
  for (const row of read.rows) {
    const name = row.cells.name ?? row.all[0];
    const value = row.cells.value ?? row.all[1];
    if (!name || !value) continue;
    const key = plainText(name).replace(INDENT, "").trim();
    const written = unpadded
      ? cellBetweenPipes(value, page.source)
      : cellSource(value, page.source);
    const text = decodeCellText(unpadded ? written : written.trim());
    values.set(key, [...(values.get(key) ?? []), text]);
  }
  return values;
}
