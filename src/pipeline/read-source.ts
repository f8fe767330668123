/**
 * One page from source text to a declaration: normalise, check the input limits, parse with remark
 * (guarded), read the model. A job of its own so that it can run in the worker thread as well.
 */
import { performance } from "node:perf_hooks";
import { diagnosticAt } from "../core/diagnostics.js";
import type { Limits } from "../core/options.js";
import { checkPageLimits } from "../parse/limits.js";
import { normaliseSource, tryParseMarkdown } from "../parse/markdown.js";
import type { SourcePage } from "../parse/files.js";
import { restoreOffsets } from "../parse/sections.js";
import { modelSectionsOnly } from "../model/model-sections.js";
import { readPage, type PageResult, type ReadPageOptions } from "../model/build.js";

/** What reading a page needs: the limits and the reader's options. Plain data (sent to workers). */
export interface PageReadContext {
  limits: Limits;
  read: ReadPageOptions;
  /**
   * Parse every section of every page, not only those a model is read from (model-sections.ts). The
   * result is the same either way; tests compare the two.
   */
  wholePages?: boolean;
}

/** A page result with the time spent parsing and reading it (milliseconds). */
export interface TimedPageResult {
  result: PageResult;
  parseMs: number;
  modelMs: number;
}

/**
 * Reads one page behind the limits: a page over them is never parsed, and a stack overflow in the
 * parser or the page reader (the last line of defence) becomes a `parse-failed` error, not a crash.
 */
export function readSourcePage(page: SourcePage, context: PageReadContext): TimedPageResult {
  let start = performance.now();
  const source = normaliseSource(page.text);
  const over = checkPageLimits(page.file, source, context.limits);
  if (over.length > 0)
    return { result: { diagnostics: over }, parseMs: performance.now() - start, modelMs: 0 };
  const reduced = context.wholePages ? undefined : modelSectionsOnly(source);
  const parsed = tryParseMarkdown(reduced?.text ?? source);
  if (reduced && "root" in parsed) restoreOffsets(parsed.root, reduced, source);
  const parseMs = performance.now() - start;
  const failed = (): PageResult => ({
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
    result = readPage(page.file, parsed.root, source, context.read);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    result = failed();
  }
  return { result, parseMs, modelMs: performance.now() - start };
}
