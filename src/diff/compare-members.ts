/** The changes of enum and union declarations: values and members added or removed, discriminators. */
import { literalType } from "../emit/escape.js";
import type { ModulePlan } from "../emit/plan.js";
import { enumKeys } from "../emit/type-text.js";
import type { EnumDecl, TypeRef, UnionDecl } from "../core/model.js";
import { declType, isAssignable, type Side } from "./assignable.js";
import {
  declSpelling,
  enumSpelling,
  informational,
  NO_BREAK,
  sameOrder,
  spell,
  type Add,
  type Pair,
} from "./change.js";
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
  if (!sameOrder([...before.keys()], [...after.keys()]))
    add("order-changed", declSpelling(base, old, oldPlan), declSpelling(head, now, nowPlan));
  const oldDiscriminator = discriminatorText(base, old);
  const nowDiscriminator = discriminatorText(head, now);
  if (oldDiscriminator !== nowDiscriminator)
    add("discriminator-changed", oldDiscriminator, nowDiscriminator);
}
