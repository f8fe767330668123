// `docs2ts diff` against one `generate` of the same folder: the Dub folder (Speakeasy Go) committed
// twice in a temporary repository, the second time with one page in ten edited (a description, and in
// one page in thirty a field's type), then `diff --base v1 --head v2` (both read
// from git objects) and a cold `generate` of the folder, alternately. Target: diff within 2x of generate.
//
// Usage: node bench/diff.mjs [--runs N] (run.mjs runs it last, with its own rounds).
import { execFileSync, spawnSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../", import.meta.url));
const args = process.argv.slice(2);
const at = args.indexOf("--runs");
const RUNS = at >= 0 ? Number(args[at + 1]) : 3;
const cli = join(root, "dist/cli.js");
const corpus = join(root, "../shared/corpus/speakeasy-go-dub");
const TARGET = 2;
if (!existsSync(cli)) throw new Error("dist/cli.js is missing: run `npm run build` first");
if (!existsSync(corpus)) throw new Error(`corpus ${corpus} not found`);

const work = mkdtempSync(join(tmpdir(), "docs2ts-bench-diff-"));
const git = (...gitArgs) =>
  execFileSync("git", ["-c", "user.name=bench", "-c", "user.email=bench@localhost", ...gitArgs], {
    cwd: work,
    stdio: "ignore",
  });
const docs = join(work, "docs");
cpSync(corpus, docs, { recursive: true });
git("init", "--quiet");
git("add", "docs");
git("commit", "--quiet", "-m", "v1");
git("tag", "v1");
const pages = readdirSync(docs, { recursive: true })
  .filter((path) => path.endsWith(".md"))
  .sort();
pages.forEach((page, index) => {
  const file = join(docs, page);
  if (index % 10 !== 0) return;
  let text = readFileSync(file, "utf8").replace("N/A", "Changed in v2.");
  if (index % 30 === 0) text = text.replace("`*string`", "`*int64`");
  writeFileSync(file, text);
});
git("add", "-A", "docs");
git("commit", "--quiet", "-m", "v2");
git("tag", "v2");

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
/** Wall milliseconds of one process, and its output. */
function timed(commandArgs, okStatus = 0) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, commandArgs, {
    cwd: work,
    encoding: "utf8",
    env: { ...process.env, CI: "1" },
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== okStatus)
    throw new Error(`${commandArgs.join(" ")} exited ${result.status}:\n${result.stderr}`);
  return { ms, stdout: result.stdout };
}

const generate = [];
const diff = [];
let changes = 0;
for (let round = 0; round < RUNS; round += 1) {
  generate.push(
    timed([cli, "generate", "--input", "docs", "--out", `out-${round}`, "--no-cache", "--quiet"])
      .ms,
  );
  const run = timed([
    cli,
    "diff",
    "--base",
    "v1",
    "--head",
    "v2",
    "--input",
    "docs",
    "--format",
    "json",
  ]);
  diff.push(run.ms);
  changes = JSON.parse(run.stdout).changes.length;
}
rmSync(work, { recursive: true, force: true });

const fmt = (ms) => `${(ms / 1000).toFixed(2)} s`;
const ratio = median(diff) / median(generate);
console.log(
  `\ndiff of two versions of the Dub folder (${pages.length} pages, ${changes} changes; git revisions) against one cold generate, median of ${RUNS} alternating rounds:\n`,
);
console.log("| docs2ts diff v1 v2 | docs2ts generate (cold) | ratio (target <= 2x) |");
console.log("| --- | --- | --- |");
console.log(
  `| ${fmt(median(diff))} (${diff.map((ms) => Math.round(ms)).join(", ")} ms) | ${fmt(median(generate))} (${generate.map((ms) => Math.round(ms)).join(", ")} ms) | ${ratio.toFixed(2)}x, ${ratio <= TARGET ? "met" : "not met"} |`,
);
