/**
 * What the lexicon's families (lexicon-*.ts) are written with: the JSON types their words map to
 * (imported as `json`, so that a row reads `num: json.DOUBLE`), and the shape of one family's tables.
 */
import type { TypeRef } from "../core/model.js";
import type { GenericMeaning } from "./spellings.js";

export const STRING: TypeRef = { kind: "string" };
export const INT32: TypeRef = { kind: "number", format: "int32" };
export const INT64: TypeRef = { kind: "number", format: "int64" };
/** Arbitrary-precision or platform-sized integers (Ruby, Elixir, Erlang, Haskell `Integer`). */
export const INTEGER: TypeRef = { kind: "number", format: "integer" };
export const FLOAT: TypeRef = { kind: "number", format: "float" };
export const DOUBLE: TypeRef = { kind: "number", format: "double" };
/** Decimal types carry exact numbers; on the wire they are JSON numbers. */
export const DECIMAL: TypeRef = DOUBLE;
export const BOOLEAN: TypeRef = { kind: "boolean" };
export const DATE: TypeRef = { kind: "string", format: "date" };
export const DATE_TIME: TypeRef = { kind: "string", format: "date-time" };
/** Binary data, files and streams: no JSON shape to check. */
export const BINARY: TypeRef = { kind: "unknown", reason: "external" };
export const ANY: TypeRef = { kind: "unknown", reason: "any" };
export const NULL: TypeRef = { kind: "null" };
export const OPEN_OBJECT: TypeRef = { kind: "open-object" };
export const ANY_ARRAY: TypeRef = { kind: "array", items: ANY };

/** The type words of one family of languages, by table (see lexicon.ts for the conventions). */
export interface LanguageWords {
  /** Bare primitive words -> the TypeRef their values have in JSON. */
  primitives: Readonly<Record<string, TypeRef>>;
  /** Qualified names of well-known types (lowercase, `.`-separated). */
  qualified: Readonly<Record<string, TypeRef>>;
  /** Generic wrappers and containers, by the lowercase last segment of their name. */
  generics: Readonly<Record<string, GenericMeaning>>;
  /** Library types with no JSON shape: lowercase name -> what it is. */
  libraryTypes: Readonly<Record<string, string>>;
  /** Words that spell the grammar's worded shapes (see ShapeWords in spellings.ts). */
  shapes?: {
    keyedMaps?: readonly string[];
    emptyBraces?: Readonly<Record<string, TypeRef>>;
    base64Elements?: readonly string[];
    wildcardBounds?: readonly string[];
    constructors?: readonly string[];
  };
}
