/**
 * `--strict` (and `"strict": true`): every warning is an error, so a CI job fails and writes nothing
 * while the docs have warnings; a rule the user turned down stays quiet.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { generate } from "../../src/pipeline/generate.js";
import { modelPage, tempDir, writeTree } from "../support/helpers.js";

const CLI = fileURLToPath(new URL("../../dist/cli.js", import.meta.url));

const PAGE = modelPage("Crate", [
  "| `id` | string | ✔️ | Its id. |",
  "| `size` | *int128* | ✔️ | A type no dialect knows. |",
]);

function folder(): string {
  const dir = tempDir();
  writeTree(dir, { "docs/crate.md": PAGE });
  return dir;
}

describe("strict", () => {
  it("turns each warning into an error", async () => {
    const input = join(folder(), "docs");
    const loose = await generate({ input, cache: false });
    const strict = await generate({ input, cache: false, strict: true });
    const of = (d: { ruleId: string; severity: string }[]) => d.map((x) => [x.ruleId, x.severity]);
    expect(of(loose.diagnostics)).toEqual([["unknown-type", "warning"]]);
    expect(of(strict.diagnostics)).toEqual([["unknown-type", "error"]]);
  });

  it("leaves a rule the user turned down alone", async () => {
    const input = join(folder(), "docs");
    const result = await generate({
      input,
      cache: false,
      strict: true,
      rules: { "unknown-type": "info" },
    });
    expect(result.diagnostics.map((d) => d.severity)).toEqual(["info"]);
  });

  it("--strict and the config's strict fail the run and write nothing", () => {
    const dir = folder();
    const run = (args: string[]) =>
      spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: "utf8" });
    expect(run(["generate", "--input", "docs", "--out", "loose", "--no-cache"]).status).toBe(0);
    const flagged = run(["generate", "--input", "docs", "--out", "flagged", "--strict"]);
    expect(flagged.status).toBe(1);
    expect(flagged.stderr).toMatch(/crate.md:8:\d+: error Unexpected type/);
    expect(existsSync(join(dir, "flagged"))).toBe(false);
    writeTree(dir, { "docs2ts.config.json": '{ "input": "docs", "out": "cfg", "strict": true }' });
    expect(run(["generate"]).status).toBe(1);
    expect(existsSync(join(dir, "cfg"))).toBe(false);
  });
});
