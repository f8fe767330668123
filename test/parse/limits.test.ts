/**
 * Pathological pages end quickly with a diagnostic (pre-parse limits, the parser guard, the type-cell
 * depth limit) instead of stalling or overflowing the stack.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generate } from "../../src/pipeline/generate.js";
import { DEFAULT_LIMITS, type GenerateOptions } from "../../src/core/options.js";
import { checkPageLimits } from "../../src/parse/limits.js";
import { tryParseMarkdown } from "../../src/parse/markdown.js";

const root = mkdtempSync(join(tmpdir(), "docs2ts-hardening-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const HEADER =
  "# Model\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n";
const row = (name: string, type: string) => `| \`${name}\` | ${type} | :heavy_check_mark: | x |\n`;

let counter = 0;
async function run(pages: Record<string, string>, options: GenerateOptions = {}) {
  const input = join(root, `case-${(counter += 1)}`);
  for (const [file, text] of Object.entries(pages)) {
    mkdirSync(join(input, file, ".."), { recursive: true });
    writeFileSync(join(input, file), text);
  }
  return generate({ input, out: join(input, "..", "out"), cache: false, ...options });
}

const rules = (result: Awaited<ReturnType<typeof run>>) =>
  result.diagnostics.filter((d) => d.severity === "error").map((d) => d.ruleId);

describe("pre-parse limits", () => {
  const cases: Array<[string, string, string]> = [
    ["list markers `* ` x 8000", "* ".repeat(8000), "nesting-too-deep"],
    ["block quote `>` x 10000", ">".repeat(10000), "nesting-too-deep"],
    ["ordered markers `1. ` x 4000", "1. ".repeat(4000), "nesting-too-deep"],
    [
      "200 indented list levels",
      Array.from({ length: 200 }, (_, i) => `${" ".repeat(i * 2)}- x`).join("\n"),
      "nesting-too-deep",
    ],
    ["nested emphasis x 3000", `${"*a ".repeat(3000)}x${" a*".repeat(3000)}`, "nesting-too-deep"],
    [
      "nested link brackets x 3000",
      `${"[".repeat(3000)}x${"](a.md)".repeat(3000)}`,
      "nesting-too-deep",
    ],
    ["2,000 separate block quotes", "> q\n\n".repeat(2000), "too-many-blocks"],
    ["a page over maxPageBytes", "a".repeat(DEFAULT_LIMITS.maxPageBytes + 1), "page-too-large"],
    [
      "a table over maxTableRows",
      HEADER + row("a", "*string*").repeat(DEFAULT_LIMITS.maxTableRows + 1),
      "table-too-large",
    ],
    ["a cell over maxCellLength", HEADER + row("a", "x".repeat(20_001)), "cell-too-long"],
  ];
  it.each(cases)("%s", async (_name, text, rule) => {
    const result = await run({ "model.md": text });
    expect(rules(result)).toEqual([rule]);
    expect(result.files.filter((f) => f.path.startsWith("models"))).toEqual([]);
  });

  it("reports the offending place", () => {
    const text = `# T\n\n${Array.from({ length: 70 }, (_, i) => `${"  ".repeat(i)}- x`).join("\n")}`;
    const [diagnostic] = checkPageLimits("a.md", text, DEFAULT_LIMITS);
    // Line 3 holds depth 1; depth 65 is reached on line 67, at the 65th level's marker.
    expect(diagnostic).toMatchObject({ line: 67, column: 129, ruleId: "nesting-too-deep" });
  });

  it("limits are adjustable", async () => {
    const text = HEADER + row("a", "*string*") + row("b", "*string*") + row("c", "*string*");
    expect(rules(await run({ "model.md": text }, { limits: { maxTableRows: 2 } }))).toEqual([
      "table-too-large",
    ]);
    expect(rules(await run({ "model.md": text }, { limits: { maxTableRows: 3 } }))).toEqual([]);
    const quotes = "> q\n\n".repeat(10);
    expect(checkPageLimits("a.md", quotes, { ...DEFAULT_LIMITS, maxContainers: 9 })).toHaveLength(
      1,
    );
    expect(checkPageLimits("a.md", quotes, { ...DEFAULT_LIMITS, maxContainers: 10 })).toEqual([]);
  });

  it("passes ordinary pages: fenced code, tables, nested lists, Go pointers", () => {
    const text = [
      "# ~~Batch~~",
      "",
      "> :warning: **DEPRECATED**: x",
      "",
      "- a",
      "  - b",
      "    1. c",
      "",
      "```json",
      `${" ".repeat(400)}{ "deep": [[[[[[]]]]]] }`,
      "```",
      "",
      HEADER + row("ID", "**string*") + row("B", "[][]*map[string]*any**"),
    ].join("\n");
    expect(checkPageLimits("a.md", text, DEFAULT_LIMITS)).toEqual([]);
  });
});

describe("parser guard", () => {
  it("turns a stack overflow into a result", () => {
    // Below the limits' reach on purpose: called directly, the guard is the last line of defence.
    const parsed = tryParseMarkdown("1. ".repeat(6000));
    expect("error" in parsed ? parsed.error : undefined).toBeInstanceOf(RangeError);
  });
});

describe("type cells", () => {
  it("`[]` x 5000 is type-too-deep, not a stack overflow", async () => {
    const result = await run({ "model.md": HEADER + row("a", `${"[]".repeat(5000)}*string*`) });
    expect(rules(result)).toEqual(["type-too-deep"]);
  });

  it("`map[string]` x 3000 is type-too-deep once cells may be that long", async () => {
    const result = await run(
      { "model.md": HEADER + row("a", `${"map[string]".repeat(3000)}*string*`) },
      { limits: { maxCellLength: 100_000 } },
    );
    expect(rules(result)).toEqual(["type-too-deep"]);
  });

  it("a type at the depth limit is emitted", async () => {
    const depth = DEFAULT_LIMITS.maxTypeDepth - 2;
    const result = await run({ "model.md": HEADER + row("a", `${"[]".repeat(depth)}*string*`) });
    expect(rules(result)).toEqual([]);
    const module = result.files.find((f) => f.path.endsWith("model.ts"));
    expect(module?.content).toContain(`string${"[]".repeat(depth)}`);
  });

  it("self-referencing and mutually referencing models emit without overflowing", async () => {
    const result = await run({
      "a.md": HEADER.replace("Model", "A") + row("self", "[A](a.md)") + row("b", "[][B](b.md)"),
      "b.md": HEADER.replace("Model", "B") + row("a", "map[string][A](a.md)"),
    });
    expect(rules(result)).toEqual([]);
    expect(result.files.map((f) => f.path)).toEqual(
      expect.arrayContaining([expect.stringMatching(/a\.ts$/), expect.stringMatching(/b\.ts$/)]),
    );
  });
});

describe("maxErrors", () => {
  it("stops reading pages once more than maxErrors errors were found", async () => {
    const pages: Record<string, string> = {};
    for (let i = 0; i < 30; i += 1)
      pages[`p${String(i).padStart(2, "0")}.md`] =
        `## Fields\n\n| Field | Type |\n|---|---|\n| a | *string* |\n`;
    const result = await run(pages, { maxErrors: 5 });
    expect(rules(result)).toEqual(Array(6).fill("missing-title"));
    expect(result.files.filter((f) => f.path.startsWith("models") || /^p\d/.test(f.path))).toEqual(
      [],
    );
  });
});
