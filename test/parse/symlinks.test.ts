/**
 * Symlinks inside the docs folder: a page is read once, under its own path. A link to a sibling folder
 * (or page) does not stand in for it; a link that leads out of the folder is refused (model/link-containment.test.ts).
 */
import { symlinkSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { scanPages } from "../../src/parse/files.js";
import { generate } from "../../src/pipeline/generate.js";
import { tempDir, writeTree } from "../support/helpers.js";

const PAGE = (title: string) =>
  `# ${title}\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n| \`id\` | *string* | :heavy_check_mark: | Id. |\n`;

describe("symlinks inside the docs folder", () => {
  it("a link to a sibling folder does not replace it: its pages keep their own paths", async () => {
    const dir = tempDir();
    writeTree(dir, {
      "docs/shelves/shelf.md": PAGE("Shelf"),
      "docs/crates/crate.md": PAGE("Crate"),
    });
    // Sorted before `shelves`, so a walk that follows it meets the folder under the link's name first.
    symlinkSync(join(dir, "docs/shelves"), join(dir, "docs/aisle"));
    symlinkSync(join(dir, "docs/crates/crate.md"), join(dir, "docs/box.md"));
    expect((await scanPages(join(dir, "docs"))).files).toEqual([
      "crates/crate.md",
      "shelves/shelf.md",
    ]);
    const result = await generate({ input: join(dir, "docs"), cache: false });
    expect(result.decls.map((d) => d.id).sort()).toEqual(["crates/crate", "shelves/shelf"]);
    expect(result.files.map((f) => f.path)).toContain("shelves/shelf.ts");
    expect(result.files.map((f) => f.path)).not.toContain("aisle/shelf.ts");
  });

  it("a link into a dot-folder, which the walk skips, is still read under the link's path", async () => {
    const dir = tempDir();
    writeTree(dir, { "docs/.drafts/pallet.md": PAGE("Pallet") });
    symlinkSync(join(dir, "docs/.drafts"), join(dir, "docs/pallets"));
    expect((await scanPages(join(dir, "docs"))).files).toEqual(["pallets/pallet.md"]);
  });
});
