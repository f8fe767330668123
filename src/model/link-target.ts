/**
 * Where a link written on a page leads: a page of the docs folder (with its section), a site-absolute
 * path, somewhere outside the folder, or another site. Path arithmetic only; nothing is read.
 */
import { posix as path } from "node:path";
import { PAGE_EXTENSION, pageIdOf } from "../core/decl-ref.js";

/** Where a link points, as an id of a page inside the root, or why it cannot be followed. */
export type LinkTarget =
  /** `anchor`: the link's fragment, decoded and lowercase (`#parcel-object`), when it has one. */
  | { id: string; anchor?: string }
  /**
   * A site-absolute link (`/docs/resources/user#user-object`): the docs folder is the site's root
   * or lies below it, so the page is the longest tail of the path that is a page of the folder
   * (`docs/resources/user`, else `resources/user`, else `user`). Never outside the folder.
   */
  | { site: string[]; anchor?: string }
  /** `path`: where a relative link leads, relative to the input folder (`../operations/x.md`). */
  | { outside: true; path?: string }
  | { external: true };

/** The fragment of a link, decoded and lowercase, or undefined when it has none. */
function fragmentOf(href: string): string | undefined {
  const hash = href.indexOf("#");
  if (hash < 0 || hash === href.length - 1) return undefined;
  const raw = href.slice(hash + 1);
  try {
    return decodeURIComponent(raw).toLowerCase();
  } catch {
    return raw.toLowerCase();
  }
}

/**
 * Turns a link target written on page `file` into a page id (`models/components/batch`). Fragments are
 * kept apart (`anchor`), queries dropped and percent-escapes decoded before the path is normalised,
 * so `%2e%2e/` cannot sneak past the root check; `\` separates folders like `/`. A link that is only a
 * fragment (`#parcel-object`) names a section of its own page.
 *
 * `root` is the input folder's real path. With it, a link that climbs out of the folder and comes back
 * in (`../../models/components/x.md` from a page of the input folder `docs/models/components`) names a
 * page inside: the check is path arithmetic on `root`, nothing outside it is looked at. Without it,
 * every link that climbs past the root is outside.
 */
export function linkTarget(file: string, href: string, root?: string): LinkTarget {
  const bare = href.replace(/[?#].*$/s, "");
  const anchor = fragmentOf(href);
  const withAnchor = anchor === undefined ? {} : { anchor };
  if (/^[a-z][a-z0-9+.-]*:/i.test(bare) && !/^file:/i.test(bare)) return { external: true };
  if (bare === "" && anchor !== undefined) return { id: pageIdOf(file), anchor };
  let decoded: string;
  try {
    decoded = decodeURIComponent(bare);
  } catch {
    decoded = bare;
  }
  if (/^file:/i.test(bare) || decoded.includes("\0") || /^[a-z]:/i.test(decoded))
    return { outside: true };
  if (bare.startsWith("/") || bare.startsWith("\\")) {
    // `//host/x` is a network path, not a page of the site.
    if (/^[\\/]{2}/.test(bare)) return { outside: true };
    const parts = path
      .normalize(decoded.replace(/\\/g, "/"))
      .split("/")
      .filter((part) => part !== "" && part !== "." && part !== "..");
    const site = parts.map((_, index) => parts.slice(index).join("/").replace(PAGE_EXTENSION, ""));
    return site.length === 0 ? { outside: true } : { site, ...withAnchor };
  }
  const joined = path.normalize(path.join(path.dirname(file), decoded.replace(/\\/g, "/")));
  if (path.isAbsolute(joined)) return { outside: true };
  if (joined === ".." || joined.startsWith("../")) {
    const back = root === undefined ? undefined : backInside(root, joined);
    return back === undefined
      ? { outside: true, path: joined }
      : { id: back.replace(PAGE_EXTENSION, ""), ...withAnchor };
  }
  return { id: joined.replace(PAGE_EXTENSION, ""), ...withAnchor };
}

/**
 * The path relative to `root` of `rel` (a normalised path relative to `root` that starts with `..`),
 * when the file it names lies inside `root`; undefined when it lies outside. `root` may use either
 * separator and start with a drive (`C:`) or a UNC share (`\\server\share`), kept as an opaque prefix.
 */
function backInside(root: string, rel: string): string | undefined {
  const slashed = root.replace(/\\/g, "/");
  const drive = /^(?:[a-z]:|\/\/[^/]+\/[^/]+)(?=\/|$)/i.exec(slashed)?.[0] ?? "";
  const rest = slashed.slice(drive.length);
  if (drive === "" && rest === "") return undefined;
  const base = path.normalize(rest === "" ? "/" : rest).replace(/\/+$/, "");
  const named = path.normalize(`${base}/${rel}`);
  return named.startsWith(`${base}/`) ? named.slice(base.length + 1) : undefined;
}

/** True when page id `id` is one of the outward symlinks or lies below one. */
export function throughOutsideLink(id: string, outside: readonly string[]): boolean {
  return outside.some((link) => {
    const bare = link.replace(PAGE_EXTENSION, "");
    return bare === id || id.startsWith(`${link}/`);
  });
}
