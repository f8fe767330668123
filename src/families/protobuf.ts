/**
 * Protobuf docs (protoc-gen-doc's Markdown, and tools that write its anatomy): every message and enum of
 * an API on one page, each a heading with an `<a name="pkg.v1.Message">` anchor before it and a
 * `Field | Type | Label | Description` or `Name | Number | Description` table, linked to by their full
 * names (`#pkg.v1.Message`). A message reads as its JSON under the proto3 JSON mapping
 * (families/protobuf/, dialects/lexicon-protobuf.ts); services, extensions and the tool's table of
 * scalar types are not models.
 */
import { posix as path } from "node:path";
import { pageIdOf } from "../core/decl-ref.js";
import type { Decl, ObjectDecl, Origin } from "../core/model.js";
import { dialectRules } from "../dialects/dialect-rules.js";
import { decodeCellText } from "../dialects/tokens.js";
import type { PageResult, ReadPageOptions } from "../model/build.js";
import { PageContext } from "../model/page-context.js";
import { originOf, sourceOf } from "../parse/inline.js";
import { keepSectionsWith, splitSections, type ReducedSource } from "../parse/sections.js";
import type { Family, ParsedPage, Recognition } from "./family.js";
import { PageTypeIndex } from "./protobuf/page-types.js";
import { readEnumMembers } from "./protobuf/read-tables.js";
import { readProtoSections, type ProtoSection } from "./protobuf/sections.js";

/** protoc-gen-doc's own marks: its field table's header and its appendix of scalar types. */
const STRONG_MARKERS =
  /^\|\s*Field\s*\|\s*Type\s*\|\s*Label\s*\|\s*Description\s*\||^#{1,6}\s+Scalar Value Types\s*$/im;
/** An enum table of protoc-gen-doc, which marks a page only beside the `<a name>` anchors it writes. */
const ENUM_TABLE = /^\|\s*Name\s*\|\s*Number\s*\|\s*Description\s*\|/im;

/** Why a section that is not a message or an enum is skipped. */
const NOT_A_MODEL: Readonly<Record<string, string>> = {
  service: "a service, whose methods are not models",
  extensions: "a table of extensions, which add fields to other messages",
  scalars: "the table of protobuf's scalar types",
};

/** The output module a type proposes: its package as folders (`pkg/v1/Message`), else its file's. */
function moduleOf(section: ProtoSection, name: string): string {
  if (section.packageName !== undefined)
    return `${section.packageName.split(".").join("/")}/${name}`;
  const folder = section.protoFile === undefined ? "." : path.dirname(section.protoFile);
  return folder === "." ? name : `${folder}/${name}`;
}

/** The section's text before its table, as its description. */
function descriptionOf(section: ProtoSection, source: string): string | undefined {
  const parts: string[] = [];
  for (const node of section.section.nodes) {
    if (node === section.table) break;
    if (node.type === "html" || node.type === "thematicBreak") continue;
    parts.push(sourceOf(node, source));
  }
  const text = decodeCellText(parts.join("\n\n")).trim();
  return text === "" ? undefined : text;
}

/** `google.protobuf.Any` as JSON: the packed message's fields beside an `@type` that names it. */
function anyModel(pageId: string, anchor: string, origin: Origin): ObjectDecl {
  return {
    kind: "object",
    id: `${pageId}#${anchor}`,
    module: "google/protobuf/Any",
    name: "Any",
    description:
      "A message of any type (`google.protobuf.Any`): its fields, and `@type`, the URL that names its type (`type.googleapis.com/pkg.v1.Message`).",
    fields: [
      {
        name: "@type",
        type: { kind: "string" },
        required: true,
        description:
          "The URL that names the message's type; its last path segment is the type's full name.",
        origin,
        typeOrigin: origin,
      },
    ],
    open: false,
    origin,
  };
}

