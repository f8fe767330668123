/**
 * The Ory docs folders (OpenAPI Generator, Go and Python) against the OpenAPI spec they were generated
 * from (../shared/specs/ory-client-v1.22.63.json): for each folder, at least 97% of the spec's object
 * schemas come out of docs2ts's JSON Schema with the same property names, required set, property types
 * and enum values (normalised as support/spec-compare.ts says, matched as support/spec-match.ts says).
 * Property names compare as written, or under `key` for Go, whose docs write Go identifiers
 * (`AuthenticatedAt`); no renaming is undone (`var_async` stays what docs2ts wrote). The docs' losses
 * are listed apart, not mismatches: `any value`, `inline enum` (OpenAPI Generator writes no inline enum
 * values) and `nullability` (only for Python, whose docs never mark a field nullable). Prints the match
 * share, mismatches by aspect and the 15 most common mismatch causes.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { generate } from "../../src/pipeline/generate.js";
import { corpus, describeShared, HAS_SHARED, SHARED } from "../support/helpers.js";
import { specObjects } from "../support/spec-compare.js";
import { matchSpec, type DocsTraits } from "../support/spec-match.js";

const SPEC = specObjects(
  HAS_SHARED
    ? (JSON.parse(
        readFileSync(join(SHARED, "specs", "ory-client-v1.22.63.json"), "utf8"),
      ) as Record<string, unknown>)
    : {},
);

const FOLDERS: [string, DocsTraits][] = [
  ["openapi-generator-ory-go", { names: "loose", nullable: "written" }],
  ["openapi-generator-ory-python", { names: "exact", nullable: "not written" }],
];

describeShared.each(FOLDERS)("%s against the Ory spec", (folder, f) => {
  it("matches at least 97% of the spec's object schemas", async () => {
    const result = await generate({ input: corpus(folder), cache: false, jsonSchema: true });
    const { share, summary, message } = matchSpec(folder, SPEC, result.files, f);
    console.log(summary);
    expect(share, message).toBeGreaterThanOrEqual(0.97);
  }, 300_000);
});
