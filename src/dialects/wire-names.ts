/**
 * Wire names of fields that an SDK generator renamed because they clash with a reserved word of the
 * SDK language. OpenAPI Generator escapes them by rule: Python writes `var_from` for `from` (and for
 * names its models reserve, such as `schema`), Rust writes `_type` (older releases) or `r#type` for
 * `type`, Kotlin and Swift quote it in backticks. The docs show the SDK's name; the JSON carries the original.
 */

/** Rust's strict and reserved keywords (the Rust Reference, "Keywords"). */
const RUST_KEYWORDS = new Set([
  "as",
  "async",
  "await",
  "break",
  "const",
  "continue",
  "crate",
  "dyn",
  "else",
  "enum",
  "extern",
  "false",
  "fn",
  "for",
  "if",
  "impl",
  "in",
  "let",
  "loop",
  "match",
  "mod",
  "move",
  "mut",
  "pub",
  "ref",
  "return",
  "self",
  "static",
  "struct",
  "super",
  "trait",
  "true",
  "type",
  "unsafe",
  "use",
  "where",
  "while",
  "abstract",
  "become",
  "box",
  "do",
  "final",
  "macro",
  "override",
  "priv",
  "typeof",
  "unsized",
  "virtual",
  "yield",
  "try",
]);

/**
 * The wire name of a field documented as `documented` by a generator that escapes reserved words,
 * or `documented` itself when it carries no such escape.
 */
export function unescapeReservedName(documented: string): string {
  // Kotlin and Swift quote a reserved word in backticks (`` `class` ``).
  const quoted = /^`([^`]+)`$/.exec(documented);
  if (quoted) return quoted[1] as string;
  const python = /^var_(.+)$/.exec(documented);
  if (python) return python[1] as string;
  const raw = /^r#(.+)$/.exec(documented);
  if (raw) return raw[1] as string;
  const underscored = /^_([a-z]+)$/.exec(documented);
  if (underscored && RUST_KEYWORDS.has(underscored[1] as string)) return underscored[1] as string;
  return documented;
}
