/**
 * Diagnostics built one way (src/core/diagnostics.ts) and read as the unified ecosystem reads them:
 * every diagnostic spans a start to an end at or after it, API users get `VFileMessage`s grouped in
 * vfiles, the JSON reporter prints the end, every rule id links to its section of docs/rules.md, and no other
 * source file builds a diagnostic by hand. The CLI test runs the built dist/cli.js (`npm run build`
 * first when running this file alone).
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import ts from "typescript";
import { VFile } from "vfile";
import { VFileMessage } from "vfile-message";
import { describe, expect, it } from "vitest";
import { toVFileMessage, toVFiles } from "../../src/index.js";
import { RULES_BY_SECTION, ruleUrl, type Diagnostic } from "../../src/core/diagnostics.js";
import { generate } from "../../src/pipeline/generate.js";
import { tempDir, writeTree } from "../support/helpers.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const FIXTURES = join(ROOT, "test/fixtures");
const CLI = join(ROOT, "dist/cli.js");

const TABLE = "| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n";

/** Pages that give one diagnostic of each kind of place: a cell, a line of code, a page, a folder. */
const PAGES = {
  // Line 7: `| \`size\` | *int128* | ...`: the type cell's content is columns 12-19. Line 8 links to a
  // page the folder does not have (a warning); line 9 documents `size` again (an error).
  "widget.md": `# Widget\n\n## Fields\n\n${TABLE}| \`size\` | *int128* | :heavy_check_mark: | N/A |\n| \`part\` | [Part](part.md) | :heavy_check_mark: | N/A |\n| \`size\` | *string* | :heavy_check_mark: | N/A |\n`,
  // An indented bullet list (OpenAPI Generator Kotlin); line 6 holds a value that is not a literal.
  "color.md": '# Color\n\n## Enum\n\n    * `RED` (value: `"red"`)\n    * `BAD` (value: `nope`)\n',
  "README.md": "# Docs\n\nNothing to read.\n",
};

async function diagnosticsOf(input: string): Promise<Diagnostic[]> {
  const out = join(tempDir("docs2ts-vfile-out-"), "out");
  return (await generate({ input, out, cache: false, validators: false })).diagnostics;
}

/** Folders of fixture pages: each `input/` of a case, and each folder that holds pages itself. */
function fixtureFolders(dir: string): string[] {
  const entries = readdirSync(dir, { withFileTypes: true });
  if (entries.some((entry) => entry.isDirectory() && entry.name === "input"))
    return [join(dir, "input")];
  const below = entries
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) => fixtureFolders(join(dir, entry.name)));
  return entries.some((entry) => entry.isFile() && entry.name.endsWith(".md")) ? [dir] : below;
}

