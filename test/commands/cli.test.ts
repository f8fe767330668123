/**
 * The CLI as users run it (the built dist/cli.js, as `npm test` builds first): exit codes, check's diff
 * and fix hint, config errors, several projects, flags over config, a templates folder, quiet pipes, and
 * the pinned `--help` text.
 */
import { spawnSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

const repo = fileURLToPath(new URL("../..", import.meta.url));
const cli = join(repo, "dist/cli.js");
let dir: string;

/** A page that documents its field twice (a duplicate-field error). */
const BROKEN_PAGE = [
  "# Broken",
  "",
  "## Fields",
  "",
  "| Field | Type | Required | Description |",
  "| --- | --- | --- | --- |",
  "| `A` | *string* | :heavy_check_mark: | N/A |",
  "| `A` | *string* | :heavy_check_mark: | N/A |",
  "",
].join("\n");
/** How the const-object enum style starts (the union style has only the type). */
const CONST_OBJECT = /export const Status = \{/;

function docs2ts(args: string[], env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(process.execPath, [cli, ...args], {
    cwd: dir,
    encoding: "utf8",
    env: { ...process.env, CI: "", ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const read = (file: string) => readFileSync(join(dir, file), "utf8");
const write = (file: string, text: string) => {
  mkdirSync(join(dir, file, ".."), { recursive: true });
  writeFileSync(join(dir, file), text);
};

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "docs2ts-cli-"));
  cpSync(join(repo, "input"), join(dir, "input"), { recursive: true });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("check", () => {
  it("exits 0 when current and 1 with a short diff and the fix command when stale", () => {
    expect(docs2ts([]).code).toBe(0);
    const ok = docs2ts(["check"]);
    expect([ok.code, ok.stderr]).toEqual([
      0,
      expect.stringMatching(/generated\/ is up to date \(\d+ files\)\./),
    ]);

    const page = "input/models/components/status.md";
    write(
      page,
      read(page).replace("Where the batch is in its lifecycle.", "Where the batch is now."),
    );
    const before = read("generated/models/components/status.ts");
    for (const args of [["check"], ["generate", "--check"], ["--check"]]) {
      const stale = docs2ts(args);
      expect(stale.code, args.join(" ")).toBe(1);
      expect(stale.stderr).toContain("--- a/models/components/status.ts");
      expect(stale.stderr).toContain("+++ b/models/components/status.ts");
      expect(stale.stderr).toContain("-/** Where the batch is in its lifecycle. */");
      expect(stale.stderr).toContain("+/** Where the batch is now. */");
      // The summary counts the stale file and comes after its diff; the verdict names it, last.
      const lines = stale.stderr.trimEnd().split("\n");
      expect(lines.slice(-2)).toEqual([
        expect.stringMatching(/^1 error \(1 stale file\), 0 warnings, /),
        "generated/ is stale (generated/models/components/status.ts): 0 to add, 1 to update, 0 to remove. Run `npm run generate` to update it.",
      ]);
      expect(stale.stderr.indexOf("+++ b/models/components/status.ts")).toBeLessThan(
        stale.stderr.indexOf("1 error (1 stale file)"),
      );
    }
    expect(read("generated/models/components/status.ts")).toBe(before);
  });

  it("generate --verbose names each file it puts back, adds or removes; an unchanged run names none", () => {
    expect(docs2ts([]).code).toBe(0);
    write(
      "generated/models/components/status.ts",
      `${read("generated/models/components/status.ts")}// edited\n`,
    );
    rmSync(join(dir, "generated/models/components/batch.ts"));
    const stray = read("generated/models/components/errors.ts");
    write("generated/models/components/gone.ts", stray);
    const run = docs2ts(["--verbose"]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(
      "Files in generated/ (a generated file edited by hand is put back):\n  added generated/",
    );
    const named = run.stderr.split("\n").filter((line) => /^  (added|updated|removed) /.test(line));
    expect(named).toEqual([
      "  added generated/models/components/batch.ts",
      "  updated generated/models/components/status.ts",
      "  removed generated/models/components/gone.ts",
    ]);
    expect(run.stderr).toContain("Wrote 2 files (1 new), removed 1,");
    const again = docs2ts(["--verbose"]);
    expect(again.stderr).not.toMatch(/^  (added|updated|removed) /m);
  });

  it("exits 1 on doc errors and writes nothing", () => {
    write("input/models/components/broken.md", BROKEN_PAGE);
    const result = docs2ts([]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("input/models/components/broken.md:8:");
    expect(result.stderr).toContain("[duplicate-field]");
    expect(result.stderr).toContain(
      "No files were written to generated/: fix the errors above first.",
    );
    expect(existsSync(join(dir, "generated"))).toBe(false);
  });
});

describe("config", () => {
  it("exits 2 with the config error", () => {
    write("docs2ts.config.json", JSON.stringify({ outt: "gen" }));
    const result = docs2ts([]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^docs2ts: docs2ts\.config\.json:1:2: unknown option "outt" \(did you mean "out"\?\)/,
    );
    expect(docs2ts(["check"]).code).toBe(2);
  });

  // Node's own import(), as users run it (vitest loads modules its own way): an error thrown while
  // the config runs is at its stack's line and column; a syntax error, which Node 20 gives no place,
  // at the place `node --check` marks.
  it.each<[string, Record<string, string>, string]>([
    [
      "an error thrown while the config runs",
      { "docs2ts.config.mjs": 'const input = "input";\nexport default { input, out: outDir };\n' },
      "docs2ts.config.mjs:2:30: failed to load: outDir is not defined",
    ],
    [
      "a doubled comma",
      { "docs2ts.config.mjs": 'export default {\n  input: "input",,\n};\n' },
      "docs2ts.config.mjs:2:18: failed to load: Unexpected token ','",
    ],
    [
      "a missing comma",
      { "docs2ts.config.mjs": 'export default {\n  input: "input"\n  out: "gen",\n};\n' },
      "docs2ts.config.mjs:3:3: failed to load: Unexpected identifier 'out'",
    ],
    [
      "an early end",
      { "docs2ts.config.mjs": 'export default {\n  input: "input",\n' },
      "docs2ts.config.mjs:3:1: failed to load: Unexpected end of input",
    ],
    [
      "an error in a module the config imports (no place in the config)",
      {
        "helper.mjs": "export const input = ;\n",
        "docs2ts.config.mjs": 'import { input } from "./helper.mjs";\nexport default { input };\n',
      },
      "docs2ts.config.mjs: failed to load: Unexpected token ';'",
    ],
  ])("places a .mjs config that fails to load: %s", (_name, files, want) => {
    for (const [file, text] of Object.entries(files)) write(file, text);
    const result = docs2ts([]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`docs2ts: ${want}\n`);
  });

  it("lets flags override the config", () => {
    write("docs2ts.config.json", JSON.stringify({ out: "gen", enumStyle: "union" }));
    expect(docs2ts([]).code).toBe(0);
    expect(read("gen/models/components/status.ts")).not.toMatch(CONST_OBJECT);
    expect(docs2ts(["--enum-style", "const-object", "--out", "gen2"]).code).toBe(0);
    expect(read("gen2/models/components/status.ts")).toMatch(CONST_OBJECT);
  });

  it("runs every project, or the ones picked with --project", () => {
    cpSync(join(dir, "input"), join(dir, "docs/b"), { recursive: true });
    write(
      "docs2ts.config.json",
      JSON.stringify({
        enumStyle: "union",
        projects: [
          { name: "a", input: "input", out: "gen/a" },
          { name: "b", input: "docs/b", out: "gen/b", enumStyle: "const-object" },
        ],
      }),
    );
    const both = docs2ts([]);
    expect(both.code, both.stderr).toBe(0);
    expect(both.stderr).toContain("in gen/a/.");
    expect(both.stderr).toContain("in gen/b/.");
    // --reporter json: each diagnostic names its project.
    const json = JSON.parse(docs2ts(["--reporter", "json"]).stdout) as { project?: string }[];
    expect(json.map((d) => d.project)).toEqual(["a", "b"]);
    expect(read("gen/a/models/components/status.ts")).not.toMatch(CONST_OBJECT);
    expect(read("gen/b/models/components/status.ts")).toMatch(CONST_OBJECT);

    rmSync(join(dir, "gen"), { recursive: true });
    expect(docs2ts(["--project", "b"]).code).toBe(0);
    expect([existsSync(join(dir, "gen/a")), existsSync(join(dir, "gen/b"))]).toEqual([false, true]);

    const unknown = docs2ts(["--project", "c"]);
    expect([unknown.code, unknown.stderr]).toEqual([
      2,
      'docs2ts: no project named "c"; the config has a, b\n',
    ]);
    const ambiguous = docs2ts(["--out", "x"]);
    expect([ambiguous.code, ambiguous.stderr]).toEqual([
      2,
      "docs2ts: --input and --out apply to one project; pick it with --project <name>\n",
    ]);
    expect(docs2ts(["check"]).code).toBe(1);
  });

  it("uses the banner from the config's templates folder, and a new banner is not served from the cache", () => {
    write(
      "tpl/banner.txt",
      "// @generated by docs2ts from {{source}} for ACME; run `{{command}}`.\n",
    );
    write("docs2ts.config.json", JSON.stringify({ templates: "tpl" }));
    expect(docs2ts([]).code).toBe(0);
    expect(read("generated/models/components/status.ts")).toMatch(
      /^\/\/ @generated by docs2ts from models\/components\/status\.md for ACME; run `npm run generate`\.\n/,
    );
    write("tpl/banner.txt", "// @generated by docs2ts from {{source}} for Initech.\n");
    expect(docs2ts([]).code).toBe(0);
    expect(read("generated/models/components/status.ts")).toContain("for Initech.");

    write("docs2ts.config.json", JSON.stringify({ templates: "missing" }));
    const missing = docs2ts([]);
    expect([missing.code, missing.stderr]).toEqual([
      2,
      'docs2ts: cannot read the templates folder missing: it does not exist; expected a folder of templates (banner.txt, runtime.ts, ...). Set it with "templates" in docs2ts.config.json.\n',
    ]);
  });
});

/** A page of one field whose type cell is `type`. */
const pageWith = (title: string, type: string) =>
  [
    `# ${title}`,
    "",
    "## Fields",
    "",
    "| Field | Type | Required | Description |",
    "| --- | --- | --- | --- |",
    `| \`A\` | ${type} | :heavy_check_mark: | N/A |`,
    "",
  ].join("\n");

describe("the first five minutes (issue 15)", () => {
  it("a misspelled command: names it and the nearest command, not the default one (exit 2)", () => {
    expect(docs2ts(["genrate"])).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "docs2ts: unknown command 'genrate' (did you mean \"generate\"?); `docs2ts --help` lists the commands\n",
    });
  });

  it("no input/ folder: names the folder, the flag, the config key and init (exit 2)", () => {
    rmSync(join(dir, "input"), { recursive: true });
    const result = docs2ts([]);
    expect([result.code, result.stderr]).toEqual([
      2,
      'docs2ts: cannot read the docs folder input: it does not exist; expected a folder of Markdown pages. Set it with --input <dir> or "input" in docs2ts.config.json, or run `docs2ts init`.\n',
    ]);
    // With pages elsewhere, the message points at them; a config names itself.
    cpSync(join(repo, "input"), join(dir, "docs"), { recursive: true });
    write("package.json", JSON.stringify({ docs2ts: { input: "schemas" } }));
    expect(docs2ts(["check"]).stderr).toBe(
      'docs2ts: cannot read the docs folder schemas: it does not exist; expected a folder of Markdown pages (docs/ holds 7 pages). Set it with --input <dir> or "input" in package.json#docs2ts, or run `docs2ts init`.\n',
    );
  });

  it("--input a file: no raw Node error (exit 2)", () => {
    write("README.md", "# Readme\n");
    const result = docs2ts(["--input", "README.md"]);
    expect([result.code, result.stderr]).toEqual([
      2,
      'docs2ts: cannot read the docs folder README.md: it is a file; expected a folder of Markdown pages (input/ holds 7 pages). Set it with --input <dir> or "input" in docs2ts.config.json, or run `docs2ts init`.\n',
    ]);
    expect(result.stderr).not.toMatch(/\bE(?:NOTDIR|NOENT|ACCES)\b/);
    const out = docs2ts(["--out", "README.md"]);
    expect([out.code, out.stderr]).toEqual([
      2,
      'docs2ts: cannot use README.md as the output folder: it is a file; expected a folder (or nothing yet, it is created). Set it with --out <dir> or "out" in docs2ts.config.json.\n',
    ]);
  });

  it("an empty folder, or one with no Markdown, fails with no-pages and a hint (exit 1)", () => {
    mkdirSync(join(dir, "empty/images"), { recursive: true });
    for (const args of [
      ["--input", "empty"],
      ["check", "--input", "empty"],
    ]) {
      const result = docs2ts(args);
      expect([result.code, result.stderr], args.join(" ")).toEqual([
        1,
        [
          'empty/: error Unexpected folder with no Markdown page, expected `.md`, `.mdx` or `.markdown` files in it or below it; input/ holds 7 pages (--input input, or "input" in the config) [no-pages]',
          "1 error, 0 warnings, 0 pages that are not models skipped.",
          "No files were written to generated/: fix the errors above first.",
          "",
        ].join("\n"),
      ]);
    }
    expect(existsSync(join(dir, "generated"))).toBe(false);
  });

  it("a folder whose pages hold no model fails with no-models (exit 1)", () => {
    write("prose/README.md", "# About\n\nNothing here.\n");
    write("prose/guide.md", "# Guide\n\n## Usage\n\nRead the docs.\n");
    const result = docs2ts(["--input", "prose"]);
    expect([result.code, result.stderr]).toEqual([
      1,
      [
        'prose/: error Unexpected folder whose 2 pages hold no model, expected a page with a field table, `## Values` or `## Supported Types`; input/ holds 7 pages (--input input, or "input" in the config) [no-models]',
        "1 error, 0 warnings, 2 pages that are not models skipped:",
        "  prose/guide.md:1:1: Unexpected page without a field table or `## Fields`, `## Properties`, `## Values`, `## Enum` or `## Supported Types` (its sections: `Usage`)",
        "  prose/README.md:1:1: Unexpected index page (`README.md`)",
        "No files were written to generated/: fix the errors above first.",
        "",
      ].join("\n"),
    ]);
  });

  it("an unread type spelling suggests the nearest words of the dialect", () => {
    write("input/models/components/typo.md", pageWith("Typo", "*strng*"));
    const result = docs2ts(["--quiet", "--reporter", "json"]);
    const typo = (JSON.parse(result.stdout) as Array<{ file: string; message: string }>).filter(
      (d) => d.file === "models/components/typo.md",
    );
    expect(typo).toEqual([
      expect.objectContaining({
        ruleId: "unknown-type",
        message:
          "Unexpected type `strng`, expected a primitive, a list, a map or a link to a model (did you mean `string`?); using `unknown`",
      }),
    ]);
  });

  it("an unresolved reference suggests the nearest page names", () => {
    write("input/models/components/bars.md", pageWith("Bars", "*string*"));
    write("input/models/components/foo.md", pageWith("Foo", "[Bar](bar.md)"));
    const result = docs2ts([]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(
      "input/models/components/foo.md:7:9: warning Unexpected reference to `Bar` (link `bar.md`), expected a model page in the input folder (did you mean `Bars` (models/components/bars.md)?); using `unknown` [unresolved-ref]",
    );
  });

  it("init on an empty project says so and writes nothing (exit 1)", () => {
    rmSync(join(dir, "input"), { recursive: true });
    const result = docs2ts(["init"]);
    expect([result.code, result.stdout]).toEqual([
      1,
      "Found no folder of Markdown pages here (dot-folders and node_modules are not searched).\nPut the docs in a folder (docs/, say) and run `docs2ts init --input docs`. Nothing was written.\n",
    ]);
    expect(existsSync(join(dir, "docs2ts.config.json"))).toBe(false);
  });

  it("init sets up the project; generate and check then work with no flags", () => {
    write("package.json", JSON.stringify({ name: "demo" }, null, 2));
    const init = docs2ts(["init"]);
    expect(init.code, init.stderr).toBe(0);
    expect(JSON.parse(read("docs2ts.config.json"))).toEqual({ input: "input", out: "generated" });
    expect(JSON.parse(read("package.json")).scripts).toEqual({
      generate: "docs2ts",
      "check:generated": "docs2ts check",
    });
    expect(docs2ts([]).code).toBe(0);
    expect(docs2ts(["check"]).code).toBe(0);
    const again = docs2ts(["init"]);
    expect(again.stdout).toContain("Nothing to change: docs2ts is set up here.");
  });
});

describe("output on pipes and in CI", () => {
  it("prints no progress line when stderr is not a terminal", () => {
    for (const env of [{}, { CI: "true" }]) {
      const result = docs2ts(["--no-cache"], env);
      expect(result.code).toBe(0);
      expect(result.stderr).not.toContain("\x1b[");
      expect(result.stderr).not.toContain("\r");
    }
  });

  it("--reporter json prints one JSON array for all projects on stdout", () => {
    const result = docs2ts(["--reporter", "json"]);
    expect(result.code).toBe(0);
    // The seed docs are Go docs read as documented: the one note of the run says what that means.
    expect(JSON.parse(result.stdout)).toEqual([
      expect.objectContaining({ severity: "info", ruleId: "sdk-field-names" }),
    ]);
  });
});

describe("the public surface", () => {
  it("pins the --help text of every command", async () => {
    const help = ["--help", "generate --help", "check --help", "init --help"]
      .map((args) => `$ docs2ts ${args}\n${docs2ts(args.split(" ")).stdout}`)
      .join("\n");
    await expect(help).toMatchFileSnapshot("./snapshots/cli-help.txt");
  });

  it("exits 2 on a usage error", () => {
    const result = docs2ts(["--enum-style", "nope"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      "error: option '--enum-style <style>' argument 'nope' is invalid",
    );
  });
});
