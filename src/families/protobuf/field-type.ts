/**
 * A protobuf docs type cell to the JSON type the proto3 JSON mapping gives it: a scalar
 * (`[uint64](#uint64)`), a well-known type (`google.protobuf.Timestamp`), a message or enum of the page
 * (linked by its anchor, or named), a map field (its `XEntry` message with `key` and `value`, or
 * `map<K, V>` written out), or a type another docs page defines (`acme.geo.v1.Point`), which
 * stays a reference the resolver may find elsewhere and otherwise types as `unknown` with a warning.
 */
import type { TableCell } from "mdast";
import type { TypeRef } from "../../core/model.js";
import { PROTOBUF_SCALARS, PROTOBUF_WELL_KNOWN } from "../../dialects/lexicon-protobuf.js";
import { plainText } from "../../parse/inline.js";

/** What a type cell says: the type's name as written and the anchor it links to. */
export interface TypeCell {
  /** The name as written, `repeated` and `map<...>` unwrapped (`pkg.v1.Message`, `uint64`). */
  text: string;
  /** The link's target as written (`#pkg.v1.Message`), when the cell is a link. */
  href?: string;
  /** `repeated T` written in the cell (tools that put the label in the type). */
  repeated: boolean;
  /** `map<K, V>` written in the cell: the value type's cell. */
  mapValue?: TypeCell;
}

const MAP = /^map\s*<\s*[^,<>]+,\s*(.+?)\s*>$/i;

/** Reads a type cell's text and link. */
export function readTypeCell(cell: TableCell): TypeCell {
  const links = cell.children.filter((child) => child.type === "link");
  const link = links.length === 1 ? links[0] : undefined;
  const whole = plainText(cell).trim();
  return typeCellOf(whole, link?.type === "link" ? link.url : undefined);
}

function typeCellOf(written: string, href: string | undefined): TypeCell {
  let text = written.replace(/^`|`$/g, "").trim();
  const repeated = /^repeated\s+/i.test(text);
  if (repeated) text = text.replace(/^repeated\s+/i, "");
  const map = MAP.exec(text);
  if (map) return { text, repeated, mapValue: typeCellOf(map[1] as string, undefined) };
  return { text: text.replace(/^\./, ""), ...(href !== undefined ? { href } : {}), repeated };
}

/** The lowercase anchor of a link that is only a fragment (`#pkg.Message` -> `pkg.message`). */
export function fragmentOf(href: string | undefined): string | undefined {
  if (href === undefined || !href.startsWith("#") || href.length < 2) return undefined;
  try {
    return decodeURIComponent(href.slice(1)).toLowerCase();
  } catch {
    return href.slice(1).toLowerCase();
  }
}

/** What the page knows about its own types, for the cells that name them. */
export interface PageTypes {
  /** The primary anchor (lowercase) of a type of the page, by any anchor or name that names it. */
  anchorOf(text: string, href: string | undefined): string | undefined;
  /** The type of the value of a map field whose entry message has this anchor, when it is one. */
  mapValueOf(anchor: string): TypeRef | undefined;
  /** The type the `typeMap` option gives a name as written (`acme.geo.v1.Point`), when it gives one. */
  mapped(text: string): TypeRef | undefined;
  /** The anchor of the `google.protobuf.Any` model the page gets, linked as `href` (when a link). */
  anyAnchor(href: string | undefined): string;
}

/** A reference to a type no page may declare: another docs page's, or unknown with a warning. */
function foreignRef(cell: TypeCell): TypeRef {
  return {
    kind: "ref",
    name: cell.text,
    ...(cell.href !== undefined ? { href: cell.href } : {}),
    fallback: { type: { kind: "unknown", reason: "external" }, why: "library" },
  };
}

/** The JSON type of a type cell's name (before `repeated`). */
export function cellType(cell: TypeCell, page: PageTypes): TypeRef {
  if (cell.mapValue) return { kind: "map", values: cellType(cell.mapValue, page) };
  const mapped = page.mapped(cell.text);
  if (mapped) return mapped;
  const lower = cell.text.toLowerCase();
  if (Object.hasOwn(PROTOBUF_SCALARS, lower)) return PROTOBUF_SCALARS[lower] as TypeRef;
  if (Object.hasOwn(PROTOBUF_WELL_KNOWN, lower)) return PROTOBUF_WELL_KNOWN[lower] as TypeRef;
  if (lower === "google.protobuf.any")
    return { kind: "ref", name: "Any", href: `#${page.anyAnchor(cell.href)}` };
  const anchor = page.anchorOf(cell.text, cell.href);
  if (anchor === undefined) return foreignRef(cell);
  const mapValue = page.mapValueOf(anchor);
  if (mapValue) return { kind: "map", values: mapValue };
  return { kind: "ref", name: cell.text.replace(/\./g, "_"), href: `#${anchor}` };
}
