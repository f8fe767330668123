/**
 * One schema section into declarations. The rows of its property tables (rows.ts) decide the kind:
 * properties (own, or of inline `allOf` members) make an object, whose linked `allOf` members are the
 * models it extends; `oneOf`/`anyOf` members a union; a schema that is no object shows one row for
 * itself (`*anonymous*`, or named by the schema's title) and is an enum when `Enumerated Values` lists
 * its values, else an alias (a one-member union) of that row's type. Inline objects (`object` rows with
 * `»` rows under them) become declarations of their own, named after their owner and field.
 */
import type { Decl, EnumMemberModel, FieldModel, Origin, TypeRef } from "../../core/model.js";
import { withNull } from "../../dialects/grammar.js";
import { literalsType, readNumberLiteral } from "../../model/literals.js";
import type { PageContext } from "../../model/page-context.js";
import { originOf } from "../../parse/inline.js";
import { readEnumValues, readRowTree, type PropertyRow } from "./rows.js";
import type { SchemaSection } from "./sections.js";

/** What reading the schemas of one page shares. */
export interface SchemasReader {
  page: PageContext;
  pageId: string;
  /** Names taken on the page (`nameKey`), so that an inline object's name is new. */
  used: Set<string>;
  /** The anchors of the declarations' ids so far (lowercase). */
  anchors: Set<string>;
  decls: Decl[];
}

/** A name compared as the docs' links and titles are: lowercase letters and digits only. */
export const nameKey = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]/g, "");

/** `transient_payload` -> `TransientPayload`: a field name as part of a type name. */
const pascal = (name: string) =>
  name
    .split(/[^A-Za-z0-9]+/)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join("");

/** One section's reading context: its rows' enum values and the section's own anchor. */
interface SchemaScope {
  reader: SchemasReader;
  enums: Map<string, string[]>;
}

const nonNull = (type: TypeRef): TypeRef | undefined => {
  if (type.kind !== "union") return type;
  const rest = type.members.filter((member) => member.kind !== "null");
  return rest.length === 1 ? rest[0] : undefined;
};
const isNullable = (type: TypeRef) =>
  type.kind === "union" && type.members.some((member) => member.kind === "null");

/** The values `Enumerated Values` lists for a row, as literals of the row's base type. */
function enumLiterals(
  scope: SchemaScope,
  row: PropertyRow,
): Array<string | number | boolean> | undefined {
  const texts = scope.enums.get(row.text);
  const base = nonNull(row.type);
  if (!texts || !base || !["string", "number", "boolean"].includes(base.kind)) return undefined;
  return texts.map((text) => {
    if (base.kind === "number") {
      const number = readNumberLiteral(text);
      return number.ok ? number.value : text;
    }
    if (base.kind === "boolean" && /^(?:true|false)$/.test(text)) return text === "true";
    return text;
  });
}

/** A new name on the page from `wanted` (`Name`, else `Name2`, `Name3`, ...). */
function newName(reader: SchemasReader, wanted: string): string {
  const base = wanted === "" ? "Inline" : wanted;
  let name = base;
  for (let n = 2; reader.used.has(nameKey(name)); n += 1) name = `${base}${n}`;
  reader.used.add(nameKey(name));
  return name;
}

/** Fields from property rows (first of a name wins; later ones are reported). */
function fieldsOf(scope: SchemaScope, rows: readonly PropertyRow[], owner: string): FieldModel[] {
  const fields: FieldModel[] = [];
  const seen = new Map<string, Origin>();
  for (const row of rows) {
    if (row.name.kind !== "property" || row.combinator) continue;
    const name = row.name.name;
    const first = seen.get(name);
    if (first) {
      scope.reader.page.report(
        row.origin,
        "warning",
        "duplicate-field",
        `Unexpected second field \`${name}\`, expected each field once (first at line ${first.line}); the first is kept`,
      );
      continue;
    }
    seen.set(name, row.origin);
    fields.push({
      name,
      type: typeOf(scope, row, `${owner}${pascal(name)}`),
      required: row.required,
      ...(row.description !== undefined ? { description: row.description } : {}),
      ...(row.readonly ? { readonly: true } : {}),
      origin: row.origin,
      typeOrigin: row.typeOrigin,
    });
  }
  return fields;
}

/**
 * An object from rows (properties, and `allOf` members: linked ones are extended, inline ones merged),
 * declared under a new name; the reference to it.
 */
function inlineObject(
  scope: SchemaScope,
  rows: readonly PropertyRow[],
  owner: string,
  origin: Origin,
): TypeRef {
  const name = newName(scope.reader, owner);
  const anchor = `inline-${nameKey(name)}`;
  scope.reader.anchors.add(anchor);
  const { fields, bases } = objectParts(scope, rows, name);
  scope.reader.decls.push({
    kind: "object",
    id: `${scope.reader.pageId}#${anchor}`,
    name,
    fields,
    open: false,
    ...(bases.length > 0 ? { extends: bases } : {}),
    origin,
  });
  return { kind: "ref", name, href: `#${anchor}` };
}

/** The fields and bases of an object from its rows. */
function objectParts(scope: SchemaScope, rows: readonly PropertyRow[], owner: string) {
  const bases = rows
    .filter((row) => row.combinator === "all" && row.type.kind === "ref")
    .map((row) => ({ type: row.type, origin: row.typeOrigin }));
  const merged = rows
    .filter((row) => row.combinator === "all" && row.type.kind !== "ref")
    .flatMap((row) => row.children);
  return { fields: fieldsOf(scope, [...rows, ...merged], owner), bases };
}

