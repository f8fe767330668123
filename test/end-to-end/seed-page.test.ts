/**
 * End-to-end behaviour of the foundation: the seed's golden types, byte-stable output, atomic failure,
 * and the whole Speakeasy Go corpus.
 */
import { readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeOutput } from "../../src/pipeline/api.js";
import { generate } from "../../src/pipeline/generate.js";
import {
  corpus,
  describeShared,
  ROOT,
  strictTypeErrors,
  tempDir,
  writeTree,
} from "../support/helpers.js";
import { createHash } from "node:crypto";
import { readGeneratedFiles } from "../../src/write/output.js";

const INPUT = join(ROOT, "input");
/** The pages under input/models/components/: the seed and the pages it links to. */
const SEED_PAGES = [
  "batch",
  "batchobject",
  "errors",
  "batchdata",
  "status",
  "requestcounts",
  "batchmetadata",
];

function fileOf(result: Awaited<ReturnType<typeof generate>>, path: string): string {
  const file = result.files.find((f) => f.path === path);
  if (!file) throw new Error(`no ${path} in ${result.files.map((f) => f.path).join(", ")}`);
  return file.content;
}

function hashOf(files: ReadonlyArray<{ path: string; content: string }>): string {
  const hash = createHash("sha256");
  for (const file of files) hash.update(`${file.path}\0${file.content}\0`);
  return hash.digest("hex");
}

/** The members of `export interface Name { ... }` as `name?: type` lines, comments dropped. */
function interfaceMembers(text: string, name: string): string[] {
  const body =
    new RegExp(`export interface ${name} \\{\\n([\\s\\S]*?)\\n\\}`).exec(text)?.[1] ?? "";
  return body
    .replace(/\/\*\*[\s\S]*?\*\//g, "")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "");
}

describe("the seed page", () => {
  it("pins the Batch interface: 20 fields with the documented optionality and types", async () => {
    const result = await generate({ input: INPUT, cache: false });
    expect(result.diagnostics.filter((d) => d.severity !== "info")).toEqual([]);
    const batch = fileOf(result, "models/components/batch.ts");
    expect(interfaceMembers(batch, "Batch")).toEqual([
      "ID: string;",
      "Object: BatchObject;",
      "Endpoint: string;",
      "Errors?: Errors | null;",
      "InputFileID: string;",
      "CompletionWindow: string;",
      "Status: Status;",
      "OutputFileID?: string | null;",
      "ErrorFileID?: string | null;",
      "CreatedAt: number;",
      "InProgressAt?: number | null;",
      "ExpiresAt?: number | null;",
      "FinalizingAt?: number | null;",
      "CompletedAt?: number | null;",
      "FailedAt?: number | null;",
      "ExpiredAt?: number | null;",
      "CancellingAt?: number | null;",
      "CancelledAt?: number | null;",
      "RequestCounts?: RequestCounts | null;",
      "Metadata?: BatchMetadata | null;",
    ]);
    expect(batch).toContain(
      "/** The OpenAI API endpoint used by the batch. */\n  Endpoint: string;",
    );
    expect(batch).toContain(
      "   * The Unix timestamp (in seconds) for when the batch was created.\n   * @format int64\n   */\n  CreatedAt: number;",
    );
    expect(batch).toMatch(/import \{[^}]*\btype BatchObject\b[^}]*\} from "\.\/batchobject\.js";/);
    // `N/A` descriptions give no comment at all.
    expect(batch).toMatch(/\n  ID: string;/);
    expect(batch).not.toContain("N/A");
  });

  it("emits the Status enum as a literal union plus a const object with prefix-free keys", async () => {
    const result = await generate({ input: INPUT, cache: false });
    const status = fileOf(result, "models/components/status.ts");
    expect(status).toContain(
      'export type Status =\n  | "validating"\n  | "failed"\n  | "in_progress"',
    );
    expect(status).toContain(
      'export const Status = {\n  Validating: "validating",\n  Failed: "failed",\n  InProgress: "in_progress",',
    );
    const object = fileOf(result, "models/components/batchobject.ts");
    expect(object).toContain('export type BatchObject = "batch";');
    expect(object).toContain('Batch: "batch",');
  });

  it("honours enumStyle and fieldNames", async () => {
    const asEnum = await generate({
      input: INPUT,
      cache: false,
      enumStyle: "enum",
      fieldNames: "snake_case",
    });
    expect(fileOf(asEnum, "models/components/status.ts")).toContain(
      'export enum Status {\n  Validating = "validating",',
    );
    const batch = fileOf(asEnum, "models/components/batch.ts");
    expect(batch).toContain("input_file_id: string;");
    expect(batch).toContain("id: string;");
    const asUnion = await generate({
      input: INPUT,
      cache: false,
      enumStyle: "union",
      fieldNames: "camelCase",
    });
    expect(fileOf(asUnion, "models/components/status.ts")).not.toContain("export const Status =");
    expect(fileOf(asUnion, "models/components/batch.ts")).toContain("inputFileId: string;");
  });

  it("matches the committed generated/ folder", async () => {
    const result = await generate({ input: INPUT, cache: false });
    const committed = await readGeneratedFiles(join(ROOT, "generated"));
    expect(new Map(result.files.map((f) => [f.path, f.content]))).toEqual(committed);
  });
});

