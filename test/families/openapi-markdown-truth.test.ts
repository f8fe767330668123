/**
 * widdershins' Markdown of the Ory API (../shared/families/widdershins-ory, one 2.2 MB page) against
 * the spec it was rendered from (../shared/specs/ory-client-v1.22.63.json), by the same comparison as
 * the OpenAPI Generator folders (support/spec-match.ts): at least 97% of the spec's object schemas
 * equal. The run exits clean (no error), its output passes strict tsc, and under 1% of the properties
 * are typed `unknown` because a type cell could not be read.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, expect, it } from "vitest";
import { unknownCause } from "../../src/commands/report.js";
import { generate, type GenerateResult } from "../../src/pipeline/generate.js";
import { describeShared, HAS_SHARED, SHARED, strictTypeErrors } from "../support/helpers.js";
import { specObjects } from "../support/spec-compare.js";
import { matchSpec } from "../support/spec-match.js";

const FOLDER = join(SHARED, "families", "widdershins-ory");

describeShared("widdershins Markdown of the Ory API", () => {
  let result: GenerateResult;
  beforeAll(async () => {
    result = await generate({ input: FOLDER, cache: false, jsonSchema: true });
  }, 300_000);

  it("matches at least 97% of the spec's object schemas", () => {
    const spec = specObjects(
      HAS_SHARED
        ? (JSON.parse(
            readFileSync(join(SHARED, "specs", "ory-client-v1.22.63.json"), "utf8"),
          ) as Record<string, unknown>)
        : {},
    );
    const { share, summary, message } = matchSpec("widdershins-ory", spec, result.files, {
      names: "exact",
      nullable: "written",
    });
    console.log(summary);
    expect(share, message).toBeGreaterThanOrEqual(0.97);
  });

  it("reads the page without errors, into output that passes strict tsc", () => {
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(strictTypeErrors(result.files)).toEqual([]);
  }, 300_000);

  it("reads the type of more than 99% of the properties (as `report` counts them)", () => {
    const byId = new Map(result.decls.map((decl) => [decl.id, decl]));
    const fields = result.decls.flatMap((decl) => (decl.kind === "object" ? decl.fields : []));
    const unread = fields.filter((field) => unknownCause(field.type, byId) === "unread");
    expect(fields.length).toBeGreaterThan(2000);
    expect(unread.length / fields.length).toBeLessThan(0.01);
  });
});
