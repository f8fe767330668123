/**
 * Turns a type cell's inline mdast nodes into tokens for the type grammar. Emphasis, strong, code spans,
 * strikethrough and inline HTML are transparent: the text of a run of them is joined and tokenised as
 * one string (so a quote opened in one node and closed in another, as in `Literal["__x__"]`, stays one
 * string). A link becomes one token that carries its target and the tokens of its text, so
 * `[*components.X](x.md)`, `[]` + link and `List[[models.X](x.md)]` all work.
 */
import type { Link, PhrasingContent } from "mdast";

/** One token of a type cell. */
export type Token =
  | { t: "word"; v: string }
  | { t: "punct"; v: string }
  | { t: "str"; v: string }
  | { t: "num"; v: number; raw: string }
  | { t: "link"; href: string; tokens: Token[] };

const NAME = String.raw`[A-Za-z_$\u00C0-\uFFFF][\w$\u00C0-\uFFFF-]*`;
/**
 * A word, possibly namespaced with `.` (Go, TS, Python, Java), `::` (Ruby, Rust, C++) or `\` (PHP),
 * and possibly rooted with a leading `::` (Ruby `::String`, Rust `::std::...`) or `\` (PHP `\DateTime`).
 */
const WORD = new RegExp(`(?:::|\\\\)?${NAME}(?:(?:\\.|::|\\\\)${NAME})*`, "y");
const NUMBER = /-?(?:\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+)/y;

const ENTITIES: Readonly<Record<string, string>> = {
  lt: "<",
  gt: ">",
  amp: "&",
  quot: '"',
  apos: "'",
  nbsp: " ",
  verbar: "|",
  lsqb: "[",
  rsqb: "]",
};

/**
 * Decodes what Markdown decodes in text but leaves alone in code spans and raw HTML: character
 * references (`&lt;`, `&#60;`, `&#x3C;`) and backslash escapes of ASCII punctuation (`\<`, `\|`).
 * A backslash before a letter stays (`models\User` is a PHP namespace).
 */
export function decodeCellText(text: string): string {
  return text
    .replace(/\\([!-/:-@[-`{-~])/g, "$1")
    .replace(/&(#[xX][0-9a-fA-F]{1,6}|#\d{1,7}|[a-zA-Z]+);/g, (whole, ref: string) => {
      if (ref.startsWith("#")) {
        const code =
          ref[1] === "x" || ref[1] === "X"
            ? parseInt(ref.slice(2), 16)
            : parseInt(ref.slice(1), 10);
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
      }
      return ENTITIES[ref.toLowerCase()] ?? whole;
    });
}

/** Tokenises plain text; characters the grammar has no use for become `punct` tokens (and fail there). */
export function tokenizeText(text: string, out: Token[]): void {
  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;
    if (/\s/.test(ch)) {
      i += 1;
      continue;
    }
    if (ch === '"' || ch === "'" || ch === "“" || ch === "‘") {
      const close = ch === "“" ? "”" : ch === "‘" ? "’" : ch;
      let j = i + 1;
      let value = "";
      while (j < text.length && text[j] !== close) {
        if (text[j] === "\\" && j + 1 < text.length) j += 1;
        value += text[j];
        j += 1;
      }
      out.push({ t: "str", v: value });
      i = j + 1;
      continue;
    }
    WORD.lastIndex = i;
    const word = WORD.exec(text);
    if (word) {
      // A trailing `-` belongs to the next token (`a-` is never a type); keep inner hyphens (`date-time`).
      const v = word[0].replace(/-+$/, "");
      out.push({ t: "word", v });
      i += v.length;
      continue;
    }
    NUMBER.lastIndex = i;
    const num = NUMBER.exec(text);
    if (num && (ch !== "-" || num[0].length > 1)) {
      out.push({ t: "num", v: Number(num[0]), raw: num[0] });
      i += num[0].length;
      continue;
    }
    out.push({ t: "punct", v: ch });
    i += 1;
  }
}

/** Emphasis written inside a code span (`` `*str*` ``): a doc generator's markup, not a Go pointer. */
const EMPHASIS_IN_CODE = /^\*([^*\s][^*]*)\*$/;

/**
 * Tokenises a cell's inline content. `source`, when given, is the page text the nodes were parsed from:
 * underscore emphasis (`__x__`) is then read as the underscores it was written with, since type cells
 * never use `_` for markup but names and literals do.
 */
export function tokenizeInline(
  nodes: readonly PhrasingContent[],
  out: Token[] = [],
  source?: string,
): Token[] {
  let buffer = "";
  const flush = () => {
    if (buffer !== "") tokenizeText(buffer, out);
    buffer = "";
  };
  const walk = (children: readonly PhrasingContent[]): void => {
    for (const node of children) {
      switch (node.type) {
        case "text":
          buffer += node.value;
          break;
        case "inlineCode":
          buffer += decodeCellText(EMPHASIS_IN_CODE.exec(node.value)?.[1] ?? node.value);
          break;
        case "html":
          buffer += decodeCellText(node.value);
          break;
        case "emphasis":
        case "strong": {
          const start = node.position?.start.offset;
          const end = node.position?.end.offset;
          if (
            source !== undefined &&
            start !== undefined &&
            end !== undefined &&
            source[start] === "_"
          )
            buffer += source.slice(start, end);
          else walk(node.children);
          break;
        }
        case "delete":
        case "linkReference":
          walk(node.children);
          break;
        case "link":
          flush();
          if (isAutolink(node, source)) {
            // `Vec<crate::models::X>`: CommonMark reads `<scheme:...>` as an autolink; in a type cell
            // it is a generic's angle brackets around a qualified name.
            out.push({ t: "punct", v: "<" });
            tokenizeText(node.url, out);
            out.push({ t: "punct", v: ">" });
            break;
          }
          out.push({
            t: "link",
            href: node.url,
            tokens: tokenizeInline(node.children, [], source),
          });
          break;
        case "break":
          buffer += " ";
          break;
        default:
          // Images, footnotes and the like carry no type information; make them fail loudly in the grammar.
          flush();
          out.push({ t: "punct", v: `<${node.type}>` });
      }
    }
  };
  walk(nodes);
  flush();
  return out;
}

/** A `<scheme:rest>` autolink: its text is its URL, and the page shows it inside angle brackets. */
function isAutolink(node: Link, source: string | undefined): boolean {
  const only = node.children.length === 1 ? node.children[0] : undefined;
  if (only?.type !== "text" || only.value !== node.url) return false;
  const start = node.position?.start.offset;
  return source === undefined || start === undefined
    ? !/^https?:/i.test(node.url)
    : source[start] === "<";
}

/** The tokens written back as text, for messages. */
export function tokensToText(tokens: readonly Token[]): string {
  return tokens
    .map((token) => {
      switch (token.t) {
        case "word":
        case "punct":
          return token.v;
        case "str":
          return JSON.stringify(token.v);
        case "num":
          return token.raw;
        case "link":
          return `[${tokensToText(token.tokens)}]`;
      }
    })
    .join("");
}
