/**
 * fast-check arbitraries from the model: valid values of a declaration, and single mutations of a
 * valid value (one field removed or one position replaced by a wrong value) with the path where the
 * validators must report it.
 */
import fc from "fast-check";
import type { Decl, TypeRef } from "../../src/core/model.js";

/** What the arbitraries need: declarations and their property names by id. */
export interface ModelView {
  decls: ReadonlyMap<string, Decl>;
  propertyNames: ReadonlyMap<string, readonly string[]>;
}

const SAFE = Number.MAX_SAFE_INTEGER;

/**
 * An RFC 3339 oracle written apart from the runtime's (a loose pattern, then the calendar through
 * `Date.UTC`): `full-date` for `date`, `date-time` (with `t`/`z`/space allowed) otherwise.
 */
export function isRfc3339(text: unknown, format: "date" | "date-time"): boolean {
  if (typeof text !== "string") return false;
  const pattern =
    format === "date"
      ? /^(\d{4})-(\d\d)-(\d\d)$/
      : /^(\d{4})-(\d\d)-(\d\d)[Tt ](\d\d):(\d\d):(\d\d)(\.\d+)?([Zz]|[+-](\d\d):(\d\d))$/;
  const m = pattern.exec(text);
  if (!m) return false;
  const [year, month, day, hour = 0, minute = 0, second = 0] = [1, 2, 3, 4, 5, 6].map((i) =>
    m[i] === undefined ? undefined : Number(m[i]),
  ) as number[];
  const date = new Date(Date.UTC(year as number, (month as number) - 1, day as number));
  date.setUTCFullYear(year as number);
  const calendar = date.getUTCMonth() === (month as number) - 1 && date.getUTCDate() === day;
  const offsetOk = m[9] === undefined || (Number(m[9]) < 24 && Number(m[10]) < 60);
  return calendar && hour < 24 && minute < 60 && second <= 60 && offsetOk;
}

/** RFC 3339 date-times and dates in the spellings the spec allows (offsets, fractions, `t`/`z`). */
function rfc3339Value(format: "date" | "date-time"): fc.Arbitrary<string> {
  const day = fc
    .date({
      min: new Date("0001-01-01T00:00:00Z"),
      max: new Date("9999-12-31T23:59:59Z"),
      noInvalidDate: true,
    })
    .map((date) => date.toISOString());
  if (format === "date") return day.map((iso) => iso.slice(0, 10));
  const offset = fc.oneof(
    fc.constantFrom("Z", "z", "+00:00"),
    fc
      .tuple(
        fc.constantFrom("+", "-"),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
      )
      .map(([sign, h, m]) => `${sign}${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`),
  );
  return fc
    .tuple(day, fc.constantFrom("T", "t", " "), fc.constantFrom("", ".5", ".123456789"), offset)
    .map(
      ([iso, t, fraction, zone]) => `${iso.slice(0, 10)}${t}${iso.slice(11, 19)}${fraction}${zone}`,
    );
}

/** Valid JSON values of a type; recursion stops (optional fields left out, arrays empty) past `depth` 3. */
export function valueOf(type: TypeRef, model: ModelView, depth = 0): fc.Arbitrary<unknown> {
  switch (type.kind) {
    case "string":
      return type.format ? rfc3339Value(type.format) : fc.string({ maxLength: 6 });
    case "number":
      if (type.format === "int32") return fc.integer();
      if (type.format === "int64" || type.format === "integer")
        return fc.integer({ min: -SAFE, max: SAFE });
      return fc.double({ noNaN: true, noDefaultInfinity: true });
    case "boolean":
      return fc.boolean();
    case "unknown":
      return fc.jsonValue({ maxDepth: 1 });
    case "null":
      return fc.constant(null);
    case "literal":
      return fc.constant(type.value);
    case "open-object":
      return fc.dictionary(fc.string({ maxLength: 4 }), fc.jsonValue({ maxDepth: 1 }), {
        maxKeys: 2,
      });
    case "array":
      return fc.array(valueOf(type.items, model, depth), { maxLength: depth > 3 ? 0 : 2 });
    case "map":
      return fc.dictionary(fc.string({ maxLength: 4 }), valueOf(type.values, model, depth), {
        maxKeys: depth > 3 ? 0 : 2,
      });
    case "union":
      return fc.oneof(...type.members.map((member) => valueOf(member, model, depth)));
    case "ref": {
      const decl = type.target !== undefined ? model.decls.get(type.target) : undefined;
      return decl ? declValue(decl, model, depth + 1) : fc.constant("unresolved");
    }
  }
}

/** Valid values of a declaration. */
export function declValue(decl: Decl, model: ModelView, depth = 0): fc.Arbitrary<unknown> {
  switch (decl.kind) {
    case "enum":
      return fc.constantFrom(...decl.members.map((member) => member.value));
    case "union":
      return fc.oneof(...decl.members.map((member) => valueOf(member.type, model, depth)));
    case "object": {
      if (decl.open) return valueOf({ kind: "open-object" }, model, depth);
      const names = model.propertyNames.get(decl.id) ?? [];
      const fields = decl.fields.map((field, index) => {
        const value = fc.tuple(
          fc.constant(names[index] as string),
          valueOf(field.type, model, depth),
        );
        return field.required
          ? value.map((entry) => [entry])
          : depth > 3
            ? fc.constant([])
            : fc.option(value, { nil: undefined }).map((entry) => (entry ? [entry] : []));
      });
      return fc.tuple(...fields).map((entries) => Object.fromEntries(entries.flat()));
    }
  }
}

