/**
 * `docs2ts init` reports what `generate` would: the config's options (overrides, rules) apply to the
 * docs folder it surveys, whether the folder is the config's or named with `--input`.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { initProject } from "../../src/commands/init.js";
import { generate } from "../../src/pipeline/generate.js";
import { tempDir, writeTree } from "../support/helpers.js";

/** An enum page whose `## Values` section lists nothing (`empty-enum`), and a model that uses it. */
const PAGES = {
  "docs/shade.md": "# Shade\n\nThe shade of a parcel.\n\n## Values\n\n",
  "docs/parcel.md": [
    "# Parcel",
    "",
    "A parcel.",
    "",
    "## Fields",
    "",
    "| Field | Type | Required | Description |",
    "| ----- | ---- | -------- | ----------- |",
    "| `id` | *string* | :heavy_check_mark: | The id. |",
    "| `shade` | [components.Shade](shade.md) | :heavy_minus_sign: | Its shade. |",
    "",
  ].join("\n"),
};

/** A project with the pages and a config of `settings` (none when undefined). */
function project(settings?: Record<string, unknown>): string {
  const root = tempDir("docs2ts-init-options-");
  writeTree(root, {
    ...PAGES,
    ...(settings
      ? { "docs2ts.config.json": JSON.stringify({ input: "docs", ...settings }, null, 2) }
      : {}),
  });
  return root;
}

/** The rule ids of the warnings and errors init's survey of the project reports. */
async function initRules(cwd: string, input?: string): Promise<string[]> {
  const result = await initProject({ cwd, ...(input !== undefined ? { input } : {}) });
  expect(result.surveys).toHaveLength(1);
  return (result.surveys[0]?.diagnostics ?? []).map((d) => `${d.severity} ${d.ruleId}`);
}

const OVERRIDE = { overrides: { "shade.md": { values: { add: ["pale", "deep"] } } } };

describe("init applies the config's options as generate does", () => {
  it("reports the warning when nothing settles it (the premise)", async () => {
    expect(await initRules(project())).toEqual(["warning empty-enum"]);
    expect(await initRules(project({}), "docs")).toEqual(["warning empty-enum"]);
  });

  it("does not report a warning an override settles, for the config's folder", async () => {
    const cwd = project(OVERRIDE);
    expect(await initRules(cwd)).toEqual([]);
    expect(await initProject({ cwd })).toMatchObject({
      text: expect.stringContaining("A first run would give 0 errors and 0 warnings."),
    });
  });

  it("does not report a warning an override settles, for a folder named with --input", async () => {
    expect(await initRules(project(OVERRIDE), "docs")).toEqual([]);
    expect(await initRules(project(OVERRIDE), join("docs", "."))).toEqual([]);
  });

  it("applies the config's rules to a folder named with --input", async () => {
    expect(await initRules(project({ rules: { "empty-enum": "off" } }), "docs")).toEqual([]);
    expect(await initRules(project({ rules: { "empty-enum": "error" } }), "docs")).toEqual([
      "error empty-enum",
    ]);
  });

  it("gives the diagnostics generate gives with the same config", async () => {
    const cwd = project(OVERRIDE);
    const survey = (await initProject({ cwd, input: "docs" })).surveys[0];
    const run = await generate({ input: join(cwd, "docs"), cache: false, ...OVERRIDE });
    expect(survey?.diagnostics).toEqual(run.diagnostics.filter((d) => d.severity !== "info"));
    expect(survey?.models).toEqual({ object: 1, enum: 1, union: 0 });
  });
});
