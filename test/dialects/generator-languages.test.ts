/**
 * Page shapes of OpenAPI Generator targets and hand-written tables beyond the test corpora, each
 * written as that language's docs print it: Kotlin's enum sections (values in one cell, `<a id>`
 * anchors, `[inline](#List<X>)` links, indented bullet lists) and backtick-quoted reserved words,
 * Swift's `Data` and `Date`, Ruby's `Date`, hand-written `| Value |` tables with code spans, Java's
 * `Object`, and prose pages that are not models.
 */
import { describe, expect, it } from "vitest";
import { generate, type GenerateResult } from "../../src/pipeline/generate.js";
import type { FieldModel, TypeRef } from "../../src/core/model.js";
import { tempDir, writeTree } from "../support/helpers.js";

async function read(files: Record<string, string>): Promise<GenerateResult> {
  const input = tempDir();
  writeTree(input, files);
  return generate({ input, cache: false });
}

function field(result: GenerateResult, id: string, name: string): FieldModel | undefined {
  const decl = result.decls.find((d) => d.id === id);
  return decl?.kind === "object" ? decl.fields.find((f) => f.name === name) : undefined;
}

const literals = (...values: string[]): TypeRef => ({
  kind: "union",
  members: values.map((value) => ({ kind: "literal", value })),
});
const warnings = (result: GenerateResult) =>
  result.diagnostics.filter((d) => d.severity !== "info").map((d) => `${d.ruleId} ${d.message}`);

const PROPERTIES =
  "## Properties\n| Name | Type | Description | Notes |\n| ---- | ---- | ---- | ---- |\n";

describe("Kotlin (OpenAPI Generator)", () => {
  it("reads enum sections: values in one cell, anchors on the line before, lists of enum values", async () => {
    const result = await read({
      "Book.md": `# Book\n\n${PROPERTIES}| **format** | [**inline**](#Format) |  | [optional] |\n| **genres** | [**inline**](#kotlin.collections.List&lt;Genres&gt;) |  | [optional] |\n| **&#x60;class&#x60;** | **kotlin.String** |  | [optional] |\n| **cover** | **kotlin.ByteArray** |  | [optional] |\n\n<a id="Format"></a>\n## Enum: format\n| Name | Value |\n| ---- | ----- |\n| format | hardcover, ebook |\n\n<a id="kotlin.collections.List<Genres>"></a>\n## Enum: genres\n| Name | Value |\n| ---- | ----- |\n| genres | fiction, poetry |\n`,
    });
    expect(warnings(result)).toEqual([]);
    expect(field(result, "Book", "format")?.type).toEqual(literals("hardcover", "ebook"));
    expect(field(result, "Book", "genres")?.type).toEqual({
      kind: "array",
      items: literals("fiction", "poetry"),
    });
    // The backtick-quoted reserved word is the JSON name; the docs' spelling is kept beside it.
    expect(field(result, "Book", "class")?.documentedName).toBe("`class`");
    // ByteArray (format: byte) is base64 text in JSON.
    expect(field(result, "Book", "cover")?.type).toEqual({ kind: "string" });
  });

  it("reads an enum page whose bullets are indented into a code block", async () => {
    const result = await read({
      "LoanStatus.md":
        '# LoanStatus\n\n## Enum\n\n\n    * `ACTIVE` (value: `"active"`)\n\n    * `RETURNED` (value: `"returned"`)\n',
    });
    expect(result.diagnostics.filter((d) => d.severity !== "info")).toEqual([]);
    const decl = result.decls[0];
    expect(
      decl?.kind === "enum" ? decl.members.map((m) => [m.name, m.value, m.origin.line]) : [],
    ).toEqual([
      ["ACTIVE", "active", 6],
      ["RETURNED", "returned", 8],
    ]);
  });
});

describe("Swift and Ruby (OpenAPI Generator)", () => {
  it("reads Swift's Data as base64 text and Date as an instant", async () => {
    const result = await read({
      "Observation.md": `# Observation\n\n${PROPERTIES}| **raw** | **Data** |  | [optional] |\n| **observedAt** | **Date** |  | |\n`,
    });
    expect(warnings(result)).toEqual([]);
    expect(field(result, "Observation", "raw")?.type).toEqual({ kind: "string" });
    expect(field(result, "Observation", "observedAt")?.type).toEqual({
      kind: "string",
      format: "date-time",
    });
  });

  it("reads Ruby's Date as a calendar day, and a page named Data wins over the word", async () => {
    const result = await read({
      "Holiday.md": `# OpenapiClient::Holiday\n\n${PROPERTIES}| **day** | **Date** |  | |\n| **data** | [**Data**](Data.md) |  | |\n\n## Example\n\n\`\`\`ruby\ninstance = OpenapiClient::Holiday.new(day: nil)\n\`\`\`\n`,
      "Data.md": `# OpenapiClient::Data\n\n${PROPERTIES}| **name** | **String** |  | |\n`,
    });
    expect(warnings(result)).toEqual([]);
    expect(field(result, "Holiday", "day")?.type).toEqual({ kind: "string", format: "date" });
    expect(field(result, "Holiday", "data")?.type).toMatchObject({ kind: "ref", target: "Data" });
  });
});

describe("hand-written tables of a Java API", () => {
  it("reads `| Value |` tables with code spans, Object as any value, and skips prose pages", async () => {
    const result = await read({
      "README.md": "# Ordering API schemas\n\nThe models of the ordering API.\n",
      "status.md":
        "# Status\n\n## Values\n\n| Value | Description |\n| --- | --- |\n| `PENDING` | Waiting. |\n| `SHIPPED` | On its way. |\n",
      "order.md":
        "# Order\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n| `status` | [Status](status.md) | yes | The status. |\n| `attributes` | `Map<String, Object>` | no | Free-form. |\n",
    });
    expect(warnings(result)).toEqual([]);
    expect(result.decls.map((d) => d.id)).toEqual(["order", "status"]);
    const status = result.decls.find((d) => d.id === "status");
    expect(status?.kind === "enum" ? status.members.map((m) => m.value) : []).toEqual([
      "PENDING",
      "SHIPPED",
    ]);
    expect(field(result, "order", "attributes")?.type).toEqual({
      kind: "map",
      values: { kind: "unknown", reason: "any" },
    });
  });
});
