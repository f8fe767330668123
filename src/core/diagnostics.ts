/**
 * Diagnostics: what every stage returns instead of printing or throwing, and the one constructor
 * that builds them.
 *
 * A diagnostic carries what a vfile-message carries (a place with a start and an end, a rule id, a
 * reason; `source` is always docs2ts, `url` and `fatal` follow from the rule id and the severity),
 * but as plain data: diagnostics are stored in the content cache as JSON, sorted, re-graded by the
 * `rules` option and compared in tests, none of which suits an `Error` subclass that captures a
 * stack when it is made. `toVFileMessage` and `toVFiles` (diagnostics-vfile.ts) give API users the
 * real `VFileMessage` objects that unified reporters and editor integrations read.
 */

export type Severity = "error" | "warning" | "info";

/**
 * Every rule id, by the anchor of the section of docs/rules.md (`### ...` under "Rule ids") that
 * documents it; each id has a heading of its own there. The constructor takes only these ids, so a
 * new rule cannot be reported before it has a place in docs/rules.md (test/core/diagnostics-vfile.test.ts
 * checks that the sections agree, test/docs.test.ts that every `ruleUrl` anchor exists).
 */
export const RULES_BY_SECTION = {
  "limits-checked-before-a-page-is-parsed-the-page-is-not-read": [
    "page-too-large",
    "nesting-too-deep",
    "too-many-blocks",
    "table-too-large",
    "cell-too-long",
    "parse-failed",
  ],
  "the-docs-folder": ["no-pages", "no-models"],
  "pages-and-tables": [
    "not-a-model",
    "missing-title",
    "syntax-fallback",
    "table-columns",
    "table-row-cells",
    "empty-field-name",
    "duplicate-field",
    "unknown-required",
    "empty-enum",
    "undocumented-model",
    "additional-properties",
    "enum-value",
    "duplicate-enum-value",
    "empty-union",
    "union-member-type",
  ],
  "type-cells": [
    "unknown-type",
    "external-type",
    "type-too-deep",
    "in-page-model",
    "inferred-wrapper",
  ],
  "references-after-every-page-is-read": [
    "unresolved-ref",
    "ambiguous-ref",
    "ref-by-name",
    "ref-by-case",
    "ref-by-owner",
    "link-outside-root",
    "link-outside-resolved",
  ],
  "the-whole-run": ["sdk-field-names", "unmarked-nullable", "stale-output"],
  "names-while-planning-the-output": ["renamed-identifier", "duplicate-name", "renamed-property"],
  "overrides-in-the-config": [
    "override-unmatched",
    "override-conflict",
    "override-invalid-name",
    "override-no-change",
  ],
} as const;

/** A rule id docs2ts reports (`unknown-type`, `unresolved-ref`, ...). */
export type RuleId = (typeof RULES_BY_SECTION)[keyof typeof RULES_BY_SECTION][number];

/**
 * The rules reference as installed: docs/rules.md ships in the package ("files" in package.json), two
 * folders above this module both in src/core/ and in dist/core/. A file URL, as docs2ts has no
 * published web page; editors and terminals open it where the package is.
 */
const RULES_PAGE = new URL("../../docs/rules.md", import.meta.url).href;

const SECTION_OF_RULE: ReadonlyMap<string, string> = new Map(
  Object.entries(RULES_BY_SECTION).flatMap(([section, rules]) =>
    rules.map((rule): [string, string] => [rule, section]),
  ),
);

/** The link to the section of docs/rules.md that documents `ruleId`, or undefined for an unknown id. */
export function ruleUrl(ruleId: string): string | undefined {
  return SECTION_OF_RULE.has(ruleId) ? `${RULES_PAGE}#${ruleId}` : undefined;
}

/**
 * One finding about the input, pointing at a span of a page: 1-based lines and columns, the end
 * exclusive as in unist (`endColumn` is the column just after the last character).
 */
export interface Diagnostic {
  /**
   * The page, relative to the input folder; "" for a finding about the folder itself (`no-pages`).
   * For a finding about the config (`keyPath` set): the config file as the user named it, or "" for
   * options passed in code.
   */
  file: string;
  /** 1-based; 0 when the place is only known by `keyPath` (a `.mjs` config, options in code). */
  line: number;
  column: number;
  /** Where the span ends; the start itself when only a point is known. */
  endLine: number;
  endColumn: number;
  /** The config key the finding is about (`overrides["pet.md"].fields.Name`), for config findings. */
  keyPath?: string;
  severity: Severity;
  /** A stable rule id, documented in docs/rules.md (`unknown-type`, `unresolved-ref`, ...). */
  ruleId: string;
  /** "Unexpected X, expected Y". */
  message: string;
}

/**
 * Where a diagnostic points: a page and a start point, and the end when it is known (a model
 * `Origin` is one, with the span of the node it was read from).
 */
export interface Place {
  file: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  /** The config key, for a finding about the config (`overrides["pet.md"].fields.Name`). */
  keyPath?: string;
}

/** The one constructor of a diagnostic: at `place`, ending where it ends (or at its start). */
export function diagnosticAt(
  place: Place,
  severity: Severity,
  ruleId: RuleId,
  message: string,
): Diagnostic {
  return {
    file: place.file,
    line: place.line,
    column: place.column,
    endLine: place.endLine ?? place.line,
    endColumn: place.endColumn ?? place.column,
    ...(place.keyPath !== undefined ? { keyPath: place.keyPath } : {}),
    severity,
    ruleId,
    message,
  };
}

/** `diagnostic` under another severity (the `rules` option turning a rule up or down). */
export function regraded(diagnostic: Diagnostic, severity: Severity): Diagnostic {
  return { ...diagnostic, severity };
}
