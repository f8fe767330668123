/**
 * Generation options: the user-facing shape (all optional) and the complete, resolved context that
 * every stage receives. Defaults live here and nowhere else (`DEFAULT_OUT` is the one other modules
 * need before options are resolved: a project's name in messages).
 */
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { byCodePoint } from "./text.js";

export type FieldNameStyle = "as-documented" | "snake_case" | "camelCase";
export type EnumStyle = "const-object" | "enum" | "union";
/** The doc dialects docs2ts reads (`auto`: detected per page). */
export const DIALECTS = [
  "auto",
  "speakeasy-go",
  "speakeasy-ts",
  "speakeasy-python",
  "openapi-generator",
  "hand-written",
  "widdershins",
  "jsonschema2md",
  "protoc-gen-doc",
  "docs-site",
] as const;
export type Dialect = (typeof DIALECTS)[number];

/** Limits that keep pathological pages from stalling or crashing a run. */
export interface Limits {
  /** Largest page in bytes (default 1 MiB). */
  maxPageBytes: number;
  /** Deepest nesting of block containers (lists, block quotes) (default 64). */
  maxNesting: number;
  /** Most rows in one table (default 5,000). */
  maxTableRows: number;
  /** Most characters in one table cell (default 20,000). */
  maxCellLength: number;
  /** Deepest nesting inside one type cell (default 32). */
  maxTypeDepth: number;
  /**
   * Most separate lists and block quotes on one page (default 1,000); the Markdown parser's time grows
   * with the square of this count.
   */
  maxContainers: number;
}

/** A correction to one documented field (or a field the docs forgot, with `type`). */
export interface FieldOverride {
  /** The field may be `null` (true) or not (false). */
  nullable?: boolean;
  /** The field may be absent (true) or must be present (false). */
  optional?: boolean;
  /** A type spelling, read as a type cell of the page is read (same flavour, links and `typeMap`). */
  type?: string;
  /** The property name in the output, used as is under every `fieldNames` mode. */
  name?: string;
  /** The field's doc text. */
  description?: string;
  /** Marks the field deprecated (true) or not (false). */
  deprecated?: boolean;
}

/** Corrections to one page's model, keyed in `overrides` by the page's path in the input folder. */
export interface PageOverride {
  /** The declaration's name (the page's title). */
  name?: string;
  /** Fields by the name the docs give them; a name the page lacks adds a field (needs `type`). */
  fields?: Record<string, FieldOverride>;
  /** Values to add to or remove from an enum page. */
  values?: { add?: Array<string | number | boolean>; remove?: Array<string | number | boolean> };
}

/** Per-page corrections of what the docs say: `{ "models/pet.md": { fields: { Name: { nullable: true } } } }`. */
export type Overrides = Record<string, PageOverride>;

/** Options a user may pass (config file, CLI flags, or the programmatic API). */
export interface GenerateOptions {
  /** The docs folder. Default `input`. */
  input?: string;
  /** The output folder. Default `generated`. */
  out?: string;
  /** Property names: as documented (default), `snake_case` or `camelCase`. */
  fieldNames?: FieldNameStyle;
  /** How enum pages are emitted: `const-object` (default), `enum` or `union`. */
  enumStyle?: EnumStyle;
  /** Type spellings to replace, e.g. `{ "http.Response": "unknown", "decimal.Decimal": "string" }`. */
  typeMap?: Record<string, string>;
  /** Use the content-hash cache (default true). */
  cache?: boolean;
  /**
   * Where the cache lives (default `node_modules/.cache/docs2ts` at the project root: beside the config
   * file, else in the nearest folder from the working directory up that holds a package.json, else in
   * the working directory; see `defaultCacheDir`).
   */
  cacheDir?: string;
  /** Stop reporting after this many errors (default 20). */
  maxErrors?: number;
  /** The command printed in banners and `--check` hints (default `npm run generate`). */
  regenerateCommand?: string;
  /**
   * The outputs to write, by target id (pipeline/targets/registry.ts): `types` (always written),
   * `validators`, `json-schema`, `openapi`. Default `["types", "validators"]`.
   */
  emit?: string[];
  /**
   * Emit runtime validators beside the types (default true).
   * @deprecated Use `emit` (with or without `"validators"`); applied on top of `emit`.
   */
  validators?: boolean;
  /**
   * Also write a JSON Schema (2020-12) per module (default false).
   * @deprecated Use `emit` (with `"json-schema"`); applied on top of `emit`.
   */
  jsonSchema?: boolean;
  /** Unknown object keys: allowed (default) or reported by validators. */
  unknownKeys?: "allow" | "reject";
  /** An optional field present as `undefined`: accepted (default) or rejected (`exactOptionalPropertyTypes`). */
  optionalUndefined?: "accept" | "reject";
  /** How 64-bit integers are typed and validated: `number` (default, safe integers) or `bigint`. */
  int64?: "number" | "bigint";
  /** Validators stop collecting issues after this many (default 100). */
  maxIssues?: number;
  /** Validators report values nested deeper than this (default 512). */
  maxDepth?: number;
  /** Doc dialect: detected per page (`auto`, default), or one for all pages, or per folder (`{ "models/": "speakeasy-go" }`). */
  dialect?: Dialect | Record<string, Dialect>;
  /** Date-time fields as RFC 3339 strings (default) or `Date` objects. */
  dates?: "string" | "Date";
  /** Input limits (each optional; defaults in `Limits`). */
  limits?: Partial<Limits>;
  /** A folder of templates overriding docs2ts's own (`banner.txt`, `runtime.ts`, ...). */
  templates?: string;
  /**
   * The extension of relative import specifiers in the output: `.js` (default; NodeNext, Bundler and
   * every bundler) or `.ts` (for Node's type stripping and Deno; compile with
   * `allowImportingTsExtensions` or `rewriteRelativeImportExtensions`).
   */
  importExtension?: ".js" | ".ts";
  /**
   * Severity per rule id, to turn rules down or up: `{ "external-type": "off", "ref-by-name": "warning" }`;
   * or for some pages only, the others keeping the rule's own severity:
   * `{ "undocumented-model": ["off", { "pages": ["models/legacy/**"] }] }`.
   */
  rules?: Record<string, RuleEntry>;
  /**
   * Every warning is an error (default false): for CI jobs that want the docs fixed. Applied after
   * `rules`, so a rule turned down to `info` or `off` stays quiet.
   */
  strict?: boolean;
  /**
   * Corrections to the model read from the docs, by page path relative to the input folder (default
   * none): applied before anything is emitted, so types, validators and JSON Schema agree.
   */
  overrides?: Overrides;
}

