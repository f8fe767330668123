/**
 * JSON Schema (2020-12) per module, from the same model as the types and validators: one
 * `<module>.schema.json` beside each module, `$id` its output path, `$ref`s relative between files.
 * The `$comment` marks the file as generated so that a stale one is removed like a stale module.
 */
import type { Decl, TypeRef } from "../core/model.js";
import type { ResolvedOptions } from "../core/options.js";
import { importSpecifier, type ModulePlan } from "./plan.js";
import { discriminatorOf, type CheckContext } from "./validator-checks.js";

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

interface SchemaContext {
  plan: ModulePlan;
  plans: ReadonlyMap<string, ModulePlan>;
  int64: "number" | "bigint";
}

function typeSchema(type: TypeRef, context: SchemaContext): JsonSchema {
  const { plan, plans } = context;
  switch (type.kind) {
    case "string":
      return type.format ? { type: "string", format: type.format } : { type: "string" };
    case "number":
      if (type.format === "int32")
        return { type: "integer", minimum: -2147483648, maximum: 2147483647 };
      if (type.format === "int64" && context.int64 === "bigint") return { ...BIGINT_INT64 };
      if (type.format === "int64" || type.format === "integer")
        return { type: "integer", minimum: -SAFE, maximum: SAFE };
      return { type: "number" };
    case "boolean":
    case "null":
      return { type: type.kind };
    case "unknown":
      return {};
    case "literal":
      return { const: type.value };
    case "open-object":
      return { type: "object" };
    case "array":
      return { type: "array", items: typeSchema(type.items, context) };
    case "map":
      return { type: "object", additionalProperties: typeSchema(type.values, context) };
    case "union":
      return { anyOf: type.members.map((member) => typeSchema(member, context)) };
    case "ref": {
      const target = type.target !== undefined ? plans.get(type.target) : undefined;
      if (!target) return {};
      if (target === plan) return { $ref: "#" };
      return { $ref: importSpecifier(plan.path, schemaPath(target.path)) };
    }
  }
}

function declSchema(
  decl: Decl,
  plan: ModulePlan,
  context: CheckContext & { plans: ReadonlyMap<string, ModulePlan> },
): JsonSchema {
  const types: SchemaContext = { plan, plans: context.plans, int64: context.int64 };
  switch (decl.kind) {
    case "object": {
      if (decl.open) return { type: "object" };
      const properties = record(
        decl.fields.map((field, index) => [
          plan.propertyNames[index] as string,
          typeSchema(field.type, types),
        ]),
      );
      const required = decl.fields.flatMap((field, index) =>
        field.required ? [plan.propertyNames[index] as string] : [],
      );
      return {
        type: "object",
        properties,
        ...(required.length > 0 ? { required } : {}),
        ...(context.unknownKeys === "reject" ? { additionalProperties: false } : {}),
      };
    }
    case "enum": {
      const values = { enum: decl.members.map((member) => member.value) };
      if (!decl.open) return values;
      const bases = [...new Set(decl.members.map((member) => typeof member.value))].sort();
      return { anyOf: [values, ...bases.map((base) => ({ type: base }))] };
    }
    case "union": {
      const members = decl.members.map((member) => typeSchema(member.type, types));
      // A discriminated union has exactly one matching member: say so for tools that care.
      return discriminatorOf(decl, context) ? { oneOf: members } : { anyOf: members };
    }
  }
}

/** The text of one module's schema file (2-space JSON, final newline). */
export function emitJsonSchema(
  plan: ModulePlan,
  context: CheckContext,
  options: Pick<ResolvedOptions, "regenerateCommand">,
): string {
  const decl = plan.decl;
  const schema: JsonSchema = {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: schemaPath(plan.path),
    $comment: `@generated by docs2ts from ${decl.id}.md. Do not edit this file by hand: change the docs and run \`${options.regenerateCommand}\` to regenerate it.`,
    title: plan.identifier,
    ...(decl.description !== undefined ? { description: decl.description } : {}),
    ...(decl.deprecated ? { deprecated: true } : {}),
    ...declSchema(decl, plan, context),
  };
  return `${JSON.stringify(schema, null, 2)}\n`;
}
