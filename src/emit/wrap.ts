/**
 * Wraps doc comment text for reading: long paragraph lines are broken at spaces. Markdown renders a
 * line break inside a paragraph as a space, so the documentation means the same; lines that Markdown
 * reads by their starts (lists, tables, headings, quotes, fenced code) are left as they are.
 */

/** Lines whose start carries meaning in Markdown, or that are too structured to reflow. */
const STRUCTURED = /^\s*([-*+]\s|\d+[.)]\s|[|#>]|```|~~~|@)/;

/** Breaks lines longer than `width` at spaces (a single word longer than `width` stays whole). */
export function wrapDocText(text: string, width: number): string {
  let fenced = false;
  const out: string[] = [];
  for (const line of text.split("\n")) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    if (fenced || line.length <= width || STRUCTURED.test(line)) {
      out.push(line);
      continue;
    }
    let current = "";
    for (const word of line.split(" ")) {
      // Never start a line with a word that would make it a list item, heading, quote or table row.
      const breakable = !STRUCTURED.test(`${word} `);
      if (current !== "" && breakable && current.length + 1 + word.length > width) {
        out.push(current);
        current = word;
      } else {
        current = current === "" ? word : `${current} ${word}`;
      }
    }
    out.push(current);
  }
  return out.join("\n");
}
