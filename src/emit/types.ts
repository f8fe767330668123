/**
 * Emits the TypeScript declarations of a module as ts-morph structures: interfaces for object pages,
 * literal unions plus const objects (or TS enums) for enum pages, type aliases for union pages.
 */
import {
  StructureKind,
  VariableDeclarationKind,
  type EnumDeclarationStructure,
  type InterfaceDeclarationStructure,
  type JSDocStructure,
  type JSDocTagStructure,
  type OptionalKind,
  type PropertySignatureStructure,
  type StatementStructures,
  type TypeAliasDeclarationStructure,
  type VariableStatementStructure,
} from "ts-morph";
import { enumMemberKey, enumMemberKeyFromValue, NameAllocator } from "./names.js";
import type { Decl, EnumDecl, FieldModel, ObjectDecl, TypeRef, UnionDecl } from "../core/model.js";
import type { EnumStyle } from "../core/options.js";
import { wrapDocText } from "./wrap.js";
import { jsdocText, literalType, numberLiteral, propertyKey, stringLiteral } from "./escape.js";
import type { ModulePlan } from "./plan.js";

/** What type emission needs besides the plan. */
export interface TypeEmitContext {
  enumStyle: EnumStyle;
  /** How int64 numbers are typed (`number` by default); validators check the same. */
  int64?: "number" | "bigint" | undefined;
  /** How date-time strings are typed (`string` by default, or `Date`); validators check the same. */
  dates?: "string" | "Date" | undefined;
}

/** The options `typeText` reads. */
export interface TypeTextOptions {
  int64: "number" | "bigint";
  dates: "string" | "Date";
}

const DEFAULT_TYPE_TEXT: TypeTextOptions = { int64: "number", dates: "string" };

function typeTextOptions(context: TypeEmitContext): TypeTextOptions {
  return { int64: context.int64 ?? "number", dates: context.dates ?? "string" };
}

/**
 * The TypeScript text of a type. `localNames` maps declaration ids to the names visible in the module;
 * `int64: "bigint"` types int64 numbers as `bigint` and `dates: "Date"` types date-time strings as
 * `Date` (the validators agree).
 */
export function typeText(
  type: TypeRef,
  localNames: ReadonlyMap<string, string>,
  options: TypeTextOptions = DEFAULT_TYPE_TEXT,
): string {
  switch (type.kind) {
    case "number":
      return type.format === "int64" && options.int64 === "bigint" ? "bigint" : "number";
    case "string":
      return type.format === "date-time" && options.dates === "Date" ? "Date" : "string";
    case "boolean":
    case "unknown":
    case "null":
      return type.kind;
    case "literal":
      return literalType(type.value);
    case "open-object":
      return "Record<string, unknown>";
    case "array": {
      const items = typeText(type.items, localNames, options);
      return type.items.kind === "union" ? `Array<${items}>` : `${items}[]`;
    }
    case "map":
      return `Record<string, ${typeText(type.values, localNames, options)}>`;
    case "union":
      return type.members.map((member) => typeText(member, localNames, options)).join(" | ");
    case "ref":
      return (type.target !== undefined ? localNames.get(type.target) : undefined) ?? "unknown";
  }
}

/** A JSDoc structure from a description and tags, or none when there is nothing to say. */
export function docs(
  description: string | undefined,
  tags: OptionalKind<JSDocTagStructure>[] = [],
): OptionalKind<JSDocStructure>[] {
  // 90 columns of text keep a member's comment (indent plus ` * `) within prettier's 100.
  const text = description === undefined ? "" : wrapDocText(jsdocText(description), 90);
  if (text === "" && tags.length === 0) return [];
  return [{ ...(text !== "" ? { description: text } : {}), tags }];
}

/**
 * The format of a field's type for its JSDoc `@format` tag (`int64`, `int32`, `date-time`, `date`),
 * looking through `| null`: what the type alone does not say (a `string` holding an RFC 3339 date).
 */
function valueFormat(type: TypeRef): string | undefined {
  if (type.kind === "number" && (type.format === "int64" || type.format === "int32"))
    return type.format;
  if (type.kind === "string") return type.format;
  if (type.kind === "union") {
    const nonNull = type.members.filter((m) => m.kind !== "null");
    if (nonNull.length === 1) return valueFormat(nonNull[0] as TypeRef);
  }
  return undefined;
}

function fieldTags(field: FieldModel): OptionalKind<JSDocTagStructure>[] {
  const tags: OptionalKind<JSDocTagStructure>[] = [];
  const format = valueFormat(field.type);
  if (format) tags.push({ tagName: "format", text: format });
  if (field.defaultText !== undefined)
    tags.push({ tagName: "default", text: jsdocText(field.defaultText) });
  if (field.exampleText !== undefined)
    tags.push({ tagName: "example", text: jsdocText(field.exampleText) });
  // `[readonly]` in the docs: the `readonly` modifier stops writes in TypeScript, the tag tells readers
  // (and API doc tools) that the server sets it.
  if (field.readonly === true) tags.push({ tagName: "readonly" });
  if (field.deprecated) tags.push({ tagName: "deprecated" });
  return tags;
}

/** A field's doc text; a field the docs show under an SDK's renamed reserved word says so. */
function fieldDescription(field: FieldModel): string | undefined {
  if (field.documentedName === undefined) return field.description;
  const note = `Documented as \`${field.documentedName}\` (the SDK's name for a reserved word).`;
  return field.description === undefined ? note : `${field.description}\n\n${note}`;
}

