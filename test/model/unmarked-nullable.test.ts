/**
 * The `unmarked-nullable` note: OpenAPI Generator's Java, PHP and Ruby docs write no nullability in
 * the type column, so a folder of them reads as a model where nothing is nullable; when descriptions
 * speak of null, one note per run says so. Docs of a language that marks nullability (Go's
 * `NullableString`, Python's `none_type`) get none.
 */
import { describe, expect, it } from "vitest";
import type { GenerateOptions } from "../../src/core/options.js";
import { generate } from "../../src/pipeline/generate.js";
import { tempDir, writeTree } from "../support/helpers.js";

/** An OpenAPI Generator model page (Java's spelling of the type column). */
const page = (title: string, rows: string[]) =>
  [
    `# ${title}`,
    "",
    "## Properties",
    "",
    "Name | Type | Description | Notes",
    "------------ | ------------- | ------------- | -------------",
    ...rows,
    "",
  ].join("\n");

const BALANCE = page("Balance", [
  "**current** | **BigDecimal** | The balance. |",
  "**limit** | **BigDecimal** | The credit limit, or null for depository accounts. |",
  "**currency** | **String** | Always null when the currency is unofficial. |  [optional]",
]);

async function notes(pages: Record<string, string>, options: GenerateOptions = {}) {
  const input = tempDir("docs2ts-nullable-");
  writeTree(input, pages);
  const result = await generate({ input, cache: false, ...options });
  return result.diagnostics.filter((d) => d.ruleId === "unmarked-nullable");
}

describe("the unmarked-nullable note", () => {
  it("says once, at the first field whose description speaks of null", async () => {
    const found = await notes({
      "Balance.md": BALANCE,
      "Other.md": BALANCE.replace("# Balance", "# Other"),
    });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ file: "Balance.md", line: 8, severity: "info" });
    expect(found[0]?.message).toContain(
      "with 4 fields whose descriptions speak of null (`Balance.limit`, `Balance.currency`, `Other.limit`, ...)",
    );
    expect(found[0]?.message).toContain('"overrides" ("nullable": true)');
  });

  it("is gone once overrides mark the fields, and quotes only those left", async () => {
    const one = { "Balance.md": BALANCE };
    const limit = { "Balance.md": { fields: { limit: { nullable: true } } } };
    const [left] = await notes(one, { overrides: limit });
    expect(left?.message).toContain(
      "with 1 field whose description speaks of null (`Balance.currency`)",
    );
    const both = {
      "Balance.md": { fields: { limit: { nullable: true }, currency: { nullable: true } } },
    };
    expect(await notes(one, { overrides: both })).toEqual([]);
  });

  it("is silent for docs that mark nullability, and when no description speaks of null", async () => {
    const marked = BALANCE.replace(
      "**current** | **BigDecimal**",
      "**current** | **float, none_type**",
    );
    expect(await notes({ "Balance.md": marked })).toEqual([]);
    const quiet = page("Balance", ["**current** | **BigDecimal** | The balance. |"]);
    expect(await notes({ "Balance.md": quiet })).toEqual([]);
    expect(
      await notes({ "Balance.md": BALANCE }, { rules: { "unmarked-nullable": "off" } }),
    ).toEqual([]);
  });
});
