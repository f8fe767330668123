/**
 * The first half of the pipeline: every page to its declaration (or none) and diagnostics, each page
 * memoised on its text and the options that change how a page reads.
 */
import { regraded, type Diagnostic } from "../core/diagnostics.js";
import type { ResolvedOptions, RuleSetting } from "../core/options.js";
import type { PageResult } from "../model/build.js";
import type { SourcePage } from "../parse/files.js";
import type { ContentCache } from "../write/cache.js";
import type { GenerateHooks } from "./progress.js";
import type { PageReadContext } from "./read-source.js";

/** Milliseconds spent in each stage. */
export interface StageTimings {
  read: number;
  parse: number;
  model: number;
  emit: number;
  format: number;
}

/** A diagnostic under the user's `rules` setting: dropped, or re-graded. */
export function applyRuleSetting(
  diagnostic: Diagnostic,
  rules: Readonly<Record<string, RuleSetting>>,
): Diagnostic[] {
  const setting = Object.hasOwn(rules, diagnostic.ruleId) ? rules[diagnostic.ruleId] : undefined;
  if (setting === undefined) return [diagnostic];
  return setting === "off" ? [] : [regraded(diagnostic, setting)];
}

/** What reading a page reads of the options. */
export function pageReadContext(options: ResolvedOptions): PageReadContext {
  return {
    limits: options.limits,
    read: {
      dialect: options.dialect,
      typeMap: options.typeMap,
      maxTypeDepth: options.limits.maxTypeDepth,
    },
  };
}

/** Loaded only when a page is not in the cache: an unchanged re-run never loads remark. */
async function pageReader() {
  return (await import("./read-source.js")).readSourcePage;
}

/**
 * Reads every page, in order, until more than `maxErrors` errors (after the `rules` setting) have been
 * found: past that the run is failing anyway, and reading stops rather than report hundreds more.
 */
export async function readModels(
  pages: readonly SourcePage[],
  options: ResolvedOptions,
  cache: ContentCache,
  timings: StageTimings,
  onProgress: GenerateHooks["onProgress"],
  { wholePages = false } = {},
): Promise<{ results: PageResult[]; cached: number; stopped: boolean }> {
  // Part of each page's memo key, so whole-page results never stand in for skipped ones or back.
  const context = wholePages
    ? { ...pageReadContext(options), wholePages: true }
    : pageReadContext(options);
  const results: PageResult[] = [];
  const hitsBefore = cache.stats.hits;
  let errors = 0;
  for (const page of pages) {
    if (errors > options.maxErrors) break;
    const input = { page: { file: page.file, text: page.text }, context };
    const result = await cache.memo("page", input, async ({ page, context }) => {
      const output = (await pageReader())(page, context);
      timings.parse += output.parseMs;
      timings.model += output.modelMs;
      return output.result;
    });
    errors += result.diagnostics.filter(
      (d) => applyRuleSetting(d, options.rules)[0]?.severity === "error",
    ).length;
    results.push(result);
    onProgress?.({ stage: "parse", done: results.length, total: pages.length });
  }
  return { results, cached: cache.stats.hits - hitsBefore, stopped: errors > options.maxErrors };
}
