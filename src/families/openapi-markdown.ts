/**
 * OpenAPI rendered as Markdown (widdershins, and tools that copy its layout): one page of the whole
 * API, operations first, then `# Schemas` with a section per schema (openapi-markdown/sections.ts),
 * each a declaration `page#anchor` named by its heading. Only the `# Schemas` part is parsed: the
 * operations are not models, and the input limits count what is parsed.
 */
import { pageIdOf } from "../core/decl-ref.js";
import { dialectRules } from "../dialects/dialect-rules.js";
import type { PageResult, ReadPageOptions } from "../model/build.js";
import { PageContext } from "../model/page-context.js";
import { originOf } from "../parse/inline.js";
import { reduceSource, splitSections, type ReducedSource } from "../parse/sections.js";
import type { Family, ParsedPage, Recognition } from "./family.js";
import { nameKey, readSchemaSection, type SchemasReader } from "./openapi-markdown/decls.js";
import { relinkSharedAnchors } from "./openapi-markdown/links.js";
import { SCHEMAS_TITLE, schemaSections } from "./openapi-markdown/sections.js";

/**
 * Markers only widdershins writes: its schema headings (`<h2 id="tocS_Pet">`), and its property table
 * header under a schema anchor (`<a id="schemapet"></a>`).
 */
const STRONG_MARKERS = /<h2 id="tocS_[^"]*">/;
const TABLE_HEADER =
  /^\|\s*Name\s*\|\s*Type\s*\|\s*Required\s*\|\s*Restrictions\s*\|\s*Description\s*\|/m;
const SCHEMA_ANCHOR = /<a id="schema[^"]*"><\/a>/;

/** Strong on widdershins' markers, undefined otherwise (other families read other pages). */
export function recogniseOpenApiMarkdown(source: string): Recognition {
  if (STRONG_MARKERS.test(source)) return "strong";
  return SCHEMA_ANCHOR.test(source) && TABLE_HEADER.test(source) ? "strong" : undefined;
}

/**
 * The `# Schemas` part of the page (up to the next `#` heading) and, of the rest, only the headings:
 * undefined when the page has no such heading (then it is parsed whole).
 */
export function schemasPartOnly(source: string): ReducedSource | undefined {
  const lines = source.split("\n");
  const sections = splitSections(source, lines);
  const start = sections.findIndex(
    (section) => section.heading?.depth === 1 && SCHEMAS_TITLE.test(section.heading.text),
  );
  if (start < 0) return schemasFromTheirLine(source, lines);
  const after = sections.findIndex(
    (section, index) => index > start && section.heading?.depth === 1,
  );
  const kept = (index: number) => index >= start && (after < 0 || index < after);
  // A skipped section keeps its heading line only: this family reads no code block outside the schemas.
  const headingsOnly = sections.map((section, index) =>
    kept(index) ? section : { ...section, keepLines: section.heading ? [section.startLine] : [] },
  );
  return reduceSource(source, headingsOnly, (_, index) => kept(index), lines);
}

/**
 * When the generic section scan stops early (an indented tag or a bare HTML line in an operation's
 * samples, where CommonMark's reading cannot be told line by line), the tool's own layout still holds:
 * it writes `# Schemas` at the left margin, after every operation, as the page's last part. That line,
 * outside fenced code, starts the part that is parsed; nothing before it is.
 */
function schemasFromTheirLine(source: string, lines: readonly string[]): ReducedSource | undefined {
  let fence: string | undefined;
  let at = -1;
  for (const [index, line] of lines.entries()) {
    const marker = /^(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence) {
      if (
        marker &&
        marker[0] === fence[0] &&
        marker.length >= fence.length &&
        !/[^`~\s]/.test(line.slice(marker.length))
      )
        fence = undefined;
    } else if (marker) fence = marker;
    else if (/^#[ \t]+Schemas[ \t]*$/.test(line)) at = index;
  }
  if (at < 0) return undefined;
  const before = { startLine: 0, endLine: at, keepLines: [], mustKeep: false };
  const schemas = { startLine: at, endLine: lines.length, keepLines: [at], mustKeep: false };
  return reduceSource(source, [before, schemas], (_, index) => index === 1, [...lines]);
}

/** Reads the schema sections of a page into declarations. */
export function readOpenApiMarkdownPage(page: ParsedPage, options: ReadPageOptions): PageResult {
  const context = new PageContext(
    page.file,
    page.source,
    dialectRules("widdershins"),
    options.typeMap ?? {},
    options.maxTypeDepth,
  );
  const { sections, schemasHeading } = schemaSections(page.root, page.source);
  const reader: SchemasReader = {
    page: context,
    pageId: pageIdOf(page.file),
    used: new Set(sections.map((section) => nameKey(section.name))),
    anchors: new Set(),
    decls: [],
  };
  for (const section of sections) {
    if (section.properties) readSchemaSection(reader, section);
    // Without `# Schemas`, the page's other level-2 sections are its operations: not models.
    else if (schemasHeading)
      context.report(
        originOf(section.heading, page.file),
        "info",
        "not-a-model",
        `Unexpected schema section \`${section.name}\` without a \`### Properties\` heading, expected its property tables; skipped`,
      );
  }
  if (reader.decls.length === 0)
    context.report(
      originOf(page.root, page.file),
      "info",
      "not-a-model",
      "Unexpected OpenAPI Markdown page without schema sections, expected `# Schemas` and a `### Properties` table per schema; no model read",
    );
  return {
    decls: relinkSharedAnchors(reader.decls),
    dialect: "widdershins",
    diagnostics: context.diagnostics,
  };
}

export const openApiMarkdownFamily: Family = {
  id: "openapi-markdown",
  label: "OpenAPI as Markdown (widdershins)",
  dialects: ["widdershins"],
  extensions: [".md"],
  recognise: ({ source }) => recogniseOpenApiMarkdown(source),
  reduce: schemasPartOnly,
  read: readOpenApiMarkdownPage,
};
