/**
 * An unlinked namespaced name (`Billing\Shelf`, `Billing::Shelf`, `billing.Shelf`) whose last part a
 * page of the folder declares is that page, best the one under the folder the namespace names; with
 * no such page it stays an external type (issue 23 point 8).
 */
import { describe, expect, it } from "vitest";
import { generate } from "../../src/pipeline/generate.js";
import { tempDir, writeTree } from "../support/helpers.js";

/** An OpenAPI Generator model page (`Name | Type | Description | Notes`) with one field `slot`. */
const page = (title: string, type: string) =>
  [
    `# ${title}`,
    "",
    "## Properties",
    "",
    "Name | Type | Description | Notes",
    "------------ | ------------- | ------------- | -------------",
    `**slot** | ${type} |  | [optional]`,
    "",
    "[[Back to Model list]](../../README.md#models) [[Back to API list]](../../README.md#endpoints) [[Back to README]](../../README.md)",
    "",
  ].join("\n");

async function run(type: string) {
  const input = tempDir("docs2ts-namespaced-");
  writeTree(input, {
    "models/billing/shelf.md": page("Shelf", "**int**"),
    "models/storage/shelf.md": page("Shelf", "**string**"),
    "models/parcel.md": page("Parcel", type),
  });
  const result = await generate({ input, cache: false, validators: false });
  const parcel = result.files.find((file) => file.path === "models/parcel.ts")?.content ?? "";
  const problems = result.diagnostics
    .filter((d) => d.file === "models/parcel.md" && d.severity !== "info")
    .map((d) => d.ruleId);
  return { parcel, problems };
}

describe("unlinked namespaced names", () => {
  it.each([
    ["PHP", "**\\Billing\\Shelf**", "billing"],
    ["PHP, rooted in another folder", "**\\Acme\\Storage\\Shelf**", "storage"],
    ["Ruby", "**Billing::Shelf**", "billing"],
    ["C#, Java, Python", "**storage.Shelf**", "storage"],
    ["an array of them", "**Billing\\Shelf[]**", "billing"],
  ])("%s: %s is the page under the namespace's folder", async (_, type, folder) => {
    const { parcel, problems } = await run(type);
    expect(parcel).toMatch(/slot\?: Shelf(\[\])?;/);
    expect(parcel).toContain(`from "./${folder}/shelf.js"`);
    expect(problems).toEqual([]);
  });

  it("in a union heading (Speakeasy's Supported Types), the page its last part names", async () => {
    const input = tempDir("docs2ts-namespaced-union-");
    writeTree(input, {
      "models/billing/shelf.md": page("Shelf", "**int**"),
      "models/slot.md":
        '# Slot\n\n\n## Supported Types\n\n### `Billing\\Shelf`\n\n```php\n$slot = new Billing\\Shelf();\n```\n\n### `string`\n\n```php\n$slot = "x";\n```\n',
    });
    const result = await generate({ input, cache: false, validators: false });
    expect(result.files.find((file) => file.path === "models/slot.ts")?.content).toContain(
      "export type Slot = Shelf | string;",
    );
    expect(result.diagnostics.filter((d) => d.severity !== "info")).toEqual([]);
  });

  it("a name no page declares stays an external type, quoted as written", async () => {
    const input = tempDir("docs2ts-namespaced-external-");
    writeTree(input, { "models/parcel.md": page("Parcel", "**\\Billing\\Crate**") });
    const result = await generate({ input, cache: false, validators: false });
    expect(result.files.find((file) => file.path === "models/parcel.ts")?.content).toContain(
      "slot?: unknown;",
    );
    expect(result.diagnostics.filter((d) => d.ruleId === "external-type")).toEqual([
      expect.objectContaining({
        severity: "warning",
        message:
          "Unexpected external type `\\Billing\\Crate`, expected a documented model; using `unknown` (map it with the `typeMap` option)",
      }),
    ]);
  });
});
