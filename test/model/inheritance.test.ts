/**
 * Inheritance written in words ("Inherits from [Base](base.md)", "Extends `Base`"): the model extends
 * its bases in the types (`extends`, with `Omit` for redeclared keys), its validators check the bases'
 * fields (through every level) and its JSON Schema lists them. Pages: test/fixtures/cases/inheritance.
 */
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate } from "../../src/pipeline/generate.js";
import { readInheritance } from "../../src/model/inherits.js";
import { parseMarkdown } from "../../src/parse/markdown.js";
import { compileOutput, validatorsOf, type CompiledOutput } from "../emit/validators-harness.js";

const INPUT = fileURLToPath(new URL("../fixtures/cases/inheritance/input", import.meta.url));

describe("inheritance in words", () => {
  it("reads the bases a sentence names, as links or code, once each", () => {
    const root = parseMarkdown(
      "Derived from [Box](box.md), `Crate` and [Box](box.md).\n\nNot about [Lid](lid.md).\n",
    );
    const bases = readInheritance(root.children, "x.md");
    expect(bases.map((base) => base.type)).toEqual([
      { kind: "ref", name: "Box", href: "box.md" },
      { kind: "ref", name: "Crate" },
    ]);
  });

  it("reads nothing from a paragraph that only mentions another model", () => {
    const root = parseMarkdown("See [Box](box.md), which this extends.\n");
    expect(readInheritance(root.children, "x.md")).toEqual([]);
  });

  it("writes an interface that extends its bases, leaving out the keys it redeclares", async () => {
    const result = await generate({ input: INPUT, out: "unused", cache: false, validators: false });
    const text = result.files.find((file) => file.path === "fragile-parcel.ts")?.content ?? "";
    expect(text).toContain(
      'export interface FragileParcel extends Omit<Parcel, "note">, Omit<Insured, "weight"> {',
    );
    expect(result.diagnostics.filter((d) => d.severity !== "info")).toEqual([]);
  });

  describe("validators", () => {
    let out: CompiledOutput;
    beforeAll(async () => {
      out = await compileOutput({ input: INPUT });
    });
    afterAll(() => out.remove());
    const valid = {
      id: "p1",
      weight: 12.5,
      value: 300,
      checkedAt: { row: 4 },
      note: "this side up",
      upright: true,
    };

    it("accept an object with its own fields and every base's", async () => {
      const fragile = validatorsOf(await out.load("fragile-parcel.ts"), "FragileParcel");
      expect(fragile.validate(valid)).toEqual({ success: true, value: valid });
    });

    it("reject a missing or wrong field of a base, and of a base's base", async () => {
      const fragile = validatorsOf(await out.load("fragile-parcel.ts"), "FragileParcel");
      const { id: _id, ...withoutId } = valid;
      expect(fragile.is(withoutId)).toBe(false);
      expect(fragile.is({ ...valid, checkedAt: { row: "4" } })).toBe(false);
      const result = fragile.validate({ ...valid, value: 1.5 });
      expect(result.success).toBe(false);
      if (!result.success) expect(result.issues.map((issue) => issue.path)).toEqual([["value"]]);
    });

    it("take the redeclared field's own rule (optional in the base, required here)", async () => {
      const fragile = validatorsOf(await out.load("fragile-parcel.ts"), "FragileParcel");
      const parcel = validatorsOf(await out.load("parcel.ts"), "Parcel");
      const { note: _note, ...withoutNote } = valid;
      expect(parcel.is(withoutNote)).toBe(true);
      expect(fragile.is(withoutNote)).toBe(false);
    });
  });

  it("lists the bases' fields in the JSON Schema", async () => {
    const result = await generate({ input: INPUT, out: "unused", cache: false, jsonSchema: true });
    const file = result.files.find((f) => f.path === "fragile-parcel.schema.json");
    const schema = JSON.parse(file?.content ?? "{}") as { required?: string[] };
    expect([...(schema.required ?? [])].sort()).toEqual(
      ["checkedAt", "id", "note", "upright", "value", "weight"].sort(),
    );
  });
});
