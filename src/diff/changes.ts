/**
 * What changed between two versions of the model, per declaration (keyed by page, so a renamed page is
 * a declaration removed and one added), each change spelt in TypeScript and judged by what it breaks:
 * readers when a value of the new type is not assignable to the old, writers when a value of the old
 * type is not assignable to the new (assignable.ts).
 */
import { byCodePoint } from "../core/text.js";
import type { ModulePlan } from "../emit/plan.js";
import type { Decl, EnumDecl, ObjectDecl, UnionDecl } from "../core/model.js";
import { declType, type Side } from "./assignable.js";
import {
  breaksOf,
  declSpelling,
  informational,
  NO_BREAK,
  type Change,
  type ChangeKind,
  type Pair,
} from "./change.js";
import { compareEnum, compareUnion } from "./compare-members.js";
import { compareObject, weakTypeBreak } from "./compare-object.js";

export type { Change, ChangeKind } from "./change.js";

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
  if (old.kind === "object") {
    compareObject(pair, old, now as ObjectDecl, add);
    weakTypeBreak(pair, old, now as ObjectDecl, changes);
  } else if (old.kind === "enum") compareEnum(pair, old, now as EnumDecl, add);
  else compareUnion(pair, old, now as UnionDecl, add);
  return changes;
}
