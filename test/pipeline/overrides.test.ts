/**
 * Overrides in the config: each kind on our own pages (golden output per case folder), stale and no-op
 * overrides with their diagnostics at the config's line and column (JSON) or key path (.mjs), projects,
 * config validation, the cache, and the JSON position scan they rely on.
 *
 * Case folders: `test/fixtures/overrides/<case>/` with a config file, `input/`, `expected/<project>/`
 * (every generated file) and `diagnostics.txt`. Refresh with `UPDATE_FIXTURES=1 npx vitest run
 * test/pipeline/overrides.test.ts` and review the diff like code.
 */
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { dirname, join, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  ConfigError,
  defineConfig,
  loadConfig,
  validateConfig,
} from "../../src/pipeline/config.js";
import { formatDiagnostic } from "../../src/core/diagnostics-format.js";
import { generate } from "../../src/pipeline/generate.js";
import { scanJson } from "../../src/pipeline/json-positions.js";
import type { GenerateOptions } from "../../src/core/options.js";
import { strictTypeErrors, tempDir, writeTree } from "../support/helpers.js";

const CASES = fileURLToPath(new URL("../fixtures/overrides/", import.meta.url));
const updating = () => process.env["UPDATE_FIXTURES"] === "1";

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return (readdirSync(dir, { recursive: true, encoding: "utf8" }) as string[])
    .filter((path) => statSync(join(dir, path)).isFile())
    .map((path) => path.split(sep).join("/"))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Runs every project of a case's config, as `docs2ts` run in the case folder would. */
async function runCase(caseDir: string) {
  const configFile = readdirSync(caseDir).find((name) => name.startsWith("docs2ts.config."));
  const config = await loadConfig(configFile, caseDir);
  const runs = [];
  for (const project of config.projects) {
    const result = await generate({
      ...project,
      input: join(caseDir, project.input ?? "input"),
      out: join(caseDir, "out-never-written"),
      cache: false,
    });
    runs.push({ name: project.name ?? "", result });
  }
  return runs;
}

describe("override cases (golden output and diagnostics)", () => {
  const names = readdirSync(CASES).sort();
  it("finds the cases", () =>
    expect(names).toEqual(["clashes", "clashes-mjs", "kinds", "mjs", "projects", "stale"]));

  it.each(names)("%s", async (name) => {
    const caseDir = join(CASES, name);
    const runs = await runCase(caseDir);
    let diagnostics = "";
    for (const { name: project, result } of runs) {
      const prefix = project === "" ? "input/" : `input/${project}/`;
      for (const d of result.diagnostics) diagnostics += `${formatDiagnostic(d, prefix)}\n`;
      const expectedDir = join(caseDir, "expected", project);
      if (updating()) {
        rmSync(expectedDir, { recursive: true, force: true });
        for (const file of result.files) {
          mkdirSync(dirname(join(expectedDir, file.path)), { recursive: true });
          writeFileSync(join(expectedDir, file.path), file.content);
        }
      } else {
        expect(result.files.map((file) => file.path)).toEqual(listFiles(expectedDir));
        for (const file of result.files)
          expect(file.content, file.path).toBe(readFileSync(join(expectedDir, file.path), "utf8"));
      }
      if (!result.diagnostics.some((d) => d.severity === "error"))
        expect(strictTypeErrors(result.files)).toEqual([]);
    }
    const golden = join(caseDir, "diagnostics.txt");
    if (updating()) writeFileSync(golden, diagnostics);
    else expect(diagnostics).toBe(readFileSync(golden, "utf8"));
  });
});

