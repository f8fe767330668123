/**
 * Assembles one output module with ts-morph: imports, declarations and validators, added in one batch.
 */
import {
  printStructure,
  StructureKind,
  type ImportDeclarationStructure,
  type StatementStructures,
} from "ts-morph";
import type { EnumStyle } from "../core/options.js";
import type { ModulePlan } from "./plan.js";
import type { DeclShape } from "./shape.js";
import { typeStatements } from "./types.js";
import { emitValidators, type ValidatorContext } from "./validators.js";

/** What module emission needs besides the plan and shape: the enum style, and validators when enabled. */
export interface ModuleEmitContext {
  enumStyle: EnumStyle;
  validators: ValidatorContext | null;
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

/**
 * Prints statement structures to text (unformatted; prettier runs later) with ts-morph's structure
 * printer, in one batch. Printing needs no source file: creating one would parse the text again with
 * the TypeScript compiler only to read it back (a third of emit time on a large docs folder).
 */
export function printStatements(statements: ReadonlyArray<string | StatementStructures>): string {
  // One blank line between declarations (prettier keeps blank lines but never adds them); imports
  // stay together as one block.
  const blocks: string[] = [];
  let imports: StatementStructures[] = [];
  const flushImports = () => {
    if (imports.length > 0)
      blocks.push(printStructure({ kind: StructureKind.SourceFile, statements: imports }));
    imports = [];
  };
  for (const statement of statements) {
    if (typeof statement !== "string" && statement.kind === StructureKind.ImportDeclaration) {
      imports.push(statement);
      continue;
    }
    flushImports();
    blocks.push(typeof statement === "string" ? statement : printStructure(statement));
  }
  flushImports();
  return `${blocks.map((block) => block.trim()).join("\n\n")}\n`;
}

/** A module's text before formatting: the part prettier formats, and the validator code. */
export interface ModuleText {
  /** Imports and type declarations, printed by ts-morph (unformatted). */
  head: string;
  /** The validator code ("" without validators). */
  validators: string;
  /** Whether the validator code is in prettier's layout already (see validator-layout.ts). */
  laidOut: boolean;
}

/**
 * The text of a module (without banner): imports and type declarations printed by ts-morph in one
 * batch, and, when enabled, the validator code (see validators.ts).
 */
export function emitModule(
  plan: ModulePlan,
  shape: DeclShape,
  context: ModuleEmitContext,
): ModuleText {
  const types = (module: ModulePlan) => typeStatements(module, shape, context.enumStyle);
  if (context.validators === null) {
    return {
      head: printStatements([...importStatements(plan, true), ...types(plan)]),
      validators: "",
      laidOut: true,
    };
  }
  const validators = emitValidators(plan, shape, context.validators);
  return {
    head: printStatements([...validators.imports, ...types(validators.plan)]),
    validators: validators.code,
    laidOut: validators.laidOut,
  };
}
