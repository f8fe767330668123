/**
 * A rule acknowledged for named pages (`"rules": { id: [severity, { "pages": [...] }] }`): the severity
 * applies on the pages that match and nowhere else, the entry is checked whole with the config, and a
 * pattern that matches no page is reported at its place in the config.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generate } from "../../src/pipeline/generate.js";
import { ConfigError, loadConfig, validateConfig } from "../../src/pipeline/config.js";
import { pagePattern } from "../../src/pipeline/rule-pages.js";
import { modelPage, tempDir, writeTree } from "../support/helpers.js";

/** An object page whose field type no dialect knows: one `unknown-type` warning each. */
const page = (title: string) =>
  modelPage(title, [
    "| `id` | string | ✔️ | Its id. |",
    "| `size` | *int128* | ✔️ | A type no dialect knows. |",
  ]);

function docs(): string {
  const dir = tempDir();
  writeTree(dir, {
    "docs/parcel.md": page("Parcel"),
    "docs/legacy/shelf.md": page("Shelf"),
    "docs/legacy/old/courier.md": page("Courier"),
  });
  return dir;
}

const warned = (diagnostics: readonly { file: string; ruleId: string; severity: string }[]) =>
  diagnostics.filter((d) => d.ruleId === "unknown-type").map((d) => `${d.file} ${d.severity}`);

describe("page patterns", () => {
  it.each([
    ["models/pet.md", "models/pet.md", true],
    ["models/pet.md", "models/pets.md", false],
    ["models/*.md", "models/pet.md", true],
    ["models/*.md", "models/a/pet.md", false],
    ["models/**", "models/a/b/pet.md", true],
    ["models/**/pet.md", "models/pet.md", true],
    ["models/**/pet.md", "models/a/b/pet.md", true],
    ["models/", "models/a/pet.md", true],
    ["models/p?t.md", "models/pat.md", true],
    ["./pet.md", "pet.md", true],
    ["a+b.md", "a+b.md", true],
    ["a+b.md", "aab.md", false],
  ])("%s on %s: %s", (pattern, file, want) => {
    expect(pagePattern(pattern).test(file)).toBe(want);
  });
});

describe("rules for named pages", () => {
  it("applies the severity on the matching pages only", async () => {
    const input = join(docs(), "docs");
    const result = await generate({
      input,
      cache: false,
      rules: { "unknown-type": ["off", { pages: ["legacy/**"] }] },
    });
    expect(warned(result.diagnostics)).toEqual(["parcel.md warning"]);
    const graded = await generate({
      input,
      cache: false,
      strict: true,
      rules: { "unknown-type": ["info", { pages: ["legacy/*.md", "parcel.md"] }] },
    });
    expect(warned(graded.diagnostics)).toEqual([
      "legacy/old/courier.md error",
      "legacy/shelf.md info",
      "parcel.md info",
    ]);
  });

  it("warns of a pattern that matches no page, at its place in the config, with the nearest page", async () => {
    const dir = docs();
    writeTree(dir, {
      "docs2ts.config.json": [
        "{",
        '  "input": "docs",',
        '  "rules": {',
        '    "unknown-type": ["off", { "pages": ["legacy/**", "parcle.md"] }]',
        "  }",
        "}",
      ].join("\n"),
    });
    const [project] = (await loadConfig(undefined, dir)).projects;
    const result = await generate({ ...project, input: join(dir, "docs"), cache: false });
    const unmatched = result.diagnostics.filter((d) => d.ruleId === "override-unmatched");
    expect(unmatched).toMatchObject([
      {
        file: "docs2ts.config.json",
        line: 4,
        column: 54,
        severity: "warning",
        message: expect.stringMatching(
          /^Unexpected page pattern `parcle\.md` in the `unknown-type` rule's pages, expected the path of a page in the input folder \(did you mean `parcel\.md`\?\)/,
        ),
      },
    ]);
  });

  it("is checked whole with the config", () => {
    const problems = (rules: unknown) => {
      try {
        validateConfig({ rules }, "docs2ts.config.json");
        return [];
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        return (error as Error).message.split("\n");
      }
    };
    expect(problems({ "unknown-type": ["off", { pages: ["a.md"] }] })).toEqual([]);
    expect(problems({ "unknown-type": ["of", { page: ["a.md"] }] })).toEqual([
      "3 problems in the config:",
      expect.stringMatching(
        /"rules\.unknown-type\[0\]" must be .* got "of" \(did you mean "off"\?\)/,
      ),
      expect.stringMatching(
        /unknown key "page" in option "rules\.unknown-type\[1\]" \(did you mean "pages"\?\)/,
      ),
      expect.stringMatching(/"rules\.unknown-type\[1\]\.pages" must be a non-empty array/),
    ]);
    expect(problems({ "unknown-type": ["off", { pages: [] }] })).toEqual([
      expect.stringMatching(/"rules\.unknown-type\[1\]\.pages" must be a non-empty array/),
    ]);
    expect(problems({ "unknown-type": ["off"] })).toEqual([
      expect.stringMatching(
        /"rules\.unknown-type" must be \[severity, \{ "pages": \[\.\.\.\] \}\]/,
      ),
    ]);
  });
});
