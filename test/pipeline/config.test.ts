import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, sep } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  ConfigError,
  defineConfig,
  findConfig,
  loadConfig,
  validateConfig,
} from "../../src/pipeline/config.js";

let dir: string;
/** Where a config file's projects keep their cache, from the config file's folder. */
const CACHE = join("node_modules", ".cache", "docs2ts");
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "docs2ts-config-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const write = (file: string, text: string) => {
  mkdirSync(join(dir, file, ".."), { recursive: true });
  writeFileSync(join(dir, file), text);
};

/** The message `validateConfig` throws for a value (or "ok"). */
function messageFor(value: unknown): string {
  try {
    validateConfig(value, "docs2ts.config.json");
    return "ok";
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
}

/** The message `loadConfig` throws for `docs2ts.config.json` holding `text`. */
async function loadErrorFor(text: string): Promise<string> {
  write("docs2ts.config.json", text);
  const error = await loadConfig(undefined, dir).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ConfigError);
  return (error as Error).message;
}

describe("validateConfig reports every problem at once", () => {
  it("lists each bad option, top level and per project, in one error", () => {
    const message = messageFor({
      inptu: "docs",
      rules: { "ref-by-nam": "off" },
      typeMap: { int128: "strnig", money: "string" },
      projects: [{ input: "a", enumStyle: "enums" }],
    });
    expect(message.split("\n")).toEqual([
      "4 problems in the config:",
      expect.stringMatching(/^docs2ts\.config\.json: unknown option "inptu"/),
      expect.stringMatching(/unknown rule id "ref-by-nam"/),
      expect.stringMatching(/option "typeMap\.int128" names no type docs2ts reads: "strnig"/),
      expect.stringMatching(/option "projects\[0\]\.enumStyle" must be .* got "enums"/),
    ]);
  });

  it("accepts typeMap values that a dialect reads: primitives, shapes, model names", () => {
    expect(
      messageFor({ typeMap: { a: "unknown", b: "[]string", c: "Invoice", d: "map[string]int64" } }),
    ).toBe("ok");
  });
});

describe("validateConfig messages", () => {
  const cases: Array<[string, { given: unknown; want: string | RegExp }]> = [
    ["a valid config", { given: { input: "docs", enumStyle: "union" }, want: "ok" }],
    [
      "an unknown key with a near match",
      {
        given: { inptu: "docs" },
        want: /^docs2ts\.config\.json: unknown option "inptu" \(did you mean "input"\?\); known options: input, out, /,
      },
    ],
    [
      "a key in the wrong case",
      {
        given: { enumstyle: "enum" },
        want: /unknown option "enumstyle" \(did you mean "enumStyle"\?\)/,
      },
    ],
    [
      "an unknown key with no near match",
      { given: { colour: "blue" }, want: /unknown option "colour"; known options: / },
    ],
    [
      "a wrong type",
      {
        given: { maxErrors: "5" },
        want: 'docs2ts.config.json: option "maxErrors" must be a whole number of at least 1, got "5"',
      },
    ],
    [
      "a misspelt choice",
      {
        given: { fieldNames: "camelcase" },
        want: 'docs2ts.config.json: option "fieldNames" must be "as-documented", "snake_case" or "camelCase", got "camelcase" (did you mean "camelCase"?)',
      },
    ],
    [
      "a boolean given as a string",
      {
        given: { cache: "false" },
        want: 'docs2ts.config.json: option "cache" must be true or false, got "false"',
      },
    ],
    [
      "an unknown limit",
      {
        given: { limits: { maxRows: 5 } },
        want: /option "limits" must be an object with any of maxPageBytes/,
      },
    ],
    [
      "not an object",
      { given: [1], want: "docs2ts.config.json: expected an object of options, got [1]" },
    ],
    [
      "projects not an array",
      {
        given: { projects: {} },
        want: /option "projects" must be a non-empty array of \{ input, out, \.\.\. \}, got \{\}/,
      },
    ],
    ["empty projects", { given: { projects: [] }, want: /must be a non-empty array/ }],
    [
      "an unknown key in a project",
      {
        given: {
          projects: [
            { input: "a", out: "x" },
            { input: "b", otu: "y" },
          ],
        },
        want: /unknown option "projects\[1\]\.otu" \(did you mean "out"\?\)/,
      },
    ],
    [
      "a wrong type in a project",
      {
        given: { projects: [{ input: "a", enumStyle: 3 }] },
        want: 'docs2ts.config.json: option "projects[0].enumStyle" must be "const-object", "enum" or "union", got 3',
      },
    ],
    [
      "a project without an input",
      {
        given: { projects: [{ input: "a", out: "x" }, { out: "y" }] },
        want: /"projects\[1\]" needs an "input" folder/,
      },
    ],
    [
      "a project that is not an object",
      { given: { projects: ["a"] }, want: /"projects\[0\]" must be an object, got "a"/ },
    ],
    [
      "a function value",
      { given: { input: () => "x" }, want: /must be a folder path, got a function/ },
    ],
    [
      "a misspelt rule id",
      {
        given: { rules: { "ref-by-nam": "off" } },
        want: /unknown rule id "ref-by-nam" in option "rules" \(did you mean "ref-by-name"\?\)/,
      },
    ],
    [
      "a misspelt severity",
      {
        given: { rules: { "ref-by-name": "warnig" } },
        want: /option "rules\.ref-by-name" must be "off", "info", "warning" or "error", got "warnig" \(did you mean "warning"\?\)/,
      },
    ],
    [
      "a typeMap value that names no type",
      {
        given: { typeMap: { "decimal.Decimal": "unkown" } },
        want: /option "typeMap\.decimal\.Decimal" names no type docs2ts reads: "unkown" \(did you mean `unknown`\?\)/,
      },
    ],
  ];
  it.each(cases)("%s", (_name, { given, want }) => {
    const message = messageFor(given);
    if (typeof want === "string") expect(message).toBe(want);
    else expect(message).toMatch(want);
  });
});

