/**
 * JSON Schema docs (@adobe/jsonschema2md's anatomy): an object written inline in a schema, with no
 * title, is documented only on its own sub-schema page (`# Untitled object in Crate Schema`, pointer
 * `#/properties/dimensions`), which the schema's page links as `Details`. That page is the object's
 * only list of properties: it is a model named by where it sits (`CrateDimensions`), an object of only
 * additional properties is written into the field as a map, and a schema with an `enum` but no `type`
 * is the union of its values. Also the other untitled sub-schemas whose page is their only account: a
 * union's members (written into the field), an `allOf` (a model that extends its members), a
 * definition without a title (named by its key); a property of no type that another schema's page
 * defines; pattern properties; titles with spaces. Pages written for this test, in the tool's anatomy.
 */
import { describe, expect, it } from "vitest";
import type { Decl, ObjectDecl } from "../../src/core/model.js";
import { surveyFolder } from "../../src/commands/init.js";
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

/** A join list as the tool writes it under a type sentence: `any of` / `all of`, then links. */
const joinList = (words: string, links: ReadonlyArray<[string, string]>) =>
  `${words}\n\n${links.map(([text, href]) => `* [${text}](${href} "check type definition")`).join("\n\n")}`;

const TEAM = "https://example.test/schemas/Team.schema.json";

const MORE: Record<string, string> = {
  "person.md": schemaPage(
    "Person",
    "https://example.test/schemas/Person.schema.json",
    "`object` ([Person](person.md))",
    `# Person Properties\n\n${PROPERTY_HEADER}` +
      "| [name](#name) | `string` | Required | cannot be null | [Person](person-properties-name.md) |\n\n" +
      section("name", "`string`"),
  ),
  // A schema that is only an `allOf` of a model and an untitled object.
  "member.md": schemaPage(
    "Team Member",
    "https://example.test/schemas/Member.schema.json",
    `merged type ([Team Member](member.md))\n\n${joinList("all of", [
      ["Person", "person.md"],
      ["Untitled object in Team Member", "member-allof-1.md"],
    ])}`,
    "",
  ),
  "member-allof-1.md": schemaPage(
    "Untitled object in Team Member",
    "https://example.test/schemas/Member.schema.json#/allOf/1",
    "`object` ([Details](member-allof-1.md))",
    `# items Properties\n\n${PROPERTY_HEADER}` +
      "| [role](#role) | `string` | Required | cannot be null | [Team Member](member-allof-1-properties-role.md) |\n\n" +
      section("role", "`string`"),
  ),
  "team.md": schemaPage(
    "Team",
    TEAM,
    "`object` ([Team](team.md))",
    `# Team Properties\n\n${PROPERTY_HEADER}` +
      "| [lead](#lead) | `object` | Required | cannot be null | [Team Member](member.md) |\n" +
      "| [mixed](#mixed) | `array` | Optional | cannot be null | [Team](team-properties-mixed.md) |\n" +
      "| [home](#home) | `object` | Optional | cannot be null | [Team](team-defs-site.md) |\n" +
      "| [mascot](#mascot) | Not specified | Optional | cannot be null | [Mascot](mascot.md) |\n" +
      "| [gear](#gear) | `array` | Optional | cannot be null | [Team](team-properties-gear.md) |\n\n" +
      section("lead", "`object` ([Team Member](member.md))") +
      section("mixed", "an array of merged types ([Details](team-properties-mixed-items.md))") +
      section("home", "`object` ([Details](team-defs-site.md))") +
      section("mascot", "unknown") +
      section("gear", "`object[]` ([Details](team-properties-gear-items.md))"),
  ),
  // `type: object` with a `oneOf`: the items are one of the listed schemas.
  "team-properties-gear-items.md": schemaPage(
    "Untitled object in Team",
    `${TEAM}#/properties/gear/items`,
    `\`object\` ([Details](team-properties-gear-items.md))\n\n${joinList("one (and only one) of", [
      ["Person", "person.md"],
      ["Untitled object in Team", "team-defs-site.md"],
    ])}`,
    "",
  ),
  // The items of `mixed`: a union whose members only this page lists.
  "team-properties-mixed-items.md": schemaPage(
    "Untitled undefined type in Team",
    `${TEAM}#/properties/mixed/items`,
    `merged type ([Details](team-properties-mixed-items.md))\n\n${joinList("any of", [
      ["Person", "person.md"],
      ["Untitled string in Team", "team-properties-mixed-items-anyof-1.md"],
    ])}`,
    "",
  ),
  // A definition without a title: named by its key.
  "team-defs-site.md": schemaPage(
    "Untitled object in Team",
    `${TEAM}#/$defs/site`,
    "`object` ([Details](team-defs-site.md))",
    `# site Properties\n\n${PROPERTY_HEADER}` +
      "| [city](#city) | `string` | Required | cannot be null | [Team](team-defs-site-properties-city.md) |\n\n" +
      section("city", "`string`"),
  ),
  // A schema of only pattern properties: keys that match hold strings, other keys anything.
  "tags.md": schemaPage(
    "Tags",
    "https://example.test/schemas/Tags.schema.json",
    "`object` ([Tags](tags.md))",
    `# Tags Properties\n\n${PROPERTY_HEADER}` +
      "| `^x-` | `string` | Optional | cannot be null | [Tags](tags-patternproperties-x-.md) |\n\n" +
      "## Pattern: `^x-`\n\n* is optional\n\n* Type: `string`\n\n### Pattern: `^x-` Type\n\n`string`\n\n",
  ),
  // A schema with no type keyword, which a property references (`Not specified`, `Type: unknown`).
  "mascot.md": schemaPage(
    "Untitled schema",
    "https://example.test/schemas/Mascot.schema.json",
    "unknown",
    `# Mascot Properties\n\n${PROPERTY_HEADER}` +
      "| [species](#species) | `string` | Required | cannot be null | [Mascot](mascot-properties-species.md) |\n\n" +
      section("species", "`string`"),
  ),
};

