/**
 * Diagnostics quality (issue 5): each broken page in test/fixtures/broken/<case>/ gives exactly the
 * expected diagnostics, pointing at the offending cell's content; the CLI stops listing errors after
 * `--max-errors` with a summary and exits 1; `limits.maxContainers` is a real, configurable limit.
 *
 * test/end-to-end/golden-fixtures.test.ts pins the full text of every diagnostic (goldens); this file pins, by hand,
 * what each case is for, so refreshing the goldens cannot quietly accept a wrong place or rule.
 * The CLI tests run the built dist/cli.js (`npm test` builds first; run `npm run build` before running
 * this file alone).
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/pipeline/config.js";
import type { Diagnostic } from "../../src/core/diagnostics.js";
import { generate } from "../../src/pipeline/generate.js";
import { DEFAULT_LIMITS, type GenerateOptions } from "../../src/core/options.js";
import { checkPageLimits } from "../../src/parse/limits.js";
import { tempDir, writeTree } from "../support/helpers.js";

const BROKEN = fileURLToPath(new URL("../fixtures/broken/", import.meta.url));
const CASES = fileURLToPath(new URL("../fixtures/cases/", import.meta.url));
/** A docs defect that warns and still writes (a link to a missing page) is a golden case with output. */
const WARNS = new Set(["missing-link-target"]);
const caseDir = (name: string) => join(WARNS.has(name) ? CASES : BROKEN, name);
const CLI = fileURLToPath(new URL("../../dist/cli.js", import.meta.url));

async function diagnosticsOf(input: string, options: GenerateOptions = {}) {
  const result = await generate({
    input,
    out: join(tempDir("docs2ts-diag-out-"), "out"),
    cache: false,
    validators: false,
    ...options,
  });
  return result.diagnostics;
}

/** The warnings and errors of a broken case, without the place-independent message. */
async function problemsOf(name: string) {
  const diagnostics = await diagnosticsOf(join(caseDir(name), "input"));
  return diagnostics.filter((d) => d.severity !== "info").map(({ message: _, ...place }) => place);
}

/** The source lines of a broken case's page. */
function linesOf(name: string, file: string): string[] {
  return readFileSync(join(caseDir(name), "input", file), "utf8").split("\n");
}

/** The source text from a diagnostic's line and column on: what the column claims to point at. */
function textAt(name: string, d: Pick<Diagnostic, "file" | "line" | "column">): string {
  return (linesOf(name, d.file)[d.line - 1] ?? "").slice(d.column - 1);
}

/** The source text a one-line diagnostic spans, from its start to its (exclusive) end. */
function spanOf(name: string, d: Omit<Diagnostic, "message">): string {
  expect(d.endLine).toBe(d.line);
  return (linesOf(name, d.file)[d.line - 1] ?? "").slice(d.column - 1, d.endColumn - 1);
}

