/**
 * The pipeline, one line per stage:
 *
 *   read pages -> parse + read models (per page, cached) -> resolve -> plan -> emit + format
 *   (per module, cached) -> index
 *
 * `generate` returns the files and diagnostics and writes nothing; `writeOutput` and `check` (api.ts)
 * compare them with the output folder.
 */
import { performance } from "node:perf_hooks";
import { dirname } from "node:path";
import type { Diagnostic } from "../core/diagnostics.js";
import { compareDiagnostics } from "../core/diagnostics-format.js";
import { indexFiles, type PublicName } from "../emit/index-module.js";
import { byCodePoint } from "../core/text.js";
import { planModules, referencedIds, type EmitPlan, type ModulePlan } from "../emit/plan.js";
import { loadTemplates, renderBanner } from "../emit/templates.js";
import { emitJsonSchema, schemaPath } from "../emit/json-schema.js";
import {
  allocateValidatorNames,
  publicValidatorNames,
  type ValidatorNames,
} from "../emit/validator-names.js";
import { declaresValue } from "../emit/types.js";
import { RUNTIME_PATH, RUNTIME_PUBLIC_NAMES, runtimeFiles } from "../emit/validator-runtime.js";
import type { PageResult } from "../model/build.js";
import type { PageReadContext } from "./read-source.js";
import type { RenderContext } from "./render-module.js";
import type { GenerateHooks } from "./progress.js";
import { resolveModel } from "../model/resolve.js";
import type { Decl } from "../core/model.js";
import { resolveOptions, type GenerateOptions, type ResolvedOptions } from "../core/options.js";
import {
  findMarkdownFolder,
  nodePageFileSystem,
  readPages,
  scanPages,
  type PageFileSystem,
  type SourcePage,
} from "../parse/files.js";
import { ContentCache, sha256, stringifyCache, toolFingerprint } from "../write/cache.js";
import { outputPackageJson, type OutputFile } from "../write/output.js";

/** Milliseconds spent in each stage. */
export interface StageTimings {
  read: number;
  parse: number;
  model: number;
  emit: number;
  format: number;
}

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
  };
}

/**
 * A banner plus formatted text, from the cache when `key` is there. Prettier is imported only on a
 * miss: it is a slow import that an unchanged re-run never needs.
 */
async function formatCached(
  cache: ContentCache,
  key: string,
  banner: string,
  text: string,
): Promise<string> {
  let content = cache.get<string>(key);
  if (content === undefined) {
    const { formatModule } = await import("../emit/format.js");
    content = `${banner}\n${await formatModule(text)}`;
    cache.set(key, content);
  }
  return content;
}

/** Loaded only when a page is not in the cache: an unchanged re-run never loads remark. */
async function pageReader() {
  return (await import("./read-source.js")).readSourcePage;
}

/** Loaded only when a module is not in the cache: ts-morph and prettier are the slow imports. */
async function moduleRenderer() {
  return (await import("./render-module.js")).renderModule;
}

/** A diagnostic under the user's `rules` setting: dropped, or re-graded. */
function applyRuleSetting(diagnostic: Diagnostic, rules: ResolvedOptions["rules"]): Diagnostic[] {
  const setting = Object.hasOwn(rules, diagnostic.ruleId) ? rules[diagnostic.ruleId] : undefined;
  if (setting === undefined) return [diagnostic];
  return setting === "off" ? [] : [{ ...diagnostic, severity: setting }];
}

/** Options that change what a page reads as (part of every page's cache key). */
function pageOptionsKey(options: ResolvedOptions): string {
  return JSON.stringify({
    limits: options.limits,
    typeMap: options.typeMap,
    dialect: options.dialect,
  });
}

/** Options that change what a module looks like (part of every module's cache key). */
function moduleOptionsKey(options: ResolvedOptions): string {
  return JSON.stringify({
    fieldNames: options.fieldNames,
    enumStyle: options.enumStyle,
    command: options.regenerateCommand,
    validators: options.validators,
    unknownKeys: options.unknownKeys,
    optionalUndefined: options.optionalUndefined,
    int64: options.int64,
    dates: options.dates,
    importExtension: options.importExtension,
    maxDepth: options.maxDepth,
    maxIssues: options.maxIssues,
  });
}

