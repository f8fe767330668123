/**
 * Names in generated code: collision-free allocation and enum member keys. Pure and deterministic, like
 * the word splitting (core/naming.ts) and identifiers (core/identifiers.ts) they build on.
 */
import { sanitizeIdentifier } from "../core/identifiers.js";
import { capitalize, classify, DIGIT, joinTight, splitWords, upperFirst } from "../core/naming.js";

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
