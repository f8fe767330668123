/**
 * Words of documented names: splitting a field name into words and re-casing them for the user's
 * naming mode (`propertyName`). Below model/ and emit/, which both name fields by it: emit/ for the
 * output, model/ to tell what an override changes (identifiers.ts turns text into identifiers).
 *
 * The docs come from SDK generators, so one field can be spelled as a Go name (`InputFileID`,
 * `B64JSON`), a TypeScript name (`inputFileId`) or a Python name (`input_file_id`); the word
 * splitter is tuned so that all three spellings give the same words.
 *
 * Everything here is pure and deterministic: no locale-aware APIs (`toLowerCase` and
 * `toUpperCase` use the locale-independent Unicode default mappings), no global state.
 */
import type { FieldNameStyle } from "./options.js";

/** A letter of any script. */
const LETTER = /^\p{L}$/u;
/** A lowercase letter by category, for the few that have no uppercase mapping (`ĸ`). */
const LOWERCASE_LETTER = /^\p{Ll}$/u;
/** A combining mark: it belongs to the character before it and never starts or ends a word. */
const MARK = /^\p{M}$/u;
/** A decimal digit of any script. */
export const DIGIT = /^\p{Nd}$/u;
/** A code point that may start an ECMAScript identifier. */
export const ID_START = /^[\p{ID_Start}$_]$/u;
/** A code point that may continue an ECMAScript identifier. */
export const ID_CONTINUE = /^[\p{ID_Continue}$\u200C\u200D]$/u;
/** A whole valid identifier name (reserved words still need a separate check). */
export const IDENTIFIER = /^[\p{ID_Start}$_][\p{ID_Continue}$\u200C\u200D]*$/u;

/** How a code point takes part in word splitting. `null` means "separator". */
type CharKind = "upper" | "lower" | "caseless" | "digit" | "mark" | null;

/**
 * Classifies one code point. Case is decided by the case mappings rather than the general
 * category, so a letter counts as uppercase exactly when lowercasing changes it. That keeps
 * `toSnakeCase` idempotent: its output has been lowercased, so it contains no "uppercase" letter
 * that could introduce a new word boundary on a second pass.
 */
export function classify(ch: string): CharKind {
  if (LETTER.test(ch)) {
    if (ch.toLowerCase() !== ch) return "upper";
    if (ch.toUpperCase() !== ch || LOWERCASE_LETTER.test(ch)) return "lower";
    // Letters without case (CJK, Arabic, ...) never create a case boundary.
    return "caseless";
  }
  if (DIGIT.test(ch)) return "digit";
  if (MARK.test(ch)) return "mark";
  return null;
}

/**
 * Splits an identifier-ish name into words. Exact rules, applied left to right over code points:
 *
 * - Any code point that is not a letter, decimal digit or combining mark (`_`, `-`, space, `.`,
 *   `$`, `/`, emoji, ...) separates words and is dropped. Combining marks stay with the preceding
 *   character.
 * - An uppercase letter starts a new word when it follows a lowercase letter, a digit or a
 *   caseless letter (`inputFile` -> `input|File`, `B64JSON` -> `B64|JSON`, `V1Beta` -> `V1|Beta`).
 * - In a run of two or more uppercase letters followed by a lowercase letter, the last capital
 *   starts the next word (`HTTPMeta` -> `HTTP|Meta`, `URLPath` -> `URL|Path`).
 * - Exception, plural initialisms: a single lowercase `s` right after a run of two or more capitals,
 *   not followed by another lowercase letter, stays with the run (`FileIDs` -> `File|IDs`,
 *   `URLsList` -> `URLs|List`).
 * - Digits never start a new word: they attach to the word on their left, and lowercase or
 *   caseless letters after digits continue that word (`Int64`, `ID2`, `gpt4o`, `1024x1024`).
 *
 * Go SDK names keep initialisms uppercase, so no initialism list is needed:
 * `InputFileID` -> `Input|File|ID`. Returns `[]` when the name has no letters or digits.
 */
export function splitWords(name: string): string[] {
  const cps = Array.from(name);
  const words: string[] = [];
  let cur = "";
  let prev: Exclude<CharKind, "mark" | null> | null = null;
  // Length of the uppercase run the current word started with, and where its last capital begins
  // (a string index into `cur`, so trailing combining marks move along with that capital).
  let upperRun = 0;
  let lastUpperAt = 0;

  const flush = (): void => {
    if (cur !== "") words.push(cur);
    cur = "";
    prev = null;
    upperRun = 0;
  };

  for (let i = 0; i < cps.length; i++) {
    const ch = cps[i] as string;
    const kind = classify(ch);
    if (kind === null) {
      flush();
    } else if (kind === "mark") {
      cur += ch;
      prev ??= "caseless";
    } else if (kind === "upper") {
      if (prev === "lower" || prev === "digit" || prev === "caseless") flush();
      lastUpperAt = cur.length;
      cur += ch;
      upperRun++;
      prev = "upper";
    } else if (kind === "lower") {
      if (prev === "upper" && upperRun >= 2) {
        const next = cps[i + 1];
        const isPlural = ch === "s" && (next === undefined || classify(next) !== "lower");
        if (!isPlural) {
          // `HTTPMeta`: the `M` belongs to `Meta`, not to `HTTP`.
          words.push(cur.slice(0, lastUpperAt));
          cur = cur.slice(lastUpperAt);
        }
      }
      cur += ch;
      upperRun = 0;
      prev = "lower";
    } else {
      // Digits and caseless letters continue whatever word is open.
      cur += ch;
      upperRun = 0;
      prev = kind;
    }
  }
  flush();
  return words;
}

