/**
 * A family of schema docs: SDK generators' model pages, docs sites written by hand, JSON Schema docs,
 * protobuf docs, OpenAPI rendered as Markdown. Each family is one entry (registry.ts) that says which
 * files it reads, how its pages are recognised, which parts of a page it needs parsed and how it reads
 * a parsed page into declarations; everything after that (overrides, resolve, plan, emit) is shared.
 */
import type { Root } from "mdast";
import type { ResolvedDialect } from "../dialects/dialect-rules.js";
import type { PageResult, ReadPageOptions } from "../model/build.js";
import type { SyntaxFailure } from "../parse/markdown.js";
import type { ReducedSource } from "../parse/sections.js";

/** The families docs2ts reads, by id. */
export type FamilyId = "sdk" | "openapi-markdown" | "json-schema-docs" | "protobuf" | "docs-site";

/** A page before parsing: its path relative to the input root and its normalised text. */
export interface PageSource {
  file: string;
  source: string;
}

/** A parsed page: what a family reads declarations from. */
export interface ParsedPage extends PageSource {
  root: Root;
  /** The page's front matter as data (parse/frontmatter.ts), when it has some that could be read. */
  frontmatter?: Readonly<Record<string, unknown>>;
  /** Front matter the page has but that could not be read: why, and where. */
  frontmatterFailure?: { error: string; line: number; column: number };
  /** An MDX page the MDX syntax rejected, parsed as plain Markdown instead: why, and where. */
  mdxFailure?: SyntaxFailure;
}

/**
 * How sure a family is that a page is one of its own, from the text alone: `strong` (markers no other
 * family writes), `weak` (it can read the page, as other families might), or undefined (not its page).
 */
export type Recognition = "strong" | "weak" | undefined;

/** One family of docs (see the module comment). */
export interface Family {
  id: FamilyId;
  /** What `init` and `report` call it. */
  label: string;
  /** The dialects it reads; the `dialect` option naming one of them chooses this family. */
  dialects: readonly ResolvedDialect[];
  /** The file extensions of its pages, lowercase with the dot (`.md`, `.mdx`). */
  extensions: readonly string[];
  /** Recognises its pages from their text, before anything is parsed (cheap: every page is asked). */
  recognise(page: PageSource): Recognition;
  /**
   * The page reduced to the parts the reader needs (section skipping: the rest is never parsed), or
   * undefined to parse it whole. Positions in the parsed tree are mapped back to the full page.
   */
  reduce?(source: string): ReducedSource | undefined;
  /** Reads a parsed page into its declarations and diagnostics. */
  read(page: ParsedPage, options: ReadPageOptions): PageResult;
}
