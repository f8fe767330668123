/**
 * The protobuf family on a page of its own (fixtures/families/protobuf/depot.md, in protoc-gen-doc's
 * Markdown): which pages it claims, and each message and enum read as the proto3 JSON mapping says.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import type { Decl, EnumDecl, FieldModel, ObjectDecl, TypeRef } from "../../src/core/model.js";
import { protobufFamily } from "../../src/families/protobuf.js";
import { choosePageFamilies } from "../../src/families/registry.js";
import { jsonName } from "../../src/families/protobuf/read-tables.js";
import { generate, type GenerateResult } from "../../src/pipeline/generate.js";
import { DEFAULT_LIMITS } from "../../src/core/options.js";
import { preparePage, readSourcePage } from "../../src/pipeline/read-source.js";
import { strictTypeErrors, tempDir, writeTree } from "../support/helpers.js";

const PAGE = readFileSync(
  fileURLToPath(new URL("../fixtures/families/protobuf/depot.md", import.meta.url)),
  "utf8",
);
const SDK_PAGE =
  "# Parcel\n\n## Fields\n\n| Field | Type | Required | Description |\n| - | - | - | - |\n| `id` | *string* | :heavy_check_mark: | N/A |\n";

describe("recognising protobuf docs", () => {
  it.each([
    ["protoc-gen-doc's page", PAGE, "strong"],
    ["an SDK model page", SDK_PAGE, undefined],
    [
      "an enum table beside <a name> anchors",
      '<a name="depot.v1.Kind"></a>\n\n### Kind\n\n| Name | Number | Description |\n| - | - | - |\n| A | 0 | |\n',
      "strong",
    ],
    [
      "an enum table alone",
      "### Kind\n\n| Name | Number | Description |\n| - | - | - |\n| A | 0 | |\n",
      undefined,
    ],
  ] as const)("%s", (_, source, want) => {
    expect(protobufFamily.recognise({ file: "x.md", source })).toBe(want);
  });

  it("reads protoc-gen-doc pages with the protobuf family and SDK pages as before", () => {
    const pages = [
      { file: "api/depot.md", source: PAGE },
      { file: "models/parcel.md", source: SDK_PAGE },
    ];
    expect(choosePageFamilies(pages, "auto")).toEqual(["protobuf", "sdk"]);
    expect(choosePageFamilies(pages, "protoc-gen-doc")).toEqual(["protobuf", "protobuf"]);
  });
});

describe("section skipping on protobuf pages", () => {
  it("leaves out the table of contents but keeps the anchors, and reads the same as the whole page", async () => {
    const reduced = protobufFamily.reduce?.(PAGE);
    expect(reduced?.text).not.toContain("[Parcel](#depot.v1.Parcel)");
    expect(reduced?.text).toContain('<a name="depot/v1/parcel.proto"></a>');
    const page = { file: "depot.md", text: PAGE };
    await preparePage(page);
    const read = (wholePages: boolean) =>
      readSourcePage(page, { limits: DEFAULT_LIMITS, read: {}, family: "protobuf", wholePages })
        .result;
    expect(read(false)).toEqual(read(true));
    expect(read(false).decls).toHaveLength(8);
  });
});

describe("jsonName", () => {
  it.each([
    ["parcel_id", "parcelId"],
    ["received_at", "receivedAt"],
    ["part_2", "part2"],
    ["name", "name"],
    ["_hidden", "Hidden"],
    ["already_Camel", "alreadyCamel"],
  ])("%s -> %s", (name, want) => expect(jsonName(name)).toBe(want));
});

describe("a protoc-gen-doc page", () => {
  let result: GenerateResult;
  const byId = new Map<string, Decl>();
  const object = (anchor: string) => byId.get(`depot#${anchor}`) as ObjectDecl;
  const field = (decl: ObjectDecl, name: string) =>
    decl.fields.find((f) => f.name === name) as FieldModel;
  const S: TypeRef = { kind: "string" };

  beforeAll(async () => {
    const root = tempDir();
    writeTree(root, { "depot.md": PAGE });
    result = await generate({ input: root, cache: false });
    for (const decl of result.decls) byId.set(decl.id, decl);
  }, 60_000);

  it("declares every message and enum under its full name, in its package's folder", () => {
    expect([...byId.keys()].sort()).toEqual([
      "depot#depot.v1.courier",
      "depot#depot.v1.courier.route",
      "depot#depot.v1.parcel",
      "depot#depot.v1.parcelstate",
      "depot#depot.v1.pingrequest",
      "depot#depot.v1.shelf",
      "depot#depot.v2.parcel",
      "depot#google.protobuf.any",
    ]);
    expect(object("depot.v1.parcel")).toMatchObject({
      name: "Parcel",
      module: "depot/v1/Parcel",
      description: "A parcel waiting on a shelf.",
    });
    expect(object("depot.v2.parcel").module).toBe("depot/v2/Parcel");
    expect(object("depot.v1.courier.route")).toMatchObject({
      name: "Courier_Route",
      module: "depot/v1/Courier_Route",
    });
    expect(object("depot.v1.pingrequest")).toMatchObject({ fields: [], open: false });
    expect(result.files.map((f) => f.path)).toContain("depot/v1/Parcel.ts");
    expect(result.files.map((f) => f.path)).toContain("depot/v2/Parcel.ts");
  });

  it("names fields in lowerCamelCase and types them as the proto3 JSON mapping says", () => {
    const parcel = object("depot.v1.parcel");
    const types = Object.fromEntries(parcel.fields.map((f) => [f.name, f.type]));
    expect(types).toMatchObject({
      parcelId: S,
      weightGrams: { kind: "number", format: "int32" },
      state: { kind: "ref", target: "depot#depot.v1.parcelstate" },
      shelf: { kind: "ref", target: "depot#depot.v1.shelf" },
      tags: { kind: "array", items: S },
      photo: S,
      receivedAt: { kind: "string", format: "date-time" },
      holdFor: S,
      note: { kind: "union", members: [S, { kind: "null" }] },
      extra: { kind: "array", items: { kind: "ref", target: "depot#google.protobuf.any" } },
      origin: { kind: "unknown", reason: "external" },
      courier: { kind: "ref", target: "depot#depot.v1.courier.route" },
    });
    expect(field(parcel, "parcelId").description).toBe(
      "The parcel's number.\n\nProto field `parcel_id`.",
    );
  });

  it("makes fields optional unless labelled required, and reads deprecation and defaults", () => {
    const parcel = object("depot.v1.parcel");
    expect(parcel.fields.filter((f) => f.required).map((f) => f.name)).toEqual(["priority"]);
    expect(field(parcel, "priority").defaultText).toBe("3");
    expect(field(parcel, "legacyCode")).toMatchObject({
      deprecated: true,
      description: "Use parcel_id.\n\nProto field `legacy_code`.",
    });
  });

  it("reads a field shown as a repeated XEntry message as a map of its value", () => {
    const shelf = object("depot.v1.shelf");
    expect(Object.fromEntries(shelf.fields.map((f) => [f.name, f.type]))).toEqual({
      labels: {
        kind: "map",
        values: {
          kind: "ref",
          name: "Courier",
          href: "#depot.v1.courier",
          target: "depot#depot.v1.courier",
        },
      },
      counts: { kind: "map", values: S },
    });
  });

  it("reads an enum as the names of its values", () => {
    const state = byId.get("depot#depot.v1.parcelstate") as EnumDecl;
    expect(state.members.map((m) => m.value)).toEqual([
      "PARCEL_STATE_UNSPECIFIED",
      "SHELVED",
      "COLLECTED",
    ]);
    expect(state.members[1]?.description).toBe("On a shelf.");
  });

  it("declares google.protobuf.Any as an object with @type", () => {
    expect(object("google.protobuf.any")).toMatchObject({
      name: "Any",
      module: "google/protobuf/Any",
      fields: [{ name: "@type", type: S, required: true }],
    });
  });

  it("skips services with an info, warns on types of other docs, and writes code that passes strict tsc", () => {
    const rules = result.diagnostics.map((d) => `${d.severity}:${d.ruleId}:${d.line}`);
    expect(rules.filter((r) => r.startsWith("error"))).toEqual([]);
    const lineOf = (text: string) => PAGE.split("\n").findIndex((l) => l.includes(text)) + 1;
    expect(rules).toContain(`info:not-a-model:${lineOf("### Depot")}`);
    expect(rules).toContain(`warning:external-type:${lineOf("| origin |")}`);
    expect(strictTypeErrors(result.files)).toEqual([]);
  }, 60_000);
});

describe("typeMap on a protoc-gen-doc page", () => {
  it("types a name the option maps as the option says, with no external-type warning", async () => {
    const root = tempDir();
    writeTree(root, { "depot.md": PAGE });
    const result = await generate({
      input: root,
      cache: false,
      typeMap: { "acme.geo.v1.Point": "string", "google.protobuf.Timestamp": "integer" },
    });
    const parcel = result.decls.find((d) => d.id === "depot#depot.v1.parcel") as ObjectDecl;
    const type = (name: string) => parcel.fields.find((f) => f.name === name)?.type;
    expect(type("origin")).toEqual({ kind: "string" });
    expect(type("receivedAt")).toMatchObject({ kind: "number" });
    expect(result.diagnostics.filter((d) => d.ruleId === "external-type")).toEqual([]);
  }, 60_000);
});
