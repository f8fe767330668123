/**
 * JSON Schema docs (@adobe/jsonschema2md's anatomy): an object written inline in a schema, with no
 * title, is documented only on its own sub-schema page (`# Untitled object in Crate Schema`, pointer
 * `#/properties/dimensions`), which the schema's page links as `Details`. That page is the object's
 * only list of properties: it is a model named by where it sits (`CrateDimensions`), an object of only
 * additional properties is written into the field as a map, and a schema with an `enum` but no `type`
 * is the union of its values. Pages written for this test, in the tool's anatomy.
 */
import { describe, expect, it } from "vitest";
import type { Decl, ObjectDecl } from "../../src/core/model.js";
import { generate } from "../../src/pipeline/generate.js";
import { tempDir, writeTree } from "../support/helpers.js";

const FACTS =
  "| Abstract | Extensible | Status | Identifiable | Custom Properties | Additional Properties | Access Restrictions | Defined In |\n| :-- | :-- | :-- | :-- | :-- | :-- | :-- | :-- |\n| Can be instantiated | No | Unknown status | No | Forbidden | Allowed | none | [x](x.json) |\n";
const PROPERTY_HEADER =
  "| Property | Type | Required | Nullable | Defined by |\n| :-- | :-- | :-- | :-- | :-- |\n";

/** A page as the tool writes one: title, `$id` block, facts, type section, then the chapters. */
function schemaPage(title: string, id: string, type: string, chapters: string): string {
  return `# ${title} Schema\n\n\`\`\`txt\n${id}\n\`\`\`\n\n${FACTS}\n## ${title.split(" ").at(-1)} Type\n\n${type}\n\n${chapters}`;
}

/** One property's section: its name line, then `### name Type` (and constraints). */
const section = (name: string, type: string, more = "") =>
  `## ${name}\n\n\`${name}\`\n\n* is optional\n\n* Type: ${type}\n\n### ${name} Type\n\n${type}\n\n${more}`;

const ID = "https://example.test/schemas/Crate.schema.json";

const PAGES: Record<string, string> = {
  "crate.md": schemaPage(
    "Crate",
    ID,
    "`object` ([Crate](crate.md))",
    `# Crate Properties\n\n${PROPERTY_HEADER}` +
      "| [dimensions](#dimensions) | `object` | Required | cannot be null | [Crate](crate-properties-dimensions.md) |\n" +
      "| [stickers](#stickers) | `object` | Optional | cannot be null | [Crate](crate-properties-stickers.md) |\n" +
      "| [slots](#slots) | `array` | Optional | cannot be null | [Crate](crate-properties-slots.md) |\n" +
      "| [finish](#finish) | Not specified | Optional | cannot be null | [Crate](crate-properties-finish.md) |\n" +
      "| [lid](#lid) | `object` | Optional | cannot be null | [Crate](crate-properties-lid.md) |\n\n" +
      section("dimensions", "`object` ([Details](crate-properties-dimensions.md))") +
      section("stickers", "`object` ([Details](crate-properties-stickers.md))") +
      section("slots", "`object[]` ([Details](crate-properties-slots-items.md))") +
      section(
        "finish",
        "unknown",
        '### finish Constraints\n\n**enum**: the value of this property must be equal to one of the following values:\n\n| Value | Explanation |\n| :-- | :-- |\n| `"matte"` | |\n| `"gloss"` | |\n\n',
      ) +
      section("lid", "`object` ([Details](crate-properties-lid.md))"),
  ),
  "crate-properties-dimensions.md": schemaPage(
    "Untitled object in Crate",
    `${ID}#/properties/dimensions`,
    "`object` ([Details](crate-properties-dimensions.md))",
    `# dimensions Properties\n\n${PROPERTY_HEADER}` +
      "| [depth](#depth) | `number` | Required | cannot be null | [Crate](crate-properties-dimensions-properties-depth.md) |\n" +
      "| [unit](#unit) | `string` | Optional | cannot be null | [Crate](crate-properties-dimensions-properties-unit.md) |\n\n" +
      section("depth", "`number`") +
      section("unit", "`string`"),
  ),
  "crate-properties-stickers.md": schemaPage(
    "Untitled object in Crate",
    `${ID}#/properties/stickers`,
    "`object` ([Details](crate-properties-stickers.md))",
    `# stickers Properties\n\n${PROPERTY_HEADER}` +
      "| Additional Properties | `string` | Optional | cannot be null | [Crate](crate-properties-stickers-additionalproperties.md) |\n\n" +
      "## Additional Properties\n\nAdditional properties are allowed, as long as they follow this schema:\n\n* is optional\n\n* Type: `string`\n\n### additionalProperties Type\n\n`string`\n",
  ),
  "crate-properties-slots-items.md": schemaPage(
    "Untitled object in Crate",
    `${ID}#/properties/slots/items`,
    "`object` ([Details](crate-properties-slots-items.md))",
    `# items Properties\n\n${PROPERTY_HEADER}` +
      "| [row](#row) | `integer` | Required | cannot be null | [Crate](crate-properties-slots-items-properties-row.md) |\n\n" +
      section("row", "`integer`"),
  ),
  // An untitled object with no properties listed stays what its link's sentence says: an object.
  "crate-properties-lid.md": schemaPage(
    "Untitled object in Crate",
    `${ID}#/properties/lid`,
    "`object` ([Details](crate-properties-lid.md))",
    "",
  ),
  // A documented schema whose title is the name the nested one would be given.
  "cratedimensions.md": schemaPage(
    "CrateDimensions",
    "https://example.test/schemas/CrateDimensions.schema.json",
    "`object` ([CrateDimensions](cratedimensions.md))",
    `# CrateDimensions Properties\n\n${PROPERTY_HEADER}` +
      "| [volume](#volume) | `number` | Optional | cannot be null | [CrateDimensions](cratedimensions-properties-volume.md) |\n\n" +
      section("volume", "`number`"),
  ),
};

