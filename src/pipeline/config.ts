/**
 * The config file. Looked up from the current folder up to the package root (see `findConfig`):
 * `docs2ts.config.json`, a typed `docs2ts.config.mjs`/`.js` (`export default defineConfig({...})`),
 * `docs2ts.config.ts` where Node strips types natively, else a `"docs2ts"` key in package.json; or
 * the file given with `--config`.
 * One config may hold several projects (`projects: [{ input, out }, ...]`) sharing top-level defaults.
 * Everything is validated here, with errors that name the key and suggest the nearest known one.
 */
import { dirname, isAbsolute, join, relative, resolve } from "node:path";
import { DEFAULT_LIMITS, DIALECTS, type GenerateOptions } from "../core/options.js";
import { didYouMean } from "../core/suggest.js";
import { jsonPointer, scanJson, type JsonKeys, type TextPoint } from "./json-positions.js";
import { keyStep, overridesProblem, recordOverrideSources } from "./overrides-config.js";
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

interface Rule {
  check: (value: unknown) => boolean;
  expected: string;
  /** The allowed strings, for a "did you mean" on a misspelt value. */
  choices?: readonly string[];
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const isString = (value: unknown) => typeof value === "string";
const isPositiveInteger = (value: unknown) => Number.isSafeInteger(value) && (value as number) >= 1;
const isDialect = (value: unknown) =>
  typeof value === "string" && (DIALECTS as readonly string[]).includes(value);

const path: Rule = { check: isString, expected: "a folder path" };
const flag: Rule = { check: (v) => typeof v === "boolean", expected: "true or false" };
const count: Rule = { check: isPositiveInteger, expected: "a whole number of at least 1" };
function oneOf(...choices: string[]): Rule {
  const quoted = choices.map((c) => `"${c}"`);
  return {
    check: (value) => typeof value === "string" && choices.includes(value),
    expected: `${quoted.slice(0, -1).join(", ")} or ${quoted.at(-1)}`,
    choices,
  };
}

/** One rule per option; typed over `GenerateOptions` so a new option cannot be forgotten here. */
const OPTION_RULES: Record<keyof GenerateOptions, Rule> = {
  input: path,
  out: path,
  fieldNames: oneOf("as-documented", "snake_case", "camelCase"),
  enumStyle: oneOf("const-object", "enum", "union"),
  typeMap: {
    check: (v) => isPlainObject(v) && Object.values(v).every(isString),
    expected: "an object of type spellings to type spellings",
  },
  cache: flag,
  cacheDir: path,
  maxErrors: count,
  regenerateCommand: { check: isString, expected: "a command line" },
  validators: flag,
  jsonSchema: flag,
  unknownKeys: oneOf("allow", "reject"),
  optionalUndefined: oneOf("accept", "reject"),
  int64: oneOf("number", "bigint"),
  maxIssues: count,
  maxDepth: count,
  dialect: {
    check: (v) => isDialect(v) || (isPlainObject(v) && Object.values(v).every(isDialect)),
    expected: `one of ${DIALECTS.join(", ")}, or an object of folder -> dialect`,
    choices: DIALECTS,
  },
  dates: oneOf("string", "Date"),
  limits: {
    check: (v) =>
      isPlainObject(v) &&
      Object.entries(v).every(([k, n]) => Object.hasOwn(DEFAULT_LIMITS, k) && isPositiveInteger(n)),
    expected: `an object with any of ${Object.keys(DEFAULT_LIMITS).join(", ")} (whole numbers)`,
  },
  templates: path,
  importExtension: oneOf(".js", ".ts"),
  rules: {
    check: (v) =>
      isPlainObject(v) &&
      Object.values(v).every(
        (x) => x === "off" || x === "info" || x === "warning" || x === "error",
      ),
    expected: 'an object of rule ids to "off", "info", "warning" or "error"',
  },
  // The shape is checked here; every key inside by overrides-config.ts (from validateConfig).
  overrides: { check: isPlainObject, expected: "an object of page paths to overrides" },
};

/** Options whose paths are relative to the config file's folder. */
const PATH_KEYS = ["input", "out", "cacheDir", "templates"] as const;

/** A short, printable rendering of a config value for error messages. */
function show(value: unknown): string {
  if (value === undefined) return "undefined";
  if (typeof value === "function") return "a function";
  if (typeof value === "bigint") return `${value}n`;
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function validateOptions(
  value: Record<string, unknown>,
  where: string,
  prefix: string,
  extraKeys: readonly string[],
): void {
  const known = [...Object.keys(OPTION_RULES), ...extraKeys];
  for (const [key, entry] of Object.entries(value)) {
    if (extraKeys.includes(key)) continue;
    const rule = Object.hasOwn(OPTION_RULES, key)
      ? OPTION_RULES[key as keyof GenerateOptions]
      : undefined;
    if (!rule)
      throw new ConfigError(
        `${where}: unknown option "${prefix}${key}"${didYouMean(key, known)}; known options: ${known.join(", ")}`,
      );
    if (!rule.check(entry)) {
      const hint = typeof entry === "string" && rule.choices ? didYouMean(entry, rule.choices) : "";
      throw new ConfigError(
        `${where}: option "${prefix}${key}" must be ${rule.expected}, got ${show(entry)}${hint}`,
      );
    }
  }
}

/** Throws for a problem inside `overrides`, at its line and column when `positions` are known. */
function validateOverrides(
  value: Record<string, unknown>,
  where: string,
  prefix: string,
  at: { positions?: ReadonlyMap<string, TextPoint>; pointer: string },
): void {
  if (value["overrides"] === undefined) return;
  const problem = overridesProblem(value["overrides"], `${prefix}overrides`);
  if (!problem) return;
  const point = at.positions?.get(`${at.pointer}/overrides${jsonPointer(problem.steps)}`);
  const place = point ? `${where}:${point.line}:${point.column}` : where;
  throw new ConfigError(`${place}: ${problem.message}`);
}

/**
 * Validates a parsed config object; `where` names the file in messages. `at` locates keys in a JSON
 * config (positions by JSON Pointer, and the config's own pointer in the file).
 */
export function validateConfig(
  value: unknown,
  where: string,
  at: { positions?: ReadonlyMap<string, TextPoint>; pointer: string } = { pointer: "" },
): Docs2tsConfig {
  if (!isPlainObject(value))
    throw new ConfigError(`${where}: expected an object of options, got ${show(value)}`);
  validateOptions(value, where, "", ["$schema", "projects"]);
  validateOverrides(value, where, "", at);
  if (value["$schema"] !== undefined && !isString(value["$schema"]))
    throw new ConfigError(`${where}: option "$schema" must be a string`);
  const projects = value["projects"];
  if (projects === undefined) return value as Docs2tsConfig;
  if (!Array.isArray(projects) || projects.length === 0)
    throw new ConfigError(
      `${where}: option "projects" must be a non-empty array of { input, out, ... }, got ${show(projects)}`,
    );
  projects.forEach((project: unknown, index) => {
    const prefix = `projects[${index}].`;
    if (!isPlainObject(project))
      throw new ConfigError(
        `${where}: "projects[${index}]" must be an object, got ${show(project)}`,
      );
    validateOptions(project, where, prefix, ["name"]);
    validateOverrides(project, where, prefix, {
      ...at,
      pointer: `${at.pointer}/projects/${index}`,
    });
    if (project["name"] !== undefined && !isString(project["name"]))
      throw new ConfigError(
        `${where}: option "${prefix}name" must be a string, got ${show(project["name"])}`,
      );
    if (projects.length > 1 && (project["input"] ?? value["input"]) === undefined)
      throw new ConfigError(
        `${where}: "projects[${index}]" needs an "input" folder (several projects cannot share the default)`,
      );
  });
  return value as Docs2tsConfig;
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
    const out = resolve(cwd, project.out ?? "generated");
    const other = outs.get(out);
    if (other !== undefined)
      throw new ConfigError(
        `${where}: projects[${other}] and projects[${index}] both write to ${project.out ?? "generated"}; give each its own "out"`,
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
 * the package root, else defaults (one project). Throws `ConfigError`.
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
  recordOverrideSources(config, shownFile, positions, pointer);
  const projects = projectsOf(config).map((p) => rebase(p, configDir, cwd));
  checkDistinct(projects, where, cwd);
  return { source, projects };
}
