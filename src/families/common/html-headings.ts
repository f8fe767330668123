/**
 * HTML headings and anchors as documentation tools write them into Markdown (`<h2 id="x">Title</h2>`,
 * `<a id="x"></a>`, `<a name="x"></a>`): the section names and link targets a page declares in HTML.
 * Text only: nothing is rendered or run.
 */
import { decodeCellText } from "../../dialects/tokens.js";

/** An HTML heading at the start of an HTML node: its level, its `id` (if any) and its text. */
export interface HtmlHeading {
  depth: number;
  id?: string;
  text: string;
}

const HEADING = /^\s*<h([1-6])\b([^>]*)>([\s\S]*?)<\/h\1\s*>/i;
const ID_ATTRIBUTE = /\bid\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i;
const ANCHOR = /<a\b([^>]*)>/gi;
const ANCHOR_NAME = /\b(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i;

const attributeValue = (match: RegExpExecArray | null): string | undefined =>
  match ? decodeCellText(match[1] ?? match[2] ?? match[3] ?? "") : undefined;

/** The heading an HTML node opens with (`<h2 id="tocS_Pet">Pet</h2>`), or undefined. */
export function htmlHeading(html: string): HtmlHeading | undefined {
  const match = HEADING.exec(html);
  if (!match) return undefined;
  const id = attributeValue(ID_ATTRIBUTE.exec(match[2] ?? ""));
  // The heading's text: tags dropped, character references decoded, spaces collapsed.
  const text = decodeCellText((match[3] ?? "").replace(/<[^>]*>/g, ""))
    .replace(/\s+/g, " ")
    .trim();
  return { depth: Number(match[1]), ...(id ? { id } : {}), text };
}

/** The `id` or `name` of every `<a>` element in an HTML fragment, in order, as written. */
export function htmlAnchors(html: string): string[] {
  const anchors: string[] = [];
  for (const match of html.matchAll(ANCHOR)) {
    const value = attributeValue(ANCHOR_NAME.exec(match[1] ?? ""));
    if (value) anchors.push(value);
  }
  return anchors;
}
