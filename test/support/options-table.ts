/** The option table the cache-key and run-stamp tests share. */
import { join } from "node:path";
import { DEFAULT_LIMITS, type ResolvedOptions } from "../../src/core/options.js";

/**
 * A non-default value of every option, paths under `base` (a test sets up `elsewhere` as a docs folder
 * and `templates` as a templates folder there). Typed by `ResolvedOptions`, so a new option fails to
 * compile until it has a value here.
 */
export function nonDefaultOptions(base: string): {
  [K in keyof ResolvedOptions]: ResolvedOptions[K];
} {
  const templates = join(base, "templates");
  return {
    input: join(base, "elsewhere"),
    out: join(base, "out-elsewhere"),
    fieldNames: "snake_case",
    enumStyle: "enum",
    typeMap: { date: "string" },
    cache: false,
    cacheDir: join(base, "other-cache"),
    maxErrors: 3,
    regenerateCommand: "make types",
    emit: ["types", "json-schema"],
    unknownKeys: "reject",
    optionalUndefined: "reject",
    int64: "bigint",
    maxIssues: 7,
    maxDepth: 9,
    dialect: "hand-written",
    dates: "Date",
    limits: { ...DEFAULT_LIMITS, maxTableRows: 50 },
    templates,
    rules: { "external-type": "off" },
    strict: true,
    importExtension: ".ts",
    overrides: { "models/components/batch.md": { fields: { ID: { description: "Overridden." } } } },
  };
}
