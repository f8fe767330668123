/**
 * Hostile MDX pages and front matter: YAML tags and alias bombs, TOML, huge front matter, MDX with
 * `import`/`export`, expressions and JSX that would run code if anything ran it, unclosed and deeply
 * nested JSX, hostile `<a id>` anchors. Nothing runs, nothing is printed, nothing crashes, the tables
 * are read, and diagnostics point into the page as written.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { loadFrontmatterReader, readFrontmatter } from "../../src/parse/frontmatter.js";
import { loadSyntax, parseMarkdown } from "../../src/parse/markdown.js";
import { mdxNestingOver } from "../../src/parse/mdx-nesting.js";
import { generate } from "../../src/pipeline/generate.js";
import { moduleProblem } from "./fuzz-pages.js";
import { strictTypeErrors, tempDir, writeTree } from "../support/helpers.js";

const TABLE =
  "### Parcel Object\n\n| Field | Type | Description |\n| --- | --- | --- |\n| id | string | The id |\n| weight | integer | Grams |\n";

const sentinel = globalThis as { docs2tsRan?: number };

afterEach(() => {
  vi.restoreAllMocks();
  delete sentinel.docs2tsRan;
});

/** Generates a folder of pages; checks that nothing ran or was printed and every module is inert. */
async function run(files: Record<string, string>, limits?: Record<string, number>) {
  const warn = vi.spyOn(process, "emitWarning");
  const exit = vi.spyOn(process, "exit").mockImplementation(() => undefined as never);
  const docs = tempDir();
  writeTree(docs, files);
  const result = await generate({ input: docs, cache: false, ...(limits ? { limits } : {}) });
  expect(warn).not.toHaveBeenCalled();
  expect(exit).not.toHaveBeenCalled();
  expect(sentinel.docs2tsRan).toBeUndefined();
  for (const file of result.files)
    if (file.path.endsWith(".ts")) expect(moduleProblem(file.path, file.content)).toBeUndefined();
  return result;
}

const errors = (result: Awaited<ReturnType<typeof run>>) =>
  result.diagnostics.filter((d) => d.severity === "error");
/** The `syntax-fallback` warnings, as `file:line:col`. */
const fallbacks = (result: Awaited<ReturnType<typeof run>>) =>
  result.diagnostics
    .filter((d) => d.ruleId === "syntax-fallback")
    .map((d) => `${d.file}:${d.line}:${d.column} ${d.severity}`);
/** The module that declares `name` (one model's module, or its page's). */
const typeText = (result: Awaited<ReturnType<typeof run>>, name: string) =>
  result.files.find((f) => f.content.includes(`export interface ${name} {`))?.content ?? "";

async function frontmatterOf(text: string) {
  const kind = text.startsWith("+++") ? "toml" : "yaml";
  await loadFrontmatterReader(kind);
  await loadSyntax({ mdx: false, frontmatter: kind });
  return readFrontmatter(parseMarkdown(text, { mdx: false, frontmatter: kind }));
}

