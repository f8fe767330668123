/**
 * One small table per doc dialect over the one type grammar: which spellings its type cells use and
 * what its few dialect-specific markers mean. Everything else (tables by header names, sections by
 * title) is shared, so a dialect docs2ts has never seen still reads, with warnings at the cells.
 */
import type { Dialect } from "../core/options.js";
import type { TypeRef } from "../core/model.js";
import { PROTOBUF_SCALARS, PROTOBUF_WELL_KNOWN } from "./lexicon-protobuf.js";
import { ANY_TYPE, DEFAULT_SPELLINGS, extendSpellings, type Spellings } from "./spellings.js";

/** A concrete dialect (`auto` resolved). */
export type ResolvedDialect = Exclude<Dialect, "auto">;

/** The rules of one dialect. */
export interface DialectRules {
  dialect: ResolvedDialect;
  spellings: Spellings;
  /**
   * What a Go pointer (`*T`, `Pointer to T`) on a field means: Speakeasy Go decodes JSON `null` into it
   * (`nullable`); OpenAPI Generator uses it for fields that may be absent (`optional`).
   */
  pointer: "nullable" | "optional";
  /** Hand-written tables: "one of `a`, `b`" in a type or description cell is a literal union. */
  inlineEnums: boolean;
  /**
   * What a model table without rows means: Speakeasy writes one for a free-form object
   * (`open-object`); OpenAPI Generator writes one for every model it does not document, enums
   * included, so nothing can be said of the type (`undocumented`).
   */
  emptyTable: "open-object" | "undocumented";
  /** Field names escape reserved words by the generator's rule (`var_from`, `_type`): read them back. */
  escapedReservedNames: boolean;
  /**
   * What a link to a section of the same page (`#anchor`) that is no enum of the page means: a model
   * the docs left without a page of its own (`open-object`, with a warning: SDK pages hold one model),
   * or the model of that section, found when every page is read (`section`: pages of many models).
   */
  inPageLinks: "open-object" | "section";
}

/** Python: `object` and `Any` mean any JSON value, not an object. */
const PYTHON_SPELLINGS = extendSpellings(DEFAULT_SPELLINGS, {
  primitives: { object: ANY_TYPE },
});

const BASE64: TypeRef = { kind: "string" };

/**
 * OpenAPI Generator: also Python's `bytearray`, its type for `format: byte`, which JSON carries as
 * base64 text (as Go's `[]byte`).
 */
const OPENAPI_GENERATOR_SPELLINGS = extendSpellings(PYTHON_SPELLINGS, {
  // Its types for `format: byte` (Kotlin's ByteArray, Swift's Data) are base64 text in JSON too.
  primitives: { bytearray: BASE64, data: BASE64 },
  knownQualified: { "kotlin.bytearray": BASE64, "foundation.data": BASE64 },
  // Rust: every field its struct may lack is an `Option<T>`.
  generics: { option: "option" },
});

/** OpenAPI Generator's Ruby pages: `Date` is a calendar day there (`Time` the instant). */
const OPENAPI_GENERATOR_RUBY_SPELLINGS = extendSpellings(OPENAPI_GENERATOR_SPELLINGS, {
  primitives: { Date: { kind: "string", format: "date" } },
});

/**
 * Speakeasy's other SDK languages (Go, and the Java, C#, PHP and Ruby pages that read as it): their
 * `Object` / `object` holds any value. Sorbet's `T.nilable(T)` (and `Crystalline::Nilable.new(T)`) and
 * PHP's `?T` wrap every field the object may lack; in those languages an absent field and a null one
 * are one value (`nil`, `null`), so the docs cannot promise the JSON never holds null: the field
 * accepts null, on an optional row as on a required one, as a Go pointer does.
 */
const SPEAKEASY_SPELLINGS = extendSpellings(DEFAULT_SPELLINGS, {
  primitives: { object: ANY_TYPE },
  generics: { nilable: "nullable" },
  questionPrefix: "nullable",
});

/** TypeScript: `T?` marks an optional member. */
const TYPESCRIPT_SPELLINGS = extendSpellings(DEFAULT_SPELLINGS, { questionMark: "optional" });

/** Hand-written tables: `string?` means the field may be left out. */
const HAND_WRITTEN_SPELLINGS = extendSpellings(DEFAULT_SPELLINGS, { questionMark: "optional" });

/**
 * OpenAPI rendered as Markdown (widdershins and kin): OpenAPI's own type words, `object` a JSON
 * object and `any` any value (the defaults), `array` an array of any items; formats in parentheses
 * and `¦null` are the grammar's.
 */
const OPENAPI_MARKDOWN_SPELLINGS = extendSpellings(DEFAULT_SPELLINGS, {
  // `[array]`: an array whose items are arrays the tool does not describe.
  primitives: { array: { kind: "array", items: ANY_TYPE } },
});

