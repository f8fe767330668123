/**
 * Reads a field table (`## Fields`, `## Properties`, or a hand-written table) into fields. Columns are
 * recognised by header names (parse/table.ts); the dialect decides what a pointer means and whether
 * "one of `a`, `b`" sentences are enums.
 */
import type { Table, TableCell } from "mdast";
import { withNull } from "../dialects/grammar.js";
import { tokenizeInline } from "../dialects/tokens.js";
import { originOf, plainText } from "../parse/inline.js";
import { readTable } from "../parse/table.js";
import {
  readDescriptionCell,
  readExampleCell,
  readNameCell,
  readNotesCell,
  readRequiredCell,
} from "./cells.js";
import { unescapeReservedName } from "../dialects/wire-names.js";
import { readInlineEnum } from "./inline-enum.js";
import { literalsType } from "./literals.js";
import type { PageContext } from "./page-context.js";
import type { FieldModel, Origin, TypeRef } from "../core/model.js";

/**
 * Whether a field table's row names a field that can be read: not empty, and not a second field of a
 * name (`seen` maps names to where they were first met). Reports why not at `severity` (`error` where
 * the table is the page's model, `warning` where a family skips the row and reads on).
 */
export function acceptFieldName(
  page: PageContext,
  name: string,
  origin: Origin,
  seen: Map<string, Origin>,
  severity: "error" | "warning" = "error",
): boolean {
  const skipped = severity === "warning" ? "; row skipped" : "";
  if (name === "") {
    page.report(
      origin,
      severity,
      "empty-field-name",
      `Unexpected empty field name, expected the field's name${skipped}`,
    );
    return false;
  }
  const first = seen.get(name);
  if (first) {
    page.report(
      origin,
      severity,
      "duplicate-field",
      `Unexpected second field \`${name}\`, expected each field once (first at line ${first.line})${skipped}`,
    );
    return false;
  }
  seen.set(name, origin);
  return true;
}

/** Whether a table has the columns of a field table. */
export function isFieldTable(table: Table): boolean {
  const { columns } = readTable(table);
  return columns.includes("name") && columns.includes("type");
}