async function readModels(
  pages: readonly SourcePage[],
  options: ResolvedOptions,
  cache: ContentCache,
  timings: StageTimings,
  onProgress: GenerateHooks["onProgress"],
) {
  const optionsKey = pageOptionsKey(options);
  const context: PageReadContext = {
    limits: options.limits,
    read: {
      dialect: options.dialect,
      typeMap: options.typeMap,
      maxTypeDepth: options.limits.maxTypeDepth,
    },
  };
  let readSourcePage: Awaited<ReturnType<typeof pageReader>> | undefined;
  const results: PageResult[] = [];
  let cached = 0;
  let errors = 0;
  for (const page of pages) {
    // Past `maxErrors` the run is failing anyway: stop reading rather than report hundreds more.
    if (errors > options.maxErrors) break;
    const key = `page:${sha256(`${optionsKey}\0${page.file}\0${page.text}`)}`;
    let result = cache.get<PageResult>(key);
    if (result !== undefined) {
      cached += 1;
    } else {
      readSourcePage ??= await pageReader();
      const output = readSourcePage(page, context);
      timings.parse += output.parseMs;
      timings.model += output.modelMs;
      result = output.result;
      cache.set(key, result);
    }
    errors += result.diagnostics.filter(
      (d) => applyRuleSetting(d, options.rules)[0]?.severity === "error",
    ).length;
    results.push(result);
    onProgress?.({ stage: "parse", done: results.length, total: pages.length });
  }
  return { results, cached, stopped: errors > options.maxErrors };
}

/** The declarations a module's text may depend on: its own, and two levels of references. */
function moduleKey(
  plan: ModulePlan,
  declsById: ReadonlyMap<string, Decl>,
  optionsKey: string,
): string {
  const ids = new Set<string>([plan.decl.id]);
  let frontier = [plan.decl.id];
  for (let level = 0; level < 2; level += 1) {
    const next: string[] = [];
    for (const id of frontier) {
      const decl = declsById.get(id);
      if (!decl) continue;
      for (const ref of referencedIds(decl))
        if (!ids.has(ref)) {
          ids.add(ref);
          next.push(ref);
        }
    }
    frontier = next;
  }
  const related = [...ids].sort(byCodePoint).map((id) => declsById.get(id));
  // stringifyCache, not JSON.stringify: an enum member changed from `0` to `-0` must change the key.
  return `module:${sha256(stringifyCache({ optionsKey, path: plan.path, identifier: plan.identifier, imports: plan.imports, propertyNames: plan.propertyNames, related }))}`;
}

async function emitFiles(
  plan: EmitPlan,
  decls: readonly Decl[],
  options: ResolvedOptions,
  cache: ContentCache,
  timings: StageTimings,
  hooks: GenerateHooks & { formatAll?: boolean },
) {
  const { onProgress } = hooks;
  const templates = loadTemplates(options.templates);
  // The banner template is part of every module's text, so a user's own banner must key the cache.
  const optionsKey = `${moduleOptionsKey(options)}\0${templates.banner}`;
  const declsById = new Map(decls.map((decl) => [decl.id, decl]));
  const names = allocateValidatorNames(plan.modules);
  const plans = new Map(plan.modules.map((module) => [module.decl.id, module]));
  const validators = options.validators
    ? {
        ...options,
        decls: declsById,
        plans,
        names,
        runtimePath: RUNTIME_PATH,
        importExtension: options.importExtension,
      }
    : undefined;
  const keys = plan.modules.map((module) => {
    // Validator names come from the whole folder, so the ones this module uses key its cache entry.
    const used = [module.decl.id, ...module.imports.map((entry) => entry.targetId)];
    const namesKey = validators ? JSON.stringify(used.map((id) => names.get(id))) : "";
    return moduleKey(module, declsById, `${optionsKey}\0${namesKey}`);
  });
  const contents: Array<string | undefined> = keys.map((key) =>
    hooks.formatAll ? undefined : cache.get<string>(key),
  );
  const cached = contents.filter((content) => content !== undefined).length;
  const laidOut = { modules: 0, validators: 0 };
  if (cached < plan.modules.length) {
    const renderModule = await moduleRenderer();
    const context: RenderContext = {
      emit: {
        enumStyle: options.enumStyle,
        int64: options.int64,
        dates: options.dates,
        validators,
      },
      bannerTemplate: templates.banner,
      regenerateCommand: options.regenerateCommand,
      formatAll: hooks.formatAll === true,
    };
    for (const [index, module] of plan.modules.entries()) {
      if (contents[index] !== undefined) continue;
      const output = await renderModule(module, context);
      timings.emit += output.emitMs;
      timings.format += output.formatMs;
      if (output.laidOut === "all") laidOut.modules += 1;
      if (output.laidOut !== "none" && validators) laidOut.validators += 1;
      if (!hooks.formatAll) cache.set(keys[index] as string, output.content);
      contents[index] = output.content;
      onProgress?.({ stage: "emit", done: index + 1, total: plan.modules.length });
    }
  }
  onProgress?.({ stage: "emit", done: plan.modules.length, total: plan.modules.length });
  const files: OutputFile[] = plan.modules.map((module, index) => ({
    path: module.path,
    content: contents[index] as string,
  }));
  if (validators)
    for (const runtime of runtimeFiles(options)) {
      const banner = renderBanner(templates.banner, {
        source: `templates/${runtime.path}`,
        command: options.regenerateCommand,
      });
      const key = `runtime:${sha256(`${optionsKey}\0${runtime.path}\0${runtime.text}`)}`;
      files.push({
        path: runtime.path,
        content: await formatCached(cache, key, banner, runtime.text),
      });
    }
  if (options.jsonSchema) {
    const context = { ...options, decls: declsById, plans };
    for (const module of plan.modules)
      files.push({
        path: schemaPath(module.path),
        content: emitJsonSchema(module, context, options),
      });
  }
  const exportsOf = (module: ModulePlan): PublicName[] => [
    {
      name: module.identifier,
      typeOnly: !declaresValue(module.decl, options.enumStyle),
    },
    ...(validators
      ? publicValidatorNames(names.get(module.decl.id) as ValidatorNames).map((name) => ({
          name,
          typeOnly: false,
        }))
      : []),
  ];
  const rootExports = validators ? [{ path: RUNTIME_PATH, names: RUNTIME_PUBLIC_NAMES }] : [];
  for (const index of indexFiles(plan.modules, exportsOf, rootExports, options.importExtension)) {
    const banner = renderBanner(templates.banner, {
      source: "all pages",
      command: options.regenerateCommand,
    });
    const key = `index:${sha256(`${optionsKey}\0${banner}\0${index.body}`)}`;
    files.push({ path: index.path, content: await formatCached(cache, key, banner, index.body) });
  }
  files.push(outputPackageJson(options.regenerateCommand));
  files.sort((a, b) => byCodePoint(a.path, b.path));
  return { files, cached, laidOut };
}

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
  const [ruleId, what] =
    pages === 0
      ? [
          "no-pages",
          "Unexpected folder with no Markdown page, expected `.md` files in it or below it",
        ]
      : [
          "no-models",
          `Unexpected folder whose ${pages} ${pages === 1 ? "page holds" : "pages hold"} no model, expected a page with a field table, \`## Values\` or \`## Supported Types\``,
        ];
  return { file: "", line: 1, column: 1, severity: "error", ruleId, message: `${what}${hint}` };
}

