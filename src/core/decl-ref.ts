/**
 * Declaration ids and the places they name. An id is a page id (the page's path without its
 * extension) or a page id and a section anchor joined by `#`; messages name a declaration by its page
 * file, with the anchor when the page holds several models.
 */
import type { Decl } from "./model.js";

/** The extensions of docs pages, lowercase: the Markdown docs2ts reads (see families/registry.ts). */
export const PAGE_EXTENSION = /\.(?:md|mdx|markdown)$/i;

/** The id of the page at `file` (relative to the input root): the path without its extension. */
export function pageIdOf(file: string): string {
  return file.replace(PAGE_EXTENSION, "");
}

/** The page part of a declaration id (`resources/parcel` of `resources/parcel#parcel-object`). */
export function pageOfId(id: string): string {
  const hash = id.indexOf("#");
  return hash < 0 ? id : id.slice(0, hash);
}

/** The section anchor of a declaration id, or undefined for a page's only model. */
export function anchorOfId(id: string): string | undefined {
  const hash = id.indexOf("#");
  return hash < 0 ? undefined : id.slice(hash + 1);
}

/**
 * Where a declaration is documented, as messages name it: its page file (`models/batch.md`), and
 * the section's anchor for one of several models of a page (`resources/parcel.mdx#parcel-object`).
 */
export function declaredAt(decl: Pick<Decl, "id" | "origin">): string {
  const anchor = anchorOfId(decl.id);
  return anchor === undefined ? decl.origin.file : `${decl.origin.file}#${anchor}`;
}
