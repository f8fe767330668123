/**
 * The text reporter of a generate or check run: warnings one per line on stderr (one line per cause when
 * a cause repeats; `--verbose` prints each), then errors, check's diffs, the summary, the pages
 * skipped as not models. `--reporter json` prints none of this: it lists every diagnostic.
 */
import type { CheckResult, RunResult } from "../pipeline/api.js";
import type { CliFlags } from "./cli-run.js";
import type { Diagnostic } from "../core/diagnostics.js";
import { formatDiagnostic } from "../core/diagnostics-format.js";
import { groupByCause, quietingSnippet, type Cause } from "../core/diagnostic-causes.js";
import { isNamedNonModel } from "../model/not-a-model.js";
import { DEFAULT_OUT, type GenerateOptions } from "../core/options.js";

export const say = (text: string) => process.stderr.write(`${text}\n`);

/** `1 error`, `2 errors`. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

/**
 * Info diagnostics the text reporter prints although it lists no other info: notes about the whole
 * run that change how the output should be read.
 */
const PRINTED_INFO = new Set(["sdk-field-names", "unmarked-nullable"]);

/** Stale files shown with their diff. */
const STALE_SHOWN = 10;

/** Skipped pages listed after the summary without `--verbose`. */
const SKIPPED_SHOWN = 10;

/** The pages skipped as not models, one line each: the page and what it lacked. */
function printSkipped(skipped: readonly Diagnostic[], flags: CliFlags, inputPrefix: string): void {
  // Pages skipped for their content before those skipped for their name (README.md, PetApi.md).
  const ordered = [
    ...skipped.filter((d) => !isNamedNonModel(d.file)),
    ...skipped.filter((d) => isNamedNonModel(d.file)),
  ];
  const shown = flags.verbose ? ordered : ordered.slice(0, SKIPPED_SHOWN);
  for (const diagnostic of shown) {
    const reason = diagnostic.message.replace(/, expected a model page; skipped$/, "");
    say(`  ${inputPrefix}${diagnostic.file}:${diagnostic.line}:${diagnostic.column}: ${reason}`);
  }
  if (shown.length < skipped.length)
    say(`  ... and ${skipped.length - shown.length} more (--verbose lists every one)`);
}

/** A cause with this many diagnostics or more is printed as one line, two examples and a count. */
const GROUPED_FROM = 4;

/** Examples printed of a cause printed as one line. */
const CAUSE_EXAMPLES = 2;

/**
 * Prints diagnostics one per line, except a cause that repeats (`GROUPED_FROM` times or more): its
 * count and message pattern, two examples, and the `rules` setting that acknowledges it. `--verbose`
 * prints every diagnostic.
 */
function printByCause(notes: readonly Diagnostic[], flags: CliFlags, inputPrefix: string): void {
  if (flags.verbose) {
    for (const diagnostic of notes) say(formatDiagnostic(diagnostic, inputPrefix));
    return;
  }
  const causes = groupByCause(notes);
  const causeOf = new Map(causes.flatMap((c) => c.diagnostics.map((d) => [d, c] as const)));
  const printed = new Set<Cause>();
  for (const diagnostic of notes) {
    const cause = causeOf.get(diagnostic) as Cause;
    const { length } = cause.diagnostics;
    if (length < GROUPED_FROM) say(formatDiagnostic(diagnostic, inputPrefix));
    if (length < GROUPED_FROM || printed.has(cause)) continue;
    printed.add(cause);
    const { ruleId, severity } = cause.diagnostics[0];
    say(`${plural(length, severity)} [${ruleId}]: ${cause.pattern}`);
    for (const example of cause.diagnostics.slice(0, CAUSE_EXAMPLES))
      say(`  ${formatDiagnostic(example, inputPrefix)}`);
    say(
      `  ... and ${length - CAUSE_EXAMPLES} more (--verbose for all); to acknowledge them, in the config: ${quietingSnippet(cause)}`,
    );
  }
}

/**
 * Prints a run's diagnostics (the text reporter), then `before` (check's stale files with their
 * diffs), then the summary line, which counts every diagnostic printed (`stale` of them stale files).
 */