describe("broken pages: exact diagnostics at the offending cell", () => {
  // Each row: case, the one diagnostic it must give, and the text the column must point at. The
  // columns were counted by hand on the page (1-based, counting the leading `|`):
  const cases: Array<[string, Omit<Diagnostic, "message">, string]> = [
    [
      // Line 8 `| \`Item\` | [components.Item](../items/item.md) |`: `|` 1, space 2, `` `Item` `` 3-8,
      // space 9, `|` 10, space 11, `[` 12: the type cell's link.
      "missing-link-target",
      {
        file: "models/order.md",
        line: 8,
        column: 12,
        endLine: 8,
        endColumn: 47,
        severity: "warning",
        ruleId: "unresolved-ref",
      },
      "[components.Item](../items/item.md)",
    ],
    [
      // Line 8 `| \`Total\` | *int128*  |`: `|` 1, space 2, `` `Total` `` 3-9, space 10, `|` 11,
      // space 12, `*` 13: the type cell's emphasis.
      "unknown-type",
      {
        file: "models/counter.md",
        line: 8,
        column: 13,
        endLine: 8,
        endColumn: 21,
        severity: "warning",
        ruleId: "unknown-type",
      },
      "*int128*",
    ],
    [
      // Line 9 (the second `ID` row) `| \`ID\`    |`: `|` 1, space 2, the backtick 3: the name cell.
      "duplicate-field",
      {
        file: "models/account.md",
        line: 9,
        column: 3,
        endLine: 9,
        endColumn: 7,
        severity: "error",
        ruleId: "duplicate-field",
      },
      "`ID`",
    ],
    [
      // Line 8 `|   \`Amount\` |`: `|` 1, three spaces 2-4, the backtick 5: the row's only cell's content
      // (the missing type cell has no place of its own, so the row's first cell stands for it).
      "too-few-cells",
      {
        file: "models/invoice.md",
        line: 8,
        column: 5,
        endLine: 8,
        endColumn: 13,
        severity: "error",
        ruleId: "table-row-cells",
      },
      "`Amount`",
    ],
    [
      // Line 1 is `#` alone: there is no title text to point at, so the heading itself, column 1.
      "empty-title",
      {
        file: "models/nameless.md",
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 2,
        severity: "error",
        ruleId: "missing-title",
      },
      "#",
    ],
  ];

  it.each(cases)("%s", async (name, want, pointedAt) => {
    expect(await problemsOf(name)).toEqual([want]);
    expect(textAt(name, want).startsWith(pointedAt)).toBe(true);
    // The end closes the span on exactly the offending cell's content (or heading).
    expect(spanOf(name, want)).toBe(pointedAt);
  });

  it("covers every broken case folder but the known gaps below", () => {
    const folders = readdirSync(BROKEN).sort();
    const covered = [
      ...cases.map(([name]) => name).filter((name) => !WARNS.has(name)),
      "duplicate-name-across-folders",
    ].sort();
    expect(folders).toEqual(covered);
  });

  // Same-named models in two folders work (index.ts namespaces the folders) and say so.
  it("duplicate-name-across-folders: a duplicate-name warning at the second page's title", async () => {
    expect(await problemsOf("duplicate-name-across-folders")).toContainEqual({
      file: "models/billing/user.md",
      line: 1,
      column: 1,
      // The whole title heading, `# User`.
      endLine: 1,
      endColumn: 7,
      severity: "warning",
      ruleId: "duplicate-name",
    });
  });

  // A Required column that is present in the header but missing in a row makes optionality a guess.
  it("a row missing its Required cell gives a table-row-cells warning", async () => {
    const input = tempDir("docs2ts-diag-");
    writeTree(input, {
      "invoice.md": [
        "# Invoice",
        "",
        "## Fields",
        "",
        "| Field    | Type      | Required           | Description |",
        "| -------- | --------- | ------------------ | ----------- |",
        "| `Amount` | *float64* |",
        "",
      ].join("\n"),
    });
    const problems = (await diagnosticsOf(input)).filter((d) => d.severity !== "info");
    expect(problems).toContainEqual(
      expect.objectContaining({ file: "invoice.md", line: 7, ruleId: "table-row-cells" }),
    );
  });
});

describe("--max-errors", () => {
  /**
   * A page whose one field links outside the input folder: one link-outside-root error, found after
   * every page is read (as the references are resolved), so every page is checked.
   */
  const outsideLink = (i: number) =>
    `# Broken${i}\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n| \`A\` | [components.Nope](../nope.md) | :heavy_check_mark: | N/A |\n`;
  /** A model page with an empty title: one missing-title error while the page is read. */
  const emptyTitle = () =>
    "#\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n| `A` | *string* | :heavy_check_mark: | N/A |\n";

  function folderOf(pages: number, page: (i: number) => string): string {
    const dir = tempDir("docs2ts-max-errors-");
    const files: Record<string, string> = {};
    // Zero-padded names keep the code-point order equal to the numeric order.
    for (let i = 1; i <= pages; i += 1) files[`input/p${String(i).padStart(2, "0")}.md`] = page(i);
    writeTree(dir, files);
    return dir;
  }

  function run(dir: string, extra: string[] = []) {
    expect(existsSync(CLI), "dist/cli.js is missing: run `npm run build` first").toBe(true);
    const result = spawnSync(
      process.execPath,
      [CLI, "generate", "--input", "input", "--out", "out", "--no-cache", ...extra],
      { cwd: dir, encoding: "utf8", env: { ...process.env, CI: "" } },
    );
    const lines = result.stderr.split("\n");
    return {
      code: result.status,
      errors: lines.filter((line) => / error .*\[[a-z-]+\]$/.test(line)),
      stopped: lines.filter((line) => line.startsWith("Stopped after")),
      wroteOut: existsSync(join(dir, "out")),
    };
  }

  it("prints the first 20 errors by default, then a summary, and exits 1", () => {
    const got = run(folderOf(30, outsideLink));
    expect(got.errors).toHaveLength(20);
    expect(got.errors[0]).toBe(
      "input/p01.md:7:9: error Unexpected link `../nope.md` to `../nope.md`, outside the input folder, expected a page inside it (point the input at a folder that holds both pages, or link a page inside) [link-outside-root]",
    );
    expect(got.errors[19]).toMatch(/^input\/p20\.md:7:9: error /);
    expect(got.stopped).toEqual([
      "Stopped after 20 errors (10 more not shown; raise --max-errors to see them).",
    ]);
    expect(got.code).toBe(1);
    expect(got.wroteOut).toBe(false);
  });

  it("--max-errors 5 prints exactly 5", () => {
    const got = run(folderOf(30, outsideLink), ["--max-errors", "5"]);
    expect(got.errors).toHaveLength(5);
    expect(got.errors[4]).toMatch(/^input\/p05\.md:7:9: error /);
    expect(got.stopped).toEqual([
      "Stopped after 5 errors (25 more not shown; raise --max-errors to see them).",
    ]);
    expect(got.code).toBe(1);
  });

  it("stops reading pages once past the limit (errors found while reading)", () => {
    const got = run(folderOf(30, emptyTitle), ["--max-errors", "5"]);
    expect(got.errors).toHaveLength(5);
    expect(got.errors[0]).toMatch(/^input\/p01\.md:1:1: error .*\[missing-title\]$/);
    // Reading stops at the sixth error, so one more is known and the 24 pages after it are unread.
    expect(got.stopped).toEqual([
      "Stopped after 5 errors (1 more not shown; 24 of 30 pages not checked; raise --max-errors to see them).",
    ]);
    expect(got.code).toBe(1);
    expect(got.wroteOut).toBe(false);
  });

  it("no summary when every error fits", () => {
    const got = run(folderOf(30, outsideLink), ["--max-errors", "30"]);
    expect(got.errors).toHaveLength(30);
    expect(got.stopped).toEqual([]);
    expect(got.code).toBe(1);
  });
});

