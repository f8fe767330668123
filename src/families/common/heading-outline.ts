/**
 * A page as its sections: every heading (Markdown `#`..`######`, or an HTML `<h2 id="x">`), its slug as
 * the site links it, the further anchors written just before it (`<a id>`, `<a name>`, an MDX element
 * with an `id` attribute such as `<SectionAnchor id="x" />`), its parent heading, and the blocks under
 * it. MDX elements that wrap content (`<Info>`, `<Tab>`) are looked through: their tables belong to
 * the section they stand in. Nothing is run; JSX is read as data.
 */
import type { Heading, Root, RootContent } from "mdast";
import { plainText } from "../../parse/inline.js";
// Slugs by github-slugger, as the sites that link them make them (install: `npm install
// github-slugger@^2.0.0`). Measured with 2.0.0 against the own rule it replaces (35 lines): the same
// slugs for all 67,835 headings of the test corpus, and the same numbering of repeats; different for
// 15,845 of the 1,112,064 code points, where the own rule kept 915 other numbers (`²`, `½`) that GitHub's
// rule drops, and letters that Unicode assigned after github-slugger's tables (sites using it drop them).
import GithubSlugger from "github-slugger";

/** One heading of a page. */
export interface OutlineHeading {
  /** The heading node (a Markdown heading, or the HTML node of an `<hN>`). */
  node: RootContent;
  depth: number;
  /** Its text, trimmed. */
  text: string;
  /** Its slug, numbered as the page's repeats are (`json-params-1`). */
  slug: string;
  /** The ids of anchor elements just before it, and an HTML heading's own id (lowercase). */
  anchors: string[];
  /** The index of the nearest heading before it of a lower depth, if any. */
  parent?: number;
}

/** A block of the page and the heading it stands under (its index), if any. */
export interface OutlineBlock {
  node: RootContent;
  heading?: number;
}

/** The headings and blocks of a page, in page order. */
export interface HeadingOutline {
  headings: OutlineHeading[];
  blocks: OutlineBlock[];
}

const HTML_HEADING = /^<h([1-6])\b([^>]*)>([\s\S]*?)<\/h\1>\s*$/i;
const ID_ATTRIBUTE = /\b(?:id|name)\s*=\s*["']([^"']+)["']/i;
const HTML_ANCHOR = /^(?:\s*<a\b[^>]*\b(?:id|name)\s*=\s*["'][^"']+["'][^>]*>\s*(?:<\/a>)?\s*)+$/i;

/** The id an MDX element (`<SectionAnchor id="x" />`) or HTML anchor (`<a name="x">`) carries. */
function anchorIds(node: RootContent): string[] | undefined {
  if (node.type === "mdxJsxFlowElement" && node.children.length === 0) {
    const ids = node.attributes.flatMap((a) =>
      a.type === "mdxJsxAttribute" &&
      (a.name === "id" || a.name === "name") &&
      typeof a.value === "string"
        ? [a.value]
        : [],
    );
    return ids.length > 0 ? ids : undefined;
  }
  const html =
    node.type === "html"
      ? node.value
      : node.type === "paragraph" && node.children.every((c) => c.type === "html")
        ? node.children.map((c) => (c.type === "html" ? c.value : "")).join("")
        : undefined;
  if (html === undefined || !HTML_ANCHOR.test(html)) return undefined;
  return [...html.matchAll(new RegExp(ID_ATTRIBUTE.source, "gi"))].map((m) => m[1] as string);
}

/** An HTML heading (`<h2 id="x">Title</h2>`): depth, text and id. */
function htmlHeading(node: RootContent): { depth: number; text: string; id?: string } | undefined {
  if (node.type !== "html") return undefined;
  const match = HTML_HEADING.exec(node.value);
  if (!match) return undefined;
  const id = ID_ATTRIBUTE.exec(match[2] as string)?.[1];
  const text = (match[3] as string).replace(/<[^>]*>/g, "").trim();
  return { depth: Number(match[1]), text, ...(id !== undefined ? { id } : {}) };
}

/** Reads a page's headings and the blocks under each. */
export function readHeadingOutline(root: Root): HeadingOutline {
  const headings: OutlineHeading[] = [];
  const blocks: OutlineBlock[] = [];
  const slugger = new GithubSlugger();
  let pending: string[] = [];
  let current: number | undefined;
  const open = (node: RootContent, depth: number, text: string, own?: string) => {
    let parent = current;
    while (parent !== undefined && (headings[parent] as OutlineHeading).depth >= depth)
      parent = (headings[parent] as OutlineHeading).parent;
    const anchors = [...pending, ...(own !== undefined ? [own] : [])].map((a) => a.toLowerCase());
    headings.push({
      node,
      depth,
      text,
      slug: slugger.slug(text),
      anchors,
      ...(parent !== undefined ? { parent } : {}),
    });
    current = headings.length - 1;
    pending = [];
  };
  const visit = (nodes: readonly RootContent[]) => {
    for (const node of nodes) {
      if (node.type === "heading") {
        open(node, node.depth, plainText(node as Heading).trim());
        continue;
      }
      const html = htmlHeading(node);
      if (html) {
        open(node, html.depth, html.text, html.id);
        continue;
      }
      const ids = anchorIds(node);
      if (ids) {
        pending.push(...ids);
        continue;
      }
      if (node.type === "mdxJsxFlowElement") {
        visit(node.children as RootContent[]);
        continue;
      }
      // Imports, exports and expressions say nothing a section is; a block between an anchor and
      // its heading leaves the anchor to the heading.
      if (node.type === "mdxjsEsm" || node.type === "mdxFlowExpression" || node.type === "yaml")
        continue;
      if (node.type === ("toml" as string)) continue;
      pending = [];
      blocks.push({ node, ...(current !== undefined ? { heading: current } : {}) });
    }
  };
  visit(root.children);
  return { headings, blocks };
}
