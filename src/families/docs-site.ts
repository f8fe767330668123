/**
 * Docs sites written by hand (Docusaurus, Mintlify, Hugo, MkDocs, Jekyll): `.md` and `.mdx` pages with
 * front matter and JSX around the tables, many models per page, each a heading followed by its table
 * (`### Parcel Object` > `###### Parcel Structure` > `Field | Type | Description`), types in words and
 * links to sections of other pages. docs-site/read-page.ts reads a page; this entry says which pages
 * are its own.
 */
import { keepSectionsWith, splitSections, type ReducedSource } from "../parse/sections.js";
import { readDocsSitePage } from "./docs-site/read-page.js";
import type { Family, PageSource, Recognition } from "./family.js";

/** YAML (`---`) or TOML (`+++`) front matter at the top of the page. */
const FRONT_MATTER = /^(?:---|\+\+\+)[ \t]*\n/;
/** An MDX `import`/`export` line or a JSX element (`<Warning>`, `<SectionAnchor id="x" />`) at a line's start. */
const MDX_SYNTAX = /^(?:(?:import|export)\s+\S|<[A-Z][\w.]*[\s/>])/m;
/** A field table's header row: a field name column, then a type column. */
const FIELD_HEADER =
  /^\|?[ \t]*(?:fields?|names?|propert(?:y|ies)|parameters?|attributes?|keys?)[ \t]*\|[ \t]*types?[ \t]*\|.*$/gim;
/**
 * Columns documentation generators write beside name and type: Speakeasy's and widdershins' Required,
 * OpenAPI Generator's Notes, protoc-gen-doc's Label, jsonschema2md's Nullable and Defined by.
 */
const GENERATED_COLUMNS = /\b(?:required|notes|label|nullable|defined by|restrictions)\b/i;
/** What only SDK generators' operation pages hold (OpenAPI Generator's `### Return type`, back links). */
const SDK_PAGE =
  /\[\[Back to (?:top|API list|Model list|README)\]\]|^###[ \t]+(?:Return type|HTTP request headers|Authorization)[ \t]*$/im;
/** A heading of depth three or more on the lines just before a table. */
const DEEP_HEADING_BEFORE =
  /(?:^|\n)#{3,6}[ \t]+\S[^\n]*\n(?:[ \t]*\n|[ \t]*<[^\n]*>[ \t]*\n|[^|#\n][^\n]*\n){0,6}$/;

/** The field table headers of `text` without a generator's columns. */
const fieldHeaders = (text: string) =>
  [...text.matchAll(FIELD_HEADER)].filter((m) => !GENERATED_COLUMNS.test(m[0]));

/**
 * Markers no documentation generator writes: a field table without a generator's columns (Required,
 * Notes, Label, ...) on a page with front matter or MDX syntax, or several such tables each under a
 * `###` (or deeper) heading; never a page with an SDK generator's operation sections.
 */
function recogniseDocsSite({ source }: PageSource): Recognition {
  // Every page of every folder is asked: most (an SDK generator's, with its Required column) have no
  // field table of this family at all, and removing code blocks can only take headers away.
  if (!fieldHeaders(source).length) return undefined;
  // Code blocks are examples: an `import` line there is no MDX.
  const text = source.replace(/^(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\1[ \t]*$/gm, "");
  if (SDK_PAGE.test(text)) return undefined;
  const headers = fieldHeaders(text);
  if (headers.length === 0) return undefined;
  if (FRONT_MATTER.test(text) || MDX_SYNTAX.test(text)) return "strong";
  const underDeepHeadings = headers.filter((m) =>
    DEEP_HEADING_BEFORE.test(text.slice(Math.max(0, m.index - 400), m.index)),
  );
  return underDeepHeadings.length >= 2 ? "strong" : undefined;
}

/** A line of a table: a row, or a delimiter row. */
const TABLE_LINE = /^\s{0,3}\|/;

/**
 * The page with only its sections (at `#`/`##` headings) that may hold a table, and the lines before
 * the first heading (front matter, imports): a long changelog or guide is not parsed for nothing.
 * Skipped sections keep their heading line, so the slugs of the headings after them stay the same.
 */
function tableSectionsOnly(source: string): ReducedSource | undefined {
  const lines = source.split("\n");
  if (!lines.some((line) => TABLE_LINE.test(line))) return frontMatterOnly(lines);
  const sections = splitSections(source, lines);
  if (sections.length <= 2) return undefined;
  return keepSectionsWith(source, sections, TABLE_LINE, lines);
}

/**
 * A page without a table holds no model: only its front matter (or first line) is parsed, so that a
 * long guide or changelog is skipped with an info, whatever the limits on what is parsed.
 */
function frontMatterOnly(lines: readonly string[]): ReducedSource {
  const fence = lines[0]?.trim();
  const end = fence === "---" || fence === "+++" ? lines.indexOf(fence, 1) : -1;
  const kept = end > 0 ? end + 1 : 1;
  const lineStarts: number[] = [];
  let offset = 0;
  for (const line of lines) {
    lineStarts.push(offset);
    offset += line.length + 1;
  }
  return {
    text: lines.slice(0, kept).join("\n"),
    lines: Array.from({ length: kept }, (_, index) => index),
    lineStarts,
  };
}

export const docsSiteFamily: Family = {
  id: "docs-site",
  label: "docs site",
  dialects: ["docs-site"],
  extensions: [".md", ".mdx"],
  recognise: recogniseDocsSite,
  reduce: tableSectionsOnly,
  read: (page, options) => readDocsSitePage(page, options),
};
