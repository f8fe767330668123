/**
 * Markdown -> mdast. The only place that knows unified/remark; later stages read the tree.
 *
 * Every page is parsed as CommonMark with GFM (tables, strikethrough) and front matter; `.mdx` pages
 * also with the MDX syntax (parse/syntax.ts), whose extension loads only when such a page is read
 * (`loadSyntax`), so a folder without MDX never pays for it.
 */
import type { Root } from "mdast";
import remarkFrontmatter from "remark-frontmatter";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified, type Processor } from "unified";
import type { PageSyntax } from "./syntax.js";

const processor = unified().use(remarkParse).use(remarkGfm);
const frontmatterProcessor = unified()
  .use(remarkParse)
  .use(remarkFrontmatter, ["yaml", "toml"])
  .use(remarkGfm);
let mdxProcessor: Processor<Root> | undefined;
let mdxLoading: Promise<void> | undefined;

/** Loads what parsing pages of `syntax` needs (the MDX extension); resolves at once when nothing. */
export function loadSyntax(syntax: PageSyntax): Promise<void> {
  if (!syntax.mdx || mdxProcessor) return Promise.resolve();
  mdxLoading ??= import("remark-mdx").then(({ default: remarkMdx }) => {
    mdxProcessor = unified()
      .use(remarkParse)
      .use(remarkMdx)
      .use(remarkFrontmatter, ["yaml", "toml"])
      .use(remarkGfm) as unknown as Processor<Root>;
  });
  return mdxLoading;
}

/**
 * Normalises what must not change anything downstream: a leading byte-order mark and CRLF or CR line
 * endings. Line and column numbers are unaffected (the removed characters end lines).
 */
export function normaliseSource(text: string): string {
  const withoutBom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return withoutBom.includes("\r") ? withoutBom.replace(/\r\n?/g, "\n") : withoutBom;
}

/** The processor for a syntax (MDX must have been loaded with `loadSyntax`). */
function processorFor(syntax: PageSyntax | undefined) {
  if (syntax?.mdx) {
    if (!mdxProcessor) throw new Error("parseMarkdown: MDX syntax used before loadSyntax");
    return mdxProcessor;
  }
  return syntax?.frontmatter ? frontmatterProcessor : processor;
}

/** Parses normalised Markdown (GFM: tables, strikethrough) into mdast with positions. */
export function parseMarkdown(source: string, syntax?: PageSyntax): Root {
  return processorFor(syntax).parse(source);
}

/** Why an MDX page could not be parsed as MDX: the parser's message and where it stopped. */
export interface SyntaxFailure {
  message: string;
  line: number;
  column: number;
}

/**
 * Parses like `parseMarkdown`, but turns a stack overflow (`RangeError`) inside the parser into a
 * result instead of a crash: the last line of defence behind the pre-parse limits (parse/limits.ts).
 * An MDX page the MDX syntax rejects (an unclosed tag, an expression that is no JavaScript) is parsed
 * as plain Markdown instead, with the reason (`mdxFailure`), so that its tables are still read.
 */
export function tryParseMarkdown(
  source: string,
  syntax?: PageSyntax,
): { root: Root; mdxFailure?: SyntaxFailure } | { error: RangeError } {
  try {
    if (syntax?.mdx) {
      try {
        return { root: processorFor(syntax).parse(source) };
      } catch (error) {
        if (error instanceof RangeError) throw error;
        // A VFileMessage: `line`/`column`, or only `place` (a point or a position) for some errors.
        type Point = { line?: number; column?: number };
        const place = error as Point & { message?: string; place?: Point & { start?: Point } };
        // An unclosed element is found at the end, its place only in the text (`(4:1-4:10)`).
        const named = /\((\d+):(\d+)-\d+:\d+\)/.exec(String(place.message));
        const at =
          place.line !== undefined
            ? place
            : (place.place?.start ??
              place.place ??
              (named ? { line: Number(named[1]), column: Number(named[2]) } : {}));
        const plain = processorFor({ mdx: false, frontmatter: syntax.frontmatter }).parse(source);
        return {
          root: plain,
          mdxFailure: {
            message: String(place.message ?? error),
            line: at.line ?? 1,
            column: at.column ?? 1,
          },
        };
      }
    }
    return { root: processorFor(syntax).parse(source) };
  } catch (error) {
    if (error instanceof RangeError) return { error };
    throw error;
  }
}
