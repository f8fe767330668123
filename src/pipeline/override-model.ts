/**
 * The overrides stage of the pipeline, between reading pages and resolving references: each
 * overridden page's declaration is corrected by model/overrides.ts (cached by the page's result and
 * its entry, so an unchanged run loads neither remark nor the grammar), entries that name no page are
 * reported with the nearest page paths, and declarations get their new names once references are
 * resolved.
 */
import { basename } from "node:path";
import { diagnosticAt, type Diagnostic } from "../core/diagnostics.js";
import { NameAllocator, sanitizeIdentifier } from "../emit/names.js";
import { propertyName, SHADOW_PROOF_NAMES } from "../emit/plan.js";
import { modelNameClashes, withoutNameNote, type NamedModel } from "../model/override-names.js";
import type { PageResult } from "../model/build.js";
import { undocumentedAsEnum } from "../model/undocumented.js";
import type { Decl } from "../core/model.js";
import type { RuleId } from "../core/diagnostics.js";
import type { PageOverride, ResolvedOptions } from "../core/options.js";
import { overrideSourceOf, placeIn } from "./overrides-config.js";
import type { SourcePage } from "../parse/files.js";
import { nearestWords, orList } from "../core/suggest.js";
import type { ContentCache } from "../write/cache.js";

/** The corrected page results, the findings about overrides, and declaration names by id. */
export interface OverriddenModel {
  results: PageResult[];
  diagnostics: Diagnostic[];
  names: Map<string, string>;
}

/** Loaded on a cache miss only: the page reader's grammar and remark. */
async function overrideTools() {
  const [{ overridePage }, { parseMarkdown }] = await Promise.all([
    import("../model/overrides.js"),
    import("../parse/markdown.js"),
  ]);
  return { overridePage, parseMarkdown };
}

/** Applies `options.overrides` to the pages read (`results[i]` is the result of `pages[i]`). */
export async function overrideModel(
  pages: readonly SourcePage[],
  results: readonly PageResult[],
  options: ResolvedOptions,
  cache: ContentCache,
): Promise<OverriddenModel> {
  const entries = options.overrides;
  const out: OverriddenModel = { results: [...results], diagnostics: [], names: new Map() };
  if (Object.keys(entries).length === 0) return out;
  const seen = new Set<string>();
  for (const [index, result] of results.entries()) {
    const file = (pages[index] as SourcePage).file;
    const entry = Object.hasOwn(entries, file) ? entries[file] : undefined;
    if (entry === undefined) continue;
    seen.add(file);
    const whole = overrideSourceOf(entry, file);
    // Values for a page the docs left undocumented: it is read as an enum of those values.
    const asEnum = entry.values?.add?.length ? undocumentedAsEnum(result.decl) : undefined;
    const decl = asEnum ?? result.decl;
    // The input of the computation is all it reads: the page as read, the entry, where the entry's
    // keys are (diagnostics point at them) and the options that change how it reads.
    const input = {
      page: {
        file,
        ...(decl ? { decl } : {}),
        ...(result.dialect ? { dialect: result.dialect } : {}),
      },
      entry,
      source: {
        file: whole.file,
        keyPath: whole.keyPath,
        pointer: whole.pointer,
        positions: new Map(
          [...(whole.positions ?? [])].filter(([pointer]) => pointer.startsWith(whole.pointer)),
        ),
      },
      fieldNames: options.fieldNames,
      typeMap: options.typeMap,
      maxTypeDepth: options.limits.maxTypeDepth,
    };
    const applied = await cache.memo("override", input, async (given) => {
      const { overridePage, parseMarkdown } = await overrideTools();
      return overridePage(given.page, given.entry, {
        source: given.source.file === "" ? "the generate options" : basename(given.source.file),
        place: (steps) => placeIn(given.source, steps),
        parseInline: (text) => {
          const first = parseMarkdown(text).children[0];
          return first?.type === "paragraph" ? first.children : [];
        },
        propertyNameOf: (name) => propertyName(name, given.fieldNames),
        typeMap: given.typeMap,
        maxTypeDepth: given.maxTypeDepth,
      });
    });
    out.results[index] = {
      ...result,
      ...(applied.decl ? { decl: applied.decl } : {}),
      // It is no longer `unknown`: the page's warning that it would be is dropped.
      ...(asEnum
        ? { diagnostics: result.diagnostics.filter((d) => d.ruleId !== "undocumented-model") }
        : {}),
    };
    out.diagnostics.push(...applied.diagnostics);
    // A name equal to the docs' one renames nothing (a warning says so) and takes no other's name.
    if (applied.decl && entry.name !== undefined && entry.name !== applied.decl.name)
      out.names.set(applied.decl.id, entry.name);
  }
  refuseUnusableNames(out, pages, entries);
  refuseTakenNames(out, pages, entries);
  const models = results.flatMap((result, index) =>
    result.decl ? [{ file: (pages[index] as SourcePage).file, name: result.decl.name }] : [],
  );
  for (const [file, entry] of Object.entries(entries)) {
    if (seen.has(file)) continue;
    const hint = pageHint(file, models, entries);
    out.diagnostics.push(
      diagnosticAt(
        placeIn(overrideSourceOf(entry, file), []),
        "error",
        "override-unmatched",
        `Unexpected override of \`${file}\`, expected the path of a page in the input folder${hint}`,
      ),
    );
  }
  return out;
}

