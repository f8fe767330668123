/**
 * The generated code under every common consumer setup: NodeNext and Bundler resolution,
 * verbatimModuleSyntax, isolatedModules and erasableSyntaxOnly (enum styles other than "enum"), plus
 * Node's own type stripping where this Node has it (22.6+; Node 20 does not).
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate } from "../src/index.js";
import type { EnumStyle } from "../src/options.js";

const repo = fileURLToPath(new URL("..", import.meta.url));
let work: string;

const strict: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  strict: true,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
  noEmit: true,
  skipLibCheck: true,
  types: [],
};

const SETUPS: Array<[string, ts.CompilerOptions]> = [
  [
    "NodeNext",
    { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext },
  ],
  ["Bundler", { module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler }],
  [
    "Bundler + module preserve",
    { module: ts.ModuleKind.Preserve, moduleResolution: ts.ModuleResolutionKind.Bundler },
  ],
  [
    "verbatimModuleSyntax + isolatedModules",
    {
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      verbatimModuleSyntax: true,
      isolatedModules: true,
    },
  ],
  [
    "erasableSyntaxOnly",
    {
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      verbatimModuleSyntax: true,
      erasableSyntaxOnly: true,
    },
  ],
];

/** Writes the output for an enum style into its own folder (an ESM package, like the repo). */
async function outputFor(
  enumStyle: EnumStyle,
  importExtension: ".js" | ".ts" = ".js",
): Promise<string> {
  const dir = join(work, `${enumStyle}${importExtension}`);
  const result = await generate({
    input: join(repo, "input"),
    enumStyle,
    importExtension,
    cache: false,
  });
  expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  for (const file of result.files) {
    mkdirSync(dirname(join(dir, file.path)), { recursive: true });
    writeFileSync(join(dir, file.path), file.content);
  }
  writeFileSync(join(dir, "package.json"), JSON.stringify({ type: "module" }));
  return dir;
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".ts"))
    .map((file) => join(dir, file));
}

/** tsc's diagnostics for a folder, one line each, paths relative to it. */
function compile(dir: string, options: ts.CompilerOptions): string[] {
  const program = ts.createProgram(tsFiles(dir), { ...strict, ...options });
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const text = ts.flattenDiagnosticMessageText(d.messageText, "\n");
    return d.file ? `${d.file.fileName.slice(dir.length + 1)}: TS${d.code} ${text}` : text;
  });
}

const dirs = new Map<EnumStyle, string>();
beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "docs2ts-setups-"));
  for (const style of ["const-object", "union", "enum"] as const)
    dirs.set(style, await outputFor(style));
  tsDir = await outputFor("const-object", ".ts");
});
let tsDir = "";
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("generated code compiles under every common setup", () => {
  it("compiles the committed generated/ folder under NodeNext", () => {
    expect(compile(join(repo, "generated"), SETUPS[0]![1])).toEqual([]);
  });

  for (const style of ["const-object", "union"] as const)
    it.each(SETUPS)(`enumStyle ${style}: %s`, (_name, options) => {
      expect(compile(dirs.get(style)!, options)).toEqual([]);
    });

  it.each(SETUPS.filter(([name]) => name !== "erasableSyntaxOnly"))(
    "enumStyle enum: %s",
    (_name, options) => {
      expect(compile(dirs.get("enum")!, options)).toEqual([]);
    },
  );

  it('enumStyle "enum" is reported by erasableSyntaxOnly (documented: use const-object or union)', () => {
    const errors = compile(dirs.get("enum")!, SETUPS[4]![1]);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((line) => line.includes("TS1294"))).toBe(true);
  });
});

describe('importExtension ".ts"', () => {
  it("writes .ts specifiers everywhere, runtime included, and compiles with allowImportingTsExtensions", () => {
    const specifiers = tsFiles(tsDir).flatMap((file) =>
      [...readFileSync(file, "utf8").matchAll(/from "(\.{1,2}\/[^"]+)"/g)].map(
        (m) => m[1] as string,
      ),
    );
    expect(specifiers.length).toBeGreaterThan(10);
    expect(specifiers.filter((spec) => !spec.endsWith(".ts"))).toEqual([]);
    const options = SETUPS[0]![1];
    expect(compile(tsDir, { ...options, allowImportingTsExtensions: true, noEmit: true })).toEqual(
      [],
    );
    expect(compile(tsDir, { ...options, rewriteRelativeImportExtensions: true })).toEqual([]);
  });
});

describe("Node's own type stripping", () => {
  const probe = spawnSync(process.execPath, ["--experimental-strip-types", "-e", "0"]);
  const supported =
    Boolean((process.features as { typescript?: unknown }).typescript) || probe.status === 0;

  it.skipIf(!supported)("imports a generated module with node --experimental-strip-types", () => {
    // Node resolves relative imports as written, so type stripping needs the `.ts` specifiers.
    const entry = join(tsDir, "index.ts");
    const result = spawnSync(
      process.execPath,
      [
        "--experimental-strip-types",
        "--input-type=module",
        "-e",
        `const m = await import(${JSON.stringify(entry)}); console.log(m.Status.Completed, m.isStatus("completed"));`,
      ],
      { encoding: "utf8" },
    );
    expect(result.stderr).not.toMatch(/Error/);
    expect(result.stdout.trim()).toBe("completed true");
  });
});