describe("what each override does (read from the model)", () => {
  it("kinds: every field, page and value override lands in the model and the output", async () => {
    const [run] = await runCase(join(CASES, "kinds"));
    const { result } = run as { result: Awaited<ReturnType<typeof generate>> };
    expect(result.diagnostics.filter((d) => d.severity !== "info")).toEqual([]);
    const decl = (id: string) => result.decls.find((d) => d.id === `models/components/${id}`);
    const assistant = decl("assistant");
    if (assistant?.kind !== "object") throw new Error("no object Assistant");
    const field = (name: string) => assistant.fields.find((f) => f.name === name);
    expect(field("Description")?.type).toEqual({
      kind: "union",
      members: [{ kind: "string" }, { kind: "null" }],
    });
    expect(field("Model")?.required).toBe(true);
    expect(field("Owner")?.type).toEqual({ kind: "string" });
    expect(field("Temperature")?.type).toEqual({ kind: "number", format: "double" });
    expect(field("Legacy")).toMatchObject({ deprecated: true, description: "Ignored since v2." });
    expect(field("Metadata")).toMatchObject({
      required: false,
      overridden: { changed: ["added"] },
    });
    expect(field("Description")?.overridden).toEqual({
      source: "docs2ts.config.json",
      changed: ["nullable"],
    });
    const tier = field("Tier")?.type;
    expect(tier).toMatchObject({
      kind: "union",
      members: [{ kind: "ref", target: "models/components/tier" }, { kind: "null" }],
    });
    const text = (path: string) => result.files.find((f) => f.path === path)?.content ?? "";
    expect(text("models/components/assistant.ts")).toContain(
      "@remarks overridden in docs2ts.config.json: nullable",
    );
    expect(text("models/components/categories.ts")).toContain('"hate/threatening": boolean;');
    expect(text("models/components/tier.ts")).toMatch(/"enterprise"/);
    expect(text("models/components/tier.ts")).not.toMatch(/"legacy"/);
    expect(text("models/components/usage.ts")).toContain("export interface Usage {");
  });

  it("a field's name is used as is under every fieldNames mode", async () => {
    for (const fieldNames of ["snake_case", "camelCase", "as-documented"] as const) {
      const result = await generate({
        input: join(CASES, "kinds/input"),
        fieldNames,
        validators: false,
        cache: false,
        overrides: {
          "models/components/categories.md": {
            fields: { HateThreatening: { name: "hate/threatening" } },
          },
        },
      });
      const text = result.files.find((f) => f.path === "models/components/categories.ts")?.content;
      expect(text, fieldNames).toContain('"hate/threatening": boolean;');
    }
  });

  it("options from code: findings name the key path, the note names the generate options", async () => {
    const result = await generate({
      input: join(CASES, "kinds/input"),
      validators: false,
      cache: false,
      // The run's SDK field-name note is not what this test is about.
      rules: { "sdk-field-names": "off" },
      overrides: { "models/components/tier.md": { name: "Tier", values: { add: ["gold"] } } },
    });
    expect(result.diagnostics.map((d) => formatDiagnostic(d))).toEqual([
      'overrides["models/components/tier.md"].name: warning Unexpected override of the name `Tier` with itself, expected another name [override-no-change]',
    ]);
    const text = result.files.find((f) => f.path === "models/components/tier.ts")?.content;
    expect(text).toContain("@remarks overridden in the generate options: values");
  });
});

describe("values for a page the docs left undocumented", () => {
  // OpenAPI Generator's PHP and Java docs leave enum pages with an empty `## Properties` table.
  const EMPTY =
    "# ShelfKind\n\n## Properties\n\nName | Type | Description | Notes\n------------ | ------------- | ------------- | -------------\n";
  const SHELF =
    "# Shelf\n\n## Properties\n\nName | Type | Description | Notes\n------------ | ------------- | ------------- | -------------\n**type** | [**\\Acme\\Model\\ShelfKind**](ShelfKind.md) | The type. |\n";

  it("makes it an enum of the values added, and drops its undocumented-model warning", async () => {
    const input = tempDir("docs2ts-undocumented-");
    writeTree(input, { "ShelfKind.md": EMPTY, "Shelf.md": SHELF });
    const before = await generate({ input, cache: false });
    expect(before.diagnostics.map((d) => d.ruleId)).toContain("undocumented-model");
    const overrides = { "ShelfKind.md": { values: { add: ["wall", "corner"] } } };
    const after = await generate({ input, cache: false, overrides });
    expect(after.diagnostics.filter((d) => d.severity !== "info")).toEqual([]);
    const type = after.decls.find((d) => d.name === "ShelfKind");
    expect(type).toMatchObject({
      kind: "enum",
      open: false,
      members: [{ value: "wall" }, { value: "corner" }],
      overridden: { changed: ["values"] },
    });
    const text = after.files.find((f) => f.path === "ShelfKind.ts")?.content ?? "";
    expect(text).toContain('Wall: "wall"');
    expect(text).toContain("@remarks overridden in the generate options: values");
    // Values to remove only: still not an enum page, and said so.
    const removing = { "ShelfKind.md": { values: { remove: ["corner"] } } };
    const wrong = await generate({ input, cache: false, overrides: removing });
    expect(wrong.diagnostics.map((d) => d.ruleId)).toContain("override-unmatched");
  });
});

