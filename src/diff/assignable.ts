/**
 * Whether a value of one generated type is assignable to another, as `tsc --strict
 * --exactOptionalPropertyTypes` decides it, for the types docs2ts emits: primitives, literals,
 * arrays, records, interfaces, literal unions of enum pages (open ones add `string & {}`) and union
 * aliases. The two types may come from two versions of the docs (a `Side` each); references within a
 * side are followed, cycles are assumed to hold (as TypeScript does).
 */
import type { ModulePlan } from "../emit/plan.js";
import {
  enumBases,
  valueShape,
  type DeclShape,
  type ShapeOptions,
  type ValueShape,
} from "../emit/shape.js";
import type { Decl, ObjectDecl, TypeRef } from "../core/model.js";
import type { EnumStyle } from "../core/options.js";

/** One version of the model, as the emitters see it: declarations, plans and shapes. */
export interface Side {
  decls: ReadonlyMap<string, Decl>;
  plans: ReadonlyMap<string, ModulePlan>;
  shapes: ReadonlyMap<string, DeclShape>;
  options: ShapeOptions;
  /** How enum pages are emitted (what code can name: `Status.EXPIRED` or only `"expired"`). */
  enumStyle: EnumStyle;
  /** On the base side, the ids of declarations whose page was renamed, to their ids in the head. */
  renamed?: ReadonlyMap<string, string>;
}

/** What the emitters make of `type` on this side (shape.ts decides what a type means). */
export function shapeOnSide(side: Side, type: TypeRef): ValueShape {
  return valueShape(type, side.options, (id) => side.decls.get(id)?.kind);
}

/** A type expression together with the version whose declarations its references name. */
export interface SidedType {
  side: Side;
  type: TypeRef;
  /** Set for an open enum's `string & {}` or `number & {}`, which has no TypeRef of its own. */
  open?: "string" | "number";
}

/** The type a declaration's identifier names. */
export function declType(decl: Decl): TypeRef {
  return { kind: "ref", name: decl.name, target: decl.id };
}

type Primitive = "string" | "number" | "bigint" | "boolean" | "null" | "Date";

/** The emitted TypeScript type, one level deep: what assignability looks at. */
type Shape =
  | { t: "primitive"; name: Primitive }
  | { t: "open"; base: "string" | "number" }
  | { t: "literal"; value: string | number | boolean }
  | { t: "unknown" }
  | { t: "array"; items: SidedType }
  | { t: "record"; values: SidedType }
  | { t: "object"; side: Side; decl: ObjectDecl }
  | { t: "union"; members: SidedType[] };

const UNKNOWN: TypeRef = { kind: "unknown" };

/** What the emitters write for `type`, with references followed one step. */
function shapeOf({ side, type }: SidedType): Shape {
  switch (type.kind) {
    case "string":
      return { t: "primitive", name: shapeOnSide(side, type).kind === "Date" ? "Date" : "string" };
    case "number":
      return {
        t: "primitive",
        name: shapeOnSide(side, type).kind === "bigint" ? "bigint" : "number",
      };
    case "boolean":
    case "null":
      return { t: "primitive", name: type.kind };
    case "unknown":
      return { t: "unknown" };
    case "literal":
      return { t: "literal", value: type.value };
    case "open-object":
      return { t: "record", values: { side, type: UNKNOWN } };
    case "array":
      return { t: "array", items: { side, type: type.items } };
    case "map":
      return { t: "record", values: { side, type: type.values } };
    case "union":
      return { t: "union", members: type.members.map((member) => ({ side, type: member })) };
    case "ref": {
      const decl = type.target === undefined ? undefined : side.decls.get(type.target);
      if (decl === undefined) return { t: "unknown" };
      switch (decl.kind) {
        case "object":
          return decl.open
            ? { t: "record", values: { side, type: UNKNOWN } }
            : { t: "object", side, decl };
        case "union":
          return {
            t: "union",
            members: decl.members.map((member) => ({ side, type: member.type })),
          };
        case "enum":
          return enumShape(decl.members, enumBases(decl), side);
      }
    }
  }
}

/**
 * An enum's type: its literals (`never` when it has none), plus `string & {}` / `number & {}` for
 * the kinds of its values when it is open.
 */
function enumShape(
  members: readonly { value: string | number | boolean }[],
  bases: readonly ("boolean" | "number" | "string")[],
  side: Side,
): Shape {
  const literals: SidedType[] = members.map((member) => ({
    side,
    type: { kind: "literal", value: member.value },
  }));
  return {
    t: "union",
    members: [
      ...literals,
      ...bases.map((base): SidedType =>
        base === "boolean"
          ? { side, type: { kind: "boolean" } }
          : { side, type: UNKNOWN, open: base as "string" | "number" },
      ),
    ],
  };
}