/**
 * The pages an override key that names no page may mean: the pages whose model has that name (in any
 * letter case), whose path the key ends with (a path from the config's folder, not the input folder's)
 * or that end with the key (a path from a folder inside the input folder); else the nearest paths.
 */
function pagesMeant(key: string, models: readonly { file: string; name: string }[]): string[] {
  const wanted = key.split("\\").join("/").toLowerCase();
  const meant = models.filter(({ file, name }) => {
    const path = file.toLowerCase();
    return (
      name.toLowerCase() === wanted ||
      path === wanted ||
      wanted.endsWith(`/${path}`) ||
      path.endsWith(`/${wanted}`)
    );
  });
  if (meant.length > 0) return meant.map((model) => model.file);
  return nearestWords(
    key,
    models.map((model) => model.file),
  );
}

/**
 * " (did you mean ...?)" for an override key that names no page. A page with an entry of its own is
 * never the suggestion (following it would give the page two entries): the hint says to merge them.
 */
function pageHint(
  key: string,
  models: readonly { file: string; name: string }[],
  entries: Readonly<Record<string, PageOverride>>,
): string {
  const meant = pagesMeant(key, models);
  const free = meant.filter((file) => !Object.hasOwn(entries, file));
  const taken = meant.filter((file) => Object.hasOwn(entries, file));
  const parts = [
    ...(free.length > 0 ? [`did you mean ${orList(free)}?`] : []),
    ...(taken.length > 0
      ? [
          `${orList(taken)} ${taken.length === 1 ? "has an entry" : "have entries"} already: merge the two entries`,
        ]
      : []),
  ];
  return parts.length > 0 ? ` (${parts.join(" ")})` : "";
}

/**
 * Reports a `name` override that cannot be applied, at the override, and takes it back: the model
 * keeps its docs' name, and its note no longer says the name was overridden.
 */
function refuseName(
  out: OverriddenModel,
  model: { index: number; file: string },
  entries: Readonly<Record<string, PageOverride>>,
  ruleId: RuleId,
  message: string,
): void {
  const entry = entries[model.file] as PageOverride;
  out.diagnostics.push(
    diagnosticAt(placeIn(overrideSourceOf(entry, model.file), ["name"]), "error", ruleId, message),
  );
  const result = out.results[model.index] as PageResult;
  out.names.delete((result.decl as Decl).id);
  out.results[model.index] = { ...result, decl: withoutNameNote(result.decl as Decl) };
}

/**
 * Refuses the `name` overrides that the output cannot use as written: not a TypeScript identifier
 * (`Assistant Object`), a reserved word, or a global the generated code uses (`Error`). A title
 * from the docs is renamed in such cases (`renamed-identifier`, at the page, which is no help for a
 * name the config gives); a name the user chose is theirs to change, as a taken name is.
 */
function refuseUnusableNames(
  out: OverriddenModel,
  pages: readonly SourcePage[],
  entries: Readonly<Record<string, PageOverride>>,
): void {
  out.results.forEach((result, index) => {
    const name = result.decl ? out.names.get(result.decl.id) : undefined;
    if (result.decl === undefined || name === undefined) return;
    const emitted = new NameAllocator(SHADOW_PROOF_NAMES).allocate(sanitizeIdentifier(name));
    if (emitted === name) return;
    const file = (pages[index] as SourcePage).file;
    const docs = result.decl.name;
    refuseName(
      out,
      { index, file },
      entries,
      "override-invalid-name",
      `Unexpected name \`${name}\` for \`${docs}\` (${file}), expected a TypeScript identifier the output can use as written (it would be emitted as \`${emitted}\`); \`${docs}\` keeps its name`,
    );
  });
}

/**
 * Reports the `name` overrides that take another model's name (model/override-names.ts) and takes
 * them back (`refuseName`).
 */
function refuseTakenNames(
  out: OverriddenModel,
  pages: readonly SourcePage[],
  entries: Readonly<Record<string, PageOverride>>,
): void {
  if (out.names.size === 0) return;
  const models = new Map<string, NamedModel & { index: number }>();
  out.results.forEach((result, index) => {
    const file = (pages[index] as SourcePage).file;
    if (result.decl)
      models.set(result.decl.id, { id: result.decl.id, name: result.decl.name, file, index });
  });
  for (const clash of modelNameClashes([...models.values()], out.names, sanitizeIdentifier)) {
    const model = models.get(clash.id) as NamedModel & { index: number };
    const whose = clash.other.renamed
      ? `the name the override of ${clash.other.file} gives \`${clash.other.name}\` too`
      : `the name of \`${clash.other.name}\` (${clash.other.file})`;
    refuseName(
      out,
      model,
      entries,
      "override-conflict",
      `Unexpected name \`${clash.name}\` for \`${model.name}\` (${model.file}), ${whose}, expected a name no other model has; \`${model.name}\` keeps its name`,
    );
  }
}

/**
 * Gives declarations the names their overrides set. Runs after references are resolved, which follow
 * the names the docs give.
 */
export function renameDeclarations(
  decls: readonly Decl[],
  names: ReadonlyMap<string, string>,
): Decl[] {
  if (names.size === 0) return [...decls];
  return decls.map((decl) => {
    const name = names.get(decl.id);
    return name === undefined ? decl : { ...decl, name };
  });
}
