/**
 * A rule acknowledged for named pages: `"rules": { "undocumented-model": ["off", { "pages":
 * ["models/legacy/**"] }] }` gives the rule that severity on the pages that match, and leaves it as it
 * is on the others. Patterns are page paths relative to the input folder (as `overrides` keys are):
 * `*` and `?` stay within one folder name, `**` spans folders, a pattern ending in `/` takes the whole
 * folder. A pattern that matches no page is reported (a moved page, a typo), with the nearest paths.
 */
import { diagnosticAt, type Diagnostic } from "../core/diagnostics.js";
import type { RuleEntry, RuleSetting } from "../core/options.js";
import { nearestWords, orList } from "../core/suggest.js";
import {
  keyStep,
  placeIn,
  recordEntrySources,
  type ConfigWhere,
  type OverrideSource,
} from "./overrides-config.js";

/** The options object of a rule entry (`{ pages: [...] }`). */
type RulePages = { readonly pages: readonly string[] };

/**
 * A page pattern as a regular expression over page paths (`/`-separated). Hand-written rather than
 * picomatch (4.0.7) or minimatch (11.0.10), though both are already installed with ts-morph: on 217
 * patterns made from the test corpus's page paths, over 3,023 paths, minimatch answered the same and
 * picomatch too except `a/**` matching `a` (29 cases), but their glob syntax reads names that docs
 * sites use as syntax: picomatch misses `app/(guides)/*.md` on `app/(guides)/setup.md` (a route-group folder),
 * minimatch misses `api/[id]/*.md` on `api/[id]/get.md` (a dynamic-route page). Here only `*`, `?` and
 * `**` are wildcards and every other character is itself, in 20 lines.
 */
export function pagePattern(pattern: string): RegExp {
  const given = pattern.split("\\").join("/").replace(/^\.\//, "");
  const whole = given.endsWith("/") ? `${given}**` : given;
  let source = "";
  for (let i = 0; i < whole.length; i += 1) {
    const char = whole[i] as string;
    if (char === "*" && whole[i + 1] === "*") {
      // `**/` is any number of folders (none too); a trailing `**` is anything below.
      const slash = whole[i + 2] === "/";
      source += slash ? "(?:.*/)?" : ".*";
      i += slash ? 2 : 1;
    } else if (char === "*") source += "[^/]*";
    else if (char === "?") source += "[^/]";
    else source += char.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${source}$`);
}

/** The severity `entry` gives a diagnostic in `file`; undefined when it leaves the rule as it is. */
export function ruleSettingFor(
  entry: RuleEntry | undefined,
  file: string,
): RuleSetting | undefined {
  if (entry === undefined || typeof entry === "string") return entry;
  const [setting, { pages }] = entry;
  // A finding about the folder or the config (file "" or a config file) is on no page.
  if (file === "") return undefined;
  return pages.some((pattern) => pagePattern(pattern).test(file)) ? setting : undefined;
}

/** Where each rule entry's `{ pages }` object was written, by the object itself (see overrides-config). */
const SOURCES = new WeakMap<object, OverrideSource>();

/** Records where the `rules` entries with pages of a validated config were written. */
export function recordRuleSources(config: object, where: ConfigWhere): void {
  recordEntrySources(SOURCES, config, "rules", where, (entry) =>
    Array.isArray(entry) && typeof entry[1] === "object" && entry[1] !== null
      ? { object: entry[1] as object, steps: [1] }
      : undefined,
  );
}

/** Where a rule entry's `{ pages }` was written (for options from code: its key path alone). */
export function ruleSourceOf(options: RulePages, ruleId: string): OverrideSource {
  return SOURCES.get(options) ?? { file: "", keyPath: `rules${keyStep(ruleId)}[1]`, pointer: "" };
}

/**
 * A warning for each page pattern in `rules` that matches none of `files` (the run's pages), at the
 * pattern in the config, with the nearest page paths as a suggestion.
 */
export function unmatchedRulePages(
  rules: Readonly<Record<string, RuleEntry>>,
  files: readonly string[],
): Diagnostic[] {
  return Object.entries(rules).flatMap(([ruleId, entry]) => {
    if (typeof entry === "string") return [];
    const source = ruleSourceOf(entry[1], ruleId);
    return entry[1].pages.flatMap((pattern, index) => {
      const regex = pagePattern(pattern);
      if (files.some((file) => regex.test(file))) return [];
      const near = nearestWords(pattern, files).slice(0, 3);
      const hint = near.length > 0 ? ` (did you mean ${orList(near)}?)` : "";
      return [
        diagnosticAt(
          placeIn(source, ["pages", index]),
          "warning",
          "override-unmatched",
          `Unexpected page pattern \`${pattern}\` in the \`${ruleId}\` rule's pages, expected the path of a page in the input folder${hint}; it acknowledges nothing`,
        ),
      ];
    });
  });
}