describe("loadConfig", () => {
  it("returns one default project when there is no config", async () => {
    expect(await loadConfig(undefined, dir)).toEqual({ source: undefined, projects: [{}] });
  });

  it("reads docs2ts.config.json", async () => {
    write("docs2ts.config.json", JSON.stringify({ input: "docs", out: "src/gen" }));
    expect(await loadConfig(undefined, dir)).toEqual({
      source: "docs2ts.config.json",
      projects: [{ input: "docs", out: "src/gen", cacheDir: CACHE }],
    });
  });

  it("reads a typed docs2ts.config.mjs through its default export", async () => {
    write(
      "docs2ts.config.mjs",
      `const defineConfig = (c) => c;\nexport default defineConfig({ input: "docs", enumStyle: "union" });\n`,
    );
    const loaded = await loadConfig(undefined, dir);
    expect(loaded.projects).toEqual([{ input: "docs", enumStyle: "union", cacheDir: CACHE }]);
    expect(loaded.source).toBe("docs2ts.config.mjs");
  });

  it("validates a .mjs config like a JSON one", async () => {
    write("docs2ts.config.mjs", `export default { input: "docs", watch: true };\n`);
    await expect(loadConfig(undefined, dir)).rejects.toThrow(
      /^docs2ts\.config\.mjs: unknown option "watch"/,
    );
  });

  it("asks for a default export", async () => {
    write("docs2ts.config.mjs", `export const config = { input: "docs" };\n`);
    await expect(loadConfig(undefined, dir)).rejects.toThrow(
      "docs2ts.config.mjs: expected `export default defineConfig({ ... })`",
    );
  });

  it("reports a config module that throws", async () => {
    write("docs2ts.config.mjs", `throw new Error("boom");\n`);
    await expect(loadConfig(undefined, dir)).rejects.toThrow(
      "docs2ts.config.mjs: failed to load: boom",
    );
  });

  it("refuses two config files", async () => {
    write("docs2ts.config.json", "{}");
    write("docs2ts.config.mjs", "export default {};");
    await expect(loadConfig(undefined, dir)).rejects.toThrow(
      "found docs2ts.config.json and docs2ts.config.mjs; keep one config file",
    );
  });

  it("falls back to the docs2ts key of package.json", async () => {
    write("package.json", JSON.stringify({ name: "x", docs2ts: { out: "gen", inptu: "d" } }));
    await expect(loadConfig(undefined, dir)).rejects.toThrow(
      /^package\.json:1:\d+: unknown option "inptu" \(did you mean "input"\?\)/,
    );
    write("package.json", JSON.stringify({ name: "x", docs2ts: { out: "gen" } }));
    expect(await loadConfig(undefined, dir)).toEqual({
      source: "package.json#docs2ts",
      projects: [{ out: "gen", cacheDir: CACHE }],
    });
  });

  it("names a missing --config file and broken JSON", async () => {
    await expect(loadConfig("nope.json", dir)).rejects.toThrow("config file nope.json not found");
    write("bad.json", "{ input: 1 }");
    await expect(loadConfig("bad.json", dir)).rejects.toThrow(
      "bad.json:1:3: not valid JSON: Unexpected `input`, expected a key in double quotes or `}`",
    );
  });

  // JSON.parse says "at position 31" on Node 20, quotes the text for some mistakes and says
  // nothing of where an early end is: every one is at its line and column here.
  it.each<[string, string, string]>([
    [
      "a doubled comma",
      '{\n  "input": "docs",\n  "out": "gen",,\n}\n',
      "3:16: not valid JSON: Unexpected `,`, expected a key in double quotes",
    ],
    [
      "a trailing comma",
      '{\n  "input": "docs",\n}\n',
      "3:1: not valid JSON: Unexpected `}`, expected another key after the comma (JSON allows no trailing comma)",
    ],
    [
      "a missing value",
      '{\n  "input": ,\n  "out": "gen"\n}\n',
      "2:12: not valid JSON: Unexpected `,`, expected a value (a string in double quotes, a number, true, false, null, an object or an array)",
    ],
    [
      "an unquoted value",
      '{\n  "enumStyle": union\n}\n',
      "2:16: not valid JSON: Unexpected `union`, expected a value (a string in double quotes, a number, true, false, null, an object or an array)",
    ],
    [
      "a missing comma",
      '{\n  "input": "docs"\n  "out": "gen"\n}\n',
      '3:3: not valid JSON: Unexpected `"`, expected `,` or `}`',
    ],
    [
      "an early end",
      '{\n  "input": "docs",\n  "typeMap": {\n',
      "4:1: not valid JSON: Unexpected end of file, expected a key in double quotes or `}`",
    ],
    [
      "a line break in a string",
      '{\n  "input": "docs\n"\n}\n',
      '2:17: not valid JSON: Unexpected line break, expected `"` before the line ends',
    ],
    [
      "a bad escape",
      '{ "input": "C:\\docs" }',
      "1:15: not valid JSON: Unexpected `\\d`, expected an escape of",
    ],
    [
      "text after the value",
      '{ "input": "docs" }\n}\n',
      "2:1: not valid JSON: Unexpected `}`, expected the end of the file after the value",
    ],
  ])("places JSON syntax errors: %s", async (_name, text, want) => {
    expect(await loadErrorFor(text)).toContain(`docs2ts.config.json:${want}`);
  });

  // JSON.parse keeps the last of two keys: two entries for one page would drop the first one's
  // corrections without a word.
  it.each<[string, string, string]>([
    [
      "two entries for one page",
      '{\n  "overrides": {\n    "a.md": { "name": "A" },\n    "b.md": {},\n    "a.md": { "fields": {} }\n  }\n}\n',
      'docs2ts.config.json:5:5: key "overrides["a.md"]" given twice (first at line 3), expected each key once: JSON keeps only the last, so merge the two',
    ],
    [
      "an option",
      '{ "input": "docs",\n  "out": "a",\n  "out": "b" }',
      'docs2ts.config.json:3:3: key "out" given twice (first at line 2)',
    ],
    [
      "a field in a project",
      '{ "projects": [{}, { "overrides": { "a.md": { "fields": {\n  "X": { "nullable": true }, "X": {} } } } }] }',
      'docs2ts.config.json:2:30: key "projects[1].overrides["a.md"].fields.X" given twice (first at line 2)',
    ],
  ])("refuses a key given twice: %s", async (_name, text, want) => {
    expect(await loadErrorFor(text)).toContain(want);
  });

  it("refuses a key given twice in package.json's docs2ts key, and only there", async () => {
    const pkg = (docs2ts: string) =>
      `{\n  "name": "x",\n  "scripts": { "a": "1", "a": "2" },\n  "docs2ts": ${docs2ts}\n}\n`;
    write("package.json", pkg('{ "out": "gen" }'));
    expect((await loadConfig(undefined, dir)).projects).toEqual([{ out: "gen", cacheDir: CACHE }]);
    write("package.json", pkg('{ "out": "gen", "out": "lib" }'));
    await expect(loadConfig(undefined, dir)).rejects.toThrow(
      'package.json:4:30: key "docs2ts.out" given twice (first at line 4)',
    );
  });

  it("places a syntax error in package.json, where the docs2ts key is looked for", async () => {
    write("package.json", '{\n  "name": "x",\n  "docs2ts": { "out": "gen", }\n}\n');
    await expect(loadConfig(undefined, dir)).rejects.toThrow(
      "package.json:3:30: not valid JSON: Unexpected `}`, expected another key after the comma",
    );
  });

  it("explains that .ts configs need type stripping on this Node", async () => {
    write("docs2ts.config.ts", `export default { input: "docs" };\n`);
    const strips = Boolean((process.features as { typescript?: unknown }).typescript);
    if (strips)
      expect((await loadConfig(undefined, dir)).projects).toEqual([
        { input: "docs", cacheDir: CACHE },
      ]);
    else
      await expect(loadConfig(undefined, dir)).rejects.toThrow(
        /^docs2ts\.config\.ts: this Node \(v\d+.*\) cannot import TypeScript; rename it to docs2ts\.config\.mjs/,
      );
  });

  it("splits projects, merging top-level defaults and nested maps", async () => {
    write(
      "docs2ts.config.json",
      JSON.stringify({
        enumStyle: "union",
        limits: { maxTableRows: 10 },
        projects: [
          { name: "a", input: "docs/a", out: "gen/a" },
          { input: "docs/b", out: "gen/b", enumStyle: "enum", limits: { maxNesting: 4 } },
        ],
      }),
    );
    expect((await loadConfig(undefined, dir)).projects).toEqual([
      {
        name: "a",
        input: "docs/a",
        out: "gen/a",
        enumStyle: "union",
        limits: { maxTableRows: 10 },
        cacheDir: CACHE,
      },
      {
        input: "docs/b",
        out: "gen/b",
        enumStyle: "enum",
        limits: { maxTableRows: 10, maxNesting: 4 },
        cacheDir: CACHE,
      },
    ]);
  });

  it("rejects two projects writing to one folder", async () => {
    write(
      "docs2ts.config.json",
      JSON.stringify({
        projects: [
          { input: "a", out: "gen" },
          { input: "b", out: "./gen" },
        ],
      }),
    );
    await expect(loadConfig(undefined, dir)).rejects.toThrow(
      'docs2ts.config.json: projects[0] and projects[1] both write to gen; give each its own "out"',
    );
  });

  it("resolves paths in a --config file from that file's folder", async () => {
    write("sub/conf.json", JSON.stringify({ input: "docs", out: "../gen", templates: "tpl" }));
    expect((await loadConfig("sub/conf.json", dir)).projects).toEqual([
      // The cache beside the config file, like its other paths.
      { input: "sub/docs", out: "gen", templates: "sub/tpl", cacheDir: join("sub", CACHE) },
    ]);
  });

  it("defineConfig returns its argument", () => {
    const config = { projects: [{ input: "a", out: "b" }] };
    expect(defineConfig(config)).toBe(config);
  });
});

