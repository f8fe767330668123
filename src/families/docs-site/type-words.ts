/**
 * Type cells of docs sites written by hand: types in words (`array of [user](/x#user-object)
 * objects`, `?ISO8601 timestamp`, `integer or string`, `one of A, B`, `dictionary with keys in
 * [locales](#l)`). The words are rewritten into the shapes the one type grammar reads (`array of T`,
 * `map of T`, `A | B`, `?T`) and the cell is then read by it: this module knows words, not shapes.
 */
import type { TableCell } from "mdast";
import type { CellType } from "../../dialects/grammar.js";
import { tokenizeInline, type Token } from "../../dialects/tokens.js";
import type { Origin, TypeRef } from "../../core/model.js";
import type { PageContext } from "../../model/page-context.js";

/** Words that only introduce a type (`a [user] object`, `partial [shelf] object`, `one of A, B`). */
const LEADING_WORDS = new Set(["a", "an", "the", "partial", "full"]);

/** Words that, before `of` at the start, lead a list of alternatives (`one of A, B`). */
const UNION_LEADS = new Set(["one", "either", "any"]);

/** Nouns after a type that name what it is, not which (`[user] object`, `X structures`). */
const TRAILING_NOUNS = new Set([
  "object",
  "objects",
  "structure",
  "structures",
  "resource",
  "resources",
  "entity",
  "entities",
  "record",
  "records",
  "value",
  "values",
  "instance",
  "instances",
]);

/** Nouns after a type that say the value is an identifier of it (`array of [role] object ids`). */
const ID_NOUNS = new Set(["id", "ids", "identifier", "identifiers", "key", "keys"]);

/** Number words between a collection word and its element (`array of two integers`). */
const COUNT_WORDS = new Set([
  "two",
  "three",
  "four",
  "five",
  "six",
  "seven",
  "eight",
  "nine",
  "ten",
]);

/**
 * Word sequences (lowercase) that one word of the spelling tables means: a standard before the
 * type's word (`ISO8601 timestamp`), a qualifier of a primitive (`unsigned integer`).
 */
const PHRASES: ReadonlyArray<readonly [readonly string[], string]> = [
  [["iso8601", "timestamp"], "timestamp"],
  [["iso", "8601", "timestamp"], "timestamp"],
  [["unix", "timestamp"], "integer"],
  [["unsigned", "integer"], "integer"],
  [["signed", "integer"], "integer"],
  [["file", "contents"], "file"],
  [["binary", "data"], "file"],
];

const word = (v: string): Token => ({ t: "word", v });
const punct = (v: string): Token => ({ t: "punct", v });
const isWord = (token: Token | undefined, set: ReadonlySet<string>) =>
  token?.t === "word" && set.has(token.v.toLowerCase());
const textOf = (token: Token | undefined) =>
  token?.t === "word" ? token.v.toLowerCase() : token?.t === "num" ? token.raw : undefined;

/** `user` and `shelf slot` as one name: the words in PascalCase (`ShelfSlot`). */
const pascal = (words: readonly string[]) =>
  words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join("");

/** Replaces the word sequences of {@link PHRASES} by their word. */
function joinPhrases(tokens: readonly Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    const phrase = PHRASES.find(([words]) => words.every((w, k) => textOf(tokens[i + k]) === w));
    if (phrase) {
      out.push(word(phrase[1]));
      i += phrase[0].length - 1;
    } else out.push(tokens[i] as Token);
  }
  return out;
}

/**
 * The text of a link as the grammar reads it: one word (a primitive, or the PascalCase name of the
 * section it links, `[shelf slot](...)` -> `ShelfSlot`), with the nouns around it taken off.
 */
function linkWords(tokens: readonly Token[], primitive: (w: string) => boolean): Token[] {
  const words = rewriteWords(tokens, primitive);
  const joinable = words.every(
    (t) =>
      (t.t === "word" && !OF.has(t.v.toLowerCase())) || (t.t === "punct" && /^[-/_.:]$/.test(t.v)),
  );
  if (words.length > 1 && joinable)
    return [word(pascal(words.flatMap((t) => (t.t === "word" ? [t.v] : []))))];
  return words;
}

const OF = new Set(["of"]);
/** Words that keep their meaning after a link (`[a](#a) or [b](#b)`, `map of [k](#k) to ...`). */
const STRUCTURAL = new Set(["or", "of", "to", "and"]);
/** Words that start a condition on the type before them (`integer for INTEGER options`). */
const CONDITION_WORDS = new Set(["for", "when", "if", "unless", "except", "optionally", "only"]);

/** A token that starts the next alternative: `,`, `|`, `or`. */
const isAlternative = (token: Token | undefined) =>
  (token?.t === "punct" && (token.v === "," || token.v === "|")) || isWord(token, OR);

/** Whether a token after a comma starts a type: a link, a primitive, a shape word, `?`. */
function startsType(token: Token | undefined, primitive: (w: string) => boolean): boolean {
  if (token === undefined || token.t === "link" || token.t === "punct") return true;
  if (token.t !== "word") return true;
  const lower = token.v.toLowerCase();
  return (
    primitive(lower) ||
    primitive(lower.replace(/s$/, "")) ||
    /^[A-Z]/.test(token.v) ||
    ["or", "a", "an", "array", "list", "map", "dictionary", "set"].includes(lower)
  );
}
const OR = new Set(["or"]);
const COLLECTIONS = new Set(["array", "list", "set"]);
const DICTIONARIES = new Set(["dictionary", "dict", "map", "mapping", "hash"]);