/** Splits off leading and trailing `_` runs, which snake and camel case preserve verbatim. */
function underscoreAffixes(name: string): { prefix: string; body: string; suffix: string } {
  const prefix = /^_*/.exec(name)?.[0] ?? "";
  const rest = name.slice(prefix.length);
  const suffix = /_*$/.exec(rest)?.[0] ?? "";
  return { prefix, body: rest.slice(0, rest.length - suffix.length), suffix };
}

/**
 * Uppercases the first code point of `word`, leaving the rest alone. A first letter whose
 * uppercase form is several code points (`ß` -> `SS`) is kept as is, so re-casing never changes
 * the number of characters in a word.
 */
export function upperFirst(word: string): string {
  if (word === "") return word;
  const first = String.fromCodePoint(word.codePointAt(0) ?? 0);
  const upper = first.toUpperCase();
  return (Array.from(upper).length === 1 ? upper : first) + word.slice(first.length);
}

/** The word with only its first code point uppercase (`JSON` -> `Json`, `IDs` -> `Ids`). */
export function capitalize(word: string): string {
  return upperFirst(word.toLowerCase());
}

/**
 * Joins re-cased words without a separator, except that a `_` goes between a word ending in a
 * digit and a word starting with one, so that `v1_2` does not turn into the different `v12`.
 */
export function joinTight(words: readonly string[]): string {
  let out = "";
  for (const word of words) {
    if (out !== "" && DIGIT.test(out.at(-1) ?? "") && DIGIT.test(word.charAt(0))) out += "_";
    out += word;
  }
  return out;
}

/**
 * One name of a text's words, each with its first letter uppercase, joined as {@link joinTight} joins
 * them (`order-form` -> `OrderForm`, `Bank Transfer` -> `BankTransfer`, `id_token` -> `IdToken`).
 */
export function pascalWords(text: string): string {
  return joinTight(splitWords(text).map(upperFirst));
}

/**
 * snake_case: the words of {@link splitWords}, lowercased, joined by `_`.
 *
 * `InputFileID`, `inputFileId` and `input_file_id` all give `input_file_id`; `B64JSON` gives
 * `b64_json`, `FileIDs` gives `file_ids`. Leading and trailing `_` runs are kept (`_private`,
 * `__init__`, `type_`), so a name that is already snake_case comes out unchanged and the function
 * is idempotent. The result is not necessarily a valid identifier (`2fa` stays `2fa`, `""` stays
 * `""`): pass it through {@link sanitizeIdentifier} where one is needed.
 */
export function toSnakeCase(name: string): string {
  const { prefix, body, suffix } = underscoreAffixes(name);
  return (
    prefix +
    splitWords(body)
      .map((w) => w.toLowerCase())
      .join("_") +
    suffix
  );
}

/**
 * camelCase: the first word lowercased, each following word with only its first letter uppercase.
 *
 * `InputFileID` -> `inputFileId`, `B64JSON` -> `b64Json`, `URL` -> `url`, `HTTPMeta` -> `httpMeta`,
 * `FileIDs` -> `fileIds`, `input_file_id` -> `inputFileId`. Initialisms are not kept uppercase
 * (that is the usual TypeScript SDK spelling). Leading and trailing `_` runs are kept
 * (`__typename`, `_links`). Adjacent digit boundaries keep a `_` (`v1_2` -> `v1_2`). The result is
 * not necessarily a valid identifier; see {@link sanitizeIdentifier}.
 */
export function toCamelCase(name: string): string {
  const { prefix, body, suffix } = underscoreAffixes(name);
  const words = splitWords(body).map((w, i) => (i === 0 ? w.toLowerCase() : capitalize(w)));
  return prefix + joinTight(words) + suffix;
}

/** The property name of a field under the chosen style. */
export function propertyName(name: string, style: FieldNameStyle): string {
  switch (style) {
    case "as-documented":
      return name;
    case "snake_case":
      return toSnakeCase(name);
    case "camelCase":
      return toCamelCase(name);
  }
}
