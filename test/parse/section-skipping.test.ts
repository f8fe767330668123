/**
 * Section skipping (parse/sections.ts, model/model-sections.ts): remark parses only the sections a
 * model is read from. The output and the diagnostics, positions included, must be what parsing whole
 * pages gives: on every corpus folder, on random pages, and on small pages of each tricky construct.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import type { Root, RootContent } from "mdast";
import { describe, expect, it } from "vitest";
import { generate, runPipeline } from "../../src/pipeline/generate.js";
import { mayBeModelSection, modelSectionsOnly } from "../../src/model/model-sections.js";
import {
  preparePage,
  readSourcePage,
  type PageReadContext,
} from "../../src/pipeline/read-source.js";
import { resolveOptions } from "../../src/core/options.js";
import { plainText } from "../../src/parse/inline.js";
import { normaliseSource, parseMarkdown } from "../../src/parse/markdown.js";
import {
  reduceSource,
  restoreOffsets,
  splitSections,
  type SourceSection,
} from "../../src/parse/sections.js";
import { ALL_CORPORA, corpus, describeShared, tempDir } from "../support/helpers.js";

/** The heading lines (1-based) where the splitter starts a section, and whether it gave up. */
function splitPoints(page: string) {
  const sections = splitSections(normaliseSource(page));
  return {
    headings: sections.flatMap((s) => (s.heading ? [s.startLine + 1] : [])),
    mustKeep: sections.flatMap((s) => (s.mustKeep ? [s.startLine + 1] : [])),
  };
}

/** What the model reads of a tree's top level: depth 1-2 headings and code languages. */
function outline(root: Root) {
  return root.children.flatMap((node) =>
    (node.type === "heading" && node.depth <= 2) || (node.type === "code" && node.lang)
      ? [
          {
            type: node.type,
            line: node.position?.start.line,
            ...(node.type === "heading"
              ? { depth: node.depth, text: plainText(node) }
              : { lang: node.lang }),
          },
        ]
      : [],
  );
}

/**
 * Parses `page` whole and reduced to the sections `keep` accepts, and checks the reduced tree: its kept
 * sections' nodes equal the whole tree's (positions and offsets included), its outline is the same,
 * and every real section heading is a split point or inside a section that is always kept.
 */
function checkReduction(page: string, keep: (section: SourceSection, index: number) => boolean) {
  const source = normaliseSource(page);
  const whole = parseMarkdown(source);
  const sections = splitSections(source);
  const sectionAt = (line: number) =>
    sections.find((s) => s.startLine < line && line <= s.endLine) as SourceSection;
  for (const node of whole.children)
    if (node.type === "heading" && node.depth <= 2) {
      const line = node.position?.start.line as number;
      const section = sectionAt(line);
      expect(section.startLine + 1 === line || section.mustKeep, `heading on line ${line}`).toBe(
        true,
      );
    }
  const reduced = reduceSource(source, sections, keep);
  if (!reduced) return;
  const tree = parseMarkdown(reduced.text);
  restoreOffsets(tree, reduced, source);
  const kept = new Set(sections.flatMap((s, index) => (s.mustKeep || keep(s, index) ? [s] : [])));
  const inKept = (node: RootContent) => kept.has(sectionAt(node.position?.start.line as number));
  expect(tree.children.filter(inKept)).toEqual(whole.children.filter(inKept));
  expect(outline(tree)).toEqual(outline(whole));
  expect(tree.position).toEqual(whole.position);
}

