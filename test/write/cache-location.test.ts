/**
 * Where the CLI keeps the content cache and the run stamp: at the project root (beside the config file
 * when there is one, else in the nearest folder with a package.json, else in the working folder), not
 * in whatever folder the command ran from. Runs the built dist/cli.js from a subfolder of the docs.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, realpathSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { projectRoot, resolveOptions } from "../../src/core/options.js";
import { tempDir, writeTree } from "../support/helpers.js";

const cli = fileURLToPath(new URL("../../dist/cli.js", import.meta.url));

const PAGE =
  "# Parcel\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n| `weight` | *number* | :heavy_check_mark: | In grams. |\n";

function docs2ts(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [cli, ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, CI: "" },
  });
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

/** The cache files (content cache and run stamp) in `root`'s cache folder. */
const cacheFiles = (root: string) => {
  const dir = join(root, "node_modules", ".cache", "docs2ts");
  return existsSync(dir) ? readdirSync(dir).sort() : [];
};

/** A project: package.json at the root, pages in docs/models. */
function project(extra: Record<string, string> = {}): string {
  const root = realpathSync(tempDir("docs2ts-cache-location-"));
  writeTree(root, {
    "package.json": JSON.stringify({ name: "shelf", private: true }),
    "docs/models/parcel.md": PAGE,
    ...extra,
  });
  return root;
}

describe("cache location", () => {
  it("without a config: at the nearest folder with a package.json, not the working folder", () => {
    const root = project();
    const models = join(root, "docs", "models");
    const run = docs2ts(["generate", "--input", ".", "--out", "../../generated"], models);
    expect(run.code, run.output).toBe(0);
    expect(existsSync(join(root, "generated", "parcel.ts"))).toBe(true);
    expect(existsSync(join(models, "node_modules"))).toBe(false);
    const files = cacheFiles(root);
    expect(files.some((file) => file.startsWith("cache-v"))).toBe(true);
    expect(files).toContain("run-v1.json");
  });

  it("with a config found above the working folder: beside the config file", () => {
    const root = project({
      "site/docs2ts.config.json": JSON.stringify({ input: "../docs", out: "../generated" }),
    });
    const models = join(root, "docs", "models");
    // Found from a folder below the config's, up to the package root.
    const site = join(root, "site");
    const from = join(site, "deeper");
    writeTree(from, { "notes.txt": "" });
    const run = docs2ts(["generate"], from);
    expect(run.code, run.output).toBe(0);
    expect(cacheFiles(site)).toContain("run-v1.json");
    expect(existsSync(join(from, "node_modules"))).toBe(false);
    expect(existsSync(join(root, "node_modules"))).toBe(false);
    // `--config` from the docs subfolder: the same cache folder.
    const again = docs2ts(["generate", "--config", "../../site/docs2ts.config.json"], models);
    expect(again.code, again.output).toBe(0);
    expect(existsSync(join(models, "node_modules"))).toBe(false);
    expect(cacheFiles(site)).toContain("run-v1.json");
  });

  it("package.json's docs2ts key: at the package root, run from the docs subfolder", () => {
    const root = project({
      "package.json": JSON.stringify({ name: "shelf", docs2ts: { input: "docs", out: "out" } }),
    });
    const models = join(root, "docs", "models");
    const run = docs2ts(["generate"], models);
    expect(run.code, run.output).toBe(0);
    expect(existsSync(join(root, "out", "models", "parcel.ts"))).toBe(true);
    expect(existsSync(join(models, "node_modules"))).toBe(false);
    expect(cacheFiles(root)).toContain("run-v1.json");
  });

  it("the API's default: the project root of the working folder", () => {
    const root = project();
    const models = join(root, "docs", "models");
    expect(projectRoot(models)).toBe(root);
    expect(resolveOptions({}, models).cacheDir).toBe(
      join(root, "node_modules", ".cache", "docs2ts"),
    );
  });
});
