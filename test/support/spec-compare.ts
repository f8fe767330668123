/**
 * Normalises the OpenAPI 3.0 spec an SDK's docs came from, and the JSON Schema docs2ts writes for those
 * docs, into one comparable shape per object schema: property names as written, required names, and per
 * property a type string and its enum values. Spec object schemas are those with `properties` (`allOf`
 * members merged); enums, unions, free-form objects and maps (OpenAPI Generator writes no page for them)
 * and aliases are only counted. Declarations are keyed by `key` of their title (lowercase,
 * alphanumerics only: spec `acceptOAuth2ConsentRequestSession` = page `AcceptOAuth2ConsentRequestSession`).
 *
 * The type string, computed alike on both sides:
 * - `string` `integer` `number` `boolean` `null` from `type` (formats, bounds ignored; integer is not
 *   number); `enum`/`const` without `type` give their values' type; no type at all is `any`;
 * - alternatives (`type` arrays, `anyOf`/`oneOf` members, `null` for `nullable: true`) sorted, joined by
 *   `|`; an `any` alternative makes it all `any`; `allOf` of one member is that member, of more `object`;
 * - `ref:<key>` for a reference to a named schema (spec: with properties, an enum or a union; docs: a
 *   declaration the spec names). Other references become their target's type: spec aliases, which
 *   OpenAPI Generator inlines (`NullUUID` is `null|string`), and docs declarations of inline spec schemas;
 * - `array<items>` and `map<values>` (`additionalProperties` other than `{}`) one level deep, then
 *   `array`/`map`; every other object, inline or free-form, is `object`.
 * Enum values: inline `enum`/`const` or the referenced enum's, of the property or its items, as sorted
 * JSON texts joined by `, `.
 */
import { dirname, posix } from "node:path";

type Schema = { [key: string]: unknown };
export type Property = { type: string; enums: string };
/** An object schema; `properties` undefined for a docs declaration that is not an object with properties. */
export type ObjectSchema = { properties?: Map<string, Property>; required: string[] };
export type Skipped = Record<"enum" | "union" | "free-form or map" | "alias", number>;

export const key = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]/g, "");
const obj = (value: unknown): Schema =>
  typeof value === "object" && value !== null ? (value as Schema) : {};
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** One side: resolves a `$ref` at a schema's location to the target; tells named targets. */
interface Side {
  resolve: (ref: string, from: string) => { name: string; schema: Schema; at: string } | undefined;
  named: (target: Schema, name: string) => boolean;
}

function mergeAllOf(schema: Schema, side: Side): Schema {
  const members = list(schema.allOf).map((m) => {
    const ref = obj(m).$ref;
    return typeof ref === "string" ? mergeAllOf(side.resolve(ref, "")?.schema ?? {}, side) : obj(m);
  });
  const all = [schema, ...members];
  const properties = Object.assign({}, ...all.map((m) => obj(m.properties))) as Schema;
  return members.length === 0
    ? schema
    : { ...schema, properties, required: all.flatMap((m) => list(m.required)) };
}

function typeKey(schema: Schema, side: Side, at: string, depth = 0, hops = 0): string {
  const alternatives = new Set<string>();
  const add = (member: unknown) => alternatives.add(typeKey(obj(member), side, at, depth, hops));
  const all = list(schema.allOf);
  if (all.length === 1) add(all[0]);
  else if (all.length > 1) alternatives.add("object");
  [...list(schema.anyOf), ...list(schema.oneOf)].forEach(add);
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  const values = "const" in schema ? [schema.const] : list(schema.enum);
  if (types.length === 0) for (const v of values) types.push(v === null ? "null" : typeof v);
  const ref = schema.$ref;
  const target = typeof ref === "string" ? side.resolve(ref, at) : undefined;
  if (typeof ref === "string" && (!target || hops > 8)) alternatives.add(`ref:${ref}`);
  else if (target && side.named(target.schema, target.name))
    alternatives.add(`ref:${key(target.name)}`);
  else if (target) alternatives.add(typeKey(target.schema, side, target.at, depth, hops + 1));
  for (const type of types) {
    const items = type === "array" ? "array" : type === "object" ? "map" : "";
    const inner = obj(type === "array" ? schema.items : schema.additionalProperties);
    const value = items && Object.keys(inner).length > 0 ? typeKey(inner, side, at, 1) : "any";
    if (type === "object" && value === "any") alternatives.add("object");
    else if (items) alternatives.add(depth > 0 ? items : `${items}<${value}>`);
    else alternatives.add(String(type));
  }
  if (alternatives.size === 0 || alternatives.has("any")) return "any";
  if (schema.nullable === true) alternatives.add("null");
  return [...alternatives].sort().join("|");
}

