/**
 * `diff`: builds the model of two versions of a docs folder (a folder, or a git revision of the
 * repository the input folder is in, read from git objects) and lists what changed between them.
 */
import { resolve } from "node:path";
import type { Diagnostic } from "../core/diagnostics.js";
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
export type { Use } from "./uses.js";

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
  /**
   * Why no comparison was made although both versions read: they share no page path (a folder given
   * one level too deep or too shallow), so every model would show as removed and added. `changes` is
   * then empty and `docs2ts diff` exits 2.
   */
  warning?: string;
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
  /** A git revision without the docs folder (or without a page in it): a version with no models. */
  empty?: boolean;
}

/** A folder, else a git revision of the repository that holds `input`. */
async function sourceOf(version: string | undefined, input: string): Promise<Source> {
  if (version === undefined) return { input, fs: nodePageFileSystem };
  if (inspectFolder(version) === "folder") return { input: version, fs: nodePageFileSystem };
  const folder = await repositoryOf(input);
  const commit = await resolveCommit(folder.top, version);
  const pages = await readFolderAt(folder, commit);
  return { input, fs: memoryPageFileSystem(resolve(input), pages), empty: pages.size === 0 };
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
    const sideOf = (decls: Side["decls"], plans: Side["plans"], shapes: Side["shapes"]): Side => ({
      decls,
      plans,
      shapes,
      options: { int64: resolved.int64, dates: resolved.dates },
      enumStyle: resolved.enumStyle,
    });
    if (source.empty) {
      // The docs folder did not exist yet (or no longer does) at that revision: nothing to read.
      sides.push(sideOf(new Map(), new Map(), new Map()));
      continue;
    }
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
    sides.push(
      sideOf(
        new Map(model.resolved.decls.map((decl) => [decl.id, decl])),
        new Map(model.plan.modules.map((module) => [module.decl.id, module])),
        model.shapes,
      ),
    );
  }
  if (errors.length > 0) throw new DiffDocsError(errors);
  const [before, after] = sides as [Side, Side];
  const headName = head ?? "working tree";
  const warning = disjointWarning(before, after, base, headName);
  if (warning !== undefined) return { base, head: headName, changes: [], warning };
  return { base, head: headName, changes: compareSides(before, after) };
}

/** The pages of a version, relative to its docs folder. */
const pagesOf = (side: Side) => new Set([...side.decls.values()].map((decl) => decl.origin.file));

/**
 * Two versions with models that share no page path, with a hint when one's pages sit one folder below
 * the other's (`models/a.md` beside `a.md`); undefined when they share a page or either has none.
 */
export function disjointWarning(
  base: Side,
  head: Side,
  baseName: string,
  headName: string,
): string | undefined {
  const before = pagesOf(base);
  const after = pagesOf(head);
  if (before.size === 0 || after.size === 0 || [...before].some((page) => after.has(page)))
    return undefined;
  const below = (pages: Set<string>, other: Set<string>) => {
    const counts = new Map<string, number>();
    for (const page of pages) {
      const slash = page.indexOf("/");
      if (slash > 0 && other.has(page.slice(slash + 1))) {
        const folder = page.slice(0, slash);
        counts.set(folder, (counts.get(folder) ?? 0) + 1);
      }
    }
    return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  };
  const inHead = below(after, before);
  const inBase = below(before, after);
  const hint =
    inHead !== undefined
      ? `; the head's pages sit one folder deeper, under ${inHead}/: give the same level for both`
      : inBase !== undefined
        ? `; the base's pages sit one folder deeper, under ${inBase}/: give the same level for both`
        : "; check that --base and --head (or --input) name the same docs folder";
  return `${baseName} and ${headName} share no page path (${before.size} and ${after.size} pages): every model would show as removed and added, so none is compared${hint}`;
}
