/**
 * The overrides stage of the pipeline, between reading pages and resolving references: each
 * overridden page's declaration is corrected by model/overrides.ts (cached by the page's result and
 * its entry, so an unchanged run loads neither remark nor the grammar), entries that name no page are
 * reported with the nearest page paths, and declarations get their new names once references are
 * resolved.
 */
import { basename } from "node:path";
import { diagnosticAt, type Diagnostic } from "../core/diagnostics.js";
import { sanitizeIdentifier } from "../core/identifiers.js";
import { NameAllocator } from "../emit/names.js";
import { SHADOW_PROOF_NAMES } from "../emit/plan.js";
import { modelNameClashes, withoutNameNote, type NamedModel } from "../model/override-names.js";
import type { PageResult } from "../model/build.js";
import { isEmptyEnum, undocumentedAsEnum } from "../model/undocumented.js";
import type { Decl } from "../core/model.js";
import { anchorOfId, declaredAt } from "../core/decl-ref.js";
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

/**
 * One model an override may name: slot `slot` of page `index`'s declarations (none for a page
 * without a model), and the keys that name it.
 */
interface OverrideTarget {
  index: number;
  slot: number;
  /** The page file. */
  file: string;
  decl?: Decl;
  /**
   * The override keys that name it: the page's path for a page's only model (or a page without one),
   * and the page's path with `#` and an anchor of its section for a section's model.
   */
  keys: string[];
}

/** Every model of the pages read, with the override keys that name it. */
function overrideTargets(
  pages: readonly SourcePage[],
  results: readonly PageResult[],
): OverrideTarget[] {
  return results.flatMap((result, index) => {
    const file = (pages[index] as SourcePage).file;
    if (result.decls.length === 0) return [{ index, slot: -1, file, keys: [file] }];
    return result.decls.map((decl, slot) => {
      const anchors = [anchorOfId(decl.id), ...(decl.anchors ?? [])].flatMap((anchor) =>
        anchor === undefined ? [] : [`${file}#${anchor}`],
      );
      const keys = result.decls.length === 1 ? [file, ...anchors] : anchors;
      return { index, slot, file, decl, keys: [...new Set(keys)] };
    });
  });
}

/** A model named by an override entry: the target and the entry's key. */
type NamedTarget = OverrideTarget & { key: string };

/** Applies `options.overrides` to the pages read (`results[i]` is the result of `pages[i]`). */
export async function overrideModel(
  pages: readonly SourcePage[],
  results: readonly PageResult[],
  options: ResolvedOptions,
  cache: ContentCache,
): Promise<OverriddenModel> {
  const entries = options.overrides;
  const out: OverriddenModel = {
    results: results.map((result) => ({ ...result, decls: [...result.decls] })),
    diagnostics: [],
    names: new Map(),
  };
  if (Object.keys(entries).length === 0) return { ...out, results: [...results] };
  const targets = overrideTargets(pages, results);
  const byKey = new Map<string, OverrideTarget>();
  for (const target of targets)
    for (const key of target.keys) if (!byKey.has(key)) byKey.set(key, target);
  const named: NamedTarget[] = [];
  for (const [key, entry] of Object.entries(entries)) {
    const target = byKey.get(key);
    if (target === undefined) continue;
    named.push({ ...target, key });
    const result = results[target.index] as PageResult;
    const whole = overrideSourceOf(entry, key);
    // Values for a page the docs left undocumented: it is read as an enum of those values.
    const asEnum = entry.values?.add?.length ? undocumentedAsEnum(target.decl) : undefined;
    const decl = asEnum ?? target.decl;
    // The input of the computation is all it reads: the page as read, the entry, where the entry's
    // keys are (diagnostics point at them) and the options that change how it reads.
    const input = {
      page: {
        file: target.file,
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
        fieldNames: given.fieldNames,
        typeMap: given.typeMap,
        maxTypeDepth: given.maxTypeDepth,
      });
    });
    const current = out.results[target.index] as PageResult;
    if (applied.decl && target.slot >= 0) current.decls[target.slot] = applied.decl;
    // It is no longer `unknown` (or an enum without values): the page's warning that it is goes.
    const filled =
      asEnum ?? (isEmptyEnum(target.decl) && entry.values?.add?.length ? decl : undefined);
    if (filled)
      current.diagnostics = current.diagnostics.filter(
        (d) =>
          (d.ruleId !== "undocumented-model" && d.ruleId !== "empty-enum") ||
          (current.decls.length > 1 && !within(d, filled.origin)),
      );
    out.diagnostics.push(...applied.diagnostics);
    // A name equal to the docs' one renames nothing (a warning says so) and takes no other's name.
    if (applied.decl && entry.name !== undefined && entry.name !== applied.decl.name)
      out.names.set(applied.decl.id, entry.name);
  }
  refuseUnusableNames(out, named, entries);
  refuseTakenNames(out, named, entries);
  const seen = new Set(named.map((target) => target.key));
  const models = targets.flatMap((target) =>
    target.decl ? target.keys.map((key) => ({ file: key, name: (target.decl as Decl).name })) : [],
  );
  for (const [key, entry] of Object.entries(entries)) {
    if (seen.has(key)) continue;
    const hint = pageHint(key, models, entries);
    out.diagnostics.push(
      diagnosticAt(
        placeIn(overrideSourceOf(entry, key), []),
        "error",
        "override-unmatched",
        `Unexpected override of \`${key}\`, expected the path of a page in the input folder${hint}`,
      ),
    );
  }
  return out;
}

