/**
 * Union members under an empty `###` heading (Speakeasy Python and TypeScript): the type the code
 * block declares (`content: str = ...`, `const value: components.Shelf = ...`) is the member's type.
 */
import { describe, expect, it } from "vitest";
import { readPage } from "../../src/model/build.js";
import { parseMarkdown } from "../../src/parse/markdown.js";
import type { TypeRef } from "../../src/core/model.js";

function memberTypes(file: string, source: string): TypeRef[] {
  const result = readPage(file, parseMarkdown(source), source);
  const decl = result.decls[0];
  if (decl?.kind !== "union") throw new Error(`expected a union, got ${decl?.kind}`);
  return decl.members.map((member) => member.type);
}

describe("union members typed by their code block", () => {
  it("reads Python's `name: type = value`", () => {
    const source = [
      "# ParcelContent",
      "",
      "## Supported Types",
      "",
      "### ",
      "",
      "```python",
      "value: str = /* values here */",
      "```",
      "",
      "### ",
      "",
      "```python",
      "value: List[models.Shelf] = /* values here */",
      "```",
      "",
    ].join("\n");
    const types = memberTypes("models/parcelcontent.md", source);
    expect(types[0]).toEqual({ kind: "string" });
    expect(types[1]).toMatchObject({ kind: "array", items: { kind: "ref", name: "Shelf" } });
  });

  it("reads TypeScript's `const name: type = value`", () => {
    const source = [
      "# Courier",
      "",
      "## Supported Types",
      "",
      "### ",
      "",
      "```typescript",
      'import { Van } from "acme/models/components";',
      "",
      'const value: string = "<value>";',
      "```",
      "",
      "### ",
      "",
      "```typescript",
      "const value: components.Van = {};",
      "```",
      "",
    ].join("\n");
    const types = memberTypes("models/courier.md", source);
    expect(types[0]).toEqual({ kind: "string" });
    expect(types[1]).toMatchObject({ kind: "ref", name: "Van" });
  });

  it("still reports an empty heading over a block that declares nothing", () => {
    const source = "# Courier\n\n## Supported Types\n\n### \n\n```text\nsomething\n```\n";
    const result = readPage("models/courier.md", parseMarkdown(source), source);
    expect(result.diagnostics.map((d) => d.ruleId)).toContain("union-member-type");
  });
});
