/**
 * `docs2ts init` over a config of several projects: each project's block of the survey says which
 * project it is (its name, else its output folder, as `--project` names it).
 */
import { describe, expect, it } from "vitest";
import { initProject } from "../../src/commands/init.js";
import { modelPage, tempDir, writeTree } from "../support/helpers.js";

const PAGE = modelPage("Parcel", ["| `id` | string | ✔️ | Its id. |"]);

describe("init with several projects", () => {
  it("labels each project's block", async () => {
    const dir = tempDir("docs2ts-init-projects-");
    writeTree(dir, {
      "package.json": '{ "name": "demo", "private": true }\n',
      "docs/a/parcel.md": PAGE,
      "docs/b/parcel.md": PAGE,
      "docs2ts.config.json": JSON.stringify({
        projects: [
          { name: "shipping", input: "docs/a", out: "gen/a" },
          { input: "docs/b", out: "gen/b" },
        ],
      }),
    });
    const { text, code } = await initProject({ cwd: dir });
    expect(code).toBe(0);
    const lines = text.split("\n");
    const label = (name: string) => lines.indexOf(`Project ${name}:`);
    expect(label("shipping")).toBeGreaterThanOrEqual(0);
    expect(lines[label("shipping") + 1]).toMatch(/^Docs folder docs\/a\/: 1 page/);
    expect(lines[label("gen/b") + 1]).toMatch(/^Docs folder docs\/b\/: 1 page/);
  });
});
