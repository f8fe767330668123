/**
 * Helpers over inline mdast content: plain text, source slices and positions.
 */
import type { Node, Nodes, Parents } from "mdast";
import type { Origin } from "../core/model.js";

/** The plain text of a node: text and code values concatenated, markup dropped. */
export function plainText(node: Nodes): string {
  if ("value" in node && typeof node.value === "string") {
    return node.type === "html" ? node.value : node.value;
  }
  if ("children" in node) {
    let out = "";
    for (const child of (node as Parents).children) out += plainText(child as Nodes);
    return out;
  }
  return "";
}

/** The original Markdown of a node, sliced from the page source by its offsets. */
export function sourceOf(node: Node, source: string): string {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return "";
  return source.slice(start, end);
}

/**
 * The origin of a node in `file`: 1-based start and end (1:1 to 1:1 when the node has no position).
 * A table cell's own span runs from its pipe to the next one; its origin is its content's span
 * instead (the cell's when it is empty).
 */
export function originOf(node: Node | undefined, file: string): Origin {
  const children = node?.type === "tableCell" ? (node as Parents).children : [];
  const start = (children[0] ?? node)?.position?.start;
  const end = (children[children.length - 1] ?? node)?.position?.end;
  const line = start?.line ?? 1;
  const column = start?.column ?? 1;
  return { file, line, column, endLine: end?.line ?? line, endColumn: end?.column ?? column };
}
