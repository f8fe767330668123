/**
 * The output's `index.ts`: the public API of every module. Each name that only one folder exports is
 * re-exported at the top level; every folder (but the root) is also re-exported as a namespace through
 * a barrel `index.ts` in that folder (`export * as components from "./models/components/index.js"`),
 * so `components.Batch` works as well as `Batch`. A name that several folders export (the
 * `duplicate-name` warning) is only in the namespaces. Names are listed one by one, never with
 * `export *`: the modules' `$`-prefixed internals, which other modules import, stay out of the index.
 */
import { posix as path } from "node:path";
import { sanitizeIdentifier } from "../core/identifiers.js";
import { NameAllocator } from "./names.js";
import { stringLiteral } from "./escape.js";
import { byCodePoint } from "../core/text.js";
import { importSpecifier, type ImportExtension, type ModulePlan } from "./plan.js";
import type { Decl } from "../core/model.js";
import type { EnumStyle } from "../core/options.js";

/**
 * Whether a declaration's identifier is a value as well as a type: the const object or TS enum of an
 * enum page (not with `enumStyle: "union"`). Interfaces and type aliases are types only.
 */
export function declaresValue(decl: Decl, enumStyle: EnumStyle): boolean {
  return decl.kind === "enum" && enumStyle !== "union";
}

/** An index file to write: path relative to the output root, and its unformatted body. */
export interface IndexFile {
  path: string;
  body: string;
}

/** A name a module exports to users; `typeOnly` names are re-exported with `type`. */
export interface PublicName {
  name: string;
  typeOnly: boolean;
}

/** A module outside the plan whose names the root index exports first (the validators' runtime). */
export interface RootExport {
  /** Output path of the module (`runtime.ts`). */
  path: string;
  names: readonly PublicName[];
}

/** `export { a, type B } from "<specifier>";`, or nothing when there is no name to export. */
function exportLine(names: readonly PublicName[], specifier: string): string[] {
  if (names.length === 0) return [];
  const list = names.map((entry) => (entry.typeOnly ? `type ${entry.name}` : entry.name));
  return [`export { ${list.join(", ")} } from ${stringLiteral(specifier)};`];
}

/**
 * Plans the index files. `exportsOf` lists the public names of a module (its type and validators);
 * `rootExports` are modules whose names the root index exports before any model's (a model name
 * equal to one of theirs is left to its folder's namespace).
 */
export function indexFiles(
  modules: readonly ModulePlan[],
  exportsOf: (plan: ModulePlan) => readonly PublicName[],
  rootExports: readonly RootExport[] = [],
  extension: ImportExtension = ".js",
): IndexFile[] {
  const byFolder = new Map<string, ModulePlan[]>();
  for (const plan of modules) {
    const folder = path.dirname(plan.path);
    const list = byFolder.get(folder);
    if (list) list.push(plan);
    else byFolder.set(folder, [plan]);
  }
  // A name is clashing when two folders export it, or the root exports already hold it.
  const foldersOfName = new Map<string, Set<string>>();
  for (const plan of modules)
    for (const { name } of exportsOf(plan)) {
      const folders = foldersOfName.get(name) ?? new Set<string>();
      folders.add(path.dirname(plan.path));
      foldersOfName.set(name, folders);
    }
  const rootNames = new Set(rootExports.flatMap((entry) => entry.names.map((n) => n.name)));
  const unique = (name: string) =>
    !rootNames.has(name) && (foldersOfName.get(name)?.size ?? 0) === 1;
  const clashingFolders = new Set<string>();
  for (const plan of modules)
    if (exportsOf(plan).some(({ name }) => !unique(name)))
      clashingFolders.add(path.dirname(plan.path));

  const files: IndexFile[] = [];
  const root: string[] = [];
  const namespaceLines: string[] = [];
  const namespaces = new NameAllocator([
    "index",
    ...rootNames,
    ...[...foldersOfName.keys()].filter(unique),
  ]);
  for (const folder of [...byFolder.keys()].sort(byCodePoint)) {
    const plans = (byFolder.get(folder) as ModulePlan[])
      .slice()
      .sort((a, b) => byCodePoint(a.path, b.path));
    for (const plan of plans)
      root.push(
        ...exportLine(
          exportsOf(plan).filter(({ name }) => unique(name)),
          importSpecifier("index.ts", plan.path, extension),
        ),
      );
    // Pages at the root are reached at the top level; they need a namespace only for clashing names.
    if (folder === "." && !clashingFolders.has(folder)) continue;
    const barrelPath = folder === "." ? "index_root.ts" : `${folder}/index.ts`;
    const barrel = plans.flatMap((plan) =>
      exportLine(exportsOf(plan), importSpecifier(barrelPath, plan.path, extension)),
    );
    files.push({ path: barrelPath, body: `${barrel.join("\n")}\n` });
    const namespace = namespaces.allocate(
      sanitizeIdentifier(folder === "." ? "root" : path.basename(folder)),
    );
    namespaceLines.push(
      `export * as ${namespace} from ${stringLiteral(importSpecifier("index.ts", barrelPath, extension))};`,
    );
  }
  const rootExportLines = rootExports.flatMap((entry) =>
    exportLine(entry.names, importSpecifier("index.ts", entry.path, extension)),
  );
  files.push({
    path: "index.ts",
    body: `${[...root, ...namespaceLines, ...rootExportLines].join("\n")}\n`,
  });
  return files;
}
