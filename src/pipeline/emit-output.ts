/**
 * The second half of the pipeline: the emit plan to output files, in four parts that each read only what
 * they are given: the modules (one per declaration, from its plan and shape), the runtime, the JSON
 * Schemas and the index files. Modules, runtime and index are memoised on exactly their input.
 */
import type { ResolvedOptions } from "../core/options.js";
import { declaresValue, indexFiles, type PublicName } from "../emit/index-module.js";
import { emitJsonSchema, schemaPath } from "../emit/json-schema.js";
import type { ModuleEmitContext } from "../emit/module.js";
import type { EmitPlan, ModulePlan } from "../emit/plan.js";
import type { DeclShape } from "../emit/shape.js";
import { renderBanner, templatePath } from "../emit/templates.js";
import { layoutTypes } from "../emit/type-layout.js";
import {
  allocateValidatorNames,
  publicValidatorNames,
  type ValidatorNames,
} from "../emit/validator-names.js";
import { RUNTIME_PATH, RUNTIME_PUBLIC_NAMES, runtimeFiles } from "../emit/validator-runtime.js";
import type { ContentCache } from "../write/cache.js";
import type { OutputFile } from "../write/output.js";
import type { GenerateHooks } from "./progress.js";
import type { StageTimings } from "./read-models.js";
import type { ModuleJob } from "./render-module.js";
import { declaredAt } from "../core/decl-ref.js";

/** What every part of the output shares: the options, the cache, the banner, the timings. */
export interface EmitRun {
  options: ResolvedOptions;
  cache: ContentCache;
  /** The banner of a file generated from `source`. */
  banner: (source: string) => string;
  timings: StageTimings;
  /** Lay out nothing and format everything with prettier, without the cache (tests: same output). */
  formatAll: boolean;
  onProgress: GenerateHooks["onProgress"];
}

/** One banner function for every generated file, from the (user's or docs2ts's) banner template. */
export function bannerFor(template: string, command: string): (source: string) => string {
  return (source) => renderBanner(template, { source, command });
}

/** Loaded only when a module is not in the cache: ts-morph and prettier are the slow imports. */
async function moduleRenderer() {
  return (await import("./render-module.js")).renderModule;
}

/** A banner plus prettier's formatting of `text`. Prettier is imported on first use only. */
async function formatted({ banner, text }: { banner: string; text: string }): Promise<string> {
  const { formatModule } = await import("../emit/format.js");
  return `${banner}\n${await formatModule(text)}`;
}

/**
 * Whether a runtime file is in prettier's layout without prettier: docs2ts's own templates are
 * (`npm run format:check` keeps them so), and filling in the options keeps them so when the numbers
 * print as plain integers (test/emit/layout.test.ts checks both). A user's template is formatted.
 */
function runtimeLaidOut(path: string, options: ResolvedOptions): boolean {
  return (
    templatePath(path, options.templates) === templatePath(path, undefined) &&
    [options.maxIssues, options.maxDepth].every((n) => Number.isSafeInteger(n) && n >= 0)
  );
}

/** What each module's job reads of the options, the same for every module. */
function moduleSettings(options: ResolvedOptions) {
  return {
    enumStyle: options.enumStyle,
    validators: options.emit.includes("validators")
      ? {
          runtimePath: RUNTIME_PATH,
          importExtension: options.importExtension,
          unknownKeys: options.unknownKeys,
          optionalUndefined: options.optionalUndefined,
          maxDepth: options.maxDepth,
        }
      : null,
  };
}

/** The job of one module: its plan, its shape, and the validator names of what it uses. */
function moduleJob(
  module: ModulePlan,
  shape: DeclShape,
  names: ReadonlyMap<string, ValidatorNames>,
  run: EmitRun,
  settings: ReturnType<typeof moduleSettings>,
): ModuleJob {
  const used = [module.decl.id, ...module.imports.map((entry) => entry.targetId)];
  const emit: ModuleEmitContext = {
    enumStyle: settings.enumStyle,
    validators: settings.validators && {
      ...settings.validators,
      names: new Map(used.map((id) => [id, names.get(id) as ValidatorNames])),
    },
  };
  return { plan: module, shape, emit, banner: run.banner(declaredAt(module.decl)) };
}

