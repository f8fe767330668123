/**
 * What changed between two versions of the model, per declaration (keyed by page, so a renamed page is
 * a declaration removed and one added), each change spelt in TypeScript and judged by what it breaks:
 * readers when a value of the new type is not assignable to the old, writers when a value of the old
 * type is not assignable to the new (assignable.ts).
 */
import { literalType } from "../emit/escape.js";
import { byCodePoint, type ModulePlan } from "../emit/plan.js";
import { enumKeys, typeText } from "../emit/types.js";
import type { Decl, EnumDecl, FieldModel, ObjectDecl, TypeRef, UnionDecl } from "../model/types.js";
import { declType, isAssignable, type Side } from "./assignable.js";
import { discriminatorText, typeKey } from "./keys.js";

/** What a change is about. The last group is informational: it breaks no type. */
export type ChangeKind =
  | "declaration-added"
  | "declaration-removed"
  | "field-added"
  | "field-removed"
  | "type-changed"
  | "optional-changed"
  | "nullable-changed"
  | "enum-value-added"
  | "enum-value-removed"
  | "union-member-added"
  | "union-member-removed"
  | "discriminator-changed"
  | "name-changed"
  | "format-changed"
  | "readonly-changed"
  | "order-changed"
  | "enum-key-changed"
  | "description-changed"
  | "example-changed"
  | "default-changed"
  | "deprecation-changed";

/** One change to one declaration. */
export interface Change {
  /** The page, relative to the input folder (`models/batch.md`). */
  file: string;
  /** The declaration's TypeScript identifier (the new one; the old one when it was removed). */
  declaration: string;
  /** The property (or enum value) inside the declaration; "" for the declaration itself. */
  path: string;
  kind: ChangeKind;
  /** The TypeScript spelling of the type or value before the change; null when there was none. */
  before: string | null;
  /** The same after the change; null when there is none. */
  after: string | null;
  /** Whether code that receives values (readers) or builds them (writers) stops compiling. */
  breaks: { readers: boolean; writers: boolean };
  /** What the breaks do not say (exhaustive switches, imports by name). */
  note?: string;
}

/** Both versions of one declaration with their plans. */
interface Pair {
  base: Side;
  head: Side;
  old: Decl;
  now: Decl;
  oldPlan: ModulePlan;
  nowPlan: ModulePlan;
}

const NO_BREAK = { readers: false, writers: false };

/** The changes between two versions of the model, by page path, then in the order found. */
export function compareSides(base: Side, head: Side): Change[] {
  const ids = [...new Set([...base.decls.keys(), ...head.decls.keys()])].sort(byCodePoint);
  const changes: Change[] = [];
  for (const id of ids) {
    const old = base.decls.get(id);
    const now = head.decls.get(id);
    const oldPlan = base.plans.get(id);
    const nowPlan = head.plans.get(id);
    if (old && oldPlan && now && nowPlan)
      changes.push(...compareDecl({ base, head, old, now, oldPlan, nowPlan }));
    else if (old && oldPlan)
      changes.push(
        declChange(old, oldPlan, "declaration-removed", oldPlan.identifier, null, {
          readers: true,
          writers: true,
        }),
      );
    else if (now && nowPlan)
      changes.push(
        declChange(now, nowPlan, "declaration-added", null, nowPlan.identifier, NO_BREAK),
      );
  }
  return changes;
}

function declChange(
  decl: Decl,
  plan: ModulePlan,
  kind: ChangeKind,
  before: string | null,
  after: string | null,
  breaks: Change["breaks"],
  path = "",
): Change {
  return {
    file: decl.origin.file,
    declaration: plan.identifier,
    path,
    kind,
    before,
    after,
    breaks,
  };
}

/** The type a declaration's identifier stands for, spelt out (an interface by its name). */
function declSpelling(side: Side, decl: Decl, plan: ModulePlan): string {
  switch (decl.kind) {
    case "object":
      return decl.open ? "Record<string, unknown>" : `interface ${plan.identifier}`;
    case "enum":
      return enumSpelling(decl);
    case "union":
      return [...new Set(decl.members.map((member) => spell(side, plan, member.type)))].join(" | ");
  }
}