describe("splitSections", () => {
  const cases: Array<[string, { page: string; headings: number[]; mustKeep?: number[] }]> = [
    ["ATX headings of depth 1 and 2", { page: "# T\n\n## A\nx\n### B\n## C", headings: [1, 3, 6] }],
    ["no split inside a backtick fence", { page: "# T\n```\n## A\n```\n## B", headings: [1, 5] }],
    ["no split inside a tilde fence", { page: "# T\n~~~md\n## A\n~~~\n## B", headings: [1, 5] }],
    [
      "a fence closes only with its own character and length",
      { page: "# T\n````\n```\n## A\n~~~~\n````\n## B", headings: [1, 7] },
    ],
    [
      "a backtick info string with a backtick is no fence",
      {
        page: "# T\n```a`b\n## A",
        headings: [1, 3],
      },
    ],
    ["an unclosed fence runs to the end", { page: "# T\n```\n## A\n## B", headings: [1] }],
    ["`#` needs a space, tab or end after it", { page: "#T\n##A\n#\n##\tB", headings: [3, 4] }],
    ["seven `#` are no heading", { page: "# T\n####### A\n## B", headings: [1, 3] }],
    ["a tab before `#` is indented code", { page: "# T\n\t## A\n## B", headings: [1, 3] }],
    ["four spaces are indented code", { page: "# T\n    ## A\n## B", headings: [1, 3] }],
    [
      "an indented heading may be in a list item: the rest is kept",
      { page: "# T\n- a\n\n  ## A\n## B", headings: [1], mustKeep: [1] },
    ],
    ["a heading in a blockquote is no split", { page: "# T\n> ## A\n## B", headings: [1, 3] }],
    [
      "no split inside an HTML comment or block",
      { page: "# T\n<!-- a\n## A\n-->\n<div>\n## B\n\n## C", headings: [1, 8] },
    ],
    ["an HTML block closed on its own line", { page: "# T\n<!-- a -->\n## A", headings: [1, 3] }],
    [
      "after an unknown tag the next line may be HTML or a paragraph's",
      { page: "# T\n<custom>\n## A\n\n## B", headings: [1], mustKeep: [1] },
    ],
    [
      "after a blank line an unknown tag alone starts an HTML block",
      { page: "# T\n\n<custom>\n## A\n\n## B", headings: [1, 6] },
    ],
    [
      "a tag with text after it starts a paragraph",
      { page: '# T\n<a id="x"></a>\n## A', headings: [1, 3] },
    ],
    [
      "a setext underline keeps its section",
      { page: "# T\n## A\nFields\n------\n## B", headings: [1, 2, 5], mustKeep: [2] },
    ],
    [
      "a link reference definition keeps its section",
      { page: "# T\n## A\n[x]: https://example.com\n## B", headings: [1, 2, 4], mustKeep: [2] },
    ],
  ];
  for (const [name, { page, headings, mustKeep = [] }] of cases)
    it(name, () => {
      expect(splitPoints(page)).toEqual({ headings, mustKeep });
      checkReduction(page, () => false);
    });

  it("reads CRLF pages once normalised, with the original lines and columns", () => {
    const page =
      "# T\r\n\r\n## Example Usage\r\n```go\r\nx\r\n```\r\n## Fields\r\n\r\n| a |\r\n| - |\r\n";
    expect(splitPoints(page).headings).toEqual([1, 3, 7]);
    checkReduction(page, (s) => s.heading?.text.includes("Fields") ?? true);
  });
});

describe("mayBeModelSection", () => {
  const cases: Array<[string, boolean]> = [
    [" Fields", true],
    [" **Properties**", true],
    [" `Supported Types`", true],
    [" Enum: KindEnum", true],
    [" Allowed values", true],
    [" [Fields](#x)", true],
    [" F&#105;elds", true],
    [" Example Usage", false],
    [" Methods", false],
    [" GetName", false],
  ];
  for (const [text, want] of cases)
    it(`${JSON.stringify(text)} -> ${want}`, () => expect(mayBeModelSection(text)).toBe(want));
});

/** Lines that exercise every branch of the splitter and what remark makes of them. */
const LINES = [
  "# Title",
  "## Fields",
  "## Example Usage",
  "## Methods",
  "## Enum: KindEnum",
  "## Values ##",
  "### Sub",
  " ## Fields",
  "   ## Values",
  "#\tProperties",
  "\t## Fields",
  "##Fields",
  "```go",
  "```",
  "~~~",
  "````",
  "```ts `x`",
  "  ```",
  "    ```",
  "<!-- c",
  "-->",
  "<!-- one -->",
  "<div>",
  "</div>",
  "<custom>",
  "</custom>",
  "<x y='1' z=2 w>",
  '<a id="KindEnum"></a>',
  '<a href="x">link</a>',
  "<pre>",
  "</pre>",
  "- item",
  "1. item",
  "  continued",
  "> quote",
  "> ## Fields",
  "| Field | Type | Required | Description |",
  "| --- | --- | --- | --- |",
  "| `a` | *string* | :heavy_check_mark: | A [x][ref]. |",
  "Name | Type | Description | Notes",
  "------------ | ------------- | ------------- | -------------",
  "**Kind** | [**KindEnum**](#KindEnum) |  | [optional]",
  "text",
  "Fields",
  "===",
  "---",
  "***",
  "[ref]: https://example.com",
  "[^1]: note",
  "see [x][ref] and [^1]",
  '- `A` (value: `"a"`)',
  "\tindented",
  "",
  "",
  "",
];

