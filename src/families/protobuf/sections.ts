/**
 * The sections of a protobuf docs page (protoc-gen-doc and tools that write its anatomy): each heading
 * with the anchor written before it and its first table, sorted by what the table's columns say it
 * documents. A message is `Field | Type | Label | Description`, an enum `Name | Number | Description`,
 * a service `Method Name | Request Type | Response Type`, extensions `Extension | Type | Base | Number`,
 * and the tool's reference of scalar types `.proto Type | Notes | C++ | ...`. A message without fields
 * has no table: a heading that names a type, with an anchor before it, and nothing else.
 */
import type { Root, Table } from "mdast";
import { plainText } from "../../parse/inline.js";
import { anchoredSections, type AnchoredSection } from "../common/anchored-sections.js";

/** What a section of a protobuf page documents. */
export type ProtoSectionKind = "message" | "enum" | "service" | "extensions" | "scalars";

/** One section of the page that documents something. */
export interface ProtoSection {
  kind: ProtoSectionKind;
  section: AnchoredSection;
  /** The heading's text: the type's name inside its package (`Outer.Inner` for a nested message). */
  longName: string;
  /** The type's full name (`pkg.v1.Outer.Inner`) when the anchor spells it, else the long name. */
  fullName: string;
  /** The package (`pkg.v1`), when the anchor spells the full name; undefined when it does not. */
  packageName?: string;
  /** The anchors that link to the section, lowercase, the first being its id's. */
  anchors: string[];
  table?: Table;
  /** The `.proto` file the section is under (`auction/auction.proto`), when a heading names one. */
  protoFile?: string;
}

/** The lowercase header texts of a table. */
export function tableHeaders(table: Table): string[] {
  const head = table.children[0];
  return head ? head.children.map((cell) => plainText(cell).trim().toLowerCase()) : [];
}

/** Which column holds what, by header text (lowercase). */
export const HEADER_WORDS = {
  name: ["field", "name", "field name"],
  type: ["type"],
  label: ["label", "rule", "cardinality"],
  number: ["number", "value", "tag"],
  description: ["description", "comment", "comments"],
  method: ["method name", "method"],
  extension: ["extension"],
  protoType: [".proto type"],
} as const;

/** The index of the first column whose header is one of `words`, or -1. */
export function columnOf(headers: readonly string[], words: readonly string[]): number {
  return headers.findIndex((header) => words.includes(header));
}

/** What a table's columns say it documents, or undefined for a table of something else. */
function kindOfTable(table: Table): ProtoSectionKind | undefined {
  const headers = tableHeaders(table);
  const has = (words: readonly string[]) => columnOf(headers, words) >= 0;
  if (has(HEADER_WORDS.protoType)) return "scalars";
  if (has(HEADER_WORDS.method)) return "service";
  if (has(HEADER_WORDS.extension)) return "extensions";
  if (has(HEADER_WORDS.name) && has(HEADER_WORDS.type)) return "message";
  if (has(HEADER_WORDS.name) && has(HEADER_WORDS.number)) return "enum";
  return undefined;
}

/** A protobuf type name: identifiers joined by dots (`Outer.Inner`). */
const TYPE_NAME = /^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*$/;

/** The package and full name a section's anchor spells, when it ends with the heading's name. */
function qualified(longName: string, anchor: string | undefined) {
  if (anchor === undefined || !TYPE_NAME.test(anchor)) return { fullName: longName };
  if (anchor === longName) return { fullName: longName };
  if (anchor.endsWith(`.${longName}`))
    return { fullName: anchor, packageName: anchor.slice(0, -longName.length - 1) };
  return { fullName: longName };
}

/** Reads the sections of a protobuf page that document something, in page order. */
export function readProtoSections(root: Root): ProtoSection[] {
  const found: ProtoSection[] = [];
  let protoFile: string | undefined;
  for (const section of anchoredSections(root)) {
    const text = plainText(section.heading).trim();
    if (/\.proto$/i.test(text)) {
      protoFile = text;
      continue;
    }
    const table = section.nodes.find((node): node is Table => node.type === "table");
    const tableKind = table ? kindOfTable(table) : undefined;
    // A message without fields: a type's name under an anchor, with no table at all.
    const kind =
      tableKind ??
      (!table && section.anchors.length > 0 && TYPE_NAME.test(text) ? "message" : undefined);
    if (kind === undefined) continue;
    const lower = section.anchors.map((anchor) => anchor.toLowerCase());
    found.push({
      kind,
      section,
      longName: text,
      ...qualified(text, section.anchors[0]),
      anchors: lower.length > 0 ? lower : [text.toLowerCase()],
      ...(table ? { table } : {}),
      ...(protoFile !== undefined ? { protoFile } : {}),
    });
  }
  return found;
}
