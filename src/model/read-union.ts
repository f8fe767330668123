/**
 * Reads a `## Supported Types` section: one `###` heading (+ code block) per member. The member's type
 * is the heading (TypeScript `` `components.X` ``, Python `` `List[str]` ``, Go `X`) or, for Go's empty
 * headings, the argument of the constructor in the code block (`components.CreateXArrayOfStr([]string{...})`);
 * for Python's and TypeScript's empty headings, the declared type in the code block (`content: str = ...`,
 * `const value: string = ...`).
 */
import type { Code, Heading, RootContent } from "mdast";
import { tokenizeInline, tokenizeText, type Token } from "../dialects/tokens.js";
import { originOf, plainText } from "../parse/inline.js";
import type { Section } from "../parse/outline.js";
import type { PageContext } from "./page-context.js";
import type { UnionMemberModel } from "../core/model.js";

/** Reads the members of a union section. */
export function readUnionSection(page: PageContext, section: Section): UnionMemberModel[] {
  const members: UnionMemberModel[] = [];
  const nodes = section.nodes;
  for (let i = 0; i < nodes.length; i += 1) {
    const heading = nodes[i] as RootContent;
    if (heading.type !== "heading" || heading.depth !== 3) continue;
    const member = readUnionMember(page, heading, nextCode(nodes, i + 1));
    if (member) members.push(member);
  }
  if (members.length === 0) {
    page.report(
      originOf(section.heading, page.file),
      "error",
      "empty-union",
      "Unexpected `## Supported Types` section without members, expected `###` member headings",
    );
  }
  return members;
}

function readUnionMember(
  page: PageContext,
  heading: Heading,
  code: Code | undefined,
): UnionMemberModel | undefined {
  const label = plainText(heading).trim();
  const origin = originOf(heading, page.file);
  // Go: the constructor's argument is the member's type, `components.CreateXArrayOfStr([]string{...})`.
  const constructorArgument = code
    ? /\bCreate\w*\(\s*([^{(]*?)\s*[{(]/.exec(code.value)?.[1]
    : undefined;
  // Python, TypeScript: an empty heading over a typed declaration, `content: str = ...`,
  // `const value: components.Shelf = ...`: the declared type is the member's type.
  const declared =
    code && !constructorArgument && label === "" ? declaredType(code.value) : undefined;
  let tokens: Token[];
  if (constructorArgument ?? declared) {
    tokens = [];
    tokenizeText((constructorArgument ?? declared) as string, tokens);
  } else if (label !== "") {
    tokens = tokenizeInline(heading.children, [], page.source);
  } else {
    page.report(
      origin,
      "error",
      "union-member-type",
      "Unexpected union member without a heading or a constructor, expected a `### Type` heading",
    );
    return undefined;
  }
  const cell = page.parseCell(tokens, origin);
  let type = page.memberType(cell);
  // A bare heading (`### Manual`) may be a label rather than a type: when no page declares it, the
  // docs have not said what the member is.
  if (
    !constructorArgument &&
    !declared &&
    type.kind === "ref" &&
    type.href === undefined &&
    type.fallback === undefined &&
    /^[A-Za-z_]\w*$/.test(label)
  )
    type = {
      ...type,
      fallback: { type: { kind: "unknown", reason: "undocumented" }, why: "label" },
    };
  return { type, ...(label ? { label } : {}), origin };
}

/** The type of the first typed declaration in a code block (`name: Type = value`), if any. */
function declaredType(code: string): string | undefined {
  for (const line of code.split("\n")) {
    const match =
      /^\s*(?:(?:export\s+)?(?:const|let|var)\s+)?[A-Za-z_$][\w$]*\s*:\s*([^=]+?)\s*=/.exec(line);
    if (match) return match[1];
    // Imports come first; any other line before a declaration means the block declares nothing.
    if (line.trim() !== "" && !/^\s*(?:import|from)\b/.test(line)) return undefined;
  }
  return undefined;
}

function nextCode(nodes: readonly RootContent[], from: number): Code | undefined {
  for (let j = from; j < nodes.length; j += 1) {
    const node = nodes[j] as RootContent;
    if (node.type === "heading") return undefined;
    if (node.type === "code") return node;
  }
  return undefined;
}
