/**
 * The declarations a change reaches: those that hold the changed one, directly or through others, each
 * with the path from it to the changed value (`items[].unit`: the `unit` of each entry of `items`).
 * Followed backwards from the changed declaration, each holder once (so cycles end), nearest first,
 * listing at most `MAX_USES` of them.
 */
import type { TypeRef } from "../core/model.js";
import type { Side } from "./assignable.js";

/** A declaration that holds a changed one. */
export interface Use {
  /** Its TypeScript identifier. */
  declaration: string;
  /** Its page. */
  file: string;
  /**
   * Where the changed value sits in it: properties joined by `.`, `[]` for the entries of an array,
   * `{}` for the values of a map; a union that has the changed declaration as a member, or an object
   * that inherits from it, adds nothing to the path.
   */
  path: string;
}

/** How many holders a change lists; the rest are counted. */
export const MAX_USES = 25;

/** A holder of a declaration and the path from the holder to it. */
interface Edge {
  holder: string;
  path: string;
}

/** Joins the path to a declaration and the path inside it. */
export function joinPath(outer: string, inner: string): string {
  if (inner === "") return outer;
  if (outer === "") return inner;
  return inner.startsWith("[") || inner.startsWith("{") ? `${outer}${inner}` : `${outer}.${inner}`;
}

/** The declarations each type refers to, with the path from the type to each. */
function refsOf(type: TypeRef, path: string, found: [string, string][]): void {
  switch (type.kind) {
    case "ref":
      if (type.target !== undefined) found.push([type.target, path]);
      return;
    case "array":
      return refsOf(type.items, `${path}[]`, found);
    case "map":
      return refsOf(type.values, `${path}{}`, found);
    case "union":
      for (const member of type.members) refsOf(member, path, found);
      return;
    default:
      return;
  }
}

/** Who holds what on one side, built once and asked per changed declaration. */
export class Uses {
  private readonly holders = new Map<string, Edge[]>();
  private readonly memo = new Map<string, { uses: Use[]; more: number }>();

  constructor(private readonly side: Side) {
    for (const [id, decl] of side.decls) {
      const found: [string, string][] = [];
      if (decl.kind === "object") {
        const names = side.plans.get(id)?.propertyNames ?? [];
        decl.fields.forEach((field, index) =>
          refsOf(field.type, names[index] ?? field.name, found),
        );
        for (const base of decl.extends ?? []) refsOf(base.type, "", found);
      } else if (decl.kind === "union")
        for (const member of decl.members) refsOf(member.type, "", found);
      for (const [target, path] of found) {
        if (target === id) continue;
        const edges = this.holders.get(target);
        if (edges) edges.push({ holder: id, path });
        else this.holders.set(target, [{ holder: id, path }]);
      }
    }
  }

  /** The holders of declaration `id`, nearest first, with paths to `inner` inside it. */
  of(id: string, inner: string): { uses: Use[]; more: number } {
    let found = this.memo.get(id);
    if (found === undefined) {
      found = this.walk(id);
      this.memo.set(id, found);
    }
    return {
      uses: found.uses.map((use) => ({ ...use, path: joinPath(use.path, inner) })),
      more: found.more,
    };
  }

  private walk(id: string): { uses: Use[]; more: number } {
    const seen = new Set([id]);
    const uses: Use[] = [];
    let more = 0;
    let frontier: Edge[] = [{ holder: id, path: "" }];
    while (frontier.length > 0) {
      const next: Edge[] = [];
      for (const { holder: held, path } of frontier)
        for (const edge of this.holders.get(held) ?? []) {
          if (seen.has(edge.holder)) continue;
          seen.add(edge.holder);
          const outer = joinPath(edge.path, path);
          next.push({ holder: edge.holder, path: outer });
          const decl = this.side.decls.get(edge.holder);
          const plan = this.side.plans.get(edge.holder);
          if (decl === undefined || plan === undefined) continue;
          if (uses.length < MAX_USES)
            uses.push({ declaration: plan.identifier, file: decl.origin.file, path: outer });
          else more += 1;
        }
      frontier = next;
    }
    return { uses, more };
  }
}
