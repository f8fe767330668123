/**
 * The table of SDK language families in docs/families.md ("SDK languages"): each example type cell, on a
 * Speakeasy or OpenAPI Generator page of that family, reads as the page says (the TypeScript type emitted).
 */
import { describe, expect, it } from "vitest";
import { generate } from "../../src/pipeline/generate.js";
import { tempDir, writeTree } from "../support/helpers.js";

/** A Speakeasy model page with one required and one optional row of the given type cell. */
const speakeasy = (cell: string) =>
  `# Sample\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n| \`a\` | ${cell} | :heavy_check_mark: | A. |\n| \`b\` | ${cell} | :heavy_minus_sign: | B. |\n`;

const CASES: [family: string, cell: string, required: string, optional: string][] = [
  ["Go", "**string*", "a: string | null;", "b?: string | null;"],
  ["Go", "[]*int64*", "a: number[];", "b?: number[];"],
  ["Go", "map[string]*any*", "a: Record<string, unknown>;", "b?: Record<string, unknown>;"],
  ["Java", "*JsonNullable\\<Long>*", "a: number | null;", "b?: number | null;"],
  ["C#", "List&lt;String&gt;", "a: string[];", "b?: string[];"],
  ["Rust", "*Option<Vec<i64>>*", "a: number[] | null;", "b?: number[] | null;"],
  ["Swift", "*[String: Int]*", "a: Record<string, number>;", "b?: Record<string, number>;"],
  // Ruby and PHP: absent and null are one value there, so an optional nilable field takes null too.
  ["Ruby", "*T.nilable(::String)*", "a: string | null;", "b?: string | null;"],
  ["Ruby", "*Crystalline::Nilable.new(::String)*", "a: string | null;", "b?: string | null;"],
  ["Ruby", "T::Array<*::Integer*>", "a: number[];", "b?: number[];"],
  [
    "Ruby",
    "T::Hash[Symbol, ::Object]",
    "a: Record<string, unknown>;",
    "b?: Record<string, unknown>;",
  ],
  ["PHP", "*?string*", "a: string | null;", "b?: string | null;"],
  ["PHP", "array<*string*>", "a: string[];", "b?: string[];"],
  ["PHP", "array<string, mixed>", "a: Record<string, unknown>;", "b?: Record<string, unknown>;"],
  ["PHP", "**\\DateTime**", "a: string;", "b?: string;"],
  ["Python", "*Optional[str]*", "a?: string;", "b?: string;"],
  ["Python", "**str, none_type**", "a: string | null;", "b?: string | null;"],
  ["Haskell", "*Maybe Text*", "a: string | null;", "b?: string | null;"],
  ["F#", "*string option*", "a: string | null;", "b?: string | null;"],
  ["Elixir", "%{String.t => integer}", "a: Record<string, number>;", "b?: Record<string, number>;"],
  ["Julia", "*Union{Int64, Nothing}*", "a: number | null;", "b?: number | null;"],
];

describe("docs/families.md: SDK language families", () => {
  it.each(CASES)("%s: %s", async (_family, cell, required, optional) => {
    const input = tempDir();
    writeTree(input, { "sample.md": speakeasy(cell) });
    const result = await generate({ input, cache: false });
    expect(result.diagnostics.filter((d) => d.severity !== "info")).toEqual([]);
    const module = result.files.find((file) => file.path === "sample.ts")?.content ?? "";
    expect(module).toContain(`  ${required}\n`);
    expect(module).toContain(`  ${optional}\n`);
  });
});
