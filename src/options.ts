/**
 * Generation options: the user-facing shape (all optional) and the complete, resolved context that
 * every stage receives. Defaults live here and nowhere else.
 */

export type FieldNameStyle = "as-documented" | "snake_case" | "camelCase";
export type EnumStyle = "const-object" | "enum" | "union";

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
  /** Where the cache lives (default `node_modules/.cache/docs2ts` under the working directory). */
  cacheDir?: string;
  /** Stop reporting after this many errors (default 20). */
  maxErrors?: number;
  /** The command printed in banners and `--check` hints (default `npm run generate`). */
  regenerateCommand?: string;
}

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
}

/** Fills in defaults; paths are left as given (relative paths are relative to `cwd`). */
export function resolveOptions(options: GenerateOptions, cwd: string = process.cwd()): ResolvedOptions {
  return {
    input: options.input ?? "input",
    out: options.out ?? "generated",
    fieldNames: options.fieldNames ?? "as-documented",
    enumStyle: options.enumStyle ?? "const-object",
    typeMap: options.typeMap ?? {},
    cache: options.cache ?? true,
    cacheDir: options.cacheDir ?? `${cwd}/node_modules/.cache/docs2ts`,
    maxErrors: options.maxErrors ?? 20,
    regenerateCommand: options.regenerateCommand ?? "npm run generate",
  };
}
