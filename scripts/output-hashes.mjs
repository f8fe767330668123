// Prints two hashes of docs2ts's whole output for each docs folder, one of the files (every file's
// path and text) and one of the diagnostics (with their positions), under the default options and
// under each non-default value of each option that changes output. Run it before and after a refactor
// that must not change the output and compare the two listings: `node scripts/output-hashes.mjs > before.txt` ... `diff before.txt after.txt`.
//
// Usage: npm run build && node scripts/output-hashes.mjs [--dist DIR] [--only NAME,...] [folder ...]
// (default: every folder of ../shared/corpus; --dist: another build of docs2ts, to compare two builds;
// --only: these option sets only, by the names printed, e.g. `--only default,enumStyle=enum`)
import { createHash } from "node:crypto";
import { existsSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = fileURLToPath(new URL("../", import.meta.url));
const args = process.argv.slice(2);
const distAt = args.indexOf("--dist");
const dist = distAt >= 0 ? resolve(args.splice(distAt, 2)[1]) : join(root, "dist");
const onlyAt = args.indexOf("--only");
const only = onlyAt >= 0 ? new Set(args.splice(onlyAt, 2)[1].split(",")) : undefined;
const { generate } = await import(pathToFileURL(join(dist, "index.js")).href);

/** Each option that changes output, with every value other than its default. */
const VARIANTS = [
  ["default", {}],
  ["fieldNames=snake_case", { fieldNames: "snake_case" }],
  ["fieldNames=camelCase", { fieldNames: "camelCase" }],
  ["enumStyle=enum", { enumStyle: "enum" }],
  ["enumStyle=union", { enumStyle: "union" }],
  ["typeMap", { typeMap: { string: "unknown", "time.Time": "number", datetime: "number" } }],
  ["regenerateCommand", { regenerateCommand: "make types" }],
  ["validators=false", { validators: false }],
  ["jsonSchema=true", { jsonSchema: true }],
  ["unknownKeys=reject", { unknownKeys: "reject" }],
  ["optionalUndefined=reject", { optionalUndefined: "reject" }],
  ["int64=bigint", { int64: "bigint" }],
  ["maxIssues=7", { maxIssues: 7 }],
  ["maxDepth=9", { maxDepth: 9 }],
  ["dialect=hand-written", { dialect: "hand-written" }],
  ["dates=Date", { dates: "Date" }],
  ["limits.maxTableRows=50", { limits: { maxTableRows: 50 } }],
  ["importExtension=.ts", { importExtension: ".ts" }],
  ["rules", { rules: { "external-type": "off", "ref-by-name": "error" } }],
  ["maxErrors=3", { maxErrors: 3 }],
];

const corpusRoot = join(root, "../shared/corpus");
const folders = args.length
  ? args
  : existsSync(corpusRoot)
    ? readdirSync(corpusRoot, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => join(corpusRoot, entry.name))
        .sort()
    : [];
if (folders.length === 0) {
  console.error("no folders: pass docs folders, or put ../shared/corpus beside the repository");
  process.exit(2);
}

if (only) {
  const unknown = [...only].filter((name) => !VARIANTS.some(([known]) => known === name));
  if (unknown.length > 0) {
    console.error(`unknown option sets: ${unknown.join(", ")}`);
    process.exit(2);
  }
}
for (const folder of folders) {
  for (const [name, options] of VARIANTS) {
    if (only && !only.has(name)) continue;
    const result = await generate({
      input: folder,
      out: "/nonexistent-docs2ts-out",
      cache: false,
      ...options,
    });
    const files = createHash("sha256");
    for (const file of [...result.files].sort((a, b) =>
      a.path < b.path ? -1 : a.path > b.path ? 1 : 0,
    ))
      files.update(`${file.path}\0${file.content}\0`);
    const diagnostics = createHash("sha256");
    for (const d of result.diagnostics)
      diagnostics.update(
        `${d.file}:${d.line}:${d.column}:${d.severity}:${d.ruleId}:${d.message}\0`,
      );
    const short = (hash) => hash.digest("hex").slice(0, 16);
    console.log(`${short(files)} ${short(diagnostics)}  ${folder.split("/").at(-1)}  ${name}`);
  }
}
