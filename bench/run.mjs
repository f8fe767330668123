// Whole-run benchmark, in one run: docs2ts against openapi-typescript on the same API, for two APIs.
//
//   OpenAI: docs2ts on the Speakeasy Go folder; openapi-typescript on a stand-in spec (the OpenAI spec
//           is not available offline): an OpenAPI 3.1 document assembled from docs2ts's own JSON Schema
//           output for the folder, every model as a component schema (models only, no paths).
//   Ory:    docs2ts on the OpenAPI Generator Go folder; openapi-typescript on the real spec those docs
//           were generated from (../shared/specs/ory-client-v1.22.63.json, paths included).
//
// Each round runs every command once, alternating tools and APIs, so that a busy machine slows both
// sides alike; the table shows medians (whole processes, peak RSS from /usr/bin/time). openapi-typescript
// has no cache: its one time is the baseline of both docs2ts's cold and unchanged runs. Then the stage
// times of a cold run (in-process), and growth: the OpenAI pages copied under ten folders, cold.
// Families of docs no SDK generator wrote (a jsonschema2md folder, one widdershins page) run cold in
// the same rounds, in ms per MB of page text beside the OpenAI folder's, with their peak RSS.
//
// Usage: npm run bench (builds first), or node bench/run.mjs [--runs N] [--quick]
//   --quick: 3 rounds, one stage run per API, one growth run (default: 5 rounds, 3 and 3).
// Last, bench/diff.mjs: diff of two versions of the Dub folder against one generate of it.
import { spawnSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, posix } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../", import.meta.url));
const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const index = args.indexOf(name);
  return index >= 0 && args[index + 1] !== undefined ? args[index + 1] : fallback;
};
const QUICK = args.includes("--quick");
const RUNS = Number(flag("--runs", QUICK ? "3" : "5"));
const STAGE_RUNS = QUICK ? 1 : 3;
const GROWTH_RUNS = QUICK ? 1 : 3;
const shared = join(root, "../shared");
const cli = join(root, "dist/cli.js");
const openapiCli = join(root, "node_modules/openapi-typescript/bin/cli.js");
const TIME = "/usr/bin/time";
const hasTime = existsSync(TIME);
const work = mkdtempSync(join(tmpdir(), "docs2ts-bench-"));

const TARGETS = {
  cold: [1.6, 1.0],
  unchanged: [0.3, 0.1],
  memoryMb: 300,
  growthRatio: 10.5,
  growthMemoryMb: 1024,
  familyMemoryMb: 500,
};

if (!existsSync(cli)) throw new Error("dist/cli.js is missing: run `npm run build` first");
if (!existsSync(openapiCli)) throw new Error("openapi-typescript is missing: run `npm ci` first");

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/**
 * Runs a command, returning wall milliseconds and, when /usr/bin/time exists, peak RSS in MB and CPU
 * milliseconds (user + system: steadier than wall time when other processes share the cores).
 */
function timed(command, commandArgs) {
  const [file, fileArgs] = hasTime
    ? [TIME, ["-f", "%M %U %S", command, ...commandArgs]]
    : [command, commandArgs];
  const start = process.hrtime.bigint();
  const result = spawnSync(file, fileArgs, {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, CI: "1" },
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0)
    throw new Error(`${command} ${commandArgs.join(" ")} failed:\n${result.stderr}`);
  const [rssKb, user, system] = (result.stderr.trim().split("\n").at(-1) ?? "").split(" ");
  const rssMb = hasTime ? Number(rssKb) / 1024 : NaN;
  const cpuMs = hasTime ? (Number(user) + Number(system)) * 1000 : NaN;
  return { ms, rssMb, cpuMs };
}

/** A series of samples of one command, summarised as the median time and the highest peak RSS. */
class Series {
  constructor(label) {
    this.label = label;
    this.samples = [];
  }
  add(sample) {
    this.samples.push(sample);
  }
  get ms() {
    return median(this.samples.map((s) => s.ms));
  }
  get cpuMs() {
    return median(this.samples.map((s) => s.cpuMs));
  }
  get rssMb() {
    return Math.max(...this.samples.map((s) => s.rssMb));
  }
  report() {
    process.stderr.write(
      `  ${this.label}: ${this.samples.map((s) => Math.round(s.ms)).join(", ")} ms (CPU ${this.samples.map((s) => Math.round(s.cpuMs)).join(", ")} ms; peak RSS ${this.samples.map((s) => Math.round(s.rssMb)).join(", ")} MB)\n`,
    );
  }
}

