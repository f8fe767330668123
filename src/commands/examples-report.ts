/**
 * The `examples` and `report` commands: each reads the config as generate does (looked up to the
 * package root, `--project`, flags on top), refuses a docs folder that is not there with one line and
 * exit 2, and prints its findings.
 */
import { describeFileError, folderProblem, loadProjects, type CliFlags } from "./cli-run.js";
import type { ProjectConfig } from "../pipeline/config.js";
import { DEFAULT_OUT } from "../core/options.js";
import { say } from "./print-run.js";

/** Why `input` cannot be read as a docs folder, printed; true when it cannot. */
async function refuseFolder(input: string, setting: string): Promise<boolean> {
  const problem = await folderProblem(
    input,
    "the docs folder",
    "a folder of Markdown pages",
    setting,
  );
  if (problem !== undefined) say(`docs2ts: ${problem}`);
  return problem !== undefined;
}

/** A file error met while running: one line, exit 2; anything else is a bug and is rethrown. */
function fileErrorCode(error: unknown): number {
  const err = error as NodeJS.ErrnoException;
  if (typeof err?.code !== "string" || err.code.startsWith("ERR_")) throw error;
  say(`docs2ts: ${describeFileError(err)}`);
  return 2;
}

const inputSetting = (source: string | undefined) =>
  `--input <dir> or "input" in ${source ?? "docs2ts.config.json"}`;

/** `docs2ts examples`: every project's example values through its generated validators. */
export async function runExamplesCommand(flags: CliFlags): Promise<number> {
  const loaded = await loadProjects(flags);
  if ("code" in loaded) return loaded.code;
  const { runExamples } = await import("./examples/run.js");
  let code = 0;
  for (const project of loaded.projects) {
    if (await refuseFolder(project.input ?? "input", inputSetting(loaded.source))) return 2;
    if (loaded.projects.length > 1) say(`${project.name ?? project.out ?? DEFAULT_OUT}:`);
    let found;
    try {
      found = await runExamples({ ...project, cache: false });
    } catch (error) {
      return fileErrorCode(error);
    }
    for (const finding of found.findings) {
      say(`${finding.file}:${finding.line}: ${finding.kind}: ${finding.message}`);
      for (const issue of finding.issues ?? []) say(`    ${issue}`);
    }
    say(
      found.examples === 0
        ? "No page has an `## Example Usage` value (`let value: X = {...};`, as Speakeasy's TypeScript docs write on model pages): nothing was checked."
        : `${found.passed} of ${found.examples} example values passed their validators.`,
    );
    if (found.findings.length > 0) code = 1;
  }
  return code;
}

/**
 * `docs2ts report [folders...]`: the named folders, read with the config's options (the options of
 * the project that reads that folder, else of the first project), or else every project's folder.
 */
export async function runReportCommand(folders: string[], flags: CliFlags): Promise<number> {
  const loaded = await loadProjects(flags);
  if ("code" in loaded) return loaded.code;
  const { projects, source } = loaded;
  const first = projects[0] as ProjectConfig;
  const runs: ProjectConfig[] =
    folders.length === 0
      ? projects
      : folders.map((input) => ({
          ...(projects.find((project) => project.input === input) ?? first),
          input,
        }));
  for (const project of runs)
    if (
      await refuseFolder(
        project.input ?? "input",
        folders.length > 0 ? "the folders to report on as arguments" : inputSetting(source),
      )
    )
      return 2;
  const { formatReports, reportFolder } = await import("./report.js");
  const reports = [];
  try {
    for (const project of runs) reports.push(await reportFolder(project));
  } catch (error) {
    return fileErrorCode(error);
  }
  process.stdout.write(formatReports(reports, { verbose: flags.verbose === true }));
  // A folder generate would fail on fails the report too, as a CI job over the folders expects.
  return reports.some((r) => r.failed !== undefined) ? 1 : 0;
}
