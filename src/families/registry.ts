/**
 * The families docs2ts reads, in the order they are asked to recognise a page, and the choice of a
 * family for every page of a folder. Adding a family is one file and one entry here.
 */
import { dialectFor, type DialectOption } from "../dialects/detect.js";
import type { Family, FamilyId, PageSource } from "./family.js";
import { docsSiteFamily } from "./docs-site.js";
import { jsonSchemaDocsFamily } from "./json-schema-docs.js";
import { openApiMarkdownFamily } from "./openapi-markdown.js";
import { protobufFamily } from "./protobuf.js";
import { sdkFamily } from "./sdk.js";

/** Every family, most particular first: the first that recognises a page strongly reads it. */
export const FAMILIES: readonly Family[] = [
  jsonSchemaDocsFamily,
  openApiMarkdownFamily,
  protobufFamily,
  docsSiteFamily,
  sdkFamily,
];

/** The family a page falls back to when nothing recognises it and its folder gives no lead. */
const DEFAULT_FAMILY = sdkFamily;

/** The extensions of every family's pages (lowercase, with the dot), in code-point order. */
export const PAGE_EXTENSIONS: readonly string[] = [
  ...new Set(FAMILIES.flatMap((family) => family.extensions)),
].sort();

/** The family with this id. */
export function familyById(id: FamilyId): Family {
  return FAMILIES.find((family) => family.id === id) as Family;
}

const extensionOf = (file: string) => /\.[^./]*$/.exec(file)?.[0].toLowerCase() ?? "";

/**
 * The family of each page (same order as `pages`): the family of the dialect the `dialect` option
 * names for the page; else the first family that recognises the page strongly; else the family that
 * strongly recognises most pages of the folder, when it reads the page's extension (a generator's
 * index or usage page belongs with its models); else the first that recognises it at all.
 */
export function choosePageFamilies(
  pages: readonly PageSource[],
  option: DialectOption,
): FamilyId[] {
  const reads = (family: Family, file: string) => family.extensions.includes(extensionOf(file));
  const strong: Array<Family | undefined> = [];
  const counts = new Map<Family, number>();
  for (const page of pages) {
    const family = FAMILIES.find(
      (candidate) => reads(candidate, page.file) && candidate.recognise(page) === "strong",
    );
    strong.push(family);
    if (family) counts.set(family, (counts.get(family) ?? 0) + 1);
  }
  let dominant: Family | undefined;
  for (const family of FAMILIES)
    if ((counts.get(family) ?? 0) > (dominant ? (counts.get(dominant) ?? 0) : 0)) dominant = family;
  return pages.map((page, index) => {
    const chosen = dialectFor(page.file, option);
    if (chosen !== "auto")
      return (FAMILIES.find((family) => family.dialects.includes(chosen)) ?? DEFAULT_FAMILY).id;
    const found = strong[index];
    if (found) return found.id;
    if (dominant && reads(dominant, page.file)) return dominant.id;
    const weak = FAMILIES.find(
      (candidate) => reads(candidate, page.file) && candidate.recognise(page) !== undefined,
    );
    return (weak ?? DEFAULT_FAMILY).id;
  });
}

/** Pages per family, as `init` and `report` show them: keys in {@link FAMILIES} order, no zeros. */
export type FamilyCounts = Partial<Record<FamilyId, number>>;

/** How many of `families` (one per page) each family reads. */
export function countFamilies(families: readonly FamilyId[]): FamilyCounts {
  const counts: FamilyCounts = {};
  for (const family of FAMILIES) {
    const pages = families.filter((id) => id === family.id).length;
    if (pages > 0) counts[family.id] = pages;
  }
  return counts;
}

/**
 * The families that read a folder's pages, most pages first (ties in {@link FAMILIES} order): the
 * first is the folder's dominant family.
 */
export function rankFamilies(counts: FamilyCounts): Array<{ family: Family; pages: number }> {
  return FAMILIES.flatMap((family) => {
    const pages = counts[family.id] ?? 0;
    return pages > 0 ? [{ family, pages }] : [];
  }).sort((a, b) => b.pages - a.pages);
}
