/**
 * A link that leaves the docs folder (a copy of an SDK's `models/` under another folder name keeps
 * links like `../../models/components/x.md`) is resolved by name inside the folder: to the page whose
 * path ends with the link's path, and never to the page that holds the link.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generate } from "../../src/pipeline/generate.js";
import type { ObjectDecl } from "../../src/core/model.js";
import { tempDir, writeTree } from "../support/helpers.js";

const HEADER = "| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n";
const page = (title: string, rows: string[]) =>
  `# ${title}\n\n## Fields\n\n${HEADER}${rows.map((r) => `${r}\n`).join("")}`;

describe("links resolved by name", () => {
  it("a field of operation model X that links to component X is the component, not a self-reference", async () => {
    const dir = tempDir();
    writeTree(dir, {
      "copy/operations/shelf.md": page("Shelf", [
        "| `shelf` | [components.Shelf](../../models/components/shelf.md) | :heavy_check_mark: | The shelf. |",
      ]),
      "copy/components/shelf.md": page("Shelf", [
        "| `row` | *int64* | :heavy_check_mark: | Its row. |",
      ]),
    });
    const result = await generate({ input: join(dir, "copy"), cache: false });
    const operation = result.decls?.find((d) => d.id === "operations/shelf") as ObjectDecl;
    expect(operation.fields[0]?.type).toMatchObject({ kind: "ref", target: "components/shelf" });
  });

  it("prefers the page whose path ends with most of the link's path", async () => {
    const dir = tempDir();
    writeTree(dir, {
      "copy/a/models/crate.md": page("Crate", [
        "| `lid` | [Lid](../../../../sdk/b/components/lid.md) | :heavy_check_mark: | Its lid. |",
      ]),
      "copy/a/models/lid.md": page("Lid", ["| `x` | *string* | :heavy_check_mark: | x |"]),
      "copy/b/components/lid.md": page("Lid", ["| `y` | *string* | :heavy_check_mark: | y |"]),
    });
    const result = await generate({ input: join(dir, "copy"), cache: false });
    const crate = result.decls?.find((d) => d.id === "a/models/crate") as ObjectDecl;
    expect(crate.fields[0]?.type).toMatchObject({ kind: "ref", target: "b/components/lid" });
  });

  it("a link to a page that exists under a misspelt anchor says the section is missing, not the page", async () => {
    const dir = tempDir();
    const section = (title: string, rows: string[]) =>
      `---\ntitle: ${title}s\n---\n\n### ${title} Object\n\n###### ${title} Structure\n\n| Field | Type | Description |\n| --- | --- | --- |\n${rows.join("\n")}\n`;
    writeTree(dir, {
      "docs/carrier.mdx": section("Carrier", ["| id | string | The id. |"]),
      "docs/shipment.mdx": section("Shipment", [
        "| carrier | [carrier](/docs/carrier#carier-object) object | Who carries it. |",
      ]),
    });
    const result = await generate({ input: join(dir, "docs"), cache: false });
    const links = result.diagnostics.filter((d) => d.ruleId === "ref-by-name");
    expect(links.map((d) => d.message)).toEqual([
      expect.stringContaining(
        "Unexpected link `/docs/carrier#carier-object` to no section `#carier-object` of the page `carrier`",
      ),
    ]);
  });
});
