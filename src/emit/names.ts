/**
 * Identifiers for generated code: arbitrary text to valid TypeScript identifiers, names a module must
 * not declare, collision-free allocation, and enum member keys. Pure and deterministic, like the word
 * splitting in name-words.ts it builds on.
 */
import {
  capitalize,
  classify,
  DIGIT,
  ID_CONTINUE,
  ID_START,
  IDENTIFIER,
  joinTight,
  splitWords,
  upperFirst,
} from "./name-words.js";

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