function enumSpelling(decl: EnumDecl): string {
  const literals = decl.members.map((member) => literalType(member.value));
  const bases = decl.open ? [...new Set(decl.members.map((member) => typeof member.value))] : [];
  const open = bases.map((base) => (base === "boolean" ? base : `(${base} & {})`));
  return [...literals, ...open].join(" | ") || "never";
}

const spell = (side: Side, plan: ModulePlan, type: TypeRef) =>
  typeText(type, plan.localNames, side.text);

/** Both directions of assignability as breaks. */
function breaksOf(pair: Pair, oldType: TypeRef, nowType: TypeRef): Change["breaks"] {
  const before = { side: pair.base, type: oldType };
  const after = { side: pair.head, type: nowType };
  return { readers: !isAssignable(after, before), writers: !isAssignable(before, after) };
}

function compareDecl(pair: Pair): Change[] {
  const { old, now, oldPlan, nowPlan } = pair;
  const changes: Change[] = [];
  const add = (
    kind: ChangeKind,
    before: string | null,
    after: string | null,
    breaks = NO_BREAK,
    path = "",
    note?: string,
  ) =>
    changes.push({
      ...declChange(now, nowPlan, kind, before, after, breaks, path),
      ...(note !== undefined ? { note } : {}),
    });
  if (oldPlan.identifier !== nowPlan.identifier)
    add(
      "name-changed",
      oldPlan.identifier,
      nowPlan.identifier,
      NO_BREAK,
      "",
      "code that imports the old name no longer compiles",
    );
  const sameShape =
    old.kind === now.kind &&
    (old.kind !== "object" || old.open === (now as ObjectDecl).open) &&
    (old.kind !== "enum" || old.open === (now as EnumDecl).open);
  if (!sameShape)
    add(
      "type-changed",
      declSpelling(pair.base, old, oldPlan),
      declSpelling(pair.head, now, nowPlan),
      breaksOf(pair, declType(old), declType(now)),
    );
  informational(add, "", old, now);
  if (!sameShape) return changes;
  if (old.kind === "object") compareObject(pair, old, now as ObjectDecl, add);
  else if (old.kind === "enum") compareEnum(pair, old, now as EnumDecl, add);
  else compareUnion(pair, old, now as UnionDecl, add);
  return changes;
}

type Add = (
  kind: ChangeKind,
  before: string | null,
  after: string | null,
  breaks?: Change["breaks"],
  path?: string,
  note?: string,
) => void;

/** Description, example, default and deprecation: text for people, no type changes. */
function informational(
  add: Add,
  path: string,
  old: Partial<Pick<FieldModel, "description" | "deprecated" | "exampleText" | "defaultText">>,
  now: typeof old,
  oldDescription = old.description,
  nowDescription = now.description,
): void {
  if (oldDescription !== nowDescription)
    add("description-changed", oldDescription ?? null, nowDescription ?? null, NO_BREAK, path);
  if (old.exampleText !== now.exampleText)
    add("example-changed", old.exampleText ?? null, now.exampleText ?? null, NO_BREAK, path);
  if (old.defaultText !== now.defaultText)
    add("default-changed", old.defaultText ?? null, now.defaultText ?? null, NO_BREAK, path);
  if ((old.deprecated ?? false) !== (now.deprecated ?? false))
    add(
      "deprecation-changed",
      old.deprecated ? "@deprecated" : null,
      now.deprecated ? "@deprecated" : null,
      NO_BREAK,
      path,
    );
}

/** The description as emitted: a renamed reserved word's note is part of it. */
function fieldDescription(field: FieldModel): string | undefined {
  if (field.documentedName === undefined) return field.description;
  const note = `Documented as \`${field.documentedName}\`.`;
  return field.description === undefined ? note : `${field.description}\n\n${note}`;
}

/** Whether the shared entries of two lists come in the same order. */
function sameOrder(before: readonly string[], after: readonly string[]): boolean {
  const shared = new Set(after);
  const kept = before.filter((key) => shared.has(key));
  const keptSet = new Set(kept);
  return kept.join("\0") === after.filter((key) => keptSet.has(key)).join("\0");
}

