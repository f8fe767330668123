/**
 * The resolver's index of the declarations of a docs folder (resolve.ts): by id, by section anchor,
 * by page, by name and by lowercased name.
 */
import type { Decl } from "../core/model.js";
import { anchorOfId, pageOfId } from "../core/decl-ref.js";

export interface Index {
  byId: Map<string, Decl>;
  /** Declarations by `page#anchor` (anchor lowercase): every anchor that names a section's model. */
  byAnchor: Map<string, Decl>;
  /** The declarations of each page, by page id. */
  pages: Map<string, Decl[]>;
  byName: Map<string, Decl[]>;
  /** Declarations by lowercased name, for references written in another letter case. */
  byLowerName: Map<string, Decl[]>;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function buildIndex(decls: readonly Decl[]): Index {
  const byId = new Map<string, Decl>();
  const byAnchor = new Map<string, Decl>();
  const pages = new Map<string, Decl[]>();
  const byName = new Map<string, Decl[]>();
  const byLowerName = new Map<string, Decl[]>();
  for (const decl of decls) {
    byId.set(decl.id, decl);
    const page = pageOfId(decl.id);
    push(pages, page, decl);
    for (const anchor of [anchorOfId(decl.id), ...(decl.anchors ?? [])])
      if (anchor !== undefined && !byAnchor.has(`${page}#${anchor}`))
        byAnchor.set(`${page}#${anchor}`, decl);
    // An anonymous model's name is docs2ts's, made from where it sits: no reference names it.
    if (decl.anonymous) continue;
    push(byName, decl.name, decl);
    push(byLowerName, decl.name.toLowerCase(), decl);
  }
  return { byId, byAnchor, pages, byName, byLowerName };
}
