/** What an unresolved reference may have meant: the pages whose model or file name is nearest. */
import { posix as path } from "node:path";
import { declaredAt, PAGE_EXTENSION, pageOfId } from "../core/decl-ref.js";
import type { Decl, TypeRef } from "../core/model.js";
import { nearestWords } from "../core/suggest.js";
import type { Index } from "./ref-index.js";

/**
 * ` (did you mean \`Bars\` (models/bars.md)?)`: the pages whose declared name is nearest to the
 * reference's name, or whose file name is nearest to the link's; "" when none is near.
 */
export function suggestPages(index: Index, ref: Extract<TypeRef, { kind: "ref" }>): string {
  const decls = [...index.byId.values()];
  const found = new Set<Decl>();
  // Tighter than config's limit: a short model name is a few edits from many others (and `B` is
  // one edit from `A`: names under three letters get no suggestion).
  const near = (word: string, words: Iterable<string>) =>
    word.length < 3
      ? []
      : nearestWords(word, words, Math.max(1, Math.min(3, Math.floor(word.length / 3))));
  const nearNames = near(ref.name, index.byName.keys());
  for (const name of nearNames) for (const decl of index.byName.get(name) ?? []) found.add(decl);
  const linked = ref.href
    ?.replace(/[?#].*$/s, "")
    .split(/[\\/]/)
    .at(-1)
    ?.replace(PAGE_EXTENSION, "");
  if (linked) {
    const fileNames = decls.map((decl) => path.basename(pageOfId(decl.id)));
    for (const name of near(linked, fileNames))
      for (const decl of decls) if (path.basename(pageOfId(decl.id)) === name) found.add(decl);
  }
  if (found.size === 0) return "";
  const pages = [...found]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, 3)
    .map((decl) => `\`${decl.name}\` (${declaredAt(decl)})`);
  return ` (did you mean ${pages.length === 1 ? pages[0] : `${pages.slice(0, -1).join(", ")} or ${pages.at(-1)}`}?)`;
}
