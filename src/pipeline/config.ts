/**
 * The config file. Looked up from the current folder up to the package root (see `findConfig`):
 * `docs2ts.config.json`, a typed `docs2ts.config.mjs`/`.js` (`export default defineConfig({...})`),
 * `docs2ts.config.ts` where Node strips types natively, else a `"docs2ts"` key in package.json; or
 * the file given with `--config`.
 * One config may hold several projects (`projects: [{ input, out }, ...]`) sharing top-level defaults.
 * Everything is validated here, with errors that name the key and suggest the nearest known one.
 */
import { dirname, isAbsolute, relative, resolve } from "node:path";
import { CACHE_FOLDER, DEFAULT_OUT, type GenerateOptions } from "../core/options.js";
import { isPlainObject, optionProblems, show } from "./config-check.js";
import { jsonPointer, scanJson, type JsonKeys, type TextPoint } from "./json-positions.js";
import { keyStep, recordOverrideSources } from "./overrides-config.js";
import { recordRuleSources } from "./rule-pages.js";
import { ConfigError, findConfig, readConfigFile, readJson } from "./config-files.js";

export { CONFIG_FILES, ConfigError, findConfig } from "./config-files.js";

/** One docs folder -> output folder pair in a config with several projects. */
export interface ProjectConfig extends GenerateOptions {
  /** A name for `--project` and for messages (default: the output folder). */
  name?: string;
}

/** What a config file holds: options for one project, or shared defaults plus `projects`. */
export interface Docs2tsConfig extends GenerateOptions {
  /** A JSON Schema reference for editors; ignored. */
  $schema?: string;
  /** Several inputs/outputs; each inherits the top-level options and may override any of them. */
  projects?: ProjectConfig[];
}

/**
 * Types a `docs2ts.config.mjs` (or `.ts`) without a loader: returns its argument unchanged, so the
 * editor checks the object against `Docs2tsConfig`.
 */
export function defineConfig(config: Docs2tsConfig): Docs2tsConfig {
  return config;
}

/** A loaded config: where it came from and the projects to run, defaults merged in. */
export interface LoadedConfig {
  /** The file it was read from (`package.json#docs2ts` for the package.json key), if any. */
  source: string | undefined;
  /** At least one project; paths relative to the working directory. */
  projects: ProjectConfig[];
}

const isString = (value: unknown) => typeof value === "string";

/** Options whose paths are relative to the config file's folder. */
const PATH_KEYS = ["input", "out", "cacheDir", "templates"] as const;

/**
 * Validates a parsed config object whole; `where` names the file in messages. `at` locates keys in a
 * JSON config (positions by JSON Pointer, and the config's own pointer in the file). Throws one
 * `ConfigError` listing every problem, each at its `file:line:col` when the position is known.
 */
