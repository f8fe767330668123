/**
 * The package as a user gets it: `npm pack`, install the tarball into a fresh project (dependencies from
 * the registry or the npm cache, never the repo's node_modules), generate from that project's docs with
 * the `docs2ts` bin, compile the project with strict tsc, and use the API from ESM. Slow by nature.
 */
import { execFileSync, spawnSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const repo = fileURLToPath(new URL("../..", import.meta.url));
const tsc = join(repo, "node_modules/typescript/bin/tsc");
let work: string;
let app: string;
let tarball: string;

/** The environment without npm's per-run variables, so nested npm commands behave as in a shell. */
const env = Object.fromEntries(
  Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)),
) as NodeJS.ProcessEnv;

function run(command: string, args: string[], cwd: string) {
  const result = spawnSync(command, args, { cwd, env, encoding: "utf8" });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "docs2ts-package-"));
  // A plain `npm pack`, prepare (the build) included, as `npm publish` would do it.
  const pack = run("npm", ["pack", "--pack-destination", work, "--no-fund"], repo);
  expect(pack.status, pack.stderr).toBe(0);
  const found = readdirSync(work).filter((name) => name.endsWith(".tgz"));
  expect(found).toHaveLength(1);
  tarball = join(work, found[0] as string);

  app = join(work, "app");
  mkdirSync(join(app, "src"), { recursive: true });
  writeFileSync(
    join(app, "package.json"),
    JSON.stringify({ name: "consumer", private: true, type: "module" }, null, 2),
  );
  const install = run(
    "npm",
    // @types/node as any TypeScript project on Node has it; typescript itself comes from the repo.
    ["install", tarball, "@types/node@20", "--prefer-offline", "--no-audit", "--no-fund"],
    app,
  );
  expect(install.status, install.stderr).toBe(0);
  cpSync(join(repo, "input"), join(app, "docs"), { recursive: true });
  writeFileSync(
    join(app, "docs2ts.config.json"),
    JSON.stringify({ input: "docs", out: "src/gen" }),
  );
}, 300_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe("the packed package", () => {
  it("ships dist, templates, the README and docs/ only", () => {
    const listing = execFileSync("tar", ["-tzf", tarball], { encoding: "utf8" }).split("\n");
    // docs/rules.md is the page a diagnostic's `ruleUrl` links, where the package is installed.
    for (const file of [
      "dist/index.js",
      "dist/index.d.ts",
      "dist/cli.js",
      "templates/banner.txt",
      "README.md",
      "docs/rules.md",
    ])
      expect(listing).toContain(`package/${file}`);
    expect(listing.filter((f) => /^package\/(src|test|input|generated|scratch)\//.test(f))).toEqual(
      [],
    );
  });

  it("installs without the repo's devDependencies and without building", () => {
    for (const dev of ["vitest", "ajv", "zod", "fast-check"])
      expect(existsSync(join(app, "node_modules", dev)), dev).toBe(false);
    // Installing a package never compiles it: its dist/ is the one in the tarball.
    expect(existsSync(join(app, "node_modules/docs2ts/src"))).toBe(false);
    expect(existsSync(join(app, "node_modules/docs2ts/dist/cli.js"))).toBe(true);
  });

  it("generates with the bin, and check agrees it is current", () => {
    const bin = join(app, "node_modules/.bin/docs2ts");
    const generate = run(bin, [], app);
    expect(generate.status, generate.stderr).toBe(0);
    expect(generate.stderr).toContain("in src/gen/.");
    expect(existsSync(join(app, "src/gen/index.ts"))).toBe(true);
    expect(existsSync(join(app, "src/gen/models/components/batch.ts"))).toBe(true);
    const check = run(bin, ["check"], app);
    expect(check.status, check.stderr).toBe(0);
    expect(check.stderr).toContain("src/gen/ is up to date");
  });

  it("compiles with strict tsc against the output and the package's own types", () => {
    writeFileSync(
      join(app, "src/main.ts"),
      [
        `import { check, defineConfig, generate, type GenerateResult } from "docs2ts";`,
        `import { Status, type Batch } from "./gen/index.js";`,
        `const config = defineConfig({ projects: [{ input: "docs", out: "src/gen" }] });`,
        `const pending: Promise<GenerateResult> = generate({ input: "docs" });`,
        `const status: Status = Status.Completed;`,
        `const batch: Pick<Batch, "ID" | "Status"> = { ID: "b1", Status: status };`,
        `export { check, config, pending, status, batch };`,
        "",
      ].join("\n"),
    );
    writeFileSync(
      join(app, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          target: "ES2022",
          module: "NodeNext",
          moduleResolution: "NodeNext",
          strict: true,
          exactOptionalPropertyTypes: true,
          noUncheckedIndexedAccess: true,
          verbatimModuleSyntax: true,
          isolatedModules: true,
          // Check docs2ts's own declarations too, not only the generated code.
          skipLibCheck: false,
          types: ["node"],
          outDir: "out",
        },
        include: ["src"],
      }),
    );
    const compile = run(process.execPath, [tsc, "-p", "tsconfig.json"], app);
    expect(compile.status, compile.stdout).toBe(0);
  });

  it("compiles the package's public declarations with `types: []` (no @types/node needed)", () => {
    const consumer = join(work, "no-node-types");
    // A project of its own with nothing installed but docs2ts (linked from the app's install).
    mkdirSync(join(consumer, "node_modules"), { recursive: true });
    symlinkSync(join(app, "node_modules/docs2ts"), join(consumer, "node_modules/docs2ts"), "dir");
    writeFileSync(join(consumer, "package.json"), JSON.stringify({ type: "module" }));
    writeFileSync(
      join(consumer, "main.ts"),
      [
        `import * as docs2ts from "docs2ts";`,
        `import type { CheckResult, Docs2tsConfig, GenerateOptions, RunResult } from "docs2ts";`,
        `export const api: typeof docs2ts = docs2ts;`,
        `export type Types = [CheckResult, Docs2tsConfig, GenerateOptions, RunResult];`,
        "",
      ].join("\n"),
    );
    writeFileSync(
      join(consumer, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          target: "ES2022",
          module: "NodeNext",
          moduleResolution: "NodeNext",
          strict: true,
          skipLibCheck: false,
          types: [],
          noEmit: true,
        },
        files: ["main.ts"],
      }),
    );
    const compile = run(process.execPath, [tsc, "-p", "tsconfig.json"], consumer);
    expect(compile.status, compile.stdout).toBe(0);
  });

  it("runs the API from ESM", () => {
    writeFileSync(
      join(app, "api.mjs"),
      `import { check } from "docs2ts";\nconst result = await check({ input: "docs", out: "src/gen" });\nconsole.log(JSON.stringify({ upToDate: result.upToDate, files: result.files.length }));\n`,
    );
    const result = run(process.execPath, ["api.mjs"], app);
    expect(result.status, result.stderr).toBe(0);
    const written = readdirSync(join(app, "src/gen"), { recursive: true, encoding: "utf8" });
    expect(JSON.parse(result.stdout)).toEqual({
      upToDate: true,
      // The modules and the output folder's own package.json.
      files: written.filter((file) => /\.(ts|json)$/.test(file)).length,
    });
  });

  it("runs a generated validator when the output has them", (context) => {
    // Validators land with templates/runtime.ts; until the output carries a runtime there is nothing to run.
    if (!existsSync(join(app, "src/gen/runtime.ts"))) context.skip();
    writeFileSync(
      join(app, "src/validate.ts"),
      [
        `import { isStatus, validateBatch } from "./gen/index.js";`,
        `const invalid = validateBatch({ ID: 1 });`,
        `console.log(JSON.stringify([isStatus("completed"), isStatus("nope"), isStatus(1), invalid.success]));`,
        "",
      ].join("\n"),
    );
    const compile = run(process.execPath, [tsc, "-p", "tsconfig.json"], app);
    expect(compile.status, compile.stdout).toBe(0);
    const result = run(process.execPath, ["out/validate.js"], app);
    expect(result.status, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([true, false, false, false]);
  });
});
