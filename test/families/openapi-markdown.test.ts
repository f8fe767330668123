/**
 * The OpenAPI-to-Markdown family (widdershins' layout) on a small page of its own
 * (fixtures/families/widdershins/parcels.md: operations first, then `# Schemas`): recognition, the
 * reduction to the schemas part with positions in the full page, and what each kind of schema
 * section reads into (properties, `»` rows, allOf, oneOf, enums, aliases, `*None*`).
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import type { Decl, ObjectDecl, TypeRef } from "../../src/core/model.js";
import { parseTypeTokens } from "../../src/dialects/grammar.js";
import { tokenizeText, type Token } from "../../src/dialects/tokens.js";
import { recogniseOpenApiMarkdown, schemasPartOnly } from "../../src/families/openapi-markdown.js";
import { choosePageFamilies } from "../../src/families/registry.js";
import { resolveOptions } from "../../src/core/options.js";
import {
  preparePage,
  readSourcePage,
  type PageReadContext,
} from "../../src/pipeline/read-source.js";
import { generate, type GenerateResult } from "../../src/pipeline/generate.js";
import { strictTypeErrors } from "../support/helpers.js";

const FOLDER = fileURLToPath(new URL("../fixtures/families/widdershins", import.meta.url));
const PAGE = readFileSync(`${FOLDER}/parcels.md`, "utf8");

describe("recognising widdershins pages", () => {
  it("is strong on its schema headings, and absent on an SDK page", () => {
    expect(recogniseOpenApiMarkdown(PAGE)).toBe("strong");
    const sdk =
      "# Shelf\n\n## Fields\n\n| Field | Type | Required |\n| - | - | - |\n| a | string | yes |\n";
    expect(recogniseOpenApiMarkdown(sdk)).toBeUndefined();
    expect(choosePageFamilies([{ file: "parcels.md", source: PAGE }], "auto")).toEqual([
      "openapi-markdown",
    ]);
    expect(choosePageFamilies([{ file: "shelf.md", source: sdk }], "auto")).toEqual(["sdk"]);
  });
});

describe("reducing the page to its schemas", () => {
  it("keeps the # Schemas part and only the headings of the operations", () => {
    const reduced = schemasPartOnly(PAGE);
    expect(reduced).toBeDefined();
    const text = reduced?.text ?? "";
    expect(text).not.toContain("curl -X GET");
    expect(text).not.toContain("|id|path|string|true|none|");
    expect(text).toContain('<h2 id="tocS_Shelf">Shelf</h2>');
    // Each kept line maps back to its line in the full page.
    const lines = PAGE.split("\n");
    text.split("\n").forEach((line, index) => {
      expect(lines[reduced?.lines[index] ?? -1]).toBe(line);
    });
  });

  it("reads the same declarations as the whole page, and counts only the schemas against the limits", async () => {
    await preparePage({ file: "parcels.md", text: PAGE } as never);
    // Operations ten times the size of the schemas: over the page limit, which the schemas are not.
    const operations = Array.from({ length: 400 }, (_, i) => `curl -X GET /shelves/${i}`).join(
      "\n",
    );
    const page = PAGE.replace("# Schemas", `\`\`\`shell\n${operations}\n\`\`\`\n\n# Schemas`);
    const context: PageReadContext = {
      limits: { ...resolveOptions({}).limits, maxPageBytes: 8_000 },
      read: {},
      family: "openapi-markdown",
    };
    const read = (wholePages: boolean) =>
      readSourcePage({ file: "parcels.md", text: page } as never, { ...context, wholePages })
        .result;
    const limited = read(false);
    expect(limited.decls.map((decl) => decl.name)).toContain("Shelf");
    expect(read(true).diagnostics.map((d) => d.ruleId)).toEqual(["page-too-large"]);
    const unlimited = { ...context, limits: resolveOptions({}).limits };
    const whole = readSourcePage({ file: "parcels.md", text: page } as never, {
      ...unlimited,
      wholePages: true,
    }).result;
    expect(readSourcePage({ file: "parcels.md", text: page } as never, unlimited).result).toEqual(
      whole,
    );
  });

  it("finds # Schemas where the generic section scan stops early (an indented tag in the operations)", () => {
    // `  <details>` indented: it may belong to a list item, so the generic scan splits no further.
    const page = PAGE.replace(
      "# Schemas",
      "- a parameter note\n\n  <details>\n\n```shell\n# You can also use wget\n```\n\n# Schemas",
    );
    const reduced = schemasPartOnly(page);
    expect(reduced).toBeDefined();
    expect(reduced?.text.startsWith("# Schemas")).toBe(true);
    expect(reduced?.text).not.toContain("curl -X GET");
    expect(reduced?.text).not.toContain("You can also use wget");
    const lines = page.split("\n");
    reduced?.text.split("\n").forEach((line, index) => {
      expect(lines[reduced.lines[index] ?? -1]).toBe(line);
    });
  });

  it("parses a page without # Schemas whole", () => {
    expect(schemasPartOnly('<h2 id="tocS_A">A</h2>\n\n### Properties\n')).toBeUndefined();
  });
});

describe("type cells in OpenAPI's words", () => {
  const cell = (text: string) => {
    const tokens: Token[] = [];
    tokenizeText(text, tokens);
    return parseTypeTokens(tokens).type;
  };
  it.each<[string, TypeRef]>([
    ["string(date-time)", { kind: "string", format: "date-time" }],
    ["string(date)", { kind: "string", format: "date" }],
    ["integer(int64)", { kind: "number", format: "int64" }],
    ["integer(int32)", { kind: "number", format: "int32" }],
    ["string(uuid)", { kind: "string" }],
    ["string(byte)", { kind: "string" }],
    ["string(int64)", { kind: "string" }],
    // A format is free text in OpenAPI: any words up to the parenthesis, read by the first.
    ["string(date-time,)", { kind: "string", format: "date-time" }],
    ["string(Unix time or ISO 8601 text)", { kind: "string" }],
    ["integer(int64, seconds)", { kind: "number", format: "int64" }],
    ["string¦null", { kind: "union", members: [{ kind: "string" }, { kind: "null" }] }],
  ])("%s", (text, type) => expect(cell(text)).toEqual(type));
});

describe("reading the schema sections", () => {
  let result: GenerateResult;
  const decl = (name: string): Decl => {
    const found = result.decls.find((d) => d.name === name);
    if (!found) throw new Error(`no declaration ${name}`);
    return found;
  };
  const field = (name: string, fieldName: string) =>
    (decl(name) as ObjectDecl).fields.find((f) => f.name === fieldName);

  beforeAll(async () => {
    result = await generate({ input: FOLDER, cache: false, jsonSchema: true });
  }, 60_000);

  it("declares each schema as page#anchor with the section's other anchors", () => {
    const shelf = decl("Shelf");
    expect(shelf.id).toBe("parcels#tocs_shelf");
    expect(shelf.anchors).toEqual(["schemashelf", "schema_shelf", "tocsshelf"]);
    expect(shelf.description).toBe("A shelf of parcels.");
    expect(shelf.origin.line).toBe(PAGE.split("\n").indexOf('<h2 id="tocS_Shelf">Shelf</h2>') + 1);
  });

  it("reads properties: required, restrictions, formats, nullability, links", () => {
    expect(field("Shelf", "id")).toMatchObject({
      type: { kind: "string" },
      required: true,
      readonly: true,
    });
    expect(field("Shelf", "stocked_at")).toMatchObject({
      type: { kind: "union", members: [{ kind: "string", format: "date-time" }, { kind: "null" }] },
      required: false,
    });
    expect(field("Shelf", "weight")).toMatchObject({
      type: { kind: "number", format: "int64" },
      description: "Grams.\n\nRestrictions: write-only.",
    });
    expect(field("Shelf", "parcels")?.type).toMatchObject({
      kind: "array",
      items: { kind: "ref", name: "Parcel", target: "parcels#tocs_parcel" },
    });
    expect(field("Shelf", "kind")?.type).toMatchObject({
      kind: "ref",
      target: "parcels#tocs_shelfkind",
    });
  });

  it("gives a field the values Enumerated Values lists for it", () => {
    expect(field("Shelf", "size")?.type).toEqual({
      kind: "union",
      members: [
        { kind: "literal", value: "small" },
        { kind: "literal", value: " large" },
      ],
    });
  });

  it("reads » rows as a map's values or an inline object's fields", () => {
    expect(field("Shelf", "labels")?.type).toEqual({ kind: "map", values: { kind: "string" } });
    expect(field("Shelf", "dimensions")?.type).toMatchObject({
      kind: "ref",
      target: "parcels#inline-shelfdimensions",
    });
    const dimensions = decl("ShelfDimensions") as ObjectDecl;
    expect(dimensions.fields.map((f) => [f.name, f.required])).toEqual([
      ["width", true],
      ["depth", false],
    ]);
    expect(field("Shelf", "slots")?.type).toMatchObject({
      kind: "array",
      items: { kind: "ref", name: "ShelfSlots" },
    });
    expect((decl("ShelfSlots") as ObjectDecl).fields.map((f) => f.name)).toEqual(["row"]);
  });

  it("reads allOf as bases and merged fields, oneOf as a union", () => {
    const parcel = decl("Parcel") as ObjectDecl;
    expect(parcel.kind).toBe("object");
    expect(parcel.extends?.map((b) => b.type)).toMatchObject([
      { kind: "ref", target: "parcels#tocs_item" },
    ]);
    expect(parcel.fields.map((f) => [f.name, f.required])).toEqual([["tracking", true]]);
    const courier = decl("Courier");
    expect(courier.kind === "union" && courier.members.map((m) => m.type)).toMatchObject([
      { kind: "ref", target: "parcels#tocs_item" },
      { kind: "string" },
    ]);
  });

  it("reads a schema that is no object as an enum, an alias or an undocumented model", () => {
    const kind = decl("ShelfKind");
    expect(kind.kind === "enum" && kind.members.map((m) => m.value)).toEqual(["wall", "floor"]);
    const count = decl("MaybeCount");
    expect(count.kind === "union" && count.members.map((m) => m.type)).toEqual([
      { kind: "number", format: "integer" },
      { kind: "null" },
    ]);
    const anything = decl("Anything");
    expect(anything.kind === "union" && anything.members.map((m) => m.type)).toEqual([
      { kind: "unknown", reason: "undocumented" },
    ]);
  });

  it("reports only the undocumented model, and writes output that passes strict tsc", () => {
    expect(result.diagnostics.map((d) => `${d.line} ${d.severity} ${d.ruleId}`)).toEqual([
      `${PAGE.split("\n").indexOf("*None*") - 1} warning undocumented-model`,
    ]);
    expect(strictTypeErrors(result.files)).toEqual([]);
  }, 60_000);
});
