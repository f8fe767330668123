/**
 * The docs-site family's rules, each on a small page of its own: which pages it recognises, how a
 * section becomes a model (id, anchors, name), whether a field may be absent or null, type words,
 * value tables, what is skipped, and how links between sections resolve.
 */
import { describe, expect, it } from "vitest";
import type { Decl, EnumDecl, ObjectDecl, TypeRef } from "../../src/core/model.js";
import { docsSiteFamily } from "../../src/families/docs-site.js";
import { sdkFamily } from "../../src/families/sdk.js";
import GithubSlugger, { slug as slugOf } from "github-slugger";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { readHeadingOutline } from "../../src/families/common/heading-outline.js";
import { generate } from "../../src/index.js";
import { loadSyntax, parseMarkdown } from "../../src/parse/markdown.js";
import { loadFrontmatterReader, readFrontmatter } from "../../src/parse/frontmatter.js";
import { pageSyntax } from "../../src/parse/syntax.js";
import type { PageResult } from "../../src/model/build.js";
import { tempDir, writeTree } from "../support/helpers.js";

/** Reads one page with the docs-site family, as the pipeline would. */
async function read(file: string, source: string): Promise<PageResult> {
  const syntax = pageSyntax(file, source);
  await loadSyntax(syntax);
  if (syntax.frontmatter) await loadFrontmatterReader(syntax.frontmatter);
  const root = parseMarkdown(source, syntax);
  const frontmatter = syntax.frontmatter ? readFrontmatter(root) : undefined;
  return docsSiteFamily.read(
    {
      file,
      source,
      root,
      ...(frontmatter && "data" in frontmatter ? { frontmatter: frontmatter.data } : {}),
    },
    {},
  );
}

const object = (result: PageResult, name: string) =>
  result.decls.find((d) => d.name === name && d.kind === "object") as ObjectDecl;
const field = (decl: ObjectDecl, name: string) => decl.fields.find((f) => f.name === name);

const PARCEL_PAGE = `---
title: Parcel Resource
---

import {Anchor} from '/snippets/anchor.jsx'

<Note>
Parcels are kept for a year.
</Note>

### Parcel Object

<Anchor id="parcel-object-parcel-structure" />
###### Parcel Structure

| Field      | Type                                                   | Description               |
|------------|--------------------------------------------------------|---------------------------|
| id         | snowflake                                              | the parcel's id           |
| label?     | ?string                                                | what the label says       |
| courier    | [courier](/docs/resources/courier#courier-object) object | who carries it          |
| status     | [parcel status](#parcel-object-parcel-status)          | where it is               |

<Anchor id="parcel-object-parcel-status" />
###### Parcel Status

| Name      | Value | Description              |
|-----------|-------|--------------------------|
| PENDING   | 0     | not yet sent             |
| IN_TRANSIT| 1     | on its way               |

## Create Parcel

###### JSON Params

| Field   | Type    | Description |
|---------|---------|-------------|
| weight  | float   | in grams    |
`;

describe("docs-site family: which pages it recognises", () => {
  it.each([
    ["an MDX page with a field table without a Required column", "x.mdx", PARCEL_PAGE, "strong"],
    [
      "a page with two `###` sections each followed by a field table",
      "x.md",
      "# Shelf\n\n### Shelf Object\n\n| Field | Type | Description |\n|---|---|---|\n| id | string | x |\n\n### Slot Object\n\n| Field | Type | Description |\n|---|---|---|\n| id | string | x |\n",
      "strong",
    ],
    [
      "an SDK page (Required column)",
      "x.md",
      "# Shelf\n\n## Fields\n\n| Field | Type | Required | Description |\n|---|---|---|---|\n| `id` | *string* | :heavy_check_mark: | x |\n",
      undefined,
    ],
    [
      "an OpenAPI Generator page (one `## Properties` table)",
      "x.md",
      "# Shelf\n\n## Properties\n\nName | Type | Description | Notes\n------------ | ------------- | ------------- | -------------\n**id** | **str** |  | [optional]\n",
      undefined,
    ],
    [
      "an OpenAPI Generator operations page (parameter tables under `###`, a Return type)",
      "ShelfApi.md",
      "# ShelfApi\n\n## GetShelf\n\n### Path Parameters\n\nName | Type | Description  | Notes\n------------- | ------------- | ------------- | -------------\n**id** | **string** | x |\n\n### Other Parameters\n\nName | Type | Description  | Notes\n------------- | ------------- | ------------- | -------------\n**ctx** | **string** | x |\n\n### Return type\n\n[**Shelf**](Shelf.md)\n",
      undefined,
    ],
    [
      "protobuf docs (a Label column under `###` headings)",
      "x.md",
      "# Protocol Documentation\n\n### Shelf\n\n| Field | Type | Label | Description |\n| ----- | ---- | ----- | ----------- |\n| id | string |  | x |\n\n### Slot\n\n| Field | Type | Label | Description |\n| ----- | ---- | ----- | ----------- |\n| id | string |  | x |\n",
      undefined,
    ],
    [
      "a code sample's import line is no MDX",
      "x.md",
      "# Shelf\n\n```ts\nimport { Shelf } from 'shelf';\n```\n\n| Field | Type | Description |\n|---|---|---|\n| id | string | x |\n",
      undefined,
    ],
  ])("%s", (_, file, source, want) => {
    expect(docsSiteFamily.recognise({ file, source })).toBe(want);
    // The SDK family still sees its own pages.
    if (source.includes(":heavy_check_mark:"))
      expect(sdkFamily.recognise({ file, source })).toBe("strong");
  });
});

