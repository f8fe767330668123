/**
 * Anonymous models (core/model.ts `anonymous`: a JSON Schema tool's untitled sub-schema with a page of
 * its own): which are written into the types that reference them, and which no declaration reaches.
 */
import type { Decl, TypeRef, UnionMemberModel } from "../core/model.js";

/** The members of an anonymous union (a type its references are replaced by), or undefined. */
export function aliasOf(decl: Decl): readonly UnionMemberModel[] | undefined {
  return decl.anonymous && decl.kind === "union" && decl.members.length > 0
    ? decl.members
    : undefined;
}

/** The ids of the declarations `type` references (after resolution). */
function targetsOf(type: TypeRef, found: string[]): void {
  switch (type.kind) {
    case "array":
      return targetsOf(type.items, found);
    case "map":
      return targetsOf(type.values, found);
    case "union":
      for (const member of type.members) targetsOf(member, found);
      return;
    case "ref":
      if (type.target !== undefined) found.push(type.target);
      return;
    default:
      return;
  }
}

/**
 * The declarations without the anonymous ones that no other reaches: a sub-schema's page that its
 * schema's page does not link (an `allOf` of one model, written into the property as that model).
 */
export function withoutUnused(decls: Decl[]): Decl[] {
  if (!decls.some((decl) => decl.anonymous)) return decls;
  const byId = new Map(decls.map((decl) => [decl.id, decl]));
  const reached = new Set<string>();
  const queue = decls.filter((decl) => !decl.anonymous);
  for (let decl = queue.pop(); decl !== undefined; decl = queue.pop()) {
    if (reached.has(decl.id)) continue;
    reached.add(decl.id);
    const found: string[] = [];
    if (decl.kind === "object") {
      for (const field of decl.fields) targetsOf(field.type, found);
      for (const base of decl.extends ?? []) targetsOf(base.type, found);
    } else if (decl.kind === "union")
      for (const member of decl.members) targetsOf(member.type, found);
    for (const id of found) {
      const next = byId.get(id);
      if (next && !reached.has(id)) queue.push(next);
    }
  }
  return decls.filter((decl) => reached.has(decl.id));
}
