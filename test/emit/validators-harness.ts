/**
 * Test support for validators: generate a docs folder in memory, write it to a temporary folder,
 * transpile every module to JavaScript with `ts.transpileModule`, and import the result.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import ts from "typescript";
import { generate, type GenerateResult } from "../../src/pipeline/generate.js";
import type { GenerateOptions } from "../../src/core/options.js";

/** The seed docs of the project. */
export const SEED_INPUT = fileURLToPath(new URL("../../input", import.meta.url));

/** The main real corpus. */
export const GO_CORPUS = fileURLToPath(
  new URL("../../../shared/corpus/speakeasy-go-openai", import.meta.url),
);

/** A generated and compiled output folder. */
export interface CompiledOutput {
  /** The folder holding the `.ts` files and their `.js` transpilations. */
  dir: string;
  result: GenerateResult;
  /** Imports a module by its output path (`models/components/batch.ts`). */
  load<T = Record<string, unknown>>(path: string): Promise<T>;
  /** Removes the folder. */
  remove(): void;
}

/** Generates `options.input` into a temporary folder and transpiles it to importable JavaScript. */
export async function compileOutput(options: GenerateOptions): Promise<CompiledOutput> {
  const dir = mkdtempSync(join(tmpdir(), "docs2ts-validators-"));
  const result = await generate({ ...options, out: dir, cache: false });
  const errors = result.diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) throw new Error(`generation failed: ${JSON.stringify(errors[0])}`);
  for (const file of result.files) {
    const target = join(dir, file.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, file.content);
    if (!file.path.endsWith(".ts")) continue;
    const js = ts.transpileModule(file.content, {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
      fileName: file.path,
    }).outputText;
    writeFileSync(target.replace(/\.ts$/, ".js"), js);
  }
  return {
    dir,
    result,
    load: async <T>(path: string) =>
      (await import(pathToFileURL(join(dir, path.replace(/\.ts$/, ".js"))).href)) as T,
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** An issue as the runtime reports it. */
export interface Issue {
  path: (string | number)[];
  expected: string;
  received: string;
  message: string;
}

/** The validators of one declaration, loaded from generated JavaScript. */
export interface Validators {
  is(value: unknown): boolean;
  validate(value: unknown): { success: true; value: unknown } | { success: false; issues: Issue[] };
  assert(value: unknown): void;
  schema: {
    "~standard": {
      version: number;
      vendor: string;
      validate(value: unknown): { value?: unknown; issues?: readonly Issue[] };
    };
  };
}

/** Picks `isX`, `validateX`, `assertX`, `XSchema` out of a loaded module. */
export function validatorsOf(module: Record<string, unknown>, name: string): Validators {
  const pick = (key: string) => {
    const value = module[key];
    if (value === undefined) throw new Error(`module has no export ${key}`);
    return value;
  };
  return {
    is: pick(`is${name}`) as Validators["is"],
    validate: pick(`validate${name}`) as Validators["validate"],
    assert: pick(`assert${name}`) as Validators["assert"],
    schema: pick(`${name}Schema`) as Validators["schema"],
  };
}