/** What a rule's diagnostics become: dropped (`off`) or reported at the given severity. */
export type RuleSetting = "off" | "info" | "warning" | "error";

/**
 * A rule's setting in `rules`: a severity for every page, or a severity for the pages that match
 * `pages` (paths relative to the input folder; `*` and `?` within a folder name, `**` across folders).
 */
export type RuleEntry = RuleSetting | readonly [RuleSetting, { readonly pages: readonly string[] }];

/** The complete context, every option decided. */
export interface ResolvedOptions {
  input: string;
  out: string;
  fieldNames: FieldNameStyle;
  enumStyle: EnumStyle;
  typeMap: Readonly<Record<string, string>>;
  cache: boolean;
  cacheDir: string;
  maxErrors: number;
  regenerateCommand: string;
  /** The target ids to write: `types` first, then the others by code point, each once. */
  emit: readonly string[];
  unknownKeys: "allow" | "reject";
  optionalUndefined: "accept" | "reject";
  int64: "number" | "bigint";
  maxIssues: number;
  maxDepth: number;
  dialect: Dialect | Readonly<Record<string, Dialect>>;
  dates: "string" | "Date";
  limits: Limits;
  templates: string | undefined;
  rules: Readonly<Record<string, RuleEntry>>;
  strict: boolean;
  importExtension: ".js" | ".ts";
  overrides: Readonly<Overrides>;
}

/** The outputs written when `emit` is not given. */
export const DEFAULT_EMIT: readonly string[] = ["types", "validators"];

/**
 * The targets to write: `emit` (or the default), with the deprecated booleans `validators` and
 * `jsonSchema` applied on top, `types` always; in one order, so that equal choices key the cache alike.
 */
function resolveEmit(options: GenerateOptions): string[] {
  const chosen = new Set(options.emit ?? DEFAULT_EMIT);
  const alias = (id: string, on: boolean | undefined) => {
    if (on === true) chosen.add(id);
    else if (on === false) chosen.delete(id);
  };
  alias("validators", options.validators);
  alias("json-schema", options.jsonSchema);
  chosen.delete("types");
  return ["types", ...[...chosen].sort(byCodePoint)];
}

/** The output folder when none is given. */
export const DEFAULT_OUT = "generated";

/** The default input limits. */
export const DEFAULT_LIMITS: Limits = {
  maxPageBytes: 1024 * 1024,
  maxNesting: 64,
  maxTableRows: 5000,
  maxCellLength: 20_000,
  maxTypeDepth: 32,
  maxContainers: 1000,
};

/** The cache folder below a project's root folder. */
export const CACHE_FOLDER = join("node_modules", ".cache", "docs2ts");

/**
 * The root of the project `cwd` is in: the nearest folder from `cwd` up that holds a package.json (where
 * `node_modules` lives), else `cwd` itself. Running from a subfolder of the docs uses the project's
 * cache, and never creates a `node_modules` in that subfolder.
 */
export function projectRoot(cwd: string): string {
  const start = resolve(cwd);
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, "package.json"))) return dir;
    if (dir === dirname(dir)) return start;
  }
}

/**
 * The cache folder used when `cacheDir` is not given: `node_modules/.cache/docs2ts` in `root`, the
 * config file's folder (see `loadConfig`) or else the project root (see `projectRoot`).
 */
export function defaultCacheDir(root: string): string {
  return join(root, CACHE_FOLDER);
}

/** Fills in defaults; paths are left as given (relative paths are relative to `cwd`). */
export function resolveOptions(
  options: GenerateOptions,
  cwd: string = process.cwd(),
): ResolvedOptions {
  return {
    input: options.input ?? "input",
    out: options.out ?? DEFAULT_OUT,
    fieldNames: options.fieldNames ?? "as-documented",
    enumStyle: options.enumStyle ?? "const-object",
    typeMap: options.typeMap ?? {},
    cache: options.cache ?? true,
    cacheDir: options.cacheDir ?? defaultCacheDir(projectRoot(cwd)),
    maxErrors: options.maxErrors ?? 20,
    regenerateCommand: options.regenerateCommand ?? "npm run generate",
    emit: resolveEmit(options),
    unknownKeys: options.unknownKeys ?? "allow",
    optionalUndefined: options.optionalUndefined ?? "accept",
    int64: options.int64 ?? "number",
    maxIssues: options.maxIssues ?? 100,
    maxDepth: options.maxDepth ?? 512,
    dialect: options.dialect ?? "auto",
    dates: options.dates ?? "string",
    limits: { ...DEFAULT_LIMITS, ...options.limits },
    templates: options.templates,
    rules: options.rules ?? {},
    strict: options.strict ?? false,
    importExtension: options.importExtension ?? ".js",
    overrides: options.overrides ?? {},
  };
}
