/**
 * Overrides that give a name another model or field has (`override-conflict`): compared by final
 * names (after every override and after `fieldNames`), refused rather than renaming what the user did
 * not touch, and "did you mean" for case-only misspellings of pages, fields and values. The golden
 * output and diagnostics of both kinds, from a JSON and an .mjs config, are the `clashes` and
 * `clashes-mjs` cases of pipeline/overrides.test.ts.
 */
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { formatDiagnostic } from "../../src/core/diagnostics-format.js";
import type { FieldModel, ObjectDecl } from "../../src/core/model.js";
import type { FieldNameStyle, GenerateOptions } from "../../src/core/options.js";
import { fieldNameClashes, modelNameClashes } from "../../src/model/override-names.js";
import { generate } from "../../src/pipeline/generate.js";
import { tempDir, writeTree } from "../support/helpers.js";

const INPUT = fileURLToPath(new URL("../fixtures/overrides/clashes/input", import.meta.url));

const run = (
  overrides: NonNullable<GenerateOptions["overrides"]>,
  fieldNames: FieldNameStyle = "snake_case",
) =>
  generate({
    input: INPUT,
    fieldNames,
    validators: false,
    cache: false,
    rules: { "sdk-field-names": "off" },
    overrides,
  });

const shown = (result: Awaited<ReturnType<typeof generate>>) =>
  result.diagnostics.map((d) => formatDiagnostic(d));

const text = (result: Awaited<ReturnType<typeof generate>>, path: string) =>
  result.files.find((file) => file.path === path)?.content ?? "";

