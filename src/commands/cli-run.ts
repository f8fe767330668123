/**
 * What the command line does once its flags are parsed: select projects, run generate or check (once,
 * or on every change with --watch), print diagnostics and outcomes, and decide the exit code. Printing
 * lives here and in cli.ts only.
 */
import { InvalidArgumentError } from "commander";
import { performance } from "node:perf_hooks";
import { check, writeOutput, type CheckResult, type RunResult } from "../pipeline/api.js";
import type { Diagnostic } from "../core/diagnostics.js";
import { DEFAULT_OUT, type Dialect, type GenerateOptions } from "../core/options.js";
import { ConfigError, loadConfig, type ProjectConfig } from "../pipeline/config.js";
import { findMarkdownFolder, inspectFolder } from "../parse/files.js";
import {
  createProgressReporter,
  shouldShowProgress,
  type GenerateHooks,
} from "../pipeline/progress.js";
import { unknownTarget } from "../pipeline/targets/registry.js";
import { watchProjects } from "./watch-projects.js";
import { plural, reportRun, say } from "./print-run.js";

export interface CliFlags {
  input?: string;
  out?: string;
  config?: string;
  project?: string[];
  check?: boolean;
  watch?: boolean;
  fieldNames?: GenerateOptions["fieldNames"];
  enumStyle?: GenerateOptions["enumStyle"];
  emit?: string[];
  jsonSchema?: boolean;
  unknownKeys?: GenerateOptions["unknownKeys"];
  optionalUndefined?: GenerateOptions["optionalUndefined"];
  int64?: GenerateOptions["int64"];
  importExtension?: GenerateOptions["importExtension"];
  dialect?: Dialect;
  dates?: GenerateOptions["dates"];
  maxIssues?: number;
  maxDepth?: number;
  cache: boolean;
  reporter: "text" | "json";
  maxErrors?: number;
  strict?: boolean;
  quiet?: boolean;
  /** Say which config file was used. */
  verbose?: boolean;
}

/** A usage problem found after parsing (exit 2). */
class UsageError extends Error {}

/**
 * `--emit` (the targets to write; `--json-schema` adds `json-schema`) replaces the config's `emit` and
 * its deprecated aliases; `--json-schema` alone is the alias it always was.
 */
function emitOptions(project: ProjectConfig, flags: CliFlags): ProjectConfig {
  if (flags.emit === undefined)
    return flags.jsonSchema ? { ...project, jsonSchema: true } : project;
  const { validators: _validators, jsonSchema: _jsonSchema, ...rest } = project;
  return { ...rest, emit: [...flags.emit, ...(flags.jsonSchema ? ["json-schema"] : [])] };
}

/** Parses `--emit`: comma-separated target ids, repeatable, each one known (with a did-you-mean). */
export function emitTargets(value: string, previous: string[] = []): string[] {
  const ids = value
    .split(",")
    .map((id) => id.trim())
    .filter((id) => id !== "");
  for (const id of ids) {
    const problem = unknownTarget(id);
    if (problem !== undefined) throw new InvalidArgumentError(problem);
  }
  return [...previous, ...ids];
}

/**
 * The note on the deprecated aliases of `emit` a run's config or flags use, once per run (none when
 * `--emit` replaces them, or with `--quiet`). Exported for tests.
 */
export function deprecationNote(
  projects: readonly ProjectConfig[],
  flags: CliFlags,
): string | undefined {
  const used = new Set<string>();
  if (flags.emit === undefined)
    for (const project of projects)
      for (const key of ["validators", "jsonSchema"] as const)
        if (project[key] !== undefined) used.add(`"${key}"`);
  if (flags.jsonSchema) used.add("--json-schema");
  if (used.size === 0 || flags.quiet) return undefined;
  const names = [...used];
  const listed =
    names.length === 1 ? names[0] : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
  return `docs2ts: note: ${listed} ${used.size === 1 ? "is" : "are"} deprecated and will be removed in the next minor version; use "emit": ["types", "validators", "json-schema", ...] in the config or --emit types,validators,json-schema (docs/outputs.md)`;
}

