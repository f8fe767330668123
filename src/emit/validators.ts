/**
 * Emits the validators of a module: for its declaration `X`, `isX`, `validateX`, `assertX`, `XSchema`,
 * the check `$isX(v, d)` other modules call, and the table `$sX` the runtime's issue collector walks
 * when a check fails: both written from the declaration's shape (shape.ts). The code is text (not
 * ts-morph structures), appended after the printed types and laid out by validator-layout.ts.
 */
import type { ImportDeclarationStructure } from "ts-morph";
import { StructureKind } from "ts-morph";
import { jsdocText, literalType, stringLiteral } from "./escape.js";
import { importSpecifier, type ImportExtension, type ModulePlan } from "./plan.js";
import { isPrettierLayout, layoutCode } from "./validator-layout.js";
import type { DeclShape, ValueShape } from "./shape.js";
import { CheckWriter, enumCheckBody, type CheckOptions } from "./validator-checks.js";
import {
  moduleLocals,
  RUNTIME_NAMES,
  type ValidatorLocals,
  type ValidatorNames,
} from "./validator-names.js";

/** Everything validator emission needs beyond the module's plan and shape. */
export interface ValidatorContext extends CheckOptions {
  /** The validator names of the module's own declaration and of those it imports, by id. */
  names: ReadonlyMap<string, ValidatorNames>;
  /** Output path of the runtime module (`runtime.ts`). */
  runtimePath: string;
  /** The extension of relative import specifiers. */
  importExtension: ImportExtension;
}

/** A module's validators: the imports that replace the type-only ones, and the code after the types. */
export interface ValidatorEmit {
  /** The plan with local names adjusted for the validators (use it to emit the types). */
  plan: ModulePlan;
  imports: ImportDeclarationStructure[];
  code: string;
  /** Whether `code` is exactly as prettier would lay it out (else it needs formatting). */
  laidOut: boolean;
}

/** The runtime's text of a shape (see `Shape` in the runtime template). */
function shapeText(shape: ValueShape, locals: ValidatorLocals): string {
  switch (shape.kind) {
    case "string":
      return `"${shape.format ?? "string"}"`;
    case "number":
      return shape.integer === "int32"
        ? `"int32"`
        : shape.integer === "safe"
          ? `"integer"`
          : `"number"`;
    case "Date":
    case "bigint":
    case "boolean":
    case "unknown":
    case "null":
    case "object":
      return `"${shape.kind}"`;
    case "literal":
      return `{ lit: ${literalType(shape.value)} }`;
    case "array":
      return `{ arr: ${shapeText(shape.items, locals)} }`;
    case "map":
      return `{ map: ${shapeText(shape.values, locals)} }`;
    case "union":
      return `{ or: [${shape.members.map((member) => shapeText(member, locals)).join(", ")}] }`;
    case "ref":
      return `() => ${(locals.values.get(shape.target) as { shape: { local: string } }).shape.local}`;
  }
}

function declShapeText(shape: DeclShape, locals: ValidatorLocals): string {
  const name = `name: ${stringLiteral(shape.name)},`;
  switch (shape.kind) {
    case "object": {
      if (shape.fields === null) return `{\n${name}\nfields: null,\n}`;
      const fields = shape.fields.map(
        (field) =>
          `[${stringLiteral(field.key)}, ${field.required ? 1 : 0}, ${shapeText(field.shape, locals)}]`,
      );
      return `{\n${name}\nfields: [${fields.join(", ")}],\n}`;
    }
    case "enum": {
      const values = shape.values.map(literalType);
      const open = shape.open.map((base) => `"${base}"`);
      return `{\n${name}\nvalues: [${values.join(", ")}],\nopen: [${open.join(", ")}],\n}`;
    }
    case "union": {
      const members = shape.members.map((member) => shapeText(member, locals));
      const tagText = shape.tag ? stringLiteral(shape.tag.property) : "null";
      return `{\n${name}\nmembers: [${members.join(", ")}],\ntag: ${tagText},\n}`;
    }
  }
}

