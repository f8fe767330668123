/**
 * widdershins derives a schema's anchors from its name in lowercase, so schemas whose names differ
 * only in case share them (`ShelfTime` and `shelfTime` both declare `#schemashelftime`). A link to a
 * shared anchor names the schema its text names (`[shelfTime](#schemashelftime)`): such links are
 * pointed at that schema's own id.
 */
import { anchorOfId } from "../../core/decl-ref.js";
import type { Decl, TypeRef } from "../../core/model.js";

/** The type with every in-page link to a shared anchor pointed at the declaration its text names. */
function relink(type: TypeRef, shared: ReadonlyMap<string, readonly Decl[]>): TypeRef {
  switch (type.kind) {
    case "ref": {
      if (!type.href?.startsWith("#")) return type;
      const sharing = shared.get(type.href.slice(1).toLowerCase());
      const named = sharing?.find((decl) => decl.name === type.name);
      const anchor = named && anchorOfId(named.id);
      return anchor === undefined ? type : { ...type, href: `#${anchor}` };
    }
    case "array":
      return { kind: "array", items: relink(type.items, shared) };
    case "map":
      return { kind: "map", values: relink(type.values, shared) };
    case "union":
      return { kind: "union", members: type.members.map((member) => relink(member, shared)) };
    default:
      return type;
  }
}

/** The declarations with their links to anchors that several of them share made exact. */
export function relinkSharedAnchors(decls: readonly Decl[]): Decl[] {
  const byAnchor = new Map<string, Decl[]>();
  for (const decl of decls)
    for (const anchor of [anchorOfId(decl.id), ...(decl.anchors ?? [])])
      if (anchor !== undefined) byAnchor.set(anchor, [...(byAnchor.get(anchor) ?? []), decl]);
  const shared = new Map([...byAnchor].filter(([, sharing]) => sharing.length > 1));
  if (shared.size === 0) return [...decls];
  const fix = (type: TypeRef) => relink(type, shared);
  return decls.map((decl): Decl => {
    switch (decl.kind) {
      case "object":
        return {
          ...decl,
          fields: decl.fields.map((field) => ({ ...field, type: fix(field.type) })),
          ...(decl.extends
            ? { extends: decl.extends.map((base) => ({ ...base, type: fix(base.type) })) }
            : {}),
        };
      case "union":
        return {
          ...decl,
          members: decl.members.map((member) => ({ ...member, type: fix(member.type) })),
        };
      case "enum":
        return decl;
    }
  });
}
