/** The changes of enum and union declarations: values and members added or removed, discriminators. */
import { literalType } from "../emit/escape.js";
import type { ModulePlan } from "../emit/plan.js";
import { enumKeys } from "../emit/type-text.js";
import type { EnumDecl, TypeRef, UnionDecl } from "../core/model.js";
import { declType, isAssignable, type Side } from "./assignable.js";
import { addMoves, informational, NO_BREAK, spell, type Add, type Pair } from "./change.js";
import { discriminatorText, typeKey } from "./keys.js";

export function compareEnum(pair: Pair, old: EnumDecl, now: EnumDecl, add: Add): void {
  const key = (value: string | number | boolean) => `${typeof value}:${String(value)}`;
  const oldKeys = enumKeys(old);
  const nowKeys = enumKeys(now);
  const before = new Map(
    old.members.map((member, i) => [key(member.value), { member, name: oldKeys[i] }]),
  );
  const after = new Map(
    now.members.map((member, i) => [key(member.value), { member, name: nowKeys[i] }]),
  );
  for (const [k, { member, name }] of before)
    if (!after.has(k)) {
      const literal: TypeRef = { kind: "literal", value: member.value };
      const writers = !isAssignable(
        { side: pair.base, type: literal },
        { side: pair.head, type: declType(now) },
      );
      add(
        "enum-value-removed",
        literalType(member.value),
        null,
        { readers: false, writers },
        "",
        undefined,
        namesOfRemovedValue(pair, old, member.value, name, writers, nowKeys),
      );
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
  const labels = new Map(
    old.members.map((member) => [key(member.value), literalType(member.value)]),
  );
  addMoves(add, [...before.keys()], [...after.keys()], (k) => labels.get(k) ?? k);
}

export function compareUnion(pair: Pair, old: UnionDecl, now: UnionDecl, add: Add): void {
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
  addMoves(add, [...before.keys()], [...after.keys()], (k) => k.slice(0, k.indexOf("\0")));
  const oldDiscriminator = discriminatorText(base, old);
  const nowDiscriminator = discriminatorText(head, now);
  if (oldDiscriminator !== nowDiscriminator)
    add("discriminator-changed", oldDiscriminator, nowDiscriminator);
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * What code written against the old enum spells that no longer compiles once `value` is gone: a
 * comparison with the literal (`=== "expired"`) when the new type has no room for it (a closed enum;
 * a TypeScript `enum` takes no literal comparison in the first place), and the member
 * (`Status.EXPIRED`) under the enum styles that emit one (`const-object`, `enum`).
 */
function namesOfRemovedValue(
  pair: Pair,
  old: EnumDecl,
  value: string | number | boolean,
  key: string | undefined,
  writers: boolean,
  nowKeys: readonly string[],
): string[] {
  const style = pair.base.enumStyle;
  const tsEnum =
    style === "enum" && !old.open && old.members.every((m) => typeof m.value !== "boolean");
  const names: string[] = [];
  if (writers && !tsEnum) names.push(`=== ${literalType(value)}`);
  if (style !== "union" && key !== undefined && !nowKeys.includes(key))
    names.push(
      `${pair.oldPlan.identifier}${IDENTIFIER.test(key) ? `.${key}` : `[${literalType(key)}]`}`,
    );
  return names;
}
