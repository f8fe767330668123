/**
 * Finds the example value of a Speakeasy TypeScript page: the `## Example Usage` code block's
 * `let value: X = ...;` declaration, parsed (never run) with the TypeScript parser.
 */
import type { Code, Root } from "mdast";
import { ts } from "ts-morph";
import { normaliseSource, parseMarkdown } from "../../parse/markdown.js";
import { readOutline } from "../../parse/outline.js";
import { reduceSource, restoreOffsets, splitSections } from "../../parse/sections.js";
import { evaluateLiteral, type LiteralOptions, type LiteralValue } from "./literal.js";

/** An example found on a page: where its code block starts and its evaluated value. */
export interface PageExample {
  /** Line of the code block in the page (1-based). */
  line: number;
  /** The declared type as written (`Batch`, `components.Batch`). */
  typeName: string;
  value: LiteralValue;
}

/** The example of a page, or undefined when the page has no `## Example Usage` TypeScript value. */
export function extractExample(
  root: Root,
  source: string,
  options: LiteralOptions = {},
): PageExample | undefined {
  const section = readOutline(root, source).sections.find(
    (s) => s.title.toLowerCase() === "example usage",
  );
  const code = section?.nodes.find(
    (node): node is Code => node.type === "code" && /^(typescript|ts)$/i.test(node.lang ?? ""),
  );
  if (!code) return undefined;
  const file = ts.createSourceFile("example.ts", code.value, ts.ScriptTarget.ES2022, true);
  for (const statement of file.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const declaration of statement.declarationList.declarations) {
      if (!declaration.initializer || !declaration.type) continue;
      const value = evaluateLiteral(declaration.initializer, file, options);
      // Positions inside the block become page lines: the fence is one line above the code.
      const codeLine = (code.position?.start.line ?? 0) + 1;
      return {
        line: codeLine,
        typeName: declaration.type.getText(file),
        value: value.ok ? value : { ...value, line: value.line + codeLine - 1 },
      };
    }
  }
  return undefined;
}

/** A raw heading that may title the example section (over-approximates: `**Example Usage**` too). */
const mayBeExampleSection = (heading: string) =>
  /[[<&]/.test(heading) ||
  heading
    .toLowerCase()
    .replace(/[^a-z]/g, "")
    .includes("exampleusage");

/**
 * The example of a page's text. The model stage did not parse the example's section (it keeps only a
 * skipped section's heading and fence lines), so only that section is parsed here, at its page lines;
 * a page without one is not parsed at all.
 */
export function pageExample(text: string, options: LiteralOptions = {}): PageExample | undefined {
  const source = normaliseSource(text);
  const lines = source.split("\n");
  const sections = splitSections(source, lines);
  const wanted = (heading: string | undefined) =>
    heading !== undefined && mayBeExampleSection(heading);
  if (!sections.some((section) => wanted(section.heading?.text))) return undefined;
  const reduced = reduceSource(source, sections, (section) => wanted(section.heading?.text), lines);
  const root = parseMarkdown(reduced?.text ?? source);
  if (reduced) restoreOffsets(root, reduced, source);
  return extractExample(root, source, options);
}