/** The modules, in plan order, and how many came from the cache and skipped prettier. */
export async function emitModules(
  plan: EmitPlan,
  shapes: ReadonlyMap<string, DeclShape>,
  names: ReadonlyMap<string, ValidatorNames>,
  run: EmitRun,
): Promise<{
  files: OutputFile[];
  cached: number;
  laidOut: { modules: number; validators: number };
}> {
  const laidOut = { modules: 0, validators: 0 };
  const hitsBefore = run.cache.stats.hits;
  const files: OutputFile[] = [];
  const settings = moduleSettings(run.options);
  for (const [index, module] of plan.modules.entries()) {
    const job = moduleJob(module, shapes.get(module.decl.id) as DeclShape, names, run, settings);
    const content = await run.cache.memo(
      "module",
      job,
      async (input) => {
        const output = await (await moduleRenderer())(input, run.formatAll);
        run.timings.emit += output.emitMs;
        run.timings.format += output.formatMs;
        if (output.laidOut === "all") laidOut.modules += 1;
        if (output.laidOut !== "none" && input.emit.validators) laidOut.validators += 1;
        return output.content;
      },
      run.formatAll,
    );
    files.push({ path: module.path, content });
    run.onProgress?.({ stage: "emit", done: index + 1, total: plan.modules.length });
  }
  return { files, cached: run.cache.stats.hits - hitsBefore, laidOut };
}

/** The runtime modules the validators import. */
export async function emitRuntime(run: EmitRun): Promise<OutputFile[]> {
  const files: OutputFile[] = [];
  for (const runtime of runtimeFiles(run.options)) {
    const input = { banner: run.banner(`templates/${runtime.path}`), text: runtime.text };
    const content =
      !run.formatAll && runtimeLaidOut(runtime.path, run.options)
        ? `${input.banner}\n${input.text}`
        : await run.cache.memo("runtime", input, formatted, run.formatAll);
    files.push({ path: runtime.path, content });
  }
  return files;
}

/**
 * One JSON Schema per module. Not memoised: writing a schema costs less than hashing its input.
 */
export function emitSchemas(
  plan: EmitPlan,
  shapes: ReadonlyMap<string, DeclShape>,
  options: ResolvedOptions,
): OutputFile[] {
  return plan.modules.map((module) => ({
    path: schemaPath(module.path),
    content: emitJsonSchema(module, shapes.get(module.decl.id) as DeclShape, options),
  }));
}

/** The index files: the root's and each folder's re-exports of the public names. */
export async function emitIndex(
  plan: EmitPlan,
  names: ReadonlyMap<string, ValidatorNames>,
  run: EmitRun,
): Promise<OutputFile[]> {
  const { options } = run;
  const validators = options.emit.includes("validators");
  const exportsOf = (module: ModulePlan): PublicName[] => [
    { name: module.identifier, typeOnly: !declaresValue(module.decl, options.enumStyle) },
    ...(validators
      ? publicValidatorNames(names.get(module.decl.id) as ValidatorNames).map((name) => ({
          name,
          typeOnly: false,
        }))
      : []),
  ];
  const rootExports = validators ? [{ path: RUNTIME_PATH, names: RUNTIME_PUBLIC_NAMES }] : [];
  const files: OutputFile[] = [];
  for (const index of indexFiles(plan.modules, exportsOf, rootExports, options.importExtension)) {
    const input = { banner: run.banner("all pages"), text: index.body };
    // Export lists break as import lists do (type-layout.ts); anything else goes to prettier.
    const laidOut = run.formatAll ? undefined : layoutTypes(index.body);
    const content =
      laidOut !== undefined
        ? `${input.banner}\n${laidOut}`
        : await run.cache.memo("index", input, formatted, run.formatAll);
    files.push({ path: index.path, content });
  }
  return files;
}

/** Validator names, decided once for the whole folder (none without validators). */
export function validatorNames(plan: EmitPlan, options: ResolvedOptions) {
  return options.emit.includes("validators")
    ? allocateValidatorNames(plan.modules)
    : new Map<string, ValidatorNames>();
}