describe("docs-site family: a section is a model", () => {
  it("names the model after its heading without the family's words, with the section's anchors", async () => {
    const result = await read("resources/parcel.mdx", PARCEL_PAGE);
    const parcel = object(result, "Parcel");
    expect(parcel.id).toBe("resources/parcel#parcel-object");
    expect(parcel.anchors).toEqual(["parcel-structure", "parcel-object-parcel-structure"]);
    const status = result.decls.find((d) => d.kind === "enum") as EnumDecl;
    expect(status.id).toBe("resources/parcel#parcel-status");
    expect(status.anchors).toEqual(["parcel-object-parcel-status"]);
  });

  it("names a table under a heading that names no subject after its parent, whose anchor it takes", async () => {
    const result = await read("resources/parcel.mdx", PARCEL_PAGE);
    const params = object(result, "CreateParcelJSONParams");
    expect(params.id).toBe("resources/parcel#json-params");
    expect(params.anchors).toContain("create-parcel");
  });

  it.each([
    ["The Shelf object", "Shelf"],
    ["Shelf resource", "Shelf"],
    ["Shelf Slot Object Structure", "ShelfSlot"],
    ["Shelf Properties", "Shelf"],
    ["Shelf-Owned Slot", "ShelfOwnedSlot"],
  ])("heading `%s` names `%s`", async (heading, name) => {
    const page = `---\ntitle: x\n---\n\n### ${heading}\n\n| Field | Type | Description |\n|---|---|---|\n| id | string | x |\n`;
    const result = await read("shelf.md", page);
    expect(result.decls.map((d) => d.name)).toEqual([name]);
  });
});

describe("docs-site family: optional and nullable fields", () => {
  const page = (rows: string, header = "| Field | Type | Description |\n|---|---|---|") =>
    `---\ntitle: x\n---\n\n### Shelf Object\n\n${header}\n${rows}\n`;

  it("reads `name?` as optional, `?type` as nullable, footnote marks off the name", async () => {
    const shelf = object(
      await read(
        "shelf.md",
        page("| id | string | x |\n| label? \\* | ?string | y |\n| note [1] | string | z |"),
      ),
      "Shelf",
    );
    expect(field(shelf, "id")).toMatchObject({ required: true, type: { kind: "string" } });
    expect(field(shelf, "label")).toMatchObject({
      required: false,
      type: { kind: "union", members: [{ kind: "string" }, { kind: "null" }] },
    });
    expect(field(shelf, "note")?.required).toBe(true);
  });

  it("on a page without `?` marks an unmarked field is optional, unless its description says Required", async () => {
    const shelf = object(
      await read(
        "shelf.md",
        page("| id | string | Required. The id |\n| label | string | what it says |"),
      ),
      "Shelf",
    );
    expect(field(shelf, "id")?.required).toBe(true);
    expect(field(shelf, "label")?.required).toBe(false);
  });

  it("a section that says all its parameters are optional makes unmarked fields optional on a page of `?` marks", async () => {
    const source = `---\ntitle: x\n---\n\n### Shelf Object\n\n| Field | Type | Description |\n|---|---|---|\n| id | string | x |\n| label? | string | y |\n\n## Modify Shelf\n\nAll parameters to this endpoint are optional.\n\n###### JSON Params\n\n| Field | Type | Description |\n|---|---|---|\n| id | string | x |\n`;
    const result = await read("shelf.md", source);
    expect(field(object(result, "Shelf"), "id")?.required).toBe(true);
    expect(field(object(result, "ModifyShelfJSONParams"), "id")?.required).toBe(false);
  });

  it("a Required column decides when there is one", async () => {
    const shelf = object(
      await read(
        "shelf.md",
        page(
          "| id | string | x | yes |\n| label? | string | y | no |\n| tag | string | z | no |",
          "| Field | Type | Description | Required |\n|---|---|---|---|",
        ),
      ),
      "Shelf",
    );
    expect(shelf.fields.map((f) => f.required)).toEqual([true, false, false]);
  });
});

