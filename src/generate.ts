/**
 * The pipeline, one line per stage:
 *
 *   read pages -> parse + read models (per page, cached) -> resolve -> plan -> emit + format
 *   (per module, cached) -> index
 *
 * `generate` returns the files and diagnostics and writes nothing; `writeOutput` and `checkOutput`
 * (write/) compare them with the output folder.
 */
import { performance } from "node:perf_hooks";
import type { Diagnostic } from "./diagnostics.js";
import { compareDiagnostics } from "./diagnostics-format.js";
import { indexFiles } from "./emit/index-module.js";
import {
  byCodePoint,
  planModules,
  referencedIds,
  type EmitPlan,
  type ModulePlan,
} from "./emit/plan.js";
import { loadTemplates, renderBanner } from "./emit/templates.js";
import type { PageResult } from "./model/build.js";
import { resolveModel } from "./model/resolve.js";
import type { Decl } from "./model/types.js";
import { resolveOptions, type GenerateOptions, type ResolvedOptions } from "./options.js";
import { listPages, readPages, type SourcePage } from "./parse/files.js";
import { ContentCache, sha256, toolFingerprint } from "./write/cache.js";
import type { OutputFile } from "./write/output.js";

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
  };
}

/** Loaded only when a page is not in the cache: an unchanged re-run never loads remark. */
async function pageReader() {
  const [{ normaliseSource, parseMarkdown }, { readPage }] = await Promise.all([
    import("./parse/markdown.js"),
    import("./model/build.js"),
  ]);
  return { normaliseSource, parseMarkdown, readPage };
}

/** Loaded only when a module is not in the cache: ts-morph and prettier are the slow imports. */
async function moduleEmitter() {
  const [{ emitModule }, { formatModule }] = await Promise.all([
    import("./emit/module.js"),
    import("./write/format.js"),
  ]);
  return { emitModule, formatModule };
}

/** Options that change what a page reads as (part of every page's cache key). */
function pageOptionsKey(options: ResolvedOptions): string {
  return JSON.stringify({ typeMap: options.typeMap });
}

/** Options that change what a module looks like (part of every module's cache key). */
function moduleOptionsKey(options: ResolvedOptions): string {
  return JSON.stringify({
    fieldNames: options.fieldNames,
    enumStyle: options.enumStyle,
    command: options.regenerateCommand,
  });
}

async function readModels(
  pages: readonly SourcePage[],
  options: ResolvedOptions,
  cache: ContentCache,
  timings: StageTimings,
) {
  const optionsKey = pageOptionsKey(options);
  const results: PageResult[] = [];
  let reader: Awaited<ReturnType<typeof pageReader>> | undefined;
  let cached = 0;
  for (const page of pages) {
    const key = `page:${sha256(`${optionsKey}\0${page.file}\0${page.text}`)}`;
    const hit = cache.get<PageResult>(key);
    if (hit) {
      cached += 1;
      results.push(hit);
      continue;
    }
    reader ??= await pageReader();
    let start = performance.now();
    const source = reader.normaliseSource(page.text);
    const root = reader.parseMarkdown(source);
    timings.parse += performance.now() - start;
    start = performance.now();
    const result = reader.readPage(page.file, root, source);
    timings.model += performance.now() - start;
    cache.set(key, result);
    results.push(result);
  }
  return { results, cached };
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
  return `module:${sha256(JSON.stringify({ optionsKey, path: plan.path, identifier: plan.identifier, imports: plan.imports, propertyNames: plan.propertyNames, related }))}`;
}

async function emitFiles(
  plan: EmitPlan,
  decls: readonly Decl[],
  options: ResolvedOptions,
  cache: ContentCache,
  timings: StageTimings,
) {
  const templates = loadTemplates();
  const optionsKey = moduleOptionsKey(options);
  const declsById = new Map(decls.map((decl) => [decl.id, decl]));
  let emitter: Awaited<ReturnType<typeof moduleEmitter>> | undefined;
  let cached = 0;
  const files: OutputFile[] = [];
  for (const module of plan.modules) {
    const key = moduleKey(module, declsById, optionsKey);
    const hit = cache.get<string>(key);
    if (hit !== undefined) {
      cached += 1;
      files.push({ path: module.path, content: hit });
      continue;
    }
    emitter ??= await moduleEmitter();
    let start = performance.now();
    const banner = renderBanner(templates.banner, {
      source: `${module.decl.id}.md`,
      command: options.regenerateCommand,
    });
    const body = emitter.emitModule(module, { enumStyle: options.enumStyle });
    timings.emit += performance.now() - start;
    start = performance.now();
    const content = `${banner}\n${await emitter.formatModule(body)}`;
    timings.format += performance.now() - start;
    cache.set(key, content);
    files.push({ path: module.path, content });
  }
  for (const index of indexFiles(plan.modules, (module) => [module.identifier])) {
    const banner = renderBanner(templates.banner, {
      source: "all pages",
      command: options.regenerateCommand,
    });
    const key = `index:${sha256(`${optionsKey}\0${banner}\0${index.body}`)}`;
    let content = cache.get<string>(key);
    if (content === undefined) {
      emitter ??= await moduleEmitter();
      content = `${banner}\n${await emitter.formatModule(index.body)}`;
      cache.set(key, content);
    }
    files.push({ path: index.path, content });
  }
  files.sort((a, b) => byCodePoint(a.path, b.path));
  return { files, cached };
}

/**
 * Runs the pipeline on a docs folder and returns the files and diagnostics. Writes nothing except the
 * cache (when enabled).
 */
export async function generate(userOptions: GenerateOptions = {}): Promise<GenerateResult> {
  const options = resolveOptions(userOptions);
  const timings: StageTimings = { read: 0, parse: 0, model: 0, emit: 0, format: 0 };
  let start = performance.now();
  const pages = await readPages(options.input, await listPages(options.input));
  timings.read = performance.now() - start;
  const cache = await ContentCache.open(
    options.cache ? options.cacheDir : undefined,
    toolFingerprint(),
  );

  const read = await readModels(pages, options, cache, timings);
  start = performance.now();
  const decls = read.results
    .flatMap((result) => (result.decl ? [result.decl] : []))
    .sort((a, b) => byCodePoint(a.id, b.id));
  const resolved = resolveModel(decls);
  const plan = planModules(resolved.decls, options.fieldNames);
  timings.model += performance.now() - start;

  const emitted = await emitFiles(plan, resolved.decls, options, cache, timings);
  await cache.save();

  const diagnostics = [
    ...read.results.flatMap((result) => result.diagnostics),
    ...resolved.diagnostics,
    ...plan.diagnostics,
  ].sort(compareDiagnostics);
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
    },
  };
}
