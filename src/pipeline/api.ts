/**
 * The programmatic entry points beyond `generate`: writing the output and checking it is current.
 */
import { performance } from "node:perf_hooks";
import type { Diagnostic } from "../core/diagnostics.js";
import type { GenerateResult } from "./generate.js";
import { resolveOptions, type GenerateOptions, type ResolvedOptions } from "../core/options.js";
import { byCodePoint } from "../core/text.js";
import { nodePageFileSystem, readPages, scanPages } from "../parse/files.js";
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
import { findStamp, saveStamp, stampable, stampKey, type FolderRead } from "./run-stamp.js";

type Stats = GenerateResult["stats"];

/** What docs2ts's own CLI asks of `writeOutput` and `check` beyond the public options. */
export interface RunInternals {
  /**
   * Answer a run whose inputs and output are unchanged from the run stamp (pipeline/run-stamp.ts)
   * instead of running the pipeline. Such a result has no `decls` (the CLI reads none).
   */
  stamp?: boolean;
}

/** The pipeline, loaded when a run is not answered from its stamp. */
async function runGenerate(
  options: GenerateOptions,
  hooks: GenerateHooks,
  read: FolderRead | undefined,
): Promise<GenerateResult> {
  const { runPipeline } = await import("./generate.js");
  return runPipeline(options, hooks, read ? { read } : {});
}

/** A stampable run's key and the folder read for it, and its result when the stamp answers it. */
interface StampProbe {
  key: string;
  read: FolderRead;
  reused: RunResult | undefined;
}

/**
 * Reads the docs folder and looks for the stamp of a run of the same inputs whose output is still in
 * place: then that is the result, with nothing parsed, emitted or written. Undefined when the run
 * cannot be stamped.
 */
async function probeStamp(options: ResolvedOptions): Promise<StampProbe | undefined> {
  if (!stampable(options)) return undefined;
  const start = performance.now();
  const fs = nodePageFileSystem;
  const listing = await scanPages(options.input, fs);
  const read: FolderRead = {
    listing,
    pages: await readPages(options.input, listing.files, fs),
    root: await fs.realpath(options.input),
  };
  const key = stampKey(options, read);
  const existing = await readGeneratedFiles(options.out);
  const found = await findStamp<Stats>(options, key, existing);
  if (found === undefined) return { key, read, reused: undefined };
  const files = [...existing]
    .map(([path, content]) => ({ path, content }))
    .sort((a, b) => byCodePoint(a.path, b.path));
  const { pages, modules } = found.stats;
  return {
    key,
    read,
    reused: {
      files,
      diagnostics: found.diagnostics,
      decls: [],
      options,
      timings: { read: performance.now() - start, parse: 0, model: 0, emit: 0, format: 0 },
      stats: {
        ...found.stats,
        cachedPages: pages,
        cachedModules: modules,
        laidOutModules: 0,
        laidOutValidators: 0,
      },
      changes: { added: [], changed: [], removed: [], unchanged: files.length },
      failed: false,
    },
  };
}

/** Keeps the stamp of a run that succeeded and left the output folder holding its files. */
async function keepStamp(probe: StampProbe | undefined, result: GenerateResult): Promise<void> {
  if (probe === undefined) return;
  await saveStamp(result.options, probe.key, result.files, {
    diagnostics: result.diagnostics,
    stats: result.stats,
  });
}

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
  internals: RunInternals = {},
): Promise<RunResult> {
  const resolved = resolveOptions(options);
  // A killed earlier run may have left the output mid-swap: finish or undo that before reading it.
  await recoverOutput(resolved.out);
  const probe = internals.stamp ? await probeStamp(resolved) : undefined;
  if (probe?.reused) return probe.reused;
  const result = await runGenerate(options, hooks, probe?.read);
  const existing = await readGeneratedFiles(result.options.out);
  const changes = compareOutput(existing, result.files);
  const failed = result.diagnostics.some((d) => d.severity === "error");
  // Nothing is written until the whole run succeeded, and an unchanged run writes nothing.
  if (!failed && !isUpToDate(changes))
    await replaceOutput(result.options.out, result.files, existing);
  if (!failed) await keepStamp(probe, result);
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
  internals: RunInternals = {},
): Promise<CheckResult> {
  const probe = internals.stamp ? await probeStamp(resolveOptions(options)) : undefined;
  if (probe?.reused) return { ...probe.reused, upToDate: true, diffs: [], stale: [] };
  const result = await runGenerate(options, hooks, probe?.read);
  const changes = compareOutput(await readGeneratedFiles(result.options.out), result.files);
  const failed = result.diagnostics.some((d) => d.severity === "error");
  if (!failed && isUpToDate(changes)) await keepStamp(probe, result);
  const diffs = [
    ...changes.added.map((file) => unifiedDiff(file.path, "", file.content)),
    ...changes.changed.map((file) => unifiedDiff(file.path, file.previous, file.content)),
    ...changes.removed.map((file) => unifiedDiff(file.path, file.content, "")),
  ];
  const owners =
    changes.removed.length > 0 ? (await import("./targets/registry.js")).unchosenOwner : undefined;
  const stale = failed
    ? []
    : staleOutputDiagnostics(
        result.options.out,
        changes,
        result.options.regenerateCommand,
        (path) => owners?.(path, result.options.emit),
      );
  return { ...result, changes, failed, upToDate: isUpToDate(changes), diffs, stale };
}
