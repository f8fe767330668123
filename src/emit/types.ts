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
import type { Decl, EnumDecl, FieldModel, ObjectDecl, TypeRef, UnionDecl } from "../core/model.js";
import { PRINT_WIDTH } from "../core/text.js";
import type { DeclShape, Inherits } from "./shape.js";
import type { EnumStyle } from "../core/options.js";
import { wrapDocText } from "./wrap.js";
import { enumKeys, typeText } from "./type-text.js";
import { jsdocText, literalType, numberLiteral, propertyKey, stringLiteral } from "./escape.js";
import type { ModulePlan } from "./plan.js";

/**
 * The width doc comments are wrapped to: the print width less what precedes a member's comment text
 * (an indent of 2 and ` * `) and a margin, so that no comment line passes the print width.
 */
const DOC_WIDTH = PRINT_WIDTH - 10;

/** A JSDoc structure from a description and tags, or none when there is nothing to say. */
export function docs(
  description: string | undefined,
  tags: OptionalKind<JSDocTagStructure>[] = [],
): OptionalKind<JSDocStructure>[] {
  const text = description === undefined ? "" : wrapDocText(jsdocText(description), DOC_WIDTH);
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
  tags.push(...overrideTags(field.overridden));
  return tags;
}

/** `@remarks overridden in docs2ts.config.json: nullable`: the reader learns the docs said otherwise. */
function overrideTags(note: FieldModel["overridden"]): OptionalKind<JSDocTagStructure>[] {
  if (note === undefined) return [];
  const text = jsdocText(`overridden in ${note.source}: ${note.changed.join(", ")}`);
  return [{ tagName: "remarks", text }];
}

/** A field's doc text; a field the docs show under an SDK's renamed reserved word says so. */
function fieldDescription(field: FieldModel): string | undefined {
  if (field.documentedName === undefined) return field.description;
  const note = `Documented as \`${field.documentedName}\` (the SDK's name for a reserved word).`;
  return field.description === undefined ? note : `${field.description}\n\n${note}`;
}

function declTags(decl: Decl): OptionalKind<JSDocTagStructure>[] {
  return [
    ...(decl.deprecated ? [{ tagName: "deprecated" }] : []),
    ...overrideTags(decl.overridden),
  ];
}

function objectStatements(
  decl: ObjectDecl,
  shape: Extract<DeclShape, { kind: "object" }>,
  plan: ModulePlan,
): StatementStructures[] {
  if (shape.fields === null) {
    const alias: TypeAliasDeclarationStructure = {
      kind: StructureKind.TypeAlias,
      name: plan.identifier,
      isExported: true,
      type: "Record<string, unknown>",
      docs: docs(decl.description, declTags(decl)),
    };
    return [alias];
  }
  const own = shape.inherits ? shape.fields.slice(0, shape.inherits.own) : shape.fields;
  const properties: OptionalKind<PropertySignatureStructure>[] = own.map((property, index) => {
    const field = decl.fields[index] as FieldModel;
    return {
      name: propertyKey(property.key, "type"),
      type: typeText(property.shape, plan.localNames),
      hasQuestionToken: !property.required,
      isReadonly: field.readonly === true,
      docs: docs(fieldDescription(field), fieldTags(field)),
    };
  });
  const iface: InterfaceDeclarationStructure = {
    kind: StructureKind.Interface,
    name: plan.identifier,
    isExported: true,
    properties,
    docs: docs(decl.description, declTags(decl)),
    ...(shape.inherits && { extends: baseTexts(shape.inherits, plan) }),
  };
  return [iface];
}

/** The `extends` clause's types: each base, without the keys an own field or an earlier base gave. */
function baseTexts(inherits: Inherits, plan: ModulePlan): string[] {
  return inherits.bases.map(({ target, omit }) => {
    const name = plan.localNames.get(target) as string;
    return omit.length === 0 ? name : `Omit<${name}, ${omit.map(stringLiteral).join(" | ")}>`;
  });
}

function valueText(value: string | number | boolean): string {
  if (typeof value === "string") return stringLiteral(value);
  if (typeof value === "number") return numberLiteral(value);
  return String(value);
}

function enumStatements(
  decl: EnumDecl,
  shape: Extract<DeclShape, { kind: "enum" }>,
  plan: ModulePlan,
  enumStyle: EnumStyle,
): StatementStructures[] {
  const keys = enumKeys(decl);
  const literals = shape.values.map(literalType);
  // `(string & {})` keeps the literals in editors' completions while accepting any string.
  // With no literal to keep, the base type itself (an enum the docs left without values).
  const openType = shape.open.map((base) =>
    base === "boolean" || literals.length === 0 ? base : `(${base} & {})`,
  );
  const unionText = [...literals, ...openType].join(" | ") || "never";
  const docsOf = docs(decl.description, declTags(decl));
  const allTsEnumable = shape.values.every((value) => typeof value !== "boolean");
  if (enumStyle === "enum" && allTsEnumable && !decl.open) {
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
  if (enumStyle === "union") return [alias];
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
  shape: Extract<DeclShape, { kind: "union" }>,
  plan: ModulePlan,
): StatementStructures[] {
  const members = [...new Set(shape.members.map((member) => typeText(member, plan.localNames)))];
  const alias: TypeAliasDeclarationStructure = {
    kind: StructureKind.TypeAlias,
    name: plan.identifier,
    isExported: true,
    type: members.join(" | ") || "never",
    docs: docs(decl.description, declTags(decl)),
  };
  return [alias];
}

/** The declaration statements of a module, from its declaration (names, docs) and its shape (types). */
export function typeStatements(
  plan: ModulePlan,
  shape: DeclShape,
  enumStyle: EnumStyle,
): StatementStructures[] {
  const decl = plan.decl;
  if (decl.kind === "object" && shape.kind === "object") return objectStatements(decl, shape, plan);
  if (decl.kind === "enum" && shape.kind === "enum")
    return enumStatements(decl, shape, plan, enumStyle);
  if (decl.kind === "union" && shape.kind === "union") return unionStatements(decl, shape, plan);
  throw new Error(`internal: the shape of ${decl.id} is not of its kind`);
}