describe("byte-stable output", () => {
  it("gives identical bytes for two runs, and for CRLF endings with a byte-order mark", async () => {
    const first = await generate({ input: INPUT, cache: false });
    const second = await generate({ input: INPUT, cache: false });
    expect(hashOf(second.files)).toBe(hashOf(first.files));
    const crlf = tempDir();
    const pages: Record<string, string> = {};
    for (const name of SEED_PAGES) {
      const text = readFileSync(join(INPUT, "models/components", `${name}.md`), "utf8");
      pages[`models/components/${name}.md`] = `\uFEFF${text.replace(/\n/g, "\r\n")}`;
    }
    writeTree(crlf, pages);
    const third = await generate({ input: crlf, cache: false });
    expect(third.diagnostics).toEqual(first.diagnostics);
    expect(hashOf(third.files)).toBe(hashOf(first.files));
  });

  it("gives the same bytes from the cache as without it", async () => {
    const cacheDir = tempDir();
    const cold = await generate({ input: INPUT, cacheDir });
    const warm = await generate({ input: INPUT, cacheDir });
    expect(warm.stats.cachedModules).toBe(warm.stats.modules);
    expect(warm.stats.cachedPages).toBe(warm.stats.pages);
    expect(hashOf(warm.files)).toBe(hashOf(cold.files));
    expect(warm.diagnostics).toEqual(cold.diagnostics);
  });
});

describe("failures", () => {
  it("leaves the output folder untouched when a link is broken under --strict, and reports the cell", async () => {
    const docs = tempDir();
    const out = tempDir();
    writeTree(docs, {
      "a.md":
        "# A\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n| `B` | [components.B](./b.md) | :heavy_check_mark: | N/A |\n",
    });
    writeTree(out, {
      "keep.ts": "// @generated by docs2ts from old.md\nexport type Old = string;\n",
    });
    // A link to a missing page is a warning (the run writes); `strict` makes it an error.
    const result = await writeOutput({ input: docs, out, cache: false, strict: true });
    expect(result.failed).toBe(true);
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([
      {
        file: "a.md",
        line: 7,
        column: 9,
        endLine: 7,
        endColumn: 31,
        severity: "error",
        ruleId: "unresolved-ref",
        message:
          "Unexpected reference to `B` (link `./b.md`), expected a model page in the input folder; using `unknown`",
      },
    ]);
    expect([...(await readGeneratedFiles(out)).keys()]).toEqual(["keep.ts"]);
  });

  it("removes files it generated before and no longer produces, and never touches other files", async () => {
    const out = tempDir();
    writeTree(out, {
      "stale.ts": "// @generated by docs2ts from gone.md\nexport type Gone = string;\n",
      "mine.ts": "export const userCode = 1;\n",
    });
    const result = await writeOutput({ input: INPUT, out, cache: false });
    expect(result.changes.removed.map((f) => f.path)).toEqual(["stale.ts"]);
    const after = await readGeneratedFiles(out);
    expect(after.has("stale.ts")).toBe(false);
    expect(readFileSync(join(out, "mine.ts"), "utf8")).toBe("export const userCode = 1;\n");
    const again = await writeOutput({ input: INPUT, out, cache: false });
    expect(
      again.changes.added.length + again.changes.changed.length + again.changes.removed.length,
    ).toBe(0);
  });
});

describe("rewrites only what changed", () => {
  it("keeps unchanged files (same inode and modification time) when another page changes", async () => {
    const docs = tempDir();
    const out = tempDir();
    const pages: Record<string, string> = {};
    for (const name of SEED_PAGES) {
      pages[`models/components/${name}.md`] = readFileSync(
        join(INPUT, "models/components", `${name}.md`),
        "utf8",
      );
    }
    writeTree(docs, pages);
    await writeOutput({ input: docs, out, cache: false });
    const before = statSync(join(out, "models/components/requestcounts.ts"));
    const status = join(docs, "models/components/status.md");
    writeFileSync(
      status,
      readFileSync(status, "utf8").replace("Where the batch is", "Where the batch now is"),
    );
    const run = await writeOutput({ input: docs, out, cache: false });
    expect(run.changes.changed.map((f) => f.path)).toEqual(["models/components/status.ts"]);
    const after = statSync(join(out, "models/components/requestcounts.ts"));
    expect(after.ino).toBe(before.ino);
    expect(after.mtimeMs).toBe(before.mtimeMs);
    expect(readFileSync(join(out, "models/components/status.ts"), "utf8")).toContain(
      "Where the batch now is",
    );
  });
});

describeShared("the Speakeasy Go corpus", () => {
  it("generates with zero errors, under 0.5% unknown types, and strict-tsc-clean output", async () => {
    const result = await generate({ input: corpus("speakeasy-go-openai"), cache: false });
    const errors = result.diagnostics.filter((d) => d.severity === "error");
    expect(errors).toEqual([]);
    const fields = result.decls.reduce(
      (n, d) => n + (d.kind === "object" ? d.fields.length : 0),
      0,
    );
    const unknown = result.diagnostics.filter(
      (d) => d.ruleId === "unknown-type" || d.ruleId === "external-type",
    ).length;
    expect(fields).toBe(1456);
    expect(unknown / fields).toBeLessThan(0.005);
    expect(result.stats.models).toBe(787);
    expect(strictTypeErrors(result.files)).toEqual([]);
  }, 240_000);
});
