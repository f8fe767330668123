/**
 * The content-hash cache keeps values exactly through its JSON file: `-0` (an enum member written
 * `-0` in a TypeScript enum code block) comes back as `-0`, so a warm run emits what a cold run does;
 * it keeps the entries of the last few option sets; and the cache's fingerprint follows the installed
 * versions of docs2ts's dependencies.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { generate } from "../../src/pipeline/generate.js";
import type { GenerateOptions } from "../../src/core/options.js";
import {
  dependencyVersions,
  MAX_OPTION_SETS,
  parseCache,
  stringifyCache,
} from "../../src/write/cache.js";
import { tempDir, writeTree } from "../support/helpers.js";

/** The text of the module whose path ends in `suffix` (any case). */
function toolKind(
  files: readonly { path: string; content: string }[],
  suffix = "toolkind.ts",
): string {
  return files.find((file) => file.path.toLowerCase().endsWith(suffix))?.content ?? "";
}

const TS_DIALECT = fileURLToPath(new URL("../fixtures/dialects/speakeasy-ts", import.meta.url));

describe("cache file round trip", () => {
  it.each([
    ["-0 at the top", -0],
    ["-0 nested", { members: [{ value: -0 }, { value: 0 }], list: [-0, 0, -1] }],
    ["objects that look like the tag but are not", { "docs2ts:-0": true, other: 1 }],
    ["plain data", { a: "docs2ts:-0", b: [1, "x", null, true] }],
  ])("%s", (_name, value) => {
    const back = parseCache(stringifyCache(value));
    expect(back).toEqual(value);
    // toEqual treats -0 and 0 alike; Object.is does not.
    const zeros = (v: unknown): boolean[] =>
      typeof v === "number"
        ? [Object.is(v, -0)]
        : v !== null && typeof v === "object"
          ? Object.values(v).flatMap(zeros)
          : [];
    expect(zeros(back)).toEqual(zeros(value));
  });
});

describe("enum member -0 through the cache", () => {
  it("survives a warm page cache when the module is emitted again (another enum style)", async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), "docs2ts-cache-"));
    try {
      const run = (enumStyle: "union" | "const-object") =>
        generate({ input: TS_DIALECT, cacheDir, validators: false, enumStyle });
      await run("union");
      const warm = await run("const-object");
      expect(warm.stats.cachedPages).toBe(warm.stats.pages);
      const text = toolKind(warm.files);
      expect(text).toMatch(/\| -0 \|/);
      expect(text).toMatch(/: -0,/);
    } finally {
      rmSync(cacheDir, { recursive: true, force: true });
    }
  });

  it("a docs change from 0 to -0 is not served the cached module of 0", async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), "docs2ts-cache-"));
    const input = mkdtempSync(join(tmpdir(), "docs2ts-cache-input-"));
    try {
      const page = (zero: string) =>
        writeFileSync(
          join(input, "level.md"),
          `# Level\n\n## Values\n\n\`\`\`typescript\n1 | ${zero}\n\`\`\`\n`,
        );
      page("0");
      const before = await generate({ input, cacheDir, validators: false });
      expect(toolKind(before.files, "level.ts")).toMatch(/= 1 \| 0;/);
      page("-0");
      const after = await generate({ input, cacheDir, validators: false });
      expect(toolKind(after.files, "level.ts")).toMatch(/= 1 \| -0;/);
    } finally {
      rmSync(cacheDir, { recursive: true, force: true });
      rmSync(input, { recursive: true, force: true });
    }
  });

  it("is emitted as -0 on a cold and on a warm run", async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), "docs2ts-cache-"));
    try {
      const run = () => generate({ input: TS_DIALECT, cacheDir, validators: false });
      const cold = await run();
      expect(toolKind(cold.files)).toMatch(/\| -0 \|/);
      const warm = await run();
      expect(warm.stats.cachedPages).toBe(cold.stats.pages);
      expect(warm.stats.cachedModules).toBe(cold.stats.modules);
      expect(toolKind(warm.files)).toBe(toolKind(cold.files));
    } finally {
      rmSync(cacheDir, { recursive: true, force: true });
    }
  });
});