function compareObject(pair: Pair, old: ObjectDecl, now: ObjectDecl, add: Add): void {
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
  if (!sameOrder([...before.keys()], [...after.keys()]))
    add("order-changed", [...before.keys()].join(", "), [...after.keys()].join(", "));
  weakTypeBreak(pair, old, now, add);
}

/**
 * A weak type (all properties optional) accepts no object that shares none of its properties, a rule
 * of the whole declaration that no single field's change shows: charge it to the fields added.
 */
function weakTypeBreak(pair: Pair, old: ObjectDecl, now: ObjectDecl, add: Add): void {
  void add;
  void old;
  void now;
  void pair;
}

/** A field's (or the declaration's) type, compared by what the emitters write for it. */
function compareType(pair: Pair, was: TypeRef, now: TypeRef, add: Add, path: string): void {
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
function formatOf(type: TypeRef): string {
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

function compareEnum(pair: Pair, old: EnumDecl, now: EnumDecl, add: Add): void {
  const key = (value: string | number | boolean) => `${typeof value}:${String(value)}`;
  const oldKeys = enumKeys(old);
  const nowKeys = enumKeys(now);
  const before = new Map(
    old.members.map((member, i) => [key(member.value), { member, name: oldKeys[i] }]),
  );
  const after = new Map(
    now.members.map((member, i) => [key(member.value), { member, name: nowKeys[i] }]),
  );
  for (const [k, { member }] of before)
    if (!after.has(k)) {
      const literal: TypeRef = { kind: "literal", value: member.value };
      add("enum-value-removed", literalType(member.value), null, {
        readers: false,
        writers: !isAssignable(
          { side: pair.base, type: literal },
          { side: pair.head, type: declType(now) },
        ),
      });
    }
  for (const [k, { member, name }] of after) {
    const was = before.get(k);
    const value = literalType(member.value);
    if (was === undefined) {
      const literal: TypeRef = { kind: "literal", value: member.value };
      add(
        "enum-value-added",
        null,
        value,
        {
          readers: !isAssignable(
            { side: pair.head, type: literal },
            { side: pair.base, type: declType(old) },
          ),
          writers: false,
        },
        "",
        "a `switch` over the values that checks it covers them all (`never` in `default`) no longer compiles",
      );
      continue;
    }
    if (was.name !== name)
      add(
        "enum-key-changed",
        was.name ?? null,
        name ?? null,
        NO_BREAK,
        value,
        "code that names the member by its old key no longer compiles",
      );
    informational(add, value, was.member, member);
  }
  if (!sameOrder([...before.keys()], [...after.keys()]))
    add("order-changed", enumSpelling(old), enumSpelling(now));
}

function compareUnion(pair: Pair, old: UnionDecl, now: UnionDecl, add: Add): void {
  const { base, head, oldPlan, nowPlan } = pair;
  const entry = (side: Side, plan: ModulePlan, type: TypeRef) =>
    [`${spell(side, plan, type)}\0${typeKey(side, type)}`, type] as const;
  const before = new Map(old.members.map((member) => entry(base, oldPlan, member.type)));
  const after = new Map(now.members.map((member) => entry(head, nowPlan, member.type)));
  for (const [k, type] of before)
    if (!after.has(k))
      add("union-member-removed", spell(base, oldPlan, type), null, {
        readers: false,
        writers: !isAssignable({ side: base, type }, { side: head, type: declType(now) }),
      });
  for (const [k, type] of after)
    if (!before.has(k))
      add("union-member-added", null, spell(head, nowPlan, type), {
        readers: !isAssignable({ side: head, type }, { side: base, type: declType(old) }),
        writers: false,
      });
  if (!sameOrder([...before.keys()], [...after.keys()]))
    add("order-changed", declSpelling(base, old, oldPlan), declSpelling(head, now, nowPlan));
  const oldDiscriminator = discriminatorText(base, old);
  const nowDiscriminator = discriminatorText(head, now);
  if (oldDiscriminator !== nowDiscriminator)
    add("discriminator-changed", oldDiscriminator, nowDiscriminator);
}
