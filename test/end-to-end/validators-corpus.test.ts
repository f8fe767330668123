/**
 * The Go corpus output with validators: every module exports the four validators of its declaration,
 * and the whole folder passes strict tsc (strict, exactOptionalPropertyTypes, noUncheckedIndexedAccess).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import ts from "typescript";
import { afterAll, beforeAll, expect, it } from "vitest";
import { generate, type GenerateResult } from "../../src/pipeline/generate.js";
import { describeShared } from "../support/helpers.js";
import { GO_CORPUS } from "../emit/validators-harness.js";

/** The text on one line, as a signature reads before a formatter breaks it (`f(\n  a,\n)` -> `f(a)`). */
function flatten(text: string): string {
  return text
    .replace(/\s+/g, " ")
    .replace(/([(<]) /g, "$1")
    .replace(/,? ([)>])/g, "$1");
}

describeShared("Go corpus with validators", () => {
  let result: GenerateResult;
  let dir: string;
  beforeAll(async () => {
    result = await generate({ input: GO_CORPUS, cache: false });
    dir = mkdtempSync(join(tmpdir(), "docs2ts-corpus-"));
    // NodeNext reads the module format from the nearest package.json.
    writeFileSync(join(dir, "package.json"), '{ "type": "module" }\n');
    for (const file of result.files) {
      mkdirSync(dirname(join(dir, file.path)), { recursive: true });
      writeFileSync(join(dir, file.path), file.content);
    }
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("exports isX, validateX, assertX and XSchema for every declaration", () => {
    const modules = result.files.filter(
      (file) => file.path.startsWith("models/") && !file.path.endsWith("/index.ts"),
    );
    expect(modules.length).toBe(result.stats.modules);
    expect(modules.length).toBeGreaterThan(700);
    const missing: string[] = [];
    for (const module of modules) {
      const declared = /^export (?:interface|type|enum) (\S+?)\b/m.exec(module.content)?.[1] ?? "";
      const base = declared.charAt(0).toUpperCase() + declared.slice(1);
      for (const name of [
        `function is${base}(value: unknown): value is ${declared}`,
        `function validate${base}(value: unknown): ValidationResult<${declared}>`,
        `function assert${base}(value: unknown): asserts value is ${declared}`,
        `const ${declared}Schema: StandardSchemaV1<unknown, ${declared}>`,
      ])
        if (!flatten(module.content).includes(name)) missing.push(`${module.path}: ${name}`);
    }
    expect(missing).toEqual([]);
  });

  it("passes strict tsc", () => {
    const program = ts.createProgram(
      result.files.filter((file) => file.path.endsWith(".ts")).map((file) => join(dir, file.path)),
      {
        strict: true,
        exactOptionalPropertyTypes: true,
        noUncheckedIndexedAccess: true,
        noImplicitOverride: true,
        noFallthroughCasesInSwitch: true,
        verbatimModuleSyntax: true,
        isolatedModules: true,
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.NodeNext,
        moduleResolution: ts.ModuleResolutionKind.NodeNext,
        lib: ["lib.es2023.d.ts"],
        types: [],
        noEmit: true,
      },
    );
    const diagnostics = ts
      .getPreEmitDiagnostics(program)
      .slice(0, 5)
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    expect(diagnostics).toEqual([]);
  }, 180_000);
});