function expand(type: SidedType): Shape {
  return type.open !== undefined ? { t: "open", base: type.open } : shapeOf(type);
}

/** Ids of pairs of declarations being compared, so that recursive types end. */
type Visiting = Set<string>;

const sideIds = new WeakMap<Side, number>();
let sidesSeen = 0;
function sideId(side: Side): number {
  let id = sideIds.get(side);
  if (id === undefined) {
    id = sidesSeen += 1;
    sideIds.set(side, id);
  }
  return id;
}

/** Whether a value of `source` may be assigned where `target` is expected. */
export function isAssignable(source: SidedType, target: SidedType): boolean {
  return assignable(source, target, new Set());
}

function refKey(type: SidedType): string | undefined {
  return type.type.kind === "ref" && type.type.target !== undefined
    ? `${sideId(type.side)}:${type.type.target}`
    : undefined;
}

function assignable(source: SidedType, target: SidedType, visiting: Visiting): boolean {
  const sourceRef = refKey(source);
  const targetRef = refKey(target);
  if (sourceRef !== undefined && sourceRef === targetRef) return true;
  if (sourceRef !== undefined || targetRef !== undefined) {
    const pair = `${sourceRef ?? JSON.stringify(source.type)}=>${targetRef ?? JSON.stringify(target.type)}`;
    if (visiting.has(pair)) return true;
    visiting = new Set(visiting).add(pair);
  }
  const to = expand(target);
  if (to.t === "unknown") return true;
  const from = expand(source);
  if (from.t === "union")
    return from.members.every((member) => assignable(member, target, visiting));
  if (from.t === "primitive" && from.name === "boolean")
    return [true, false].every((value) =>
      assignable({ side: source.side, type: { kind: "literal", value } }, target, visiting),
    );
  if (to.t === "union") return to.members.some((member) => assignable(source, member, visiting));
  return assignableShape(from, to, visiting);
}

function assignableShape(from: Shape, to: Shape, visiting: Visiting): boolean {
  switch (to.t) {
    case "unknown":
      return true;
    case "primitive":
      if (from.t === "primitive") return from.name === to.name;
      if (from.t === "literal") return typeof from.value === to.name;
      return from.t === "open" && from.base === to.name;
    case "open":
      if (from.t === "primitive" || from.t === "open")
        return (from.t === "open" ? from.base : from.name) === to.base;
      return from.t === "literal" && typeof from.value === to.base;
    case "literal":
      return from.t === "literal" && Object.is(from.value, to.value);
    case "array":
      return from.t === "array" && assignable(from.items, to.items, visiting);
    case "record":
      // An interface has no implicit index signature, so it is no `Record<string, ...>`.
      return from.t === "record" && assignable(from.values, to.values, visiting);
    case "object":
      return assignableToObject(from, to, visiting);
    case "union":
      return false; // Unions are taken apart in `assignable`.
  }
}

/** A declaration's fields by emitted property name. */
function properties(side: Side, decl: ObjectDecl) {
  const names = side.plans.get(decl.id)?.propertyNames ?? decl.fields.map((field) => field.name);
  return new Map(decl.fields.map((field, index) => [names[index] as string, field]));
}

function assignableToObject(
  from: Shape,
  to: Extract<Shape, { t: "object" }>,
  visiting: Visiting,
): boolean {
  const wanted = properties(to.side, to.decl);
  if (from.t === "record")
    // An index signature stands in for optional properties only, and must fit each of them.
    return [...wanted.values()].every(
      (field) =>
        !field.required && assignable(from.values, { side: to.side, type: field.type }, visiting),
    );
  if (from.t !== "object") return false;
  const given = properties(from.side, from.decl);
  for (const [name, field] of wanted) {
    const have = given.get(name);
    if (have === undefined) {
      if (field.required) return false;
      continue;
    }
    if (field.required && !have.required) return false;
    const ok = assignable(
      { side: from.side, type: have.type },
      { side: to.side, type: field.type },
      visiting,
    );
    if (!ok) return false;
  }
  // A weak type (every property optional) takes no object that shares none of its properties.
  const weak = wanted.size > 0 && [...wanted.values()].every((field) => !field.required);
  if (weak && given.size > 0 && ![...given.keys()].some((name) => wanted.has(name))) return false;
  return true;
}