/**
 * Protobuf docs: the scalar and well-known types as the proto3 JSON mapping writes them (64-bit
 * integers and `bytes` are strings), for the type an override gives a field of such a page.
 */
const PROTOBUF_SPELLINGS = extendSpellings(DEFAULT_SPELLINGS, {
  primitives: { ...PROTOBUF_SCALARS },
  knownQualified: { ...PROTOBUF_WELL_KNOWN },
});

/**
 * Docs sites written by hand: types in words (`snowflake` ids are text, `ISO8601 timestamp` a date-time,
 * `mixed` any value, `file` an upload with no JSON shape); `?T` may be null, `T?` may be absent.
 */
const DOCS_SITE_SPELLINGS = extendSpellings(DEFAULT_SPELLINGS, {
  primitives: {
    snowflake: { kind: "string" },
    iso8601: { kind: "string", format: "date-time" },
    file: { kind: "unknown", reason: "external" },
    enum: { kind: "unknown", reason: "any" },
  },
  questionMark: "optional",
});

const RULES: Readonly<Record<ResolvedDialect, DialectRules>> = {
  "speakeasy-go": {
    dialect: "speakeasy-go",
    emptyTable: "open-object",
    escapedReservedNames: false,
    inPageLinks: "open-object",
    spellings: SPEAKEASY_SPELLINGS,
    pointer: "nullable",
    inlineEnums: false,
  },
  "speakeasy-ts": {
    dialect: "speakeasy-ts",
    emptyTable: "open-object",
    escapedReservedNames: false,
    inPageLinks: "open-object",
    spellings: TYPESCRIPT_SPELLINGS,
    pointer: "nullable",
    inlineEnums: false,
  },
  "speakeasy-python": {
    dialect: "speakeasy-python",
    emptyTable: "open-object",
    escapedReservedNames: false,
    inPageLinks: "open-object",
    spellings: PYTHON_SPELLINGS,
    pointer: "nullable",
    inlineEnums: false,
  },
  // OpenAPI Generator's `object` is a free-form value in every target language (Python `object`,
  // Java `Object`); its Go pages spell maps as `map[string]interface{}`.
  "openapi-generator": {
    dialect: "openapi-generator",
    emptyTable: "undocumented",
    escapedReservedNames: true,
    inPageLinks: "open-object",
    spellings: OPENAPI_GENERATOR_SPELLINGS,
    pointer: "optional",
    inlineEnums: false,
  },
  "hand-written": {
    dialect: "hand-written",
    emptyTable: "open-object",
    escapedReservedNames: false,
    inPageLinks: "open-object",
    spellings: HAND_WRITTEN_SPELLINGS,
    pointer: "nullable",
    inlineEnums: true,
  },
  // One page of every schema: `[X](#schemax)` names the section of schema X on the same page.
  widdershins: {
    dialect: "widdershins",
    // `*None*`: no rows for a free-form object, an alias of another schema, a schema without a type.
    emptyTable: "undocumented",
    escapedReservedNames: false,
    inPageLinks: "section",
    spellings: OPENAPI_MARKDOWN_SPELLINGS,
    pointer: "nullable",
    inlineEnums: false,
  },
  // JSON Schema docs (@adobe/jsonschema2md): types are JSON Schema words (`string`, `object[]`),
  // read by the family's own reader (families/json-schema-docs/); links name other schemas' pages.
  jsonschema2md: {
    dialect: "jsonschema2md",
    emptyTable: "open-object",
    escapedReservedNames: false,
    inPageLinks: "section",
    spellings: DEFAULT_SPELLINGS,
    pointer: "nullable",
    inlineEnums: false,
  },
  // protoc-gen-doc: every message of an API on one page, linked by `#full.name` anchors.
  "protoc-gen-doc": {
    dialect: "protoc-gen-doc",
    emptyTable: "open-object",
    escapedReservedNames: false,
    inPageLinks: "section",
    spellings: PROTOBUF_SPELLINGS,
    pointer: "optional",
    inlineEnums: false,
  },
  "docs-site": {
    dialect: "docs-site",
    emptyTable: "open-object",
    escapedReservedNames: false,
    inPageLinks: "section",
    spellings: DOCS_SITE_SPELLINGS,
    pointer: "nullable",
    inlineEnums: false,
  },
};

const OPENAPI_GENERATOR_RUBY: DialectRules = {
  ...RULES["openapi-generator"],
  spellings: OPENAPI_GENERATOR_RUBY_SPELLINGS,
};

/**
 * The rules of a dialect, for a page whose code blocks are in `languages` (lowercase): a language
 * whose words mean something else than the dialect's other languages' gets its own table.
 */
export function dialectRules(
  dialect: ResolvedDialect,
  languages: ReadonlySet<string> = new Set(),
): DialectRules {
  if (dialect === "openapi-generator" && (languages.has("ruby") || languages.has("rb")))
    return OPENAPI_GENERATOR_RUBY;
  return RULES[dialect];
}
