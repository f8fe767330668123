/**
 * The programmatic entry points beyond `generate`: writing the output and checking it is current.
 */
import type { Diagnostic } from "../core/diagnostics.js";
import { generate, type GenerateResult } from "./generate.js";
import { resolveOptions, type GenerateOptions } from "../core/options.js";
import { recoverOutput } from "../write/atomic.js";
import type { GenerateHooks } from "./progress.js";
import { unifiedDiff } from "../write/diff.js";
import { staleOutputDiagnostics } from "../write/stale.js";
import {
  compareOutput,
  isUpToDate,
  readGeneratedFiles,
  replaceOutput,
  type OutputChanges,
} from "../write/output.js";

/** The outcome of a `write` or `check` run. */
export interface RunResult extends GenerateResult {
  /** How the output folder differed before the run. */
  changes: OutputChanges;
  /** True when error diagnostics stopped the run (nothing was written). */
  failed: boolean;
}

/** Generates and, when there are no errors, brings the output folder up to date. */
export async function writeOutput(
  options: GenerateOptions = {},
  hooks: GenerateHooks = {},
): Promise<RunResult> {
  // A killed earlier run may have left the output mid-swap: finish or undo that before reading it.
  await recoverOutput(resolveOptions(options).out);
  const result = await generate(options, hooks);
  const existing = await readGeneratedFiles(result.options.out);
  const changes = compareOutput(existing, result.files);
  const failed = result.diagnostics.some((d) => d.severity === "error");
  // Nothing is written until the whole run succeeded, and an unchanged run writes nothing.
  if (!failed && !isUpToDate(changes))
    await replaceOutput(result.options.out, result.files, existing);
  return { ...result, changes, failed };
}

/** The result of `check`: whether the output folder is current, with diffs of what is stale. */
export interface CheckResult extends RunResult {
  upToDate: boolean;
  /** A short unified diff per stale file. */
  diffs: string[];
  /**
   * One `stale-output` error per stale file, in the order of `diffs`: `file` is the output folder
   * joined with the file's path, at the line and column where the file first differs. Empty when
   * the run failed (`failed`): the docs' errors come first.
   */
  stale: Diagnostic[];
}

/** Generates in memory and compares with the output folder; writes nothing. */
export async function check(
  options: GenerateOptions = {},
  hooks: GenerateHooks = {},
): Promise<CheckResult> {
  const result = await generate(options, hooks);
  const changes = compareOutput(await readGeneratedFiles(result.options.out), result.files);
  const failed = result.diagnostics.some((d) => d.severity === "error");
  const diffs = [
    ...changes.added.map((file) => unifiedDiff(file.path, "", file.content)),
    ...changes.changed.map((file) => unifiedDiff(file.path, file.previous, file.content)),
    ...changes.removed.map((file) => unifiedDiff(file.path, file.content, "")),
  ];
  const stale = failed
    ? []
    : staleOutputDiagnostics(result.options.out, changes, result.options.regenerateCommand);
  return { ...result, changes, failed, upToDate: isUpToDate(changes), diffs, stale };
}
