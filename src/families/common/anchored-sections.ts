/**
 * A page as a flat list of sections, one per heading of any depth, each with the HTML anchors written
 * before its heading (`<a name="pkg.v1.Message"></a>`, `<a id="x"></a>`): documentation tools put a
 * section's link target there rather than in the heading. Nothing here knows a family's words.
 */
import type { Heading, Root, RootContent } from "mdast";

/** One heading and what follows it up to the next heading. */
export interface AnchoredSection {
  heading: Heading;
  /** The anchors written before the heading, as written (letter case kept), in page order. */
  anchors: string[];
  /** The nodes after the heading up to the next heading, anchors before that heading excluded. */
  nodes: RootContent[];
}

const ANCHOR = /<a\s[^>]*?\b(?:name|id)\s*=\s*(?:"([^"]*)"|'([^']*)')/gi;

/** The anchors an HTML fragment declares (`<a name="x">`, `<a id='y' />`). */
export function htmlAnchors(html: string): string[] {
  return [...html.matchAll(ANCHOR)]
    .map((match) => (match[1] ?? match[2] ?? "").trim())
    .filter((anchor) => anchor !== "");
}

/**
 * The anchors of a block that holds nothing but HTML (a raw HTML block, or a paragraph of inline HTML
 * and blanks), or undefined for a block with other content.
 */
function anchorsOfBlock(node: RootContent): string[] | undefined {
  if (node.type === "html") return htmlAnchors(node.value);
  if (node.type !== "paragraph") return undefined;
  let html = "";
  for (const child of node.children) {
    if (child.type === "html") html += child.value;
    else if (child.type !== "text" || child.value.trim() !== "") return undefined;
  }
  return htmlAnchors(html);
}

/**
 * The sections of a page in order: every heading, the anchors written since the previous heading's
 * content (in HTML-only blocks), and its content. Content before the first heading is left out.
 */
export function anchoredSections(root: Root): AnchoredSection[] {
  const sections: AnchoredSection[] = [];
  let pending: string[] = [];
  let current: AnchoredSection | undefined;
  for (const node of root.children) {
    if (node.type === "heading") {
      current = { heading: node, anchors: pending, nodes: [] };
      sections.push(current);
      pending = [];
      continue;
    }
    const anchors = anchorsOfBlock(node);
    if (anchors && anchors.length > 0) pending.push(...anchors);
    else current?.nodes.push(node);
  }
  return sections;
}
