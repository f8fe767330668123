/**
 * The pipeline, one line per stage:
 *
 *   read pages -> parse + read models (per page, cached) -> overrides -> resolve -> plan ->
 *   emit + format (per module, cached) -> index
 *
 * `generate` returns the files and diagnostics and writes nothing; `writeOutput` and `check` (api.ts)
 * compare them with the output folder.
 */
import { performance } from "node:perf_hooks";
import { dirname } from "node:path";
import { diagnosticAt, type Diagnostic, type RuleId } from "../core/diagnostics.js";
import { compareDiagnostics } from "../core/diagnostics-format.js";
import type { Decl } from "../core/model.js";
import { resolveOptions, type GenerateOptions, type ResolvedOptions } from "../core/options.js";
import { byCodePoint } from "../core/text.js";
import { planModules } from "../emit/plan.js";
import { buildShapes } from "../emit/shape.js";
import { loadTemplates } from "../emit/templates.js";
import { resolveModel } from "../model/resolve.js";
import { digitBoundaryNotice, sdkFieldNamesNotice } from "../model/sdk-field-names.js";
import { unmarkedNullNotice } from "../model/unmarked-nullable.js";
import { overrideModel, renameDeclarations } from "./override-model.js";
import {
  findMarkdownFolder,
  nodePageFileSystem,
  readPages,
  scanPages,
  type PageFileSystem,
} from "../parse/files.js";
import {
  ContentCache,
  contentCacheFile,
  optionSetKey,
  toolFingerprint,
  type MemoObserver,
} from "../write/cache.js";
import { outputPackageJson, type OutputFile } from "../write/output.js";
import { bannerFor, validatorNames, type EmitRun } from "./emit-output.js";
import { chosenTargets } from "./targets/registry.js";
import type { ModuleStats } from "./targets/target.js";
import type { GenerateHooks } from "./progress.js";
import type { FolderRead } from "./run-stamp.js";
import { applyRuleSetting, readModels, type StageTimings } from "./read-models.js";
import { unmatchedRulePages } from "./rule-pages.js";
import { countFamilies, type FamilyCounts } from "../families/registry.js";

export type { StageTimings } from "./read-models.js";

export interface GenerateResult {
  /** The files to write, paths relative to the output folder, sorted. */
  files: OutputFile[];
  /** All diagnostics, sorted by file, line, column. */
  diagnostics: Diagnostic[];
  /** The declarations of the model (resolved), for tools built on top. */
  decls: Decl[];
  options: ResolvedOptions;
  timings: StageTimings;
  stats: {
    pages: number;
    models: number;
    modules: number;
    cachedPages: number;
    cachedModules: number;
    /** Modules rendered in this run that skipped prettier entirely (emit/type-layout.ts). */
    laidOutModules: number;
    /** Modules rendered in this run whose validator code skipped prettier (emit/validator-layout.ts). */
    laidOutValidators: number;
    /** Pages whose diagnostics are in the result: fewer than `pages` when `maxErrors` stopped the run. */
    checkedPages: number;
    /** Pages per family that reads them (families/registry.ts chooses one per page). */
    families: FamilyCounts;
  };
}

/** What docs2ts's own commands and tests may pass to a run beyond the public hooks. */
export interface PipelineInternals {
  /** The file system pages are listed and read through (diff reads git objects, tests spy or reorder). */
  fs?: PageFileSystem;
  /**
   * Format the validator code with prettier too, instead of using the layout docs2ts gives it (the
   * output must not change: tests compare the two). Bypasses the module cache.
   */
  formatAll?: boolean;
  /** Sees the key of every memoised computation (tests of the cache keys). */
  onMemo?: MemoObserver;
  /** The cache to use instead of the one `cache`/`cacheDir` name (`ContentCache.memory()`). */
  cache?: ContentCache;
  /**
   * Parse every section of every page, not only those models are read from (model/model-sections.ts;
   * the output must not change: tests compare the two).
   */
  wholePages?: boolean;
  /** The docs folder as already read (listing, pages, real path), instead of reading it again. */
  read?: FolderRead;
}