describe("hostile override text", () => {
  it("reaches the output only through the escaping module: the output compiles, no comment is closed early", async () => {
    const hostile = "*/ export const pwned = 1; /*\u202e @deprecated";
    const result = await generate({
      input: join(CASES, "kinds/input"),
      cache: false,
      overrides: {
        "models/components/categories.md": {
          name: `Cat*/egories ${hostile}`,
          fields: { Hate: { name: `h"a\\te*/${hostile}`, description: hostile } },
        },
        "models/components/tier.md": { values: { add: [hostile] } },
      },
    });
    // The page's name is no identifier: refused at the override, the docs' name is kept.
    const errors = result.diagnostics.filter((d) => d.severity === "error");
    expect(errors.map((d) => [d.ruleId, d.keyPath])).toEqual([
      ["override-invalid-name", 'overrides["models/components/categories.md"].name'],
    ]);
    expect(strictTypeErrors(result.files)).toEqual([]);
    for (const file of result.files) {
      // Inside string literals the text is data; as code it would be a line of its own.
      expect(file.content).not.toMatch(/^\s*export const pwned/m);
      expect(file.content).not.toContain("\u202e");
    }
    const text = result.files.find((f) => f.path === "models/components/categories.ts")?.content;
    expect(text).toContain("*\\/ export const pwned = 1;");
    expect(text).toContain("export interface Categories {");
  });
});

describe("a page name the output cannot use as written", () => {
  it.each<[string, string, string]>([
    ["not an identifier", "Content Categories", "Content_Categories"],
    ["a reserved word", "default", "default_"],
    ["a global the generated code uses", "Record", "Record2"],
  ])("%s: an error at the override, and the docs' name is kept", async (_name, name, emitted) => {
    const dir = tempDir();
    const config = `{\n  "input": "docs",\n  "overrides": {\n    "categories.md": { "name": ${JSON.stringify(name)} }\n  }\n}\n`;
    writeTree(dir, {
      "docs2ts.config.json": config,
      "docs/categories.md": readFileSync(
        join(CASES, "kinds/input/models/components/categories.md"),
        "utf8",
      ),
    });
    const [project] = (await loadConfig(undefined, dir)).projects;
    const result = await generate({ ...project, input: join(dir, "docs"), cache: false });
    expect(
      result.diagnostics.filter((d) => d.severity !== "info").map((d) => formatDiagnostic(d)),
    ).toEqual([
      `docs2ts.config.json:4:24: error Unexpected name \`${name}\` for \`Categories\` (categories.md), expected a TypeScript identifier the output can use as written (it would be emitted as \`${emitted}\`); \`Categories\` keeps its name [override-invalid-name]`,
    ]);
    const text = result.files.find((f) => f.path === "categories.ts")?.content ?? "";
    expect(text).toContain("export interface Categories {");
    expect(text).not.toContain("@remarks overridden");
  });
});

describe("overrides and the cache", () => {
  it("a changed override regenerates the module it touches, and only that one", async () => {
    const cacheDir = tempDir();
    const run = (nullable: boolean) =>
      generate({
        input: join(CASES, "kinds/input"),
        cacheDir,
        rules: { "sdk-field-names": "off" },
        overrides: {
          "models/components/categories.md": { fields: { Hate: { nullable } } },
        },
      });
    const first = await run(true);
    const categories = (r: typeof first) =>
      r.files.find((f) => f.path === "models/components/categories.ts")?.content ?? "";
    expect(categories(first)).toContain("Hate: boolean | null;");
    const second = await run(false);
    expect(second.stats.cachedPages).toBe(second.stats.pages);
    expect(second.stats.modules - second.stats.cachedModules).toBe(1);
    expect(categories(second)).toContain("Hate: boolean;");
    expect(second.diagnostics.map((d) => d.ruleId)).toEqual(["override-no-change"]);
    // Back to the first override: the cache keeps the entries of the last few option sets, so the
    // module comes from the first run's entries, the same as the first time; so does a run with no change.
    const third = await run(true);
    expect(categories(third)).toBe(categories(first));
    expect(third.stats.modules - third.stats.cachedModules).toBe(0);
    const fourth = await run(true);
    expect(fourth.stats.cachedModules).toBe(fourth.stats.modules);
  });
});

