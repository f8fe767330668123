/**
 * The output's `index.ts`: re-exports every module. Folders whose exported names collide with another
 * folder's are re-exported as a namespace (`export * as operations from "./models/operations/index.js"`)
 * through a barrel `index.ts` in that folder.
 */
import { posix as path } from "node:path";
import { NameAllocator, sanitizeIdentifier } from "../model/names.js";
import { stringLiteral } from "./escape.js";
import { byCodePoint, importSpecifier, type ImportExtension, type ModulePlan } from "./plan.js";

/** An index file to write: path relative to the output root, and its unformatted body. */
export interface IndexFile {
  path: string;
  body: string;
}

/**
 * Plans the index files. `exportsOf` lists the names a module exports (types and validators alike).
 * `extraRootLines` are appended to the root index (e.g. the runtime module's re-export).
 */
export function indexFiles(
  modules: readonly ModulePlan[],
  exportsOf: (plan: ModulePlan) => readonly string[],
  extraRootLines: readonly string[] = [],
  extension: ImportExtension = ".js",
): IndexFile[] {
  const byFolder = new Map<string, ModulePlan[]>();
  for (const plan of modules) {
    const folder = path.dirname(plan.path);
    const list = byFolder.get(folder);
    if (list) list.push(plan);
    else byFolder.set(folder, [plan]);
  }
  const folderOfName = new Map<string, Set<string>>();
  for (const plan of modules) {
    for (const name of exportsOf(plan)) {
      const folders = folderOfName.get(name) ?? new Set<string>();
      folders.add(path.dirname(plan.path));
      folderOfName.set(name, folders);
    }
  }
  const namespaced = new Set<string>();
  for (const folders of folderOfName.values())
    if (folders.size > 1) for (const folder of folders) namespaced.add(folder);

  const files: IndexFile[] = [];
  const root: string[] = [];
  const namespaces = new NameAllocator(["index"]);
  for (const folder of [...byFolder.keys()].sort(byCodePoint)) {
    const plans = (byFolder.get(folder) as ModulePlan[])
      .slice()
      .sort((a, b) => byCodePoint(a.path, b.path));
    if (!namespaced.has(folder)) {
      for (const plan of plans)
        root.push(
          `export * from ${stringLiteral(importSpecifier("index.ts", plan.path, extension))};`,
        );
      continue;
    }
    // Pages at the root get their barrel beside the root index.
    const barrelPath = folder === "." ? "index_root.ts" : `${folder}/index.ts`;
    const barrel = plans.map(
      (plan) =>
        `export * from ${stringLiteral(importSpecifier(barrelPath, plan.path, extension))};`,
    );
    files.push({ path: barrelPath, body: `${barrel.join("\n")}\n` });
    const namespace = namespaces.allocate(
      sanitizeIdentifier(folder === "." ? "root" : path.basename(folder)),
    );
    root.push(
      `export * as ${namespace} from ${stringLiteral(importSpecifier("index.ts", barrelPath, extension))};`,
    );
  }
  files.push({ path: "index.ts", body: `${[...root, ...extraRootLines].join("\n")}\n` });
  return files;
}