/** Reads one field table. `open` is true when the table has no rows (any object is accepted). */
export function readFieldTable(
  page: PageContext,
  table: Table | undefined,
): { fields: FieldModel[]; open: boolean } {
  if (!table) return { fields: [], open: true };
  const read = readTable(table);
  if (!read.columns.includes("name") || !read.columns.includes("type")) {
    page.report(
      originOf(table, page.file),
      "error",
      "table-columns",
      `Unexpected columns ${read.headers.map((h) => `\`${h}\``).join(", ")}, expected at least a field name and a type column`,
    );
    return { fields: [], open: true };
  }
  // A column headed "Optional" says yes for fields that may be absent.
  const requiredIndex = read.columns.indexOf("required");
  const invertRequired = /^optional/i.test(read.headers[requiredIndex] ?? "");
  const fields: FieldModel[] = [];
  const seen = new Map<string, Origin>();
  for (const row of read.rows) {
    const nameCell = row.cells.name;
    const typeCell = row.cells.type;
    // GFM lets a row end early (OpenAPI Generator leaves the Notes cell out): only the name and type
    // cells must be there.
    const cells = (n: number) => `${n} ${n === 1 ? "cell" : "cells"}`;
    if (!nameCell || !typeCell) {
      page.report(
        originOf(row.all[0], page.file),
        "error",
        "table-row-cells",
        `Unexpected row with ${cells(row.all.length)}, expected ${read.columns.length}`,
      );
      continue;
    }
    // A Required column the row leaves out would make optionality a guess: say so.
    if (requiredIndex >= 0 && row.cells.required === undefined) {
      page.report(
        originOf(row.all[row.all.length - 1], page.file),
        "warning",
        "table-row-cells",
        `Unexpected row with ${cells(row.all.length)}, expected ${read.columns.length}; the missing Required cell makes the field required`,
      );
    }
    const named = readNameCell(nameCell);
    // OpenAPI Generator's row for extra keys: not a field (unknown keys are allowed anyway).
    if (/^any string name$/i.test(named.name)) {
      page.report(
        originOf(nameCell, page.file),
        "info",
        "additional-properties",
        "Unexpected `any string name` row, expected a field; read as the object's extra keys, which are allowed",
      );
      continue;
    }
    // Hand-written tables mark optional fields with a `?` after the name (`nickname?`).
    const questionMark = /\?$/.test(named.name);
    const documented = questionMark ? named.name.replace(/\s*\?$/, "") : named.name;
    const name = page.rules.escapedReservedNames ? unescapeReservedName(documented) : documented;
    const origin = originOf(nameCell, page.file);
    if (!acceptFieldName(page, name, origin, seen)) continue;
    fields.push(
      readFieldRow(page, row.cells, {
        name,
        ...(name !== documented ? { documentedName: documented } : {}),
        origin,
        questionMark,
        deprecated: named.deprecated,
        invertRequired,
      }),
    );
  }
  return { fields, open: fields.length === 0 && read.rows.length === 0 };
}

interface RowName {
  name: string;
  documentedName?: string;
  origin: Origin;
  questionMark: boolean;
  deprecated: boolean;
  invertRequired: boolean;
}

function readFieldRow(
  page: PageContext,
  cells: ReturnType<typeof readTable>["rows"][number]["cells"],
  row: RowName,
): FieldModel {
  const typeCell = cells.type as TableCell;
  const typeOrigin = originOf(typeCell, page.file);
  const notes = readNotesCell(cells.notes, page.source);
  // Without a Description column, what the Notes column says besides its markers is the description.
  const description = cells.description
    ? readDescriptionCell(cells.description, page.source)
    : { text: notes.rest, deprecated: false };
  const descriptionText = description.text;

  let type: TypeRef;
  let optionalType = false;
  let nullableType = false;
  let cellOption = false;
  const inlineEnum = page.rules.inlineEnums
    ? readInlineEnum(page, typeCell, typeOrigin)
    : undefined;
  if (inlineEnum) {
    type = inlineEnum;
  } else {
    const cell = page.parseCell(tokenizeInline(typeCell.children, [], page.source), typeOrigin);
    type = cell.type;
    optionalType = cell.optional || (cell.pointer && page.rules.pointer === "optional");
    cellOption = cell.option;
    nullableType = cell.nullable || (cell.pointer && page.rules.pointer === "nullable");
    // `must be one of [...]` in the Notes narrows a plain string or number type to its values.
    if (
      notes.oneOf &&
      notes.oneOf.length > 0 &&
      (type.kind === "string" || type.kind === "number")
    ) {
      type = literalsType(notes.oneOf);
    }
    // "one of `a`, `b`" in the description narrows a plain string or number type.
    if (
      page.rules.inlineEnums &&
      cells.description &&
      (type.kind === "string" || type.kind === "number")
    ) {
      type = readInlineEnum(page, cells.description, typeOrigin, type.kind) ?? type;
    }
  }

  const option = cellOption;
  let required = true;
  if (cells.required) {
    const marker = readRequiredCell(cells.required);
    if (marker === undefined) {
      page.report(
        originOf(cells.required, page.file),
        "warning",
        "unknown-required",
        `Unexpected required marker \`${plainText(cells.required).trim()}\`, expected \`:heavy_check_mark:\`, \`:heavy_minus_sign:\`, yes or no; treating the field as required`,
      );
    } else {
      required = row.invertRequired ? !marker : marker;
    }
  }
  if (optionalType || notes.optional || row.questionMark) required = false;
  // `Option<T>` on a required row: the field is there, and may be null.
  if (option && required) nullableType = true;

  const defaultText = cells.default
    ? readExampleCell(cells.default, page.source)
    : notes.defaultText;
  const exampleText = cells.example ? readExampleCell(cells.example, page.source) : undefined;
  return {
    name: row.name,
    ...(row.documentedName !== undefined ? { documentedName: row.documentedName } : {}),
    type: nullableType ? withNull(type) : type,
    required,
    ...(descriptionText !== undefined ? { description: descriptionText } : {}),
    ...(row.deprecated || description.deprecated ? { deprecated: true } : {}),
    ...(notes.readonly ? { readonly: true } : {}),
    ...(defaultText !== undefined ? { defaultText } : {}),
    ...(exampleText !== undefined ? { exampleText } : {}),
    origin: row.origin,
    typeOrigin,
  };
}
