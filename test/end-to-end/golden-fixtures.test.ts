/**
 * Golden fixture folders, discovered by readdir:
 *
 * - `test/fixtures/cases/<case>/`: `input/**\/*.md`, an optional `options.json` (GenerateOptions),
 *   `expected/**` (every generated file, compared byte for byte, and no file more or less) and
 *   `diagnostics.txt` (every diagnostic, info included, one per line as the CLI prints them).
 * - `test/fixtures/broken/<case>/`: `input/` and `diagnostics.txt` only; these pages fail, so there is no
 *   output to pin (test/core/diagnostics.test.ts checks their lines and columns by hand as well).
 *
 * Refresh the goldens with `UPDATE_FIXTURES=1 npx vitest run test/end-to-end/golden-fixtures.test.ts`, or
 * `npx vitest run test/end-to-end/golden-fixtures.test.ts -u` (the flag after the path: `-u <path>` takes the path as the
 * flag's value and runs, and updates, every test file), then review the diff like code.
 */
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { dirname, join, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { formatDiagnostic } from "../../src/core/diagnostics-format.js";
import { generate } from "../../src/pipeline/generate.js";
import type { GenerateOptions } from "../../src/core/options.js";
import { strictTypeErrors } from "../support/helpers.js";

const FIXTURES = fileURLToPath(new URL("../fixtures/", import.meta.url));

/** `vitest -u` sets the snapshot state to "all"; the env var works with any runner invocation. */
function updating(): boolean {
  if (process.env["UPDATE_FIXTURES"] === "1") return true;
  const state = expect.getState().snapshotState as unknown as { _updateSnapshot?: string };
  return state?._updateSnapshot === "all";
}

/** Case folders under `fixtures/<group>/`, sorted by code point so the order never depends on the OS. */
function cases(group: string): string[] {
  const root = join(FIXTURES, group);
  if (!existsSync(root)) return [];
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Every file under `dir`, as `/`-separated paths relative to it, sorted by code point. */
function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  // `recursive` returns names only; Dirent.parentPath is newer than the Node 20.10 we support.
  return (readdirSync(dir, { recursive: true, encoding: "utf8" }) as string[])
    .filter((path) => statSync(join(dir, path)).isFile())
    .map((path) => path.split(sep).join("/"))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Runs one case folder the way a user would run the CLI on `<case>/input`. */
async function runFixture(caseDir: string) {
  const optionsFile = join(caseDir, "options.json");
  const options = existsSync(optionsFile)
    ? (JSON.parse(readFileSync(optionsFile, "utf8")) as GenerateOptions)
    : {};
  const result = await generate({
    ...options,
    input: join(caseDir, "input"),
    // Never written: generate() only returns files; the folder name just has to be outside input/.
    out: join(caseDir, "expected"),
    cache: false,
  });
  // Paths as the CLI prints them when run in the case folder with `--input input`.
  const diagnostics = result.diagnostics.map((d) => `${formatDiagnostic(d, "input/")}\n`).join("");
  return { result, diagnostics };
}

function compareDiagnostics(caseDir: string, actual: string): void {
  const file = join(caseDir, "diagnostics.txt");
  if (updating()) {
    writeFileSync(file, actual);
    return;
  }
  expect(existsSync(file), `${file} is missing: run with UPDATE_FIXTURES=1`).toBe(true);
  expect(actual).toBe(readFileSync(file, "utf8"));
}

describe("fixture cases (output and diagnostics)", () => {
  const names = cases("cases");
  it("finds the case folders", () => {
    expect(names.length).toBeGreaterThanOrEqual(4);
  });

  it.each(names)("%s", async (name) => {
    const caseDir = join(FIXTURES, "cases", name);
    const { result, diagnostics } = await runFixture(caseDir);
    const expectedDir = join(caseDir, "expected");
    if (updating()) {
      rmSync(expectedDir, { recursive: true, force: true });
      for (const file of result.files) {
        mkdirSync(dirname(join(expectedDir, file.path)), { recursive: true });
        writeFileSync(join(expectedDir, file.path), file.content);
      }
    } else {
      expect(result.files.map((file) => file.path)).toEqual(listFiles(expectedDir));
      for (const file of result.files)
        expect(file.content, file.path).toBe(readFileSync(join(expectedDir, file.path), "utf8"));
    }
    compareDiagnostics(caseDir, diagnostics);
    // A golden that does not compile would pin a bug; every case must give strict-clean output.
    if (!result.diagnostics.some((d) => d.severity === "error"))
      expect(strictTypeErrors(result.files)).toEqual([]);
  });
});

describe("broken pages (diagnostics only)", () => {
  const names = cases("broken");
  it.each(names)("%s", async (name) => {
    const caseDir = join(FIXTURES, "broken", name);
    // What each case must report (and known gaps, where it reports nothing yet) is pinned by hand in
    // test/core/diagnostics.test.ts; here the golden keeps every line of the output from drifting.
    const { diagnostics } = await runFixture(caseDir);
    compareDiagnostics(caseDir, diagnostics);
  });
});
