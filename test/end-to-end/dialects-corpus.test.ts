/**
 * Every corpus in ../shared/corpus read as a new user would: exit-free generate with zero errors,
 * unknown-type warnings on under 1% of fields, strict-tsc-clean output; the same models from two
 * dialects of one API agree up to naming convention; every Example Usage value of the TypeScript
 * corpus passes its generated validator.
 */
import { expect, it } from "vitest";
import { runExamples } from "../../src/commands/examples/run.js";
import { generate, type GenerateResult } from "../../src/pipeline/generate.js";
import type { Decl } from "../../src/core/model.js";
import {
  ALL_CORPORA,
  ALL_FAMILY_FOLDERS,
  CORPORA,
  corpus,
  describeShared,
  familyFolder,
  strictTypeErrors,
} from "../support/helpers.js";

const results = new Map<string, Promise<GenerateResult>>();
const read = (name: string) => {
  let result = results.get(name);
  if (!result) {
    const input = ALL_FAMILY_FOLDERS.includes(name) ? familyFolder(name) : corpus(name);
    result = generate({ input, cache: false });
    results.set(name, result);
  }
  return result;
};

describeShared.each([...ALL_CORPORA, ...ALL_FAMILY_FOLDERS])("corpus %s", (name) => {
  it("has zero errors, unknown types on under 1% of fields, and strict-tsc-clean output", async () => {
    const result = await read(name);
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const fields = result.decls.reduce(
      (n, d) => n + (d.kind === "object" ? d.fields.length : 0),
      0,
    );
    const unknown = result.diagnostics.filter((d) => d.ruleId === "unknown-type").length;
    // The folders of the first six dialects hold over 1000 fields each, the smallest other one 428
    // (the family folders over 1000).
    expect(fields).toBeGreaterThan((CORPORA as readonly string[]).includes(name) ? 1000 : 400);
    expect(unknown / fields).toBeLessThan(0.01);
    expect(strictTypeErrors(result.files)).toEqual([]);
  }, 300_000);
});

/**
 * A declaration up to naming convention: field names lowercased without `_` (and without Python's
 * `var_` prefix for reserved words), with their optionality; enum values; union member count.
 */
function shape(decl: Decl): string[] {
  const name = (n: string) => n.replace(/^var_/, "").replace(/_/g, "").toLowerCase();
  switch (decl.kind) {
    case "object":
      return decl.fields.map((f) => `${name(f.name)}:${f.required ? "req" : "opt"}`).sort();
    case "enum":
      return decl.members.map((m) => String(m.value)).sort();
    case "union":
      return [`members:${decl.members.length}`];
  }
}

const byId = (result: GenerateResult) =>
  new Map(result.decls.map((decl) => [decl.id.toLowerCase(), decl]));

describeShared("the same models from two dialects", () => {
  it("OpenAI: Speakeasy Go and Speakeasy TypeScript agree on Batch and its neighbours", async () => {
    const [go, ts] = await Promise.all([read("speakeasy-go-openai"), read("speakeasy-ts-openai")]);
    const goDecls = byId(go);
    const tsDecls = byId(ts);
    // Batch's `status` enum is `BatchStatus` in TypeScript and a differently named page in Go: compare it
    // through the field's resolved reference.
    const statusValues = (result: GenerateResult) => {
      const batch = byId(result).get("models/components/batch");
      const status =
        batch?.kind === "object" ? batch.fields.find((f) => /^status$/i.test(f.name)) : undefined;
      const target = status?.type.kind === "ref" ? status.type.target : undefined;
      const decl = result.decls.find((d) => d.id === target);
      return decl ? shape(decl) : [];
    };
    expect(statusValues(go).length).toBeGreaterThan(5);
    expect(statusValues(go)).toEqual(statusValues(ts));
    const ids = [
      "batch",
      "batchobject",
      "requestcounts",
      "errors",
      "openaifile",
      "createembeddingrequest",
      "embedding",
      "assistantobject",
      "fineTuningJob",
    ].map((id) => `models/components/${id.toLowerCase()}`);
    for (const id of ids) {
      const a = goDecls.get(id);
      const b = tsDecls.get(id);
      expect(a, id).toBeDefined();
      expect(b, id).toBeDefined();
      expect({ id, shape: shape(a as Decl) }).toEqual({ id, shape: shape(b as Decl) });
    }
  }, 300_000);

  it("Ory: OpenAPI Generator Go and Python agree on every model", async () => {
    const [go, python] = await Promise.all([
      read("openapi-generator-ory-go"),
      read("openapi-generator-ory-python"),
    ]);
    const pythonDecls = byId(python);
    expect(go.decls.length).toBe(python.decls.length);
    for (const decl of go.decls) {
      const other = pythonDecls.get(decl.id.toLowerCase());
      expect(other, decl.id).toBeDefined();
      expect({ id: decl.id, kind: decl.kind, shape: shape(decl) }).toEqual({
        id: decl.id,
        kind: (other as Decl).kind,
        shape: shape(other as Decl),
      });
    }
  }, 300_000);
});

describeShared("Example Usage values of speakeasy-ts-openai", () => {
  it("all pass their generated validators", async () => {
    const report = await runExamples({ input: corpus("speakeasy-ts-openai"), cache: false });
    expect(report.findings).toEqual([]);
    // 629 pages have an `## Example Usage` section: 596 model pages carry a value; 16 say "No
    // examples available for this model" and 17 SDK pages show calls, not values.
    expect(report.examples).toBe(596);
    expect(report.passed).toBe(596);
  }, 300_000);
});
