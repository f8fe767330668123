/**
 * The first half of the pipeline: every page to its declaration (or none) and diagnostics, each page
 * memoised on its text and the options that change how a page reads.
 */
import { regraded, type Diagnostic } from "../core/diagnostics.js";
import type { ResolvedOptions } from "../core/options.js";
import type { PageResult } from "../model/build.js";
import type { SourcePage } from "../parse/files.js";
import type { ContentCache } from "../write/cache.js";
import type { GenerateHooks } from "./progress.js";
import type { PageReadContext } from "./read-source.js";
import { choosePageFamilies } from "../families/registry.js";
import { ruleSettingFor } from "./rule-pages.js";
import type { FamilyId } from "../families/family.js";

/** Milliseconds spent in each stage. */
export interface StageTimings {
  read: number;
  parse: number;
  model: number;
  emit: number;
  format: number;
}

/**
 * A diagnostic under the user's `rules` setting (dropped, or re-graded; an entry with `pages` only on
 * the pages that match), then under `strict` (a warning is an error).
 */
export function applyRuleSetting(
  diagnostic: Diagnostic,
  options: Pick<ResolvedOptions, "rules" | "strict">,
): Diagnostic[] {
  const { rules, strict } = options;
  const entry = Object.hasOwn(rules, diagnostic.ruleId) ? rules[diagnostic.ruleId] : undefined;
  // A config finding (keyPath set) names the config file, not a page: page patterns never match it.
  const setting = ruleSettingFor(entry, diagnostic.keyPath === undefined ? diagnostic.file : "");
  if (setting === "off") return [];
  const graded = setting === undefined ? diagnostic : regraded(diagnostic, setting);
  return [strict && graded.severity === "warning" ? regraded(graded, "error") : graded];
}

/** What reading a page of `family` reads of the options. */
export function pageReadContext(options: ResolvedOptions, family: FamilyId): PageReadContext {
  return {
    limits: options.limits,
    read: {
      dialect: options.dialect,
      typeMap: options.typeMap,
      maxTypeDepth: options.limits.maxTypeDepth,
    },
    family,
  };
}

/**
 * Loaded only when a page is not in the cache: an unchanged re-run never loads remark. What the page
 * needs beyond the common parser (MDX, a front matter reader) is loaded before it is read.
 */
async function pageReader(page: SourcePage) {
  const { preparePage, readSourcePage } = await import("./read-source.js");
  await preparePage(page);
  return readSourcePage;
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
): Promise<{ results: PageResult[]; families: FamilyId[]; cached: number; stopped: boolean }> {
  // The family of each page is chosen from the whole folder (a page with no marker of its own goes
  // with the folder's pages), so it is part of the page's memo key.
  const families = choosePageFamilies(
    pages.map((page) => ({ file: page.file, source: page.text })),
    options.dialect,
  );
  const results: PageResult[] = [];
  const hitsBefore = cache.stats.hits;
  let errors = 0;
  for (const [index, page] of pages.entries()) {
    if (errors > options.maxErrors) break;
    const family = families[index] as FamilyId;
    // Part of each page's memo key, so whole-page results never stand in for skipped ones or back.
    const context = wholePages
      ? { ...pageReadContext(options, family), wholePages: true }
      : pageReadContext(options, family);
    const input = { page: { file: page.file, text: page.text }, context };
    const result = await cache.memo("page", input, async ({ page, context }) => {
      const output = (await pageReader(page))(page, context);
      timings.parse += output.parseMs;
      timings.model += output.modelMs;
      return output.result;
    });
    errors += result.diagnostics.filter(
      (d) => applyRuleSetting(d, options)[0]?.severity === "error",
    ).length;
    results.push(result);
    onProgress?.({ stage: "parse", done: results.length, total: pages.length });
  }
  return {
    results,
    // Every page's, read or not (a run stopped after `maxErrors` has chosen them all).
    families,
    cached: cache.stats.hits - hitsBefore,
    stopped: errors > options.maxErrors,
  };
}
