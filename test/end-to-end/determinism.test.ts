/**
 * The same docs give the same bytes: across runs in one process, processes with other locales and time
 * zones, shuffled directory listings, and LF / CRLF / BOM copies of the pages; for an SDK folder and for
 * each folder of ../shared/families (sections, anonymous sub-schemas, MDX with front matter).
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { generate, runPipeline } from "../../src/pipeline/generate.js";
import { itShared } from "../support/helpers.js";
import { nodePageFileSystem, type PageFileSystem } from "../../src/parse/files.js";

const CORPUS = fileURLToPath(
  new URL("../../../shared/corpus/speakeasy-go-openai", import.meta.url),
);
const CLI = fileURLToPath(new URL("../../dist/cli.js", import.meta.url));
const base = mkdtempSync(join(tmpdir(), "docs2ts-determinism-"));
afterAll(() => rmSync(base, { recursive: true, force: true }));

const hashFiles = (files: ReadonlyArray<{ path: string; content: string }>) => {
  const hash = createHash("sha256");
  for (const file of files) hash.update(`${file.path}\0${file.content}\0`);
  return hash.digest("hex");
};

function hashDir(dir: string): string {
  const files: Array<{ path: string; content: string }> = [];
  const walk = (current: string) => {
    for (const name of readdirSync(current)) {
      const full = join(current, name);
      if (statSync(full).isDirectory()) walk(full);
      else files.push({ path: relative(dir, full), content: readFileSync(full, "utf8") });
    }
  };
  walk(dir);
  return hashFiles(files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)));
}

/** A file system whose directory listings come back in a seeded random order. */
function shuffledFs(seed: number): PageFileSystem {
  let state = seed;
  const random = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  return {
    ...nodePageFileSystem,
    readdir: async (dir) => {
      const entries = await nodePageFileSystem.readdir(dir);
      for (let i = entries.length - 1; i > 0; i -= 1) {
        const j = Math.floor(random() * (i + 1));
        [entries[i], entries[j]] = [entries[j]!, entries[i]!];
      }
      return entries;
    },
  };
}

