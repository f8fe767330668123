/**
 * Turns a type cell's inline mdast nodes into tokens for the type grammar. Emphasis, strong, code spans,
 * strikethrough and inline HTML are transparent (their text is tokenised); a link becomes one token that
 * carries its target and the tokens of its text, so `[*components.X](x.md)` and `[]` + link both work.
 */
import type { PhrasingContent } from "mdast";

export type Token =
  | { t: "word"; v: string }
  | { t: "punct"; v: string }
  | { t: "str"; v: string }
  | { t: "num"; v: number; raw: string }
  | { t: "link"; href: string; tokens: Token[] };

const WORD =
  /[A-Za-z_$\u00C0-\uFFFF][\w$\u00C0-\uFFFF]*(?:\.[A-Za-z_$\u00C0-\uFFFF][\w$\u00C0-\uFFFF]*)*/y;
const NUMBER = /-?(?:\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+)/y;
const PUNCT = "*[]<>,|(){}?&:=";

/** Tokenises plain text; characters the grammar has no use for become `punct` tokens (and fail there). */
export function tokenizeText(text: string, out: Token[]): void {
  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;
    if (/\s/.test(ch)) {
      i += 1;
      continue;
    }
    if (ch === '"' || ch === "'") {
      let j = i + 1;
      let value = "";
      while (j < text.length && text[j] !== ch) {
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
      out.push({ t: "word", v: word[0] });
      i += word[0].length;
      continue;
    }
    NUMBER.lastIndex = i;
    const num = NUMBER.exec(text);
    if (num && (ch !== "-" || num[0].length > 1)) {
      out.push({ t: "num", v: Number(num[0]), raw: num[0] });
      i += num[0].length;
      continue;
    }
    out.push({ t: "punct", v: PUNCT.includes(ch) ? ch : ch });
    i += 1;
  }
}

/** Tokenises a cell's inline content. */
export function tokenizeInline(nodes: readonly PhrasingContent[], out: Token[] = []): Token[] {
  for (const node of nodes) {
    switch (node.type) {
      case "text":
      case "inlineCode":
      case "html":
        tokenizeText(node.value, out);
        break;
      case "emphasis":
      case "strong":
      case "delete":
        tokenizeInline(node.children, out);
        break;
      case "link":
        out.push({ t: "link", href: node.url, tokens: tokenizeInline(node.children) });
        break;
      case "linkReference":
        tokenizeInline(node.children, out);
        break;
      case "break":
        break;
      default:
        // Images, footnotes and the like carry no type information; make them fail loudly in the grammar.
        out.push({ t: "punct", v: `<${node.type}>` });
    }
  }
  return out;
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
