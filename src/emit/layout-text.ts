/**
 * What the two layout steps (type-layout.ts, validator-layout.ts) share: prettier's print width, a
 * walk over code outside its string literals, and the text prettier would rewrite whatever the layout.
 */
import { PRINT_WIDTH } from "../core/text.js";

export const WIDTH = PRINT_WIDTH;

/**
 * Walks `code` outside string literals (emitted strings are JSON-style: double quotes, backslash
 * escapes), calling `visit` with each character's index and the depth of the brackets in `opens` and
 * `closes` before it.
 */
export function scanCode(
  code: string,
  opens: string,
  closes: string,
  visit: (index: number, depth: number) => void,
): void {
  let depth = 0;
  for (let i = 0; i < code.length; i++) {
    const char = code[i] as string;
    if (char === '"') {
      for (i++; i < code.length && code[i] !== '"'; i++) if (code[i] === "\\") i++;
      continue;
    }
    visit(i, depth);
    if (opens.includes(char)) depth++;
    else if (closes.includes(char)) depth--;
  }
}

/**
 * Whether `code` holds text prettier rewrites or measures differently whatever the layout: a double
 * quote inside a string (prettier switches the string to single quotes) or a non-ASCII character in
 * code (prettier counts East Asian wide characters as two columns). Block comments are skipped:
 * prettier keeps their text as it is, and a comment on its own line takes no part in breaking code.
 */
export function hasRewrittenText(code: string): boolean {
  for (let i = 0; i < code.length; i++) {
    const char = code.charCodeAt(i);
    if (char === 0x2f && code.charCodeAt(i + 1) === 0x2a) {
      const end = code.indexOf("*/", i + 2);
      if (end < 0) return true;
      i = end + 1;
    } else if (char === 0x22) {
      for (i++; i < code.length && code.charCodeAt(i) !== 0x22; i++) {
        if (code.charCodeAt(i) > 0x7f) return true;
        if (code.charCodeAt(i) === 0x5c && code.charCodeAt(++i) === 0x22) return true;
      }
    } else if (char > 0x7f) return true;
  }
  return false;
}
