/**
 * One shape per declaration: what each type of the model means under the options, decided once.
 *
 * The model says what the docs say (`int64`, `date-time`, an open enum, a reference by id); a shape says
 * what the output accepts: `int64` is a safe integer or a `bigint`, `date-time` an RFC 3339 string or
 * a `Date`, an open enum also takes any value of its members' base types, a reference that resolves to
 * no declaration is any value, and a union knows the property that tells its members apart. Every
 * emitter is a plain function of the shape (types.ts, validator-checks.ts, validators.ts for the `$sX`
 * table, json-schema.ts) and the runtime's issue collector interprets the same data, so they cannot
 * disagree about a type's meaning. Plain, serialisable data: a module's shape keys its cache entry.
 */
import type { Decl, EnumDecl, ObjectDecl, TypeRef, UnionDecl } from "../core/model.js";
import type { ResolvedOptions } from "../core/options.js";
import type { ModulePlan } from "./plan.js";

/** A value's shape. */
export type ValueShape =
  /** A JSON string; `date-time` (RFC 3339) and `date` (a full date) are checked by syntax. */
  | { kind: "string"; format?: "date-time" | "date" }
  /** A `Date` object holding a time (date-time fields under `dates: "Date"`). */
  | { kind: "Date" }
  /** A finite number; `int32` in its range, `safe` a safe integer. */
  | { kind: "number"; integer?: "int32" | "safe" }
  /** A `bigint` (int64 fields under `int64: "bigint"`). */
  | { kind: "bigint" }
  | { kind: "boolean" }
  | { kind: "null" }
  /** Any value. */
  | { kind: "unknown" }
  | { kind: "literal"; value: string | number | boolean }
  /** Any non-null, non-array object. */
  | { kind: "object" }
  | { kind: "array"; items: ValueShape }
  | { kind: "map"; values: ValueShape }
  | { kind: "union"; members: ValueShape[] }
  /** Another declaration, by id, with its kind (an enum's check takes no depth). */
  | { kind: "ref"; target: string; decl: Decl["kind"] };

/** A property of an object declaration: its output key, whether it must be present, its value. */
export interface FieldShape {
  key: string;
  required: boolean;
  shape: ValueShape;
}

/** A discriminated union's tag: the property, and per member the value that selects it. */
export interface Tag {
  property: string;
  values: (string | number | boolean)[];
}

/** What an object inherits: the number of its own fields (first in `fields`), and its bases. */
export interface Inherits {
  own: number;
  /** Each base object, by id, with the keys it gives that an own field or an earlier base gave first. */
  bases: { target: string; omit: string[] }[];
}

/** The base types an open enum accepts besides its values, in code-point order. */
export type EnumBase = "boolean" | "number" | "string";

/** A declaration's shape. `name` is its exported identifier. */
export type DeclShape =
  /**
   * `fields` null: an object with no documented fields, any object. An object that inherits
   * (`ObjectDecl.extends`) lists its own fields first, then each base's fields that it does not
   * redeclare; `inherits` says which fields are its own and what each base gives.
   */
  | { kind: "object"; name: string; fields: FieldShape[] | null; inherits?: Inherits }
  | { kind: "enum"; name: string; values: (string | number | boolean)[]; open: EnumBase[] }
  | { kind: "union"; name: string; members: ValueShape[]; tag: Tag | null };

/** The options that change what a type means. */
export type ShapeOptions = Pick<ResolvedOptions, "int64" | "dates">;

/** The shape of a type; `kindOf` gives the kind of a declaration that has a module (else a reference is any value). */
export function valueShape(
  type: TypeRef,
  options: ShapeOptions,
  kindOf: (id: string) => Decl["kind"] | undefined,
): ValueShape {
  switch (type.kind) {
    case "string":
      if (type.format === "date-time" && options.dates === "Date") return { kind: "Date" };
      return type.format ? { kind: "string", format: type.format } : { kind: "string" };
    case "number":
      if (type.format === "int32") return { kind: "number", integer: "int32" };
      if (type.format === "int64" && options.int64 === "bigint") return { kind: "bigint" };
      if (type.format === "int64" || type.format === "integer")
        return { kind: "number", integer: "safe" };
      return { kind: "number" };
    case "boolean":
    case "null":
    case "unknown":
      return { kind: type.kind };
    case "literal":
      return { kind: "literal", value: type.value };
    case "open-object":
      return { kind: "object" };
    case "array":
      return { kind: "array", items: valueShape(type.items, options, kindOf) };
    case "map":
      return { kind: "map", values: valueShape(type.values, options, kindOf) };
    case "union":
      return {
        kind: "union",
        members: type.members.map((member) => valueShape(member, options, kindOf)),
      };
    case "ref": {
      const decl = type.target !== undefined ? kindOf(type.target) : undefined;
      return decl && type.target !== undefined
        ? { kind: "ref", target: type.target, decl }
        : { kind: "unknown" };
    }
  }
}

/** The base types of an open enum's values (none for a closed enum). */
export function enumBases(decl: EnumDecl): EnumBase[] {
  if (!decl.open) return [];
  // An enum the docs left without values (`empty-enum`): any string, as the docs' values would be.
  if (decl.members.length === 0) return ["string"];
  return [...new Set(decl.members.map((member) => typeof member.value as EnumBase))].sort();
}

