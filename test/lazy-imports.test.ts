/**
 * The slow packages (remark, ts-morph with the TypeScript compiler, prettier) load only when a page or a
 * module is not in the cache: an unchanged re-run must not pay for them. So no source file reachable
 * from an entry point through static imports may import them; they are reached through `import()` at
 * the places that need them. With `verbatimModuleSyntax`, only `import type` / `export type` is erased.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, normalize, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const SRC = fileURLToPath(new URL("../src/", import.meta.url));
const SLOW = ["ts-morph", "prettier", "unified", "remark-parse", "remark-gfm"];

/** Specifiers of the imports and re-exports of `text` that stay in the JavaScript. */
export function runtimeImports(text: string): string[] {
  const specifiers: string[] = [];
  const pattern = /^\s*(import|export)\s+(type\s+)?(?:[^"';]*?\bfrom\s*)?"([^"]+)"/gm;
  for (const match of text.matchAll(pattern)) if (!match[2]) specifiers.push(match[3]!);
  return specifiers;
}

/** The packages each source file reachable from `entry` imports statically, with the path there. */
function staticClosure(entry: string): Map<string, string[]> {
  const paths = new Map<string, string[]>();
  const visit = (file: string, path: string[]) => {
    if (paths.has(file)) return;
    paths.set(file, path);
    for (const specifier of runtimeImports(readFileSync(file, "utf8"))) {
      if (!specifier.startsWith(".")) continue;
      const target = normalize(join(dirname(file), specifier.replace(/\.js$/, ".ts")));
      if (existsSync(target)) visit(target, [...path, relative(SRC, target)]);
    }
  };
  visit(entry, [relative(SRC, entry)]);
  return paths;
}

describe("slow packages load lazily", () => {
  it("tells runtime imports from erased ones", () => {
    const text = [
      'import { a } from "./a.js";',
      'import type { B } from "./b.js";',
      'import { type C } from "c";',
      'export { d } from "./d.js";',
      'export type { E } from "./e.js";',
      'import "./side.js";',
      'import {\n  f,\n  g,\n} from "ts-morph";',
    ].join("\n");
    expect(runtimeImports(text)).toEqual(["./a.js", "c", "./d.js", "./side.js", "ts-morph"]);
  });

  for (const entry of ["cli.ts", "index.ts"])
    it(`${entry} reaches none of ${SLOW.join(", ")} through static imports`, () => {
      const found: string[] = [];
      for (const [file, path] of staticClosure(join(SRC, entry)))
        for (const specifier of runtimeImports(readFileSync(file, "utf8")))
          if (SLOW.includes(specifier)) found.push(`${path.join(" -> ")} -> ${specifier}`);
      expect(found).toEqual([]);
    });
});