describe("front matter is data", () => {
  it("YAML tags name no type and run nothing, and the yaml package prints nothing", async () => {
    const result = await run({
      "parcel.mdx": `---
title: !!js/function 'function () { globalThis.docs2tsRan = 1 }'
pattern: !!js/regexp /x/g
nothing: !!js/undefined ''
system: !!python/object/apply:os.system ["exit 3"]
long: !<tag:yaml.org,2002:js/function> 'function () { globalThis.docs2tsRan = 2 }'
---

${TABLE}`,
    });
    expect(errors(result)).toEqual([]);
    expect(typeText(result, "Parcel")).toContain("export interface Parcel {");
    const data = await frontmatterOf("---\ntitle: !!js/function 'Courier'\n---\n");
    // An unknown tag leaves the scalar as the text it tags.
    expect(data).toEqual({ data: { title: "Courier" } });
  });

  it("an alias bomb is an error of the front matter, not gigabytes, and the page is read", async () => {
    const levels = "abcdefghij".split("");
    const bomb = levels
      .map(
        (c, i) =>
          `${c}: &${c} [${Array(9)
            .fill(i ? `*${levels[i - 1]}` : '"lol"')
            .join(", ")}]`,
      )
      .join("\n");
    const read = await frontmatterOf(`---\n${bomb}\n---\n`);
    expect(read && "error" in read ? read.error : "").toMatch(/alias/i);
    const result = await run({ "parcel.mdx": `---\n${bomb}\n---\n\n${TABLE}` });
    expect(fallbacks(result)).toEqual(["parcel.mdx:1:1 warning"]);
    expect(result.diagnostics).toHaveLength(1);
    expect(typeText(result, "Parcel")).toContain("weight?: number;");
  });

  it("merge keys merge nothing, and a key written twice keeps its last value", async () => {
    expect(await frontmatterOf("---\nbase: &b { title: Shelf }\n<<: *b\n---\n")).toEqual({
      data: { base: { title: "Shelf" }, "<<": { title: "Shelf" } },
    });
    // The duplicate check would cost the square of the keys; the title below names the model.
    const keys = Array.from({ length: 2000 }, (_, i) => `key${i}: value ${i}`).join("\n");
    const result = await run({
      "courier.md": `---\ntitle: Shelf\n${keys}\ntitle: Courier\n---\n\n| Field | Type | Description |\n| --- | --- | --- |\n| id | string | The id |\n`,
    });
    expect(errors(result)).toEqual([]);
    expect(typeText(result, "Courier")).toContain("export interface Courier {");
  });

  it("front matter too deep or too long for the YAML reader is not read; the page is", async () => {
    // 40,000 brackets ran the YAML reader out of memory, killing the process.
    const deep = await frontmatterOf(`---\ntitle: ${"[".repeat(40_000)}\n---\n`);
    expect(deep && "error" in deep ? deep.error : "").toMatch(/nested more than 64/);
    const long = `---\ntitle: Shelf\n${"key: &x value\n".repeat(6000)}---\n`;
    const read = await frontmatterOf(long);
    expect(read && "error" in read ? read.error : "").toMatch(/expected at most 65536/);
    const table = "| Field | Type | Description |\n| --- | --- | --- |\n| id | string | The id |\n";
    const result = await run({
      "courier.md": `---\ntitle: ${"{".repeat(40_000)}\n---\n\n${table}`,
      "bin.md": `${long}\n${table}`,
    });
    expect(errors(result)).toEqual([]);
    expect(fallbacks(result)).toEqual(["bin.md:1:1 warning", "courier.md:1:1 warning"]);
    // Named by the page, not by the title the front matter would have given.
    expect(typeText(result, "Courier")).toContain("id?: string;");
    expect(typeText(result, "Bin")).toContain("id?: string;");
  });

  it("TOML front matter is read; a hostile or broken one is skipped and the page read", async () => {
    const table = "| Field | Type | Description |\n| --- | --- | --- |\n| id | string | The id |\n";
    const deep = `${"{a=".repeat(3000)}1${"}".repeat(3000)}`;
    const result = await run({
      "courier.md": `+++\ntitle = "Courier"\n[extra]\nweight = 3\n+++\n\n${table}`,
      "shelf.md": `+++\ntitle = "Shelf"\nnested = ${deep}\n+++\n\n${table}`,
      "bin.md": `+++\ntitle = = "Bin"\n+++\n\n${table}`,
    });
    expect(errors(result)).toEqual([]);
    expect(typeText(result, "Courier")).toContain("export interface Courier {");
    expect(typeText(result, "Shelf")).toMatch(/export interface \w+ \{/);
    expect(typeText(result, "Bin")).toContain("export interface Bin {");
  });

  it("a front matter over the page limit stops the page before it is parsed, at 1:1", async () => {
    const keys = Array.from({ length: 2000 }, (_, i) => `key${i}: ${"x".repeat(20)}`).join("\n");
    const result = await run(
      { "parcel.mdx": `---\n${keys}\n---\n\n${TABLE}` },
      { maxPageBytes: 20_000 },
    );
    expect(result.diagnostics.map((d) => [d.ruleId, d.file, d.line, d.column])).toContainEqual([
      "page-too-large",
      "parcel.mdx",
      1,
      1,
    ]);
  });
});

describe("MDX is syntax, never run", () => {
  it("import, export, expressions and JSX attributes run nothing; the tables are read", async () => {
    const result = await run({
      "parcel.mdx": `---
title: Parcels
---
import fs from "node:fs"
export const x = process.exit(4)
export default function Layout() { globalThis.docs2tsRan = 1 }

{process.exit(5)}
{globalThis.docs2tsRan = 2}

<Warning onClick={() => process.exit(6)} data={globalThis.docs2tsRan = 3}>
  Careful {process.exit(7)}.
</Warning>

${TABLE}| note | string | {globalThis.docs2tsRan = 4} |
`,
    });
    expect(errors(result)).toEqual([]);
    const text = typeText(result, "Parcel");
    expect(text).toContain("weight?: number;");
    expect(text).toContain("note?: string;");
    expect(strictTypeErrors(result.files)).toEqual([]);
  });

  it("an unclosed element or a broken expression: the page is read as plain Markdown", async () => {
    const result = await run({
      "parcel.mdx": `---\ntitle: Parcels\n---\n<Warning>\n\n${TABLE}`,
      "shelf.mdx": `---\ntitle: Shelves\n---\n{process.exit(\n\n${TABLE.replace("Parcel", "Shelf")}`,
      "courier.mdx": `---\ntitle: Couriers\n---\n<Tabs attr="\n\n${TABLE.replace("Parcel", "Courier")}`,
    });
    expect(errors(result)).toEqual([]);
    for (const name of ["Parcel", "Shelf", "Courier"])
      expect(typeText(result, name)).toContain("weight?: number;");
    // Said once per page, where the MDX failed, never silently.
    expect(fallbacks(result).map((f) => f.split(":")[0])).toEqual([
      "courier.mdx",
      "parcel.mdx",
      "shelf.mdx",
    ]);
    // After the front matter (lines 1-3): where the MDX parser stopped.
    for (const fallback of fallbacks(result))
      expect(Number(fallback.split(":")[1])).toBeGreaterThanOrEqual(4);
    const message = result.diagnostics.find((d) => d.ruleId === "syntax-fallback")?.message;
    expect(message).toMatch(/the page is read as plain Markdown$/);
  });

  it("JSX and expressions nested thousands deep are read as plain Markdown", async () => {
    // Parsed as MDX these take minutes (the MDX syntax is quadratic in the depth).
    const result = await run({
      "parcel.mdx": `---\ntitle: Parcels\n---\n{${"{a:".repeat(3000)}1${"}".repeat(3000)}}\n\n${TABLE}`,
      "shelf.mdx": `---\ntitle: Shelves\n---\n${"<Tab>".repeat(3000)}\n\n${TABLE.replace("Parcel", "Shelf")}\n${"</Tab>".repeat(3000)}\n`,
    });
    expect(errors(result)).toEqual([]);
    expect(typeText(result, "Parcel")).toContain("weight?: number;");
    expect(typeText(result, "Shelf")).toContain("weight?: number;");
  });

  it("hostile anchor ids name sections, and links to them resolve", async () => {
    const result = await run({
      "parcel.mdx": `---
title: Parcels
---
<a id="__proto__"></a>

### Parcel Object

| Field | Type | Description |
| --- | --- | --- |
| shelf | [Shelf](#constructor) | Where it is |
| bin | [Bin](#*/ export const pwned = 1; /*) | Where it goes |

<a name="constructor"></a>

### Shelf Object

| Field | Type | Description |
| --- | --- | --- |
| parcel | [Parcel](#__proto__) | What it holds |

<SectionAnchor id="../../../etc/passwd" />

### Bin Object

| Field | Type | Description |
| --- | --- | --- |
| shelf | [Shelf](parcel#constructor) | Its shelf |
`,
    });
    expect(errors(result)).toEqual([]);
    const text = (name: string) => typeText(result, name);
    expect(text("Parcel")).toContain("shelf?: Shelf;");
    expect(text("Shelf")).toContain("parcel?: Parcel;");
    expect(text("Bin")).toContain("shelf?: Shelf;");
    expect(result.files.map((f) => f.path).filter((p) => p.includes(".."))).toEqual([]);
    expect(strictTypeErrors(result.files)).toEqual([]);
  });

  it("diagnostics point into the page as written, after front matter, imports and JSX", async () => {
    const page = `---
title: Parcels
description: "A page"
---
import { Tabs } from "x"

<Warning>
  Careful.
</Warning>

## Guide

Words about parcels, and no table.

${TABLE}| size | Gizmo | Odd |
`;
    const result = await run({ "parcel.mdx": page });
    const found = result.diagnostics.find((d) => d.ruleId === "undocumented-model");
    const lines = page.split("\n");
    const line = lines.findIndex((l) => l.startsWith("| size |")) + 1;
    expect(found).toMatchObject({
      file: "parcel.mdx",
      line,
      column: lines[line - 1]!.indexOf("Gizmo") + 1,
      endColumn: lines[line - 1]!.indexOf("Gizmo") + 1 + "Gizmo".length,
    });
  });
});

describe("the MDX nesting scan (parse/mdx-nesting.ts)", () => {
  it("finds the first place nested deeper than the limit", () => {
    expect(mdxNestingOver("<A>\n  <B>{x}</B>\n</A>\n", 2)).toEqual({ line: 2, column: 6 });
    expect(mdxNestingOver("<A>\n  <B>{x}</B>\n</A>\n", 3)).toBeUndefined();
    expect(mdxNestingOver("text {{{x}}}", 2)).toEqual({ line: 1, column: 8 });
  });

  it("counts no self-closing element, code span or fenced code", () => {
    expect(mdxNestingOver('<A b="1" />\n<A />\n<A c="x"/>\n', 1)).toBeUndefined();
    expect(mdxNestingOver("<A b={1} />\n<A c={<B />} />\n", 3)).toBeUndefined();
    expect(mdxNestingOver("`{{{` and ``{{`{`` then {x}", 1)).toBeUndefined();
    expect(mdxNestingOver("```js\n{{{{\n<A><B><C>\n```\n{x}\n", 1)).toBeUndefined();
    expect(mdxNestingOver("<A><B><C>", 2)).toEqual({ line: 1, column: 7 });
  });
});