const literals = (...values: Array<string | number>): TypeRef => ({
  kind: "union",
  members: values.map((value) => ({ kind: "literal", value })),
});

describe("docs-site family: type words", () => {
  const typeOf = async (cell: string): Promise<TypeRef> => {
    const source = `---\ntitle: x\n---\n\n### Shelf Object\n\n| Field | Type | Description |\n|---|---|---|\n| f | ${cell} | x |\n`;
    const result = await read("shelf.md", source);
    return (result.decls[0] as ObjectDecl).fields[0]?.type as TypeRef;
  };
  const ref = (name: string, href: string) => ({ kind: "ref", name, href });

  it.each<[string, unknown]>([
    ["snowflake", { kind: "string" }],
    ["array of snowflakes", { kind: "array", items: { kind: "string" } }],
    ["ISO8601 timestamp", { kind: "string", format: "date-time" }],
    ["integer or string", { kind: "union", members: [{ kind: "number" }, { kind: "string" }] }],
    [
      "string, integer, or boolean",
      { kind: "union", members: [{ kind: "string" }, { kind: "number" }, { kind: "boolean" }] },
    ],
    ["string (max 100 characters)", { kind: "string" }],
    ["mixed", { kind: "unknown", reason: "any" }],
    ["float", { kind: "number", format: "float" }],
    [
      "array of [slot](/docs/slot#slot-object) objects",
      { kind: "array", items: ref("slot", "/docs/slot#slot-object") },
    ],
    ["array of [slot](#slot-object) object ids", { kind: "array", items: { kind: "string" } }],
    ["partial [slot](#slot-object) object", ref("slot", "#slot-object")],
    ["[shelf kind](#shelf-kind)", ref("ShelfKind", "#shelf-kind")],
    [
      "Map of Snowflakes to [slot](#slot-object) objects",
      { kind: "map", values: ref("slot", "#slot-object") },
    ],
    ["dictionary with keys in [locales](#locales)", { kind: "map", values: { kind: "string" } }],
    ["array of [shelf kind](#kinds) strings", { kind: "array", items: ref("ShelfKind", "#kinds") }],
    [
      "integer for `A` shelves, float for `B` shelves",
      { kind: "union", members: [{ kind: "number" }, { kind: "number", format: "float" }] },
    ],
    [
      "one of [slot](#slot), [bin](#bin)",
      { kind: "union", members: [ref("slot", "#slot"), ref("bin", "#bin")] },
    ],
    ["[array](#arrays) of strings", { kind: "array", items: { kind: "string" } }],
    ["one of `scan`, `handover`, `delivery`", literals("scan", "handover", "delivery")],
    ["`scan`, `handover` or `delivery`", literals("scan", "handover", "delivery")],
    ["one of: `1`, `2`", literals(1, 2)],
    ["`integer` or `string`", { kind: "union", members: [{ kind: "number" }, { kind: "string" }] }],
  ])("`%s`", async (cell, want) => {
    expect(await typeOf(cell)).toMatchObject(want as object);
  });

  it("reads values in code that a string field's description lists (One of `a`, `b`.)", async () => {
    const source =
      "### Shelf Object\n\n| Field | Type | Description |\n|---|---|---|\n| shift | string | One of `early`, `late` or `night`. |\n| note | string | Free text, such as `late`. |\n";
    const result = await read("shelf.md", source);
    const fields = (result.decls[0] as ObjectDecl).fields;
    expect(fields[0]?.type).toEqual(literals("early", "late", "night"));
    expect(fields[1]?.type).toEqual({ kind: "string" });
    expect(result.diagnostics.filter((d) => d.severity !== "info")).toEqual([]);
  });
});

