/**
 * Assembles one output module with ts-morph: banner, imports, declarations (added in one batch).
 */
import {
  Project,
  StructureKind,
  type ImportDeclarationStructure,
  type StatementStructures,
} from "ts-morph";
import { typeStatements, type TypeEmitContext } from "./types.js";
import type { ModulePlan } from "./plan.js";

let project: Project | undefined;

/** One in-memory ts-morph project per process; files are removed after printing. */
function sharedProject(): Project {
  project ??= new Project({
    useInMemoryFileSystem: true,
    skipLoadingLibFiles: true,
    compilerOptions: {},
  });
  return project;
}

/** `import type { A, B as B2 } from "./a.js"` structures, one per imported module. */
export function importStatements(
  plan: ModulePlan,
  typeOnly: boolean,
): ImportDeclarationStructure[] {
  return plan.imports.map((entry) => ({
    kind: StructureKind.ImportDeclaration,
    isTypeOnly: typeOnly,
    moduleSpecifier: entry.specifier,
    namedImports: [
      entry.local === entry.exported
        ? entry.exported
        : { name: entry.exported, alias: entry.local },
    ],
  }));
}

/** Prints statement structures to text (unformatted; prettier runs later). */
export function printStatements(path: string, statements: StatementStructures[]): string {
  const sourceFile = sharedProject().createSourceFile(
    `/${path}`,
    { statements },
    { overwrite: true },
  );
  const text = sourceFile.getFullText();
  sharedProject().removeSourceFile(sourceFile);
  return text;
}

/** The unformatted text of a module (without banner). */
export function emitModule(plan: ModulePlan, context: TypeEmitContext): string {
  return printStatements(plan.path, [
    ...importStatements(plan, true),
    ...typeStatements(plan, context),
  ]);
}