/** The stand-in spec for the OpenAI folder: docs2ts's JSON Schemas as OpenAPI 3.1 components. */
async function standInSpec(corpus) {
  const { generate } = await import(join(root, "dist/index.js"));
  const result = await generate({
    input: corpus,
    cache: false,
    jsonSchema: true,
    validators: false,
  });
  const schemas = result.files.filter((f) => f.path.endsWith(".schema.json"));
  const componentName = (path) =>
    path.replace(/\.schema\.json$/, "").replace(/[^A-Za-z0-9]+/g, "_");
  const components = {};
  for (const file of schemas) {
    const here = dirname(file.path);
    const rewrite = (node) => {
      if (Array.isArray(node)) return node.map(rewrite);
      if (node === null || typeof node !== "object") return node;
      const out = {};
      for (const [key, value] of Object.entries(node)) {
        if (key === "$ref" && typeof value === "string" && !value.startsWith("#")) {
          out.$ref = `#/components/schemas/${componentName(posix.normalize(posix.join(here, value)))}`;
        } else if (key !== "$schema" && key !== "$id" && key !== "$comment")
          out[key] = rewrite(value);
      }
      return out;
    };
    components[componentName(file.path)] = rewrite(JSON.parse(file.content));
  }
  const spec = join(work, "openai-stand-in.json");
  writeFileSync(
    spec,
    JSON.stringify({
      openapi: "3.1.0",
      info: { title: "bench", version: "1" },
      paths: {},
      components: { schemas: components },
    }),
  );
  return spec;
}

const pairs = [
  {
    name: "OpenAI",
    corpus: join(shared, "corpus/speakeasy-go-openai"),
    spec: undefined,
    specLabel: "stand-in spec (models only)",
  },
  {
    name: "Ory",
    corpus: join(shared, "corpus/openapi-generator-ory-go"),
    spec: join(shared, "specs/ory-client-v1.22.63.json"),
    specLabel: "ory-client-v1.22.63.json",
  },
];
for (const pair of pairs) {
  if (!existsSync(pair.corpus)) throw new Error(`corpus ${pair.corpus} not found`);
  pair.spec ??= await standInSpec(pair.corpus);
  if (!existsSync(pair.spec)) throw new Error(`spec ${pair.spec} not found`);
  pair.cold = new Series(`${pair.name} docs2ts cold`);
  pair.unchanged = new Series(`${pair.name} docs2ts unchanged`);
  pair.baseline = new Series(`${pair.name} openapi-typescript`);
  // Unchanged: a warm cache (its own folder) and an output folder that already matches.
  pair.config = join(work, `${pair.name}.config.json`);
  writeFileSync(
    pair.config,
    JSON.stringify({
      input: pair.corpus,
      out: join(work, `${pair.name}-warm`),
      cacheDir: join(work, `${pair.name}-cache`),
    }),
  );
  timed(process.execPath, [cli, "generate", "--config", pair.config, "--quiet"]);
}

// Families of docs that no SDK generator wrote, cold: their size is the bytes of their pages.
const PAGE_EXTENSIONS = /\.(md|mdx|markdown)$/i;
function pageBytes(folder) {
  let bytes = 0;
  let pages = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !PAGE_EXTENSIONS.test(entry.name)) continue;
    bytes += statSync(join(entry.parentPath ?? entry.path, entry.name)).size;
    pages += 1;
  }
  return { bytes, pages };
}
const families = [
  { name: "jsonschema2md (Ory, a folder)", corpus: join(shared, "families/jsonschema2md-ory") },
  { name: "widdershins (Ory, one page)", corpus: join(shared, "families/widdershins-ory") },
];
for (const family of families) {
  if (!existsSync(family.corpus)) throw new Error(`corpus ${family.corpus} not found`);
  Object.assign(family, pageBytes(family.corpus));
  family.cold = new Series(`${family.name} docs2ts cold`);
}

// Cold runs write to a new output folder each time (deleting the previous one right before a run
// would bill the file system's discard work to the next run's writes).
let coldRun = 0;
const coldArgs = (input) => [
  cli,
  "generate",
  "--input",
  input,
  "--out",
  join(work, `cold-${coldRun++}`),
  "--no-cache",
  "--quiet",
];
for (let round = 0; round < RUNS; round += 1)
  for (const pair of pairs) {
    pair.cold.add(timed(process.execPath, coldArgs(pair.corpus)));
    pair.baseline.add(
      timed(process.execPath, [openapiCli, pair.spec, "--output", join(work, `${pair.name}.ts`)]),
    );
    pair.unchanged.add(
      timed(process.execPath, [cli, "generate", "--config", pair.config, "--quiet"]),
    );
    // After each API's runs, one family's: every round alternates them with the rest.
    const family = families[pairs.indexOf(pair)];
    if (family) family.cold.add(timed(process.execPath, coldArgs(family.corpus)));
  }
