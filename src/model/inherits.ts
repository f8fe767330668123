/**
 * Inheritance written in words: a paragraph that opens with a phrase of the table below and names its
 * bases as links or code (`Inherits from [Base](base.md).`, `Extends `Base` and [Audit](audit.md).`).
 * Every family reads it the same way; the bases are references the resolver settles like field types.
 */
import type { Paragraph, PhrasingContent, RootContent } from "mdast";
import type { BaseModel } from "../core/model.js";
import { originOf, plainText } from "../parse/inline.js";

/**
 * The phrases API references open an inheritance sentence with (lowercase, longest first): the words
 * of class-based languages' docs (`extends`, `inherits from`, `subclass of`) and of schema docs
 * (`derived from`).
 */
export const INHERITANCE_PHRASES: readonly string[] = [
  "this model inherits from",
  "this type inherits from",
  "a subclass of",
  "inherits from",
  "derived from",
  "derives from",
  "subclass of",
  "extends",
  "inherits",
];

const OPENING = new RegExp(
  `^\\s*(?:${INHERITANCE_PHRASES.map((phrase) => phrase.replace(/ /g, "\\s+")).join("|")})\\b`,
  "i",
);

/** The name a base is written as: a link's text (code marks dropped) or an inline code span. */
function baseOf(node: PhrasingContent, file: string): BaseModel | undefined {
  const origin = originOf(node, file);
  if (node.type === "link") {
    const name = plainText(node).trim().replace(/^`|`$/g, "");
    return name === "" ? undefined : { type: { kind: "ref", name, href: node.url }, origin };
  }
  if (node.type === "inlineCode" && /^[A-Za-z_][\w.]*$/.test(node.value))
    return { type: { kind: "ref", name: node.value.split(".").pop() as string }, origin };
  return undefined;
}

/** The bases a page's introduction names, in the order written (none when it names none). */
export function readInheritance(nodes: readonly RootContent[], file: string): BaseModel[] {
  const bases: BaseModel[] = [];
  for (const node of nodes) {
    if (node.type !== "paragraph" || !OPENING.test(plainText(node as Paragraph))) continue;
    for (const child of node.children) {
      const base = baseOf(child, file);
      if (base && !bases.some((known) => sameName(known, base))) bases.push(base);
    }
  }
  return bases;
}

const sameName = (a: BaseModel, b: BaseModel) =>
  a.type.kind === "ref" && b.type.kind === "ref" && a.type.name === b.type.name;
