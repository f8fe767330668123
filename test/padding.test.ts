/**
 * Table padding is shortened before parsing and positions are put back after (parse/padding.ts). The
 * promise is that the tree is exactly the one remark gives for the text itself, positions included:
 * checked here against a plain unified + remark-parse + remark-gfm processor on every page of every
 * corpus, on hand-picked edge cases and on random table-like text.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { describe, expect, it } from "vitest";
import { normaliseSource, parseMarkdown } from "../src/parse/markdown.js";
import { collapseTablePadding } from "../src/parse/padding.js";
import { corpus } from "./support/helpers.js";

const reference = unified().use(remarkParse).use(remarkGfm);

function pagesUnder(dir: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...pagesUnder(path));
    else if (name.endsWith(".md")) found.push(path);
  }
  return found;
}

/** The parse must equal the reference; returns whether any padding was shortened. */
function expectSameTree(source: string): boolean {
  expect(parseMarkdown(source)).toEqual(reference.parse(source));
  return collapseTablePadding(source).map !== undefined;
}

describe("table padding", () => {
  it("leaves every page of every corpus with the tree remark gives the text itself", () => {
    let pages = 0;
    let shortened = 0;
    let before = 0;
    let after = 0;
    for (const name of readdirSync(corpus(".")).sort()) {
      if (!statSync(corpus(name)).isDirectory()) continue;
      for (const path of pagesUnder(corpus(name))) {
        const source = normaliseSource(readFileSync(path, "utf8"));
        pages += 1;
        if (expectSameTree(source)) shortened += 1;
        before += source.length;
        after += collapseTablePadding(source).text.length;
      }
    }
    expect(pages).toBeGreaterThan(3000);
    // Most pages have padded tables, and most of their text is padding.
    expect(shortened).toBeGreaterThan(pages / 2);
    expect(after).toBeLessThan(before * 0.6);
  }, 300_000);

  const cases: Array<[name: string, source: string, shortened: boolean]> = [
    ["a padded table", "# T\n\n| a    | b    |\n| ---- | ---- |\n| x    | y    |\n", true],
    [
      "a table right after a heading",
      "## Fields\n| a    | b |\n| --- | --- |\n| x    | y |\n",
      true,
    ],
    ["a table right after a paragraph line", "text\n| a    | b |\n| --- | --- |\n", false],
    [
      "a delimiter row of another cell count",
      "| a    | b    |\n| ---- |\n| x    | y    |\n",
      false,
    ],
    ["no delimiter row", "| a    | b    |\n| x    | y    |\n", false],
    ["pipes in fenced code", "```\n| a    | b |\n| --- | --- |\n```\n", false],
    ["pipes in a tilde fence", "~~~md\n| a    | b |\n| --- | --- |\n~~~\n", false],
    [
      "a table after a fence closes",
      "```\ncode\n```\n\n| a    | b |\n| --- | --- |\n| x    | y |\n",
      true,
    ],
    ["escaped pipes", "| a \\|   | b   \\| |\n| --- | --- |\n| `x  \\|`   | y    |\n", true],
    ["a code span across a pipe", "| `a    | b`    |\n| --- | --- |\n", true],
    ["trailing spaces after the last pipe", "| a    | b |   \n| --- | --- |   \n", true],
    ["a table in a list item", "- | a    | b |\n  | --- | --- |\n", false],
    ["a table in a blockquote", "> | a    | b |\n> | --- | --- |\n", false],
    ["a blank line ends the table", "| a  | b |\n| - | - |\n\n| x    | y |\n", true],
    ["aligned delimiters", "| a    | b    |\n| :--- | ---: |\n| x    | y    |\n", true],
    ["a body row without edge pipes", "| a    | b |\n| --- | --- |\nx    | y\n", true],
    ["pipes in an HTML <pre> block", "<pre>\n\n| a    | b |\n| --- | --- |\n</pre>\n", false],
    ["pipes in an HTML comment", "<!--\n\n| a    | b |\n| --- | --- |\n-->\n", false],
    ["a table after an HTML block ends", "<div>\nx\n\n| a    | b |\n| --- | --- |\n", true],
    ["HTML and emphasis in cells", "| *a*    | <br/>    |\n| --- | --- |\n| **b**   | c |\n", true],
  ];

  it.each(cases)("%s", (_name, source, shortened) => {
    expect(expectSameTree(source)).toBe(shortened);
  });

  it("gives remark's own tree for random table-like text", () => {
    const piece = fc.constantFrom(
      "|",
      " ",
      "  ",
      "    ",
      "\\",
      "`",
      "-",
      ":",
      "a",
      "b c",
      "*",
      "\n",
      "\n\n",
      "```\n",
      "~~~\n",
      "# h\n",
      "> ",
      "- ",
      "| --- | --- |\n",
      "| a   | b   |\n",
      "<pre>\n",
      "</pre>\n",
      "<!--",
      "-->\n",
      "<div>\n",
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (pieces) => {
        expectSameTree(pieces.join(""));
      }),
      { numRuns: 3000, seed: 20261128 },
    );
  });
});
