/**
 * Fuzzing MDX pages and front matter (seeded, reproducible): `generate` never throws, nothing runs or
 * is printed, and what it writes parses and holds only declarations. DOCS2TS_FUZZ_MDX_RUNS and
 * DOCS2TS_FUZZ_SEED override count and seed.
 */
import fc from "fast-check";
import { afterEach, describe, expect, it, vi } from "vitest";
import { mdxPagesArbitrary } from "./fuzz-mdx-pages.js";
import { checkCase } from "./fuzz-pages.js";

const RUNS = Number(process.env["DOCS2TS_FUZZ_MDX_RUNS"] ?? 100);
const SEED = Number(process.env["DOCS2TS_FUZZ_SEED"] ?? 424242);

afterEach(() => vi.restoreAllMocks());

describe("fuzz: MDX and front matter", () => {
  it(`${RUNS} random MDX pages: never throws, runs nothing, output parses`, async () => {
    const warn = vi.spyOn(process, "emitWarning");
    const exit = vi.spyOn(process, "exit").mockImplementation(() => undefined as never);
    let written = 0;
    let models = 0;
    await fc.assert(
      fc.asyncProperty(mdxPagesArbitrary, async (pages) => {
        const outcome = await checkCase(pages, ".mdx");
        if (outcome.written) written += 1;
        models += outcome.result.files.filter((f) => /\binterface \w+ \{/.test(f.content)).length;
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: false },
    );
    expect(warn).not.toHaveBeenCalled();
    expect(exit).not.toHaveBeenCalled();
    expect((globalThis as { docs2tsRan?: unknown }).docs2tsRan).toBeUndefined();
    // Most cases must reach the emitters with models read, or only the error paths are exercised.
    expect(written).toBeGreaterThan(RUNS / 2);
    expect(models).toBeGreaterThan(RUNS / 2);
  }, 0);
});
