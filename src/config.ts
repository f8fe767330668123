/**
 * The config file: `docs2ts.config.json` in the current folder (or the file given with `--config`),
 * else a `"docs2ts"` key in package.json. Validated with errors that name the key.
 */
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { DEFAULT_LIMITS, type GenerateOptions } from "./options.js";

/** A config problem: printed by the CLI, exit code 2. */
export class ConfigError extends Error {}

type Check = (value: unknown) => boolean;
const isString: Check = (value) => typeof value === "string";
const isBoolean: Check = (value) => typeof value === "boolean";
const isPositiveInteger: Check = (value) => Number.isSafeInteger(value) && (value as number) >= 1;
const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const DIALECTS = [
  "auto",
  "speakeasy-go",
  "speakeasy-ts",
  "speakeasy-python",
  "openapi-generator",
  "hand-written",
];
const isDialect: Check = (value) => typeof value === "string" && DIALECTS.includes(value);
const oneOf =
  (...values: string[]): Check =>
  (value) =>
    typeof value === "string" && values.includes(value);

const KEYS: Record<keyof GenerateOptions, [Check, string]> = {
  input: [isString, "a folder path"],
  out: [isString, "a folder path"],
  fieldNames: [
    oneOf("as-documented", "snake_case", "camelCase"),
    '"as-documented", "snake_case" or "camelCase"',
  ],
  enumStyle: [oneOf("const-object", "enum", "union"), '"const-object", "enum" or "union"'],
  typeMap: [
    (v) => isPlainObject(v) && Object.values(v).every(isString),
    "an object of type spellings to type spellings",
  ],
  cache: [isBoolean, "true or false"],
  cacheDir: [isString, "a folder path"],
  maxErrors: [isPositiveInteger, "a whole number of at least 1"],
  regenerateCommand: [isString, "a command line"],
  validators: [isBoolean, "true or false"],
  jsonSchema: [isBoolean, "true or false"],
  unknownKeys: [oneOf("allow", "reject"), '"allow" or "reject"'],
  optionalUndefined: [oneOf("accept", "reject"), '"accept" or "reject"'],
  int64: [oneOf("number", "bigint"), '"number" or "bigint"'],
  maxIssues: [isPositiveInteger, "a whole number of at least 1"],
  maxDepth: [isPositiveInteger, "a whole number of at least 1"],
  dialect: [
    (v) => isDialect(v) || (isPlainObject(v) && Object.values(v).every(isDialect)),
    `one of ${DIALECTS.join(", ")}, or an object of folder -> dialect`,
  ],
  dates: [oneOf("string", "Date"), '"string" or "Date"'],
  limits: [
    (v) =>
      isPlainObject(v) &&
      Object.entries(v).every(([k, n]) => Object.hasOwn(DEFAULT_LIMITS, k) && isPositiveInteger(n)),
    `an object with any of ${Object.keys(DEFAULT_LIMITS).join(", ")} (whole numbers)`,
  ],
  templates: [isString, "a folder path"],
};

/** Edit distance, for "did you mean". */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    let previous = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const current = row[j] as number;
      row[j] = Math.min(
        (row[j] as number) + 1,
        (row[j - 1] as number) + 1,
        previous + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      previous = current;
    }
  }
  return row[b.length] as number;
}

/** Validates a parsed config object; `where` names the file in messages. */
export function validateConfig(value: unknown, where: string): GenerateOptions {
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw new ConfigError(`${where}: expected an object of options`);
  const known = Object.keys(KEYS);
  for (const [key, entry] of Object.entries(value)) {
    if (key === "$schema") continue;
    const rule = Object.hasOwn(KEYS, key) ? KEYS[key as keyof GenerateOptions] : undefined;
    if (!rule) {
      const suggestion = known
        .map((k) => [k, distance(key.toLowerCase(), k.toLowerCase())] as const)
        .sort((a, b) => a[1] - b[1])[0];
      const hint = suggestion && suggestion[1] <= 3 ? ` (did you mean "${suggestion[0]}"?)` : "";
      throw new ConfigError(
        `${where}: unknown option "${key}"${hint}; known options: ${known.join(", ")}`,
      );
    }
    if (!rule[0](entry))
      throw new ConfigError(
        `${where}: option "${key}" must be ${rule[1]}, got ${JSON.stringify(entry)}`,
      );
  }
  return value as GenerateOptions;
}

/** Loads the config: the given file, else `docs2ts.config.json`, else package.json's `docs2ts` key. */
export function loadConfig(file: string | undefined, cwd: string): GenerateOptions {
  const read = (path: string): unknown => {
    try {
      return JSON.parse(readFileSync(path, "utf8"));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT")
        throw new ConfigError(`config file ${path} not found`);
      throw new ConfigError(`${path}: ${(error as Error).message}`);
    }
  };
  if (file !== undefined) return validateConfig(read(resolve(cwd, file)), file);
  const local = join(cwd, "docs2ts.config.json");
  if (existsSync(local)) return validateConfig(read(local), "docs2ts.config.json");
  const pkgPath = join(cwd, "package.json");
  if (existsSync(pkgPath)) {
    const pkg = read(pkgPath) as Record<string, unknown>;
    if (pkg && typeof pkg === "object" && Object.hasOwn(pkg, "docs2ts"))
      return validateConfig(pkg["docs2ts"], "package.json#docs2ts");
  }
  return {};
}