export function positiveInteger(value: string): number {
  const parsed = Number(value);
  if (!Number.isSafeInteger(parsed) || parsed < 1)
    throw new InvalidArgumentError("expected a whole number of at least 1");
  return parsed;
}

export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

export { say };

/** The projects to run: the config's (optionally picked with --project), with CLI flags on top. */
function selectProjects(configured: readonly ProjectConfig[], flags: CliFlags): ProjectConfig[] {
  let projects = [...configured];
  if (flags.project !== undefined) {
    const names = projects.map((p) => p.name ?? p.out ?? DEFAULT_OUT);
    for (const wanted of flags.project)
      if (!names.includes(wanted))
        throw new UsageError(
          projects.length === 1 && projects[0]?.name === undefined
            ? `no project named "${wanted}"; the config has one project and no "projects" list (--project picks one of "projects" by its name or out folder)`
            : `no project named "${wanted}"; the config has ${names.join(", ")}`,
        );
    projects = projects.filter((_, i) => flags.project?.includes(names[i] as string));
  }
  if (projects.length > 1 && (flags.input !== undefined || flags.out !== undefined))
    throw new UsageError("--input and --out apply to one project; pick it with --project <name>");
  return projects.map((project) => ({
    ...emitOptions(project, flags),
    ...(flags.input !== undefined ? { input: flags.input } : {}),
    ...(flags.out !== undefined ? { out: flags.out } : {}),
    ...(flags.fieldNames !== undefined ? { fieldNames: flags.fieldNames } : {}),
    ...(flags.enumStyle !== undefined ? { enumStyle: flags.enumStyle } : {}),
    ...(flags.unknownKeys !== undefined ? { unknownKeys: flags.unknownKeys } : {}),
    ...(flags.optionalUndefined !== undefined
      ? { optionalUndefined: flags.optionalUndefined }
      : {}),
    ...(flags.int64 !== undefined ? { int64: flags.int64 } : {}),
    ...(flags.importExtension !== undefined ? { importExtension: flags.importExtension } : {}),
    ...(flags.dialect !== undefined ? { dialect: flags.dialect } : {}),
    ...(flags.dates !== undefined ? { dates: flags.dates } : {}),
    ...(flags.maxIssues !== undefined ? { maxIssues: flags.maxIssues } : {}),
    ...(flags.maxDepth !== undefined ? { maxDepth: flags.maxDepth } : {}),
    ...(flags.cache === false ? { cache: false } : {}),
    ...(flags.maxErrors !== undefined ? { maxErrors: flags.maxErrors } : {}),
    ...(flags.strict ? { strict: true } : {}),
  }));
}

/** What a Node error code means, in words (the code itself never reaches the user). */
const ERROR_WORDS: Record<string, string> = {
  ENOENT: "no such file or folder",
  ENOTDIR: "a part of the path is a file, not a folder",
  EISDIR: "it is a folder, not a file",
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EEXIST: "something is already there",
  ENOSPC: "no space left on the device",
  EROFS: "the file system is read-only",
  EMFILE: "too many open files",
  ENAMETOOLONG: "the path is too long",
  ELOOP: "too many symbolic links",
  EBUSY: "the file is busy",
};

/**
 * A file-system error as one line with no Node error code: `cannot access <path>: <what went wrong>`.
 * Exported for tests.
 */