/** What `buildModel` needs besides the options. */
export interface BuildModelContext {
  /** The file system pages are listed and read through (`memoryPageFileSystem` for page texts). */
  fs: PageFileSystem;
  /** The cache, or its opening: the pages are listed and read while the cache file loads. */
  cache: ContentCache | Promise<ContentCache>;
  timings: StageTimings;
  onProgress?: GenerateHooks["onProgress"];
  /** Parse whole pages (see `PipelineInternals`). */
  wholePages?: boolean;
  /** The docs folder as already read (see `PipelineInternals`). */
  read?: FolderRead;
}

/**
 * The stages before emit: read pages, parse and read each page's model (memoised), resolve references,
 * plan modules, build one shape per declaration and allocate validator names; with every diagnostic
 * (the config's overrides and rules applied). What every command takes: `generate` emits from it,
 * `init` and `report` count it, `examples` finds each validator's name in it, `diff` compares two.
 */
export async function buildModel(options: ResolvedOptions, context: BuildModelContext) {
  const { fs, timings } = context;
  let start = performance.now();
  const listing = context.read?.listing ?? (await scanPages(options.input, fs));
  const pages = context.read?.pages ?? (await readPages(options.input, listing.files, fs));
  const root = context.read?.root ?? (await fs.realpath(options.input));
  const cache = await context.cache;
  timings.read += performance.now() - start;
  const read = await readModels(pages, options, cache, timings, context.onProgress, {
    wholePages: context.wholePages === true,
  });
  start = performance.now();
  // A run stopped after `maxErrors` has not read every page an override may name.
  const overridden = read.stopped
    ? { results: read.results, diagnostics: [], names: new Map<string, string>() }
    : await overrideModel(pages, read.results, options, cache);
  const decls = overridden.results
    .flatMap((result) => result.decls)
    .sort((a, b) => byCodePoint(a.id, b.id));
  // A run stopped after `maxErrors` resolves and emits nothing: its references are half-read.
  const resolved = read.stopped
    ? { decls, diagnostics: [] }
    : resolveModel(decls, { outside: listing.outside, root });
  resolved.decls = renameDeclarations(resolved.decls, overridden.names);
  const plan = planModules(
    read.stopped ? [] : resolved.decls,
    options.fieldNames,
    options.importExtension,
  );
  const shapes = buildShapes(plan.modules, options);
  const names = validatorNames(plan, options);
  timings.model += performance.now() - start;
  // From the overridden pages: an override can settle a page's warning (an undocumented enum's values).
  const pageDiagnostics = overridden.results.flatMap((result) => result.diagnostics);
  // An empty folder is a mistyped path: it must fail, not write an empty index (also in CI).
  const empty =
    decls.length === 0 && !pageDiagnostics.some((d) => d.severity === "error")
      ? [await emptyFolderDiagnostic(options.input, pages.length, fs)]
      : [];
  const diagnostics = [
    ...empty,
    ...pageDiagnostics,
    ...overridden.diagnostics,
    ...unmatchedRulePages(
      options.rules,
      pages.map((page) => page.file),
    ),
    ...resolved.diagnostics,
    ...plan.diagnostics,
  ]
    .concat(sdkFieldNamesNotice(read.results, options.fieldNames))
    .concat(digitBoundaryNotice(overridden.results, options.fieldNames))
    .concat(read.stopped ? [] : unmarkedNullNotice(read.results, overridden.results))
    .flatMap((diagnostic) => applyRuleSetting(diagnostic, options))
    .sort(compareDiagnostics);
  // `decls` as read (overrides applied), `resolved.decls` as emitted (references resolved, renamed).
  return { pages, read, decls, resolved, plan, shapes, names, diagnostics };
}

/** What `buildModel` returns. */
export type BuiltModel = Awaited<ReturnType<typeof buildModel>>;

/** A run's result with the model it emitted from, for docs2ts's own commands (`examples`). */
export type PipelineResult = GenerateResult & { model: BuiltModel };

