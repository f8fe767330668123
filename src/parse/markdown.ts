/**
 * Markdown -> mdast. The only place that knows unified/remark; later stages read the tree.
 */
import type { Root } from "mdast";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";

const processor = unified().use(remarkParse).use(remarkGfm);

/**
 * Normalises what must not change anything downstream: a leading byte-order mark and CRLF or CR line
 * endings. Line and column numbers are unaffected (the removed characters end lines).
 */
export function normaliseSource(text: string): string {
  const withoutBom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return withoutBom.includes("\r") ? withoutBom.replace(/\r\n?/g, "\n") : withoutBom;
}

/** Parses normalised Markdown (GFM: tables, strikethrough) into mdast with positions. */
export function parseMarkdown(source: string): Root {
  return processor.parse(source);
}

/**
 * Parses like `parseMarkdown`, but turns a stack overflow (`RangeError`) inside the parser into a
 * result instead of a crash: the last line of defence behind the pre-parse limits (parse/limits.ts).
 */
export function tryParseMarkdown(source: string): { root: Root } | { error: RangeError } {
  try {
    return { root: processor.parse(source) };
  } catch (error) {
    if (error instanceof RangeError) return { error };
    throw error;
  }
}