/** Rewrites one run of tokens (a cell, or a link's text). */
function rewriteWords(
  tokens: readonly Token[],
  primitive: (w: string) => boolean,
  top = false,
): Token[] {
  let rest = joinPhrases(tokens);
  // A parenthesised note ends the type (`?string (can be null only in ...)`); footnote marks too.
  const paren = rest.findIndex((t, i) => i > 0 && t.t === "punct" && t.v === "(");
  if (paren > 0) rest = rest.slice(0, paren);
  while (
    rest.length > 1 &&
    rest.at(-1)?.t === "punct" &&
    /^[*.†‡\\]$/.test((rest.at(-1) as { v: string }).v)
  )
    rest = rest.slice(0, -1);
  const out: Token[] = [];
  for (let i = 0; i < rest.length; i += 1) {
    const token = rest[i] as Token;
    const previous = out.at(-1);
    const atStart = previous === undefined || previous.t === "punct" || isWord(previous, OF);
    if (token.t === "link") {
      const inner = linkWords(token.tokens, primitive);
      // `[array](#arrays) of strings`: the link names the collection word.
      if (inner.length === 1 && isWord(inner[0], COLLECTIONS) && isWord(rest[i + 1], OF))
        out.push(inner[0] as Token);
      else out.push({ ...token, tokens: inner });
      continue;
    }
    if (token.t === "num" && atStart) continue; // `array of up to 10 X`
    // `array of [user] objects, optionally with ...`: a comma before prose ends the type.
    if (token.t === "punct" && token.v === "," && !startsType(rest[i + 1], primitive)) break;
    if (token.t !== "word") {
      out.push(token);
      continue;
    }
    const lower = token.v.toLowerCase();
    if (atStart && (LEADING_WORDS.has(lower) || COUNT_WORDS.has(lower))) continue;
    // `array of up to 10 X`
    if (isWord(previous, OF) && (lower === "up" || lower === "to")) continue;
    const leadsUnion = previous === undefined || previous.t === "punct";
    if (leadsUnion && UNION_LEADS.has(lower) && isWord(rest[i + 1], OF)) {
      i += 1;
      continue;
    }
    // `integer for `INTEGER` options, double for ...`: a condition, up to the next alternative.
    if (CONDITION_WORDS.has(lower) && previous !== undefined) {
      while (i + 1 < rest.length && !isAlternative(rest[i + 1])) i += 1;
      continue;
    }
    // `Map of Snowflakes to [user] objects`: JSON keys are text, the values say the type.
    if (
      lower === "to" &&
      out.length >= 3 &&
      isWord(out.at(-2), OF) &&
      isWord(out.at(-3), DICTIONARIES)
    ) {
      out.pop();
      continue;
    }
    // `string, integer, or double`: the comma already separates.
    if (lower === "or" && previous?.t === "punct") continue;
    if (lower === "or" && previous !== undefined) {
      out.push(punct("|"));
      continue;
    }
    if (previous !== undefined && !isWord(previous, OF) && TRAILING_NOUNS.has(lower)) continue;
    if (previous !== undefined && !isWord(previous, OF) && ID_NOUNS.has(lower)) {
      // The identifier of a model is text on the wire, whatever the model is.
      out.pop();
      out.push(word("string"));
      continue;
    }
    // `dictionary with keys in [locales](#l)`: a map of strings (the keys say which).
    if (DICTIONARIES.has(lower) && isWord(rest[i + 1], new Set(["with", "keyed"]))) {
      out.push(word("map"), word("of"), word("string"));
      break;
    }
    // `array of [shelf feature] strings`, `[crate](#crate-request) request object`: the link names the
    // type, the words after it what its values are.
    if (previous?.t === "link" && /^[a-z]/.test(token.v) && !STRUCTURAL.has(lower)) continue;
    // A plural primitive (`snowflakes`, `strings`) is its word.
    if (lower.endsWith("s") && !primitive(lower) && primitive(lower.slice(0, -1))) {
      out.push(word(token.v.slice(0, -1)));
      continue;
    }
    out.push(token);
  }
  // A lone collection word: any elements.
  const last = out.at(-1);
  if (top && isWord(last, COLLECTIONS) && (out.length === 1 || isWord(out.at(-2), OR)))
    out.push(word("of"), word("mixed"));
  return out;
}

/** Reads a docs site's type cell through the page's grammar. */
export function readTypeWords(page: PageContext, cell: TableCell, origin: Origin): CellType {
  const primitives = page.rules.spellings.primitives;
  const primitive = (w: string) => Object.hasOwn(primitives, w);
  const tokens = rewriteWords(tokenizeInline(cell.children, [], page.source), primitive, true);
  const read = page.parseCell(tokens, origin);
  return { ...read, type: mayBeProse(read.type) };
}

const IN_PROSE: TypeRef = { kind: "unknown", reason: "undocumented" };

/**
 * A docs site links sections that hold a table and sections that describe a type in prose alike: a
 * reference that finds no model is the latter (`unknown`, with a warning), not an error.
 */
function mayBeProse(type: TypeRef): TypeRef {
  switch (type.kind) {
    case "ref":
      return type.fallback ? type : { ...type, fallback: { type: IN_PROSE, why: "section" } };
    case "array":
      return { kind: "array", items: mayBeProse(type.items) };
    case "map":
      return { kind: "map", values: mayBeProse(type.values) };
    case "union":
      return { kind: "union", members: type.members.map(mayBeProse) };
    default:
      return type;
  }
}
