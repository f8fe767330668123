/**
 * Reads one parsed page into a declaration of the model. The page's dialect (dialects/detect.ts)
 * picks the spellings; the section decides the kind: `## Fields` / `## Properties` (or, in
 * hand-written pages, the first field table) -> object, `## Values` / `## Enum` -> enum,
 * `## Supported Types` -> union. Pages with none of these (SDK usage, API operations, indexes) are not
 * models: an info diagnostic says so.
 */
import type { Root, Table } from "mdast";
import type { Diagnostic, RuleId } from "../core/diagnostics.js";
import { codeLanguages, dialectOfPage, type DialectOption } from "../dialects/detect.js";
import { decodeCellText } from "../dialects/tokens.js";
import { NAMESPACE_SEPARATOR } from "../dialects/words.js";
import { literalsType } from "./literals.js";
import { dialectRules, type ResolvedDialect } from "../dialects/dialect-rules.js";
import { originOf } from "../parse/inline.js";
import { readInheritance } from "./inherits.js";
import { readOutline, type PageOutline, type Section } from "../parse/outline.js";
import { PageContext } from "./page-context.js";
import { readEnumSection } from "./read-enum.js";
import { INDEX_PAGE, skippedPage } from "./not-a-model.js";
import { isFieldTable, readFieldTable } from "./read-fields.js";
import { readUnionSection } from "./read-union.js";
import type { Decl, EnumMemberModel, FieldModel, TypeRef } from "../core/model.js";
import { pageIdOf } from "../core/decl-ref.js";

const UNDOCUMENTED: TypeRef = { kind: "unknown", reason: "undocumented" };

/** The result of reading one page. */
export interface PageResult {
  /** The page's declarations, in the order the page documents them (none for a page without a model). */
  decls: Decl[];
  /** The dialect the page was read as. */
  dialect?: ResolvedDialect;
  diagnostics: Diagnostic[];
}

/** What reading a page needs besides the page itself (all optional; defaults as in `GenerateOptions`). */
export interface ReadPageOptions {
  /** The `dialect` option: `auto` (default), one dialect, or dialects by folder prefix. */
  dialect?: DialectOption;
  /** Type spellings to replace (`{ "decimal.Decimal": "string" }`). */
  typeMap?: Readonly<Record<string, string>>;
  /** Deepest nesting inside one type cell. */
  maxTypeDepth?: number;
}

/** The `##` section titles (lowercase) a model is read from, and the kind each gives. */
export const SECTION_KINDS: Readonly<Record<string, Decl["kind"]>> = {
  fields: "object",
  properties: "object",
  attributes: "object",
  values: "enum",
  enum: "enum",
  "enum values": "enum",
  "allowed values": "enum",
  "possible values": "enum",
  "supported types": "union",
};

const sectionKind = (section: Section): Decl["kind"] | undefined =>
  Object.hasOwn(SECTION_KINDS, section.title.toLowerCase())
    ? SECTION_KINDS[section.title.toLowerCase()]
    : undefined;

/** A hand-written page's field table before its first `##` section (a table in a section of another
 * name, such as an SDK page's parameters, is not the page's model). */
function leadingFieldTable(root: Root): Table | undefined {
  for (const node of root.children) {
    if (node.type === "heading" && node.depth <= 2 && node !== root.children[0]) return undefined;
    if (node.type === "table" && isFieldTable(node)) return node;
  }
  return undefined;
}

/**
 * The type name a title gives: generators prefix it with their namespace (`Client::Name`,
 * `Org.Vendor.Model.Name`) or a stray `#` (`# # Name`); the name is the last segment.
 */
export function titleTypeName(title: string): string {
  const bare = title.replace(/^(?:#+\s*)+/, "").trim();
  const qualified = /^(?:::|\\)?[A-Za-z_$][\w$]*(?:(?:\.|::|\\)[A-Za-z_$][\w$]*)+$/.test(bare);
  return qualified ? (bare.split(NAMESPACE_SEPARATOR).pop() as string) : bare;
}

/**
 * True when the page holds its `#` title and at most a one-paragraph description: no section, list,
 * table or code (a generator's page for a type it did not document). Index pages never are.
 */
function titleOnly(file: string, root: Root, outline: PageOutline): boolean {
  if (INDEX_PAGE.test(file.slice(file.lastIndexOf("/") + 1))) return false;
  const rest = root.children.filter(
    (node) =>
      node !== outline.titleHeading && node.type !== "thematicBreak" && node.type !== "html",
  );
  return (
    outline.titleHeading !== undefined &&
    rest.length <= 1 &&
    rest.every((node) => node.type === "paragraph")
  );
}

/** `## Enum: TypeEnum` (OpenAPI Generator Java): the values of an enum declared inside a model page. */
export const IN_PAGE_ENUM = /^enum:\s*(.+)$/i;

/** Reads the page's in-page enum sections into the types that links to them (`#TypeEnum`) mean. */
function readInPageEnums(page: PageContext, root: Root, sections: readonly Section[]): void {
  for (const section of sections) {
    const anchor = IN_PAGE_ENUM.exec(section.title)?.[1];
    if (anchor === undefined) continue;
    const { members } = readEnumSection(page, section);
    // Kotlin writes the values of one enum in one cell: `hardcover, paperback, ebook`.
    const values = members.flatMap((m) =>
      typeof m.value === "string" && m.value.includes(", ") ? m.value.split(/,\s+/) : [m.value],
    );
    if (values.length === 0) continue;
    const type = literalsType(values);
    page.inPageTypes.set(anchor.trim().toLowerCase(), type);
    // `<a id="kotlin.collections.List<Genres>"></a>` on the line before the heading names it too.
    const before = root.children[root.children.indexOf(section.heading) - 1];
    const html =
      before?.type === "html"
        ? before.value
        : before?.type === "paragraph"
          ? before.children.map((child) => (child.type === "html" ? child.value : "")).join("")
          : "";
    const id = /\bid="([^"]+)"/.exec(html)?.[1];
    if (id !== undefined) page.inPageTypes.set(decodeCellText(id).toLowerCase(), type);
  }
}

