/**
 * `diff`: builds the model of two versions of a docs folder (a folder, or a git revision of the
 * repository the input folder is in, read from git objects) and lists what changed between them.
 */
import { resolve } from "node:path";
import type { Diagnostic } from "../core/diagnostics.js";
import { buildShapes } from "../emit/shape.js";
import { buildModel, type StageTimings } from "../pipeline/generate.js";
import { resolveOptions, type GenerateOptions } from "../core/options.js";
import {
  inspectFolder,
  memoryPageFileSystem,
  nodePageFileSystem,
  type PageFileSystem,
} from "../parse/files.js";
import { ContentCache } from "../write/cache.js";
import type { Side } from "./assignable.js";
import { compareSides, type Change } from "./changes.js";
import { readFolderAt, repositoryOf, resolveCommit } from "./git.js";

export type { Change, ChangeKind } from "./changes.js";

/** Which versions `diff` compares, besides the options of `generate` (`input` names the docs). */
export interface DiffOptions extends GenerateOptions {
  /** The old version: a folder of docs, or a git revision of the repository holding `input`. */
  base: string;
  /** The new version, the same way; default: `input` as it is on disk (the working tree). */
  head?: string;
}

/** What `diff` found: the JSON that `docs2ts diff --format json` prints. */
export interface DiffReport {
  /** The old version as given. */
  base: string;
  /** The new version as given (`working tree` when it was not). */
  head: string;
  /** The changes in code-point order of page path, then in the order they were found. */
  changes: Change[];
}

/** A diagnostic of one of the two versions. */
export interface SideDiagnostic extends Diagnostic {
  /** `base` or `head`. */
  side: "base" | "head";
  /** The version as given (a revision or a folder). */
  version: string;
  /** The folder the page paths are relative to, as given (for `file:line:col`). */
  folder: string;
}

/** Errors in the docs of either version: no comparison is made. */
export class DiffDocsError extends Error {
  constructor(readonly diagnostics: SideDiagnostic[]) {
    super(`the docs have ${diagnostics.length} errors`);
  }
}

/** Where one version's pages come from. */
interface Source {
  input: string;
  fs: PageFileSystem;
}

/** A folder, else a git revision of the repository that holds `input`. */
async function sourceOf(version: string | undefined, input: string): Promise<Source> {
  if (version === undefined) return { input, fs: nodePageFileSystem };
  if (inspectFolder(version) === "folder") return { input: version, fs: nodePageFileSystem };
  const folder = await repositoryOf(input);
  const commit = await resolveCommit(folder.top, version);
  const pages = await readFolderAt(folder, commit);
  return { input, fs: memoryPageFileSystem(resolve(input), pages) };
}

/** Reads and compares two versions of the docs. Throws `DiffDocsError` when either has errors. */
export async function diff(
  options: DiffOptions,
  context: {
    /** The page cache (default: a new one in memory; tests share one between many diffs). */
    cache?: ContentCache;
  } = {},
): Promise<DiffReport> {
  const { base, head, ...generateOptions } = options;
  const input = generateOptions.input ?? "input";
  // Most pages are the same in both versions: one in-memory cache reads each of them once.
  const cache = context.cache ?? ContentCache.memory();
  const errors: SideDiagnostic[] = [];
  const sides: Side[] = [];
  for (const [side, version] of [
    ["base", base],
    ["head", head],
  ] as const) {
    const source = await sourceOf(version, input);
    const resolved = resolveOptions({ ...generateOptions, input: source.input, cache: false });
    const timings: StageTimings = { read: 0, parse: 0, model: 0, emit: 0, format: 0 };
    const model = await buildModel(resolved, { fs: source.fs, cache, timings });
    for (const diagnostic of model.diagnostics)
      // The config is the working tree's: an override of a page the base does not have yet (or
      // no longer has) is expected there, and must not stop the comparison.
      if (
        diagnostic.severity === "error" &&
        !(side === "base" && diagnostic.ruleId === "override-unmatched")
      )
        errors.push({
          ...diagnostic,
          side,
          version: version ?? "working tree",
          folder: source.input,
        });
    sides.push({
      decls: new Map(model.resolved.decls.map((decl) => [decl.id, decl])),
      plans: new Map(model.plan.modules.map((module) => [module.decl.id, module])),
      shapes: buildShapes(model.plan.modules, resolved),
      options: { int64: resolved.int64, dates: resolved.dates },
    });
  }
  if (errors.length > 0) throw new DiffDocsError(errors);
  return {
    base,
    head: head ?? "working tree",
    changes: compareSides(sides[0] as Side, sides[1] as Side),
  };
}
