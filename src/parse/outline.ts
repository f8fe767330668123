/**
 * Splits a page's mdast into the parts every dialect shares: the `#` title, the introduction before the
 * first `##`, and the `##` sections with their content.
 */
import type { Heading, Root, RootContent } from "mdast";
import { plainText, sourceOf } from "./inline.js";

/** A `##` section: its heading text (trimmed) and the nodes up to the next `#`/`##` heading. */
export interface Section {
  title: string;
  heading: Heading;
  nodes: RootContent[];
}

/** The shared anatomy of a page. */
export interface PageOutline {
  /** The `#` heading, if any. */
  titleHeading?: Heading;
  /** Title text with strikethrough markers removed. */
  title: string;
  /** `# ~~Title~~`, or a `> :warning: **DEPRECATED**` blockquote before the first section. */
  deprecated: boolean;
  /** The introduction's paragraphs as Markdown source, deprecation notice excluded. */
  description: string;
  /** The introduction's nodes (paragraphs, lists, code, quotes), deprecation notice excluded. */
  intro: RootContent[];
  sections: Section[];
}

const DEPRECATION_NOTICE = /^\s*:warning:\s*\*\*\s*DEPRECATED\s*\*\*/i;

/** True for a `> :warning: **DEPRECATED**: ...` blockquote. */
export function isDeprecationNotice(node: RootContent, source: string): boolean {
  return (
    node.type === "blockquote" &&
    DEPRECATION_NOTICE.test(sourceOf(node, source).replace(/^>\s?/gm, ""))
  );
}

/** Reads the outline of a page; `source` is the normalised text the tree was parsed from. */
export function readOutline(root: Root, source: string): PageOutline {
  let titleHeading: Heading | undefined;
  let deprecated = false;
  const intro: string[] = [];
  const introNodes: RootContent[] = [];
  const sections: Section[] = [];
  let current: Section | undefined;

  for (const node of root.children) {
    if (node.type === "heading" && node.depth <= 2) {
      if (node.depth === 1 && titleHeading === undefined && current === undefined) {
        titleHeading = node;
        deprecated ||=
          node.children.length > 0 &&
          node.children.every(
            (c) => c.type === "delete" || (c.type === "text" && c.value.trim() === ""),
          );
        continue;
      }
      current = { title: plainText(node).trim(), heading: node, nodes: [] };
      sections.push(current);
      continue;
    }
    if (current) {
      current.nodes.push(node);
    } else if (isDeprecationNotice(node, source)) {
      deprecated = true;
    } else if (
      node.type === "paragraph" ||
      node.type === "list" ||
      node.type === "code" ||
      node.type === "blockquote"
    ) {
      intro.push(sourceOf(node, source).trim());
      introNodes.push(node);
    }
  }
  return {
    ...(titleHeading ? { titleHeading } : {}),
    title: titleHeading ? plainText(titleHeading).trim() : "",
    deprecated,
    description: intro.filter((p) => p.length > 0).join("\n\n"),
    intro: introNodes,
    sections,
  };
}
