/**
 * Name handling for generated code: splitting documented field names into words, re-casing them
 * for the user's naming mode, turning arbitrary text into valid TypeScript identifiers, and
 * handing out collision-free names.
 *
 * The docs come from SDK generators, so one field can be spelled as a Go name (`InputFileID`,
 * `B64JSON`), a TypeScript name (`inputFileId`) or a Python name (`input_file_id`); the word
 * splitter is tuned so that all three spellings give the same words.
 *
 * Everything here is pure and deterministic: no locale-aware APIs (`toLowerCase` and
 * `toUpperCase` use the locale-independent Unicode default mappings), no global state.
 */

/** A letter of any script. */
const LETTER = /^\p{L}$/u;
/** A lowercase letter by category, for the few that have no uppercase mapping (`ĸ`). */
const LOWERCASE_LETTER = /^\p{Ll}$/u;
/** A combining mark: it belongs to the character before it and never starts or ends a word. */
const MARK = /^\p{M}$/u;
/** A decimal digit of any script. */
const DIGIT = /^\p{Nd}$/u;
/** A code point that may start an ECMAScript identifier. */
const ID_START = /^[\p{ID_Start}$_]$/u;
/** A code point that may continue an ECMAScript identifier. */
const ID_CONTINUE = /^[\p{ID_Continue}$\u200C\u200D]$/u;
/** A whole valid identifier name (reserved words still need a separate check). */
const IDENTIFIER = /^[\p{ID_Start}$_][\p{ID_Continue}$\u200C\u200D]*$/u;

/** How a code point takes part in word splitting. `null` means "separator". */
type CharKind = "upper" | "lower" | "caseless" | "digit" | "mark" | null;

/**
 * Classifies one code point. Case is decided by the case mappings rather than the general
 * category, so a letter counts as uppercase exactly when lowercasing changes it. That keeps
 * `toSnakeCase` idempotent: its output has been lowercased, so it contains no "uppercase" letter
 * that could introduce a new word boundary on a second pass.
 */
