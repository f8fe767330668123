/**
 * widdershins shows `*None*` under `### Properties` for a schema it cannot list: a free-form object, an
 * alias, or an array of items without a type. The example before it tells an array from the rest.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { generate } from "../../src/pipeline/generate.js";
import { ROOT, strictTypeErrors, tempDir, writeTree } from "../support/helpers.js";

const FIXTURE = readFileSync(`${ROOT}test/fixtures/families/widdershins/parcels.md`, "utf8");

const schema = (name: string, example: string) =>
  `<h2 id="tocS_${name}">${name}</h2>\n<a id="schema${name.toLowerCase()}"></a>\n\n\`\`\`json\n${example}\n\n\`\`\`\n\n### Properties\n\n*None*\n\n`;

describe("widdershins *None* schemas", () => {
  it("an array example makes unknown[], any other stays unknown", async () => {
    const docs = tempDir();
    writeTree(docs, {
      "parcels.md": `${FIXTURE.trimEnd()}\n\n${schema("ParcelTags", '[\n  "string"\n]')}${schema("ShelfLabels", '[\n  {\n    "a": 1\n  }\n]')}${schema("CourierNotes", '{\n  "a": 1\n}')}`,
    });
    const result = await generate({ input: docs, cache: false });
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const text = result.files.map((f) => f.content).join("\n");
    expect(text).toMatch(/export type ParcelTags = unknown\[\];/);
    expect(text).toMatch(/export type ShelfLabels = unknown\[\];/);
    expect(text).toMatch(/export type CourierNotes = unknown;/);
    const warnings = result.diagnostics.filter((d) => d.ruleId === "undocumented-model");
    expect(warnings.find((d) => d.message.includes("`ParcelTags`"))?.message).toContain(
      "as `unknown[]` (its example is an array)",
    );
    expect(strictTypeErrors(result.files)).toEqual([]);
  });
});