/**
 * OpenAPI Generator Python documents an enum model as one required `value` field whose Notes say
 * `must be one of [...]`: the model is that value, so the page is an enum.
 */
function simpleEnum(fields: readonly FieldModel[]): EnumMemberModel[] | undefined {
  const only = fields.length === 1 ? fields[0] : undefined;
  if (only?.name !== "value" || !only.required) return undefined;
  const literals = only.type.kind === "union" ? only.type.members : [only.type];
  const members: EnumMemberModel[] = [];
  for (const literal of literals) {
    if (literal.kind !== "literal") return undefined;
    members.push({ value: literal.value, origin: only.typeOrigin });
  }
  return members;
}

/** Reads one page (`file` relative to the input root, `source` normalised) into a declaration. */
export function readPage(
  file: string,
  root: Root,
  source: string,
  options: ReadPageOptions = {},
): PageResult {
  const dialect = dialectOfPage(file, root, source, options.dialect);
  const page = new PageContext(
    file,
    source,
    dialectRules(dialect, codeLanguages(root.children)),
    options.typeMap ?? {},
    options.maxTypeDepth,
  );
  const outline = readOutline(root, source);
  readInPageEnums(page, root, outline.sections);
  const section = outline.sections.find((s) => sectionKind(s) !== undefined);
  const looseTable = section || dialect !== "hand-written" ? undefined : leadingFieldTable(root);
  const origin = originOf(outline.titleHeading ?? root, file);
  const undocumented = !section && !looseTable && titleOnly(file, root, outline);
  if (!section && !looseTable && !undocumented) {
    const skipped = skippedPage(file, root, outline);
    page.report(skipped.origin, skipped.level, "not-a-model", skipped.message);
    return { decls: [], dialect, diagnostics: page.diagnostics };
  }
  if (outline.title === "") {
    page.report(
      origin,
      "error",
      "missing-title",
      "Unexpected model page without a `# Title`, expected the type name as its first heading",
    );
    return { decls: [], dialect, diagnostics: page.diagnostics };
  }
  const base = {
    id: pageIdOf(file),
    name: titleTypeName(outline.title),
    // Character references and backslash escapes read as in description cells (`&#x60;id&#x60;`).
    ...(outline.description ? { description: decodeCellText(outline.description) } : {}),
    ...(outline.deprecated ? { deprecated: true } : {}),
    origin,
  };
  const bases = readInheritance(outline.intro, file);
  const inherits = bases.length > 0 ? { extends: bases } : {};
  const result = (decl: Decl): PageResult => ({
    decls: [decl],
    dialect,
    diagnostics: page.diagnostics,
  });
  // A type the docs name but do not describe: any value, and the reader is told.
  const alias = (type: TypeRef, rule: RuleId, message: string, at = origin): PageResult => {
    page.report(at, "warning", rule, message);
    return result({ ...base, kind: "union", members: [{ type, origin }] });
  };
  if (undocumented)
    return alias(
      UNDOCUMENTED,
      "undocumented-model",
      `Unexpected page with only a title and description, expected a model section; typing \`${base.name}\` as \`unknown\``,
    );
  if (!section)
    return result({ ...base, kind: "object", ...readFieldTable(page, looseTable), ...inherits });
  switch (sectionKind(section)) {
    case "object": {
      const table = section.nodes.find((node): node is Table => node.type === "table");
      const read = readFieldTable(page, table);
      if (read.open && page.rules.emptyTable === "undocumented")
        return alias(
          UNDOCUMENTED,
          "undocumented-model",
          `Unexpected \`## ${section.title}\` section without rows, expected the model's fields (this generator leaves enums and some models undocumented); typing \`${base.name}\` as \`unknown\``,
          originOf(section.heading, file),
        );
      const simple =
        page.rules.dialect === "openapi-generator" ? simpleEnum(read.fields) : undefined;
      if (simple) return result({ ...base, kind: "enum", members: simple, open: false });
      return result({ ...base, kind: "object", ...read, ...inherits });
    }
    case "enum": {
      const read = readEnumSection(page, section);
      if (read.members.length === 0) {
        // Still an enum: open over strings until the docs (or an override's `values.add`) list values.
        page.report(
          originOf(section.heading, file),
          "warning",
          "empty-enum",
          `Unexpected \`## ${section.title}\` section without values, expected a \`| Name | Value |\` table, a code block or a bullet list of values; typing \`${base.name}\` as \`string\` (an override's \`values.add\` can list them)`,
        );
        return result({ ...base, kind: "enum", members: [], open: true });
      }
      return result({ ...base, kind: "enum", ...read });
    }
    case "union":
      return result({ ...base, kind: "union", members: readUnionSection(page, section) });
    default:
      return { decls: [], dialect, diagnostics: page.diagnostics };
  }
}
