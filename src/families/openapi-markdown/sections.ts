/**
 * The schema sections of an OpenAPI-to-Markdown page (widdershins and kin): after the `# Schemas`
 * heading, one section per schema, each opened by a level-2 heading (HTML `<h2 id="tocS_X">X</h2>`
 * or Markdown `## X`) with its `<a id>` anchors, then a JSON example, the schema's description and a
 * `### Properties` heading over its property tables, and `#### Enumerated Values`.
 */
import type { Heading, Root, RootContent, Table } from "mdast";
import { plainText, sourceOf } from "../../parse/inline.js";
import { decodeCellText } from "../../dialects/tokens.js";
import { htmlAnchors, htmlHeading } from "../common/html-headings.js";

/** The `#` heading the schemas part of the page opens with. */
export const SCHEMAS_TITLE = /^\s*schemas\s*$/i;
/** The headings over a schema's property tables (widdershins writes `Properties`, older `Attributes`). */
const PROPERTIES_TITLE = /^\s*(?:properties|attributes)\s*$/i;
/** The heading over the values of a schema's enums. */
const ENUM_VALUES_TITLE = /^\s*enumerated values\s*$/i;

/** One table under the `### Properties` heading and the paragraph just above it (`oneOf`, `xor`). */
export interface PropertyBlock {
  title?: string;
  table: Table;
}

/** One schema's section. */
export interface SchemaSection {
  /** The schema's name: the heading's text. */
  name: string;
  /** The heading node (HTML or Markdown). */
  heading: RootContent;
  /** Every anchor that names the section, lowercase, the heading's own first. */
  anchors: string[];
  /** The description (Markdown source) between the example and the properties, if any. */
  description?: string;
  /** Its first paragraph's plain text, spaces collapsed (widdershins also names a row by it). */
  title?: string;
  /** The `### Properties` heading, when the section has one. */
  properties?: Heading;
  blocks: PropertyBlock[];
  /** The `Property | Value` table under `#### Enumerated Values`, if any. */
  enumValues?: Table;
  /** The example's JSON is an array (`[` opens the code block before the properties). */
  arrayExample?: boolean;
}

const headingText = (node: RootContent) => plainText(node).replace(/\s+/g, " ").trim();

/** The level-2 schema heading a node is, with its name and id, or undefined. */
function schemaHeading(node: RootContent): { name: string; id?: string } | undefined {
  if (node.type === "heading" && node.depth === 2) return { name: headingText(node) };
  if (node.type !== "html") return undefined;
  const heading = htmlHeading(node.value);
  return heading?.depth === 2
    ? { name: heading.text, ...(heading.id ? { id: heading.id } : {}) }
    : undefined;
}

/** True for a level-1 heading (HTML or Markdown): the end of the schemas part. */
function isTopHeading(node: RootContent): boolean {
  if (node.type === "heading") return node.depth === 1;
  return node.type === "html" && htmlHeading(node.value)?.depth === 1;
}

/** The anchors of HTML at the head of a section (`<a id="schemapet"></a>`), as written. */
function anchorsOf(node: RootContent): string[] {
  if (node.type === "html") return htmlAnchors(node.value);
  if (
    node.type === "paragraph" &&
    node.children.every((c) => c.type === "html" || /^\s*$/.test(plainText(c)))
  )
    return htmlAnchors(node.children.map((c) => (c.type === "html" ? c.value : "")).join(""));
  return [];
}

/**
 * The schema sections of a page: those after its `# Schemas` heading, up to the next `#` heading (or
 * of the whole page when it has none). `schemasHeading` says whether the page has that heading.
 */
export function schemaSections(
  root: Root,
  source: string,
): { sections: SchemaSection[]; schemasHeading: boolean } {
  const children = root.children;
  const start = children.findIndex(
    (node) => node.type === "heading" && node.depth === 1 && SCHEMAS_TITLE.test(headingText(node)),
  );
  const sections: SchemaSection[] = [];
  let current: { section: SchemaSection; nodes: RootContent[] } | undefined;
  const finish = () => {
    if (current) sections.push(readSection(current.section, current.nodes, source));
    current = undefined;
  };
  for (let index = start + 1; index < children.length; index += 1) {
    const node = children[index] as RootContent;
    if (start >= 0 && isTopHeading(node)) break;
    const heading = schemaHeading(node);
    if (heading) {
      finish();
      const anchors = [...(heading.id ? [heading.id] : []), ...anchorsOf(node)];
      current = { section: { name: heading.name, heading: node, anchors, blocks: [] }, nodes: [] };
      continue;
    }
    current?.nodes.push(node);
  }
  finish();
  return { sections, schemasHeading: start >= 0 };
}

/** Fills a section from the nodes after its heading. */
function readSection(
  section: SchemaSection,
  nodes: readonly RootContent[],
  source: string,
): SchemaSection {
  const anchors = [...section.anchors];
  const description: RootContent[] = [];
  let example: string | undefined;
  let index = 0;
  for (; index < nodes.length; index += 1) {
    const node = nodes[index] as RootContent;
    if (node.type === "heading") break;
    const more = anchorsOf(node);
    if (more.length > 0) anchors.push(...more);
    else if (node.type === "code") example ??= node.value;
    else if (node.type !== "html") description.push(node);
  }
  const unique = [...new Set(anchors.map((anchor) => anchor.toLowerCase()))];
  const text = description
    .map((node) => sourceOf(node, source))
    .join("\n\n")
    .trim();
  const first = description[0];
  const result: SchemaSection = {
    ...section,
    anchors: unique,
    ...(text ? { description: decodeCellText(text) } : {}),
    ...(first?.type === "paragraph" ? { title: headingText(first) } : {}),
    ...(example?.trimStart().startsWith("[") ? { arrayExample: true } : {}),
  };
  const heading = nodes[index];
  if (heading?.type !== "heading" || !PROPERTIES_TITLE.test(headingText(heading))) return result;
  result.properties = heading;
  let title: string | undefined;
  for (index += 1; index < nodes.length; index += 1) {
    const node = nodes[index] as RootContent;
    if (node.type === "heading") {
      if (!ENUM_VALUES_TITLE.test(headingText(node))) break;
      const next = nodes.slice(index + 1);
      const end = next.findIndex((n) => n.type === "heading");
      const table = next.slice(0, end < 0 ? undefined : end).find((n) => n.type === "table");
      if (table?.type === "table") result.enumValues = table;
      break;
    }
    if (node.type === "paragraph") title = headingText(node);
    if (node.type === "table") {
      result.blocks.push({ ...(title !== undefined ? { title } : {}), table: node });
      title = undefined;
    }
  }
  return result;
}
