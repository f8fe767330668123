/**
 * Emits the validators of a module: for its declaration `X`, `isX`, `validateX`, `assertX`, `XSchema`,
 * the check `$isX(v, d)` other modules call, and the shape `$sX` the runtime's issue collector walks
 * when a check fails. The code is text (not ts-morph structures): it is appended after the printed
 * types, so ts-morph never parses it and prettier formats it with the rest of the module.
 */
import type { ImportDeclarationStructure } from "ts-morph";
import { StructureKind } from "ts-morph";
import type { Decl, TypeRef } from "../core/model.js";
import { jsdocText, literalType, stringLiteral } from "./escape.js";
import { importSpecifier, type ImportExtension, type ModulePlan } from "./plan.js";
import { WIDTH } from "./layout-text.js";
import { isPrettierLayout, layoutCode } from "./validator-layout.js";
import {
  CheckWriter,
  discriminatorOf,
  enumCheckBody,
  type CheckContext,
} from "./validator-checks.js";
import {
  moduleLocals,
  RUNTIME_NAMES,
  type ValidatorLocals,
  type ValidatorNames,
} from "./validator-names.js";

/** Everything validator emission needs beyond the module's plan. */
export interface ValidatorContext extends CheckContext {
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

/** The options that change a shape. */
type ShapeOptions = Pick<CheckContext, "int64" | "dates">;

/** The shape expression of a type (see `Shape` in the runtime). */
function shapeText(type: TypeRef, locals: ValidatorLocals, context: ShapeOptions): string {
  switch (type.kind) {
    case "string":
      if (type.format === "date-time") return context.dates === "Date" ? `"Date"` : `"date-time"`;
      return type.format === "date" ? `"date"` : `"string"`;
    case "boolean":
    case "unknown":
    case "null":
      return `"${type.kind}"`;
    case "number":
      if (type.format === "int32") return `"int32"`;
      if (type.format === "int64") return context.int64 === "bigint" ? `"bigint"` : `"integer"`;
      return type.format === "integer" ? `"integer"` : `"number"`;
    case "literal":
      return `{ lit: ${literalType(type.value)} }`;
    case "open-object":
      return `"object"`;
    case "array":
      return `{ arr: ${shapeText(type.items, locals, context)} }`;
    case "map":
      return `{ map: ${shapeText(type.values, locals, context)} }`;
    case "union":
      return `{ or: [${type.members.map((member) => shapeText(member, locals, context)).join(", ")}] }`;
    case "ref": {
      const local = type.target !== undefined ? locals.values.get(type.target) : undefined;
      return local ? `() => ${local.shape.local}` : `"unknown"`;
    }
  }
}

/** Whether docs2ts's layout of a module's validator code is exactly prettier's (see `list`). */
interface Layout {
  exact: boolean;
}

/**
 * `key: [elements],` as a property of a top-level object, laid out as prettier does: on one line when
 * it fits in 100 columns and prettier does not force a break (several elements, all arrays of more
 * than one item), else one element per line. Prettier fills lines with numbers instead: a list of
 * numbers too wide for one line is left to prettier.
 */
function list(key: string, elements: readonly string[], layout: Layout): string {
  const inline = `${key}: [${elements.join(", ")}],`;
  const forced = elements.length > 1 && elements.every((element) => element.startsWith("["));
  if (!forced && 2 + inline.length <= WIDTH) return inline;
  if (elements.length > 1 && elements.every((element) => /^-?\d/.test(element)))
    layout.exact = false;
  return `${key}: [\n${elements.map((element) => `${element},`).join("\n")}\n],`;
}

function declShapeText(
  decl: Decl,
  plan: ModulePlan,
  locals: ValidatorLocals,
  context: ValidatorContext,
  layout: Layout,
): string {
  const name = `name: ${stringLiteral(plan.identifier)},`;
  switch (decl.kind) {
    case "object": {
      if (decl.open) return `{\n${name}\nfields: null,\n}`;
      const fields = decl.fields.map(
        (field, index) =>
          `[${stringLiteral(plan.propertyNames[index] as string)}, ${field.required ? 1 : 0}, ${shapeText(field.type, locals, context)}]`,
      );
      return `{\n${name}\n${list("fields", fields, layout)}\n}`;
    }
    case "enum": {
      const values = decl.members.map((member) => literalType(member.value));
      const bases = decl.open
        ? [...new Set(decl.members.map((member) => typeof member.value))].sort()
        : [];
      const open = bases.map((base) => `"${base}"`);
      return `{\n${name}\n${list("values", values, layout)}\n${list("open", open, layout)}\n}`;
    }
    case "union": {
      const members = decl.members.map((member) => shapeText(member.type, locals, context));
      const tag = discriminatorOf(decl, context);
      const tagText = tag ? stringLiteral(tag.property) : "null";
      return `{\n${name}\n${list("members", members, layout)}\ntag: ${tagText},\n}`;
    }
  }
}

/** `return a ? b : c;`, on three lines (as prettier would) when one line would pass 100 columns. */
function ternary(condition: string, then: string, otherwise: string): string {
  const line = `return ${condition} ? ${then} : ${otherwise};`;
  return line.length + 2 <= WIDTH ? line : `return ${condition}\n? ${then}\n: ${otherwise};`;
}

/**
 * `export const name: Type<A, B> = callee(argument);` laid out as prettier lays out an assignment of a
 * call with one identifier argument: on one line when it fits. A left side too wide for one line
 * breaks its type arguments, one per line. Otherwise a short argument (at most a quarter of the print
 * width) makes the call "poorly breakable" and the line breaks after `=`; a longer one stays after
 * `=` when `left callee(` fits, with the argument on a line of its own.
 */
function assignCall(
  name: string,
  type: string,
  typeArguments: readonly string[],
  callee: string,
  argument: string,
): string {
  const left = `export const ${name}: ${type}<${typeArguments.join(", ")}> =`;
  const line = `${left} ${callee}(${argument});`;
  if (line.length <= WIDTH) return line;
  if (left.length > WIDTH)
    return `export const ${name}: ${type}<\n${typeArguments.join(",\n")}\n> = ${callee}(${argument});`;
  if (argument.length > WIDTH / 4 && left.length + callee.length + 2 <= WIDTH)
    return `${left} ${callee}(\n${argument},\n);`;
  return `${left}\n= ${callee}(${argument});`;
}

function doc(text: string): string {
  return `/** ${jsdocText(text)} */`;
}

/** The imports (types and validators of referenced modules, runtime helpers) and validator code of a module. */
export function emitValidators(plan: ModulePlan, context: ValidatorContext): ValidatorEmit {
  const locals = moduleLocals(plan, context.names, context.decls);
  const own = context.names.get(plan.decl.id) as ValidatorNames;
  const writer = new CheckWriter(locals, context);
  const decl = plan.decl;
  const type = plan.identifier;
  const out: string[] = [];
  const layout: Layout = { exact: true };
  const add = (comment: string, declaration: string) =>
    out.push(`${doc(comment)}\n${declaration}\n`);

  if (decl.kind === "enum") {
    add(
      `Whether \`value\` is a ${type}.`,
      `export function ${own.is}(value: unknown): value is ${type} {\n${enumCheckBody(decl)}\n}`,
    );
  } else {
    const body = writer.checkBody(decl, locals.plan);
    add(
      `Checks a ${type} nested \`d\` levels deep (for other validators).`,
      `export function ${own.check}(v: unknown, d: number): boolean {\n${body}\n}`,
    );
    add(
      `Whether \`value\` is a ${type}.`,
      `export function ${own.is}(value: unknown): value is ${type} {\nreturn ${own.check}(value, 0);\n}`,
    );
  }
  const call = decl.kind === "enum" ? `${own.is}(value)` : `${own.check}(value, 0)`;
  const runtime = (name: (typeof RUNTIME_NAMES)[number]) => writer.runtime(name);
  add(
    `Checks \`value\` as a ${type}, with every issue found.`,
    `export function ${own.validate}(value: unknown): ${runtime("ValidationResult")}<${type}> {\n${ternary(call, `{ success: true, value: value as ${type} }`, `${runtime("$collect")}(value, ${own.shape})`)}\n}`,
  );
  add(
    `Throws a \`ValidationError\` unless \`value\` is a ${type}.`,
    `export function ${own.assert}(value: unknown): asserts value is ${type} {\nif (!${call}) ${runtime("$throw")}(value, ${own.shape});\n}`,
  );
  add(
    `${type} as a Standard Schema v1 object.`,
    assignCall(
      own.schema,
      runtime("StandardSchemaV1"),
      ["unknown", type],
      runtime("$standard"),
      own.validate,
    ),
  );
  add(
    `The shape of ${type} that \`${own.validate}\` reports issues from.`,
    `export const ${own.shape}: ${runtime("DeclShape")} = ${declShapeText(decl, locals.plan, locals, context, layout)};`,
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
  return { plan: locals.plan, imports, code, laidOut: layout.exact && isPrettierLayout(code) };
}