describe("config lookup (from the working folder up to the package root)", () => {
  it("finds the config of the package from a subfolder, with paths from the config's folder", async () => {
    write("package.json", JSON.stringify({ name: "app" }));
    write("docs2ts.config.json", JSON.stringify({ input: "docs", out: "src/gen" }));
    mkdirSync(join(dir, "src/feature"), { recursive: true });
    expect(await loadConfig(undefined, join(dir, "src/feature"))).toEqual({
      source: "../../docs2ts.config.json",
      projects: [{ input: "../../docs", out: "../gen", cacheDir: join("..", "..", CACHE) }],
    });
  });

  it("takes the nearest config, and package.json's key when it is nearer than a file", async () => {
    write(".git/HEAD", "ref: refs/heads/main\n");
    write("docs2ts.config.json", JSON.stringify({ input: "top" }));
    write("pkg/package.json", JSON.stringify({ name: "pkg", docs2ts: { input: "mine" } }));
    write("pkg/sub/.keep", "");
    expect(await loadConfig(undefined, join(dir, "pkg/sub"))).toEqual({
      source: "../package.json#docs2ts",
      projects: [{ input: "../mine", cacheDir: join("..", CACHE) }],
    });
  });

  it("stops at the package root: a config above it is not read", async () => {
    write("docs2ts.config.json", JSON.stringify({ input: "outer" }));
    write("app/package.json", JSON.stringify({ name: "app" }));
    write("app/src/.keep", "");
    expect(await loadConfig(undefined, join(dir, "app/src"))).toEqual({
      source: undefined,
      projects: [{}],
    });
    // The git root is a package root too.
    write("repo/.git/HEAD", "ref: refs/heads/main\n");
    write("repo/docs/.keep", "");
    expect((await loadConfig(undefined, join(dir, "repo/docs"))).source).toBeUndefined();
  });

  it("reads only the working folder when no package root is above it", async (context) => {
    // The system's temporary folder normally has no package.json or .git above it.
    const ancestors = dirname(dir)
      .split(sep)
      .map((_, i, parts) => parts.slice(0, i + 1).join(sep) || sep);
    if (ancestors.some((a) => existsSync(join(a, "package.json")) || existsSync(join(a, ".git"))))
      context.skip();
    write("docs2ts.config.json", JSON.stringify({ input: "outer" }));
    write("sub/.keep", "");
    expect(findConfig(join(dir, "sub"))).toBeUndefined();
    expect(findConfig(dir)?.shown).toBe("docs2ts.config.json");
  });

  it("refuses two config files in the folder it finds them in, naming them from the working folder", async () => {
    write("package.json", "{}");
    write("docs2ts.config.json", "{}");
    write("docs2ts.config.mjs", "export default {};");
    write("a/.keep", "");
    await expect(loadConfig(undefined, join(dir, "a"))).rejects.toThrow(
      "found ../docs2ts.config.json and ../docs2ts.config.mjs; keep one config file",
    );
  });
});