/**
 * `no-pages` (the folder holds no `.md` page) or `no-models` (its pages hold no model), reported on
 * the folder itself (file ""), with the sibling folder that holds the most pages as a hint.
 */
export async function emptyFolderDiagnostic(
  input: string,
  pages: number,
  fs: PageFileSystem,
): Promise<Diagnostic> {
  const found = await findMarkdownFolder(dirname(input), [await fs.realpath(input)], fs);
  const hint = found
    ? `; ${found.folder}/ holds ${found.pages} ${found.pages === 1 ? "page" : "pages"} (--input ${found.folder}, or "input" in the config)`
    : '; set the docs folder with --input <dir> or "input" in the config';
  const [ruleId, what]: [RuleId, string] =
    pages === 0
      ? [
          "no-pages",
          "Unexpected folder with no Markdown page, expected `.md`, `.mdx` or `.markdown` files in it or below it",
        ]
      : [
          "no-models",
          `Unexpected folder whose ${pages} ${pages === 1 ? "page holds" : "pages hold"} no model, expected a page with a field table, \`## Values\` or \`## Supported Types\``,
        ];
  return diagnosticAt({ file: "", line: 1, column: 1 }, "error", ruleId, `${what}${hint}`);
}

/**
 * Runs the pipeline on a docs folder and returns the files and diagnostics. Writes nothing except the
 * cache (when enabled).
 */
export async function generate(
  userOptions: GenerateOptions = {},
  hooks: GenerateHooks = {},
): Promise<GenerateResult> {
  const { model: _model, ...result } = await runPipeline(userOptions, hooks, {});
  return result;
}

/**
 * The pipeline, one line per stage: read pages; parse and read each page's model (memoised); resolve
 * references; plan modules; build one shape per declaration; emit each chosen target (types: modules,
 * memoised, and index; validators' runtime; JSON Schema; ...: pipeline/targets/registry.ts).
 */
export async function runPipeline(
  userOptions: GenerateOptions,
  hooks: GenerateHooks,
  internals: PipelineInternals,
): Promise<PipelineResult> {
  const options = resolveOptions(userOptions);
  const targets = chosenTargets(options.emit);
  const timings: StageTimings = { read: 0, parse: 0, model: 0, emit: 0, format: 0 };
  const cacheFile = options.cache
    ? contentCacheFile(options.cacheDir, options.out, optionSetKey(options))
    : undefined;
  const opening =
    internals.cache ?? ContentCache.open(cacheFile, toolFingerprint(), internals.onMemo);
  const model = await buildModel(options, {
    fs: internals.fs ?? nodePageFileSystem,
    cache: opening,
    timings,
    ...(hooks.onProgress ? { onProgress: hooks.onProgress } : {}),
    ...(internals.wholePages ? { wholePages: true } : {}),
    ...(internals.read ? { read: internals.read } : {}),
  });
  const { pages, read, decls, resolved, plan, shapes, names, diagnostics } = model;
  const cache = await opening;
  const run: EmitRun = {
    options,
    cache,
    banner: bannerFor(loadTemplates(options.templates).banner, options.regenerateCommand),
    timings,
    formatAll: internals.formatAll === true,
    onProgress: hooks.onProgress,
  };
  const modules: ModuleStats = { cached: 0, laidOut: { modules: 0, validators: 0 } };
  const files = [outputPackageJson(options.regenerateCommand)];
  for (const target of targets)
    files.push(...(await target.emit({ plan, shapes, names, run, stats: modules })));
  files.sort((a, b) => byCodePoint(a.path, b.path));
  await cache.save();

  return {
    files,
    diagnostics,
    decls: resolved.decls,
    options,
    timings,
    stats: {
      pages: pages.length,
      models: decls.length,
      modules: plan.modules.length,
      cachedPages: read.cached,
      cachedModules: modules.cached,
      laidOutModules: modules.laidOut.modules,
      laidOutValidators: modules.laidOut.validators,
      checkedPages: read.results.length,
      families: countFamilies(read.families),
    },
    model,
  };
}
