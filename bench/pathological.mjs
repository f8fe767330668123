// Pathological pages through the whole pipeline (dist/), each at 1x and 2x size: prints the time of
// each and the ratio, which should stay at or under about 2.2 (linear growth).
// Usage: npm run build && node bench/pathological.mjs [case-name-filter]
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { generate } from "../dist/pipeline/generate.js";

const header =
  "# Model\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n";
const row = (name, type, description = "x") =>
  `| \`${name}\` | ${type} | :heavy_check_mark: | ${description} |\n`;

/** name -> [page text for size n, n at 1x]. */
const CASES = {
  "list-markers (* x n)": [(n) => "* ".repeat(n), 8000],
  "blockquote (> x n)": [(n) => ">".repeat(n), 10000],
  "ordered-markers (1. x n)": [(n) => "1. ".repeat(n), 4000],
  "indented-lists (n levels)": [
    (n) => Array.from({ length: n }, (_, i) => `${" ".repeat(i * 2)}- x`).join("\n"),
    200,
  ],
  "nested-emphasis (n pairs)": [(n) => `${"*a ".repeat(n)}x${" a*".repeat(n)}\n`, 3000],
  "nested-brackets (n)": [(n) => `${"[".repeat(n)}x${"](a.md)".repeat(n)}\n`, 3000],
  "array-type-cell ([] x n)": [(n) => header + row("a", `${"[]".repeat(n)}*string*`), 2500],
  "map-type-cell (map[string] x n)": [
    (n) => header + row("a", `${"map[string]".repeat(n)}*string*`),
    900,
  ],
  "quotes-at-depth-60 (n lines)": [(n) => `${"> ".repeat(60)}text\n`.repeat(n), 2000],
  "lists-at-depth-30 (n lines)": [
    (n) => Array.from({ length: n }, (_, i) => `${" ".repeat((i % 30) * 2)}- item ${i}`).join("\n"),
    4000,
  ],
  "block-quotes (n separate)": [(n) => "> item\n\n".repeat(n), 8000],
  "block-quotes under the cap (n separate)": [(n) => "> item\n\n".repeat(n), 450],
  "flat-list (n items)": [(n) => "- item\n".repeat(n), 20000],
  "table-rows (n rows)": [
    (n) => header + Array.from({ length: n }, (_, i) => row(`f${i}`, "*string*")).join(""),
    1000,
  ],
  "long-cells (n rows of 15k chars)": [
    (n) =>
      header +
      Array.from({ length: n }, (_, i) => row(`f${i}`, "*string*", "y".repeat(15000))).join(""),
    20,
  ],
  "self-references (n fields)": [
    (n) => header + Array.from({ length: n }, (_, i) => row(`f${i}`, "[Model](model.md)")).join(""),
    500,
  ],
};

const filter = process.argv[2];
const root = mkdtempSync(join(tmpdir(), "docs2ts-pathological-"));

async function timeCase(text) {
  const input = join(root, "input");
  rmSync(input, { recursive: true, force: true });
  const { mkdirSync } = await import("node:fs");
  mkdirSync(input, { recursive: true });
  writeFileSync(join(input, "model.md"), text);
  const start = performance.now();
  const result = await generate({ input, out: join(root, "out"), cache: false });
  const ms = performance.now() - start;
  const rules = [
    ...new Set(result.diagnostics.filter((d) => d.severity !== "info").map((d) => d.ruleId)),
  ];
  return { ms, rules, bytes: Buffer.byteLength(text) };
}

try {
  await timeCase(header + row("warm", "*string*")); // load remark, ts-morph, prettier once
  let slowest = { name: "", ms: 0 };
  let largest = { name: "", bytes: 0, ms: 0 };
  for (const [name, [make, n]] of Object.entries(CASES)) {
    if (filter && !name.includes(filter)) continue;
    const one = await timeCase(make(n));
    const two = await timeCase(make(n * 2));
    const ratio = two.ms / Math.max(one.ms, 0.001);
    console.log(
      `${name.padEnd(36)} 1x ${String(one.bytes).padStart(8)} B ${one.ms.toFixed(1).padStart(8)} ms` +
        `   2x ${String(two.bytes).padStart(8)} B ${two.ms.toFixed(1).padStart(8)} ms   ratio ${ratio.toFixed(2)}` +
        `   ${two.rules.join(",") || "ok"}`,
    );
    for (const r of [one, two]) {
      if (r.ms > slowest.ms) slowest = { name, ms: r.ms };
      if (r.bytes > largest.bytes) largest = { name, bytes: r.bytes, ms: r.ms };
    }
  }
  console.log(`slowest: ${slowest.name} ${slowest.ms.toFixed(1)} ms`);
  console.log(`largest: ${largest.name} ${largest.bytes} B in ${largest.ms.toFixed(1)} ms`);
} finally {
  rmSync(root, { recursive: true, force: true });
}