describe("a field name override is compared with the other fields' final property names", () => {
  it("`id` takes the name of `ID` under snake_case and camelCase, not as documented", async () => {
    const overrides = { "models/link.md": { fields: { Domain: { name: "id" } } } };
    const taken =
      'overrides["models/link.md"].fields.Domain.name: error Unexpected name `id` for field `Domain`, the property name of field `ID`, expected a name no other field of `Link` (models/link.md) has; `Domain` keeps its name [override-conflict]';
    for (const fieldNames of ["snake_case", "camelCase"] as const) {
      const result = await run(overrides, fieldNames);
      expect(shown(result), fieldNames).toEqual([taken]);
      // The other field keeps its name; the overridden one keeps the name fieldNames gives it.
      expect(text(result, "models/link.ts"), fieldNames).toMatch(/\bid: string;[^]*\bdomain\?:/);
      expect(text(result, "models/link.ts"), fieldNames).not.toMatch(/id2|renamed/);
    }
    const asDocumented = await run(overrides, "as-documented");
    expect(shown(asDocumented)).toEqual([]);
    expect(text(asDocumented, "models/link.ts")).toMatch(/\bID: string;[^]*\bid\?:/);
  });

  it("a field to add that the page has in another letter case is an error, and is not added", async () => {
    for (const fieldNames of ["as-documented", "snake_case"] as const) {
      const result = await run(
        { "models/link.md": { fields: { Url: { type: "*string", optional: true } } } },
        fieldNames,
      );
      expect(shown(result), fieldNames).toEqual([
        'overrides["models/link.md"].fields.Url: error Unexpected field `Url` to add, expected a name `Link` (models/link.md) does not have in another letter case (did you mean `URL`?); the field is not added [override-unmatched]',
      ]);
      expect(text(result, "models/link.ts"), fieldNames).not.toMatch(/\bUrl\b|url2/);
    }
  });

  it("`ID` takes the name of `ID` as documented", async () => {
    const result = await run(
      { "models/link.md": { fields: { Domain: { name: "ID" } } } },
      "as-documented",
    );
    expect(result.diagnostics.map((d) => [d.ruleId, d.keyPath])).toEqual([
      ["override-conflict", 'overrides["models/link.md"].fields.Domain.name'],
    ]);
  });

  it("names that two overrides swap are no clash", async () => {
    const result = await run({
      "models/link.md": { fields: { ID: { name: "url" }, URL: { name: "id" } } },
    });
    expect(shown(result)).toEqual([]);
    expect(text(result, "models/link.ts")).toMatch(/url: string;[^]*id: string;/);
  });

  it("turned down to a warning, the output still keeps both names", async () => {
    const result = await generate({
      input: INPUT,
      fieldNames: "snake_case",
      validators: false,
      cache: false,
      rules: { "override-conflict": "warning" },
      overrides: {
        "models/click.md": { name: "Link", fields: { Timestamp: { name: "link" } } },
      },
    });
    expect(result.diagnostics.map((d) => [d.severity, d.ruleId])).toEqual([
      ["warning", "override-conflict"],
      ["warning", "override-conflict"],
    ]);
    expect(text(result, "models/click.ts")).toMatch(/export interface Click \{/);
    expect(text(result, "models/click.ts")).toMatch(/link: Link;[^]*timestamp: string;/);
    expect(text(result, "models/link.ts")).toMatch(/export interface Link \{/);
    expect(text(result, "models/click.ts")).not.toContain("@remarks");
  });
});

const field = (name: string): FieldModel => {
  const origin = { file: "x.md", line: 1, column: 1, endLine: 1, endColumn: 1 };
  return { name, type: { kind: "string" }, required: true, origin, typeOrigin: origin };
};
const object = (...names: string[]): ObjectDecl => ({
  kind: "object",
  id: "x",
  name: "X",
  fields: names.map(field),
  open: false,
  origin: { file: "x.md", line: 1, column: 1, endLine: 1, endColumn: 1 },
});

/** A model page that two folders hold in the tests below (the same name in two namespaces). */
const USER_PAGE =
  "# User\n\n## Fields\n\n| Field | Type | Required |\n| --- | --- | --- |\n| `ID` | `string` | :heavy_check_mark: |\n";

describe("a page name override is compared with the other models' names", () => {
  it("a name equal to the docs' one takes no other model's name (two folders declare it)", async () => {
    const dir = tempDir();
    writeTree(dir, { "admin/user.md": USER_PAGE, "billing/user.md": USER_PAGE });
    const result = await generate({
      input: dir,
      validators: false,
      cache: false,
      rules: { "sdk-field-names": "off" },
      overrides: { "admin/user.md": { name: "User" } },
    });
    expect(result.diagnostics.map((d) => d.ruleId)).toEqual([
      "override-no-change",
      "duplicate-name",
    ]);
  });
});

describe("fieldNameClashes", () => {
  it.each<[string, ObjectDecl, Record<string, { name?: string; type?: string }>, string[]]>([
    ["a swap", object("A", "B"), { A: { name: "b" }, B: { name: "a" } }, []],
    [
      "two overrides to one name",
      object("A", "B"),
      { A: { name: "x" }, B: { name: "x" } },
      ["A:x:B", "B:x:A"],
    ],
    // A keeps `a` once its name is refused, which is the name B wanted: B is refused next.
    ["a chain", object("A", "B", "C"), { A: { name: "c" }, B: { name: "a" } }, ["A:c:C", "B:a:A"]],
    [
      "an added field",
      object("UserID"),
      { user_id: { type: "string" } },
      ["user_id:user_id:UserID"],
    ],
    ["an added field with a free name", object("UserID"), { Owner: { type: "string" } }, []],
  ])("%s", (_name, decl, overrides, want) => {
    const clashes = fieldNameClashes(decl, overrides, "snake_case");
    expect(clashes.map((c) => `${c.key}:${c.name}:${c.other}`)).toEqual(want);
  });
});

describe("modelNameClashes", () => {
  const models = [
    { id: "a", file: "a.md", name: "A" },
    { id: "b", file: "b.md", name: "B" },
    { id: "c", file: "c.md", name: "C" },
    { id: "other/link", file: "other/link.md", name: "LinkSchema" },
    { id: "d", file: "d.md", name: "Link_Schema" },
  ];
  it.each<[string, Record<string, string>, string[]]>([
    ["a swap", { a: "B", b: "A" }, []],
    ["another model's name", { a: "C" }, ["a:C:c"]],
    ["a name in another folder", { a: "LinkSchema" }, ["a:LinkSchema:other/link"]],
    ["the same identifier written otherwise", { a: "Link Schema" }, ["a:Link Schema:d"]],
    ["two overrides to one name", { a: "X", b: "X" }, ["a:X:b(renamed)", "b:X:a(renamed)"]],
    // A keeps `A` once its name is refused, which is the name B wanted: B is refused next.
    ["a chain", { a: "C", b: "A" }, ["a:C:c", "b:A:a"]],
  ])("%s", (_name, names, want) => {
    const clashes = modelNameClashes(models, new Map(Object.entries(names)));
    expect(
      clashes.map((c) => `${c.id}:${c.name}:${c.other.id}${c.other.renamed ? "(renamed)" : ""}`),
    ).toEqual(want);
  });
});

describe("did you mean, for a misspelling in letter case only", () => {
  it("suggests the page, the field and the enum value in their own case", async () => {
    const result = await run({
      "models/Link.md": { name: "ShortLink" },
      "models/tag.md": { fields: { name: { nullable: true } } },
      "models/plan.md": { values: { remove: ["Pro"] } },
    });
    expect(shown(result)).toEqual([
      'overrides["models/Link.md"]: error Unexpected override of `models/Link.md`, expected the path of a page in the input folder (did you mean `models/link.md`?) [override-unmatched]',
      'overrides["models/tag.md"].fields.name: error Unexpected override of field `name`, expected a field of `Tag` (models/tag.md) (did you mean `Name`?); to add a field the docs leave out, give its `type` [override-unmatched]',
      'overrides["models/plan.md"].values.remove[0]: error Unexpected value "Pro" to remove, expected a value of `Plan` (did you mean `pro`?) [override-unmatched]',
    ]);
  });
});

describe("did you mean, for a key that names no page", () => {
  const unmatched = (key: string) =>
    `error Unexpected override of \`${key}\`, expected the path of a page in the input folder`;
  it.each<[string, NonNullable<GenerateOptions["overrides"]>, string]>([
    // A model's name, in any letter case.
    [
      "a model's name",
      { Event: { name: "Happening" } },
      "(did you mean `models/events/event.md`?)",
    ],
    [
      "a model's name in another case",
      { link: { name: "ShortLink" } },
      "(did you mean `models/link.md`?)",
    ],
    // A path from the config's folder instead of the input folder.
    [
      "a path from the config's folder",
      { "vendor-docs/openai/models/events/event.md": { name: "Happening" } },
      "(did you mean `models/events/event.md`?)",
    ],
    // A path from a folder inside the input folder.
    [
      "a path from a folder inside",
      { "events/event.md": { name: "Happening" } },
      "(did you mean `models/events/event.md`?)",
    ],
    // The nearest page has an entry of its own: following "did you mean" would give it two.
    [
      "a misspelt path of a page with an entry",
      { "models/link.md": { name: "ShortLink" }, "models/lnk.md": { fields: {} } },
      "(`models/link.md` has an entry already: merge the two entries)",
    ],
    [
      "a path in another case of a page with an entry",
      { "models/link.md": { name: "ShortLink" }, "models/Link.md": { fields: {} } },
      "(`models/link.md` has an entry already: merge the two entries)",
    ],
    [
      "a model's name of a page with an entry",
      { "models/link.md": { name: "ShortLink" }, Link: { fields: {} } },
      "(`models/link.md` has an entry already: merge the two entries)",
    ],
  ])("%s", async (_name, overrides, want) => {
    const key = Object.keys(overrides).at(-1) as string;
    const result = await run(overrides);
    const found = result.diagnostics.filter((d) => d.ruleId === "override-unmatched");
    expect(found.map((d) => formatDiagnostic(d).replace(/^.*?: error/, "error"))).toEqual([
      `${unmatched(key)} ${want} [override-unmatched]`,
    ]);
  });

  it("a name two pages declare suggests both", async () => {
    const dir = tempDir();
    writeTree(dir, { "admin/user.md": USER_PAGE, "billing/user.md": USER_PAGE });
    const result = await generate({
      input: dir,
      validators: false,
      cache: false,
      overrides: { user: {} },
    });
    expect(result.diagnostics.find((d) => d.ruleId === "override-unmatched")?.message).toMatch(
      /\(did you mean `admin\/user\.md` or `billing\/user\.md`\?\)$/,
    );
  });
});