const hasProperties = (rows: readonly PropertyRow[]) =>
  rows.some((row) => (row.name.kind === "property" && !row.combinator) || row.combinator === "all");

/** The type of a row, with what the rows under it and the enumerated values say. */
function typeOf(scope: SchemaScope, row: PropertyRow, owner: string): TypeRef {
  const values = enumLiterals(scope, row);
  if (values) {
    const literals = literalsType(values);
    return isNullable(row.type) ? withNull(literals) : literals;
  }
  const members = row.children.filter((child) => child.combinator === "one");
  if (members.length > 0)
    return {
      kind: "union",
      members: members.map((member, index) => typeOf(scope, member, `${owner}Option${index + 1}`)),
    };
  const base = nonNull(row.type);
  if (!base) return row.type;
  const wrap = (type: TypeRef) => (isNullable(row.type) ? withNull(type) : type);
  const objectish = (type: TypeRef) => type.kind === "open-object" || type.kind === "unknown";
  if (objectish(base) && hasProperties(row.children))
    return wrap(inlineObject(scope, row.children, owner, row.origin));
  if (base.kind === "array" && objectish(base.items) && hasProperties(row.children))
    return wrap({ kind: "array", items: inlineObject(scope, row.children, owner, row.origin) });
  const mapValues = row.children.find((child) => child.name.kind === "additional");
  if (objectish(base) && mapValues)
    return wrap({ kind: "map", values: typeOf(scope, mapValues, `${owner}Value`) });
  return row.type;
}

/** The row that stands for the schema itself (a schema that is no object), if any. */
function selfRow(section: SchemaSection, rows: readonly PropertyRow[]): PropertyRow | undefined {
  const own = rows.filter((row) => !row.combinator);
  const anonymous = own.find((row) => row.name.kind === "anonymous");
  if (anonymous) return anonymous;
  // widdershins names it by the schema's title, which it also prints above the table.
  const titled = own.find((row) => section.title !== undefined && row.text === section.title);
  if (titled) return titled;
  const only = own.length === 1 ? own[0] : undefined;
  return only && /\s/.test(only.text) ? only : undefined;
}

/** Reads one schema section into its declaration (and those of its inline objects). */
export function readSchemaSection(reader: SchemasReader, section: SchemaSection): void {
  const { page } = reader;
  const origin = originOf(section.heading, page.file);
  const [first = nameKey(section.name), ...anchors] = section.anchors;
  // Anchors are case-insensitive: `tocS_NullBool` and `tocS_nullBool` need ids of their own.
  let anchor = first;
  for (let n = 2; reader.anchors.has(anchor); n += 1) anchor = `${first}-${n}`;
  reader.anchors.add(anchor);
  const base = {
    id: `${reader.pageId}#${anchor}`,
    ...(anchors.length > 0 ? { anchors } : {}),
    name: section.name,
    ...(section.description ? { description: section.description } : {}),
    origin,
  };
  const scope: SchemaScope = { reader, enums: readEnumValues(page, section.enumValues) };
  const rows = readRowTree(page, section.blocks);
  const self = selfRow(section, rows);
  const properties = rows.filter((row) => row !== self);
  if (hasProperties(properties)) {
    const { fields, bases } = objectParts(scope, properties, section.name);
    reader.decls.push({
      ...base,
      kind: "object",
      fields,
      open: false,
      ...(bases.length > 0 ? { extends: bases } : {}),
    });
    return;
  }
  const members = rows.filter((row) => row.combinator === "one");
  if (members.length > 0) {
    reader.decls.push({
      ...base,
      kind: "union",
      members: members.map((member, index) => ({
        type: typeOf(scope, member, `${section.name}Option${index + 1}`),
        origin: member.typeOrigin,
      })),
    });
    return;
  }
  const values = self ? enumLiterals(scope, self) : undefined;
  if (self && values && !isNullable(self.type)) {
    const enumMembers: EnumMemberModel[] = values.map((value) => ({
      value,
      origin: self.typeOrigin,
    }));
    reader.decls.push({ ...base, kind: "enum", members: enumMembers, open: false });
    return;
  }
  const additional = rows.find((row) => row.name.kind === "additional");
  const type: TypeRef | undefined = self
    ? typeOf(scope, self, section.name)
    : additional
      ? { kind: "map", values: typeOf(scope, additional, `${section.name}Value`) }
      : undefined;
  if (!type && page.rules.emptyTable === "undocumented") {
    // widdershins shows no rows for an array of a schema without a type; its example is an array.
    const array = section.arrayExample === true;
    page.report(
      originOf(section.properties ?? section.heading, page.file),
      "warning",
      "undocumented-model",
      `Unexpected schema \`${section.name}\` without property rows, expected its properties or its own type (widdershins shows none for a free-form object, an alias of another schema or a schema without a type); typing \`${section.name}\` as \`${array ? "unknown[]" : "unknown"}\`${array ? " (its example is an array)" : ""}`,
    );
    const undocumented: TypeRef = { kind: "unknown", reason: "undocumented" };
    const member: TypeRef = array ? { kind: "array", items: undocumented } : undocumented;
    reader.decls.push({ ...base, kind: "union", members: [{ type: member, origin }] });
    return;
  }
  if (!type) {
    reader.decls.push({ ...base, kind: "object", fields: [], open: true });
    return;
  }
  const alternatives = type.kind === "union" ? type.members : [type];
  const at = self?.typeOrigin ?? additional?.typeOrigin ?? origin;
  reader.decls.push({
    ...base,
    kind: "union",
    members: alternatives.map((member) => ({ type: member, origin: at })),
  });
}