for (const pair of pairs) for (const key of ["cold", "unchanged", "baseline"]) pair[key].report();
for (const family of families) family.cold.report();

// Stage times of cold runs, each in a fresh process.
const stageScript = join(work, "stages.mjs");
writeFileSync(
  stageScript,
  `import { generate } from ${JSON.stringify(join(root, "dist/index.js"))};
const start = performance.now();
const result = await generate({ input: process.argv[2], cache: false });
console.log(JSON.stringify({ ...result.timings, total: performance.now() - start, pages: result.stats.pages, modules: result.stats.modules, laidOut: result.stats.laidOutModules }));`,
);
const STAGES = ["read", "parse", "model", "emit", "format", "total"];
for (const pair of pairs) {
  const runs = [];
  for (let i = 0; i < STAGE_RUNS; i += 1) {
    const result = spawnSync(process.execPath, [stageScript, pair.corpus], { encoding: "utf8" });
    if (result.status !== 0) throw new Error(result.stderr);
    runs.push(JSON.parse(result.stdout));
  }
  pair.stages = Object.fromEntries(STAGES.map((k) => [k, median(runs.map((r) => r[k]))]));
  pair.counts = runs[0];
}

// Growth: the OpenAI pages under ten folders, against the same pages once (alternately, cold).
const openai = pairs[0];
const grown = join(work, "grown");
for (let i = 0; i < 10; i += 1) {
  mkdirSync(join(grown, `copy${i}`), { recursive: true });
  cpSync(openai.corpus, join(grown, `copy${i}`), { recursive: true });
}
const growth = new Series("OpenAI x10 docs2ts cold");
const single = new Series("OpenAI x1 docs2ts cold (growth baseline)");
for (let i = 0; i < GROWTH_RUNS; i += 1) {
  single.add(timed(process.execPath, coldArgs(openai.corpus)));
  growth.add(timed(process.execPath, coldArgs(grown)));
}
single.report();
growth.report();

rmSync(work, { recursive: true, force: true });

const fmt = (ms) => `${(ms / 1000).toFixed(2)} s`;
const mb = (value) => (Number.isNaN(value) ? "n/a" : `${Math.round(value)} MB`);
const ratio = (a, b) => `${(a / b).toFixed(2)}x`;
const verdict = (value, [first, then]) =>
  value <= then
    ? `met (<= ${then}x)`
    : value <= first
      ? `<= ${first}x met, ${then}x not`
      : "not met";

console.log(
  `\nWhole processes, median of ${RUNS} alternating rounds (${hasTime ? "peak RSS from /usr/bin/time" : "no /usr/bin/time: RSS n/a"}):\n`,
);
console.log(
  "| API | docs2ts cold | docs2ts unchanged | openapi-typescript | cold ratio (target 1.6x, then 1.0x) | unchanged ratio (target 0.3x, then 0.1x) | docs2ts peak RSS (target < 300 MB) |",
);
console.log("| --- | --- | --- | --- | --- | --- | --- |");
for (const pair of pairs) {
  const cold = pair.cold.ms / pair.baseline.ms;
  const unchanged = pair.unchanged.ms / pair.baseline.ms;
  const peak = Math.max(pair.cold.rssMb, pair.unchanged.rssMb);
  console.log(
    `| ${pair.name} (${pair.counts.pages} pages, ${pair.counts.modules} modules; ${pair.specLabel}) | ${fmt(pair.cold.ms)} (${mb(pair.cold.rssMb)}) | ${fmt(pair.unchanged.ms)} (${mb(pair.unchanged.rssMb)}) | ${fmt(pair.baseline.ms)} (${mb(pair.baseline.rssMb)}) | ${ratio(pair.cold.ms, pair.baseline.ms)} ${verdict(cold, TARGETS.cold)} | ${ratio(pair.unchanged.ms, pair.baseline.ms)} ${verdict(unchanged, TARGETS.unchanged)} | ${mb(peak)} ${peak < TARGETS.memoryMb ? "met" : "not met"} |`,
  );
}

