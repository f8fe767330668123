/**
 * A message's field table and an enum's value table, as the proto3 JSON mapping reads them: a field's
 * JSON name is its name in lowerCamelCase (the mapping's parsers accept the proto name too), every field
 * may be absent (proto3 leaves out default values) unless its label says `required` (proto2), `repeated`
 * is an array, and an enum is the names of its values.
 */
import type { Table, TableCell } from "mdast";
import type { EnumMemberModel, FieldModel, Origin } from "../../core/model.js";
import type { PageContext } from "../../model/page-context.js";
import { acceptFieldName } from "../../model/read-fields.js";
import { readDescriptionCell } from "../../model/cells.js";
import { originOf, plainText } from "../../parse/inline.js";
import { cellType, readTypeCell, type PageTypes, type TypeCell } from "./field-type.js";
import { columnOf, HEADER_WORDS, tableHeaders } from "./sections.js";

/**
 * The JSON name protoc gives a field (`ToJsonName`): underscores dropped and the letter after each
 * one capitalised (`end_time` -> `endTime`, `part_2` -> `part2`); nothing else changes.
 */
export function jsonName(name: string): string {
  let out = "";
  let upper = false;
  for (const ch of name) {
    if (ch === "_") upper = true;
    else {
      out += upper ? ch.toUpperCase() : ch;
      upper = false;
    }
  }
  return out;
}

/** protoc-gen-doc's marks in a description cell: `**Deprecated.**` first, ` Default: x` last. */
const DEPRECATED = /^\*\*Deprecated\.?\*\*\s*/i;
const DEFAULT = /(?:^|\s)Default:\s*`?([^`]*?)`?\s*$/;

/** A row's cells by column, for the columns a protobuf table has. */
interface Columns {
  name: number;
  type: number;
  label: number;
  number: number;
  description: number;
}

function columnsOf(table: Table): Columns {
  const headers = tableHeaders(table);
  return {
    name: columnOf(headers, HEADER_WORDS.name),
    type: columnOf(headers, HEADER_WORDS.type),
    label: columnOf(headers, HEADER_WORDS.label),
    number: columnOf(headers, HEADER_WORDS.number),
    description: columnOf(headers, HEADER_WORDS.description),
  };
}

const cellAt = (cells: readonly TableCell[], index: number) =>
  index < 0 ? undefined : cells[index];

/** A message's field table before its types are read: names, labels and type cells. */
export interface FieldRow {
  /** The field's name as the docs write it (the proto name, `end_time`). */
  protoName: string;
  label: string;
  typeCell: TypeCell;
  typeOrigin: Origin;
  origin: Origin;
  description?: string;
  deprecated: boolean;
  defaultText?: string;
}

/** Reads the rows of a message's field table (`Field | Type | Label | Description`). */
export function readFieldRows(page: PageContext, table: Table): FieldRow[] {
  const columns = columnsOf(table);
  const rows: FieldRow[] = [];
  const seen = new Map<string, Origin>();
  for (const row of table.children.slice(1)) {
    const nameCell = cellAt(row.children, columns.name);
    const typeCell = cellAt(row.children, columns.type);
    if (!nameCell || !typeCell) {
      page.report(
        originOf(row, page.file),
        "error",
        "table-row-cells",
        `Unexpected row with ${row.children.length} cells, expected a field name and a type`,
      );
      continue;
    }
    const protoName = plainText(nameCell).trim();
    const origin = originOf(nameCell, page.file);
    if (!acceptFieldName(page, protoName, origin, seen)) continue;
    const label = cellAt(row.children, columns.label);
    const described = readDescriptionCell(cellAt(row.children, columns.description), page.source);
    let text = described.text ?? "";
    const deprecated = described.deprecated || DEPRECATED.test(text);
    text = text.replace(DEPRECATED, "");
    const defaultText = DEFAULT.exec(text)?.[1];
    if (defaultText !== undefined) text = text.replace(DEFAULT, "").trim();
    rows.push({
      protoName,
      label: label ? plainText(label).trim().toLowerCase() : "",
      typeCell: readTypeCell(typeCell),
      typeOrigin: originOf(typeCell, page.file),
      origin,
      ...(text !== "" ? { description: text } : {}),
      deprecated,
      ...(defaultText !== undefined && defaultText !== "" ? { defaultText } : {}),
    });
  }
  return rows;
}

/** A field row as a field of the model, its type read with what the page declares. */
export function fieldOf(row: FieldRow, types: PageTypes): FieldModel {
  const type = cellType(row.typeCell, types);
  // A map field is shown as a repeated `XEntry` message; protobuf has no repeated maps.
  const repeated = (row.label === "repeated" || row.typeCell.repeated) && type.kind !== "map";
  const name = jsonName(row.protoName);
  // The proto name is said in the doc text, not as `documentedName` (which the emitters explain as
  // an SDK's renamed reserved word).
  const protoNote = name === row.protoName ? undefined : `Proto field \`${row.protoName}\`.`;
  const description =
    row.description === undefined || protoNote === undefined
      ? (row.description ?? protoNote)
      : `${row.description}\n\n${protoNote}`;
  return {
    name,
    type: repeated ? { kind: "array", items: type } : type,
    // proto3 leaves a field with its default value out of the JSON; proto2 may say `required`.
    required: row.label === "required",
    ...(description !== undefined ? { description } : {}),
    ...(row.deprecated ? { deprecated: true } : {}),
    ...(row.defaultText !== undefined ? { defaultText: row.defaultText } : {}),
    origin: row.origin,
    typeOrigin: row.typeOrigin,
  };
}

/** Reads an enum's value table (`Name | Number | Description`): its values are their names. */
export function readEnumMembers(page: PageContext, table: Table): EnumMemberModel[] {
  const columns = columnsOf(table);
  const members: EnumMemberModel[] = [];
  const seen = new Set<string>();
  for (const row of table.children.slice(1)) {
    const nameCell = cellAt(row.children, columns.name);
    const name = nameCell ? plainText(nameCell).trim() : "";
    const origin = originOf(nameCell ?? row, page.file);
    if (name === "") {
      page.report(
        origin,
        "warning",
        "enum-value",
        "Unexpected enum row without a name, expected the value's name; skipped",
      );
      continue;
    }
    if (seen.has(name)) {
      page.report(
        origin,
        "warning",
        "duplicate-enum-value",
        `Unexpected second enum value \`${name}\`, expected each value once; skipped`,
      );
      continue;
    }
    seen.add(name);
    const description = readDescriptionCell(cellAt(row.children, columns.description), page.source);
    members.push({
      name,
      value: name,
      ...(description.text !== undefined ? { description: description.text } : {}),
      origin,
    });
  }
  return members;
}