export function describeFileError(error: NodeJS.ErrnoException): string {
  const words =
    (error.code !== undefined ? ERROR_WORDS[error.code] : undefined) ??
    // `EXDEV: cross-device link not permitted, rename 'a' -> 'b'`: keep the words only.
    String(error?.message ?? error)
      .replace(/^[A-Z][A-Z0-9_]*: /, "")
      .replace(/, \w+ '.*$/s, "");
  return error.path !== undefined ? `cannot access ${error.path}: ${words}` : words;
}

/** Where a setting comes from, for "set it with ..." hints. */
function configName(source: string | undefined): string {
  return source ?? "docs2ts.config.json";
}

/**
 * The first path of a project that cannot work, as a message naming the path, what was expected and
 * how to set it; undefined when the paths are fine.
 */
async function pathProblem(
  options: GenerateOptions,
  source: string | undefined,
): Promise<string | undefined> {
  const input = options.input ?? "input";
  const problem = await folderProblem(
    input,
    "the docs folder",
    "a folder of Markdown pages",
    `--input <dir> or "input" in ${configName(source)}`,
  );
  if (problem) return problem;
  const out = outOf(options);
  const outState = inspectFolder(out);
  if (outState === "file" || outState === "unreadable")
    return `cannot use ${out} as the output folder: ${outState === "file" ? "it is a file" : "it cannot be read"}; expected a folder (or nothing yet, it is created). Set it with --out <dir> or "out" in ${configName(source)}.`;
  if (options.templates !== undefined)
    return folderProblem(
      options.templates,
      "the templates folder",
      "a folder of templates (banner.txt, runtime.ts, ...)",
      `"templates" in ${configName(source)}`,
    );
  return undefined;
}

/**
 * Why `folder` (a folder the user named) cannot be read, with a hint where the docs may be; undefined
 * when it is a readable folder. Exported for the `examples` and `report` commands.
 */
export async function folderProblem(
  folder: string,
  role: string,
  expected: string,
  setting: string,
): Promise<string | undefined> {
  const state = inspectFolder(folder);
  if (state === "folder") return undefined;
  const what = {
    missing: "it does not exist",
    file: "it is a file",
    unreadable: "it cannot be read (permission denied?)",
  }[state];
  let hint = "";
  if (state !== "unreadable" && role === "the docs folder") {
    const found = await findMarkdownFolder(".", []);
    if (found)
      hint = ` (${found.folder}/ holds ${found.pages} ${found.pages === 1 ? "page" : "pages"})`;
  }
  const init = setting.startsWith("--input") ? ", or run `docs2ts init`" : "";
  return `cannot read ${role} ${folder}: ${what}; expected ${expected}${hint}. Set it with ${setting}${init}.`;
}

const inputPrefixOf = (options: GenerateOptions) =>
  `${(options.input ?? "input").replace(/\/+$/, "")}/`;
const outOf = (options: GenerateOptions) => options.out ?? DEFAULT_OUT;

/** Runs generate or check for one project with a progress line on a terminal; a thrown file error becomes an exit code. */
async function runProject(
  options: GenerateOptions,
  flags: CliFlags,
  source: string | undefined,
): Promise<{ result: RunResult } | { code: number }> {
  const problem = await pathProblem(options, source);
  if (problem !== undefined) {
    say(`docs2ts: ${problem}`);
    return { code: 2 };
  }
  const progress =
    flags.reporter === "text" && !flags.quiet && shouldShowProgress(process.stderr, process.env)
      ? createProgressReporter(process.stderr)
      : undefined;
  const hooks: GenerateHooks = progress ? { onProgress: progress.onProgress } : {};
  try {
    return {
      // The CLI reads no `decls`, so an unchanged run may be answered from its stamp.
      result: flags.check
        ? await check(options, hooks, { stamp: true })
        : await writeOutput(options, hooks, { stamp: true }),
    };
  } catch (error) {
    const err = error as NodeJS.ErrnoException;
    if (err.code === undefined) throw error;
    say(`docs2ts: ${describeFileError(err)}`);
    return { code: err.code === "ENOENT" || err.code === "ENOTDIR" ? 2 : 1 };
  } finally {
    progress?.clear();
  }
}

/** The `--verbose` line naming the config a command read. */
export function configLine(source: string | undefined): string {
  return source === undefined
    ? "docs2ts: no config file found from this folder up to the package root; using the defaults and flags"
    : `docs2ts: using the config in ${source}`;
}

/**
 * Every command's settings: the config (`--config`, else looked up from the working folder to the
 * package root), its projects picked with `--project`, and the flags on top. A config or usage
 * mistake is printed and becomes exit code 2.
 */
export async function loadProjects(
  flags: CliFlags,
): Promise<{ projects: ProjectConfig[]; source: string | undefined } | { code: 2 }> {
  try {
    const config = await loadConfig(flags.config, process.cwd());
    if (flags.verbose) say(configLine(config.source));
    if (flags.watch && flags.check) throw new UsageError("--watch and --check cannot be combined");
    const projects = selectProjects(config.projects, flags);
    const note = deprecationNote(config.projects, flags);
    if (note !== undefined) say(note);
    return { projects, source: config.source };
  } catch (error) {
    if (error instanceof ConfigError || error instanceof UsageError) {
      say(`docs2ts: ${error.message}`);
      return { code: 2 };
    }
    throw error;
  }
}

export async function run(flags: CliFlags): Promise<number> {
  const loaded = await loadProjects(flags);
  if ("code" in loaded) return loaded.code;
  const { projects, source } = loaded;
  if (flags.watch) return watchRuns(projects, flags, source);
  let code = 0;
  const diagnostics: Array<Diagnostic & { project?: string }> = [];
  for (const options of projects) {
    if (projects.length > 1 && flags.reporter === "text" && !flags.quiet)
      say(`${options.name ?? outOf(options)}:`);
    const outcome = await runProject(options, flags, source);
    if ("code" in outcome) {
      code = Math.max(code, outcome.code);
      continue;
    }
    const { result } = outcome;
    const found = [...result.diagnostics, ...((result as Partial<CheckResult>).stale ?? [])];
    // Several projects: each diagnostic says which one it belongs to (its name, else its output).
    const project = projects.length > 1 ? { project: options.name ?? outOf(options) } : {};
    diagnostics.push(...found.map((diagnostic) => ({ ...diagnostic, ...project })));
    code = Math.max(code, reportRun(result, options, flags, inputPrefixOf(options)));
  }
  if (flags.reporter === "json") process.stdout.write(`${JSON.stringify(diagnostics)}\n`);
  return code;
}

/**
 * `--watch` (watch-projects.ts): one full run, then a run of the affected project after every batch of
 * changes, and of every project after the config file changes. A failing run writes nothing (the last
 * good output stays) and the next change tries again. Ends on SIGINT or SIGTERM with exit 0.
 */
async function watchRuns(
  projects: readonly ProjectConfig[],
  flags: CliFlags,
  source: string | undefined,
): Promise<number> {
  let current = source;
  let several = projects.length > 1;
  const run = async (options: ProjectConfig, changed: readonly string[]): Promise<void> => {
    const start = performance.now();
    const outcome = await runProject(options, flags, current);
    if ("code" in outcome) return;
    const { result } = outcome;
    if (flags.reporter === "json") {
      // As a single run prints them: with several projects, each diagnostic names its project.
      const project = several ? { project: options.name ?? outOf(options) } : {};
      const found = result.diagnostics.map((diagnostic) => ({ ...diagnostic, ...project }));
      process.stdout.write(`${JSON.stringify(found)}\n`);
      return;
    }
    if (changed.length > 0) say(`Changed: ${changed.join(", ")}`);
    const code = reportRun(result, options, flags, inputPrefixOf(options));
    const ms = Math.round(performance.now() - start);
    const { stats } = result;
    const parsed = stats.pages - stats.cachedPages;
    say(
      code === 0
        ? `${changed.length > 0 ? "Regenerated" : "Generated"} ${outOf(options)}/ in ${ms} ms (${parsed} of ${plural(stats.pages, "page")} parsed, ${plural(stats.modules - stats.cachedModules, "module")} emitted).`
        : `Kept the last good output in ${outOf(options)}/ (${ms} ms); watching for a fix.`,
    );
  };
  // The file to watch: the one given or found; package.json for its "docs2ts" key.
  const file = source === undefined ? undefined : (flags.config ?? source.replace(/#.*$/, ""));
  return watchProjects(
    { projects, file },
    {
      run,
      reload: async () => {
        const config = await loadConfig(flags.config, process.cwd());
        current = config.source;
        const selected = selectProjects(config.projects, flags);
        several = selected.length > 1;
        return { projects: selected, file };
      },
      say,
      describeError: (error) => describeFileError(error as NodeJS.ErrnoException),
    },
    flags.reporter === "text",
  );
}