describe("config validation of overrides", () => {
  const problem = (value: unknown) => {
    try {
      validateConfig({ overrides: value }, "docs2ts.config.json");
      return "ok";
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      return error.message;
    }
  };
  it.each<[string, unknown, string]>([
    ["valid", { "a.md": { fields: { X: { nullable: true, type: "string" } } } }, "ok"],
    [
      "not an object",
      [],
      'option "overrides" must be an object of page paths to overrides, got []',
    ],
    [
      "a misspelt field key",
      { "a.md": { fields: { X: { nullabel: true } } } },
      'docs2ts.config.json: unknown option "overrides["a.md"].fields.X.nullabel" (did you mean "nullable"?); known options: nullable, optional, deprecated, type, name, description',
    ],
    [
      "a string for a flag",
      { "a.md": { fields: { X: { optional: "yes" } } } },
      'docs2ts.config.json: option "overrides["a.md"].fields.X.optional" must be true or false, got "yes"',
    ],
    [
      "a misspelt page key",
      { "a.md": { feilds: {} } },
      'docs2ts.config.json: unknown option "overrides["a.md"].feilds" (did you mean "fields"?); known options: name, fields, values',
    ],
    [
      "values that are not literals",
      { "a.md": { values: { add: [{}] } } },
      'docs2ts.config.json: option "overrides["a.md"].values.add" must be an array of strings, finite numbers or booleans, got [{}]',
    ],
  ])("%s", (_name, value, expected) => {
    const message = problem(value);
    expect(message.endsWith(expected) || message === expected).toBe(true);
  });

  it("points at the line and column of the bad key in a JSON config", async () => {
    const dir = tempDir();
    writeTree(dir, {
      "docs2ts.config.json":
        '{\n  "overrides": {\n    "a.md": {\n      "fields": { "X": { "nullable": 1 } }\n    }\n  }\n}\n',
    });
    await expect(loadConfig(undefined, dir)).rejects.toThrow(
      'docs2ts.config.json:4:26: option "overrides["a.md"].fields.X.nullable" must be true or false, got 1',
    );
  });

  it("package.json's docs2ts key: findings point into package.json", async () => {
    const dir = tempDir();
    writeTree(dir, {
      "package.json": JSON.stringify(
        { name: "x", docs2ts: { input: "docs", overrides: { "tier.md": { name: "Tier" } } } },
        null,
        2,
      ),
      "docs/tier.md": readFileSync(join(CASES, "mjs/input/tier.md"), "utf8"),
    });
    const [project] = (await loadConfig(undefined, dir)).projects;
    const result = await generate({ ...project, input: join(dir, "docs"), cache: false });
    expect(result.diagnostics.map((d) => formatDiagnostic(d))).toEqual([
      "package.json:7:9: warning Unexpected override of the name `Tier` with itself, expected another name [override-no-change]",
    ]);
    expect(result.diagnostics[0]?.keyPath).toBe('overrides["tier.md"].name');
  });

  it("per project: a project's entry for a page replaces the top-level one", async () => {
    const config = await loadConfig(undefined, join(CASES, "projects"));
    const overrides = config.projects.map((p: GenerateOptions) => p.overrides);
    expect(overrides[0]).toEqual({
      "categories.md": { fields: { Hate: { description: "Top-level default." } } },
    });
    expect(overrides[1]).toEqual({
      "categories.md": { fields: { HateThreatening: { name: "hate/threatening" } } },
    });
  });
});

describe("typed configs", () => {
  it("defineConfig types the keys of overrides (tsc checks the expected errors below)", () => {
    const config = defineConfig({
      overrides: { "a.md": { name: "A", fields: { X: { nullable: true, type: "string" } } } },
    });
    // @ts-expect-error nullable is true or false
    defineConfig({ overrides: { "a.md": { fields: { X: { nullable: "yes" } } } } });
    // @ts-expect-error a misspelt key
    defineConfig({ overrides: { "a.md": { feilds: {} } } });
    expect(config.overrides?.["a.md"]?.fields?.["X"]?.nullable).toBe(true);
  });
});

describe("scanJson positions", () => {
  it("finds keys and array elements by JSON Pointer, escapes included", () => {
    const text = '{\n  "a/b": { "c~d": [1, "x\\"y",\n    true] },\n  "e": null\n}';
    const positions = scanJson(text).positions;
    expect(Object.fromEntries(positions)).toEqual({
      "/a~1b": { line: 2, column: 3 },
      "/a~1b/c~0d": { line: 2, column: 12 },
      "/a~1b/c~0d/0": { line: 2, column: 20 },
      "/a~1b/c~0d/1": { line: 2, column: 23 },
      "/a~1b/c~0d/2": { line: 3, column: 5 },
      "/e": { line: 4, column: 3 },
    });
  });

  it("keeps the last of a key given twice, as JSON.parse does", () => {
    expect(scanJson('{"a": 1, "a": 2}').positions.get("/a")).toEqual({ line: 1, column: 10 });
  });
});