export function validateConfig(
  value: unknown,
  where: string,
  at: { positions?: ReadonlyMap<string, TextPoint>; pointer: string } = { pointer: "" },
): Docs2tsConfig {
  if (!isPlainObject(value))
    throw new ConfigError(`${where}: expected an object of options, got ${show(value)}`);
  const problems = optionProblems(value, "", [], ["$schema", "projects"]);
  if (value["$schema"] !== undefined && !isString(value["$schema"]))
    problems.push({ steps: ["$schema"], message: `option "$schema" must be a string` });
  const projects = value["projects"];
  if (projects !== undefined && (!Array.isArray(projects) || projects.length === 0))
    problems.push({
      steps: ["projects"],
      message: `option "projects" must be a non-empty array of { input, out, ... }, got ${show(projects)}`,
    });
  else if (Array.isArray(projects))
    projects.forEach((project: unknown, index) => {
      const prefix = `projects[${index}].`;
      const steps = ["projects", index];
      if (!isPlainObject(project)) {
        problems.push({
          steps,
          message: `"projects[${index}]" must be an object, got ${show(project)}`,
        });
        return;
      }
      problems.push(...optionProblems(project, prefix, steps, ["name"]));
      if (project["name"] !== undefined && !isString(project["name"]))
        problems.push({
          steps: [...steps, "name"],
          message: `option "${prefix}name" must be a string, got ${show(project["name"])}`,
        });
      if (projects.length > 1 && (project["input"] ?? value["input"]) === undefined)
        problems.push({
          steps,
          message: `"projects[${index}]" needs an "input" folder (several projects cannot share the default)`,
        });
    });
  if (problems.length === 0) return value as Docs2tsConfig;
  const placed = problems.map((problem) => {
    const point = at.positions?.get(`${at.pointer}${jsonPointer(problem.steps)}`);
    // A place in the file names the file itself (package.json, not its key).
    const file = where.replace(/#.*$/, "");
    return `${point ? `${file}:${point.line}:${point.column}` : where}: ${problem.message}`;
  });
  const head = placed.length > 1 ? `${placed.length} problems in the config:\n` : "";
  throw new ConfigError(`${head}${placed.join("\n")}`);
}

/** Splits a config into projects, each with the top-level defaults merged in. */
export function projectsOf(config: Docs2tsConfig): ProjectConfig[] {
  const { projects, $schema: _schema, ...defaults } = config;
  if (!projects) return [defaults];
  return projects.map((project) => {
    const merged: ProjectConfig = { ...defaults, ...project };
    if (defaults.limits || project.limits)
      merged.limits = { ...defaults.limits, ...project.limits };
    if (defaults.typeMap || project.typeMap)
      merged.typeMap = { ...defaults.typeMap, ...project.typeMap };
    // A project's entry for a page replaces the top-level one for that page.
    if (defaults.overrides || project.overrides)
      merged.overrides = { ...defaults.overrides, ...project.overrides };
    return merged;
  });
}

/** Rewrites relative paths from the config file's folder to the working directory. */
function rebase(project: ProjectConfig, configDir: string, cwd: string): ProjectConfig {
  const rebased: ProjectConfig = { ...project };
  for (const key of PATH_KEYS) {
    const value = project[key];
    if (value === undefined || isAbsolute(value)) continue;
    rebased[key] = relative(cwd, resolve(configDir, value)) || ".";
  }
  return rebased;
}

/** Rejects two projects writing to one folder, or sharing a name. */
function checkDistinct(projects: readonly ProjectConfig[], where: string, cwd: string): void {
  const outs = new Map<string, number>();
  const names = new Map<string, number>();
  projects.forEach((project, index) => {
    const out = resolve(cwd, project.out ?? DEFAULT_OUT);
    const other = outs.get(out);
    if (other !== undefined)
      throw new ConfigError(
        `${where}: projects[${other}] and projects[${index}] both write to ${project.out ?? DEFAULT_OUT}; give each its own "out"`,
      );
    outs.set(out, index);
    if (project.name === undefined) return;
    const named = names.get(project.name);
    if (named !== undefined)
      throw new ConfigError(
        `${where}: projects[${named}] and projects[${index}] are both named "${project.name}"`,
      );
    names.set(project.name, index);
  });
}

/**
 * Throws for a key given twice in one object of a JSON config (below `pointer`, the config's own key
 * in package.json): `JSON.parse` keeps the last and drops the first without a word, so two entries
 * for one page under `overrides` would lose the first one's corrections.
 */
function rejectDuplicateKeys(scan: JsonKeys, file: string, pointer: string): void {
  const own = pointer === "" ? [] : pointer.slice(1).split("/");
  const twice = scan.duplicates.find((d) => own.every((step, i) => d.steps[i] === step));
  if (twice === undefined) return;
  const path = twice.steps.map((step, i) => (i === 0 ? String(step) : keyStep(step))).join("");
  throw new ConfigError(
    `${file}:${twice.at.line}:${twice.at.column}: key "${path}" given twice (first at line ${twice.first.line}), expected each key once: JSON keeps only the last, so merge the two`,
  );
}

/**
 * Loads and validates the config: the given file, else the one `findConfig` finds from `cwd` up to
 * the package root, else defaults (one project, whose cache is at the project root: see
 * `resolveOptions`). Throws `ConfigError`.
 */
export async function loadConfig(file: string | undefined, cwd: string): Promise<LoadedConfig> {
  let source: string | undefined;
  let configDir = cwd;
  let raw: unknown = {};
  let text: string | undefined;
  let pointer = "";
  if (file !== undefined) {
    const path = resolve(cwd, file);
    ({ value: raw, text } = await readConfigFile(path, file));
    [source, configDir] = [file, dirname(path)];
  } else {
    const found = findConfig(cwd);
    if (found !== undefined) {
      if (found.packageKey) {
        const pkg = readJson(found.path, found.shown);
        raw = (pkg.value as Record<string, unknown>)["docs2ts"];
        [text, pointer] = [pkg.text, "/docs2ts"];
      } else ({ value: raw, text } = await readConfigFile(found.path, found.shown));
      [source, configDir] = [found.shown, dirname(found.path)];
    }
  }
  const where = source ?? "config";
  // Findings placed in the file name the file itself (package.json, not its key).
  const shownFile = where.replace(/#.*$/, "");
  const scan = text !== undefined ? scanJson(text) : undefined;
  if (scan) rejectDuplicateKeys(scan, shownFile, pointer);
  const positions = scan?.positions;
  const config = validateConfig(raw, where, { ...(positions ? { positions } : {}), pointer });
  const written = { file: shownFile, positions, pointer };
  recordOverrideSources(config, written);
  recordRuleSources(config, written);
  // A config file's projects keep their cache beside it, whichever folder the command runs from.
  const cache = source === undefined ? {} : { cacheDir: CACHE_FOLDER };
  const projects = projectsOf(config).map((p) => rebase({ ...cache, ...p }, configDir, cwd));
  checkDistinct(projects, where, cwd);
  return { source, projects };
}