const byName = (decls: readonly Decl[], name: string) => decls.find((d) => d.name === name);

describe("JSON Schema docs: untitled objects on sub-schema pages", async () => {
  const input = tempDir();
  writeTree(input, PAGES);
  const result = await generate({ input, cache: false });
  const crate = byName(result.decls, "Crate") as ObjectDecl;
  const field = (name: string) => crate.fields.find((f) => f.name === name);

  it("reads an untitled object's page as a model named by where it sits, and links the field to it", () => {
    expect(result.diagnostics.filter((d) => d.severity !== "info")).toEqual([]);
    const nested = result.decls.find((d) => d.id === "crate-properties-dimensions") as ObjectDecl;
    expect(nested).toMatchObject({ kind: "object", name: "CrateDimensions", anonymous: true });
    expect(nested.fields.map((f) => [f.name, f.type.kind, f.required])).toEqual([
      ["depth", "number", true],
      ["unit", "string", false],
    ]);
    expect(field("dimensions")?.type).toMatchObject({
      kind: "ref",
      target: "crate-properties-dimensions",
    });
    expect(field("slots")?.type).toMatchObject({
      kind: "array",
      items: { kind: "ref", target: "crate-properties-slots-items" },
    });
    expect(byName(result.decls, "CrateSlotsItem")?.kind).toBe("object");
  });

  it("writes an object of only additional properties into the field as a map, with no model of its own", () => {
    expect(field("stickers")?.type).toEqual({ kind: "map", values: { kind: "string" } });
    expect(result.decls.some((d) => d.id === "crate-properties-stickers")).toBe(false);
  });

  it("keeps an untitled object without a property list as an object", () => {
    expect(field("lid")?.type).toEqual({ kind: "open-object" });
    expect(result.decls.some((d) => d.id === "crate-properties-lid")).toBe(false);
  });

  it("types a property with enum values and no type as the union of its values", () => {
    expect(field("finish")?.type).toEqual({
      kind: "union",
      members: [
        { kind: "literal", value: "matte" },
        { kind: "literal", value: "gloss" },
      ],
    });
  });

  it("leaves a documented schema its name: the made-up one gives way, with nothing to warn of", () => {
    const files = new Map(result.files.map((f) => [f.path, f.content]));
    expect(files.get("cratedimensions.ts")).toContain("export interface CrateDimensions {");
    expect(files.get("crate-properties-dimensions.ts")).toContain(
      "export interface CrateDimensions2 {",
    );
    expect(files.get("crate.ts")).toMatch(/dimensions: CrateDimensions2;/);
    expect(files.get("crate.ts")).toMatch(/stickers\?: Record<string, string>;/);
    expect(files.get("crate.ts")).toMatch(/finish\?: "matte" \| "gloss";/);
  });

  it("names an untitled object of a schema without a title after its $id's file", async () => {
    const dir = tempDir();
    writeTree(dir, {
      "order.md": schemaPage(
        "Untitled object in undefined",
        "https://example.test/order-form.schema.json",
        "`object` ([Details](order.md))",
        `# Untitled object in undefined Properties\n\n${PROPERTY_HEADER}` +
          "| [to](#to) | `object` | Optional | cannot be null | [Untitled object in undefined](order-properties-to.md) |\n\n" +
          section("to", "`object` ([Details](order-properties-to.md))"),
      ),
      "order-properties-to.md": schemaPage(
        "Untitled object in undefined",
        "https://example.test/order-form.schema.json#/properties/to",
        "`object` ([Details](order-properties-to.md))",
        `# to Properties\n\n${PROPERTY_HEADER}` +
          "| [street](#street) | `string` | Required | cannot be null | [Untitled object in undefined](order-properties-to-properties-street.md) |\n\n" +
          section("street", "`string`"),
      ),
    });
    const read = await generate({ input: dir, cache: false });
    expect(read.decls.find((d) => d.id === "order-properties-to")?.name).toBe("OrderFormTo");
    expect(read.decls.find((d) => d.id === "order")?.name).toBe("OrderForm");
  });
});
