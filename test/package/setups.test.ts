/**
 * The generated code under every common consumer setup: NodeNext and Bundler resolution,
 * verbatimModuleSyntax, isolatedModules and erasableSyntaxOnly (enum styles other than "enum"), plus
 * Node's own type stripping where this Node has it (22.6+; Node 20 does not), and the output inside a
 * CommonJS package and an ESM package (its own package.json says it is ES modules).
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate, writeOutput } from "../../src/index.js";
import type { EnumStyle } from "../../src/core/options.js";

const repo = fileURLToPath(new URL("../..", import.meta.url));
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
  // No package.json of the test's own: the output folder declares itself ESM.
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

describe("the output folder declares its own module format", () => {
  const nodenext = SETUPS[3]![1]; // NodeNext + verbatimModuleSyntax + isolatedModules

  /** A consumer package (`packageJson`) with the output in src/generated and `consumer` beside it. */
  async function consumerPackage(
    name: string,
    packageJson: object,
    consumer: Record<string, string>,
  ): Promise<string> {
    const app = join(work, name);
    const result = await generate({ input: join(repo, "input"), cache: false });
    for (const file of result.files) {
      mkdirSync(dirname(join(app, "src/generated", file.path)), { recursive: true });
      writeFileSync(join(app, "src/generated", file.path), file.content);
    }
    writeFileSync(join(app, "package.json"), JSON.stringify(packageJson, null, 2));
    for (const [path, text] of Object.entries(consumer))
      writeFileSync(join(app, "src", path), text);
    return app;
  }

  const use = (from: string) =>
    `import { Status, validateBatch, type Batch } from "${from}";\n` +
    `export const ok: boolean = validateBatch({} as unknown).success;\n` +
    `export const status: Status = Status.Completed;\n` +
    `export type B = Batch;\n`;

  it("writes package.json with type module, marked as generated", async () => {
    const result = await generate({ input: join(repo, "input"), cache: false });
    const file = result.files.find((f) => f.path === "package.json");
    expect(JSON.parse(file?.content ?? "{}")).toMatchObject({ type: "module" });
    expect(file?.content).toContain('"$comment": "@generated by docs2ts');
  });

  it("compiles in a CommonJS package (npm init -y) under NodeNext + verbatimModuleSyntax", async () => {
    // npm init -y writes no "type": the package is CommonJS; its own modules are .cts or .ts files.
    const app = await consumerPackage(
      "commonjs-app",
      { name: "app", version: "1.0.0", main: "index.js", license: "ISC" },
      {
        "esm-consumer.mts": use("./generated/index.js"),
        "cjs-consumer.ts":
          'import generated = require("./generated/index.js");\n' +
          'const ok: boolean = generated.isStatus("completed");\nexport = ok;\n',
      },
    );
    expect(compile(app, nodenext)).toEqual([]);
    // Without the output's own package.json the same folder is CommonJS, and its ESM fails (issue 17).
    rmSync(join(app, "src/generated/package.json"));
    const errors = compile(app, nodenext);
    expect(errors.some((line) => /TS1295|TS1287/.test(line))).toBe(true);
  });

  it("runs compiled into an outDir of a CommonJS package once the README's postbuild copies package.json", async () => {
    const app = join(work, "commonjs-build");
    const result = await generate({ input: join(repo, "input"), cache: false });
    for (const file of result.files) {
      mkdirSync(dirname(join(app, "generated", file.path)), { recursive: true });
      writeFileSync(join(app, "generated", file.path), file.content);
    }
    // As npm 11's `npm init -y` writes it (without "type", Node 20.19+ guesses ESM, with a warning).
    writeFileSync(
      join(app, "package.json"),
      '{ "name": "app", "version": "1.0.0", "type": "commonjs" }\n',
    );
    writeFileSync(
      join(app, "main.mts"),
      'import { components, validateBatch } from "./generated/index.js";\n' +
        "console.log(typeof components, validateBatch({}).success);\n",
    );
    writeFileSync(
      join(app, "main-cjs.ts"),
      'import generated = require("./generated/index.js");\nconsole.log(typeof generated.isStatus);\n',
    );
    const options = {
      ...strict,
      ...nodenext,
      noEmit: false,
      outDir: join(app, "build"),
      rootDir: app,
    };
    const program = ts.createProgram([...tsFiles(app), join(app, "main.mts")], options);
    expect(ts.getPreEmitDiagnostics(program).length).toBe(0);
    program.emit();
    const run = (file: string) =>
      spawnSync(process.execPath, [join(app, "build", file)], { cwd: app, encoding: "utf8" });
    // tsc copies no package.json: the compiled output is read as CommonJS.
    expect(run("main.mjs").stderr).toMatch(/Named export 'components' not found/);
    expect(run("main-cjs.js").status).not.toBe(0);
    // The README's recipe, run as npm would run its postbuild script.
    const readme = readFileSync(join(repo, "README.md"), "utf8");
    const postbuild = JSON.parse(
      /"postbuild": ("(?:[^"\\]|\\.)*")/.exec(readme)?.[1] ?? '""',
    ) as string;
    const script = /^node -e "(.*)"$/.exec(postbuild)?.[1];
    expect(script).toBeDefined();
    expect(spawnSync(process.execPath, ["-e", script as string], { cwd: app }).status).toBe(0);
    expect([run("main.mjs").stdout, run("main-cjs.js").stdout]).toEqual([
      "object false\n",
      "function\n",
    ]);
  });

  it("never overwrites a package.json of the user's own in the output folder", async () => {
    const out = join(work, "own-package");
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, "package.json"), '{ "name": "mine" }\n');
    await expect(writeOutput({ input: join(repo, "input"), out, cache: false })).rejects.toThrow(
      /is not a file docs2ts wrote/,
    );
    expect(readFileSync(join(out, "package.json"), "utf8")).toBe('{ "name": "mine" }\n');
  });

  it("compiles in an ESM package under NodeNext + verbatimModuleSyntax", async () => {
    const app = await consumerPackage(
      "esm-app",
      { name: "app", version: "1.0.0", type: "module" },
      { "consumer.ts": use("./generated/index.js") },
    );
    expect(compile(app, nodenext)).toEqual([]);
  });
});
