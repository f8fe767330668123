/**
 * A docs site's value table (`Name | Value | Description`, `Type | Value`, `Flag | Value | Description`,
 * `Value | Name | Description`) into enum members: the value from the Value column, the member's name
 * from the first other column. Values are numbers when the cell is a number or a bit shift
 * (`1 << 3` is 8), the text of a code span or quoted string, else the cell's text.
 */
import type { Table } from "mdast";
import { decodeCellText } from "../../dialects/tokens.js";
import { originOf, plainText } from "../../parse/inline.js";
import { readTable, type ReadTable } from "../../parse/table.js";
import { cellSource, readDescriptionCell } from "../../model/cells.js";
import type { PageContext } from "../../model/page-context.js";
import type { EnumMemberModel } from "../../core/model.js";

/** Whether the table's columns are a value table's: a Value column and a name for each value. */
export function isValueColumns(read: ReadTable): boolean {
  return read.columns.includes("value") && read.columns.length >= 2;
}

/**
 * The column of a value table's values: its Value column, else a Type column that holds only numbers
 * (`Type | Name | Description` with `1`, `2`: the numbers are the values), else -1.
 */
export function valueColumnOf(read: ReadTable): number {
  const value = read.columns.indexOf("value");
  if (value >= 0) return value;
  const type = read.columns.indexOf("type");
  const numbers =
    type >= 0 &&
    read.rows.length > 0 &&
    read.rows.every((row) => {
      const cell = row.all[type];
      return cell !== undefined && numberValue(valueText(plainText(cell))) !== undefined;
    });
  return numbers ? type : -1;
}

/** `1 << 3`, `(1 << 3)`, `0x10`, `-2`, `1.5`: a number; undefined for anything else. */
export function numberValue(text: string): number | undefined {
  const bare = text.replace(/^\((.*)\)$/s, "$1").trim();
  const shift = /^(\d+)\s*<<\s*(\d+)$/.exec(bare);
  // Bit flags past 2^53 are no exact JavaScript number: they stay text.
  if (shift) {
    const value = Number(shift[1]) * 2 ** Number(shift[2]);
    return Number.isSafeInteger(value) ? value : undefined;
  }
  if (/^0x[0-9a-f]+$/i.test(bare)) return Number.parseInt(bare.slice(2), 16);
  if (/^-?\d+(?:\.\d+)?$/.test(bare)) return Number(bare);
  return undefined;
}

/** A value cell's text: a code span's or quoted string's text, footnote marks dropped. */
function valueText(written: string): string {
  const value = decodeCellText(written.replace(/\\\|/g, "|"))
    .replace(/\s*[*†‡]+$/, "")
    .trim();
  const code = /^`([^`]+)`$/.exec(value);
  if (code) return code[1] as string;
  const quoted = /^"(.*)"$/s.exec(value) ?? /^'(.*)'$/s.exec(value);
  return quoted ? (quoted[1] as string) : value;
}

/**
 * Reads a value table. The values are numbers when every value reads as one (a table of bit flags
 * or codes), else text.
 */
export function readValueTable(page: PageContext, table: Table): EnumMemberModel[] {
  const read = readTable(table);
  const valueColumn = valueColumnOf(read);
  const nameColumn = read.columns.findIndex(
    (role, index) => index !== valueColumn && role !== "description",
  );
  const rows = read.rows.flatMap((row) => {
    const valueCell = row.all[valueColumn];
    if (!valueCell) return [];
    const nameCell = nameColumn >= 0 ? row.all[nameColumn] : undefined;
    const name = nameCell ? plainText(nameCell).trim() : "";
    const description = row.cells.description
      ? readDescriptionCell(row.cells.description, page.source).text
      : undefined;
    const text = valueText(cellSource(valueCell, page.source));
    return [{ name, text, description, origin: originOf(valueCell, page.file) }];
  });
  const numbers = rows.map((row) => numberValue(row.text));
  const numeric = rows.length > 0 && numbers.every((n) => n !== undefined);
  return rows.map((row, index) => ({
    ...(row.name !== "" ? { name: row.name } : {}),
    value: numeric ? (numbers[index] as number) : row.text,
    ...(row.description !== undefined ? { description: row.description } : {}),
    origin: row.origin,
  }));
}

/** Words that call a value a placeholder for values the docs will add (the enum is open). */
export const PLACEHOLDER_WORDS =
  /\bplaceholder\b|\bmore (?:values|types) (?:may|will|could) be added\b|\b(?:values|types) (?:may|will|could) be added\b|\bnew (?:values|types) (?:may|will|could) be (?:added|introduced)\b|\bmay (?:be )?(?:extended|expanded) in the future\b/i;