describe("JSON Schema docs: unions, allOf and definitions on untitled pages", async () => {
  const input = tempDir();
  writeTree(input, MORE);
  const result = await generate({ input, cache: false });
  const team = byName(result.decls, "Team") as ObjectDecl;
  const field = (name: string) => team.fields.find((f) => f.name === name);

  it("reads a schema that is only an allOf as a model extending its members, with no warning", () => {
    expect(result.diagnostics.filter((d) => d.severity !== "info")).toEqual([]);
    const member = byName(result.decls, "TeamMember") as ObjectDecl;
    expect(member).toMatchObject({ kind: "object", fields: [], open: false });
    expect(member.extends?.map((base) => base.type)).toMatchObject([
      { kind: "ref", target: "person" },
      { kind: "ref", target: "member-allof-1" },
    ]);
    expect(field("lead")?.type).toMatchObject({ kind: "ref", target: "member" });
  });

  it("writes an untitled union's members into the property, with no model of its own", () => {
    expect(field("mixed")?.type).toMatchObject({
      kind: "array",
      items: { kind: "union", members: [{ kind: "ref", target: "person" }, { kind: "string" }] },
    });
    expect(result.decls.some((d) => d.id === "team-properties-mixed-items")).toBe(false);
  });

  it("reads an object whose page lists `one (and only one) of` as the union of those members", () => {
    expect(field("gear")?.type).toMatchObject({
      kind: "array",
      items: {
        kind: "union",
        members: [
          { kind: "ref", target: "person" },
          { kind: "ref", target: "team-defs-site" },
        ],
      },
    });
  });

  it("names a definition without a title by its key, and a property of no type by the page that defines it", () => {
    expect(result.decls.find((d) => d.id === "team-defs-site")).toMatchObject({
      kind: "object",
      name: "Site",
    });
    expect(field("home")?.type).toMatchObject({ kind: "ref", target: "team-defs-site" });
    expect(field("mascot")?.type).toMatchObject({ kind: "ref", target: "mascot" });
  });

  it("counts in init the models the run emits (an untitled union is not one)", async () => {
    const survey = await surveyFolder(process.cwd(), input);
    const emitted = { object: 0, enum: 0, union: 0 };
    for (const decl of result.decls) emitted[decl.kind] += 1;
    expect(survey.models).toEqual(emitted);
    expect(emitted.object).toBeGreaterThan(3);
  });

  it("joins a title's words, and reads pattern properties as keys of any value", () => {
    const files = new Map(result.files.map((f) => [f.path, f.content]));
    expect(files.get("member.ts")).toContain(
      "export interface TeamMember extends Person, TeamMemberAllOf1 {}",
    );
    expect(files.get("tags.ts")).toContain("export type Tags = Record<string, unknown>;");
  });
});