/**
 * Whether a page diagnostic is about the model at `origin`: it starts inside the model's span (the
 * page's warnings about a model point at its title or its section).
 */
function within(diagnostic: Diagnostic, origin: Decl["origin"]): boolean {
  const after = (line: number, column: number, l: number, c: number) =>
    line > l || (line === l && column >= c);
  return (
    after(diagnostic.line, diagnostic.column, origin.line, origin.column) &&
    !after(diagnostic.line, diagnostic.column, origin.endLine, origin.endColumn + 1)
  );
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
  target: NamedTarget,
  entries: Readonly<Record<string, PageOverride>>,
  ruleId: RuleId,
  message: string,
): void {
  const entry = entries[target.key] as PageOverride;
  out.diagnostics.push(
    diagnosticAt(placeIn(overrideSourceOf(entry, target.key), ["name"]), "error", ruleId, message),
  );
  const result = out.results[target.index] as PageResult;
  const decl = result.decls[target.slot] as Decl;
  out.names.delete(decl.id);
  result.decls[target.slot] = withoutNameNote(decl);
}

/** The declaration a named target holds after the overrides were applied, if it has one. */
const currentDecl = (out: OverriddenModel, target: NamedTarget): Decl | undefined =>
  target.slot < 0 ? undefined : out.results[target.index]?.decls[target.slot];

/**
 * Refuses the `name` overrides that the output cannot use as written: not a TypeScript identifier
 * (`Assistant Object`), a reserved word, or a global the generated code uses (`Error`). A title
 * from the docs is renamed in such cases (`renamed-identifier`, at the page, which is no help for a
 * name the config gives); a name the user chose is theirs to change, as a taken name is.
 */
function refuseUnusableNames(
  out: OverriddenModel,
  named: readonly NamedTarget[],
  entries: Readonly<Record<string, PageOverride>>,
): void {
  for (const target of named) {
    const decl = currentDecl(out, target);
    const name = decl ? out.names.get(decl.id) : undefined;
    if (decl === undefined || name === undefined) continue;
    const emitted = new NameAllocator(SHADOW_PROOF_NAMES).allocate(sanitizeIdentifier(name));
    if (emitted === name) continue;
    const docs = decl.name;
    refuseName(
      out,
      target,
      entries,
      "override-invalid-name",
      `Unexpected name \`${name}\` for \`${docs}\` (${target.key}), expected a TypeScript identifier the output can use as written (it would be emitted as \`${emitted}\`); \`${docs}\` keeps its name`,
    );
  }
}

/**
 * Reports the `name` overrides that take another model's name (model/override-names.ts) and takes
 * them back (`refuseName`).
 */
function refuseTakenNames(
  out: OverriddenModel,
  named: readonly NamedTarget[],
  entries: Readonly<Record<string, PageOverride>>,
): void {
  if (out.names.size === 0) return;
  const models = new Map<string, NamedModel & { target?: NamedTarget }>();
  const byId = new Map(
    named.flatMap((target) => {
      const decl = currentDecl(out, target);
      return decl ? [[decl.id, target] as const] : [];
    }),
  );
  for (const result of out.results)
    for (const decl of result.decls) {
      const target = byId.get(decl.id);
      models.set(decl.id, {
        id: decl.id,
        name: decl.name,
        file: target?.key ?? declaredAt(decl),
        ...(target ? { target } : {}),
      });
    }
  for (const clash of modelNameClashes([...models.values()], out.names)) {
    const model = models.get(clash.id) as NamedModel & { target?: NamedTarget };
    if (model.target === undefined) continue;
    const whose = clash.other.renamed
      ? `the name the override of ${clash.other.file} gives \`${clash.other.name}\` too`
      : `the name of \`${clash.other.name}\` (${clash.other.file})`;
    refuseName(
      out,
      model.target,
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