describe("diagnostic spans", () => {
  it("end at or after their start, inside the page, in every fixture folder", async () => {
    const folders = fixtureFolders(FIXTURES);
    expect(folders.length).toBeGreaterThan(10);
    let checked = 0;
    for (const folder of folders) {
      for (const d of await diagnosticsOf(folder)) {
        const where = `${relative(ROOT, folder)}/${d.file}:${d.line}:${d.column} [${d.ruleId}]`;
        expect([d.endLine, d.endColumn].every(Number.isInteger), where).toBe(true);
        const ordered = d.endLine > d.line || (d.endLine === d.line && d.endColumn >= d.column);
        expect(ordered, where).toBe(true);
        if (d.file !== "") {
          const lines = readFileSync(join(folder, d.file), "utf8").split("\n");
          expect(d.endLine, where).toBeLessThanOrEqual(lines.length);
          expect(d.endColumn, where).toBeLessThanOrEqual((lines[d.endLine - 1]?.length ?? 0) + 1);
        }
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(10);
  });

  it("span a cell's content, a line of code, a page's title and the folder", async () => {
    const input = tempDir("docs2ts-spans-");
    writeTree(input, PAGES);
    const spans = (await diagnosticsOf(input)).map(
      (d) => `${d.file}:${d.line}:${d.column}-${d.endLine}:${d.endColumn} ${d.ruleId}`,
    );
    expect(spans).toEqual([
      "README.md:1:1-1:7 not-a-model",
      "color.md:6:1-6:28 enum-value",
      "widget.md:7:12-7:20 unknown-type",
      "widget.md:8:12-8:27 unresolved-ref",
      "widget.md:9:3-9:9 duplicate-field",
    ]);
    const empty = tempDir("docs2ts-spans-empty-");
    writeTree(empty, { "notes.txt": "no pages\n" });
    expect(await diagnosticsOf(empty)).toEqual([
      expect.objectContaining({ file: "", line: 1, column: 1, endLine: 1, endColumn: 1 }),
    ]);
  });
});

describe("vfile messages", () => {
  it("carry the place, rule id, source, url and fatal of each diagnostic", async () => {
    const input = tempDir("docs2ts-vfile-");
    writeTree(input, PAGES);
    const diagnostics = await diagnosticsOf(input);
    const files = toVFiles(diagnostics, `${input}/`);
    expect(files.every((file) => file instanceof VFile)).toBe(true);
    expect(files.map((file) => relative(input, file.path))).toEqual([
      "README.md",
      "color.md",
      "widget.md",
    ]);
    const messages = files.flatMap((file) => file.messages);
    expect(messages.every((message) => message instanceof VFileMessage)).toBe(true);
    expect(
      messages.map((m) => [
        relative(input, m.file ?? ""),
        m.name,
        m.ruleId,
        m.source,
        m.fatal,
        m.url,
      ]),
    ).toEqual([
      ["README.md", "1:1-1:7", "not-a-model", "docs2ts", undefined, ruleUrl("not-a-model")],
      ["color.md", "6:1-6:28", "enum-value", "docs2ts", false, ruleUrl("enum-value")],
      ["widget.md", "7:12-7:20", "unknown-type", "docs2ts", false, ruleUrl("unknown-type")],
      ["widget.md", "8:12-8:27", "unresolved-ref", "docs2ts", false, ruleUrl("unresolved-ref")],
      ["widget.md", "9:3-9:9", "duplicate-field", "docs2ts", true, ruleUrl("duplicate-field")],
    ]);
    const [first] = messages;
    expect(first?.reason).toBe(diagnostics[0]?.message);
    expect(first?.place).toEqual({ start: { line: 1, column: 1 }, end: { line: 1, column: 7 } });
    expect([first?.line, first?.column]).toEqual([1, 1]);
  });

  it("name the page as the diagnostic does, and the folder for a finding about it", () => {
    const [page, folder] = [
      { file: "a/b.md", line: 2, column: 3, endLine: 2, endColumn: 9 },
      { file: "", line: 1, column: 1, endLine: 1, endColumn: 1 },
    ].map((place) => ({ ...place, severity: "error" as const, ruleId: "no-pages", message: "m" }));
    expect(toVFileMessage(page!).file).toBe("a/b.md");
    expect(toVFiles([page!, folder!], "docs").map((file) => file.path)).toEqual([
      "docs/a/b.md",
      "docs",
    ]);
    expect(toVFiles([page!, folder!]).map((file) => file.path)).toEqual(["a/b.md", "."]);
  });
});

describe("the JSON reporter", () => {
  it.skipIf(!existsSync(CLI))("prints each diagnostic's end after its start", () => {
    const dir = tempDir("docs2ts-json-");
    writeTree(dir, { "input/widget.md": PAGES["widget.md"] });
    const result = spawnSync(
      process.execPath,
      [CLI, "generate", "--input", "input", "--out", "out", "--no-cache", "--reporter", "json"],
      { cwd: dir, encoding: "utf8" },
    );
    const printed = JSON.parse(result.stdout) as Diagnostic[];
    expect(printed.map((d) => Object.keys(d))).toEqual(
      printed.map(() => [
        "file",
        "line",
        "column",
        "endLine",
        "endColumn",
        "severity",
        "ruleId",
        "message",
      ]),
    );
    expect(printed.map((d) => [d.ruleId, d.line, d.column, d.endLine, d.endColumn])).toEqual([
      ["unknown-type", 7, 12, 7, 20],
      ["unresolved-ref", 8, 12, 8, 27],
      ["duplicate-field", 9, 3, 9, 9],
    ]);
  });
});

/** The GitHub slug of a heading: lowercase, punctuation dropped, spaces as hyphens. */
const slug = (heading: string) =>
  heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/\s/g, "-");

describe("rule ids", () => {
  it("are docs/rules.md's sections, each id under a heading of its own, and link their headings", () => {
    const page = readFileSync(join(ROOT, "docs/rules.md"), "utf8");
    const rules = page.slice(page.indexOf("## Rule ids"));
    const sections = new Map<string, string[]>();
    for (const part of rules.split(/^### /m).slice(1)) {
      const [heading = "", ...lines] = part.split("\n");
      const ids = lines.flatMap((line) => /^#### `([a-z-]+)`$/.exec(line)?.[1] ?? []);
      if (ids.length > 0) sections.set(slug(heading), ids);
    }
    expect(Object.fromEntries(sections)).toEqual(RULES_BY_SECTION);
    const rulesPage = pathToFileURL(join(ROOT, "docs/rules.md")).href;
    expect(ruleUrl("unknown-type")).toBe(`${rulesPage}#unknown-type`);
    expect(ruleUrl("no-such-rule")).toBeUndefined();
  });
});

/** Names of object-literal properties called `ruleId` or `severity`, as `file:line` (0-based line). */
function diagnosticLiterals(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isObjectLiteralExpression(node))
      for (const property of node.properties) {
        const name = property.name && ts.isIdentifier(property.name) ? property.name.text : "";
        if (name === "ruleId" || name === "severity")
          found.push(`${file}:${source.getLineAndCharacterOfPosition(property.getStart()).line}`);
      }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe("one way to build a diagnostic", () => {
  it("finds a diagnostic written as an object literal, spread or shorthand", () => {
    const text =
      'const a = { file, line: 1, column: 1, severity: "error", ruleId: "x", message };\n' +
      "const b = { ...a, severity };\nfunction c(severity: string, ruleId: string) {}\n" +
      "interface D { ruleId: string; severity: Severity }\n";
    expect(diagnosticLiterals("x.ts", text)).toEqual(["x.ts:0", "x.ts:0", "x.ts:1"]);
  });

  // diagnostics-vfile.ts writes vfile-message's options (`{ ruleId, source }`) from a diagnostic.
  it("src/core/diagnostics.ts is the only source file that builds one", () => {
    const src = join(ROOT, "src");
    const builders = new Set(
      readdirSync(src, { recursive: true, encoding: "utf8" })
        .filter((file) => file.endsWith(".ts"))
        .flatMap((file) =>
          diagnosticLiterals(file, readFileSync(join(src, file), "utf8")).map((at) =>
            at.split(":")[0]!.replaceAll("\\", "/"),
          ),
        ),
    );
    expect([...builders].sort()).toEqual(["core/diagnostics-vfile.ts", "core/diagnostics.ts"]);
  });
});