/**
 * Runs the pipeline on a docs folder and returns the files and diagnostics. Writes nothing except the
 * cache (when enabled).
 */
export async function generate(
  userOptions: GenerateOptions = {},
  hooks: GenerateHooks & {
    /** The file system pages are listed and read through (tests inject one to spy or reorder). */
    fs?: PageFileSystem;
    /**
     * Format the validator code with prettier too, instead of using the layout docs2ts gives it (the
     * output must not change: tests compare the two). Bypasses the module cache.
     */
    formatAll?: boolean;
  } = {},
): Promise<GenerateResult> {
  const options = resolveOptions(userOptions);
  const timings: StageTimings = { read: 0, parse: 0, model: 0, emit: 0, format: 0 };
  let start = performance.now();
  const fs = hooks.fs ?? nodePageFileSystem;
  const listing = await scanPages(options.input, fs);
  const pages = await readPages(options.input, listing.files, fs);
  timings.read = performance.now() - start;
  const cache = await ContentCache.open(
    options.cache ? options.cacheDir : undefined,
    toolFingerprint(),
  );

  const read = await readModels(pages, options, cache, timings, hooks.onProgress);
  start = performance.now();
  const decls = read.results
    .flatMap((result) => (result.decl ? [result.decl] : []))
    .sort((a, b) => byCodePoint(a.id, b.id));
  // A run stopped after `maxErrors` resolves and emits nothing: its references are half-read.
  const resolved = read.stopped
    ? { decls, diagnostics: [] }
    : resolveModel(decls, { outside: listing.outside, root: await fs.realpath(options.input) });
  const plan = planModules(
    read.stopped ? [] : resolved.decls,
    options.fieldNames,
    options.importExtension,
  );
  timings.model += performance.now() - start;

  const emitted = await emitFiles(plan, resolved.decls, options, cache, timings, hooks);
  await cache.save();

  const pageDiagnostics = read.results.flatMap((result) => result.diagnostics);
  // An empty folder is a mistyped path: it must fail, not write an empty index (also in CI).
  const empty =
    decls.length === 0 && !pageDiagnostics.some((d) => d.severity === "error")
      ? [await emptyFolderDiagnostic(options.input, pages.length, fs)]
      : [];
  const diagnostics = [...empty, ...pageDiagnostics, ...resolved.diagnostics, ...plan.diagnostics]
    .flatMap((diagnostic) => applyRuleSetting(diagnostic, options.rules))
    .sort(compareDiagnostics);
  return {
    files: emitted.files,
    diagnostics,
    decls: resolved.decls,
    options,
    timings,
    stats: {
      pages: pages.length,
      models: decls.length,
      modules: plan.modules.length,
      cachedPages: read.cached,
      cachedModules: emitted.cached,
      laidOutModules: emitted.laidOut.modules,
      laidOutValidators: emitted.laidOut.validators,
      checkedPages: read.results.length,
    },
  };
}