describe("docs-site family: value tables", () => {
  const enumOf = async (body: string): Promise<EnumDecl> => {
    const result = await read("shelf.md", `---\ntitle: x\n---\n\n### Shelf Flags\n\n${body}\n`);
    return result.decls.find((d) => d.kind === "enum") as EnumDecl;
  };

  it("reads bit shifts as numbers, member names from the first column", async () => {
    const flags = await enumOf(
      "| Flag | Value | Description |\n|---|---|---|\n| FRAGILE | `1 << 0` | x |\n| HEAVY | `1 << 3` | y |",
    );
    expect(flags.members.map((m) => [m.name, m.value])).toEqual([
      ["FRAGILE", 1],
      ["HEAVY", 8],
    ]);
    expect(flags.open).toBe(false);
  });

  it("reads text values, and a placeholder for later values makes the enum open", async () => {
    const kinds = await enumOf(
      'The value `"other"` is a placeholder for kinds added later.\n\n| Type | Value |\n|---|---|\n| Wooden | "wood" |\n| Other | "other" |',
    );
    expect(kinds.members.map((m) => m.value)).toEqual(["wood", "other"]);
    expect(kinds.open).toBe(true);
  });

  it("a Type column of numbers beside a Name column holds the values", async () => {
    const kinds = await enumOf(
      "| Type | Name | Description |\n|---|---|---|\n| 1 | Wall | x |\n| 2 | Floor | y |",
    );
    expect(kinds.members.map((m) => [m.name, m.value])).toEqual([
      ["Wall", 1],
      ["Floor", 2],
    ]);
  });
});

describe("docs-site family: what is not a model", () => {
  it("skips a guide page and a table of other things with an info", async () => {
    const guide = await read(
      "guide.mdx",
      "---\ntitle: Getting started\n---\n\n# Start here\n\nRead on.\n",
    );
    expect(guide.decls).toEqual([]);
    expect(guide.diagnostics.map((d) => [d.severity, d.ruleId])).toEqual([["info", "not-a-model"]]);
    const limits = await read(
      "limits.md",
      "---\ntitle: Limits\n---\n\n### Rate Limits\n\n| Route | Requests per minute |\n|---|---|\n| /shelves | 50 |\n",
    );
    expect(limits.decls).toEqual([]);
    expect(limits.diagnostics[0]).toMatchObject({ severity: "info", ruleId: "not-a-model" });
    expect(limits.diagnostics[0]?.message).toContain("`Route`, `Requests per minute`");
  });
});

describe("docs-site family: links between sections", () => {
  it("resolves site-absolute and in-page links to the sections' models; a section without a table is unknown, with a warning", async () => {
    const input = tempDir();
    writeTree(input, {
      "resources/parcel.mdx": PARCEL_PAGE.replace(
        "| weight  | float   | in grams    |",
        "| weight  | float   | in grams    |\n| box | [box](/docs/resources/courier#boxes) | prose only |",
      ),
      "resources/courier.mdx":
        "---\ntitle: Courier Resource\n---\n\n### Courier Object\n\n| Field | Type | Description |\n|---|---|---|\n| name | string | x |\n\n### Boxes\n\nBoxes are described in words.\n",
    });
    const result = await generate({ input, cache: false, dialect: "auto" });
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const byId = new Map<string, Decl>(result.decls.map((d) => [d.id, d]));
    const parcel = byId.get("resources/parcel#parcel-object") as ObjectDecl;
    expect(field(parcel, "courier")?.type).toMatchObject({
      target: "resources/courier#courier-object",
    });
    expect(field(parcel, "status")?.type).toMatchObject({
      target: "resources/parcel#parcel-status",
    });
    const params = byId.get("resources/parcel#json-params") as ObjectDecl;
    expect(field(params, "box")?.type).toEqual({ kind: "unknown", reason: "undocumented" });
    expect(result.diagnostics.some((d) => d.ruleId === "undocumented-model")).toBe(true);
  });
});

describe("heading slugs as sites link them", () => {
  it("drops punctuation, keeps hyphens, numbers repeats", () => {
    expect(slugOf("Application-Owned Emoji")).toBe("application-owned-emoji");
    expect(slugOf("Get Shelf (v2)")).toBe("get-shelf-v2");
    const slugger = new GithubSlugger();
    expect(["JSON Params", "JSON Params", "JSON Params"].map((t) => slugger.slug(t))).toEqual([
      "json-params",
      "json-params-1",
      "json-params-2",
    ]);
  });

  it("drops what GitHub's rule drops, as github-slugger does (other numbers such as superscripts)", () => {
    const root = unified().use(remarkParse).parse("# Parcel area in m²\n\n## Shelf ½ width\n");
    expect(readHeadingOutline(root).headings.map((h) => h.slug)).toEqual([
      "parcel-area-in-m",
      "shelf--width",
    ]);
  });
});
