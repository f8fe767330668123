/**
 * The JSON Schema docs family on pages in @adobe/jsonschema2md's anatomy (fixtures/families/
 * jsonschema2md, written for these tests): recognition, a schema's page read into one declaration
 * with its properties' types and enums from their own sections, sub-schema pages skipped, and the
 * reduced page that keeps a schema of many properties within the input limits.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Decl, ObjectDecl, TypeRef } from "../../src/core/model.js";
import { jsonSchemaDocsFamily } from "../../src/families/json-schema-docs.js";
import { schemaPageLines } from "../../src/families/json-schema-docs/reduce.js";
import { choosePageFamilies } from "../../src/families/registry.js";
import { generate, runPipeline } from "../../src/pipeline/generate.js";
import { tempDir, writeTree } from "../support/helpers.js";

const FOLDER = fileURLToPath(new URL("../fixtures/families/jsonschema2md/", import.meta.url));
const page = (name: string) => readFileSync(`${FOLDER}${name}`, "utf8");

const S: TypeRef = { kind: "string" };
const byName = (decls: readonly Decl[], name: string) => decls.find((d) => d.name === name);
const fieldsOf = (decl: Decl | undefined) =>
  Object.fromEntries((decl as ObjectDecl).fields.map((f) => [f.name, f]));

describe("JSON Schema docs: recognition", () => {
  it("knows the tool's pages by their title and $id block, or by the property table", () => {
    expect(jsonSchemaDocsFamily.recognise({ file: "parcel.md", source: page("parcel.md") })).toBe(
      "strong",
    );
    expect(
      jsonSchemaDocsFamily.recognise({
        file: "x.md",
        source:
          "# Parcel\n\n| Property | Type | Required | Nullable | Defined by |\n| - | - | - | - | - |\n",
      }),
    ).toBe("strong");
    const sdk =
      "# Parcel\n\n## Fields\n\n| Field | Type | Required |\n| - | - | - |\n| id | *string* | :heavy_check_mark: |\n";
    expect(jsonSchemaDocsFamily.recognise({ file: "parcel.md", source: sdk })).toBeUndefined();
  });

  it("reads the folder's README with the schema pages, and SDK pages with the SDK family", () => {
    const families = choosePageFamilies(
      [
        { file: "README.md", source: page("README.md") },
        { file: "parcel.md", source: page("parcel.md") },
        { file: "courier.md", source: page("courier.md") },
      ],
      "auto",
    );
    expect(families).toEqual(["json-schema-docs", "json-schema-docs", "json-schema-docs"]);
  });
});

describe("JSON Schema docs: a schema's page is its declaration", async () => {
  const result = await generate({ input: FOLDER, cache: false });

  it("declares each schema once, under its title, and skips sub-schema pages and the README", () => {
    expect(result.diagnostics.filter((d) => d.severity !== "info")).toEqual([]);
    expect(result.decls.map((d) => `${d.kind} ${d.name} ${d.id}`).sort()).toEqual([
      "enum ParcelSize parcelsize",
      "object Courier courier",
      "object Parcel parcel",
      "union Depot depot",
    ]);
    const skipped = result.diagnostics.filter((d) => d.ruleId === "not-a-model");
    expect(skipped.map((d) => d.file).sort()).toEqual([
      "README.md",
      "parcel-properties-labels.md",
      "parcel-properties-shelves-shelf.md",
    ]);
    expect(skipped.find((d) => d.file === "parcel-properties-labels.md")?.message).toContain(
      "`#/properties/labels` of `https://example.test/schemas/Parcel.schema.json`",
    );
  });

  it("reads Required/Optional, can be null, JSON Schema type words, formats and enum tables", () => {
    const parcel = fieldsOf(byName(result.decls, "Parcel"));
    expect(byName(result.decls, "Parcel")?.description).toBe("A parcel handed to a courier.");
    expect(parcel.id).toMatchObject({
      required: true,
      type: S,
      description: "The parcel's tracking number.",
    });
    expect(parcel.weight).toMatchObject({
      required: false,
      type: { kind: "union", members: [{ kind: "number", format: "int64" }, { kind: "null" }] },
    });
    expect(parcel.labels?.type).toEqual({ kind: "array", items: S });
    expect(parcel.size?.type).toEqual({
      kind: "union",
      members: [
        { kind: "literal", value: "small" },
        { kind: "literal", value: "large" },
      ],
    });
    expect(parcel.sent_at?.type).toEqual({ kind: "string", format: "date-time" });
    expect(parcel.extra?.type).toEqual({ kind: "unknown", reason: "any" });
  });

  it("links schemas by title: a declared one resolves, a sub-schema's falls back to its JSON type", () => {
    const parcel = fieldsOf(byName(result.decls, "Parcel"));
    expect(parcel.courier?.type).toMatchObject({ kind: "ref", name: "Courier", target: "courier" });
    expect(parcel.shelves?.type).toEqual({ kind: "array", items: { kind: "open-object" } });
    expect(parcel.contents?.type).toMatchObject({
      kind: "union",
      members: [{ kind: "ref", name: "ParcelSize", target: "parcelsize" }, { kind: "number" }],
    });
  });

  it("reads an enum schema's values and a schema of only additional properties as a map", () => {
    const size = byName(result.decls, "ParcelSize");
    expect(size).toMatchObject({
      kind: "enum",
      members: [{ value: "small", description: "fits a letterbox" }, { value: "large" }],
    });
    expect(byName(result.decls, "Depot")).toMatchObject({
      kind: "union",
      members: [
        { type: { kind: "map", values: { kind: "ref", name: "Courier", target: "courier" } } },
      ],
    });
  });

  it("reads the same with the whole page parsed", async () => {
    const whole = await runPipeline({ input: FOLDER, cache: false }, {}, { wholePages: true });
    expect(whole.decls).toEqual(result.decls);
    expect(whole.diagnostics).toEqual(result.diagnostics);
  });
});

describe("JSON Schema docs: what is parsed", () => {
  /** A schema page of `count` properties in the tool's anatomy (four fact list items each). */
  const manyProperties = (count: number) => {
    const names = Array.from({ length: count }, (_, i) => `p${i}`);
    const rows = names.map(
      (n) =>
        `| [${n}](#${n}) | \`string\` | Optional | cannot be null | [Shelf](shelf-properties-${n}.md) |`,
    );
    const sections = names.map(
      (n) =>
        `## ${n}\n\n\`${n}\`\n\n* is optional\n\n* Type: \`string\`\n\n* cannot be null\n\n* defined in: [Shelf](shelf-properties-${n}.md)\n\n### ${n} Type\n\n\`string\`\n`,
    );
    return [
      "# Shelf Schema\n\n```txt\nhttps://example.test/schemas/Shelf.schema.json\n```\n",
      "# Shelf Properties\n",
      "| Property | Type | Required | Nullable | Defined by |\n| :- | :- | :- | :- | :- |",
      rows.join("\n"),
      "",
      ...sections,
    ].join("\n");
  };

  it("drops the properties' fact lists, so a schema of 400 properties stays within the limits", async () => {
    const source = manyProperties(400);
    const reduced = schemaPageLines(source);
    expect(reduced?.text).not.toContain("* is optional");
    expect(reduced?.text).toContain("### p399 Type");
    const dir = tempDir();
    writeTree(dir, { "shelf.md": source });
    const result = await generate({ input: dir, cache: false });
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect((result.decls[0] as ObjectDecl).fields).toHaveLength(400);
  });

  it("keeps only the title and $id block of a sub-schema page", () => {
    const reduced = schemaPageLines(page("parcel-properties-labels.md"));
    expect(reduced?.text).toBe(
      "# Untitled array in Parcel Schema\n\n```txt\nhttps://example.test/schemas/Parcel.schema.json#/properties/labels\n```",
    );
  });
});