describe("limits.maxContainers", () => {
  /** `count` separate block quotes: each one opens a container. */
  const quotes = (count: number) => `# Quotes\n\n${"> q\n\n".repeat(count)}`;

  it("defaults to 1,000 separate lists and block quotes", () => {
    expect(DEFAULT_LIMITS.maxContainers).toBe(1000);
    expect(checkPageLimits("a.md", quotes(1000), DEFAULT_LIMITS)).toEqual([]);
    expect(checkPageLimits("a.md", quotes(1001), DEFAULT_LIMITS)).toEqual([
      {
        file: "a.md",
        // Line 1 is the title, line 2 blank, then a quote and a blank line each: quote n is on line 2n+1.
        line: 2003,
        column: 1,
        // The scan knows where the offending block starts, not where it ends: the end is the start.
        endLine: 2003,
        endColumn: 1,
        severity: "error",
        ruleId: "too-many-blocks",
        message:
          "Unexpected page with more than 1000 separate lists and block quotes, expected at most 1000 (limits.maxContainers)",
      },
    ]);
  });

  it("is adjustable through generate's limits option", async () => {
    const input = tempDir("docs2ts-containers-");
    // A model beside the page of quotes: a folder with no model at all is a `no-models` error.
    writeTree(input, {
      "quotes.md": quotes(12),
      "model.md": "# Model\n\n| Field | Type |\n| --- | --- |\n| id | string |\n",
    });
    const rules = async (limits: NonNullable<GenerateOptions["limits"]>) =>
      (await diagnosticsOf(input, { limits }))
        .filter((d) => d.severity === "error")
        .map((d) => d.ruleId);
    expect(await rules({ maxContainers: 11 })).toEqual(["too-many-blocks"]);
    expect(await rules({ maxContainers: 12 })).toEqual([]);
  });

  it("is accepted in a config file, and a misspelt key is not", async () => {
    const dir = tempDir("docs2ts-containers-config-");
    writeFileSync(
      join(dir, "docs2ts.config.json"),
      JSON.stringify({ limits: { maxContainers: 2000 } }),
    );
    const loaded = await loadConfig(undefined, dir);
    expect(loaded.projects[0]?.limits).toEqual({ maxContainers: 2000 });
    writeFileSync(join(dir, "docs2ts.config.json"), JSON.stringify({ limits: { maxBlocks: 2 } }));
    await expect(loadConfig(undefined, dir)).rejects.toThrow(/maxContainers/);
  });
});

describe("rules", () => {
  it("turns a rule off, or down from error to warning so the run succeeds", async () => {
    const input = tempDir("docs2ts-rules-");
    writeTree(input, {
      "a.md":
        "# A\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n| `b` | *string* | :heavy_check_mark: | N/A |\n| `b` | *string* | :heavy_check_mark: | N/A |\n| `c` | *int128* | :heavy_check_mark: | N/A |\n",
    });
    const plain = await generate({ input, cache: false });
    expect(plain.diagnostics.map((d) => `${d.severity} ${d.ruleId}`)).toEqual([
      "error duplicate-field",
      "warning unknown-type",
    ]);
    const graded = await generate({
      input,
      cache: false,
      rules: { "duplicate-field": "warning", "unknown-type": "off" },
    });
    expect(graded.diagnostics.map((d) => `${d.severity} ${d.ruleId}`)).toEqual([
      "warning duplicate-field",
    ]);
    expect(graded.files.find((f) => f.path === "a.ts")?.content).toContain("c: unknown;");
  });
});
