/**
 * Values a field's description lists as the only ones it takes: "Possible values are: `a`, `b`.",
 * "One of `a`, `b` or `c`.", "Must be one of `a` or `b`.", "Allowed values: `a`, `b`". Shared by every
 * family: a field whose documented type is a plain string and whose description closes the list is
 * an enum of those values. Only an unambiguous list counts: the lead-in says the list is closed
 * (never "e.g.", "such as", "include"), every value is a code span or a quoted string, nothing but
 * commas, "or" and "and" stands between them, the sentence ends after the last one, and the
 * description holds one such list (two lists are most often "one of X for model A, one of Y for B")
 * and does not say the field may be empty (a value the list leaves out).
 * Words that call a value a placeholder for values added later make the enum open.
 */
import type { TypeRef } from "../core/model.js";

/** Words that call a value a placeholder for values the docs will add (the enum is open). */
export const PLACEHOLDER_WORDS =
  /\bplaceholder\b|\bmore (?:values|types) (?:may|will|could) be added\b|\b(?:values|types) (?:may|will|could) be added\b|\bnew (?:values|types) (?:may|will|could) be (?:added|introduced)\b|\bmay (?:be )?(?:extended|expanded) in the future\b/i;

/** Words right before a closed list: "possible values are:", "must be one of", "one of the following:". */
const LEAD_IN =
  /(?:\b(?:possible|allowed|valid|accepted|permitted|supported|available)\s+values?(?:\s+(?:are|is))?|\bone\s+of(?:\s+(?:the\s+following|these|those))?(?:\s+(?:values|options|strings))?)\s*:?\s*/gi;
/** One value: a code span (whose text may itself be quoted), or a double-quoted string. */
const VALUE = /^(?:`([^`\n]+)`|"([^"\n]+)")/;
/** Between two values: a comma, "or", "and", a line break, spaces. */
const SEPARATOR = /^(?:\s*,\s*(?:(?:or|and)\s+)?|\s+(?:or|and)\s+|[ \t]*\n\s*|[ \t]+)/i;
/** After one value: the docs' "(default)" mark. */
const DEFAULT_MARK = /^\s*\(default\)/i;
/** After the last value: the end of the sentence (a full stop, a semicolon, a line break, the end). */
const LIST_END = /^(?:[.;]?\s*$|[.;]?\s*\n|[.;]\s)/;

/** Words that say the field may also be empty. */
const EMPTY = /\b(?:empty|blank)\b/i;

/** What a description lists: the values, and whether more may come. */
export interface ListedValues {
  values: string[];
  open: boolean;
}

/**
 * The values a description (Markdown source, character references decoded) lists as the only ones
 * the field takes, or undefined when it lists none unambiguously.
 */
export function readListedValues(description: string): ListedValues | undefined {
  const lists: string[][] = [];
  for (const match of description.matchAll(LEAD_IN)) {
    const values = readList(description.slice((match.index ?? 0) + match[0].length));
    if (values) lists.push(values);
  }
  // "Empty when ...": the empty string is a value too, which the list does not name.
  if (lists.length !== 1 || EMPTY.test(description)) return undefined;
  const values = lists[0] as string[];
  return { values, open: PLACEHOLDER_WORDS.test(description) };
}

/** A list of at least two values that ends its sentence, or undefined. */
function readList(text: string): string[] | undefined {
  const values: string[] = [];
  let rest = text;
  for (;;) {
    const value = VALUE.exec(rest);
    if (!value) return undefined;
    const read = unquote((value[1] ?? value[2] ?? "").trim());
    if (read === "") return undefined;
    if (!values.includes(read)) values.push(read);
    rest = rest.slice(value[0].length);
    const mark = DEFAULT_MARK.exec(rest);
    if (mark) rest = rest.slice(mark[0].length);
    // A line break ends the list unless another value follows it.
    const separator = SEPARATOR.exec(rest);
    if (separator && VALUE.test(rest.slice(separator[0].length))) {
      rest = rest.slice(separator[0].length);
      continue;
    }
    if (LIST_END.test(rest)) break;
    return undefined;
  }
  return values.length >= 2 ? values : undefined;
}

/** A code span's text without the quotes it may hold (`` `"draft"` `` is `draft`). */
function unquote(text: string): string {
  const quoted = /^"(.*)"$/s.exec(text) ?? /^'(.*)'$/s.exec(text);
  return quoted ? (quoted[1] as string) : text;
}

/**
 * A plain string type narrowed to the values its description lists: their union (with `string` as
 * well when the list is open). Any other type, or a description that lists nothing, is unchanged.
 */
export function narrowToListedValues(type: TypeRef, description: string | undefined): TypeRef {
  if (type.kind !== "string" || type.format !== undefined || description === undefined) return type;
  const listed = readListedValues(description);
  if (!listed) return type;
  const literals = listed.values.map((value): TypeRef => ({ kind: "literal", value }));
  return { kind: "union", members: listed.open ? [...literals, { kind: "string" }] : literals };
}
