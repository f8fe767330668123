/**
 * Warnings a user can live with: the text reporter prints a cause that repeats as one line (the count
 * and the message pattern), two examples and the `rules` setting that acknowledges it; `--verbose`
 * prints every warning; errors come after the warnings, just above the summary; `--reporter json`
 * lists every diagnostic.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { groupByCause, messagePattern, quietingSnippet } from "../../src/core/diagnostic-causes.js";
import { diagnosticAt, type Diagnostic } from "../../src/core/diagnostics.js";
import { modelPage, tempDir, writeTree } from "../support/helpers.js";

const CLI = fileURLToPath(new URL("../../dist/cli.js", import.meta.url));

const warning = (file: string, message: string): Diagnostic =>
  diagnosticAt({ file, line: 1, column: 1 }, "warning", "ref-by-name", message);

describe("messagePattern", () => {
  it.each([
    ["Unexpected link `a.md` to no model page", "Unexpected link `…` to no model page"],
    ["resolved `Parcel` by name to models/parcel.md", "resolved `…` by name to …"],
    ["with 63 fields (`Shelf.id`, ...)", "with … fields (`…`, ...)"],
    ['option "x" set', 'option "…" set'],
    ["a ``code`span`` here", "a `…` here"],
  ])("%s", (message, want) => {
    expect(messagePattern(message)).toBe(want);
  });
});

describe("groupByCause", () => {
  it("groups by severity, rule id and pattern, in the order of first appearance", () => {
    const causes = groupByCause([
      warning("a.md", "Unexpected link `x.md`; resolved `X` by name to x/x.md"),
      warning("b.md", "Unexpected link `y.md` to no section"),
      warning("c.md", "Unexpected link `z.md`; resolved `Z` by name to z/z.md"),
      {
        ...warning("d.md", "Unexpected link `w.md`; resolved `W` by name to w.md"),
        severity: "error",
      },
    ]);
    expect(
      causes.map((c) => [c.diagnostics[0].severity, c.diagnostics.map((d) => d.file)]),
    ).toEqual([
      ["warning", ["a.md", "c.md"]],
      ["warning", ["b.md"]],
      ["error", ["d.md"]],
    ]);
  });
});

describe("quietingSnippet", () => {
  const snippet = (files: string[]) =>
    quietingSnippet(groupByCause(files.map((file) => warning(file, "Unexpected `x`")))[0]!);
  it.each([
    [
      ["models/parcel.md"],
      '"rules": { "ref-by-name": ["off", { "pages": ["models/parcel.md"] }] }',
    ],
    [
      ["a.md", "b/c.md", "a.md"],
      '"rules": { "ref-by-name": ["off", { "pages": ["a.md", "b/c.md"] }] }',
    ],
    [
      ["models/x/a.md", "models/x/b.md", "models/y/c.md", "models/d.md"],
      '"rules": { "ref-by-name": ["off", { "pages": ["models/**"] }] }',
    ],
    [["a.md", "b.md", "c.md", "d/e.md"], '"rules": { "ref-by-name": "off" }'],
    [[""], '"rules": { "ref-by-name": "off" }'],
  ])("%j", (files, want) => {
    expect(snippet(files)).toBe(want);
  });
});

/** A page with one field typed by a link to a page the docs do not have, resolved by name. */
const linking = (title: string) =>
  modelPage(title, ["| `shelf` | [Shelf](../shared/shelf.md) | ✔️ | Where it is. |"]);

const SHELF = modelPage("Shelf", ["| `id` | string | ✔️ | Its id. |"]);

describe("the text reporter", () => {
  const dir = tempDir();
  writeTree(dir, {
    "docs/models/shelf.md": SHELF,
    ...Object.fromEntries(
      ["parcel", "courier", "crate", "pallet", "bin"].map((name) => [
        `docs/models/${name}.md`,
        linking(name[0]!.toUpperCase() + name.slice(1)),
      ]),
    ),
    // The one error: a field documented twice.
    "docs/models/van.md": linking("Van").replace(
      "| `shelf` | [Shelf](../shared/shelf.md) | ✔️ | Where it is. |",
      "| `shelf` | string | ✔️ | Where it is. |\n| `shelf` | string | ✔️ | Again. |",
    ),
  });
  const run = (...args: string[]) =>
    spawnSync(
      process.execPath,
      [CLI, "generate", "--input", "docs", "--out", "out", "--no-cache", ...args],
      { cwd: dir, encoding: "utf8" },
    );

  it("prints a repeated cause as one line, two examples and the setting that quiets it", () => {
    const result = run();
    expect(result.status).toBe(1);
    const lines = result.stderr.trimEnd().split("\n");
    expect(lines).toEqual([
      expect.stringMatching(
        /^5 warnings \[ref-by-name\]: Unexpected link `…` to no model page, .*resolved `…` by name to …$/,
      ),
      expect.stringMatching(
        /^ {2}docs\/models\/bin\.md:7:\d+: warning Unexpected link `\.\.\/shared\/shelf\.md`/,
      ),
      expect.stringMatching(/^ {2}docs\/models\/courier\.md:7:\d+: warning /),
      '  ... and 3 more (--verbose for all); to acknowledge them, in the config: "rules": { "ref-by-name": ["off", { "pages": ["models/**"] }] }',
      expect.stringMatching(/^docs\/models\/van\.md:8:\d+: error Unexpected second field `shelf`/),
      expect.stringMatching(/^1 error, 5 warnings/),
      expect.stringMatching(/^No files were written/),
    ]);
  });

  it("prints every warning with --verbose, and lists every diagnostic with --reporter json", () => {
    const verbose = run("--verbose").stderr;
    expect(verbose.match(/: warning Unexpected link/g)).toHaveLength(5);
    expect(verbose).not.toMatch(/--verbose for all/);
    const json = JSON.parse(run("--reporter", "json").stdout) as Diagnostic[];
    expect(json.map((d) => d.ruleId).sort()).toEqual([
      "duplicate-field",
      ...Array(5).fill("ref-by-name"),
    ]);
  });

  it("is quiet about the pages the config acknowledges", () => {
    writeTree(dir, {
      "docs2ts.config.json": JSON.stringify({
        rules: { "ref-by-name": ["off", { pages: ["models/**"] }] },
      }),
    });
    const result = run();
    expect(result.stderr).not.toMatch(/: warning /);
    expect(result.stderr).toMatch(/^1 error, 0 warnings/m);
  });
});