export function printDiagnostics(
  result: RunResult,
  flags: CliFlags,
  inputPrefix: string,
  stale: readonly Diagnostic[] = [],
  before: () => void = () => {},
): void {
  const { diagnostics, stats } = result;
  const max = flags.maxErrors ?? 20;
  // Warnings (and the info notes printed) first, by cause; then the errors, next to the summary, so
  // that a CI log ends with what failed it.
  if (!flags.quiet)
    printByCause(
      diagnostics.filter(
        (d) => d.severity === "warning" || (d.severity === "info" && PRINTED_INFO.has(d.ruleId)),
      ),
      flags,
      inputPrefix,
    );
  let errors = 0;
  for (const diagnostic of diagnostics)
    if (diagnostic.severity === "error" && ++errors <= max)
      say(formatDiagnostic(diagnostic, inputPrefix));
  const count = (severity: Diagnostic["severity"]) =>
    diagnostics.filter((d) => d.severity === severity).length;
  const unchecked = stats.pages - stats.checkedPages;
  if (errors > max || unchecked > 0) {
    const hidden = errors > max ? `${errors - max} more not shown` : "";
    const unread = unchecked > 0 ? `${unchecked} of ${stats.pages} pages not checked` : "";
    say(
      `Stopped after ${max} errors (${[hidden, unread].filter(Boolean).join("; ")}; raise --max-errors to see them).`,
    );
  }
  before();
  if (flags.quiet) return;
  // Skipped pages with a warning (a table without a type column) are listed above already.
  const skipped = diagnostics.filter((d) => d.ruleId === "not-a-model" && d.severity === "info");
  const all = diagnostics.filter((d) => d.ruleId === "not-a-model").length;
  const staleNote = stale.length > 0 ? ` (${plural(stale.length, "stale file")})` : "";
  say(
    `${plural(count("error") + stale.length, "error")}${staleNote}, ${plural(count("warning"), "warning")}, ${plural(all, "page")} that ${all === 1 ? "is" : "are"} not ${all === 1 ? "a model" : "models"} skipped${skipped.length > 0 ? ":" : "."}`,
  );
  printSkipped(skipped, flags, inputPrefix);
}

const outOf = (options: GenerateOptions) => options.out ?? DEFAULT_OUT;

/** Prints a run's outcome (text reporter) and returns its exit code. */
export function reportRun(
  result: RunResult,
  options: GenerateOptions,
  flags: CliFlags,
  inputPrefix: string,
): number {
  const text = flags.reporter === "text";
  const staleRun =
    flags.check && !result.failed && "stale" in result && !(result as CheckResult).upToDate;
  if (text && staleRun) {
    // Check's stale files come before the summary, which counts them, so a CI log ends with the verdict.
    const { stale, diffs } = result as CheckResult;
    printDiagnostics(result, flags, inputPrefix, stale, () => {
      stale.slice(0, STALE_SHOWN).forEach((diagnostic, index) => {
        say(formatDiagnostic(diagnostic));
        say(diffs[index] as string);
      });
      if (stale.length > STALE_SHOWN)
        say(
          `... and ${stale.length - STALE_SHOWN} more stale files (--reporter json lists every one)`,
        );
    });
  } else if (text) printDiagnostics(result, flags, inputPrefix);
  if (result.failed) {
    if (text) say(`No files were written to ${outOf(options)}/: fix the errors above first.`);
    return 1;
  }
  const { added, changed, removed, unchanged } = result.changes;
  if (flags.check) {
    if ("upToDate" in result && result.upToDate) {
      if (text && !flags.quiet) say(`${outOf(options)}/ is up to date (${unchanged} files).`);
      return 0;
    }
    if (text && "stale" in result) {
      // The stale files and their diffs are printed above, before the summary that counts them.
      const { stale } = result as CheckResult;
      const named = stale.slice(0, 3).map((d) => d.file);
      const more = stale.length > named.length ? ` and ${stale.length - named.length} more` : "";
      say(
        `${outOf(options)}/ is stale (${named.join(", ")}${more}): ${added.length} to add, ${changed.length} to update, ${removed.length} to remove. Run \`${result.options.regenerateCommand}\` to update it.`,
      );
    }
    return 1;
  }
  if (text && !flags.quiet) {
    // With --verbose, which files: a hand-edited generated file put back is named, not only counted.
    if (flags.verbose && added.length + changed.length + removed.length > 0) {
      say(`Files in ${result.options.out}/ (a generated file edited by hand is put back):`);
      for (const [mark, files] of [
        ["added", added],
        ["updated", changed],
        ["removed", removed],
      ] as const)
        for (const file of files) say(`  ${mark} ${result.options.out}/${file.path}`);
    }
    say(
      `Wrote ${plural(added.length + changed.length, "file")} (${added.length} new), removed ${removed.length}, ${unchanged} unchanged in ${result.options.out}/.`,
    );
  }
  return 0;
}
