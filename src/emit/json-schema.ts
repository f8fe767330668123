/**
 * JSON Schema (2020-12) per module, from the same shapes as the types and validators (shape.ts): one
 * `<module>.schema.json` beside each module, `$id` its output path, `$ref`s relative between files.
 * The `$comment` marks the file as generated so that a stale one is removed like a stale module.
 */
import { importSpecifier, type ModulePlan } from "./plan.js";
import type { DeclShape, ValueShape } from "./shape.js";
import { declaredAt } from "../core/decl-ref.js";

/** A JSON Schema, as plain data. */
export type JsonSchema = { [key: string]: unknown };

/** The largest and smallest safe integers, the range validators accept for int64 and integer. */
const SAFE = Number.MAX_SAFE_INTEGER;

/** The output path of a module's schema (`models/batch.ts` -> `models/batch.schema.json`). */
export function schemaPath(modulePath: string): string {
  return modulePath.replace(/\.ts$/, ".schema.json");
}

/** An object with the given own properties, `__proto__` included (never a prototype change). */
function record(entries: Iterable<readonly [string, unknown]>): JsonSchema {
  return Object.fromEntries(entries) as JsonSchema;
}

/**
 * With `int64: "bigint"` the types and validators use `bigint`, which JSON cannot carry: on the wire an
 * int64 is a JSON integer of any size (parsed with a bigint-aware JSON reader). The schema describes the
 * wire, so it says `integer` (OpenAPI's `format: int64`) without the safe-integer bounds, and says why.
 */
const BIGINT_INT64: JsonSchema = {
  type: "integer",
  format: "int64",
  $comment:
    "int64, typed and validated as bigint in TypeScript (int64: bigint); JSON has no bigint, so here any integer",
};

/** The `$ref` of a reference to the declaration with the given id. */
export type RefOf = (targetId: string) => string;

function typeSchema(shape: ValueShape, refOf: RefOf): JsonSchema {
  switch (shape.kind) {
    case "string":
      return shape.format ? { type: "string", format: shape.format } : { type: "string" };
    // A `Date` in TypeScript is an RFC 3339 string on the wire, which the schema describes.
    case "Date":
      return { type: "string", format: "date-time" };
    case "number":
      if (shape.integer === "int32")
        return { type: "integer", minimum: -2147483648, maximum: 2147483647 };
      if (shape.integer === "safe") return { type: "integer", minimum: -SAFE, maximum: SAFE };
      return { type: "number" };
    case "bigint":
      return { ...BIGINT_INT64 };
    case "boolean":
    case "null":
      return { type: shape.kind };
    case "unknown":
      return {};
    case "literal":
      return { const: shape.value };
    case "object":
      return { type: "object" };
    case "array":
      return { type: "array", items: typeSchema(shape.items, refOf) };
    case "map":
      return { type: "object", additionalProperties: typeSchema(shape.values, refOf) };
    case "union":
      return { anyOf: shape.members.map((member) => typeSchema(member, refOf)) };
    case "ref":
      return { $ref: refOf(shape.target) };
  }
}

function declSchema(shape: DeclShape, refOf: RefOf, unknownKeys: "allow" | "reject"): JsonSchema {
  switch (shape.kind) {
    case "object": {
      if (shape.fields === null) return { type: "object" };
      const properties = record(
        shape.fields.map((field) => [field.key, typeSchema(field.shape, refOf)]),
      );
      const required = shape.fields.flatMap((field) => (field.required ? [field.key] : []));
      return {
        type: "object",
        properties,
        ...(required.length > 0 ? { required } : {}),
        ...(unknownKeys === "reject" ? { additionalProperties: false } : {}),
      };
    }
    case "enum": {
      const values = { enum: shape.values };
      if (shape.open.length === 0) return values;
      if (shape.values.length === 0)
        return shape.open.length === 1 ? { type: shape.open[0] } : { type: shape.open };
      return { anyOf: [values, ...shape.open.map((base) => ({ type: base }))] };
    }
    case "union": {
      const members = shape.members.map((member) => typeSchema(member, refOf));
      // A discriminated union has exactly one matching member: say so for tools that care.
      return shape.tag ? { oneOf: members } : { anyOf: members };
    }
  }
}

/**
 * The schema of one declaration, without the keywords of a schema file (`$schema`, `$id`): its title
 * (the exported identifier), description, deprecation and shape; `refOf` gives each reference's `$ref`.
 * The JSON Schema files and the OpenAPI document's components are both built from it.
 */
export function declarationSchema(
  plan: ModulePlan,
  shape: DeclShape,
  refOf: RefOf,
  unknownKeys: "allow" | "reject",
): JsonSchema {
  const decl = plan.decl;
  return {
    title: plan.identifier,
    ...(decl.description !== undefined ? { description: decl.description } : {}),
    ...(decl.deprecated ? { deprecated: true } : {}),
    ...declSchema(shape, refOf, unknownKeys),
  };
}

/** What a module's schema reads besides its plan and shape. */
export interface SchemaOptions {
  unknownKeys: "allow" | "reject";
  regenerateCommand: string;
}

/** The text of one module's schema file (2-space JSON, final newline). */
export function emitJsonSchema(plan: ModulePlan, shape: DeclShape, options: SchemaOptions): string {
  const decl = plan.decl;
  const paths = new Map(plan.imports.map((entry) => [entry.targetId, entry.path]));
  // Within the file `#`; across files the other schema's path, relative to this one.
  const refOf: RefOf = (target) => {
    if (target === decl.id) return "#";
    const path = paths.get(target);
    if (path === undefined) throw new Error(`internal: no module for ${target}`);
    return importSpecifier(plan.path, schemaPath(path));
  };
  const schema: JsonSchema = {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: schemaPath(plan.path),
    $comment: `@generated by docs2ts from ${declaredAt(decl)}. Do not edit this file by hand: change the docs and run \`${options.regenerateCommand}\` to regenerate it.`,
    ...declarationSchema(plan, shape, refOf, options.unknownKeys),
  };
  return `${JSON.stringify(schema, null, 2)}\n`;
}
