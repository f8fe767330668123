/**
 * Names that overrides give must not be names other things already have. Within one object page: a
 * field's `name` override, or a field an override adds, must not take the property name another field
 * has in the output (after `fieldNames`: a field `ID` is `id` under snake_case). Across pages: a
 * page's `name` override must not take another model's name (pipeline/override-model.ts, which sees
 * every page). Either is an error at the override, and the override's name is not used, as any
 * override that cannot be applied is not: the output never renames a model or field the user did not
 * touch to make room.
 */
import { sanitizeIdentifier } from "../core/identifiers.js";
import type { Decl, FieldModel, ObjectDecl } from "../core/model.js";
import { propertyName } from "../core/naming.js";
import type { FieldNameStyle, FieldOverride } from "../core/options.js";

/** The index of the field an override key names: its documented name, or its name. -1 for none. */
export function matchField(fields: readonly FieldModel[], key: string): number {
  return fields.findIndex(
    (field) => (field.documentedName ?? field.name) === key || field.name === key,
  );
}

/** A name an override gives, and what it is about (a field of the page or one it adds). */
interface Claim {
  key: string;
  name: string;
  /** The field's index on the page; undefined for a field the override adds. */
  index?: number;
}

/** One override whose name is taken: the override's key, the name, and the field that has it. */
export interface FieldNameClash {
  key: string;
  name: string;
  /** The documented name of the field that has the name too. */
  other: string;
  /** True when the override adds the field (the field is then not added). */
  added: boolean;
}

/**
 * The field overrides of `decl` whose property names another field has in the output, once every
 * override's name is in place (two overrides may swap names). An override whose name is refused keeps
 * the field's own name, which may be the name another override takes; that one is then refused too.
 */
export function fieldNameClashes(
  decl: ObjectDecl,
  overrides: Readonly<Record<string, FieldOverride>>,
  fieldNames: FieldNameStyle,
): FieldNameClash[] {
  const propertyNameOf = (name: string) => propertyName(name, fieldNames);
  const own = decl.fields.map((field) => field.propertyName ?? propertyNameOf(field.name));
  const claims: Claim[] = [];
  for (const [key, override] of Object.entries(overrides)) {
    const index = matchField(decl.fields, key);
    if (index >= 0) {
      if (override.name !== undefined && override.name !== own[index])
        claims.push({ key, name: override.name, index });
    } else if (override.type !== undefined)
      claims.push({ key, name: override.name ?? propertyNameOf(key) });
  }
  const clashes: FieldNameClash[] = [];
  let accepted = claims;
  for (;;) {
    // Every property name of the output as it stands: the page's fields, then the added ones.
    const named = decl.fields.map((field, index) => ({
      owner: field.documentedName ?? field.name,
      name: accepted.find((claim) => claim.index === index)?.name ?? (own[index] as string),
    }));
    for (const claim of accepted)
      if (claim.index === undefined) named.push({ owner: claim.key, name: claim.name });
    const refused = accepted.flatMap((claim) => {
      const self = claim.index === undefined ? claim.key : named[claim.index]?.owner;
      const other = named.find((entry) => entry.name === claim.name && entry.owner !== self);
      return other ? [{ claim, other: other.owner }] : [];
    });
    if (refused.length === 0) return clashes;
    for (const { claim, other } of refused)
      clashes.push({ key: claim.key, name: claim.name, other, added: claim.index === undefined });
    accepted = accepted.filter((claim) => !refused.some((r) => r.claim === claim));
  }
}

/** A model as the name check sees it: its id, the page it is read from, its name in the docs. */
export interface NamedModel {
  id: string;
  file: string;
  name: string;
}

/** A page's `name` override that another model's name takes already. */
export interface ModelNameClash {
  /** The id of the model the override renames. */
  id: string;
  name: string;
  /** The model that has the name (with its docs' name), and whether its override gives it the name. */
  other: NamedModel & { renamed: boolean };
}

/**
 * The `name` overrides (`names`, by model id) that give a model the name another model has once every
 * override's name is in place, compared as identifiers (`sanitizeIdentifier`: "Link Schema" is the
 * identifier `Link_Schema`). Models in other folders count too: two models of one name leave both out
 * of the index's top level. A refused override leaves the model its docs' name, which may be the name
 * another override takes; that one is then refused too.
 */
export function modelNameClashes(
  models: readonly NamedModel[],
  names: ReadonlyMap<string, string>,
): ModelNameClash[] {
  const clashes: ModelNameClash[] = [];
  const accepted = new Map(names);
  for (;;) {
    const byIdentifier = new Map<string, NamedModel[]>();
    for (const model of models) {
      const identifier = sanitizeIdentifier(accepted.get(model.id) ?? model.name);
      byIdentifier.set(identifier, [...(byIdentifier.get(identifier) ?? []), model]);
    }
    const refused = models.flatMap((model) => {
      const name = accepted.get(model.id);
      if (name === undefined) return [];
      const other = byIdentifier.get(sanitizeIdentifier(name))?.find((m) => m.id !== model.id);
      if (other === undefined) return [];
      return [{ id: model.id, name, other: { ...other, renamed: accepted.has(other.id) } }];
    });
    if (refused.length === 0) return clashes;
    clashes.push(...refused);
    for (const { id } of refused) accepted.delete(id);
  }
}

/** `decl` without "name" in its override note; without the note when nothing else was changed. */
export function withoutNameNote(decl: Decl): Decl {
  const changed = (decl.overridden?.changed ?? []).filter((what) => what !== "name");
  const copy = { ...decl };
  if (decl.overridden && changed.length > 0) copy.overridden = { ...decl.overridden, changed };
  else delete copy.overridden;
  return copy;
}
