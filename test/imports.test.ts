/**
 * The stages of src/ import one way: a folder never imports a folder that imports it back, and
 * core/ (the vocabulary every stage shares) imports nothing of the project.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, normalize, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const SRC = fileURLToPath(new URL("../src/", import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : entry.name.endsWith(".ts")
        ? [join(dir, entry.name)]
        : [],
  );
}

/** Relative specifiers of static imports, re-exports, `import type` and dynamic `import()`. */
export function relativeImports(text: string): string[] {
  const specifiers: string[] = [];
  const pattern = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)"(\.{1,2}\/[^"]+)"/gm;
  for (const match of text.matchAll(pattern)) specifiers.push(match[1]!);
  return specifiers;
}

/** The folder of src/ a file belongs to ("." for the entry points at the top). */
function folderOf(file: string): string {
  const rel = relative(SRC, file).split(/[\\/]/);
  return rel.length > 1 ? rel[0]! : ".";
}

/** folder -> folders it imports, with one example import per edge. */
function folderGraph(): Map<string, Map<string, string>> {
  const graph = new Map<string, Map<string, string>>();
  for (const file of sourceFiles(SRC)) {
    const from = folderOf(file);
    const edges = graph.get(from) ?? new Map<string, string>();
    graph.set(from, edges);
    for (const specifier of relativeImports(readFileSync(file, "utf8"))) {
      const target = normalize(join(dirname(file), specifier));
      const to = folderOf(target);
      if (to !== from && !edges.has(to))
        edges.set(to, `${relative(SRC, file)} -> ${relative(SRC, target)}`);
    }
  }
  return graph;
}

/** Pairs of folders that reach each other, with the import that closes the circle. */
export function circles(graph: Map<string, Map<string, string>>): string[] {
  const reaches = (from: string, to: string): boolean => {
    const seen = new Set<string>();
    const stack = [from];
    while (stack.length > 0) {
      const next = stack.pop()!;
      if (next === to) return true;
      if (seen.has(next)) continue;
      seen.add(next);
      stack.push(...(graph.get(next)?.keys() ?? []));
    }
    return false;
  };
  const found: string[] = [];
  for (const [from, edges] of graph)
    for (const [to, example] of edges)
      if (reaches(to, from)) found.push(`${from} -> ${to} (${example})`);
  return found.sort();
}

describe("src/ imports one way", () => {
  const graph = folderGraph();

  it("reads every kind of relative import", () => {
    const text = [
      'import { a } from "./a.js";',
      'import type { B } from "../b/b.js";',
      'export { c } from "./c.js";',
      'import "./side-effect.js";',
      'const d = await import("../d/d.js");',
      'import { e } from "node:fs";',
    ].join("\n");
    expect(relativeImports(text)).toEqual([
      "./a.js",
      "../b/b.js",
      "./c.js",
      "./side-effect.js",
      "../d/d.js",
    ]);
  });

  it("finds a circle when there is one", () => {
    const withCircle = new Map([
      ["model", new Map([["emit", "model/x.ts -> emit/y.ts"]])],
      ["emit", new Map([["write", "emit/y.ts -> write/z.ts"]])],
      ["write", new Map([["model", "write/z.ts -> model/x.ts"]])],
    ]);
    expect(circles(withCircle)).toHaveLength(3);
  });

  it("has no folder that imports a folder importing it back", () => {
    expect(graph.size).toBeGreaterThan(5);
    expect(circles(graph)).toEqual([]);
  });

  it("keeps core/ a leaf", () => {
    expect([...(graph.get("core")?.entries() ?? [])]).toEqual([]);
  });

  it("keeps every source file under 400 lines", () => {
    const long = sourceFiles(SRC)
      .map(
        (file) =>
          [relative(SRC, file), readFileSync(file, "utf8").trimEnd().split("\n").length] as const,
      )
      .filter(([, lines]) => lines > 400);
    expect(long).toEqual([]);
  });
});
