/**
 * `docs2ts examples` checks each Speakeasy TypeScript `## Example Usage` value with the validator
 * `generate` wrote for its page, under the name the run's validator names gave it: when two pages'
 * validators would both be `validateParcel`, the second is `validateParcel2`, and its example goes
 * through that one. The example's section is parsed on its own, at its page lines.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractExample, pageExample } from "../../src/commands/examples/extract.js";
import { runExamples } from "../../src/commands/examples/run.js";
import { generate } from "../../src/pipeline/generate.js";
import { normaliseSource, parseMarkdown } from "../../src/parse/markdown.js";
import { ROOT } from "../support/helpers.js";

const FOLDER = join(ROOT, "test/fixtures/examples/renamed-validator");

describe("examples under validator names changed to avoid a clash", () => {
  it("generate renames the second page's validators (the premise)", async () => {
    const result = await generate({ input: FOLDER, cache: false, validators: true });
    const text = (path: string) => result.files.find((file) => file.path === path)?.content ?? "";
    expect(text("parcel.ts")).toContain("export function validateParcel(");
    expect(text("shelf-parcel.ts")).toContain("export function validateParcel2(");
    expect(text("shelf-parcel.ts")).not.toContain("export function validateParcel(");
  });

  it("checks the renamed page's example with its own validator", async () => {
    const report = await runExamples({ input: FOLDER, cache: false });
    expect(report.examples).toBe(2);
    expect(report.passed).toBe(1);
    expect(report.findings).toEqual([
      {
        file: "shelf-parcel.md",
        line: 9,
        kind: "invalid",
        message:
          "Unexpected example value rejected by `validateParcel2`, expected the documented example to be valid",
        issues: ["label: label: expected string, received number 7"],
      },
    ]);
  });
});

describe("pageExample", () => {
  it("reads the example at the lines a whole-page parse gives", () => {
    for (const page of ["parcel.md", "shelf-parcel.md"]) {
      const text = readFileSync(join(FOLDER, page), "utf8");
      const source = normaliseSource(text);
      const whole = extractExample(parseMarkdown(source), source);
      expect(whole).toBeDefined();
      expect(pageExample(text)).toEqual(whole);
    }
  });

  it("finds an example after sections it does not parse, and none on a page without one", () => {
    const text = [
      "# Courier",
      "",
      "## Fields",
      "",
      "| Field | Type | Required | Description |",
      "| ----- | ---- | -------- | ----------- |",
      "| `id` | *string* | :heavy_check_mark: | N/A |",
      "",
      "## Example Usage",
      "",
      "```typescript",
      "let value: Courier = {",
      '  id: "c-1",',
      "};",
      "```",
      "",
    ].join("\n");
    const example = pageExample(text);
    expect(example?.line).toBe(12);
    expect(example?.typeName).toBe("Courier");
    expect(example?.value).toEqual({ ok: true, value: { id: "c-1" } });
    expect(pageExample(text.replace("## Example Usage", "## Notes"))).toBeUndefined();
  });
});
