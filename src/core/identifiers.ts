/**
 * Identifiers for generated code: arbitrary text to a valid TypeScript identifier, and the names a
 * module must not declare. Below model/ (overrides compare models' names as identifiers) and emit/.
 * Pure and deterministic, like the word splitting in naming.ts it builds on.
 */
import { ID_CONTINUE, ID_START, IDENTIFIER } from "./naming.js";

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
