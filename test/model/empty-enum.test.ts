/**
 * An enum page whose values section the docs left empty is an enum: any string until values are
 * known, with an `empty-enum` warning; an override's `values.add` gives it exactly those values (the
 * warning goes), as it does for a page the docs left undocumented; `report` counts it as an enum.
 */
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate } from "../../src/pipeline/generate.js";
import { reportFolder } from "../../src/commands/report.js";
import { tempDir, writeTree } from "../support/helpers.js";
import { compileOutput, validatorsOf, type CompiledOutput } from "../emit/validators-harness.js";

const PAGES = {
  "shade.md": "# Shade\n\nA colour.\n\n## Values\n\n",
  "lamp.md":
    "# Lamp\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n| `shade` | [Shade](shade.md) | ✔️ | Its shade. |\n",
};

function docs(): string {
  const dir = tempDir();
  writeTree(dir, Object.fromEntries(Object.entries(PAGES).map(([k, v]) => [`docs/${k}`, v])));
  return join(dir, "docs");
}

describe("an enum the docs left empty", () => {
  it("is an enum of any string, with an empty-enum warning", async () => {
    const result = await generate({ input: docs(), cache: false });
    expect(result.decls?.find((d) => d.id === "shade")).toMatchObject({
      kind: "enum",
      members: [],
      open: true,
    });
    expect(result.diagnostics.map((d) => [d.ruleId, d.severity])).toEqual([
      ["empty-enum", "warning"],
    ]);
    const text = result.files.find((f) => f.path === "shade.ts")?.content ?? "";
    expect(text).toContain("export type Shade = string;");
  });

  it("takes exactly the values an override adds, and loses its warning", async () => {
    const result = await generate({
      input: docs(),
      cache: false,
      overrides: { "shade.md": { values: { add: ["red", "blue"] } } },
    });
    expect(result.decls?.find((d) => d.id === "shade")).toMatchObject({
      kind: "enum",
      open: false,
      members: [{ value: "red" }, { value: "blue" }],
    });
    expect(result.diagnostics.filter((d) => d.severity !== "info")).toEqual([]);
    const text = result.files.find((f) => f.path === "shade.ts")?.content ?? "";
    expect(text).toContain('export type Shade = "red" | "blue";');
  });

  it("is counted as an enum by report", async () => {
    const report = await reportFolder({ input: docs(), cache: false });
    expect(report.models).toMatchObject({ enum: 1, union: 0, object: 1 });
  });

  describe("validators", () => {
    let out: CompiledOutput;
    beforeAll(async () => {
      out = await compileOutput({ input: docs() });
    });
    afterAll(() => out.remove());

    it("accept any string and nothing else", async () => {
      const lamp = validatorsOf(await out.load("lamp.ts"), "Lamp");
      expect(lamp.is({ shade: "teal" })).toBe(true);
      expect(lamp.is({ shade: 3 })).toBe(false);
    });
  });
});
