/**
 * Shared test helpers: temporary folders, corpus paths and a strict TypeScript check of generated output.
 */
import { existsSync, mkdtempSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { afterAll, describe, it, type SuiteAPI, type TestAPI } from "vitest";
import type { OutputFile } from "../../src/write/output.js";

/** The project root. */
export const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** The folder of shared test data beside the clone (../shared: corpora, specs, seeds). */
export const SHARED = fileURLToPath(new URL("../../../shared/", import.meta.url));

/**
 * Whether ../shared is there. A plain clone has no ../shared: the tests that read it are skipped
 * (vitest counts them in its summary); CI always has it (.ci/run fails without it).
 */
export const HAS_SHARED = existsSync(join(SHARED, "corpus"));

/** `describe` for tests that read ../shared: skipped when it is absent. */
export const describeShared = (HAS_SHARED ? describe : describe.skip) as SuiteAPI;

/** `it` for tests that read ../shared: skipped when it is absent. */
export const itShared = (HAS_SHARED ? it : it.skip) as TestAPI;

/** The six docs folders under ../shared/corpus that the layout tests sweep (one per first dialect). */
export const CORPORA = [
  "speakeasy-go-openai",
  "speakeasy-ts-openai",
  "speakeasy-py-mistral",
  "speakeasy-go-dub",
  "openapi-generator-ory-go",
  "openapi-generator-ory-python",
] as const;

/** Every docs folder under ../shared/corpus (each SDK language and generator there). */
export const ALL_CORPORA: readonly string[] = HAS_SHARED
  ? readdirSync(join(SHARED, "corpus"), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort()
  : [];

/** Every docs folder under ../shared/families (one per family of docs no SDK generator wrote). */
export const ALL_FAMILY_FOLDERS: readonly string[] = HAS_SHARED
  ? readdirSync(join(SHARED, "families"), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort()
  : [];

/** A folder in ../shared/families, as a user would point docs2ts at it. */
export function familyFolder(name: string): string {
  return join(SHARED, "families", name);
}

/** A corpus folder in ../shared/corpus, as a user would point docs2ts at it. */
export function corpus(name: string): string {
  return fileURLToPath(new URL(`../../../shared/corpus/${name}`, import.meta.url));
}

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A fresh temporary folder, removed after the test file. */
export function tempDir(prefix = "docs2ts-test-"): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** Writes `files` (relative path -> text) under `root`. */
export function writeTree(root: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

/** Writes generated files to a temporary folder and returns it. */
export function writeOutputFiles(files: readonly OutputFile[]): string {
  const dir = tempDir("docs2ts-out-");
  writeTree(dir, Object.fromEntries(files.map((file) => [file.path, file.content])));
  // Generated code is ES modules; NodeNext needs to know the folder is ESM.
  writeTree(dir, { "package.json": '{ "type": "module" }\n' });
  return dir;
}

/** The strictest settings users compile generated code with. */
export const STRICT_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  strict: true,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
  noImplicitOverride: true,
  verbatimModuleSyntax: true,
  isolatedModules: true,
  noEmit: true,
  skipLibCheck: true,
  types: [],
};

/** Type-checks every `.ts` file in `files` with strict settings; returns the formatted errors. */
export function strictTypeErrors(
  files: readonly OutputFile[],
  options: ts.CompilerOptions = STRICT_OPTIONS,
): string[] {
  const dir = writeOutputFiles(files);
  const roots = files
    .filter((file) => file.path.endsWith(".ts"))
    .map((file) => join(dir, file.path));
  const program = ts.createProgram(roots, options);
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const where =
      d.file && d.start !== undefined
        ? `${d.file.fileName.slice(dir.length + 1)}:${d.file.getLineAndCharacterOfPosition(d.start).line + 1}: `
        : "";
    return `${where}${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
  });
}

/**
 * A model page in Speakeasy's anatomy: `# title`, `## Fields` and a `Field | Type | Required |
 * Description` table of `rows` (each a whole Markdown row).
 */
export function modelPage(title: string, rows: readonly string[]): string {
  return [
    `# ${title}`,
    "",
    "## Fields",
    "",
    "| Field | Type | Required | Description |",
    "| --- | --- | --- | --- |",
    ...rows,
    "",
  ].join("\n");
}