/** Whether a value of `shape` passes any check: any value, or a union with such a member. */
export function acceptsAnything(shape: ValueShape): boolean {
  if (shape.kind === "unknown") return true;
  return shape.kind === "union" && shape.members.some(acceptsAnything);
}

/** The single value a shape allows: a literal, or a reference to a closed enum of one value. */
function singleValue(
  shape: ValueShape,
  shapes: ReadonlyMap<string, DeclShape>,
): { value: string | number | boolean } | undefined {
  if (shape.kind === "literal") return { value: shape.value };
  if (shape.kind !== "ref") return undefined;
  const target = shapes.get(shape.target);
  if (target?.kind !== "enum" || target.open.length > 0 || target.values.length !== 1)
    return undefined;
  return { value: target.values[0] as string | number | boolean };
}

/**
 * The tag of a union, when every member is a reference to an object declaration with documented fields
 * and a required property of the same key whose shape allows one value, and the values differ.
 */
function tagOf(members: readonly ValueShape[], shapes: ReadonlyMap<string, DeclShape>): Tag | null {
  const objects: FieldShape[][] = [];
  for (const member of members) {
    const target = member.kind === "ref" ? shapes.get(member.target) : undefined;
    if (target?.kind !== "object" || target.fields === null) return null;
    objects.push(target.fields);
  }
  const first = objects[0];
  if (!first || objects.length < 2) return null;
  for (const { key } of first) {
    const values: (string | number | boolean)[] = [];
    for (const fields of objects) {
      const field = fields.find((candidate) => candidate.key === key);
      const single = field?.required ? singleValue(field.shape, shapes) : undefined;
      if (!single || values.includes(single.value)) break;
      values.push(single.value);
    }
    if (values.length === objects.length) return { property: key, values };
  }
  return null;
}

function objectShape(
  decl: ObjectDecl,
  plan: ModulePlan,
  options: ShapeOptions,
  kindOf: (id: string) => Decl["kind"] | undefined,
): DeclShape {
  if (decl.open) return { kind: "object", name: plan.identifier, fields: null };
  const fields = decl.fields.map((field, index) => ({
    key: plan.propertyNames[index] as string,
    required: field.required,
    shape: valueShape(field.type, options, kindOf),
  }));
  return { kind: "object", name: plan.identifier, fields };
}

function unionMembers(
  decl: UnionDecl,
  options: ShapeOptions,
  kindOf: (id: string) => Decl["kind"] | undefined,
): ValueShape[] {
  return decl.members.map((member) => valueShape(member.type, options, kindOf));
}

/**
 * The shape of every planned declaration, by id. Unions come last: their tag reads the shapes of the
 * objects and enums they reference.
 */
export function buildShapes(
  modules: readonly ModulePlan[],
  options: ShapeOptions,
): Map<string, DeclShape> {
  const kinds = new Map(modules.map((module) => [module.decl.id, module.decl.kind]));
  const kindOf = (id: string) => kinds.get(id);
  const shapes = new Map<string, DeclShape>();
  for (const module of modules) {
    const decl = module.decl;
    if (decl.kind === "object") shapes.set(decl.id, objectShape(decl, module, options, kindOf));
    else if (decl.kind === "enum")
      shapes.set(decl.id, {
        kind: "enum",
        name: module.identifier,
        values: decl.members.map((member) => member.value),
        open: enumBases(decl),
      });
  }
  const inheriting = modules.flatMap(({ decl }) =>
    decl.kind === "object" && decl.extends?.length ? [decl] : [],
  );
  if (inheriting.length > 0) inheritFields(inheriting, shapes);
  for (const { decl, identifier: name } of modules)
    if (decl.kind === "union") {
      const members = unionMembers(decl, options, kindOf);
      shapes.set(decl.id, { kind: "union", name, members, tag: tagOf(members, shapes) });
    }
  return shapes;
}

/**
 * Gives each inheriting object the fields of its bases (their own inherited ones included), bases in
 * the order the docs list them. A base that is not an object with documented fields gives nothing; a
 * cycle of bases stops where it closes.
 */
function inheritFields(decls: readonly ObjectDecl[], shapes: Map<string, DeclShape>): void {
  const byId = new Map(decls.map((decl) => [decl.id, decl]));
  const done = new Set<string>();
  const visit = (decl: ObjectDecl, path: ReadonlySet<string>): void => {
    if (done.has(decl.id)) return;
    done.add(decl.id);
    const shape = shapes.get(decl.id);
    if (shape?.kind !== "object" || shape.fields === null) return;
    const fields = [...shape.fields];
    const keys = new Set(fields.map((field) => field.key));
    const bases: Inherits["bases"] = [];
    for (const base of decl.extends ?? []) {
      const target = base.type.kind === "ref" ? base.type.target : undefined;
      if (target === undefined || target === decl.id || path.has(target)) continue;
      const inner = byId.get(target);
      if (inner) visit(inner, new Set([...path, decl.id]));
      const baseShape = shapes.get(target);
      if (baseShape?.kind !== "object" || baseShape.fields === null) continue;
      if (bases.some((known) => known.target === target)) continue;
      const omit: string[] = [];
      for (const field of baseShape.fields) {
        if (keys.has(field.key)) omit.push(field.key);
        else {
          keys.add(field.key);
          fields.push(field);
        }
      }
      bases.push({ target, omit });
    }
    if (bases.length > 0)
      shapes.set(decl.id, { ...shape, fields, inherits: { own: shape.fields.length, bases } });
  };
  for (const decl of decls) visit(decl, new Set());
}
