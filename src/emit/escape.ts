/**
 * The one place where text taken from (untrusted) Markdown docs is turned into TypeScript source
 * text. Every doc comment, string literal, property key, number literal and literal type that the
 * generator emits goes through one of these functions, so that hostile docs can neither break out
 * of a comment or string, nor hide code behind invisible or reordering characters ("Trojan
 * Source", CVE-2021-42574), nor change the meaning of an object literal.
 *
 * No imports, not even TypeScript, so the rules stay explicit and can be tested on their own.
 */

/**
 * Characters that must never appear raw in generated code, besides the C0/C1 controls
 * (`\p{Cc}`) and lone surrogates (`\p{Cs}`, matched only when unpaired because of the `u` flag):
 * - U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069: bidi controls that can make code read
 *   differently from how it parses;
 * - U+2028, U+2029: line terminators in JS that most editors do not show as line breaks;
 * - U+FEFF: zero-width no-break space / byte order mark, invisible and treated as whitespace.
 *
 * The set is spelled out (rather than, say, `\p{Cf}`) so the output does not change with the
 * Unicode version of the Node.js running the generator.
 */
const UNSAFE_CHARS =
  "\\p{Cc}\\p{Cs}\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069\\u2028\\u2029\\ufeff";

/** Any unsafe character (for string literals, where JSON.stringify has already escaped `\n`). */
const UNSAFE = new RegExp(`[${UNSAFE_CHARS}]`, "gu");

/** Any unsafe character except `\n`, the only line terminator kept in doc comments. */
const UNSAFE_IN_COMMENT = new RegExp(`(?!\\n)[${UNSAFE_CHARS}]`, "gu");

/**
 * Writes one UTF-16 code unit as visible `\uXXXX` text. Every unsafe character is in the BMP (lone
 * surrogates are single code units), so four hex digits always suffice. Lower-case hex matches
 * what `JSON.stringify` produces for the characters it escapes itself.
 */
function unicodeEscape(char: string): string {
  return "\\u" + char.charCodeAt(0).toString(16).padStart(4, "0");
}

/**
 * Makes `text` safe as the body of a `/** ... *\/` JSDoc comment. Lines are separated by `\n`;
 * the caller (ts-morph) adds the ` * ` prefixes and the delimiters.
 *
 * - No star-slash remains (each becomes `*\/`), so the text cannot close the comment.
 * - `\r\n`, `\r`, U+2028, U+2029 and U+0085 become `\n`; tabs become one space.
 * - Other C0/C1 controls (NUL, ...), bidi controls, U+FEFF and lone surrogates are written as
 *   visible `\uXXXX` text. This is lossy on purpose: a comment is for reading, not round trips.
 * - An `@` at the start of a line or after whitespace, `*` or `{` becomes `\@`, so doc text cannot
 *   inject block tags (`@deprecated`, `@type`, ...) or inline tags (`{@link}`). Markdown renders
 *   `\@` as `@` in editor hovers.
 * - Trailing whitespace on each line and leading/trailing blank lines are removed; the result is
 *   `""` for blank input (callers should then emit no comment at all).
 *
 * The caller must separate `/**` from the text by a space or line break (ts-morph does): text
 * starting with `/` written directly after `/**` would read as `/**\/`.
 */