describe("determinism", () => {
  itShared(
    "two runs in one process, and shuffled listings, give the same bytes",
    async () => {
      const options = { input: CORPUS, out: join(base, "unused"), cache: false };
      const first = hashFiles((await generate(options)).files);
      expect(hashFiles((await generate(options)).files)).toBe(first);
      for (const seed of fc.sample(fc.integer({ min: 1, max: 2 ** 30 }), { numRuns: 2, seed: 7 }))
        expect(hashFiles((await runPipeline(options, {}, { fs: shuffledFs(seed) })).files)).toBe(
          first,
        );
    },
    120_000,
  );

  itShared(
    "processes with other LANG, LC_ALL and TZ write the same bytes",
    () => {
      const envs = [
        { LANG: "C", LC_ALL: "C", TZ: "UTC" },
        { LANG: "tr_TR.UTF-8", LC_ALL: "tr_TR.UTF-8", TZ: "Pacific/Kiritimati" },
        { LANG: "de_DE.UTF-8", LC_ALL: "sv_SE.UTF-8", TZ: "America/St_Johns" },
      ];
      const hashes = envs.map((env, index) => {
        const out = join(base, `locale-${index}`);
        const result = spawnSync(
          process.execPath,
          [CLI, "generate", "--input", CORPUS, "--out", out, "--no-cache", "-q"],
          { env: { ...process.env, ...env }, cwd: base },
        );
        expect(result.status, result.stderr.toString()).toBe(0);
        return hashDir(out);
      });
      expect(new Set(hashes).size).toBe(1);
    },
    120_000,
  );

  itShared(
    "LF, CRLF and BOM copies of the pages give the same bytes",
    async () => {
      const source = join(CORPUS, "models", "components");
      const names = readdirSync(source)
        .filter((n) => n.endsWith(".md"))
        .sort()
        .slice(0, 60);
      const variants = {
        lf: (t: string) => t.replace(/\r\n?/g, "\n"),
        crlf: (t: string) => t.replace(/\r\n?/g, "\n").replace(/\n/g, "\r\n"),
        bom: (t: string) => `\uFEFF${t.replace(/\r\n?/g, "\n")}`,
      };
      const hashes = await Promise.all(
        Object.entries(variants).map(async ([name, transform]) => {
          const dir = join(base, name, "models", "components");
          mkdirSync(dir, { recursive: true });
          for (const file of names)
            writeFileSync(join(dir, file), transform(readFileSync(join(source, file), "utf8")));
          const result = await generate({
            input: join(base, name),
            out: join(base, "x"),
            cache: false,
          });
          return hashFiles(result.files) + JSON.stringify(result.diagnostics);
        }),
      );
      expect(new Set(hashes).size).toBe(1);
    },
    120_000,
  );

  // The other families: pages of many models, ids from sections, anonymous sub-schema models.
  const FAMILIES = fileURLToPath(new URL("../../../shared/families/", import.meta.url));
  for (const folder of [
    "docs-site-discord",
    "jsonschema2md-ory",
    "protoc-gen-doc-ununifi",
    "widdershins-ory",
  ])
    itShared(
      `${folder}: a run and a run over a shuffled listing give the same bytes`,
      async () => {
        const options = { input: join(FAMILIES, folder), out: join(base, "unused"), cache: false };
        const first = await generate(options);
        expect(first.files.length).toBeGreaterThan(10);
        const shuffled = await runPipeline(options, {}, { fs: shuffledFs(11) });
        expect(hashFiles(shuffled.files)).toBe(hashFiles(first.files));
        expect(JSON.stringify(shuffled.diagnostics)).toBe(JSON.stringify(first.diagnostics));
      },
      300_000,
    );

  itShared(
    "LF, CRLF and BOM copies of MDX pages with front matter give the same bytes",
    async () => {
      const source = join(FAMILIES, "docs-site-discord");
      const pages: string[] = [];
      const walk = (dir: string) => {
        for (const name of readdirSync(dir).sort()) {
          const full = join(dir, name);
          if (statSync(full).isDirectory()) walk(full);
          else if (name.endsWith(".mdx")) pages.push(relative(source, full));
        }
      };
      walk(source);
      const variants = {
        lf: (t: string) => t.replace(/\r\n?/g, "\n"),
        crlf: (t: string) => t.replace(/\r\n?/g, "\n").replace(/\n/g, "\r\n"),
        bom: (t: string) => `\uFEFF${t.replace(/\r\n?/g, "\n")}`,
      };
      const hashes: string[] = [];
      for (const [name, transform] of Object.entries(variants)) {
        const root = join(base, `mdx-${name}`);
        for (const page of pages) {
          mkdirSync(join(root, page, ".."), { recursive: true });
          writeFileSync(join(root, page), transform(readFileSync(join(source, page), "utf8")));
        }
        const result = await generate({ input: root, out: join(base, "x"), cache: false });
        expect(result.files.length).toBeGreaterThan(10);
        hashes.push(hashFiles(result.files) + JSON.stringify(result.diagnostics));
      }
      expect(pages.length).toBeGreaterThan(50);
      expect(new Set(hashes).size).toBe(1);
    },
    300_000,
  );

  it("the sources sort without locale-dependent comparisons", () => {
    const src = fileURLToPath(new URL("../../src", import.meta.url));
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const full = join(dir, name);
        if (statSync(full).isDirectory()) walk(full);
        else if (
          /\.ts$/.test(name) &&
          /\.localeCompare\(\s*[^,)]*\)/.test(readFileSync(full, "utf8"))
        )
          offenders.push(relative(src, full));
      }
    };
    walk(src);
    expect(offenders).toEqual([]);
  });
});