describe("one cache folder for several output folders", () => {
  it("keeps each output folder's entries when another project's run saves", async () => {
    const cacheDir = tempDir();
    const dialects = fileURLToPath(new URL("../fixtures/dialects", import.meta.url));
    const projects = [
      { input: TS_DIALECT, out: join(cacheDir, "out-a") },
      { input: join(dialects, "openapi-generator"), out: join(cacheDir, "out-b") },
    ];
    for (const project of projects) await generate({ ...project, cacheDir });
    for (const project of projects) {
      const again = await generate({ ...project, cacheDir });
      expect(again.stats.cachedPages, project.out).toBe(again.stats.pages);
      expect(again.stats.cachedModules, project.out).toBe(again.stats.modules);
    }
  });
});

describe("the cache files of the last few option sets", () => {
  const input = fileURLToPath(new URL("../../input", import.meta.url));
  /** Runs of the repository's sample docs into one output folder with one cache folder. */
  const runner = () => {
    const base = tempDir("docs2ts-cache-sets-");
    const cacheDir = join(base, "cache");
    const run = (options: GenerateOptions = {}) =>
      generate({ input, out: join(base, "out"), cacheDir, ...options });
    return { run, files: () => readdirSync(cacheDir).filter((name) => name.startsWith("cache-")) };
  };
  const warm = (result: {
    stats: { [K in "pages" | "cachedPages" | "modules" | "cachedModules"]: number };
  }) =>
    result.stats.cachedModules === result.stats.modules &&
    result.stats.cachedPages === result.stats.pages;

  it("switching an option and back is served from the cache both ways", async () => {
    const { run } = runner();
    const first = await run();
    const snake = await run({ fieldNames: "snake_case" });
    // A new option set: its modules are emitted, its pages found in the last set's file.
    expect(snake.stats.cachedModules).toBeLessThan(snake.stats.modules);
    expect(snake.stats.cachedPages).toBe(snake.stats.pages);
    const back = await run();
    expect(warm(back)).toBe(true);
    expect(back.files).toEqual(first.files);
    const snakeAgain = await run({ fieldNames: "snake_case" });
    expect(warm(snakeAgain)).toBe(true);
    expect(snakeAgain.files).toEqual(snake.files);
  });

  it(`keeps ${MAX_OPTION_SETS} option sets and drops the least recently used first`, async () => {
    const { run, files } = runner();
    const sets: GenerateOptions[] = [
      {},
      { fieldNames: "snake_case" },
      { fieldNames: "camelCase" },
      { enumStyle: "union" },
      { enumStyle: "enum" },
    ];
    expect(sets.length).toBe(MAX_OPTION_SETS + 1);
    for (const options of sets) await run(options);
    expect(files().length).toBe(MAX_OPTION_SETS);
    // The second oldest is still kept (and becomes the most recent); the oldest was dropped.
    expect(warm(await run(sets[1]))).toBe(true);
    const oldest = await run(sets[0]);
    expect(oldest.stats.cachedModules).toBeLessThan(oldest.stats.modules);
    expect(files().length).toBe(MAX_OPTION_SETS);
    // Kept, most recent first: {}, snake_case, enum, union. A warm run that changes no entry marks
    // its set as used too: after `union` runs again, a new set drops `enum`, not `union`.
    expect(warm(await run(sets[3]))).toBe(true);
    await run({ dates: "Date" });
    expect(warm(await run(sets[3]))).toBe(true);
    expect(warm(await run(sets[4]))).toBe(false);
  });
});

describe("dependency versions in the fingerprint", () => {
  it("reads each dependency's installed version, looking up the folders as node does", () => {
    const root = tempDir();
    const pkg = join(root, "project");
    writeTree(pkg, {
      "package.json": JSON.stringify({ dependencies: { b: "^1", a: "^2", c: "^3" } }),
      "node_modules/a/package.json": JSON.stringify({ name: "a", version: "2.1.0" }),
    });
    writeTree(root, {
      "node_modules/b/package.json": JSON.stringify({ name: "b", version: "1.4.2" }),
    });
    expect(dependencyVersions(pkg)).toEqual(["a@2.1.0", "b@1.4.2", "c@missing"]);
    writeTree(pkg, {
      "node_modules/a/package.json": JSON.stringify({ name: "a", version: "2.2.0" }),
    });
    expect(dependencyVersions(pkg)[0]).toBe("a@2.2.0");
  });
});
