/**
 * The note a field (or a model) carries when a reference in its type names nothing in the docs folder
 * (`unresolved-ref`): the type is `unknown`, and its documentation says which page the docs link to.
 * The note is model data (a description), so it reaches the generated code only through the escaping
 * of descriptions, like every other text from the docs.
 */
import { PAGE_EXTENSION } from "../core/decl-ref.js";
import type { LinkTarget } from "./link-target.js";

/**
 * "The docs link to `models/x.md`, which the folder does not have.": the page a link names, relative
 * to the docs folder when the link leads inside it, else as written; for an unlinked name, the name.
 */
export function missingNote(
  name: string,
  href: string | undefined,
  target: LinkTarget | undefined,
  pageExists: (id: string) => boolean,
): string {
  if (href === undefined) return `The docs name \`${name}\`, which no page of the folder declares.`;
  const extension = PAGE_EXTENSION.exec(href.replace(/[?#].*$/s, ""))?.[0] ?? "";
  if (target !== undefined && "id" in target) {
    const page = `${target.id}${extension}`;
    if (target.anchor !== undefined && pageExists(target.id))
      return `The docs link to section \`#${target.anchor}\` of \`${page}\`, which documents no model there.`;
    return `The docs link to \`${page}\`, which the folder does not have.`;
  }
  return `The docs link to \`${href}\`, which the folder does not have.`;
}

/** A description with notes added after it, a paragraph each. */
export function withNotes(
  description: string | undefined,
  notes: readonly string[],
): string | undefined {
  if (notes.length === 0) return description;
  return [...(description === undefined || description === "" ? [] : [description]), ...notes].join(
    "\n\n",
  );
}
