/**
 * What changed between two versions of the model, per declaration (keyed by page; a page renamed with
 * its declaration's exported name is one `page-renamed` change, then the declaration's own), each change spelt in TypeScript and judged by what it breaks:
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
import { Uses } from "./uses.js";

export type { Change, ChangeKind } from "./change.js";

/** Kinds that change no type: no declaration that holds the changed one is affected. */
const UNTYPED = new Set<ChangeKind>([
  "declaration-added",
  "name-changed",
  "page-renamed",
  "order-changed",
  "enum-key-changed",
  "description-changed",
  "example-changed",
  "default-changed",
  "deprecation-changed",
]);

/**
 * Pages renamed with their declaration: a declaration gone from the base whose exported name is that
 * of exactly one declaration new in the head (and of no other gone one), by base id -> head id.
 */
export function matchRenames(base: Side, head: Side): Map<string, string> {
  const byName = (from: Side, other: Side) => {
    const names = new Map<string, string[]>();
    for (const [id, plan] of from.plans)
      if (!other.decls.has(id))
        names.set(plan.identifier, [...(names.get(plan.identifier) ?? []), id]);
    return names;
  };
  const gone = byName(base, head);
  const added = byName(head, base);
  const renamed = new Map<string, string>();
  for (const [name, ids] of gone) {
    const now = added.get(name);
    if (ids.length === 1 && now?.length === 1) renamed.set(ids[0] as string, now[0] as string);
  }
  return renamed;
}

/**
 * The changes between two versions of the model, by page path, then in the order found; each change
 * of a type lists the declarations that hold the changed one (uses.ts).
 */
export function compareSides(plainBase: Side, head: Side): Change[] {
  const renamed = matchRenames(plainBase, head);
  const base: Side = renamed.size > 0 ? { ...plainBase, renamed } : plainBase;
  const renamedFrom = new Map([...renamed].map(([from, to]) => [to, from]));
  const ids = [...new Set([...base.decls.keys(), ...head.decls.keys()])]
    .filter((id) => !renamed.has(id))
    .sort(byCodePoint);
  const uses = { base: lazyUses(base), head: lazyUses(head) };
  const changes: Change[] = [];
  for (const id of ids) {
    const from = renamedFrom.get(id) ?? id;
    const old = base.decls.get(from);
    const now = head.decls.get(id);
    const oldPlan = base.plans.get(from);
    const nowPlan = head.plans.get(id);
    const found: Change[] = [];
    if (old && oldPlan && now && nowPlan) {
      if (from !== id)
        found.push({
          ...declChange(now, nowPlan, "page-renamed", old.origin.file, now.origin.file, NO_BREAK),
          note: `code that imports the module by its path (${oldPlan.path}, now ${nowPlan.path}) must follow; imports from the index are unchanged`,
        });
      found.push(...compareDecl({ base, head, old, now, oldPlan, nowPlan }));
    } else if (old && oldPlan)
      found.push(
        declChange(old, oldPlan, "declaration-removed", oldPlan.identifier, null, {
          readers: true,
          writers: true,
        }),
      );
    else if (now && nowPlan)
      found.push(declChange(now, nowPlan, "declaration-added", null, nowPlan.identifier, NO_BREAK));
    const kind = (now ?? old)?.kind;
    for (const change of found) {
      if (UNTYPED.has(change.kind)) continue;
      const removed = change.kind === "declaration-removed";
      const inner = kind === "object" ? change.path : "";
      const { uses: usedBy, more } = (removed ? uses.base : uses.head)().of(
        removed ? from : id,
        inner,
      );
      if (usedBy.length > 0) change.usedBy = usedBy;
      if (more > 0) change.usedByMore = more;
    }
    changes.push(...found);
  }
  return changes;
}

/** The holders of one side, built the first time a change asks. */
function lazyUses(side: Side): () => Uses {
  let built: Uses | undefined;
  return () => (built ??= new Uses(side));
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
    stopsCompiling?: string[],
  ) =>
    changes.push({
      ...declChange(now, nowPlan, kind, before, after, breaks, path),
      ...(note !== undefined ? { note } : {}),
      ...(stopsCompiling !== undefined && stopsCompiling.length > 0 ? { stopsCompiling } : {}),
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
