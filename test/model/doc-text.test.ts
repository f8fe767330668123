/**
 * What the field table reads from its cells and headers: character references and backslash escapes
 * in descriptions decoded as Markdown decodes them (escape.ts still guards the output), the common
 * names of the type and name columns, and the `@format` tag of date-time and date fields.
 */
import type { Table, TableCell } from "mdast";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { describe, expect, it } from "vitest";
import { generate } from "../../src/pipeline/generate.js";
import { readDescriptionCell, readExampleCell } from "../../src/model/cells.js";
import { columnRole } from "../../src/parse/table.js";
import { tempDir, writeTree } from "../support/helpers.js";

/** The first body cell of a one-column table whose only cell is `cell`. */
function cellOf(cell: string): { cell: TableCell; source: string } {
  const source = `| A |\n| --- |\n| ${cell} |\n`;
  const tree = unified().use(remarkParse).use(remarkGfm).parse(source);
  const table = tree.children[0] as Table;
  return { cell: table.children[1]!.children[0]!, source };
}

describe("readDescriptionCell", () => {
  it.each([
    ["&#x60;authenticated_at&#x60; is set", "`authenticated_at` is set"],
    ["the identity&#39;s traits", "the identity's traits"],
    ["always \\&quot;input\\&quot;", 'always "input"'],
    ["a &amp; b &lt; c", "a & b < c"],
    ["a \\| b", "a | b"],
    ["line one<br/>line two", "line one\nline two"],
    ["&lt;br/&gt; is text", "<br/> is text"],
    ["N/A", undefined],
  ])("%s", (given, want) => {
    const { cell, source } = cellOf(given);
    expect(readDescriptionCell(cell, source).text).toBe(want);
  });

  it("decodes example cells outside code spans only", () => {
    expect(readExampleCell(cellOf("&quot;hi&quot;").cell, cellOf("&quot;hi&quot;").source)).toBe(
      '"hi"',
    );
    expect(readExampleCell(cellOf("`&quot;`").cell, cellOf("`&quot;`").source)).toBe("&quot;");
  });
});

describe("columnRole", () => {
  it.each([
    ["Type", "type"],
    ["Kind", "type"],
    ["Data type", "type"],
    ["DataType", "type"],
    ["Field type", "type"],
    ["Value Type", "type"],
    ["Type/Format", "type"],
    ["Types", "type"],
    ["Field name", "name"],
    ["Property Name", "name"],
    ["Field", "name"],
    ["Format", undefined],
    ["Kinds of things", undefined],
  ])("%s -> %s", (header, want) => {
    expect(columnRole(header)).toBe(want);
  });
});

describe("generated JSDoc", () => {
  it("reads a hand-written table with a Kind column, decodes entities, and tags date formats", async () => {
    const input = tempDir("docs2ts-doc-text-");
    writeTree(input, {
      "event.md":
        "# Event\n\n| Field name | Kind | Required | Description |\n| --- | --- | --- | --- |\n" +
        "| at | date-time | yes | When, as &#x60;2024-01-01T00:00:00Z&#x60;. |\n" +
        "| day | date | no | Ends a comment: &#x2A;&#x2F; |\n" +
        "| size | int64 | no | |\n",
    });
    const result = await generate({ input, cache: false });
    expect(result.diagnostics.filter((d) => d.ruleId === "not-a-model")).toEqual([]);
    const module = result.files.find((file) => file.path === "event.ts")?.content ?? "";
    expect(module).toContain(
      "  /**\n   * When, as `2024-01-01T00:00:00Z`.\n   * @format date-time\n   */\n  at: string;",
    );
    // The decoded `*/` is escaped on its way out, so the comment stays closed where it should.
    expect(module).toContain(
      "  /**\n   * Ends a comment: *\\/\n   * @format date\n   */\n  day?: string;",
    );
    expect(module).toContain("  /** @format int64 */\n  size?: number;");
  });
});
