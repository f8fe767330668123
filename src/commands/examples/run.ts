/**
 * `docs2ts examples`: generates the TypeScript for the docs folder as `generate` does (the config's
 * options, validators on), loads it (transpiled to a temporary folder), evaluates each page's
 * `## Example Usage` value (literals only, see literal.ts) and runs it through the validator generate
 * wrote for the page's declaration, under the name the run gave it (a name changed to avoid a clash
 * included). The pages, plan and names come from the run's model: nothing is read or planned twice.
 * Returns findings; prints nothing.
 */
import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { ts } from "ts-morph";
import { runPipeline } from "../../pipeline/generate.js";
import type { GenerateOptions } from "../../core/options.js";
import { pageExample } from "./extract.js";

/** One example that could not be checked, or failed its validator. */
export interface ExampleFinding {
  file: string;
  line: number;
  kind: "not-a-literal" | "no-validator" | "invalid";
  message: string;
  /** Validator issues (for `invalid`), as `path: message`. */
  issues?: string[];
}

/** What `runExamples` found. */
export interface ExamplesReport {
  /** Pages with an example value. */
  examples: number;
  /** Examples that passed their validator. */
  passed: number;
  findings: ExampleFinding[];
}

type Validate = (value: unknown) => { success: true } | { success: false; issues: unknown[] };

function issueText(issue: unknown): string {
  if (issue && typeof issue === "object") {
    const { path, message } = issue as { path?: unknown; message?: unknown };
    const where = Array.isArray(path) && path.length > 0 ? `${path.join(".")}: ` : "";
    return `${where}${typeof message === "string" ? message : JSON.stringify(issue)}`;
  }
  return String(issue);
}

/** Writes the generated modules as JavaScript to a temporary folder (the caller removes it). */
async function loadableOutput(
  files: readonly { path: string; content: string }[],
): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "docs2ts-examples-"));
  await writeFile(join(dir, "package.json"), '{ "type": "module" }\n');
  for (const file of files) {
    if (!file.path.endsWith(".ts")) continue;
    const js = ts.transpileModule(file.content, {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
      fileName: file.path,
    }).outputText;
    const target = join(dir, file.path.replace(/\.ts$/, ".js"));
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, js);
  }
  return dir;
}

/** Runs every example value of the docs folder through the generated validators. */
export async function runExamples(options: GenerateOptions = {}): Promise<ExamplesReport> {
  const result = await runPipeline({ ...options, validators: true }, {}, {});
  const { pages, plan, names } = result.model;
  const texts = new Map(pages.map((page) => [page.file, page.text]));
  const dir = await loadableOutput(result.files);
  const report: ExamplesReport = { examples: 0, passed: 0, findings: [] };
  try {
    for (const module of plan.modules) {
      const file = module.decl.origin.file;
      const example = pageExample(texts.get(file) ?? "", { dates: result.options.dates });
      if (!example) continue;
      report.examples += 1;
      if (!example.value.ok) {
        report.findings.push({
          file,
          line: example.value.line,
          kind: "not-a-literal",
          message: example.value.reason,
        });
        continue;
      }
      const exports = (await import(
        pathToFileURL(join(dir, module.path.replace(/\.ts$/, ".js"))).href
      )) as Record<string, unknown>;
      const name = names.get(module.decl.id)?.validate ?? "";
      const validate = exports[name] as Validate | undefined;
      if (typeof validate !== "function") {
        report.findings.push({
          file,
          line: example.line,
          kind: "no-validator",
          message: `Unexpected module without \`${name}\`, expected generated validators`,
        });
        continue;
      }
      const outcome = validate(example.value.value);
      if (outcome.success) report.passed += 1;
      else
        report.findings.push({
          file,
          line: example.line,
          kind: "invalid",
          message: `Unexpected example value rejected by \`${name}\`, expected the documented example to be valid`,
          issues: outcome.issues.map(issueText),
        });
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return report;
}