/** Reads a protobuf docs page into its messages and enums. */
function readProtobufPage(
  { file, root, source }: ParsedPage,
  options: ReadPageOptions,
): PageResult {
  const page = new PageContext(
    file,
    source,
    dialectRules("protoc-gen-doc"),
    options.typeMap ?? {},
    options.maxTypeDepth,
  );
  const pageId = pageIdOf(file);
  const sections = readProtoSections(root);
  const types = new PageTypeIndex(page, sections);
  const decls: Decl[] = [];
  const ids = new Set<string>();
  for (const section of sections) {
    const origin = originOf(section.section.heading, file);
    const why = NOT_A_MODEL[section.kind];
    if (why !== undefined) {
      page.report(
        origin,
        "info",
        "not-a-model",
        `Unexpected section \`${section.longName}\` (${why}), expected a message or an enum; skipped`,
      );
      continue;
    }
    if (types.isMapEntry(section) || types.isWellKnown(section)) continue;
    const [anchor, ...anchors] = section.anchors as [string, ...string[]];
    const id = `${pageId}#${anchor}`;
    if (ids.has(id)) {
      page.report(
        origin,
        "warning",
        "not-a-model",
        `Unexpected second section for \`${section.fullName}\`, expected each type once; skipped`,
      );
      continue;
    }
    ids.add(id);
    const name = section.longName.replace(/\./g, "_");
    const description = descriptionOf(section, source);
    const base = {
      id,
      ...(anchors.length > 0 ? { anchors } : {}),
      module: moduleOf(section, name),
      name,
      ...(description !== undefined ? { description } : {}),
      origin,
    };
    if (section.kind === "enum") {
      const members = section.table ? readEnumMembers(page, section.table) : [];
      if (members.length === 0) {
        page.report(
          origin,
          "warning",
          "empty-enum",
          `Unexpected enum \`${section.fullName}\` without values, expected at least one; skipped`,
        );
        ids.delete(id);
        continue;
      }
      decls.push({ ...base, kind: "enum", members, open: false });
    } else {
      decls.push({ ...base, kind: "object", fields: types.fieldsOf(section), open: false });
    }
  }
  const any = types.anyUse();
  if (any) decls.push(anyModel(pageId, any.anchor, any.origin));
  return { decls, dialect: "protoc-gen-doc", diagnostics: page.diagnostics };
}

/** A line that may be part of a table. */
const TABLE_LINE = /^\s{0,3}(?:\||:?-+:?\s*\|)/;
/** A line with an HTML anchor (`<a name="x">`, `<a id="x">`). */
const ANCHOR_LINE = /<a\s[^>]*\b(?:name|id)\s*=/i;

/**
 * The first line of a section's tail of HTML lines and blanks that holds an anchor (the anchor of the
 * next section's heading, written before it), or undefined when it has none.
 */
function anchorTail(lines: readonly string[], start: number, end: number): number | undefined {
  let tail: number | undefined;
  for (let line = end - 1; line > start; line -= 1) {
    const text = lines[line] as string;
    if (text.trim() === "") continue;
    if (!text.startsWith("<")) break;
    if (ANCHOR_LINE.test(text)) tail = line;
  }
  return tail;
}

/**
 * The page without its `##` sections that hold no table (the table of contents, a nested list of links
 * as long as a tenth of the page, which the parser is slowest on), except their tail of HTML lines
 * with an anchor, which names the section after it: kept as written, blank lines included, so it
 * reads as it does in the whole page. Undefined when no section can go.
 */
function typeSectionsOnly(source: string): ReducedSource | undefined {
  const lines = source.split("\n");
  const sections = splitSections(source, lines);
  if (sections.length <= 2) return undefined;
  for (const section of sections) {
    const tail = anchorTail(lines, section.startLine, section.endLine);
    if (tail === undefined) continue;
    for (let line = tail; line < section.endLine; line += 1) section.keepLines.push(line);
    section.keepLines = [...new Set(section.keepLines)].sort((a, b) => a - b);
  }
  return keepSectionsWith(source, sections, TABLE_LINE, lines);
}

export const protobufFamily: Family = {
  id: "protobuf",
  label: "protobuf docs",
  dialects: ["protoc-gen-doc"],
  extensions: [".md"],
  recognise: ({ source }): Recognition =>
    STRONG_MARKERS.test(source) || (ENUM_TABLE.test(source) && /<a\s+name=/i.test(source))
      ? "strong"
      : undefined,
  reduce: typeSectionsOnly,
  read: readProtobufPage,
};