function declTags(decl: Decl): OptionalKind<JSDocTagStructure>[] {
  return decl.deprecated ? [{ tagName: "deprecated" }] : [];
}

function objectStatements(
  decl: ObjectDecl,
  plan: ModulePlan,
  context: TypeEmitContext,
): StatementStructures[] {
  if (decl.open) {
    const alias: TypeAliasDeclarationStructure = {
      kind: StructureKind.TypeAlias,
      name: plan.identifier,
      isExported: true,
      type: "Record<string, unknown>",
      docs: docs(decl.description, declTags(decl)),
    };
    return [alias];
  }
  const properties: OptionalKind<PropertySignatureStructure>[] = decl.fields.map(
    (field, index) => ({
      name: propertyKey(plan.propertyNames[index] as string, "type"),
      type: typeText(field.type, plan.localNames, typeTextOptions(context)),
      hasQuestionToken: !field.required,
      isReadonly: field.readonly === true,
      docs: docs(fieldDescription(field), fieldTags(field)),
    }),
  );
  const iface: InterfaceDeclarationStructure = {
    kind: StructureKind.Interface,
    name: plan.identifier,
    isExported: true,
    properties,
    docs: docs(decl.description, declTags(decl)),
  };
  return [iface];
}

/** Member keys for an enum's const object or TS enum: from the documented names, else from the values. */
export function enumKeys(decl: EnumDecl): string[] {
  const used = new NameAllocator();
  return decl.members.map((member) =>
    used.allocate(
      member.name !== undefined
        ? enumMemberKey(member.name, decl.name)
        : enumMemberKeyFromValue(member.value),
    ),
  );
}

function valueText(value: string | number | boolean): string {
  if (typeof value === "string") return stringLiteral(value);
  if (typeof value === "number") return numberLiteral(value);
  return String(value);
}

function enumStatements(
  decl: EnumDecl,
  plan: ModulePlan,
  context: TypeEmitContext,
): StatementStructures[] {
  const keys = enumKeys(decl);
  const literals = decl.members.map((member) => literalType(member.value));
  const baseTypes = [...new Set(decl.members.map((member) => typeof member.value))].sort();
  const openType = decl.open
    ? baseTypes.map((t) =>
        t === "string" ? "(string & {})" : t === "number" ? "(number & {})" : t,
      )
    : [];
  const unionText = [...literals, ...openType].join(" | ") || "never";
  const docsOf = docs(decl.description, declTags(decl));
  const allTsEnumable = decl.members.every((member) => typeof member.value !== "boolean");
  if (context.enumStyle === "enum" && allTsEnumable && !decl.open) {
    const tsEnum: EnumDeclarationStructure = {
      kind: StructureKind.Enum,
      name: plan.identifier,
      isExported: true,
      docs: docsOf,
      members: decl.members.map((member, index) => ({
        name: propertyKey(keys[index] as string, "type"),
        initializer: valueText(member.value),
        docs: docs(member.description),
      })),
    };
    return [tsEnum];
  }
  const alias: TypeAliasDeclarationStructure = {
    kind: StructureKind.TypeAlias,
    name: plan.identifier,
    isExported: true,
    type: unionText,
    docs: docsOf,
  };
  if (context.enumStyle === "union") return [alias];
  const constObject: VariableStatementStructure = {
    kind: StructureKind.VariableStatement,
    isExported: true,
    declarationKind: VariableDeclarationKind.Const,
    docs: docsOf,
    declarations: [
      {
        name: plan.identifier,
        initializer: (writer) => {
          writer.write("{").newLine();
          decl.members.forEach((member, index) => {
            for (const doc of docs(member.description))
              writer.writeLine(`/** ${(doc.description as string).replace(/\n/g, "\n * ")} */`);
            writer.writeLine(
              `${propertyKey(keys[index] as string, "value")}: ${valueText(member.value)},`,
            );
          });
          writer.write("} as const");
        },
      },
    ],
  };
  return [alias, constObject];
}

function unionStatements(
  decl: UnionDecl,
  plan: ModulePlan,
  context: TypeEmitContext,
): StatementStructures[] {
  const members = [
    ...new Set(
      decl.members.map((member) =>
        typeText(member.type, plan.localNames, typeTextOptions(context)),
      ),
    ),
  ];
  const alias: TypeAliasDeclarationStructure = {
    kind: StructureKind.TypeAlias,
    name: plan.identifier,
    isExported: true,
    type: members.join(" | ") || "never",
    docs: docs(decl.description, declTags(decl)),
  };
  return [alias];
}

/**
 * Whether a declaration's identifier is a value as well as a type: the const object or TS enum of an
 * enum page (not with `enumStyle: "union"`). Interfaces and type aliases are types only.
 */
export function declaresValue(decl: Decl, enumStyle: EnumStyle): boolean {
  return decl.kind === "enum" && enumStyle !== "union";
}

/** The declaration statements of a module. */
export function typeStatements(plan: ModulePlan, context: TypeEmitContext): StatementStructures[] {
  const decl = plan.decl;
  switch (decl.kind) {
    case "object":
      return objectStatements(decl, plan, context);
    case "enum":
      return enumStatements(decl, plan, context);
    case "union":
      return unionStatements(decl, plan, context);
  }
}
