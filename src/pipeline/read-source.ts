/**
 * One page from source text to declarations: normalise, reduce it to what its family reads, check the
 * input limits on what will be parsed, parse with remark (guarded), read the declarations.
 */
import { performance } from "node:perf_hooks";
import { diagnosticAt, type Diagnostic } from "../core/diagnostics.js";
import type { Limits } from "../core/options.js";
import { familyById } from "../families/registry.js";
import type { FamilyId } from "../families/family.js";
import { loadFrontmatterReader, readFrontmatter } from "../parse/frontmatter.js";
import { checkPageLimits } from "../parse/limits.js";
import {
  loadSyntax,
  normaliseSource,
  tryParseMarkdown,
  type SyntaxFailure,
} from "../parse/markdown.js";
import type { SourcePage } from "../parse/files.js";
import { restoreOffsets, type ReducedSource } from "../parse/sections.js";
import { mdxNestingOver } from "../parse/mdx-nesting.js";
import { pageSyntax, type PageSyntax } from "../parse/syntax.js";
import type { PageResult, ReadPageOptions } from "../model/build.js";

/** What reading a page needs: the limits, the reader's options and the page's family. Plain data. */
export interface PageReadContext {
  limits: Limits;
  read: ReadPageOptions;
  /** The family that reads the page (families/registry.ts chooses it for the whole folder). */
  family: FamilyId;
  /**
   * Parse every section of every page, not only those a model is read from (the family's `reduce`).
   * The result is the same either way; tests compare the two.
   */
  wholePages?: boolean;
}

/** A page result with the time spent parsing and reading it (milliseconds). */
export interface TimedPageResult {
  result: PageResult;
  parseMs: number;
  modelMs: number;
}

/** Loads what reading `page` needs beyond the common parser: the MDX syntax, a front matter reader. */
export async function preparePage(page: SourcePage): Promise<void> {
  const syntax = pageSyntax(page.file, page.text.replace(/^\uFEFF/, ""));
  await Promise.all([
    loadSyntax(syntax),
    syntax.frontmatter ? loadFrontmatterReader(syntax.frontmatter) : undefined,
  ]);
}

/** A `syntax-fallback` warning for MDX read as plain Markdown and for front matter left unread. */
function syntaxFallbacks(
  file: string,
  parsed: { mdxFailure?: SyntaxFailure },
  frontmatter: ReturnType<typeof readFrontmatter> | undefined,
): Diagnostic[] {
  const found: Diagnostic[] = [];
  if (parsed.mdxFailure) {
    const { message, line, column } = parsed.mdxFailure;
    const why = message.replace(/[.;]?\s*read as plain Markdown$/, "");
    found.push(
      diagnosticAt(
        { file, line, column },
        "warning",
        "syntax-fallback",
        `${why}; the page is read as plain Markdown`,
      ),
    );
  }
  if (frontmatter && "error" in frontmatter)
    found.push(
      diagnosticAt(
        { file, line: frontmatter.line, column: frontmatter.column },
        "warning",
        "syntax-fallback",
        `Unexpected front matter that cannot be read (${frontmatter.error}), expected YAML or TOML data; the page is read without it`,
      ),
    );
  return found;
}

/**
 * Parses with the page's syntax, except that an MDX page nested deeper than `limits.maxNesting` is
 * parsed as plain Markdown (parse/mdx-nesting.ts says why), with the reason as its MDX failure.
 */
function parseGuarded(text: string, syntax: PageSyntax, limits: Limits) {
  const deep = syntax.mdx ? mdxNestingOver(text, limits.maxNesting) : undefined;
  if (!deep) return tryParseMarkdown(text, syntax);
  const parsed = tryParseMarkdown(text, { ...syntax, mdx: false });
  if (!("root" in parsed)) return parsed;
  const message = `Unexpected JSX elements or expressions nested more than ${limits.maxNesting} levels deep, expected at most ${limits.maxNesting} (limits.maxNesting); read as plain Markdown`;
  return { root: parsed.root, mdxFailure: { message, ...deep } };
}

/** A limit's diagnostic found on the reduced text, at its line in the page. */
function atPageLine(diagnostic: Diagnostic, reduced: ReducedSource | undefined): Diagnostic {
  if (!reduced) return diagnostic;
  const line = (reduced.lines[diagnostic.line - 1] ?? diagnostic.line - 1) + 1;
  return { ...diagnostic, line, endLine: line };
}

/**
 * Reads one page behind the limits: what would be parsed is checked first (a page over the limits is
 * never parsed), and a stack overflow in the parser or the page reader (the last line of defence)
 * becomes a `parse-failed` error, not a crash. `preparePage` must have run for the page.
 */
export function readSourcePage(page: SourcePage, context: PageReadContext): TimedPageResult {
  let start = performance.now();
  const family = familyById(context.family);
  const source = normaliseSource(page.text);
  const syntax = pageSyntax(page.file, source);
  // The limits count what is parsed: a long page whose models are a small part of it is read.
  const reduced = context.wholePages ? undefined : family.reduce?.(source);
  const over = checkPageLimits(page.file, reduced?.text ?? source, context.limits).map((d) =>
    atPageLine(d, reduced),
  );
  if (over.length > 0)
    return {
      result: { decls: [], diagnostics: over },
      parseMs: performance.now() - start,
      modelMs: 0,
    };
  const parsed = parseGuarded(reduced?.text ?? source, syntax, context.limits);
  if (reduced && "root" in parsed) restoreOffsets(parsed.root, reduced, source);
  const parseMs = performance.now() - start;
  const failed = (): PageResult => ({
    decls: [],
    diagnostics: [
      diagnosticAt(
        { file: page.file, line: 1, column: 1 },
        "error",
        "parse-failed",
        "Unexpected page structure that exhausted the parser's stack, expected a simpler page",
      ),
    ],
  });
  if ("error" in parsed) return { result: failed(), parseMs, modelMs: 0 };
  start = performance.now();
  let result: PageResult;
  try {
    const frontmatter = syntax.frontmatter ? readFrontmatter(parsed.root) : undefined;
    result = family.read(
      {
        file: page.file,
        source,
        root: parsed.root,
        ...(frontmatter && "data" in frontmatter ? { frontmatter: frontmatter.data } : {}),
        ...(parsed.mdxFailure ? { mdxFailure: parsed.mdxFailure } : {}),
        ...(frontmatter && "error" in frontmatter ? { frontmatterFailure: frontmatter } : {}),
      },
      context.read,
    );
    const fallbacks = syntaxFallbacks(page.file, parsed, frontmatter);
    // Most pages parse as their syntax says: their result is kept as the family returned it.
    if (fallbacks.length > 0)
      result = { ...result, diagnostics: [...fallbacks, ...result.diagnostics] };
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    result = failed();
  }
  return { result, parseMs, modelMs: performance.now() - start };
}
