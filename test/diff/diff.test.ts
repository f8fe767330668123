/**
 * `docs2ts diff` on two small fixture folders (test/diff-fixtures/{base,head}): golden output in the
 * three formats, the Markdown read back with remark (tables, cells that say what the docs said), the
 * escaping of table cells on hostile text, git revisions refused or read safely, and the exit codes.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Root, Table, TableCell } from "mdast";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import { describe, expect, it } from "vitest";
import { diff, type DiffReport } from "../../src/diff/diff.js";
import { formatReport, markdownCell } from "../../src/diff/format.js";
import { tempDir, writeTree } from "../support/helpers.js";

const FIXTURES = fileURLToPath(new URL("../diff-fixtures/", import.meta.url));
const CLI = fileURLToPath(new URL("../../dist/cli.js", import.meta.url));
const base = join(FIXTURES, "base");
const head = join(FIXTURES, "head");

/** The fixture report with the folders as a user in the project root would name them. */
async function fixtureReport(): Promise<DiffReport> {
  const report = await diff({ input: head, base, head });
  return { ...report, base: "test/diff-fixtures/base", head: "test/diff-fixtures/head" };
}

const parseMarkdown = (text: string) => unified().use(remarkParse).use(remarkGfm).parse(text);

/** A cell's text as a reader sees it: `<br>` as a line break, other inline HTML tags dropped. */
function cellText(cell: TableCell): string {
  let text = "";
  visit(cell, (node) => {
    if (node.type === "text" || node.type === "inlineCode") text += node.value;
    if (node.type === "html" && /^<br\s*\/?>$/i.test(node.value)) text += "\n";
  });
  return text;
}

function tables(tree: Root): Table[] {
  const found: Table[] = [];
  visit(tree, "table", (node: Table) => {
    found.push(node);
  });
  return found;
}

describe("docs2ts diff on fixture folders", () => {
  it("prints the golden text, markdown and json", async () => {
    const report = await fixtureReport();
    await expect(formatReport(report, "text")).toMatchFileSnapshot("../diff-fixtures/expected.txt");
    await expect(formatReport(report, "markdown")).toMatchFileSnapshot(
      "../diff-fixtures/expected.md",
    );
    await expect(formatReport(report, "json")).toMatchFileSnapshot(
      "../diff-fixtures/expected.json",
    );
  });

  it("applies the config's overrides to both sides, ignoring on the base one a page it does not have", async () => {
    // collar.md is new in head: its override matches nothing in base, which must not stop the diff.
    const overrides = { "collar.md": { fields: { size: { nullable: true } } } };
    const report = await diff({ input: head, base, head, overrides });
    const collar = report.changes.filter((change) => change.file === "collar.md");
    expect(collar.map((change) => change.kind)).toEqual(["declaration-added"]);
    // On the head side the same override still has to match.
    const stale = { "collar.md": { fields: { sise: { nullable: true } } } };
    await expect(diff({ input: head, base, head, overrides: stale })).rejects.toThrow(/errors/);
  });

  it("writes markdown whose tables remark finds, one per declaration, saying what the docs said", async () => {
    const report = await fixtureReport();
    const found = tables(parseMarkdown(formatReport(report, "markdown")));
    const declarations = new Set(report.changes.map((change) => change.file));
    expect(found).toHaveLength(declarations.size);
    const rows = found.flatMap((table) =>
      table.children.slice(1).map((row) => row.children.map(cellText)),
    );
    expect(rows).toHaveLength(report.changes.length);
    for (const change of report.changes) {
      const row = rows.find(
        (cells) =>
          cells[0] === change.kind &&
          cells[1] === change.path &&
          cells[2] === (change.before ?? "") &&
          cells[3] === (change.after ?? ""),
      );
      expect(row, `${change.file} ${change.kind} ${change.path}`).toBeDefined();
    }
    for (const table of found) expect(table.children[0]?.children).toHaveLength(5);
  });

  it("puts declarations with breaking changes first and the rest in a collapsed <details>", async () => {
    const markdown = formatReport(await fixtureReport(), "markdown");
    const details = markdown.indexOf("<details>");
    expect(details).toBeGreaterThan(0);
    expect(markdown.indexOf("(role.md)")).toBeLessThan(details);
    expect(markdown.indexOf("(collar.md)")).toBeGreaterThan(details);
  });
});

