/**
 * The grammar's intermediate expressions: a type, or a wrapper (pointer, optional, nullable, open)
 * around one; and the helpers that build types from them. Split from grammar.ts, which parses.
 */
import type { TypeRef } from "../core/model.js";
import type { GenericMeaning } from "./spellings.js";

/** A parsed type expression before the top-level wrappers are peeled into field modifiers. */
export type Expr =
  | { e: "type"; type: TypeRef }
  | {
      e: "pointer" | "optional" | "nullable" | "optional-nullable" | "option" | "open";
      inner: Expr;
    };

/** Thrown when a cell does not fit the grammar (caught in parseTypeTokens). */
export class CellSyntaxError extends Error {}

/** A table lookup that ignores inherited properties (`constructor`, `toString`, ...). */
export function own<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

/**
 * A number literal that TypeScript can state exactly: finite, and for integers within the safe range
 * (`1e309` is Infinity and `2^53 + 1` would silently become `2^53`). Others make the cell unreadable.
 */
export function exactNumber(value: number): number {
  if (!Number.isFinite(value) || (Number.isInteger(value) && !Number.isSafeInteger(value))) {
    throw new CellSyntaxError();
  }
  return value;
}

/** A plain type as an expression. */
export function typeExpr(type: TypeRef): Expr {
  return { e: "type", type };
}

export function applyGeneric(meaning: GenericMeaning, args: Expr[]): Expr {
  const last = args[args.length - 1] as Expr;
  switch (meaning) {
    case "identity":
      return args[0] as Expr;
    case "external":
      return typeExpr({ kind: "unknown", reason: "external" });
    case "optional":
    case "nullable":
    case "optional-nullable":
    case "option":
    case "open":
      if (args.length !== 1) throw new CellSyntaxError();
      return { e: meaning, inner: last };
    case "array":
      // PHP's `array<K, V>` is a map; `array<T>` a list.
      if (args.length === 2) return typeExpr({ kind: "map", values: flattenInner(last) });
      if (args.length !== 1) throw new CellSyntaxError();
      return typeExpr({ kind: "array", items: flattenInner(last) });
    case "map":
      if (args.length > 2) throw new CellSyntaxError();
      return typeExpr({ kind: "map", values: flattenInner(last) });
    case "union":
    case "literal":
      return typeExpr(args.length === 1 ? flattenInner(last) : unionOf(args.map(flattenInner)));
  }
}

/** The JSON kind of a type, for telling a union of every kind ("any value") apart. */
function jsonKind(type: TypeRef): string | undefined {
  switch (type.kind) {
    case "string":
    case "number":
    case "boolean":
    case "array":
      return type.kind;
    case "map":
    case "open-object":
      return "object";
    default:
      return undefined;
  }
}

const JSON_KINDS = ["string", "number", "boolean", "array", "object"];

/**
 * A union of alternatives. One that admits every kind of JSON value (OpenAPI Generator Python's
 * `bool, date, datetime, dict, float, int, list, str, none_type`) is what the docs mean by any value.
 */
export function unionOf(members: TypeRef[]): TypeRef {
  const kinds = new Set(members.map(jsonKind));
  if (JSON_KINDS.every((kind) => kinds.has(kind))) return { kind: "unknown", reason: "any" };
  return { kind: "union", members };
}

/** Adds `null` to a type (no-op when it is already nullable). */
export function withNull(type: TypeRef): TypeRef {
  if (type.kind === "null" || type.kind === "unknown") return type;
  if (type.kind === "union") {
    return type.members.some((m) => m.kind === "null")
      ? type
      : { kind: "union", members: [...type.members, { kind: "null" }] };
  }
  return { kind: "union", members: [type, { kind: "null" }] };
}

/** Wrappers below the top of a cell: pointers and optional/nullable wrappers make the element nullable. */
export function flattenInner(expr: Expr): TypeRef {
  switch (expr.e) {
    case "type":
      return expr.type;
    case "open":
      return flattenInner(expr.inner);
    default:
      return withNull(flattenInner(expr.inner));
  }
}