function doc(text: string): string {
  return `/** ${jsdocText(text)} */`;
}

/** The imports (types and validators of referenced modules, runtime helpers) and validator code of a module. */
export function emitValidators(
  plan: ModulePlan,
  shape: DeclShape,
  context: ValidatorContext,
): ValidatorEmit {
  const locals = moduleLocals(plan, context.names);
  const own = context.names.get(plan.decl.id) as ValidatorNames;
  const writer = new CheckWriter(locals, context);
  const type = plan.identifier;
  const out: string[] = [];
  const add = (comment: string, declaration: string) =>
    out.push(`${doc(comment)}\n${declaration}\n`);

  if (shape.kind === "enum") {
    add(
      `Whether \`value\` is a ${type}.`,
      `export function ${own.is}(value: unknown): value is ${type} {\n${enumCheckBody(shape)}\n}`,
    );
  } else {
    const body = writer.checkBody(shape);
    add(
      `Checks a ${type} nested \`d\` levels deep (for other validators).`,
      `export function ${own.check}(v: unknown, d: number): boolean {\n${body}\n}`,
    );
    add(
      `Whether \`value\` is a ${type}.`,
      `export function ${own.is}(value: unknown): value is ${type} {\nreturn ${own.check}(value, 0);\n}`,
    );
  }
  const call = shape.kind === "enum" ? `${own.is}(value)` : `${own.check}(value, 0)`;
  const runtime = (name: (typeof RUNTIME_NAMES)[number]) => writer.runtime(name);
  add(
    `Checks \`value\` as a ${type}, with every issue found.`,
    `export function ${own.validate}(value: unknown): ${runtime("ValidationResult")}<${type}> {\nreturn ${call} ? { success: true, value: value as ${type} } : ${runtime("$collect")}(value, ${own.shape});\n}`,
  );
  add(
    `Throws a \`ValidationError\` unless \`value\` is a ${type}.`,
    `export function ${own.assert}(value: unknown): asserts value is ${type} {\nif (!${call}) ${runtime("$throw")}(value, ${own.shape});\n}`,
  );
  add(
    `${type} as a Standard Schema v1 object.`,
    `export const ${own.schema}: ${runtime("StandardSchemaV1")}<unknown, ${type}> = ${runtime("$standard")}(${own.validate});`,
  );
  add(
    `The shape of ${type} that \`${own.validate}\` reports issues from.`,
    `export const ${own.shape}: ${runtime("DeclShape")} = ${declShapeText(shape, locals)};`,
  );
  const code = layoutCode([...writer.helpers.map((helper) => `${helper}\n`), ...out].join("\n"));

  const imports: ImportDeclarationStructure[] = [];
  const runtimeImports = RUNTIME_NAMES.filter((name) => writer.usedRuntime.has(name)).map(
    (name) => {
      const local = locals.runtime.get(name) as string;
      const isTypeOnly = /^[A-Z]/.test(name);
      return local === name ? { name, isTypeOnly } : { name, alias: local, isTypeOnly };
    },
  );
  imports.push({
    kind: StructureKind.ImportDeclaration,
    moduleSpecifier: importSpecifier(plan.path, context.runtimePath, context.importExtension),
    namedImports: runtimeImports,
  });
  for (const entry of locals.plan.imports) {
    const values = locals.values.get(entry.targetId);
    const named = [
      {
        name: entry.exported,
        isTypeOnly: true,
        ...(entry.local !== entry.exported ? { alias: entry.local } : {}),
      },
    ];
    if (values)
      for (const value of [values.check, values.shape])
        named.push({
          name: value.exported,
          isTypeOnly: false,
          ...(value.local !== value.exported ? { alias: value.local } : {}),
        });
    imports.push({
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: entry.specifier,
      namedImports: named,
    });
  }
  return { plan: locals.plan, imports, code, laidOut: isPrettierLayout(code) };
}
