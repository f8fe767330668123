/**
 * JSON Schema docs (@adobe/jsonschema2md) against the schemas they were written from: the Ory spec's
 * component schemas, one JSON Schema file each (../shared/specs/). At least 97% of the spec's object
 * schemas come out of docs2ts's JSON Schema with the same property names, required set, property types
 * and enum values (support/spec-compare.ts normalises both sides). Also: the run exits clean (no
 * error), every page is read within the limits, and under 1% of properties are unread.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { generate } from "../../src/pipeline/generate.js";
import { unknownCause } from "../../src/commands/report.js";
import { describeShared, HAS_SHARED, SHARED } from "../support/helpers.js";
import { docsObjects, key, specObjects } from "../support/spec-compare.js";
import { compareObject, mismatchText, type Mismatch } from "../support/spec-object-compare.js";

const SPEC = specObjects(
  HAS_SHARED
    ? (JSON.parse(
        readFileSync(join(SHARED, "specs", "ory-client-v1.22.63.json"), "utf8"),
      ) as Record<string, unknown>)
    : {},
);
const FOLDER = join(SHARED, "families", "jsonschema2md-ory");

describeShared(
  "JSON Schema docs (jsonschema2md) against the schemas they were written from",
  () => {
    it("match at least 97% of the spec's object schemas, with no error and under 1% unread", async () => {
      const result = await generate({ input: FOLDER, cache: false, jsonSchema: true });
      expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      const byId = new Map(result.decls.map((decl) => [decl.id, decl]));
      const fields = result.decls.flatMap((decl) => (decl.kind === "object" ? decl.fields : []));
      const unread = fields.filter((field) => unknownCause(field.type, byId) === "unread");
      expect(unread.length / fields.length).toBeLessThan(0.01);
      const docs = docsObjects(result.files, SPEC.keys);
      const failing = new Map<string, Mismatch[]>();
      let anyValue = 0;
      for (const [name, spec] of SPEC.objects) {
        const c = compareObject(name, spec, docs.get(key(name)));
        anyValue += c.anyValue;
        if (c.mismatches.length > 0) failing.set(name, c.mismatches);
      }
      const share = 1 - failing.size / SPEC.objects.size;
      const lines = [...failing.values()].flat().map(mismatchText);
      console.log(
        [
          `jsonschema2md-ory: ${SPEC.objects.size - failing.size}/${SPEC.objects.size} object schemas match (${(share * 100).toFixed(1)}%)`,
          `  properties typed as any value where the spec has a type: ${anyValue}`,
          ...lines.slice(0, 20).map((line) => `  ${line}`),
        ].join("\n"),
      );
      expect(share, lines.slice(0, 30).join("\n")).toBeGreaterThanOrEqual(0.97);
    }, 300_000);
  },
);