/** The enum values of a property (inline or referenced, or of its array items), sorted JSON texts. */
function enumValues(schema: Schema, side: Side, at: string, depth = 0): string[] {
  const values = new Set<string>(list(schema.enum).map((v) => JSON.stringify(v)));
  if ("const" in schema) values.add(JSON.stringify(schema.const));
  const ref = schema.$ref;
  const target = typeof ref === "string" && depth < 2 ? side.resolve(ref, at) : undefined;
  const nested = [...list(schema.allOf), ...list(schema.anyOf), ...list(schema.oneOf)];
  if (depth === 0 && schema.items) nested.push(schema.items);
  for (const n of nested) enumValues(obj(n), side, at, depth + 1).forEach((v) => values.add(v));
  if (target) enumValues(target.schema, side, target.at, depth + 1).forEach((v) => values.add(v));
  return [...values].sort();
}

const isEnum = (s: Schema) => Array.isArray(s.enum) && s.properties === undefined;
const isUnion = (s: Schema) => (s.oneOf ?? s.anyOf) !== undefined && s.properties === undefined;

function objectSchema(schema: Schema, side: Side, at: string): ObjectSchema {
  const entries = Object.entries(obj(schema.properties)).map(([name, p]): [string, Property] => [
    name,
    { type: typeKey(obj(p), side, at), enums: enumValues(obj(p), side, at).join(", ") },
  ]);
  return { properties: new Map(entries), required: list(schema.required).map(String) };
}

/** The spec's object schemas by name, the names `key`ed of its named schemas, and what was skipped. */
export function specObjects(spec: Schema) {
  const schemas = obj(obj(spec.components).schemas);
  const named = (s: Schema) => s.properties !== undefined || isEnum(s) || isUnion(s);
  const side: Side = {
    resolve: (ref) => {
      const name = ref.replace("#/components/schemas/", "");
      return Object.hasOwn(schemas, name)
        ? { name, schema: obj(schemas[name]), at: "" }
        : undefined;
    },
    named,
  };
  const objects = new Map<string, ObjectSchema>();
  const skipped: Skipped = { enum: 0, union: 0, "free-form or map": 0, alias: 0 };
  for (const [name, raw] of Object.entries(schemas)) {
    const s = mergeAllOf(obj(raw), side);
    const other = s.type === "object" ? "free-form or map" : "alias";
    if (s.properties !== undefined) objects.set(name, objectSchema(s, side, ""));
    else skipped[isEnum(s) ? "enum" : isUnion(s) ? "union" : other] += 1;
  }
  const keys = new Set(
    Object.keys(schemas)
      .filter((n) => named(obj(schemas[n])))
      .map(key),
  );
  return { objects, skipped, keys };
}

/** docs2ts's declarations by `key` of their title, from the `.schema.json` files among `files`. */
export function docsObjects(
  files: readonly { path: string; content: string }[],
  specKeys: Set<string>,
) {
  const docs = new Map<string, Schema>();
  for (const f of files)
    if (f.path.endsWith(".schema.json")) docs.set(f.path, JSON.parse(f.content));
  const side: Side = {
    resolve: (ref, from) => {
      const at = ref === "#" ? from : posix.join(dirname(from), ref);
      const schema = docs.get(at);
      return schema && { name: String(schema.title), schema, at };
    },
    named: (_, name) => specKeys.has(key(name)),
  };
  const objects = new Map<string, ObjectSchema>();
  for (const [at, d] of docs)
    objects.set(key(String(d.title)), d.properties ? objectSchema(d, side, at) : { required: [] });
  return objects;
}
