/**
 * `docs2ts diff`: the config and flags to `diff()` options, the report to stdout, diagnostics of
 * either version (named) to stderr, or as JSON on stdout under `--reporter json` or `--format json`,
 * and the exit code: 0, 1 when `--fail-on` matches or the docs have errors, 2 for usage errors (a
 * base that is neither a folder nor a commit, several projects) and for two versions that share no
 * page path (nothing is compared).
 */
import { ConfigError, loadConfig } from "../pipeline/config.js";
import { formatDiagnostic } from "../core/diagnostics-format.js";
import { DEFAULT_OUT, type Dialect, type GenerateOptions } from "../core/options.js";
import { inspectFolder } from "../parse/files.js";
import { diff, DiffDocsError, type DiffReport } from "./diff.js";
import { breaking, formatReport, type DiffFormat } from "./format.js";
import { GitError } from "./git.js";

/** When `docs2ts diff` exits 1: on a breaking change, on any change, or never (the default). */
export const FAIL_ON = ["breaking", "any", "none"] as const;

/** The flags of `docs2ts diff`, as commander parses them. */
export interface DiffFlags {
  base: string;
  head?: string;
  format: DiffFormat;
  /** How the docs' diagnostics are printed: text lines on stderr, or JSON on stdout (also with `--format json`). */
  reporter?: "text" | "json";
  failOn: (typeof FAIL_ON)[number];
  input?: string;
  config?: string;
  project?: string[];
  dialect?: Dialect;
  fieldNames?: GenerateOptions["fieldNames"];
  enumStyle?: GenerateOptions["enumStyle"];
  int64?: GenerateOptions["int64"];
  dates?: GenerateOptions["dates"];
}

class UsageError extends Error {}

const say = (text: string) => process.stderr.write(`${text}\n`);

/** The one project to compare: the config's (picked with --project), with the flags on top. */
async function projectOptions(flags: DiffFlags): Promise<GenerateOptions> {
  const config = await loadConfig(flags.config, process.cwd());
  const names = config.projects.map((project) => project.name ?? project.out ?? DEFAULT_OUT);
  let projects = config.projects;
  if (flags.project !== undefined) {
    for (const wanted of flags.project)
      if (!names.includes(wanted))
        throw new UsageError(`no project named "${wanted}"; the config has ${names.join(", ")}`);
    projects = projects.filter((_, index) => flags.project?.includes(names[index] as string));
  }
  if (projects.length !== 1)
    throw new UsageError(
      `diff compares one docs folder; pick one of the config's projects (${names.join(", ")}) with --project <name>`,
    );
  const { name: _name, ...options } = projects[0] as (typeof projects)[number];
  const overrides = {
    input: flags.input,
    dialect: flags.dialect,
    fieldNames: flags.fieldNames,
    enumStyle: flags.enumStyle,
    int64: flags.int64,
    dates: flags.dates,
  };
  for (const [key, value] of Object.entries(overrides))
    if (value !== undefined) Object.assign(options, { [key]: value });
  return options;
}

/** Whether the report fails the run under `--fail-on`. */
export function failsOn(report: DiffReport, failOn: DiffFlags["failOn"]): boolean {
  if (failOn === "any") return report.changes.length > 0;
  if (failOn === "breaking") return report.changes.some(breaking);
  return false;
}

/** Runs `docs2ts diff` and returns the exit code. */
export async function runDiff(flags: DiffFlags): Promise<number> {
  let options: GenerateOptions;
  try {
    options = await projectOptions(flags);
  } catch (error) {
    if (!(error instanceof ConfigError || error instanceof UsageError)) throw error;
    say(`docs2ts: ${error.message}`);
    return 2;
  }
  const input = options.input ?? "input";
  if (flags.head === undefined && inspectFolder(input) !== "folder") {
    say(
      `docs2ts: cannot read the docs folder ${input} (the working tree, since --head is not given): expected a folder of Markdown pages. Set it with --input <dir> or "input" in the config.`,
    );
    return 2;
  }
  let report: DiffReport;
  try {
    report = await diff({
      ...options,
      base: flags.base,
      ...(flags.head !== undefined ? { head: flags.head } : {}),
    });
  } catch (error) {
    if (error instanceof GitError) {
      say(`docs2ts: ${error.message}; expected a folder or a git revision for --base/--head.`);
      return 2;
    }
    if (!(error instanceof DiffDocsError)) throw error;
    if (flags.reporter === "json" || flags.format === "json") {
      // The report's shape, no changes, and each diagnostic with the version it belongs to.
      const json = {
        base: flags.base,
        head: flags.head ?? "working tree",
        changes: [],
        diagnostics: error.diagnostics,
      };
      process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
      return 1;
    }
    for (const diagnostic of error.diagnostics.slice(0, 40))
      say(
        `${diagnostic.side} (${diagnostic.version}): ${formatDiagnostic(diagnostic, `${diagnostic.folder.replace(/\/+$/, "")}/`)}`,
      );
    const sides = [...new Set(error.diagnostics.map((d) => `${d.side} (${d.version})`))];
    say(
      `The docs of ${sides.join(" and ")} have errors (${error.diagnostics.length}); fix them to compare the versions.`,
    );
    return 1;
  }
  process.stdout.write(formatReport(report, flags.format));
  if (report.warning !== undefined) {
    if (flags.format !== "text") say(`docs2ts: ${report.warning}`);
    return 2;
  }
  return failsOn(report, flags.failOn) ? 1 : 0;
}
