/**
 * Finding and reading config files: the lookup from the working folder up to the package root, JSON
 * with its text (to place findings on keys), and JavaScript or TypeScript configs by import.
 *
 * Kept rather than lilconfig (3.1.5) or cosmiconfig (9.0.2, 16 packages, 1.8 MB): both need this
 * module's loaders all the same (JSON with its text for key positions, an import by a new URL per
 * `--watch` load, `node --check` for a syntax error's place), so only `findConfig`'s 30 lines could go,
 * and on eight lookups (config in cwd, in a parent, above the package root, no package root, two config
 * files in one folder, package.json key, key missing below a .git root, an empty config file) lilconfig
 * agreed on 3 and cosmiconfig (searchStrategy "project") on 5: lilconfig searches past the package
 * root, neither refuses two config files in one folder, both skip an empty config file silently.
 */
import { execFile } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, extname, join, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { jsonSyntaxError, type TextPoint } from "./json-positions.js";

/** A config problem: printed by the CLI, exit code 2. */
export class ConfigError extends Error {}

/** The config file names looked up in the working directory, in order. */
export const CONFIG_FILES = [
  "docs2ts.config.json",
  "docs2ts.config.mjs",
  "docs2ts.config.js",
  "docs2ts.config.ts",
] as const;

/** Reads a JSON file and its text; a file that is not JSON is an error at the line and column. */
export function readJson(path: string, shown: string): { value: unknown; text: string } {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT")
      throw new ConfigError(`config file ${shown} not found`);
    throw new ConfigError(`${shown}: ${(error as Error).message}`);
  }
  try {
    return { value: JSON.parse(text), text };
  } catch (error) {
    // JSON.parse's message gives an offset, or a quote of the text, or neither: find the place.
    const found = jsonSyntaxError(text);
    throw new ConfigError(
      found
        ? `${shown}:${found.at.line}:${found.at.column}: not valid JSON: ${found.message}`
        : `${shown}: not valid JSON: ${(error as Error).message}`,
    );
  }
}

/** True when this Node can import `.ts` files itself (type stripping, Node 22.6+). */
function nodeStripsTypes(): boolean {
  return Boolean((process.features as { typescript?: unknown }).typescript);
}

let configLoads = 0;

/** Imports a JavaScript (or, where Node supports it, TypeScript) config and returns its default export. */
async function importConfig(path: string, shown: string): Promise<unknown> {
  if (!existsSync(path)) throw new ConfigError(`config file ${shown} not found`);
  if (extname(path) === ".ts" && !nodeStripsTypes())
    throw new ConfigError(
      `${shown}: this Node (${process.version}) cannot import TypeScript; rename it to docs2ts.config.mjs ` +
        `(defineConfig keeps it typed) or use Node 22.6+ with type stripping`,
    );
  let module: { default?: unknown };
  // A new URL per load: `--watch` reads a changed config again (import() caches by URL).
  const url = `${pathToFileURL(path).href}?load=${(configLoads += 1)}`;
  try {
    module = (await import(url)) as { default?: unknown };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const at = await placeOfLoadError(error, path, url);
    throw new ConfigError(
      `${shown}${at ? `:${at.line}:${at.column}` : ""}: failed to load: ${message}`,
    );
  }
  if (module.default === undefined)
    throw new ConfigError(`${shown}: expected \`export default defineConfig({ ... })\``);
  return module.default;
}

/**
 * Where in the config file its import failed. An error thrown while the module runs names the file's
 * line and column in its stack. A syntax error from import() carries no place on Node 20 (Node prints
 * one only for an uncaught error), so the file is checked by `node --check`, whose report gives the
 * line and marks the column; it counts only when it reports the same error.
 */
async function placeOfLoadError(
  error: unknown,
  path: string,
  url: string,
): Promise<TextPoint | undefined> {
  if (!(error instanceof Error)) return undefined;
  const frame = error.stack?.split(`${url}:`)[1]?.match(/^(\d+):(\d+)/);
  if (frame) return { line: Number(frame[1]), column: Number(frame[2]) };
  if (error.name !== "SyntaxError") return undefined;
  const report = await new Promise<string>((done) =>
    execFile(
      process.execPath,
      ["--check", "--", path],
      { encoding: "utf8", timeout: 30_000 },
      (_e, _out, err) => done(String(err)),
    ),
  );
  // `<path>:<line>`, the line's text, a caret under the column (none at the end of the file).
  const lines = report.split(/\r?\n/);
  const head = lines.findIndex((line) => line.startsWith(`${path}:`));
  const line = Number(lines[head]?.slice(path.length + 1));
  if (head < 0 || !Number.isSafeInteger(line) || !lines.includes(`SyntaxError: ${error.message}`))
    return undefined;
  const caret = lines[head + 2]?.match(/^[ \t]*\^/)?.[0];
  return { line, column: caret ? caret.length : 1 };
}

/** A config file's value and, for JSON, its text (to locate keys). */
export async function readConfigFile(
  path: string,
  shown: string,
): Promise<{ value: unknown; text?: string }> {
  return extname(path) === ".json"
    ? readJson(path, shown)
    : { value: await importConfig(path, shown) };
}

/** Where `findConfig` found the config: a config file, or package.json's `docs2ts` key. */
export interface FoundConfig {
  /** The file's absolute path. */
  path: string;
  /** The file as named in messages: relative to the working folder, `#docs2ts` for the key. */
  shown: string;
  /** True when the config is package.json's `docs2ts` key. */
  packageKey: boolean;
}

/**
 * Looks for the config as tsc and ESLint look for theirs: in `cwd`, then each folder above it, up to
 * and including the package root (the nearest folder with a package.json or a `.git`). In each
 * folder a `docs2ts.config.*` file wins over package.json's `docs2ts` key; two config files in one
 * folder are an error. Without a package root above `cwd`, only `cwd` is searched, so a stray config
 * in a shared parent folder (`/tmp`) is never picked up.
 */
export function findConfig(cwd: string): FoundConfig | undefined {
  const start = resolve(cwd);
  const hasRoot = (dir: string) =>
    existsSync(join(dir, "package.json")) || existsSync(join(dir, ".git"));
  let rooted = false;
  for (let dir = start; ; dir = dirname(dir)) {
    if (hasRoot(dir)) rooted = true;
    if (dir === dirname(dir)) break;
  }
  for (let dir = start; ; dir = dirname(dir)) {
    const shown = (name: string) => relative(cwd, join(dir, name)).split("\\").join("/");
    const files = CONFIG_FILES.filter((name) => existsSync(join(dir, name)));
    if (files.length > 1)
      throw new ConfigError(`found ${files.map(shown).join(" and ")}; keep one config file`);
    if (files[0] !== undefined)
      return { path: join(dir, files[0]), shown: shown(files[0]), packageKey: false };
    const pkg = join(dir, "package.json");
    if (existsSync(pkg)) {
      const read = readJson(pkg, shown("package.json")).value;
      if (
        typeof read === "object" &&
        read !== null &&
        !Array.isArray(read) &&
        Object.hasOwn(read, "docs2ts")
      )
        return { path: pkg, shown: `${shown("package.json")}#docs2ts`, packageKey: true };
    }
    if (!rooted || hasRoot(dir) || dir === dirname(dir)) return undefined;
  }
}