export function jsdocText(text: string): string {
  return (
    text
      // Line terminators first, so that U+0085 (also a C1 control) becomes a line break.
      .replace(/\r\n|[\r\u0085\u2028\u2029]/g, "\n")
      .replace(/\t/g, " ")
      .replace(UNSAFE_IN_COMMENT, unicodeEscape)
      // TypeScript (5.x) starts a block tag at an `@` that begins a line (after whitespace and one
      // `*`) and also at an `@` after whitespace mid-line; U+200B counts as whitespace for it.
      // `{@` starts an inline tag. Escaping `@` after any of these covers all cases while leaving
      // `user@example.com` alone; the previous match always ends in `@`, so none is skipped.
      .replace(/(^|[\s\u200b*{])@/gm, "$1\\@")
      // `\s` minus `\n`: spaces and the other Unicode space separators.
      .replace(/[^\S\n]+$/gm, "")
      .replace(/^\n+|\n+$/g, "")
      // Last, so no later step can produce a new `*/`. Inserting `\` between `*` and `/` cannot
      // create another `*/`, so one pass also handles `**/` and `*/*/`. `/*` is broken up too:
      // it is harmless to TypeScript inside a comment, but ts-morph's writer takes it for the
      // start of a nested comment and moves the following tag text (found by fuzzing).
      .replace(/\*(?=\/)/g, "*\\")
      .replace(/\/(?=\*)/g, "/\\")
  );
}

/**
 * Writes `value` as a double-quoted TypeScript string literal. The output is what
 * `JSON.stringify` produces, with U+2028, U+2029, DEL and C1 controls, bidi controls, U+FEFF
 * (and, already done by JSON.stringify, C0 controls and lone surrogates) written as `\uXXXX`.
 * Exact round trip: both `JSON.parse` and JS evaluation of the result give back `value`.
 * Other non-ASCII characters (é, 中, emoji) stay raw.
 */
export function stringLiteral(value: string): string {
  // JSON.stringify only emits `\` as the start of an escape, so a raw unsafe character is never
  // preceded by a dangling backslash and can be replaced by its own escape in place.
  return JSON.stringify(value).replace(UNSAFE, unicodeEscape);
}

/**
 * Writes `name` as a property name: bare when it is an ASCII identifier name (reserved words
 * included, they are valid property names), otherwise as a {@link stringLiteral}.
 *
 * `__proto__` is special: in an object literal (`"value"` context) `__proto__: x` and
 * `"__proto__": x` set the prototype instead of defining a property, so there it is written as
 * the computed key `["__proto__"]`. In a type literal or interface (`"type"` context) it is written
 * quoted. Class members are not covered (`constructor` and `prototype` are special there).
 */
export function propertyKey(name: string, context: "type" | "value"): string {
  if (name === "__proto__") {
    const quoted = stringLiteral(name);
    return context === "value" ? `[${quoted}]` : quoted;
  }
  // Bare only for ASCII identifiers: Node's Unicode tables are newer than TypeScript's, so a
  // non-ASCII name that Node accepts may not parse in tsc; quoting is always correct.
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : stringLiteral(name);
}

/**
 * Writes a finite number as TypeScript text: `String(value)` (so `1e+21`, `5e-7`, and large
 * integers exactly as JS prints them), except `-0`, which `String` would print as `0`. Negative
 * numbers come out as `-5`, a unary minus expression: wrap the result in parentheses before
 * member access or after another `-`.
 *
 * @throws RangeError for NaN and ±Infinity, which have no literal; callers must report those with
 *   a diagnostic before calling.
 */
export function numberLiteral(value: number): string {
  if (!Number.isFinite(value)) {
    throw new RangeError(`numberLiteral: ${String(value)} has no TypeScript literal`);
  }
  // `1e21`, not `1e+21`: the exponent as prettier writes it, so formatting never changes a literal.
  return Object.is(value, -0) ? "-0" : String(value).replace("e+", "e");
}

/**
 * Writes the literal type for `value`: a {@link stringLiteral}, a {@link numberLiteral} (`-5` is
 * a valid literal type; throws RangeError for non-finite numbers), or `true`/`false`.
 */
export function literalType(value: string | number | boolean): string {
  switch (typeof value) {
    case "string":
      return stringLiteral(value);
    case "number":
      return numberLiteral(value);
    case "boolean":
      return value ? "true" : "false";
    default:
      // Unreachable for typed callers; guards against unchecked data from JS.
      throw new TypeError(`literalType: unsupported value of type ${typeof value}`);
  }
}
