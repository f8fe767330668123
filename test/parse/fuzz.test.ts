/**
 * Fuzzing with untrusted text (seeded, reproducible): `generate` never throws; it reports diagnostics or
 * writes modules that parse, hold only declarations, and pass strict tsc (a sample, one tsc program).
 * `npm run fuzz` runs 100,000 cases: DOCS2TS_FUZZ_RUNS and DOCS2TS_FUZZ_SEED override count and seed.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import ts from "typescript";
import { afterAll, describe, expect, it } from "vitest";
import { checkCase, pagesArbitrary } from "./fuzz-pages.js";

const RUNS = Number(process.env["DOCS2TS_FUZZ_RUNS"] ?? 1000);
const SEED = Number(process.env["DOCS2TS_FUZZ_SEED"] ?? 424242);
const TSC_SAMPLE = Number(process.env["DOCS2TS_FUZZ_TSC_SAMPLE"] ?? 25);

const base = mkdtempSync(join(tmpdir(), "docs2ts-fuzz-"));
// Generated code is ES modules; NodeNext needs to know the folder is ESM.
writeFileSync(join(base, "package.json"), '{ "type": "module" }\n');
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe("fuzz", () => {
  it(`${RUNS} random pages: never throws, output parses and holds only declarations`, async () => {
    if (RUNS > 1000) process.stderr.write(`fuzz: ${RUNS} cases, seed ${SEED}\n`);
    const sample: Array<ReadonlyArray<{ path: string; content: string }>> = [];
    let cases = 0;
    let written = 0;
    let laidOut = 0;
    await fc.assert(
      fc.asyncProperty(pagesArbitrary, async (pages) => {
        cases += 1;
        const outcome = await checkCase(pages);
        if (outcome.written) {
          written += 1;
          if (outcome.result.stats.laidOutModules > 0) laidOut += 1;
          if (sample.length < TSC_SAMPLE && written % 7 === 1) sample.push(outcome.result.files);
        }
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: false },
    );
    expect(cases).toBeGreaterThanOrEqual(RUNS);
    // Most cases must reach the emitters, or the fuzzer only exercises the error paths.
    expect(written).toBeGreaterThan(RUNS / 4);
    // And many must skip prettier, which checkCase compares with prettier's own output.
    process.stderr.write(`fuzz: ${written} written, ${laidOut} laid out without prettier\n`);
    expect(laidOut).toBeGreaterThan(RUNS / 10);

    // One strict tsc program over a sample of outputs, each in its own folder.
    const roots: string[] = [];
    for (const [index, files] of sample.entries()) {
      for (const file of files) {
        const path = join(base, `case${index}`, file.path);
        mkdirSync(join(path, ".."), { recursive: true });
        writeFileSync(path, file.content);
        if (file.path.endsWith(".ts")) roots.push(path);
      }
    }
    const program = ts.createProgram(roots, {
      strict: true,
      exactOptionalPropertyTypes: true,
      noUncheckedIndexedAccess: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      verbatimModuleSyntax: true,
      skipLibCheck: true,
      types: [],
      lib: ["lib.es2023.d.ts"],
    });
    const errors = ts.getPreEmitDiagnostics(program).map((d) => {
      const where = d.file
        ? `${d.file.fileName}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}`
        : "";
      return `${where} ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
    });
    expect(sample.length).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  }, 0);
});
