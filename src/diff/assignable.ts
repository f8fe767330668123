/**
 * Whether a value of one generated type is assignable to another, as `tsc --strict
 * --exactOptionalPropertyTypes` decides it, for the types docs2ts emits: primitives, literals,
 * arrays, records, interfaces, literal unions of enum pages (open ones add `string & {}`) and union
 * aliases. The two types may come from two versions of the docs (a `Side` each); references within a
 * side are followed to the declaration's shape (emit/shape.ts: what the emitters write, inherited
 * fields included), cycles are assumed to hold (as TypeScript does).
 */
import type { ModulePlan } from "../emit/plan.js";
import {
  valueShape,
  type DeclShape,
  type FieldShape,
  type ShapeOptions,
  type ValueShape,
} from "../emit/shape.js";
import type { Decl, TypeRef } from "../core/model.js";
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

/** A value's shape with the version whose declarations its references name (or an open enum's base). */
type Value = { side: Side; shape: ValueShape } | { side: Side; open: "string" | "number" };

/** The emitted TypeScript type, one level deep, read off the shapes: what assignability looks at. */
type Level =
  | { t: "primitive"; name: Primitive }
  | { t: "open"; base: "string" | "number" }
  | { t: "literal"; value: string | number | boolean }
  | { t: "unknown" }
  | { t: "array"; items: Value }
  | { t: "record"; values: Value }
  | { t: "object"; side: Side; fields: readonly FieldShape[] }
  | { t: "union"; members: Value[] };

const ANY: ValueShape = { kind: "unknown" };

/** What the emitters write for a value, with a reference followed to its declaration's shape. */
function levelOf(value: Value): Level {
  if ("open" in value) return { t: "open", base: value.open };
  const { side, shape } = value;
  switch (shape.kind) {
    case "string":
    case "number":
    case "bigint":
    case "boolean":
    case "null":
    case "Date":
      return { t: "primitive", name: shape.kind };
    case "unknown":
      return { t: "unknown" };
    case "literal":
      return { t: "literal", value: shape.value };
    case "object":
      return { t: "record", values: { side, shape: ANY } };
    case "array":
      return { t: "array", items: { side, shape: shape.items } };
    case "map":
      return { t: "record", values: { side, shape: shape.values } };
    case "union":
      return { t: "union", members: shape.members.map((member) => ({ side, shape: member })) };
    case "ref":
      return declLevel(side, side.shapes.get(shape.target));
  }
}

/**
 * A declaration's type: an object's fields (its inherited ones included) or any object when it has
 * none; an enum's literals (`never` without any) plus `string & {}` / `number & {}` (or `boolean`)
 * when it is open; a union's members.
 */
function declLevel(side: Side, decl: DeclShape | undefined): Level {
  if (decl === undefined) return { t: "unknown" };
  switch (decl.kind) {
    case "object":
      return decl.fields === null
        ? { t: "record", values: { side, shape: ANY } }
        : { t: "object", side, fields: decl.fields };
    case "union":
      return { t: "union", members: decl.members.map((member) => ({ side, shape: member })) };
    case "enum":
      return {
        t: "union",
        members: [
          ...decl.values.map((value): Value => ({ side, shape: { kind: "literal", value } })),
          ...decl.open.map((base): Value =>
            base === "boolean" ? { side, shape: { kind: "boolean" } } : { side, open: base },
          ),
        ],
      };
  }
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
  const value = ({ side, type, open }: SidedType): Value =>
    open !== undefined ? { side, open } : { side, shape: shapeOnSide(side, type) };
  return assignable(value(source), value(target), new Set());
}

function refKey(value: Value): string | undefined {
  return "shape" in value && value.shape.kind === "ref"
    ? `${sideId(value.side)}:${value.shape.target}`
    : undefined;
}

const valueKey = (value: Value) =>
  refKey(value) ?? JSON.stringify("open" in value ? { open: value.open } : value.shape);

function assignable(source: Value, target: Value, visiting: Visiting): boolean {
  const sourceRef = refKey(source);
  const targetRef = refKey(target);
  if (sourceRef !== undefined && sourceRef === targetRef) return true;
  if (sourceRef !== undefined || targetRef !== undefined) {
    const pair = `${valueKey(source)}=>${valueKey(target)}`;
    if (visiting.has(pair)) return true;
    visiting = new Set(visiting).add(pair);
  }
  const to = levelOf(target);
  if (to.t === "unknown") return true;
  const from = levelOf(source);
  if (from.t === "union")
    return from.members.every((member) => assignable(member, target, visiting));
  if (from.t === "primitive" && from.name === "boolean")
    return [true, false].every((value) =>
      assignable({ side: source.side, shape: { kind: "literal", value } }, target, visiting),
    );
  if (to.t === "union") return to.members.some((member) => assignable(source, member, visiting));
  return assignableLevel(from, to, visiting);
}

function assignableLevel(from: Level, to: Level, visiting: Visiting): boolean {
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

function assignableToObject(
  from: Level,
  to: Extract<Level, { t: "object" }>,
  visiting: Visiting,
): boolean {
  const wanted = new Map(to.fields.map((field) => [field.key, field]));
  const at = (field: FieldShape): Value => ({ side: to.side, shape: field.shape });
  if (from.t === "record")
    // An index signature stands in for optional properties only, and must fit each of them.
    return to.fields.every(
      (field) => !field.required && assignable(from.values, at(field), visiting),
    );
  if (from.t !== "object") return false;
  const given = new Map(from.fields.map((field) => [field.key, field]));
  for (const [key, field] of wanted) {
    const have = given.get(key);
    if (have === undefined) {
      if (field.required) return false;
      continue;
    }
    if (field.required && !have.required) return false;
    if (!assignable({ side: from.side, shape: have.shape }, at(field), visiting)) return false;
  }
  // A weak type (every property optional) takes no object that shares none of its properties.
  const weak = wanted.size > 0 && to.fields.every((field) => !field.required);
  if (weak && given.size > 0 && ![...given.keys()].some((key) => wanted.has(key))) return false;
  return true;
}
