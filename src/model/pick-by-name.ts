/**
 * Which of several same-named declarations a reference means, when no link settles it: the resolver's
 * choice by name (resolve.ts).
 */
import { posix as path } from "node:path";
import type { Decl } from "../core/model.js";
import { PAGE_EXTENSION, pageOfId } from "../core/decl-ref.js";

/** How many trailing path segments `id` shares with `tail` (`components/x` and `models/components/x`: 2). */
function sharedTail(id: string, tail: readonly string[]): number {
  const parts = id.split("/");
  let shared = 0;
  while (
    shared < parts.length &&
    shared < tail.length &&
    parts[parts.length - 1 - shared] === tail[tail.length - 1 - shared]
  )
    shared += 1;
  return shared;
}

/**
 * The declarations under the folders a namespaced name names (`Billing\\InvoiceLine`: those under a
 * folder `billing`, `App\\Models\\Billing\\X`: best under `models/billing`), letter case aside: the
 * ones whose folders end with most of the namespace's parts; all of them when none matches.
 */
export function inNamespace(
  candidates: readonly Decl[],
  qualified: string | undefined,
): readonly Decl[] {
  if (qualified === undefined) return candidates;
  const namespace = qualified
    .replace(/^(?:::|\\)/, "")
    .split(/\.|::|\\/)
    .slice(0, -1)
    .map((part) => part.toLowerCase());
  if (namespace.length === 0) return candidates;
  const score = (decl: Decl) =>
    sharedTail(path.dirname(pageOfId(decl.id)).toLowerCase(), namespace);
  const best = Math.max(...candidates.map(score));
  return best > 0 ? candidates.filter((decl) => score(decl) === best) : candidates;
}

/**
 * Among same-named declarations: for a link (`href`), the one whose path ends with most of the link's
 * path (`components/x` for `../../models/components/x.md`), never the page that holds the link while
 * another has the name; then, for a namespaced name (`qualified`), the ones under the folders its namespace names; then the one
 * in the referring page's folder; then the first by id.
 */
export function pickByName(
  candidates: readonly Decl[],
  fromFile: string,
  link?: { href: string; owner: Decl },
  qualified?: string,
): Decl | undefined {
  let pool = candidates;
  if (link) {
    const others = pool.filter((decl) => decl !== link.owner);
    if (others.length > 0) pool = others;
    const tail = link.href
      .replace(/[?#].*$/s, "")
      .replace(/\\/g, "/")
      .replace(PAGE_EXTENSION, "")
      .split("/")
      .filter((part) => part !== "" && part !== "." && part !== "..");
    const best = Math.max(...pool.map((decl) => sharedTail(pageOfId(decl.id), tail)));
    if (best > 1) pool = pool.filter((decl) => sharedTail(pageOfId(decl.id), tail) === best);
  }
  pool = inNamespace(pool, qualified);
  const folder = path.dirname(fromFile);
  return pool.find((decl) => path.dirname(decl.id) === folder) ?? pool[0];
}
