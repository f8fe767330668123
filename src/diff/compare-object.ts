/** The changes of an object declaration: fields added, removed, retyped, made optional or nullable. */
import type { ModulePlan } from "../emit/plan.js";
import type { FieldModel, ObjectDecl, TypeRef } from "../core/model.js";
import type { Side } from "./assignable.js";
import {
  addMoves,
  breaksOf,
  informational,
  NO_BREAK,
  spell,
  type Add,
  type Change,
  type Pair,
} from "./change.js";
import { typeKey } from "./keys.js";

/** The description as emitted: a renamed reserved word's note is part of it. */
function fieldDescription(field: FieldModel): string | undefined {
  if (field.documentedName === undefined) return field.description;
  const note = `Documented as \`${field.documentedName}\`.`;
  return field.description === undefined ? note : `${field.description}\n\n${note}`;
}

export function compareObject(pair: Pair, old: ObjectDecl, now: ObjectDecl, add: Add): void {
  const { oldPlan, nowPlan } = pair;
  const before = new Map(old.fields.map((field, i) => [oldPlan.propertyNames[i] as string, field]));
  const after = new Map(now.fields.map((field, i) => [nowPlan.propertyNames[i] as string, field]));
  const signature = (side: Side, plan: ModulePlan, name: string, field: FieldModel) =>
    `${name}${field.required ? "" : "?"}: ${spell(side, plan, field.type)}`;
  for (const [name, field] of before)
    if (!after.has(name))
      add(
        "field-removed",
        signature(pair.base, oldPlan, name, field),
        null,
        {
          readers: field.required,
          writers: false,
        },
        name,
      );
  for (const [name, field] of after) {
    const was = before.get(name);
    if (was === undefined) {
      add(
        "field-added",
        null,
        signature(pair.head, nowPlan, name, field),
        {
          readers: false,
          writers: field.required,
        },
        name,
      );
      continue;
    }
    if (was.required !== field.required)
      add(
        "optional-changed",
        signature(pair.base, oldPlan, name, was),
        signature(pair.head, nowPlan, name, field),
        { readers: !field.required, writers: field.required },
        name,
      );
    compareType(pair, was.type, field.type, add, name);
    if ((was.readonly ?? false) !== (field.readonly ?? false))
      add(
        "readonly-changed",
        was.readonly ? "readonly" : null,
        field.readonly ? "readonly" : null,
        NO_BREAK,
        name,
      );
    informational(add, name, was, field, fieldDescription(was), fieldDescription(field));
  }
  addMoves(add, [...before.keys()], [...after.keys()]);
}

/**
 * A weak type (every property optional) accepts no object that shares none of its properties: a rule
 * of the whole declaration that no single field's change shows. When every property was replaced,
 * the fields added break readers (the old type is weak) and the fields removed break writers (the new
 * one is).
 */
export function weakTypeBreak(
  pair: Pair,
  old: ObjectDecl,
  now: ObjectDecl,
  changes: Change[],
): void {
  const names = (plan: ModulePlan) => new Set(plan.propertyNames);
  const oldNames = names(pair.oldPlan);
  const nowNames = names(pair.nowPlan);
  if ([...nowNames].some((name) => oldNames.has(name))) return;
  const weak = (decl: ObjectDecl) =>
    decl.fields.length > 0 && decl.fields.every((field) => !field.required);
  for (const change of changes) {
    if (change.kind === "field-added" && weak(old) && nowNames.size > 0)
      change.breaks = { ...change.breaks, readers: true };
    if (change.kind === "field-removed" && weak(now) && oldNames.size > 0)
      change.breaks = { ...change.breaks, writers: true };
  }
}

/** A field's (or the declaration's) type, compared by what the emitters write for it. */
export function compareType(pair: Pair, was: TypeRef, now: TypeRef, add: Add, path: string): void {
  const { base, head, oldPlan, nowPlan } = pair;
  const oldKey = typeKey(base, was);
  const nowKey = typeKey(head, now);
  const oldText = spell(base, oldPlan, was);
  const nowText = spell(head, nowPlan, now);
  if (oldKey === nowKey && oldText === nowText) return;
  const breaks = breaksOf(pair, was, now);
  const nonNull = (type: TypeRef): TypeRef[] =>
    type.kind === "union" ? type.members.filter((member) => member.kind !== "null") : [type];
  const hasNull = (type: TypeRef) =>
    type.kind === "null" || (type.kind === "union" && type.members.some((m) => m.kind === "null"));
  const sameNonNull =
    JSON.stringify(nonNull(was).map((type) => typeKey(base, type))) ===
      JSON.stringify(nonNull(now).map((type) => typeKey(head, type))) &&
    nonNull(was)
      .map((type) => spell(base, oldPlan, type))
      .join() ===
      nonNull(now)
        .map((type) => spell(head, nowPlan, type))
        .join();
  if (hasNull(was) !== hasNull(now) && sameNonNull)
    add("nullable-changed", oldText, nowText, breaks, path);
  else if (oldText === nowText && typeKey(base, was, false) === typeKey(head, now, false))
    add(
      "format-changed",
      `${oldText} (${formatOf(was)})`,
      `${nowText} (${formatOf(now)})`,
      breaks,
      path,
    );
  else
    add(
      "type-changed",
      oldText,
      nowText,
      breaks,
      path,
      oldText === nowText
        ? "the same name now stands for a declaration on another page"
        : undefined,
    );
}

/** The formats a type's strings and numbers carry, for a change of format alone. */
export function formatOf(type: TypeRef): string {
  const formats: string[] = [];
  const walk = (t: TypeRef) => {
    if ((t.kind === "string" || t.kind === "number") && t.format !== undefined)
      formats.push(t.format);
    if (t.kind === "array") walk(t.items);
    if (t.kind === "map") walk(t.values);
    if (t.kind === "union") t.members.forEach(walk);
  };
  walk(type);
  return formats.join(", ") || "no format";
}
