/**
 * The content-hash cache keeps values exactly through its JSON file: `-0` (an enum member written
 * `-0` in a TypeScript enum code block) comes back as `-0`, so a warm run emits what a cold run does;
 * and the cache's fingerprint follows the installed versions of docs2ts's dependencies.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { generate } from "../src/pipeline/generate.js";
import { dependencyVersions, parseCache, stringifyCache } from "../src/write/cache.js";
import { tempDir, writeTree } from "./support/helpers.js";

/** The text of the module whose path ends in `suffix` (any case). */
function toolKind(
  files: readonly { path: string; content: string }[],
  suffix = "toolkind.ts",
): string {
  return files.find((file) => file.path.toLowerCase().endsWith(suffix))?.content ?? "";
}

const TS_DIALECT = fileURLToPath(new URL("fixtures/dialects/speakeasy-ts", import.meta.url));

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
    const dialects = fileURLToPath(new URL("fixtures/dialects", import.meta.url));
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
