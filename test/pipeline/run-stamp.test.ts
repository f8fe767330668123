/**
 * The run stamp (pipeline/run-stamp.ts), as the CLI uses it through `writeOutput` and `check`: an
 * unchanged run is answered from it with the result a full run gives; a changed page, option, override
 * position or output file runs the pipeline again.
 */
import { appendFileSync, cpSync, existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import {
  resolveOptions,
  type GenerateOptions,
  type ResolvedOptions,
} from "../../src/core/options.js";
import { DEFAULT_TEMPLATES_DIR } from "../../src/emit/templates.js";
import { nodePageFileSystem, readPages, scanPages } from "../../src/parse/files.js";
import { check, writeOutput } from "../../src/pipeline/api.js";
import { loadConfig } from "../../src/pipeline/config.js";
import { stampable, stampKey, type FolderRead } from "../../src/pipeline/run-stamp.js";
import { tempDir, writeTree } from "../support/helpers.js";
import { nonDefaultOptions } from "../support/options-table.js";
import { SEED_INPUT } from "../emit/validators-harness.js";

const STAMP = { stamp: true };
const PAGE = "models/components/batch.md";
let base: string;
let options: GenerateOptions;

beforeEach(() => {
  base = tempDir("docs2ts-stamp-");
  cpSync(SEED_INPUT, join(base, "docs"), { recursive: true });
  options = { input: join(base, "docs"), out: join(base, "out"), cacheDir: join(base, "cache") };
});

/** A run answered from the stamp parses nothing and carries no declarations (a full run has some). */
const reused = (result: { decls: unknown[]; stats: { pages: number; cachedPages: number } }) =>
  result.decls.length === 0 && result.stats.cachedPages === result.stats.pages;

/** The files and diagnostics of a full run without cache or stamp, into a folder of its own. */
async function fullRun(given: GenerateOptions) {
  const result = await writeOutput({ ...given, out: join(tempDir(), "out"), cache: false });
  return { files: result.files, diagnostics: result.diagnostics };
}

async function folderRead(input: string): Promise<FolderRead> {
  const listing = await scanPages(input);
  return {
    listing,
    pages: await readPages(input, listing.files),
    root: await nodePageFileSystem.realpath(input),
  };
}

describe("run stamp", () => {
  it("answers an unchanged run with the files and diagnostics of a full run", async () => {
    const first = await writeOutput(options, {}, STAMP);
    expect(reused(first)).toBe(false);
    expect(existsSync(join(base, "cache", "run-v1.json"))).toBe(true);
    const second = await writeOutput(options, {}, STAMP);
    expect(reused(second)).toBe(true);
    expect({ files: second.files, diagnostics: second.diagnostics }).toEqual(
      await fullRun(options),
    );
    expect(second.changes).toEqual({
      added: [],
      changed: [],
      removed: [],
      unchanged: first.files.length,
    });
    expect(second.stats.modules).toBe(first.stats.modules);
  });

  it("runs the pipeline after a page changes, and is answered again after that", async () => {
    await writeOutput(options, {}, STAMP);
    const page = join(base, "docs", PAGE);
    writeFileSync(
      page,
      readFileSync(page, "utf8").replace("## Fields", "A new line.\n\n## Fields"),
    );
    const changed = await writeOutput(options, {}, STAMP);
    expect(reused(changed)).toBe(false);
    expect(changed.changes.changed.map((file) => file.path)).toEqual([
      "models/components/batch.ts",
    ]);
    expect(changed.files).toEqual((await fullRun(options)).files);
    expect(reused(await writeOutput(options, {}, STAMP))).toBe(true);
  });

  it("puts back an output file edited, removed or added by hand", async () => {
    const first = await writeOutput(options, {}, STAMP);
    const batch = join(base, "out", "models/components/batch.ts");
    appendFileSync(batch, "// edited\n");
    const edited = await writeOutput(options, {}, STAMP);
    expect(reused(edited)).toBe(false);
    expect(edited.changes.changed.map((file) => file.path)).toEqual(["models/components/batch.ts"]);
    rmSync(batch);
    const removed = await writeOutput(options, {}, STAMP);
    expect([reused(removed), removed.changes.added.length]).toEqual([false, 1]);
    // A generated file the run does not produce (left by an older version of the docs).
    const extra = readFileSync(batch, "utf8");
    writeFileSync(join(base, "out", "models/components/gone.ts"), extra);
    const added = await writeOutput(options, {}, STAMP);
    expect([reused(added), added.changes.removed.length]).toEqual([false, 1]);
    expect(readFileSync(batch, "utf8")).toBe(
      first.files.find((f) => f.path.endsWith("batch.ts"))?.content,
    );
    expect(reused(await writeOutput(options, {}, STAMP))).toBe(true);
  });

  it("answers check when current and still finds a stale output file", async () => {
    await writeOutput(options, {}, STAMP);
    const current = await check(options, {}, STAMP);
    expect([reused(current), current.upToDate, current.stale]).toEqual([true, true, []]);
    appendFileSync(join(base, "out", "models/components/batch.ts"), "// edited\n");
    const stale = await check(options, {}, STAMP);
    expect([reused(stale), stale.upToDate, stale.stale.length]).toEqual([false, false, 1]);
  });

  it("keeps no stamp of a failing run, and none without the cache or with a user's templates", async () => {
    await writeOutput(options, {}, STAMP);
    const stampFile = join(base, "cache", "run-v1.json");
    const before = readFileSync(stampFile, "utf8");
    const broken =
      "# Broken\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n| a | string | yes | A. |\n| a | string | yes | A. |\n";
    writeTree(join(base, "docs"), { "broken.md": broken });
    const failed = await writeOutput(options, {}, STAMP);
    expect(failed.failed).toBe(true);
    expect(readFileSync(stampFile, "utf8")).toBe(before);
    // The docs as they were: the stamp of that run answers again.
    rmSync(join(base, "docs", "broken.md"));
    expect(reused(await writeOutput(options, {}, STAMP))).toBe(true);

    for (const other of [{ cache: false }, { templates: DEFAULT_TEMPLATES_DIR }]) {
      const cacheDir = join(tempDir(), "cache");
      await writeOutput({ ...options, ...other, cacheDir }, {}, STAMP);
      expect(existsSync(join(cacheDir, "run-v1.json"))).toBe(false);
      expect(stampable(resolveOptions({ ...options, ...other }))).toBe(false);
    }
  });

  it("keeps one stamp per existing output folder in a shared cache folder, and ignores an unreadable one", async () => {
    const second = { ...options, out: join(base, "out2"), fieldNames: "camelCase" as const };
    await writeOutput(options, {}, STAMP);
    await writeOutput(second, {}, STAMP);
    expect(reused(await writeOutput(options, {}, STAMP))).toBe(true);
    expect(reused(await writeOutput(second, {}, STAMP))).toBe(true);
    // The stamp of an output folder that is gone is dropped when another is saved.
    rmSync(join(base, "out2"), { recursive: true });
    writeFileSync(join(base, "docs", "extra.md"), "# Extra\n\nNo model here.\n");
    await writeOutput(options, {}, STAMP);
    const outs = Object.keys(
      JSON.parse(readFileSync(join(base, "cache", "run-v1.json"), "utf8")).stamps,
    );
    expect(outs).toEqual([join(base, "out")]);
    rmSync(join(base, "docs", "extra.md"));
    writeFileSync(join(base, "cache", "run-v1.json"), "{ not json");
    const after = await writeOutput(options, {}, STAMP);
    expect([reused(after), after.failed]).toEqual([false, false]);
    expect(reused(await writeOutput(options, {}, STAMP))).toBe(true);
  });

  it("has every option in its key", async () => {
    const read = await folderRead(join(base, "docs"));
    const defaults = resolveOptions(options);
    const key = stampKey(defaults, read);
    const values = nonDefaultOptions(base);
    for (const name of Object.keys(values) as (keyof ResolvedOptions)[]) {
      const changed = { ...defaults, [name]: values[name] };
      expect(stampKey(changed, read), name).not.toBe(key);
    }
  });

  it("has where each override was written in its key (its diagnostics point there)", async () => {
    const entry = { [PAGE]: { fields: { ID: { description: "Overridden." } } } };
    const keys: string[] = [];
    for (const indent of [2, 4]) {
      const dir = tempDir();
      writeFileSync(
        join(dir, "docs2ts.config.json"),
        JSON.stringify({ input: join(base, "docs"), overrides: entry }, null, indent),
      );
      const [project] = (await loadConfig(undefined, dir)).projects;
      keys.push(stampKey(resolveOptions(project ?? {}), await folderRead(join(base, "docs"))));
    }
    expect(keys[0]).not.toBe(keys[1]);
  });

  it("has every page's text and path in its key", async () => {
    const docs = join(base, "docs");
    const defaults = resolveOptions(options);
    const key = stampKey(defaults, await folderRead(docs));
    const page = join(docs, PAGE);
    const text = readFileSync(page, "utf8");
    writeFileSync(page, `${text} `);
    expect(stampKey(defaults, await folderRead(docs))).not.toBe(key);
    writeFileSync(page, text);
    expect(stampKey(defaults, await folderRead(docs))).toBe(key);
    rmSync(page);
    writeTree(docs, { "models/components/batch2.md": text });
    expect(stampKey(defaults, await folderRead(docs))).not.toBe(key);
  });
});