describe("markdownCell", () => {
  const hostile: [string, string][] = [
    ["a pipe", "string | null"],
    ["an escaped pipe", "a \\| b"],
    ["line breaks", "first line\nsecond\r\nthird\rfourth"],
    ["HTML", '<script>alert("x")</script><img src=x onerror=alert(1)>'],
    ["a closing details tag", "</details></summary>"],
    ["character references", "&amp; &lt; &#124; &nbsp;"],
    ["emphasis and code", "*a* **b** _c_ `d` ~~e~~"],
    ["a link and an image", "[x](javascript:alert(1)) ![y](z.png)"],
    ["backslashes", "C:\\path\\ and \\*"],
    ["table syntax", "| --- | --- |"],
    ["an autolink", "<https://example.com>"],
    ["a heading and a list marker", "# title\n- item\n1. one"],
  ];
  it.each(hostile)("keeps %s as text in a one-cell table", (_, text) => {
    const tree = parseMarkdown(`| h |\n| --- |\n| ${markdownCell(text)} |\n`);
    const [table] = tables(tree);
    expect(table?.children).toHaveLength(2);
    const cell = table?.children[1]?.children;
    expect(cell).toHaveLength(1);
    const lines = text.split(/\r\n|\r|\n/).map((line, index, all) =>
      // A cell is trimmed at both ends; lines keep their own spaces.
      index === 0 ? line.trimStart() : index === all.length - 1 ? line.trimEnd() : line,
    );
    expect(cellText(cell?.[0] as TableCell)).toBe(lines.join("\n"));
    visit(cell?.[0] as TableCell, "html", (node: { value: string }) => {
      expect(node.value).toMatch(/^<br>$/);
    });
  });

  it("cuts long text with an ellipsis", () => {
    const cell = markdownCell("x".repeat(1000));
    expect(cell.length).toBeLessThan(400);
    expect(cell.endsWith("…")).toBe(true);
  });
});

describe("docs2ts diff on the command line", () => {
  const run = (args: string[], cwd: string) =>
    spawnSync(process.execPath, [CLI, "diff", ...args], { cwd, encoding: "utf8" });

  /** A repository whose first commit holds base/ as docs/ and whose working tree holds head/. */
  function repository(): string {
    const dir = tempDir("docs2ts-diff-repo-");
    const git = (...args: string[]) =>
      execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@t", ...args], { cwd: dir });
    git("init", "--quiet");
    cpSync(base, join(dir, "docs"), { recursive: true });
    git("add", "docs");
    git("commit", "--quiet", "-m", "base");
    git("tag", "v1");
    cpSync(head, join(dir, "docs"), { recursive: true });
    execFileSync("sh", ["-c", "rm docs/dog.md"], { cwd: dir });
    return dir;
  }

  const status = (dir: string) =>
    execFileSync("git", ["status", "--porcelain"], { cwd: dir, encoding: "utf8" });

  it("compares a revision with the working tree, as folders do, and changes nothing", () => {
    const dir = repository();
    const before = status(dir);
    const fromGit = run(["--base", "v1", "--input", "docs", "--format", "json"], dir);
    expect(fromGit.status).toBe(0);
    const fromFolders = run(
      ["--base", base, "--head", head, "--input", "docs", "--format", "json"],
      dir,
    );
    expect(JSON.parse(fromGit.stdout).changes).toEqual(JSON.parse(fromFolders.stdout).changes);
    expect(status(dir)).toBe(before);
  }, 300_000);

  it("exits 1 when --fail-on matches, 0 otherwise", () => {
    const dir = repository();
    expect(run(["--base", "v1", "--input", "docs"], dir).status).toBe(0);
    expect(run(["--base", "v1", "--input", "docs", "--fail-on", "breaking"], dir).status).toBe(1);
    expect(run(["--base", "v1", "--input", "docs", "--fail-on", "any"], dir).status).toBe(1);
    expect(
      run(["--base", "v1", "--head", "v1", "--input", "docs", "--fail-on", "any"], dir).status,
    ).toBe(0);
  }, 300_000);

  it("refuses a revision that starts with '-' or names nothing, with exit 2", () => {
    const dir = repository();
    for (const revision of ["--output=x", "-v", "no-such-ref", "v1:docs"]) {
      const result = run([`--base=${revision}`, "--input", "docs"], dir);
      expect(result.status, revision).toBe(2);
      expect(result.stderr).toMatch(/^docs2ts: cannot (use|read) /);
    }
    expect(run(["--input", "docs"], dir).status).toBe(2);
    expect(run(["--base", "v1", "--input", "docs", "--format", "html"], dir).status).toBe(2);
  }, 300_000);

  it("names the side whose docs have errors, with exit 1", () => {
    const dir = repository();
    cpSync(join(dir, "docs"), join(dir, "broken"), { recursive: true });
    writeTree(join(dir, "broken"), {
      "user.md":
        "# User\n\n| Property | Type | Required | Description |\n| --- | --- | --- | --- |\n| a | string | yes | x |\n| a | string | yes | x |\n",
    });
    const result = run(["--base", "docs", "--head", "broken", "--input", "docs"], dir);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^head \(broken\): broken\/user\.md:\d+:\d+: error /m);
    expect(result.stderr).not.toMatch(/^base/m);
  }, 300_000);
});
