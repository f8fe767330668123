/**
 * Pages the docs leave undocumented: a title and no model section, read as `unknown` with the
 * `undocumented-model` warning (model/build.ts). An override can still say what such a page is.
 */
import type { Decl, EnumDecl } from "../core/model.js";

/**
 * An undocumented page as an enum with no values yet, for an override that lists its values
 * (OpenAPI Generator's PHP and Java docs leave every enum page empty); undefined for any other
 * declaration.
 */
export function undocumentedAsEnum(decl: Decl | undefined): EnumDecl | undefined {
  if (decl?.kind !== "union" || decl.members.length !== 1) return undefined;
  const only = decl.members[0]?.type;
  if (only?.kind !== "unknown" || only.reason !== "undocumented") return undefined;
  const { id, name, origin } = decl;
  return {
    id,
    name,
    ...(decl.description !== undefined ? { description: decl.description } : {}),
    ...(decl.deprecated !== undefined ? { deprecated: decl.deprecated } : {}),
    ...(decl.overridden !== undefined ? { overridden: decl.overridden } : {}),
    origin,
    kind: "enum",
    members: [],
    open: false,
  };
}

/** An enum page whose values section the docs left empty (read as an open enum of no values). */
export function isEmptyEnum(decl: Decl | undefined): boolean {
  return decl?.kind === "enum" && decl.open && decl.members.length === 0;
}
