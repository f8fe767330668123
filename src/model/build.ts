/**
 * Reads one parsed page into a declaration of the model. The page's flavour (dialects/detect.ts)
 * picks the spellings; the section decides the kind: `## Fields` / `## Properties` (or, in
 * hand-written pages, the first field table) -> object, `## Values` / `## Enum` -> enum,
 * `## Supported Types` -> union. Pages with none of these (SDK usage, API operations, indexes) are not
 * models: an info diagnostic says so.
 */
import type { Root, Table } from "mdast";
import type { Diagnostic } from "../diagnostics.js";
import { flavourOf, type DialectOption } from "../dialects/detect.js";
import { flavourRules, type Flavour } from "../dialects/flavours.js";
import { originOf } from "../parse/inline.js";
import { readOutline, type Section } from "../parse/outline.js";
import { PageContext } from "./page-context.js";
import { readEnumSection } from "./read-enum.js";
import { isFieldTable, readFieldTable } from "./read-fields.js";
import { readUnionSection } from "./read-union.js";
import type { Decl } from "./types.js";

/** The result of reading one page. */
export interface PageResult {
  decl?: Decl;
  /** The flavour the page was read as. */
  flavour?: Flavour;
  diagnostics: Diagnostic[];
}

/** What reading a page needs besides the page itself (all optional; defaults as in `GenerateOptions`). */
export interface ReadPageOptions {
  /** The `dialect` option: `auto` (default), one flavour, or flavours by folder prefix. */
  dialect?: DialectOption;
  /** Type spellings to replace (`{ "decimal.Decimal": "string" }`). */
  typeMap?: Readonly<Record<string, string>>;
  /** Deepest nesting inside one type cell. */
  maxTypeDepth?: number;
}

const SECTION_KINDS: Readonly<Record<string, Decl["kind"]>> = {
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

/** Why a page without a model section is skipped, for the info message. */
function notAModelReason(file: string): string {
  const base = file.slice(file.lastIndexOf("/") + 1);
  if (/api\.md$/i.test(base)) return "API operations page";
  if (/^(readme|index)\.md$/i.test(base)) return "index page";
  return "page without `## Fields`, `## Properties`, `## Values`, `## Enum` or `## Supported Types`";
}

/** A hand-written page's field table before its first `##` section (a table in a section of another
 * name, such as an SDK page's parameters, is not the page's model). */
function leadingFieldTable(root: Root): Table | undefined {
  for (const node of root.children) {
    if (node.type === "heading" && node.depth <= 2 && node !== root.children[0]) return undefined;
    if (node.type === "table" && isFieldTable(node)) return node;
  }
  return undefined;
}

/** Reads one page (`file` relative to the input root, `source` normalised) into a declaration. */
export function readPage(
  file: string,
  root: Root,
  source: string,
  options: ReadPageOptions = {},
): PageResult {
  const flavour = flavourOf(file, root, source, options.dialect);
  const page = new PageContext(
    file,
    source,
    flavourRules(flavour),
    options.typeMap ?? {},
    options.maxTypeDepth,
  );
  const outline = readOutline(root, source);
  const section = outline.sections.find((s) => sectionKind(s) !== undefined);
  const looseTable = section || flavour !== "hand-written" ? undefined : leadingFieldTable(root);
  const origin = originOf(outline.titleHeading ?? root, file);
  if (!section && !looseTable) {
    page.report(
      origin,
      "info",
      "not-a-model",
      `Unexpected ${notAModelReason(file)}, expected a model page; skipped`,
    );
    return { flavour, diagnostics: page.diagnostics };
  }
  if (outline.title === "") {
    page.report(
      origin,
      "error",
      "missing-title",
      "Unexpected model page without a `# Title`, expected the type name as its first heading",
    );
    return { flavour, diagnostics: page.diagnostics };
  }
  const base = {
    id: file.replace(/\.md$/i, ""),
    name: outline.title,
    ...(outline.description ? { description: outline.description } : {}),
    ...(outline.deprecated ? { deprecated: true } : {}),
    origin,
  };
  const result = (decl: Decl): PageResult => ({ decl, flavour, diagnostics: page.diagnostics });
  if (!section) return result({ ...base, kind: "object", ...readFieldTable(page, looseTable) });
  switch (sectionKind(section)) {
    case "object": {
      const table = section.nodes.find((node): node is Table => node.type === "table");
      return result({ ...base, kind: "object", ...readFieldTable(page, table) });
    }
    case "enum":
      return result({ ...base, kind: "enum", ...readEnumSection(page, section) });
    case "union":
      return result({ ...base, kind: "union", members: readUnionSection(page, section) });
    default:
      return { flavour, diagnostics: page.diagnostics };
  }
}
