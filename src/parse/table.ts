/**
 * Reads a GFM table into rows of cells keyed by role, recognising columns by their header names.
 */
import type { Table, TableCell } from "mdast";
import { plainText } from "./inline.js";

/** What a column holds, recognised from its header. */
export type ColumnRole =
  "name" | "type" | "required" | "description" | "notes" | "default" | "example" | "value";

const HEADER_ROLES: ReadonlyArray<[RegExp, ColumnRole]> = [
  [
    /^((field|name|property|parameter|param|key|attribute)s?|(field|property|parameter|attribute|key) ?name)$/,
    "name",
  ],
  // `Kind`, `Data type`, `Field type`, `Type/Format`: what hand-written tables call the type column.
  [
    /^(types?|kinds?|data ?types?|schema|format ?\/ ?type|types? ?\/ ?format|(value|field|property|parameter|param|attribute|json) ?type)$/,
    "type",
  ],
  [/^(required\??|optional\??|req\.?|mandatory)$/, "required"],
  [/^(description|comments?|details|meaning|summary|explanation)$/, "description"],
  // OpenAPI Generator's `Notes` holds `[optional]`, `[readonly]`, `[default to X]`; hand-written tables
  // use it as the description when there is no Description column.
  [/^(notes?|remarks?)$/, "notes"],
  [/^(default|default value)$/, "default"],
  [/^(examples?|sample)$/, "example"],
  [/^(value|values)$/, "value"],
];

/** The role of a header cell's text, or undefined for an unknown column. */
export function columnRole(header: string): ColumnRole | undefined {
  const key = header.trim().toLowerCase().replace(/[*_`]/g, "");
  for (const [pattern, role] of HEADER_ROLES) if (pattern.test(key)) return role;
  return undefined;
}

/** A body row: the cells by role (first column of each role wins) and the row's cells in order. */
export interface TableRow {
  cells: Partial<Record<ColumnRole, TableCell>>;
  all: TableCell[];
}

export interface ReadTable {
  /** Roles by column index (undefined for columns that were not recognised). */
  columns: Array<ColumnRole | undefined>;
  /** Header texts, for messages. */
  headers: string[];
  rows: TableRow[];
}

/** Reads a table's header and body rows. */
export function readTable(table: Table): ReadTable {
  const [head, ...body] = table.children;
  const headers = head ? head.children.map((cell) => plainText(cell).trim()) : [];
  const columns = headers.map(columnRole);
  const rows = body.map((row) => {
    const cells: Partial<Record<ColumnRole, TableCell>> = {};
    row.children.forEach((cell, index) => {
      const role = columns[index];
      if (role && cells[role] === undefined) cells[role] = cell;
    });
    return { cells, all: row.children };
  });
  return { columns, headers, rows };
}