/** A mutation site: where a value sits and its type, or a required field that can be removed. */
export interface Site {
  path: (string | number)[];
  type: TypeRef | { kind: "field"; type: TypeRef };
}

/** Every position of `value` (valid for `type`) where a mutation can go, outside undiscriminated unions. */
export function sites(
  value: unknown,
  type: TypeRef,
  model: ModelView,
  path: (string | number)[] = [],
  into: Site[] = [],
): Site[] {
  into.push({ path, type });
  children(value, type, model, path, into);
  return into;
}

function children(
  value: unknown,
  type: TypeRef,
  model: ModelView,
  path: (string | number)[],
  into: Site[],
): void {
  if (type.kind === "array" && Array.isArray(value))
    value.forEach((item, index) => sites(item, type.items, model, [...path, index], into));
  if (type.kind === "map" && value !== null && typeof value === "object")
    for (const [key, item] of Object.entries(value))
      sites(item, type.values, model, [...path, key], into);
  // `T | null` reports T's issues at their own paths, so T's positions are sites too.
  const nonNull =
    type.kind === "union" ? type.members.filter((member) => member.kind !== "null") : [];
  if (type.kind === "union" && value !== null && nonNull.length === 1 && type.members.length === 2)
    children(value, nonNull[0] as TypeRef, model, path, into);
  if (type.kind === "ref" && type.target !== undefined) {
    const decl = model.decls.get(type.target);
    if (decl?.kind !== "object" || decl.open || value === null || typeof value !== "object") return;
    const names = model.propertyNames.get(decl.id) ?? [];
    decl.fields.forEach((field, index) => {
      const key = names[index] as string;
      if (field.required)
        into.push({ path: [...path, key], type: { kind: "field", type: field.type } });
      if (Object.hasOwn(value, key))
        sites((value as Record<string, unknown>)[key], field.type, model, [...path, key], into);
    });
  }
}

/** An oracle independent of the generated code: whether `value` (one of the wrong candidates) fits `type`. */
export function accepts(type: TypeRef, value: unknown, model: ModelView): boolean {
  const isObject = typeof value === "object" && value !== null && !Array.isArray(value);
  switch (type.kind) {
    case "string":
      return type.format ? isRfc3339(value, type.format) : typeof value === "string";
    case "boolean":
      return typeof value === "boolean";
    case "number":
      if (type.format === "int32")
        return Number.isSafeInteger(value) && Math.abs(value as number) < 2 ** 31;
      if (type.format === "int64" || type.format === "integer") return Number.isSafeInteger(value);
      return Number.isFinite(value);
    case "unknown":
      return true;
    case "null":
      return value === null;
    case "literal":
      return value === type.value;
    case "open-object":
      return isObject;
    case "array":
      return Array.isArray(value) && value.every((item) => accepts(type.items, item, model));
    case "map":
      return isObject && Object.values(value).every((item) => accepts(type.values, item, model));
    case "union":
      return type.members.some((member) => accepts(member, value, model));
    case "ref": {
      const decl = type.target !== undefined ? model.decls.get(type.target) : undefined;
      if (!decl) return true;
      if (decl.kind === "enum")
        return (
          decl.members.some((m) => m.value === value) ||
          (decl.open && decl.members.some((m) => typeof m.value === typeof value))
        );
      if (decl.kind === "union")
        return decl.members.some((member) => accepts(member.type, value, model));
      // Only `{}` among the candidates is an object: it fits when nothing is required.
      return isObject && (decl.open || decl.fields.every((field) => !field.required));
    }
  }
}

/** Candidate wrong values, tried in order until one is outside the type (per `accepts`). */
const WRONG: unknown[] = ["wrong", 1.5, true, null, [], 2 ** 40, -(2 ** 60), {}];

/** The mutated copy of `root` at `site`, or undefined when no candidate is invalid there. */
export function mutate(root: unknown, site: Site, model: ModelView, choice = 0): unknown {
  const copy = structuredClone(root) as unknown;
  if (site.type.kind === "field") {
    const parent = site.path
      .slice(0, -1)
      .reduce<unknown>((at, step) => (at as Record<string | number, unknown>)[step], copy);
    delete (parent as Record<string, unknown>)[site.path.at(-1) as string];
    return copy;
  }
  const type = site.type;
  // Every wrong candidate gets its turn, so that e.g. 1.5 (not only "wrong") reaches integer fields.
  const candidates = WRONG.filter((candidate) => !accepts(type, candidate, model));
  const wrong = candidates[choice % Math.max(1, candidates.length)];
  if (candidates.length === 0) return undefined;
  if (site.path.length === 0) return structuredClone(wrong);
  const parent = site.path
    .slice(0, -1)
    .reduce<unknown>((at, step) => (at as Record<string | number, unknown>)[step], copy);
  (parent as Record<string | number, unknown>)[site.path.at(-1) as string | number] =
    structuredClone(wrong);
  return copy;
}

/** A reference to a declaration, as a type (the root of `sites`). */
export function declType(decl: Decl): TypeRef {
  return { kind: "ref", name: decl.name, target: decl.id };
}