console.log(
  "\nThe same in CPU time (user + system, median), which other processes on the machine disturb less:\n",
);
console.log(
  "| API | docs2ts cold | docs2ts unchanged | openapi-typescript | cold ratio | unchanged ratio |",
);
console.log("| --- | --- | --- | --- | --- | --- |");
for (const pair of pairs)
  console.log(
    `| ${pair.name} | ${fmt(pair.cold.cpuMs)} | ${fmt(pair.unchanged.cpuMs)} | ${fmt(pair.baseline.cpuMs)} | ${ratio(pair.cold.cpuMs, pair.baseline.cpuMs)} | ${ratio(pair.unchanged.cpuMs, pair.baseline.cpuMs)} |`,
  );

console.log(`\nStage times of a cold run (in-process, median of ${STAGE_RUNS}):\n`);
console.log(`| stage | ${pairs.map((p) => p.name).join(" | ")} |`);
console.log(`| --- | ${pairs.map(() => "---").join(" | ")} |`);
for (const stage of STAGES)
  console.log(
    `| ${stage} | ${pairs.map((p) => `${Math.round(p.stages[stage])} ms`).join(" | ")} |`,
  );

// What remark alone costs: the parse stage (the sections a model is read from, nothing else) against
// openapi-typescript's whole run. A cold run cannot be faster than this ratio while remark parses the
// field tables.
console.log(
  `\nThe parse stage alone against openapi-typescript's whole run: ${pairs.map((p) => `${p.name} ${ratio(p.stages.parse, p.baseline.ms)}`).join(", ")}.`,
);

// ms per MB of page text (MB = 2^20 bytes), against the OpenAI folder's cold runs of the same rounds.
const openaiSize = pageBytes(openai.corpus);
const perMb = (ms, bytes) => ms / (bytes / 2 ** 20);
const baselinePerMb = perMb(openai.cold.ms, openaiSize.bytes);
const baselineCpuPerMb = perMb(openai.cold.cpuMs, openaiSize.bytes);
console.log(
  `\nFamilies of docs, cold (median of ${RUNS} rounds, alternating with the runs above), per MB of page text against the OpenAI folder's cold run:\n`,
);
console.log(
  `| docs | pages | MB | docs2ts cold | ms per MB | CPU ms per MB | against OpenAI (ms, CPU) | peak RSS (target < ${TARGETS.familyMemoryMb} MB) | RSS / ${TARGETS.familyMemoryMb} MB |`,
);
console.log("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
for (const row of [
  { name: "OpenAI (Speakeasy Go, baseline)", ...openaiSize, cold: openai.cold },
  ...families,
]) {
  const ms = perMb(row.cold.ms, row.bytes);
  const cpu = perMb(row.cold.cpuMs, row.bytes);
  const rss = row.cold.rssMb;
  console.log(
    `| ${row.name} | ${row.pages} | ${(row.bytes / 2 ** 20).toFixed(2)} | ${fmt(row.cold.ms)} | ${Math.round(ms)} | ${Math.round(cpu)} | ${ratio(ms, baselinePerMb)}, ${ratio(cpu, baselineCpuPerMb)} | ${mb(rss)} ${rss < TARGETS.familyMemoryMb ? "met" : "not met"} | ${ratio(rss, TARGETS.familyMemoryMb)} |`,
  );
}

const growthRatio = growth.ms / single.ms;
const growthCpuRatio = growth.cpuMs / single.cpuMs;
console.log(
  `\nGrowth (median of ${GROWTH_RUNS}, alternating): the OpenAI pages under ten folders ${fmt(growth.ms)} (${mb(growth.rssMb)}) against once ${fmt(single.ms)}: ${growthRatio.toFixed(2)}x, ${growthCpuRatio.toFixed(2)}x in CPU time (target <= ${TARGETS.growthRatio}x: ${growthRatio <= TARGETS.growthRatio ? "met" : "not met"}); memory ${growth.rssMb < TARGETS.growthMemoryMb ? "met" : "not met"} (target < 1 GB).`,
);
console.log(
  `\nModules laid out by docs2ts, not prettier: ${pairs.map((p) => `${p.name} ${p.counts.laidOut} of ${p.counts.modules}`).join(", ")}.`,
);

// diff against generate on the Dub folder (bench/diff.mjs, which also runs alone).
const diffBench = spawnSync(
  process.execPath,
  [join(root, "bench/diff.mjs"), "--runs", String(QUICK ? 1 : 3)],
  { cwd: root, stdio: "inherit" },
);
if (diffBench.status !== 0) throw new Error("bench/diff.mjs failed");
