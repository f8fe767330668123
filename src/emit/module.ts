/**
 * Assembles one output module with ts-morph: banner, imports, declarations (added in one batch), then
 * the validators' code (text, appended after printing; see validators.ts).
 */
import {
  Project,
  StructureKind,
  type ImportDeclarationStructure,
  type StatementStructures,
} from "ts-morph";
import { typeStatements, type TypeEmitContext } from "./types.js";
import type { ModulePlan } from "./plan.js";
import { emitValidators, type ValidatorContext } from "./validators.js";

/** What module emission needs besides the plan: type options, and validator context when enabled. */
export interface ModuleEmitContext extends TypeEmitContext {
  validators?: ValidatorContext | undefined;
}

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

/**
 * A module in two parts (without banner): `head`, the imports and types, still to be formatted; and
 * `tail`, the validators, laid out already (empty without validators).
 */
export function emitModuleParts(
  plan: ModulePlan,
  context: ModuleEmitContext,
): { head: string; tail: string } {
  if (context.validators === undefined)
    return {
      head: printStatements(plan.path, [
        ...importStatements(plan, true),
        ...typeStatements(plan, context),
      ]),
      tail: "",
    };
  const validators = emitValidators(plan, context.validators);
  const head = printStatements(plan.path, [
    ...validators.imports,
    ...typeStatements(validators.plan, context),
  ]);
  return { head, tail: validators.code };
}

/** The unformatted text of a module (without banner). */
export function emitModule(plan: ModulePlan, context: ModuleEmitContext): string {
  const { head, tail } = emitModuleParts(plan, context);
  return tail === "" ? head : `${head}\n${tail}`;
}