function classify(ch: string): CharKind {
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
function upperFirst(word: string): string {
  if (word === "") return word;
  const first = String.fromCodePoint(word.codePointAt(0) ?? 0);
  const upper = first.toUpperCase();
  return (Array.from(upper).length === 1 ? upper : first) + word.slice(first.length);
}

/** The word with only its first code point uppercase (`JSON` -> `Json`, `IDs` -> `Ids`). */
function capitalize(word: string): string {
  return upperFirst(word.toLowerCase());
}

/**
 * Joins re-cased words without a separator, except that a `_` goes between a word ending in a
 * digit and a word starting with one, so that `v1_2` does not turn into the different `v12`.
 */
function joinTight(words: readonly string[]): string {
  let out = "";
  for (const word of words) {
    if (out !== "" && DIGIT.test(out.at(-1) ?? "") && DIGIT.test(word.charAt(0))) out += "_";
    out += word;
  }
  return out;
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

/**
 * PascalCase for type names: every word gets an uppercase first letter, but a word that already
 * starts with an uppercase letter, or has no lowercase letters at all, is kept exactly as is.
 *
 * `input_file_id` -> `InputFileId`, `batch object` -> `BatchObject`, while `BatchObject` and
 * `HTTPMetadata` stay unchanged (documented Go type names are already PascalCase and their
 * initialisms are intentional). Unlike the other two, underscores at the ends are dropped
 * (`_links` -> `Links`). Adjacent digit boundaries keep a `_` (`v1_2` -> `V1_2`). The result is
 * not necessarily a valid identifier (`2fa` -> `2fa`); see {@link sanitizeIdentifier}.
 */
export function toPascalCase(name: string): string {
  return joinTight(splitWords(name).map(upperFirst));
}

/**
 * Names that cannot be used to declare a type, const or function in a TypeScript module:
 * every ECMAScript reserved word (including the strict-mode and module-code ones, since emitted
 * files are ES modules), `arguments`/`eval` (not bindable in strict mode), and TypeScript's
 * predefined type names (`type string = ...` is an error).
 */
const RESERVED: ReadonlySet<string> = new Set([
  // ECMAScript reserved words.
  "await",
  "break",
  "case",
  "catch",
  "class",
  "const",
  "continue",
  "debugger",
  "default",
  "delete",
  "do",
  "else",
  "enum",
  "export",
  "extends",
  "false",
  "finally",
  "for",
  "function",
  "if",
  "import",
  "in",
  "instanceof",
  "new",
  "null",
  "return",
  "super",
  "switch",
  "this",
  "throw",
  "true",
  "try",
  "typeof",
  "var",
  "void",
  "while",
  "with",
  "yield",
  // Reserved in strict mode code.
  "implements",
  "interface",
  "let",
  "package",
  "private",
  "protected",
  "public",
  "static",
  // Not bindable in strict mode code.
  "arguments",
  "eval",
  // TypeScript predefined type names.
  "any",
  "bigint",
  "boolean",
  "never",
  "number",
  "object",
  "string",
  "symbol",
  "undefined",
  "unknown",
]);

/** Whether `name` is in the reserved set used by {@link sanitizeIdentifier} (case-sensitive). */
export function isReservedName(name: string): boolean {
  return RESERVED.has(name);
}

/**
 * Turns arbitrary text into a valid TypeScript identifier usable as a declaration name.
 *
 * - A string that already is a valid, non-reserved identifier is returned unchanged
 *   (`$ref`, `café`, `_private`).
 * - Code points that cannot appear in an identifier are dropped at the start and end, and each
 *   interior run of them becomes one `_` (`foo-bar` -> `foo_bar`, `🚀launch` -> `launch`).
 *   Underscores that were in the input are never removed.
 * - A result that does not start with an identifier-start code point (a digit, a combining mark)
 *   gets a `_` prefix (`2fa` -> `_2fa`); an empty result becomes `_`.
 * - A reserved word or TypeScript predefined type name gets a `_` suffix (`default` ->
 *   `default_`, `string` -> `string_`). The check is case-sensitive (`Default` is fine).
 *
 * Validity follows the Unicode tables of the running JavaScript engine (`\p{ID_Start}`,
 * `\p{ID_Continue}`).
 */
export function sanitizeIdentifier(raw: string): string {
  if (IDENTIFIER.test(raw) && !RESERVED.has(raw)) return raw;

  let out = "";
  let pendingGap = false;
  for (const ch of raw) {
    if (ID_CONTINUE.test(ch)) {
      if (pendingGap && out !== "") out += "_";
      pendingGap = false;
      out += ch;
    } else {
      // Only emit the `_` once a valid character follows, so nothing is added at either end.
      pendingGap = true;
    }
  }
  if (out === "") return "_";
  if (!ID_START.test(String.fromCodePoint(out.codePointAt(0) ?? 0))) out = `_${out}`;
  if (RESERVED.has(out)) out += "_";
  return out;
}

/** Options for {@link NameAllocator}. */
export interface NameAllocatorOptions {
  /**
   * Treat names differing only in case as the same (compared after `toLowerCase`), for file names
   * on case-insensitive file systems where `Batch.ts` and `batch.ts` are one file.
   */
  caseInsensitive?: boolean;
}

/**
 * Hands out collision-free names deterministically: the same sequence of `allocate` calls always
 * yields the same names. It does not sanitize; pass names through {@link sanitizeIdentifier}
 * first when they must be identifiers. For file names pass the base name without its extension,
 * so that the counter goes before it.
 */
export class NameAllocator {
  readonly #used = new Set<string>();
  readonly #caseInsensitive: boolean;

  /**
   * @param reserved names that are taken from the start (e.g. runtime imports, reserved words).
   * @param options see {@link NameAllocatorOptions}; comparison is case-sensitive by default.
   */
  constructor(reserved: Iterable<string> = [], options: NameAllocatorOptions = {}) {
    this.#caseInsensitive = options.caseInsensitive ?? false;
    for (const name of reserved) this.#used.add(this.#key(name));
  }

  #key(name: string): string {
    return this.#caseInsensitive ? name.toLowerCase() : name;
  }

  /** Whether `name` is reserved or has been allocated (under this allocator's case rule). */
  has(name: string): boolean {
    return this.#used.has(this.#key(name));
  }

  /**
   * Returns `preferred` if it is free, otherwise the first free of `preferred2`, `preferred3`, ...,
   * and records the returned name as used. When `preferred` ends in a digit the counter is
   * separated by `_` (`V1` -> `V1_2`), so the result cannot be misread as another number (`V12`).
   */
  allocate(preferred: string): string {
    let name = preferred;
    const sep = DIGIT.test(preferred.at(-1) ?? "") ? "_" : "";
    for (let n = 2; this.has(name); n++) name = `${preferred}${sep}${n}`;
    this.#used.add(this.#key(name));
    return name;
  }
}

/**
 * The key of a member in a generated `const X = { Key: "value" } as const` object, from the
 * member name the docs give.
 *
 * Go SDKs prefix enum constants with the type name, so that prefix is stripped when what remains
 * is non-empty and starts with an uppercase letter, i.e. at a word boundary (`StatusInProgress`
 * with type `Status` -> `InProgress`; `BatchObjectBatch` with `BatchObject` -> `Batch`). Otherwise
 * the member name is kept (`Model4` with `Model` stays `Model4`; `Statusfoo` stays `Statusfoo`).
 * The result goes through {@link sanitizeIdentifier}. Keys such as `__proto__` are returned as is;
 * quoting them, and making keys unique within one object, is the caller's job.
 */
export function enumMemberKey(memberName: string, typeName: string): string {
  let key = memberName;
  if (memberName.startsWith(typeName)) {
    const rest = memberName.slice(typeName.length);
    const first = rest === "" ? "" : String.fromCodePoint(rest.codePointAt(0) ?? 0);
    if (first !== "" && classify(first) === "upper") key = rest;
  }
  return sanitizeIdentifier(key);
}

/**
 * A member key derived from the value itself, for pages that list values without member names.
 *
 * The value's words are PascalCased (`in_progress` -> `InProgress`, `gpt-4o-mini` -> `Gpt4oMini`,
 * `text/plain` -> `TextPlain`, `true` -> `True`) and then sanitized (`1024x1024` -> `_1024x1024`).
 * Further rules:
 * - the empty string gives `Empty`;
 * - a leading `-` or `+` becomes `Minus`/`Plus` (`-1` -> `Minus1`, `-created_at` ->
 *   `MinusCreatedAt`), so that signed values and sort keys do not collide with their unsigned form;
 * - a value with two or more words and no lowercase letters is title-cased word by word
 *   (`IN_PROGRESS` -> `InProgress`), while a single all-caps word is kept (`GET`, `USD`);
 * - a value with no letters or digits gives `_` (`*`, emoji).
 * Numbers use `String(value)` (`1.5` -> `_1_5`). Uniqueness is the caller's job.
 */
export function enumMemberKeyFromValue(value: string | number | boolean): string {
  const text = String(value);
  if (text === "") return "Empty";
  let sign = "";
  let body = text;
  if ((text.startsWith("-") || text.startsWith("+")) && splitWords(text).length > 0) {
    sign = text.startsWith("-") ? "Minus" : "Plus";
    body = text.slice(1);
  }
  const words = splitWords(body);
  const screaming = words.length > 1 && words.every((w) => w.toUpperCase() === w);
  const pascal = joinTight(words.map(screaming ? capitalize : upperFirst));
  return sanitizeIdentifier(sign + pascal);
}
