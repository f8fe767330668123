/**
 * A docs site's field table (`Field | Type | Description`, most often without a Required column) into
 * fields. Whether a field may be absent: a Required column when there is one; else the name's mark
 * (`name?`, `name?*`); else the description's words ("Required.", "Optional."); else the page's
 * convention: on a page that marks optional fields with `?`, an unmarked field is required, and on a
 * page that marks none, nothing says a field is always there, so it is optional.
 */
import type { Table, TableCell } from "mdast";
import { withNull, type CellType } from "../../dialects/grammar.js";
import { originOf, plainText } from "../../parse/inline.js";
import { readTable, type ReadTable } from "../../parse/table.js";
import {
  readDescriptionCell,
  readExampleCell,
  readNameCell,
  readRequiredCell,
} from "../../model/cells.js";
import type { PageContext } from "../../model/page-context.js";
import { acceptFieldName } from "../../model/read-fields.js";
import type { FieldModel, Origin, TypeRef } from "../../core/model.js";
import { readInlineEnum, readValuesCell } from "../../model/inline-enum.js";
import { readTypeWords } from "./type-words.js";

/** Footnote marks after a name: `*`, `**`, `†`, `[1]`. */
const FOOTNOTES = /(?:\s*(?:\[\d+\]|[*\\†‡]+))+\s*$/;

/** Words at the start or end of a description that say whether the field is always there. */
const REQUIRED_WORDS = /^\(?\s*required\b|\brequired\.?\)?\s*$|\bis required\b/i;
const OPTIONAL_WORDS = /^\(?\s*optional\b|\boptional\.?\)?\s*$/i;

/** A field name and its `?` mark; a parenthesised note after the name is not part of it. */
export function markedName(text: string): { name: string; questionMark: boolean } {
  const bare = text
    .replace(/\s+\(.*\)\s*$/s, "")
    .replace(FOOTNOTES, "")
    .trim();
  const questionMark = bare.endsWith("?");
  const name = (questionMark ? bare.slice(0, -1) : bare).replace(FOOTNOTES, "").trim();
  return { name, questionMark };
}

/** Whether a field table's name cells mark optional fields with `?` (`name?`). */
export function usesQuestionMarks(table: Table): boolean {
  const read = readTable(table);
  return read.rows.some(
    (row) => row.cells.name !== undefined && markedName(plainText(row.cells.name)).questionMark,
  );
}

/** Whether the table's columns are a field table's: a field name and a type. */
export function isFieldColumns(read: ReadTable): boolean {
  return read.columns.includes("name") && read.columns.includes("type");
}

/**
 * Reads one field table. `questionMarks`: the page marks optional fields with `?`, so an unmarked
 * field is required. Fields already read (`seen`, from an earlier table of the same model) are
 * reported and skipped.
 */
export function readDocsFieldTable(
  page: PageContext,
  table: Table,
  questionMarks: boolean,
  seen: Map<string, Origin>,
): FieldModel[] {
  const read = readTable(table);
  const fields: FieldModel[] = [];
  for (const row of read.rows) {
    const { name: nameCell, type: typeCell } = row.cells;
    if (!nameCell || !typeCell) {
      page.report(
        originOf(row.all[0] ?? table, page.file),
        "warning",
        "table-row-cells",
        `Unexpected row with ${row.all.length} cells, expected ${read.columns.length}; row skipped`,
      );
      continue;
    }
    const origin = originOf(nameCell, page.file);
    const { name, questionMark } = markedName(readNameCell(nameCell).name);
    if (!acceptFieldName(page, name, origin, seen, "warning")) continue;
    fields.push(readRow(page, row.cells, typeCell, { name, origin, questionMark, questionMarks }));
  }
  return fields;
}

interface RowFacts {
  name: string;
  origin: Origin;
  questionMark: boolean;
  questionMarks: boolean;
}

/** A type cell read as values: nothing else is said of it. */
const valuesCell = (type: TypeRef): CellType => ({
  type,
  pointer: false,
  optional: false,
  nullable: false,
  open: false,
  option: false,
  problems: [],
});

function readRow(
  page: PageContext,
  cells: ReadTable["rows"][number]["cells"],
  typeCell: TableCell,
  row: RowFacts,
): FieldModel {
  const typeOrigin = originOf(typeCell, page.file);
  // Values in code (`` one of `a`, `b` ``, `` `a` or `b` ``) are a literal union, not type words.
  const values = readValuesCell(page, typeCell, typeOrigin);
  const cell = values ? valuesCell(values) : readTypeWords(page, typeCell, typeOrigin);
  // "One of `a`, `b`." in the description narrows a string or number to those values.
  if (cells.description && (cell.type.kind === "string" || cell.type.kind === "number"))
    cell.type = readInlineEnum(page, cells.description, typeOrigin, cell.type.kind) ?? cell.type;
  const description = readDescriptionCell(cells.description, page.source);
  const text = description.text ?? "";
  let required: boolean;
  const marker = cells.required ? readRequiredCell(cells.required) : undefined;
  if (marker !== undefined) required = marker;
  else if (row.questionMark || cell.optional) required = false;
  else if (REQUIRED_WORDS.test(text)) required = true;
  else if (OPTIONAL_WORDS.test(text)) required = false;
  else required = row.questionMarks;
  const nullable = cell.nullable || cell.pointer || (cell.option && required);
  const defaultText = cells.default ? readExampleCell(cells.default, page.source) : undefined;
  const exampleText = cells.example ? readExampleCell(cells.example, page.source) : undefined;
  return {
    name: row.name,
    type: nullable ? withNull(cell.type) : cell.type,
    required,
    ...(description.text !== undefined ? { description: description.text } : {}),
    ...(readNameCell(cells.name as TableCell).deprecated || description.deprecated
      ? { deprecated: true }
      : {}),
    ...(defaultText !== undefined ? { defaultText } : {}),
    ...(exampleText !== undefined ? { exampleText } : {}),
    origin: row.origin,
    typeOrigin,
  };
}
