/**
 * Markdown -> mdast. The only place that knows unified/remark; later stages read the tree.
 *
 * Every page is parsed as CommonMark with GFM (tables, strikethrough); a page that opens with front
 * matter also with its syntax, `.mdx` pages also with the MDX syntax (parse/syntax.ts). Those two
 * extensions load only when such a page is read (`loadSyntax`), so a folder of plain Markdown never
 * pays for them.
 */
import type { Root } from "mdast";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified, type Processor } from "unified";
import type { PageSyntax } from "./syntax.js";

const processor = unified().use(remarkParse).use(remarkGfm);
let frontmatterProcessor: Processor<Root> | undefined;
let frontmatterLoading: Promise<void> | undefined;
let mdxProcessor: Processor<Root> | undefined;
let mdxLoading: Promise<void> | undefined;

/** The front matter extension, loaded once for the first page that has front matter. */
const loadFrontmatter = () => import("remark-frontmatter").then(({ default: plugin }) => plugin);

/**
 * Loads what parsing pages of `syntax` needs (the front matter and MDX extensions); resolves at once
 * when nothing: a folder of plain Markdown never loads either.
 */
export function loadSyntax(syntax: PageSyntax): Promise<void> {
  const loading: Array<Promise<void>> = [];
  if (syntax.frontmatter && !frontmatterProcessor)
    loading.push(
      (frontmatterLoading ??= loadFrontmatter().then((remarkFrontmatter) => {
        frontmatterProcessor = unified()
          .use(remarkParse)
          .use(remarkFrontmatter, ["yaml", "toml"])
          .use(remarkGfm) as unknown as Processor<Root>;
      })),
    );
  if (syntax.mdx && !mdxProcessor)
    loading.push(
      (mdxLoading ??= Promise.all([import("remark-mdx"), loadFrontmatter()]).then(
        ([{ default: remarkMdx }, remarkFrontmatter]) => {
          mdxProcessor = unified()
            .use(remarkParse)
            .use(remarkMdx)
            .use(remarkFrontmatter, ["yaml", "toml"])
            .use(remarkGfm) as unknown as Processor<Root>;
        },
      )),
    );
  return loading.length === 0 ? Promise.resolve() : Promise.all(loading).then(() => undefined);
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
  if (syntax?.frontmatter) {
    if (!frontmatterProcessor)
      throw new Error("parseMarkdown: front matter used before loadSyntax");
    return frontmatterProcessor;
  }
  return processor;
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