const pageArbitrary = fc
  .tuple(
    fc.array(fc.constantFrom(...LINES), { maxLength: 40 }),
    fc.constantFrom("\n", "\r\n"),
    fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }),
  )
  .map(([lines, eol, keeps]) => ({ page: lines.join(eol), keeps }));

describe("random pages", () => {
  it("kept sections parse as in the whole page", () => {
    fc.assert(
      fc.property(pageArbitrary, ({ page, keeps }) =>
        checkReduction(page, (_, index) => keeps[index % keeps.length] as boolean),
      ),
      { numRuns: 600, seed: 1212 },
    );
  });

  it("a page reads the same with section skipping on and off", async () => {
    // What the pipeline loads before reading a page (preparePage): pages may open with front matter.
    for (const text of ["---\nx: 1\n---\n", "+++\nx = 1\n+++\n"])
      await preparePage({ file: "models/page.md", text } as never);
    const options = resolveOptions({});
    const context: PageReadContext = { limits: options.limits, read: {}, family: "sdk" };
    fc.assert(
      fc.property(pageArbitrary, ({ page }) => {
        const file = "models/page.md";
        const skipped = readSourcePage({ file, text: page } as never, context).result;
        const whole = readSourcePage({ file, text: page } as never, {
          ...context,
          wholePages: true,
        }).result;
        expect(skipped).toEqual(whole);
      }),
      { numRuns: 600, seed: 1213 },
    );
  });
});

describe("what the model reads beside its sections", () => {
  const read = (page: string, wholePages = false) =>
    readSourcePage({ file: "models/kind.md", text: page } as never, {
      limits: resolveOptions({}).limits,
      read: {},
      family: "sdk",
      wholePages,
    }).result;

  it("the anchor before an in-page enum, in a section otherwise skipped", () => {
    const page = [
      "# Pet",
      "## Properties",
      "Name | Type | Description | Notes",
      "------------ | ------------- | ------------- | -------------",
      "**Kind** | [**KindEnum**](#KindEnum) |  | [optional]",
      "## Methods",
      "text",
      '<a id="KindEnum"></a>',
      "## Enum: KindEnum",
      "Name | Value",
      "---- | -----",
      'A | "a"',
      "## Notes",
      "text",
    ].join("\n");
    expect(modelSectionsOnly(page)).toBeDefined();
    expect(read(page)).toEqual(read(page, true));
  });

  it("code languages and section titles of skipped sections (the flavour)", () => {
    const page =
      "# Kind\n\n## Example Usage\n\n```typescript\nlet a = 1;\n```\n\n## Values\n\n| Name | Value |\n| ---- | ----- |\n| `A` | a |\n";
    const reduced = modelSectionsOnly(page);
    expect(reduced?.text).not.toContain("let a");
    const result = read(page);
    expect(result.dialect).toBe("speakeasy-ts");
    expect(result).toEqual(read(page, true));
  });
});

describeShared("every corpus folder", () => {
  for (const name of ALL_CORPORA)
    it(`${name}: the same output and diagnostics with section skipping on and off`, async () => {
      const cacheDir = tempDir("docs2ts-skip-cache-");
      const input = corpus(name);
      const skipped = await generate({ input, cacheDir });
      // Pages miss the cache (wholePages is part of their key); modules hit it only where the pages
      // read exactly the same.
      const whole = await runPipeline({ input, cacheDir }, {}, { wholePages: true });
      expect(whole.stats.cachedPages).toBe(0);
      expect(whole.diagnostics).toEqual(skipped.diagnostics);
      expect(whole.files.map((f) => f.path)).toEqual(skipped.files.map((f) => f.path));
      const differing = whole.files.filter(
        (file, index) => file.content !== skipped.files[index]?.content,
      );
      expect(differing.map((f) => f.path)).toEqual([]);
    }, 600_000);

  it("skipping is the common case on pages with sections no model reads", () => {
    const walk = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory()
          ? walk(join(dir, entry.name))
          : entry.name.endsWith(".md")
            ? [join(dir, entry.name)]
            : [],
      );
    const pages = walk(corpus("openapi-generator-ory-go"));
    const reduced = pages.filter((file) =>
      modelSectionsOnly(normaliseSource(readFileSync(file, "utf8"))),
    );
    expect(reduced.length).toBeGreaterThan(pages.length / 2);
  });
});
